// Command editor applies a stream of edits to a file as an editor would:
// after each edit it tells tswasm what changed, reparses incrementally from
// the previous tree, and prints the ranges whose syntax changed.
//
//	printf '%s\n' '0 0 "// edited\n"' '3 6 "changed"' | go run ./examples/editor main.go
//
// Each line of standard input is one edit, "OFFSET DELETE TEXT": replace
// DELETE bytes at byte OFFSET with TEXT, a Go-quoted string. The language
// comes from the file name. With -sexp, editor also prints the tree after
// each edit.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all" // every bundled grammar
)

func main() {
	sexp := flag.Bool("sexp", false, "print the tree's S-expression after each edit")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: editor [-sexp] <file>  (edits on stdin: OFFSET DELETE \"TEXT\")")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(context.Background(), flag.Arg(0), os.Stdin, os.Stdout, *sexp); err != nil {
		fmt.Fprintln(os.Stderr, "editor:", err)
		os.Exit(1)
	}
}

// edit replaces del bytes at off with text.
type edit struct {
	off, del int
	text     string
}

// parseEdit reads one "OFFSET DELETE TEXT" line.
func parseEdit(line string) (edit, error) {
	f := strings.SplitN(strings.TrimSpace(line), " ", 3)
	if len(f) != 3 {
		return edit{}, errors.New(`want OFFSET DELETE "TEXT"`)
	}
	off, err1 := strconv.Atoi(f[0])
	del, err2 := strconv.Atoi(f[1])
	text, err3 := strconv.Unquote(f[2])
	if err := errors.Join(err1, err2, err3); err != nil {
		return edit{}, err
	}
	return edit{off, del, text}, nil
}

// pointAt is the row and byte column of offset off in text.
func pointAt(text []byte, off int) tswasm.Point {
	line := strings.LastIndexByte(string(text[:off]), '\n')
	return tswasm.Point{Row: uint(strings.Count(string(text[:off]), "\n")), Column: uint(off - line - 1)}
}

// apply returns the text after e, and the InputEdit that describes it.
func apply(text []byte, e edit) ([]byte, tswasm.InputEdit) {
	out := make([]byte, 0, len(text)-e.del+len(e.text))
	out = append(append(append(out, text[:e.off]...), e.text...), text[e.off+e.del:]...)
	return out, tswasm.InputEdit{
		StartByte:      uint(e.off),
		OldEndByte:     uint(e.off + e.del),
		NewEndByte:     uint(e.off + len(e.text)),
		StartPosition:  pointAt(text, e.off),
		OldEndPosition: pointAt(text, e.off+e.del),
		NewEndPosition: pointAt(out, e.off+len(e.text)),
	}
}

// run parses path, then applies the edits read from edits one by one.
func run(ctx context.Context, path string, edits io.Reader, w io.Writer, sexp bool) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	spec, ok := languages.Detect(path, text[:min(len(text), 256)])
	if !ok {
		return fmt.Errorf("%s: no bundled grammar for this file", filepath.Base(path))
	}
	engine, err := newEngine(ctx)
	if err != nil {
		return err
	}
	defer engine.Close()
	lang, err := languages.Load(ctx, engine, spec)
	if err != nil {
		return err
	}
	parser, err := engine.NewParser(ctx)
	if err != nil {
		return err
	}
	defer parser.Close()
	if err := parser.SetLanguage(ctx, lang); err != nil {
		return err
	}
	tree, err := parser.Parse(ctx, text, nil)
	if err != nil {
		return err
	}
	defer func() { tree.Close() }()

	sc := bufio.NewScanner(edits)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		e, err := parseEdit(sc.Text())
		if err != nil {
			return fmt.Errorf("edit %d: %w", n, err)
		}
		if e.off < 0 || e.del < 0 || e.off+e.del > len(text) {
			return fmt.Errorf("edit %d: bytes %d-%d are outside the text (%d bytes)", n, e.off, e.off+e.del, len(text))
		}
		var ie tswasm.InputEdit
		text, ie = apply(text, e)
		if err := tree.Edit(&ie); err != nil {
			return err
		}
		next, err := parser.Parse(ctx, text, tree)
		if err != nil {
			return fmt.Errorf("edit %d: %w", n, err)
		}
		ranges, err := tree.ChangedRanges(next)
		tree.Close()
		tree = next
		if err != nil {
			return fmt.Errorf("edit %d: %w", n, err)
		}
		fmt.Fprintf(w, "edit %d: %d %d %q: %d changed ranges\n", n, e.off, e.del, e.text, len(ranges))
		for _, r := range ranges {
			fmt.Fprintf(w, "  changed %d:%d-%d:%d bytes %d-%d\n", r.StartPoint.Row+1, r.StartPoint.Column+1,
				r.EndPoint.Row+1, r.EndPoint.Column+1, r.StartByte, r.EndByte)
		}
		if sexp {
			fmt.Fprintf(w, "  sexp %s\n", tree.RootNode().ToSexp())
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "final: %d bytes, errors: %v\n", len(text), tree.RootNode().HasError())
	return err
}

// newEngine starts an engine that caches compiled code in
// $TSWASM_CACHE_DIR (by default the user cache directory's tswasm/wazero),
// so that later runs start faster; TSWASM_CACHE_DIR=off disables the cache.
func newEngine(ctx context.Context) (*tswasm.Engine, error) {
	dir := os.Getenv("TSWASM_CACHE_DIR")
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "tswasm", "wazero")
		}
	}
	if dir != "" && dir != "off" && os.MkdirAll(dir, 0o755) == nil {
		if e, err := tswasm.NewEngine(ctx, tswasm.WithCompilationCacheDir(dir)); err == nil {
			return e, nil
		}
	}
	return tswasm.NewEngine(ctx)
}
