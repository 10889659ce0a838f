package tswasm

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// nonASCIIGo is Go source with multi-byte UTF-8 characters in identifiers,
// strings, runes and comments, including characters outside the BMP
// (surrogate pairs in UTF-16).
const nonASCIIGo = `// Paquete de ejemplo: ñandú, 日本語, emoji 🎉.
package main

import "fmt"

type Größe struct {
	Höhe, Breite float64 // in Ångström
}

func (g Größe) Fläche() float64 { return g.Höhe * g.Breite }

func main() {
	π := 3.14159
	s := "héllo, 世界 🌍"
	r := '界'
	for i, c := range s {
		fmt.Println(i, c, r, π)
	}
	/* block comment with ✓ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 */
	fmt.Printf("%v\n", Größe{Höhe: 2, Breite: 3}.Fläche())
}
`

// chunkReader serves text in chunks of n bytes and checks every offset and
// point the parser asks for against the text.
func chunkReader(t *testing.T, text []byte, n int, enc InputEncoding) (func(uint, Point) []byte, *int) {
	calls := 0
	return func(off uint, p Point) []byte {
		calls++
		if off > uint(len(text)) {
			t.Errorf("read at %d, past the end of %d bytes", off, len(text))
			return nil
		}
		if want := encodedPointAt(text, int(off), enc); p != want {
			t.Errorf("read at %d got point %v, want %v", off, p, want)
		}
		return text[off:min(uint(len(text)), off+uint(n))]
	}, &calls
}

// encodedPointAt is textPointAt for UTF-8 or UTF-16 text: rows end at
// '\n' characters, columns count bytes.
func encodedPointAt(text []byte, off int, enc InputEncoding) Point {
	if enc == InputEncodingUTF8 {
		return textPointAt(text, off)
	}
	var p Point
	for i := 0; i+2 <= off; i += 2 {
		var u uint16
		if enc == InputEncodingUTF16LE {
			u = binary.LittleEndian.Uint16(text[i:])
		} else {
			u = binary.BigEndian.Uint16(text[i:])
		}
		if u == '\n' {
			p.Row++
			p.Column = 0
		} else {
			p.Column += 2
		}
	}
	if off%2 == 1 {
		p.Column++
	}
	return p
}

// TestParseWithMatchesParse parses through the read callback, with chunks
// of 1, 7 and 4096 bytes and the whole rest at once, and requires the same
// tree (S-expression and every node's range) as Parse. Chunks of 1 and 7
// bytes split multi-byte characters.
func TestParseWithMatchesParse(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	ctx := context.Background()
	texts := map[string][]byte{"non-ASCII": []byte(nonASCIIGo), "empty": nil}
	if files := pickSourceFiles(t, goSrcDir(t), ".go", 60_000, 200_000, 1); len(files) == 1 {
		texts["large"] = mustReadFile(t, files[0]) // larger than the 64 KiB chunk buffer
	}
	for name, text := range texts {
		want := mustParse(t, p, string(text))
		wantNodes := flattenTree(want)
		for _, n := range []int{1, 7, 4096, math.MaxInt32} {
			if n == 1 && len(text) > 10_000 {
				continue
			}
			read, calls := chunkReader(t, text, n, InputEncodingUTF8)
			got, err := p.ParseWith(ctx, read, nil)
			require.NoError(t, err)
			require.Equal(t, want.RootNode().String(), got.RootNode().String(), "%s, chunks of %d", name, n)
			require.NoError(t, diffNodes(flattenTree(got), wantNodes), "%s, chunks of %d", name, n)
			require.Positive(t, *calls)
			require.NoError(t, got.Close())
		}
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// TestParseWithIncremental reparses through the read callback with an
// edited old tree.
func TestParseWithIncremental(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	ctx := context.Background()
	text := []byte(nonASCIIGo)
	old := mustParse(t, p, nonASCIIGo)
	at := bytes.Index(text, []byte("\tπ := 3.14159\n"))
	edit := textEdit{start: at, ins: []byte("\tvar ünused = \"ü\"\n")}
	newText, ie := edit.apply(text)
	require.NoError(t, old.Edit(&ie))
	read, _ := chunkReader(t, newText, 5, InputEncodingUTF8)
	got, err := p.ParseWith(ctx, read, old)
	require.NoError(t, err)
	defer got.Close()
	want := mustParse(t, p, string(newText))
	require.Equal(t, want.RootNode().String(), got.RootNode().String())
	require.NoError(t, diffNodes(flattenTree(got), flattenTree(want)))
	require.Contains(t, got.RootNode().String(), "(var_declaration")
}

// TestParseReaderAt parses from an io.ReaderAt and reports read errors.
func TestParseReaderAt(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	ctx := context.Background()
	text := []byte(strings.Repeat(nonASCIIGo, 40)) // about 20 KB, several reads
	want := mustParse(t, p, string(text))

	got, err := p.ParseReaderAt(ctx, bytes.NewReader(text), int64(len(text)), nil)
	require.NoError(t, err)
	require.Equal(t, want.RootNode().String(), got.RootNode().String())
	require.NoError(t, got.Close())

	// Only the first size bytes are parsed.
	head := []byte(nonASCIIGo)
	got, err = p.ParseReaderAt(ctx, bytes.NewReader(text), int64(len(head)), nil)
	require.NoError(t, err)
	require.Equal(t, mustParse(t, p, nonASCIIGo).RootNode().String(), got.RootNode().String())
	require.NoError(t, got.Close())

	// A failing reader fails the parse with its error; the parser goes on working.
	boom := errors.New("disk on fire")
	_, err = p.ParseReaderAt(ctx, &failingReaderAt{r: bytes.NewReader(text), after: 100, err: boom}, int64(len(text)), nil)
	require.ErrorIs(t, err, boom)
	// A reader shorter than the size it was given is an unexpected EOF.
	_, err = p.ParseReaderAt(ctx, bytes.NewReader(head), int64(len(head))+10, nil)
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)

	got, err = p.ParseReaderAt(ctx, bytes.NewReader(text), int64(len(text)), nil)
	require.NoError(t, err)
	require.Equal(t, want.RootNode().String(), got.RootNode().String())
	require.NoError(t, got.Close())

	_, err = p.ParseReaderAt(ctx, bytes.NewReader(text), -1, nil)
	require.Error(t, err)
	_, err = p.ParseReaderAt(ctx, nil, 0, nil)
	require.Error(t, err)
	_, err = p.ParseWith(ctx, nil, nil)
	require.Error(t, err)
}

type failingReaderAt struct {
	r     io.ReaderAt
	after int64
	err   error
}

func (f *failingReaderAt) ReadAt(b []byte, off int64) (int, error) {
	if off+int64(len(b)) > f.after {
		return 0, f.err
	}
	return f.r.ReadAt(b, off)
}

// TestParseWithPanic re-raises a panic of the read callback after the
// parse, and leaves the parser and store usable.
func TestParseWithPanic(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	text := []byte(strings.Repeat(nonASCIIGo, 10))
	require.PanicsWithValue(t, "read failed", func() {
		_, _ = p.ParseWith(context.Background(), func(off uint, _ Point) []byte {
			if off > 1000 {
				panic("read failed")
			}
			return text[off:min(uint(len(text)), off+100)]
		}, nil)
	})
	require.NoError(t, p.Store().Err())
	tree := mustParse(t, p, nonASCIIGo)
	require.False(t, tree.RootNode().HasError())
}

// toUTF16 encodes UTF-8 text as UTF-16 in the given byte order and returns,
// for each UTF-8 byte offset that starts a character (and the end), the
// matching UTF-16 byte offset.
func toUTF16(text string, enc InputEncoding) ([]byte, map[uint]uint) {
	var out []byte
	offsets := map[uint]uint{}
	for i, r := range text {
		offsets[uint(i)] = uint(len(out))
		for _, u := range utf16.Encode([]rune{r}) {
			if enc == InputEncodingUTF16LE {
				out = binary.LittleEndian.AppendUint16(out, u)
			} else {
				out = binary.BigEndian.AppendUint16(out, u)
			}
		}
	}
	offsets[uint(len(text))] = uint(len(out))
	return out, offsets
}

// TestParseUTF16 parses the same non-ASCII source as UTF-8, UTF-16LE and
// UTF-16BE: the S-expressions must be equal, and every node's UTF-16 byte
// offsets and points must be the UTF-8 ones converted.
func TestParseUTF16(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	ctx := context.Background()
	require.True(t, utf8.ValidString(nonASCIIGo))
	want := mustParse(t, p, nonASCIIGo)
	require.False(t, want.RootNode().HasError())
	wantNodes := flattenTree(want)

	for _, enc := range []InputEncoding{InputEncodingUTF16LE, InputEncodingUTF16BE} {
		t.Run(enc.String(), func(t *testing.T) {
			text, offsets := toUTF16(nonASCIIGo, enc)
			require.NoError(t, p.SetEncoding(enc))
			defer func() { require.NoError(t, p.SetEncoding(InputEncodingUTF8)) }()
			require.Equal(t, enc, p.Encoding())
			check := func(tree *Tree, how string) {
				require.Equal(t, want.RootNode().String(), tree.RootNode().String(), how)
				got := flattenTree(tree)
				require.Len(t, got, len(wantNodes), how)
				for i, w := range wantNodes {
					g := got[i]
					require.Equal(t, w.kind, g.kind, how)
					require.Equal(t, offsets[w.start], g.start, "%s: start of %v", how, w)
					require.Equal(t, offsets[w.end], g.end, "%s: end of %v", how, w)
					require.Equal(t, encodedPointAt(text, int(g.start), enc), g.startPt, "%s: start point of %v", how, w)
					require.Equal(t, encodedPointAt(text, int(g.end), enc), g.endPt, "%s: end point of %v", how, w)
				}
			}
			tree, err := p.Parse(ctx, text, nil)
			require.NoError(t, err)
			check(tree, "Parse")
			// Chunks of 1 and 7 bytes split UTF-16 code units and surrogate pairs.
			for _, n := range []int{1, 7, 4096} {
				read, _ := chunkReader(t, text, n, enc)
				got, err := p.ParseWith(ctx, read, nil)
				require.NoError(t, err)
				check(got, "ParseWith")
				require.NoError(t, got.Close())
			}
			require.NoError(t, tree.Close())
		})
	}
	require.Error(t, p.SetEncoding(InputEncoding(3)))
	require.Equal(t, InputEncodingUTF8, p.Encoding())
}

// TestIncludedRanges parses only the Go code between markers of a
// document: the tree must be the tree of the code alone, with offsets in
// the document.
func TestIncludedRanges(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	ctx := context.Background()
	part1 := "package main\n\nfunc a() int { return 1 }\n"
	part2 := "func b() string { return \"b\" }\n"
	doc := "# Title\n\nSome prose, not Go { ( [.\n\n```go\n" + part1 + "```\n\nMore prose.\n\n```go\n" + part2 + "```\n"
	var ranges []Range
	for _, part := range []string{part1, part2} {
		start := strings.Index(doc, part)
		require.Positive(t, start)
		end := start + len(part)
		ranges = append(ranges, Range{StartByte: uint(start), EndByte: uint(end),
			StartPoint: textPointAt([]byte(doc), start), EndPoint: textPointAt([]byte(doc), end)})
	}

	def, err := p.IncludedRanges()
	require.NoError(t, err)
	require.Equal(t, []Range{{EndByte: math.MaxUint32, EndPoint: Point{Row: math.MaxUint32, Column: math.MaxUint32}}}, def,
		"the default is tree-sitter's whole-document range")

	require.NoError(t, p.SetIncludedRanges(ctx, ranges))
	got, err := p.IncludedRanges()
	require.NoError(t, err)
	require.Equal(t, ranges, got)

	tree := mustParse(t, p, doc)
	require.False(t, tree.RootNode().HasError(), tree.RootNode().String())
	treeRanges, err := tree.IncludedRanges()
	require.NoError(t, err)
	require.Equal(t, ranges, treeRanges)

	require.NoError(t, p.SetIncludedRanges(ctx, nil))
	alone := mustParse(t, p, part1+part2)
	require.Equal(t, alone.RootNode().String(), tree.RootNode().String())

	// Offsets are those of the document.
	root := tree.RootNode()
	var funcs []Node
	for i := range root.NamedChildCount() {
		if c := root.NamedChild(i); c.Kind() == "function_declaration" {
			funcs = append(funcs, c)
		}
	}
	require.Len(t, funcs, 2)
	for i, name := range []string{"func a()", "func b()"} {
		start := strings.Index(doc, name)
		require.Equal(t, uint(start), funcs[i].StartByte(), name)
		require.Equal(t, textPointAt([]byte(doc), start), funcs[i].StartPosition(), name)
		require.Equal(t, strings.TrimSuffix([]string{part1, part2}[i][strings.Index([]string{part1, part2}[i], "func"):], "\n"),
			funcs[i].UTF8Text([]byte(doc)))
	}

	// Restoring the default range parses the whole document again, as prose.
	def2, err := p.IncludedRanges()
	require.NoError(t, err)
	require.Equal(t, def, def2)
	whole := mustParse(t, p, doc)
	require.True(t, whole.RootNode().HasError())
}

// TestIncludedRangesInvalid refuses overlapping, unordered and inverted
// ranges and keeps the previous ones.
func TestIncludedRangesInvalid(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	ctx := context.Background()
	valid := []Range{{StartByte: 0, EndByte: 10, EndPoint: Point{Column: 10}}}
	require.NoError(t, p.SetIncludedRanges(ctx, valid))
	for name, tc := range map[string]struct {
		ranges []Range
		index  int
	}{
		"overlapping": {[]Range{{StartByte: 0, EndByte: 10}, {StartByte: 5, EndByte: 20}}, 1},
		"unordered":   {[]Range{{StartByte: 20, EndByte: 30}, {StartByte: 0, EndByte: 10}}, 1},
		"inverted":    {[]Range{{StartByte: 10, EndByte: 5}}, 0},
		"too large":   {[]Range{{StartByte: 0, EndByte: math.MaxUint32 + 1}}, 0},
	} {
		err := p.SetIncludedRanges(ctx, tc.ranges)
		var ire *IncludedRangesError
		require.ErrorAs(t, err, &ire, name)
		require.Equal(t, tc.index, ire.Index, name)
		got, err := p.IncludedRanges()
		require.NoError(t, err)
		require.Equal(t, valid, got, name)
	}
	// Adjacent ranges are fine.
	require.NoError(t, p.SetIncludedRanges(ctx, []Range{{StartByte: 0, EndByte: 10}, {StartByte: 10, EndByte: 20}}))
}
