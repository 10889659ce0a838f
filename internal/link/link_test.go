package link

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	tsrt "github.com/tswasm/tswasm/internal/runtime"
	"github.com/tswasm/tswasm/internal/wasmbin"
)

var (
	i32      = wasmbin.I32
	fnVoid   = wasmbin.FuncType{}
	fnI32    = wasmbin.FuncType{Results: []byte{i32}}
	fnI32I32 = wasmbin.FuncType{Params: []byte{i32}, Results: []byte{i32}}
)

// sideOpts varies the hand-built side module.
type sideOpts struct {
	legacy     bool            // legacy "dylink" section instead of dylink.0
	memAlign   uint32          // log2
	extraFunc  *wasmbin.Import // one more env function import
	gotMemName string          // GOT.mem symbol (the module exports "data_sym")
	noDylink   bool
	entries    []string // extra tree_sitter_* exports
}

// sideModule builds a grammar-shaped PIC module: it imports strlen and
// operator new from env, the memory and table, its bases, one GOT.func and
// one GOT.mem entry; its relocation function stores the two GOT values at
// memory_base+0 and +4; tree_sitter_fake returns memory_base+16.
func sideModule(o sideOpts) []byte {
	var b wasmbin.Builder
	if !o.noDylink {
		var sub []byte
		sub = wasmbin.AppendU32(sub, 64)
		sub = wasmbin.AppendU32(sub, o.memAlign)
		sub = wasmbin.AppendU32(sub, 1)
		sub = wasmbin.AppendU32(sub, 0)
		if o.legacy {
			b.Custom("dylink", append(sub, 0)) // no needed libs
		} else {
			sec := []byte{1}
			sec = wasmbin.AppendU32(sec, uint32(len(sub)))
			b.Custom("dylink.0", append(sec, sub...))
		}
	}
	strlen := b.ImportFunc("env", "strlen", fnI32I32)
	newOp := b.ImportFunc("env", "_Znwm", fnI32I32)
	if o.extraFunc != nil {
		b.ImportFunc(o.extraFunc.Module, o.extraFunc.Name, o.extraFunc.Func)
	}
	b.ImportMemory("env", "memory")
	b.ImportTable("env", "__indirect_function_table")
	memBase := b.ImportGlobal("env", "__memory_base", i32, false)
	b.ImportGlobal("env", "__table_base", i32, false)
	gotFunc := b.ImportGlobal("GOT.func", "callee", i32, true)
	gotMemName := o.gotMemName
	if gotMemName == "" {
		gotMemName = "data_sym"
	}
	gotMem := b.ImportGlobal("GOT.mem", gotMemName, i32, true)
	dataSym := b.GlobalI32(false, 8)

	callee := b.Func(fnI32, []byte{0, 0x41, 42, 0x0b})
	entry := b.Func(fnI32, []byte{0, 0x23, byte(memBase), 0x41, 16, 0x6a, 0x0b})
	relocs := b.Func(fnVoid, []byte{0,
		0x23, byte(memBase), 0x23, byte(gotFunc), 0x36, 2, 0,
		0x23, byte(memBase), 0x23, byte(gotMem), 0x36, 2, 4,
		0x0b})
	probeCall := b.Func(fnI32, []byte{0, 0x23, byte(gotFunc), 0x11, byte(b.TypeIndex(fnI32)), 0, 0x0b})
	probeStrlen := b.Func(fnI32I32, []byte{0, 0x20, 0, 0x10, byte(strlen), 0x0b})
	probeNew := b.Func(fnI32I32, []byte{0, 0x20, 0, 0x10, byte(newOp), 0x0b})

	b.Export("tree_sitter_fake", wasmbin.KindFunc, entry)
	for _, e := range o.entries {
		b.Export(e, wasmbin.KindFunc, entry)
	}
	b.Export("tree_sitter_fake_external_scanner_scan", wasmbin.KindFunc, callee) // not an entry point
	b.Export("__wasm_apply_data_relocs", wasmbin.KindFunc, relocs)
	b.Export("callee", wasmbin.KindFunc, callee)
	b.Export("data_sym", wasmbin.KindGlobal, dataSym)
	b.Export("probe_call", wasmbin.KindFunc, probeCall)
	b.Export("probe_strlen", wasmbin.KindFunc, probeStrlen)
	b.Export("probe_new", wasmbin.KindFunc, probeNew)
	return b.Bytes()
}

// newTarget instantiates the real runtime module.
func newTarget(t *testing.T) (Target, context.Context) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	t.Cleanup(func() { _ = r.Close(ctx) })
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	hb := r.NewHostModuleBuilder("tswasm")
	stub := api.GoModuleFunc(func(context.Context, api.Module, []uint64) {})
	v := api.ValueTypeI32
	hb.NewFunctionBuilder().WithGoModuleFunction(stub, []api.ValueType{v, v}, []api.ValueType{v}).Export("progress")
	hb.NewFunctionBuilder().WithGoModuleFunction(stub, []api.ValueType{v, v, v, v, v}, []api.ValueType{v}).Export("read")
	hb.NewFunctionBuilder().WithGoModuleFunction(stub, []api.ValueType{v, v, v}, nil).Export("log")
	_, err := hb.Instantiate(ctx)
	require.NoError(t, err)
	mod, err := r.InstantiateWithConfig(ctx, tsrt.Wasm, wazero.NewModuleConfig().WithName("").WithStartFunctions("_initialize"))
	require.NoError(t, err)
	call := func(name string, args ...uint64) (uint32, error) {
		res, err := mod.ExportedFunction(name).Call(ctx, args...)
		if err != nil {
			return 0, err
		}
		return uint32(res[0]), nil
	}
	return Target{
		Runtime:  r,
		Instance: mod,
		AllocData: func(_ context.Context, size, align uint32) (uint32, error) {
			return call("tswasm_alloc_data", uint64(size), uint64(align))
		},
		TableGrow: func(_ context.Context, n uint32) (uint32, error) {
			return call("tswasm_table_grow", uint64(n))
		},
	}, ctx
}

func link(t *testing.T, tg Target, ctx context.Context, wasm []byte) (*Instance, error) {
	g, err := Inspect(wasm, "")
	require.NoError(t, err)
	c, err := tg.Runtime.CompileModule(ctx, wasm)
	require.NoError(t, err)
	return Link(ctx, tg, g, c)
}

func TestLinkSideModule(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    sideOpts
	}{
		{"dylink.0", sideOpts{memAlign: 4}},
		{"legacy dylink", sideOpts{legacy: true, memAlign: 6}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tg, ctx := newTarget(t)
			wasm := sideModule(tc.o)
			g, err := Inspect(wasm, "")
			require.NoError(t, err)
			assert.Equal(t, "fake", g.Name)
			assert.Equal(t, tc.o.legacy, g.Dylink.Legacy)
			assert.Equal(t, Dylink{MemSize: 64, MemAlign: tc.o.memAlign, TableSize: 1, Legacy: tc.o.legacy}, g.Dylink)

			tableBefore, err := tg.TableGrow(ctx, 0)
			require.NoError(t, err)
			in, err := link(t, tg, ctx, wasm)
			require.NoError(t, err)
			defer in.Close(ctx)

			assert.NotZero(t, in.MemoryBase)
			assert.Zero(t, in.MemoryBase%(1<<tc.o.memAlign), "memory base honours the alignment")
			assert.Equal(t, tableBefore, in.TableBase, "the table grew at its old end")
			assert.Equal(t, in.MemoryBase+16, in.Language, "the entry point saw __memory_base")

			mem := tg.Instance.Memory()
			got, _ := mem.Read(in.MemoryBase, 8)
			gotFunc := binary.LittleEndian.Uint32(got[0:])
			gotMem := binary.LittleEndian.Uint32(got[4:])
			assert.Equal(t, in.MemoryBase+8, gotMem, "GOT.mem = memory base + the symbol's offset")
			assert.GreaterOrEqual(t, gotFunc, in.TableBase+1, "GOT.func gets a fresh table slot")

			res, err := in.Module.ExportedFunction("probe_call").Call(ctx)
			require.NoError(t, err)
			assert.Equal(t, uint64(42), res[0], "the GOT.func slot holds the function")

			require.True(t, mem.Write(in.MemoryBase+32, []byte("hello\x00")))
			res, err = in.Module.ExportedFunction("probe_strlen").Call(ctx, uint64(in.MemoryBase+32))
			require.NoError(t, err)
			assert.Equal(t, uint64(5), res[0], "env.strlen is the runtime's")

			res, err = in.Module.ExportedFunction("probe_new").Call(ctx, 100)
			require.NoError(t, err)
			assert.NotZero(t, res[0], "operator new is malloc")
		})
	}
}

func TestLinkErrors(t *testing.T) {
	tests := []struct {
		name string
		o    sideOpts
		want string
	}{
		{"unknown env function", sideOpts{extraFunc: &wasmbin.Import{Module: "env", Name: "no_such_function", Func: fnVoid}},
			"unresolved import env.no_such_function: the runtime does not provide this function"},
		{"wrong signature", sideOpts{extraFunc: &wasmbin.Import{Module: "env", Name: "malloc", Func: fnVoid}},
			"unresolved import env.malloc: grammar expects () -> nil, runtime's malloc is (i32) -> i32"},
		{"unknown module", sideOpts{extraFunc: &wasmbin.Import{Module: "wasi_snapshot_preview1", Name: "fd_write", Func: fnVoid}},
			"unresolved import wasi_snapshot_preview1.fd_write"},
		{"GOT.mem symbol not exported", sideOpts{gotMemName: "missing_sym"},
			"unresolved import GOT.mem.missing_sym: the grammar does not export this data symbol"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tg, ctx := newTarget(t)
			_, err := link(t, tg, ctx, sideModule(tc.o))
			require.Error(t, err)
			var ie *ImportError
			assert.ErrorAs(t, err, &ie)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestInspect(t *testing.T) {
	tests := []struct {
		name, lang string
		wasm       []byte
		want       string // error substring, or "" for success
	}{
		{"not wasm", "", []byte("hello"), "not a WebAssembly binary"},
		{"no dylink", "", sideModule(sideOpts{noDylink: true}), "no dylink.0 or dylink section"},
		{"two languages", "", sideModule(sideOpts{entries: []string{"tree_sitter_other"}}), "exports several languages (tree_sitter_fake, tree_sitter_other): name one"},
		{"pick one of two", "other", sideModule(sideOpts{entries: []string{"tree_sitter_other"}}), ""},
		{"wrong name", "python", sideModule(sideOpts{}), "does not export tree_sitter_python() (it exports tree_sitter_fake)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Inspect(tc.wasm, tc.lang)
			if tc.want == "" {
				require.NoError(t, err)
				assert.Equal(t, tc.lang, g.Name)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
