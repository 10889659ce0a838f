//go:build cgo

package tswasm

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Legacy emscripten grammars (tree-sitter-wasms 0.1.13: the old dylink
// section, GOT.func and GOT.mem imports, __assert_fail) parse real files
// nobody here wrote. Their grammar versions are older than the code, so a
// few files may hold syntax they do not know; nearly all must parse clean.
func TestLegacyGrammarsParseRealFiles(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	for _, tc := range []struct {
		file, root string
		files      func(*testing.T) []string
	}{
		{"tree-sitter-wasms-0.1.13-javascript.wasm", "program", jsCorpus},
		{"tree-sitter-wasms-0.1.13-python.wasm", "module", pythonCorpus},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p := newTestParser(t, e, loadTestGrammar(t, e, tc.file))
			files := sample(tc.files(t), 60)
			clean := 0
			for _, f := range files {
				src, err := os.ReadFile(f)
				require.NoError(t, err)
				tree, err := p.Parse(ctx, src, nil)
				require.NoError(t, err, f)
				root := tree.RootNode()
				assert.Equal(t, tc.root, root.Kind(), f)
				assert.LessOrEqual(t, root.EndByte(), uint(len(src)), f)
				if !root.HasError() {
					clean++
				}
				require.NoError(t, tree.Close())
			}
			t.Logf("%s: %d of %d real files parse without errors", tc.file, clean, len(files))
			assert.GreaterOrEqual(t, clean*10, len(files)*9, "at least 90%% of the files parse clean")
		})
	}
}
