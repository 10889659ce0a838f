// Grammars declaring hostile table and data sizes are refused with a typed error and leave nothing behind.
package tswasm_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/internal/link"
	"github.com/tswasm/tswasm/internal/wasmbin"
)

// hostileGrammar builds a grammar-shaped side module whose dylink.0
// section claims memSize data bytes and tableSize table entries.
func hostileGrammar(memSize, tableSize uint32) []byte {
	var b wasmbin.Builder
	var sub []byte
	for _, v := range []uint32{memSize, 4, tableSize, 0} {
		sub = wasmbin.AppendU32(sub, v)
	}
	b.Custom("dylink.0", append(wasmbin.AppendU32([]byte{1}, uint32(len(sub))), sub...))
	b.ImportMemory("env", "memory")
	b.ImportTable("env", "__indirect_function_table")
	memBase := b.ImportGlobal("env", "__memory_base", wasmbin.I32, false)
	entry := b.Func(wasmbin.FuncType{Results: []byte{wasmbin.I32}}, []byte{0, 0x23, byte(memBase), 0x0b})
	b.Export("tree_sitter_hostile", wasmbin.KindFunc, entry)
	return b.Bytes()
}

// hostileGrammars are the crafted sizes of issue 11.
var hostileGrammars = []struct {
	name             string
	memSize, entries uint32
}{
	{"table-0xF0000000", 64, 0xF0000000},
	{"table-2^26", 64, 1 << 26},
	{"data-1GiB", 1 << 30, 1},
}

// TestHostileGrammarsRefused loads each crafted grammar 50 times: each
// load gets an error matching link.ErrLimit, nothing is compiled or kept
// in the engine, and the engine still loads and runs a real grammar.
func TestHostileGrammarsRefused(t *testing.T) {
	ctx := context.Background()
	e, err := tswasm.NewEngine(ctx, tswasm.WithMemoryLimit(64<<20))
	require.NoError(t, err)
	defer e.Close()
	for _, h := range hostileGrammars {
		t.Run(h.name, func(t *testing.T) {
			wasm := hostileGrammar(h.memSize, h.entries)
			for range 50 {
				_, err := e.LoadLanguage(ctx, wasm, "")
				require.ErrorIs(t, err, link.ErrLimit)
			}
			assert.Zero(t, e.Stats().Grammars, "refused grammars are not compiled or kept")
		})
	}
	b, err := os.ReadFile("languages/json/tree-sitter-json.wasm")
	require.NoError(t, err)
	l, err := e.LoadLanguage(ctx, b, "")
	require.NoError(t, err)
	p, err := e.NewParser(ctx)
	require.NoError(t, err)
	defer p.Close()
	require.NoError(t, p.SetLanguage(ctx, l))
	tree, err := p.Parse(ctx, []byte(`{"a": [1, 2]}`), nil)
	require.NoError(t, err)
	defer tree.Close()
	assert.Equal(t, "(document (object (pair key: (string (string_content)) value: (array (number) (number)))))", tree.RootNode().String())
}

// TestWriteFuzzSeeds regenerates the committed seed files of the fuzz
// targets that are built rather than copied (TSWASM_WRITE_FUZZ_SEEDS=1).
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("TSWASM_WRITE_FUZZ_SEEDS") != "1" {
		t.Skip("set TSWASM_WRITE_FUZZ_SEEDS=1 to rewrite testdata/fuzz seeds")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzGrammar")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, h := range hostileGrammars {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(hostileGrammar(h.memSize, h.entries))))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "issue11-"+h.name), []byte(body), 0o644))
	}
}
