// Command funcs lists the functions and methods declared in the Go files
// under a directory, parsing the files in parallel with tswasm and finding
// the names with a tree-sitter query.
//
//	go run ./examples/funcs $(go env GOROOT)/src/net/http
//
// Each line is "file:line:column: name" (the file relative to the
// directory), sorted by file and position.
package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// funcQuery captures the name of every function and method declaration.
const funcQuery = `
(function_declaration name: (identifier) @name)
(method_declaration name: (field_identifier) @name)
`

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: funcs <dir>")
		os.Exit(2)
	}
	if err := run(context.Background(), os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "funcs:", err)
		os.Exit(1)
	}
}

// decl is one declaration found.
type decl struct {
	file      string
	row, col  uint // zero-based, as tree-sitter counts
	name      string
	startByte uint
}

// run prints the declarations in the .go files under dir to w.
func run(ctx context.Context, dir string, w io.Writer) error {
	files, err := goFiles(dir)
	if err != nil {
		return err
	}
	engine, err := newEngine(ctx)
	if err != nil {
		return err
	}
	defer engine.Close()
	lang, err := golang.Language(ctx, engine)
	if err != nil {
		return err
	}
	query, err := tswasm.NewQuery(ctx, lang, funcQuery)
	if err != nil {
		return err
	}
	defer query.Close()

	// One parser and one query cursor per worker; the query is shared.
	jobs := make(chan string)
	results := make([][]decl, len(files))
	index := make(map[string]int, len(files))
	for i, f := range files {
		index[f] = i
	}
	workers := min(runtime.GOMAXPROCS(0), len(files))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = worker(ctx, engine, lang, query, dir, jobs, func(f string, ds []decl) { results[index[f]] = ds })
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for _, ds := range results {
		for _, d := range ds {
			if _, err := fmt.Fprintf(w, "%s:%d:%d: %s\n", d.file, d.row+1, d.col+1, d.name); err != nil {
				return err
			}
		}
	}
	return nil
}

// worker parses and queries the files it receives until jobs closes. After
// an error it keeps draining jobs so that run never blocks.
func worker(ctx context.Context, e *tswasm.Engine, lang *tswasm.Language, q *tswasm.Query, dir string,
	jobs <-chan string, done func(string, []decl)) error {
	var firstErr error
	parser, err := e.NewParser(ctx)
	if err != nil {
		firstErr = err
	} else {
		defer parser.Close()
		firstErr = parser.SetLanguage(ctx, lang)
	}
	qc := tswasm.NewQueryCursor()
	defer qc.Close()
	for path := range jobs {
		if firstErr != nil {
			continue
		}
		ds, err := declarations(ctx, parser, qc, q, dir, path)
		if err != nil {
			firstErr = fmt.Errorf("%s: %w", path, err)
			continue
		}
		done(path, ds)
	}
	return firstErr
}

// declarations parses one file and runs the query on its tree.
func declarations(ctx context.Context, p *tswasm.Parser, qc *tswasm.QueryCursor, q *tswasm.Query, dir, path string) ([]decl, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	tree, err := p.Parse(ctx, src, nil)
	if err != nil {
		return nil, err
	}
	defer tree.Close()
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		rel = path
	}
	var ds []decl
	var qerr error
	for m, err := range qc.Matches(ctx, q, tree.RootNode(), src) {
		if err != nil {
			qerr = err
			break
		}
		for _, c := range m.Captures {
			pos := c.Node.StartPosition()
			ds = append(ds, decl{rel, pos.Row, pos.Column, c.Node.UTF8Text(src), c.Node.StartByte()})
		}
	}
	if err := qerr; err != nil {
		return nil, err
	}
	slices.SortFunc(ds, func(a, b decl) int { return int(a.startByte) - int(b.startByte) })
	return ds, nil
}

// goFiles lists the regular .go files under dir, sorted.
func goFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
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
