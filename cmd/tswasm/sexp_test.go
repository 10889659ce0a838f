package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tswasm/tswasm"
)

// TestSexpMatchesRuntime compares the Go S-expression writer with the
// runtime's ts_node_string on real files without syntax errors, in several
// grammars.
func TestSexpMatchesRuntime(t *testing.T) {
	ctx := context.Background()
	e, err := tswasm.NewEngine(ctx)
	require.NoError(t, err)
	defer e.Close()
	var files []string
	add := func(pattern string, max int) {
		m, _ := filepath.Glob(pattern)
		if len(m) > max {
			m = m[:max]
		}
		files = append(files, m...)
	}
	add(filepath.Join(runtime.GOROOT(), "src", "go", "ast", "*.go"), 12)
	add(filepath.Join(runtime.GOROOT(), "src", "net", "http", "*.go"), 8)
	add("/usr/include/c++/12/bits/stl_*.h", 6)
	add("/usr/lib/python3*/json/*.py", 6)
	add(filepath.Join(runtime.GOROOT(), "misc", "wasm", "*.js"), 2)
	add(filepath.Join(runtime.GOROOT(), "src", "cmd", "go", "testdata", "script", "*.txt"), 0)
	add("../../languages/*/testdata/snippet.*", 100)
	compared, langs := 0, map[string]int{}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil || len(src) > 300_000 {
			continue
		}
		sp, ok := detectLang(path, src)
		if !ok {
			continue
		}
		if strings.Contains(path, "/c++/") {
			sp, _ = lookupLang("cpp")
		}
		lang, err := loadLang(ctx, e, sp)
		require.NoError(t, err)
		p, err := e.NewParser(ctx)
		require.NoError(t, err)
		require.NoError(t, p.SetLanguage(ctx, lang))
		tree, err := p.Parse(ctx, src, nil)
		require.NoError(t, err)
		root := tree.RootNode()
		if !root.HasError() {
			var b bytes.Buffer
			require.NoError(t, writeSexp(ctx, &b, root, false))
			want := root.String() + "\n"
			if b.String() != want {
				i := 0
				for i < len(want) && i < b.Len() && want[i] == b.Bytes()[i] {
					i++
				}
				t.Errorf("%s (%s): differs at byte %d:\n go: %.200s\nrun: %.200s", path, sp.Name, i, b.String()[max(0, i-80):], want[max(0, i-80):])
			}
			compared++
			langs[sp.Name]++
		}
		tree.Close()
		p.Close()
	}
	t.Logf("compared %d files: %v", compared, langs)
	require.Greater(t, compared, 10)
	require.Greater(t, len(langs), 3)
}
