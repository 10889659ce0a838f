// Stage 2 of the pipeline: open a regular file, size-check it, read it, pick its encoding.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tswasm/tswasm"
)

// skipKind says why an input was not processed.
type skipKind int

const (
	notSkipped skipKind = iota
	skipBinary          // NUL bytes or mostly invalid UTF-8
	skipNoLang          // found in a directory, but no language applies
)

// headSize is how much of a file language detection and the binary check see.
const headSize = 8 << 10

// source is one input read and its language and encoding chosen.
type source struct {
	src  []byte
	le   *langEntry
	enc  tswasm.InputEncoding
	skip skipKind
}

// errTooBig is the error for a file over --max-size.
type errTooBig struct{ size, max int64 }

func (e errTooBig) Error() string {
	return fmt.Sprintf("file is %s, over the --max-size of %s; skipped", formatBytes(e.size), formatIEC(uint64(e.max)))
}

// readInput reads an input and picks its language and encoding. A skipped
// input returns its skipKind and no error.
func (r *resolver) readInput(in input, maxSize int64, encoding string) (s source, err error) {
	if in.path == "-" {
		if in.stdinErr != nil {
			return s, in.stdinErr
		}
		if int64(len(in.stdin)) > maxSize {
			return s, errTooBig{int64(len(in.stdin)), maxSize}
		}
		s.le = r.choose(in, in.stdin[:min(len(in.stdin), headSize)])
		if s.le == nil {
			return s, errors.New("standard input needs --lang or --grammar (no shebang or modeline names its language)")
		}
		s.src, s.enc = decodeBOM(in.stdin, encoding)
		return s, nil
	}
	f, size, err := openRegular(in.path)
	if err != nil {
		if in.maybe {
			s.skip = skipNoLang
			return s, nil
		}
		return s, err
	}
	defer f.Close()
	if size > maxSize {
		return s, errTooBig{size, maxSize}
	}
	buf := make([]byte, min(max(size, 0)+1, headSize))
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		if in.maybe {
			s.skip = skipNoLang
			return s, nil
		}
		return s, err
	}
	head := buf[:n]
	complete := n < len(buf)
	enc, _ := encodingOf(head, encoding)
	detectHead := head
	if enc != tswasm.InputEncodingUTF8 {
		detectHead = utf16Head(head, enc)
	}
	s.le = r.choose(in, detectHead)
	if s.le == nil {
		if in.explicit {
			return s, errNoLanguage
		}
		s.skip = skipNoLang
		return s, nil
	}
	if enc == tswasm.InputEncodingUTF8 && isBinary(head, complete) {
		s.skip = skipBinary
		return s, nil
	}
	src := head
	if !complete {
		var all bytes.Buffer
		all.Grow(int(size) + 512)
		all.Write(head)
		if _, err := all.ReadFrom(io.LimitReader(f, maxSize+1-int64(n))); err != nil {
			return s, err
		}
		if int64(all.Len()) > maxSize {
			return s, errTooBig{int64(all.Len()), maxSize}
		}
		src = all.Bytes()
	}
	s.src, s.enc = decodeBOM(src, encoding)
	return s, nil
}

// encodingOf picks the encoding of a text from --encoding and its byte
// order mark, and says how long the mark is.
func encodingOf(head []byte, flag string) (tswasm.InputEncoding, int) {
	bomLE := bytes.HasPrefix(head, []byte{0xFF, 0xFE})
	bomBE := bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	switch flag {
	case "utf-8":
		return tswasm.InputEncodingUTF8, 0
	case "utf-16le":
		if bomLE {
			return tswasm.InputEncodingUTF16LE, 2
		}
		return tswasm.InputEncodingUTF16LE, 0
	case "utf-16be":
		if bomBE {
			return tswasm.InputEncodingUTF16BE, 2
		}
		return tswasm.InputEncodingUTF16BE, 0
	}
	switch {
	case bomLE:
		return tswasm.InputEncodingUTF16LE, 2
	case bomBE:
		return tswasm.InputEncodingUTF16BE, 2
	}
	return tswasm.InputEncodingUTF8, 0
}

// decodeBOM returns the text to parse and its encoding: a UTF-16 byte order
// mark is dropped (byte offsets then count from after it).
func decodeBOM(src []byte, flag string) ([]byte, tswasm.InputEncoding) {
	enc, bom := encodingOf(src, flag)
	return src[bom:], enc
}

// utf16Head converts the start of a UTF-16 text to UTF-8 for detection.
func utf16Head(head []byte, enc tswasm.InputEncoding) []byte {
	return []byte(decodeUTF16(head, enc))
}

// decodeUTF16 converts UTF-16 bytes (an odd last byte is dropped) to a Go
// string.
func decodeUTF16(b []byte, enc tswasm.InputEncoding) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if enc == tswasm.InputEncodingUTF16BE {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// nodeText returns the text of [start, end) of src as UTF-8.
func nodeText(src []byte, start, end uint, enc tswasm.InputEncoding) string {
	end = min(end, uint(len(src)))
	start = min(start, end)
	if enc == tswasm.InputEncodingUTF8 {
		return string(src[start:end])
	}
	return decodeUTF16(src[start:end], enc)
}

// isBinary reports whether a file's first bytes look binary: a NUL byte, or
// more than 10% of bytes in invalid UTF-8 sequences. complete says head is
// the whole file (otherwise a rune cut at its end is not counted).
func isBinary(head []byte, complete bool) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			if !complete && len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) {
				break
			}
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}
