// Runs funcs on GOROOT/src/net/http and checks its output against go/parser.
package main

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFuncsNetHTTP lists the declarations of net/http with funcs, and again
// with the standard library's go/parser, and requires the same lines for
// every file go/parser accepts (all but testdata files that are invalid on
// purpose, which go/parser rejects).
func TestFuncsNetHTTP(t *testing.T) {
	dir := filepath.Join(runtime.GOROOT(), "src", "net", "http")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no Go source tree: %v", err)
	}
	t.Setenv("TSWASM_CACHE_DIR", t.TempDir())
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), dir, &out))
	got := map[string][]string{} // file -> lines, in output order
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		file, _, ok := strings.Cut(line, ":")
		require.True(t, ok, line)
		got[file] = append(got[file], line)
	}

	files, err := goFiles(dir)
	require.NoError(t, err)
	require.Greater(t, len(files), 100)
	compared, lines := 0, 0
	for _, path := range files {
		rel, err := filepath.Rel(dir, path)
		require.NoError(t, err)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			require.Contains(t, rel, "testdata", "go/parser rejects %s", rel)
			continue
		}
		var want []string
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				p := fset.Position(fd.Name.Pos())
				want = append(want, fmt.Sprintf("%s:%d:%d: %s", rel, p.Line, p.Column, fd.Name.Name))
			}
		}
		require.Equal(t, want, got[rel], rel)
		delete(got, rel)
		compared++
		lines += len(want)
	}
	for file := range got {
		require.Contains(t, file, "testdata", "funcs listed %s, which go/parser rejects", file)
	}
	require.Greater(t, compared, 100)
	require.Greater(t, lines, 1000)
	t.Logf("%d files, %d declarations identical to go/parser's", compared, lines)
}
