// input.go: input encodings and parsing text supplied in chunks (ParseWith, ParseReaderAt).
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/tswasm/tswasm/internal/abi"
)

// InputEncoding is the encoding of the text a parser reads. Byte offsets
// and columns are always counted in bytes of the text as given: for UTF-16
// text, in bytes of the UTF-16 text (two or four per character).
type InputEncoding int

// Input encodings, with tree-sitter's TSInputEncoding values.
const (
	InputEncodingUTF8    InputEncoding = 0
	InputEncodingUTF16LE InputEncoding = 1
	InputEncodingUTF16BE InputEncoding = 2
)

// String returns "UTF-8", "UTF-16LE" or "UTF-16BE".
func (e InputEncoding) String() string {
	switch e {
	case InputEncodingUTF8:
		return "UTF-8"
	case InputEncodingUTF16LE:
		return "UTF-16LE"
	case InputEncodingUTF16BE:
		return "UTF-16BE"
	}
	return fmt.Sprintf("InputEncoding(%d)", int(e))
}

// SetEncoding sets the encoding later parses read their text in. The
// default is UTF-8. tree-sitter's custom decoders are not supported.
func (p *Parser) SetEncoding(e InputEncoding) error {
	if !p.use.enter() {
		return ErrConcurrentUse
	}
	defer p.use.exit()
	switch e {
	case InputEncodingUTF8, InputEncodingUTF16LE, InputEncodingUTF16BE:
		p.encoding = e
		return nil
	}
	return fmt.Errorf("tswasm: unsupported input encoding %d", int(e))
}

// Encoding returns the encoding set by SetEncoding.
func (p *Parser) Encoding() InputEncoding { return p.encoding }

// inputChunkSize is the size of the wasm buffer each chunk of a callback
// input is copied into.
const inputChunkSize = 64 << 10

// ParseWith parses text supplied piece by piece by read, which is asked for
// the text that starts at byteOffset (at row and column p) and returns a
// chunk of it; an empty chunk ends the text. tree-sitter may ask for the
// same offset more than once and, after reusing parts of old, skip over
// text. Chunks may have any length, and a character may be split across
// chunks: ParseWith gathers consecutive chunks into buffers of 64 KiB
// before the parser sees them. The returned slice is copied before read is
// called again, so it may be reused. Everything else is as for Parse.
//
// read runs in the middle of a wasm call while the parser's store is
// locked: tswasm objects of the same store refuse to work from inside it
// (calls fail with ErrReentrant, Node methods return zero values). If read panics, the parse is stopped and the panic is
// re-raised from ParseWith once the store is unlocked.
func (p *Parser) ParseWith(ctx context.Context, read func(byteOffset uint, p Point) []byte, old *Tree) (*Tree, error) {
	if read == nil {
		return nil, errors.New("tswasm: ParseWith(nil)")
	}
	return p.run(ctx, parseRequest{input: &inputReader{read: read, enc: p.encoding}}, old)
}

// ParseReaderAt parses the first size bytes of r, read in chunks of up to
// 64 KiB straight into wasm memory, without holding the whole text in Go
// memory. A read error other than io.EOF fails the parse with an error
// wrapping it. r's ReadAt runs while the parser's store is locked, with the
// restrictions described at ParseWith. Everything else is as for Parse.
func (p *Parser) ParseReaderAt(ctx context.Context, r io.ReaderAt, size int64, old *Tree) (*Tree, error) {
	if r == nil {
		return nil, errors.New("tswasm: ParseReaderAt(nil)")
	}
	if size < 0 || size > math.MaxUint32 {
		return nil, fmt.Errorf("tswasm: input size %d is outside what wasm32 can address", size)
	}
	return p.run(ctx, parseRequest{input: &inputReader{ra: r, size: size, enc: p.encoding}}, old)
}

// inputReader serves the host's read import for ParseWith and
// ParseReaderAt.
type inputReader struct {
	read func(uint, Point) []byte
	ra   io.ReaderAt
	size int64
	enc  InputEncoding
	err  error // the first read error; the input ends there
}

// fill copies the text at off into the wasm buffer [buf, buf+capacity) and
// returns how many bytes it wrote; 0 ends the input.
func (in *inputReader) fill(mem abi.View, off uint32, p Point, buf abi.Ptr, capacity uint32) uint32 {
	if in.err != nil {
		return 0
	}
	dst, ok := mem.Bytes(buf, capacity)
	if !ok {
		in.err = errors.New("input buffer outside wasm memory")
		return 0
	}
	if in.ra != nil {
		return in.fillReaderAt(dst, int64(off))
	}
	// Ask for consecutive chunks until the buffer is full or the text ends,
	// keeping track of the point at which each chunk starts.
	var t pointTracker
	t.reset(p, in.enc)
	n := 0
	for n < len(dst) {
		chunk := in.read(uint(off)+uint(n), t.at(dst[:n]))
		if len(chunk) == 0 {
			break
		}
		n += copy(dst[n:], chunk)
	}
	return uint32(n)
}

func (in *inputReader) fillReaderAt(dst []byte, off int64) uint32 {
	if off >= in.size {
		return 0
	}
	dst = dst[:min(int64(len(dst)), in.size-off)]
	n, err := in.ra.ReadAt(dst, off)
	if n > len(dst) || n < 0 {
		n = 0
	}
	if err != nil && !(errors.Is(err, io.EOF) && n > 0) {
		// A ReaderAt may return io.EOF with the last bytes; an EOF with no
		// bytes before size, or any other error, is a failure.
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		in.err = err
		return 0
	}
	return uint32(n)
}

// pointTracker computes the row and column of successive offsets in a
// buffer being filled, given the point of its first byte. Rows advance at
// each '\n' character (a byte in UTF-8, a 16-bit unit in UTF-16); columns
// count bytes, as tree-sitter's do.
type pointTracker struct {
	start   Point
	enc     InputEncoding
	scanned int // bytes of the buffer already scanned
	rows    uint
	lineAt  int // offset in the buffer just past the last newline, if rows > 0
}

func (t *pointTracker) reset(p Point, enc InputEncoding) {
	*t = pointTracker{start: p, enc: enc}
}

// at returns the point just past b, which extends the buffer seen by the
// previous call.
func (t *pointTracker) at(b []byte) Point {
	switch t.enc {
	case InputEncodingUTF16LE, InputEncodingUTF16BE:
		hi, lo := 0, 1 // byte order of a unit
		if t.enc == InputEncodingUTF16LE {
			hi, lo = 1, 0
		}
		for ; t.scanned+2 <= len(b); t.scanned += 2 {
			if b[t.scanned+hi] == 0 && b[t.scanned+lo] == '\n' {
				t.rows++
				t.lineAt = t.scanned + 2
			}
		}
	default:
		for ; t.scanned < len(b); t.scanned++ {
			if b[t.scanned] == '\n' {
				t.rows++
				t.lineAt = t.scanned + 1
			}
		}
	}
	if t.rows == 0 {
		return Point{Row: t.start.Row, Column: t.start.Column + uint(len(b))}
	}
	return Point{Row: t.start.Row + t.rows, Column: uint(len(b) - t.lineAt)}
}
