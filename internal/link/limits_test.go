// Tests that grammars declaring hostile table and data sizes are refused before anything grows.
package link

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/internal/wasmbin"
)

// crafted describes a grammar-shaped module with chosen layout claims.
type crafted struct {
	memSize, memAlign, tableSize, tableAlign uint32
	gotFuncs                                 int    // distinct GOT.func imports
	legacy                                   bool   // legacy "dylink" section
	raw                                      []byte // extra raw sections, inserted before the global section
}

// craftedModule builds a module that links against the real runtime:
// it imports the memory, table and bases, and exports tree_sitter_fake.
func craftedModule(c crafted) []byte {
	var b wasmbin.Builder
	var sub []byte
	for _, v := range []uint32{c.memSize, c.memAlign, c.tableSize, c.tableAlign} {
		sub = wasmbin.AppendU32(sub, v)
	}
	if c.legacy {
		b.Custom("dylink", append(sub, 0))
	} else {
		sec := wasmbin.AppendU32([]byte{1}, uint32(len(sub)))
		b.Custom("dylink.0", append(sec, sub...))
	}
	b.ImportMemory("env", "memory")
	b.ImportTable("env", "__indirect_function_table")
	memBase := b.ImportGlobal("env", "__memory_base", i32, false)
	for i := 0; i < c.gotFuncs; i++ {
		b.ImportGlobal("GOT.func", fmt.Sprintf("f%d", i), i32, true)
	}
	entry := b.Func(fnI32, []byte{0, 0x23, byte(memBase), 0x41, 16, 0x6a, 0x0b})
	b.Export("tree_sitter_fake", wasmbin.KindFunc, entry)
	for i := 0; i < c.gotFuncs; i++ {
		b.Export(fmt.Sprintf("f%d", i), wasmbin.KindFunc, entry)
	}
	return insertSections(b.Bytes(), c.raw)
}

// insertSections puts raw sections (table, memory) before the first
// section whose id is above 5, keeping the binary's section order valid.
func insertSections(wasm, raw []byte) []byte {
	if len(raw) == 0 {
		return wasm
	}
	r := wasmbin.NewReader(wasm[8:])
	off := 8
	for !r.EOF() {
		id := r.Byte()
		r.Bytes(int(r.U32()))
		if id > 5 {
			break
		}
		off = len(wasm) - len(r.Rest())
		r = wasmbin.NewReader(wasm[off:])
	}
	out := append([]byte{}, wasm[:off]...)
	out = append(out, raw...)
	return append(out, wasm[off:]...)
}

// rawSection encodes one section with id and body.
func rawSection(id byte, body ...byte) []byte {
	return append(wasmbin.AppendU32([]byte{id}, uint32(len(body))), body...)
}

// definedTable is a table section with one funcref table of min entries.
func definedTable(min uint32) []byte {
	return rawSection(4, append([]byte{1, wasmbin.FuncRef, 0}, wasmbin.AppendU32(nil, min)...)...)
}

// definedMemory is a memory section with one memory of min pages.
func definedMemory(pages uint32) []byte {
	return rawSection(5, append([]byte{1, 0}, wasmbin.AppendU32(nil, pages)...)...)
}

// The crafted sizes of issue 11, and a few more a grammar file can declare.
var hostileGrammars = []struct {
	name string
	c    crafted
	what string
}{
	{"table 0xF0000000 entries", crafted{memSize: 64, memAlign: 4, tableSize: 0xF0000000}, "table entries"},
	{"table 2^26 entries", crafted{memSize: 64, memAlign: 4, tableSize: 1 << 26}, "table entries"},
	{"legacy dylink table 2^26", crafted{memSize: 64, memAlign: 4, tableSize: 1 << 26, legacy: true}, "table entries"},
	{"data 1 GiB", crafted{memSize: 1 << 30, memAlign: 4, tableSize: 1}, "data bytes"},
	{"data 0xFFFFFFFF", crafted{memSize: 0xFFFFFFFF, memAlign: 4}, "data bytes"},
	{"data alignment 2^31", crafted{memSize: 64, memAlign: 31}, "data alignment"},
	{"table alignment 2^32", crafted{memSize: 64, memAlign: 4, tableSize: 1, tableAlign: 32}, "table alignment"},
	{"10000 GOT.func slots", crafted{memSize: 64, memAlign: 4, gotFuncs: 10000}, "table entries"},
	{"own table of 2^27 entries", crafted{memSize: 64, memAlign: 4, raw: definedTable(1 << 27)}, "table entries"},
	{"own memory of 65536 pages", crafted{memSize: 64, memAlign: 4, raw: definedMemory(65536)}, "data bytes"},
}

func TestHostileLayoutRefusedByInspect(t *testing.T) {
	for _, tc := range hostileGrammars {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Inspect(craftedModule(tc.c), "")
			require.Error(t, err)
			var le *LimitError
			require.ErrorAs(t, err, &le)
			assert.ErrorIs(t, err, ErrLimit)
			assert.Contains(t, le.What, tc.what)
			assert.Greater(t, le.Asked, le.Limit)
		})
	}
}

// TestHostileLayoutNeverGrows links each crafted grammar directly (past a
// permissive Inspect) and checks that Link refuses it before calling
// AllocData or TableGrow, and that the target keeps working.
func TestHostileLayoutNeverGrows(t *testing.T) {
	tg, ctx := newTarget(t)
	var allocs, grows int
	alloc, grow := tg.AllocData, tg.TableGrow
	tg.AllocData = func(ctx context.Context, size, align uint32) (uint32, error) {
		allocs++
		return alloc(ctx, size, align)
	}
	tg.TableGrow = func(ctx context.Context, n uint32) (uint32, error) {
		grows++
		return grow(ctx, n)
	}
	huge := Limits{MaxDataBytes: 1 << 62, MaxTableEntries: 1 << 62}
	for _, tc := range hostileGrammars {
		t.Run(tc.name, func(t *testing.T) {
			wasm := craftedModule(tc.c)
			g, err := InspectWithLimits(wasm, "", huge)
			if tc.what == "data alignment" || tc.what == "table alignment" {
				require.ErrorIs(t, err, ErrLimit, "alignment has a fixed cap")
				return
			}
			require.NoError(t, err)
			allocs, grows = 0, 0
			_, err = Link(ctx, tg, g, nil) // never gets as far as instantiating
			require.ErrorIs(t, err, ErrLimit)
			assert.Zero(t, allocs, "no data was allocated")
			assert.Zero(t, grows, "the table never grew")
		})
	}
	// The target still links a sane grammar.
	in, err := link(t, tg, ctx, sideModule(sideOpts{memAlign: 4}))
	require.NoError(t, err)
	in.Close(ctx)
}

func TestLayoutJustUnderLimitsLinks(t *testing.T) {
	tg, ctx := newTarget(t)
	wasm := craftedModule(crafted{memSize: 8 << 20, memAlign: 4, tableSize: 3000, gotFuncs: 1000})
	g, err := Inspect(wasm, "")
	require.NoError(t, err)
	assert.Equal(t, Footprint{DataBytes: 8<<20 + 15, TableEntries: 4000}, g.Footprint())
	before, err := tg.TableGrow(ctx, 0)
	require.NoError(t, err)
	in, err := link(t, tg, ctx, wasm)
	require.NoError(t, err)
	defer in.Close(ctx)
	after, err := tg.TableGrow(ctx, 0)
	require.NoError(t, err)
	assert.Equal(t, uint32(4000), after-before, "the table grew by the footprint")
	assert.Equal(t, g.Footprint(), in.Footprint)
	assert.Equal(t, uint64(8<<20+15+4000*8), in.Footprint.HostBytes())
}

func TestLinkTighterTargetLimitsAndReserve(t *testing.T) {
	tg, ctx := newTarget(t)
	wasm := sideModule(sideOpts{memAlign: 4})
	g, err := Inspect(wasm, "")
	require.NoError(t, err)

	tight := tg
	tight.Limits = Limits{MaxDataBytes: 32}
	_, err = Link(ctx, tight, g, nil)
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "data bytes", le.What)

	refuse := errors.New("over the store's memory limit")
	var asked Footprint
	withBudget := tg
	withBudget.Reserve = func(_ context.Context, f Footprint) error { asked = f; return refuse }
	_, err = Link(ctx, withBudget, g, nil)
	require.ErrorIs(t, err, refuse)
	assert.Equal(t, g.Footprint(), asked)
	assert.Equal(t, Footprint{DataBytes: 64 + 15, TableEntries: 2}, asked, "64 data bytes aligned to 16; 1 table slot and 1 GOT.func")
}

// TestRealGrammarsWithinDefaultLimits checks every bundled and test grammar
// passes the default limits, and reports the largest footprints.
func TestRealGrammarsWithinDefaultLimits(t *testing.T) {
	files, _ := filepath.Glob("../../languages/*/*.wasm")
	more, _ := filepath.Glob("../../testdata/grammars/*.wasm")
	files = append(files, more...)
	require.NotEmpty(t, files)
	var maxData, maxTable uint64
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		g, err := Inspect(b, "")
		require.NoError(t, err, f)
		fp := g.Footprint()
		maxData, maxTable = max(maxData, fp.DataBytes), max(maxTable, fp.TableEntries)
	}
	t.Logf("%d grammars: largest data %d bytes, largest table %d entries", len(files), maxData, maxTable)
	assert.Less(t, maxData*8, DefaultLimits.MaxDataBytes, "8x headroom on data")
	assert.Less(t, maxTable*100, DefaultLimits.MaxTableEntries, "100x headroom on the table")
}
