package abi

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	tsrt "github.com/tswasm/tswasm/internal/runtime"
	"github.com/tswasm/tswasm/internal/wasmbin"
)

// TestExportsAreFunctions checks the generated table against the embedded
// runtime: every Func is a function export of it.
func TestExportsAreFunctions(t *testing.T) {
	m, err := wasmbin.Parse(tsrt.Wasm)
	require.NoError(t, err)
	for f := range Func(NumFuncs) {
		e, ok := m.Export(f.Name())
		require.True(t, ok, "%s is not exported by tree-sitter.wasm", f.Name())
		require.Equal(t, wasmbin.KindFunc, e.Kind, "%s is not a function", f.Name())
		g, ok := FuncByName(f.Name())
		require.True(t, ok)
		require.Equal(t, f, g)
	}
	_, ok := FuncByName("no_such_function")
	require.False(t, ok)
}

// newInstance instantiates the embedded runtime with stub host imports.
func newInstance(t *testing.T) *Instance {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	t.Cleanup(func() { _ = rt.Close(ctx) })
	_, err := wasi_snapshot_preview1.Instantiate(ctx, rt)
	require.NoError(t, err)
	i32 := api.ValueTypeI32
	stub := api.GoModuleFunc(func(context.Context, api.Module, []uint64) {})
	b := rt.NewHostModuleBuilder("tswasm")
	b.NewFunctionBuilder().WithGoModuleFunction(stub, []api.ValueType{i32, i32}, []api.ValueType{i32}).Export("progress")
	b.NewFunctionBuilder().WithGoModuleFunction(stub, []api.ValueType{i32, i32, i32, i32, i32}, []api.ValueType{i32}).Export("read")
	b.NewFunctionBuilder().WithGoModuleFunction(stub, []api.ValueType{i32, i32, i32}, nil).Export("log")
	_, err = b.Instantiate(ctx)
	require.NoError(t, err)
	mod, err := rt.InstantiateWithConfig(ctx, tsrt.Wasm, wazero.NewModuleConfig().WithName("").WithStartFunctions("_initialize"))
	require.NoError(t, err)
	return NewInstance(mod)
}

// TestCheckLayout runs the runtime's probe: it agrees with layout.go, and a
// changed offset or bit position is refused with an error naming the field.
func TestCheckLayout(t *testing.T) {
	ctx := context.Background()
	in := newInstance(t)
	buf, err := in.Call1(ctx, Malloc, uint64(LayoutProbeSize))
	require.NoError(t, err)
	require.NotZero(t, buf)
	require.NoError(t, in.CheckLayout(ctx, Ptr(buf)))

	for _, name := range []string{"HeapChildCount", "HeapIsMissing", "InlinePaddingRows", "QueryCaptureSize", "LanguageAliasSequences"} {
		i := -1
		for j, f := range layoutFields {
			if f.Name == name {
				i = j
			}
		}
		require.GreaterOrEqual(t, i, 0, name)
		saved := layoutFields[i]
		layoutFields[i].Value++
		err := in.CheckLayout(ctx, Ptr(buf))
		layoutFields[i] = saved
		var le *LayoutError
		require.ErrorAs(t, err, &le, name)
		require.Equal(t, name, le.Field.Name)
		require.Equal(t, saved.Value, le.Runtime)
		require.Contains(t, err.Error(), name)
		t.Log(err)
	}
}

// TestCalls checks the call helpers: results, a missing export, and a trap.
func TestCalls(t *testing.T) {
	ctx := context.Background()
	in := newInstance(t)
	p, err := in.Call1(ctx, Malloc, 16)
	require.NoError(t, err)
	v := in.View()
	require.True(t, v.PutString(Ptr(p), "hello\x00"))
	n, err := in.Call1(ctx, Strlen, p)
	require.NoError(t, err)
	require.Equal(t, uint64(5), n)
	require.Equal(t, "hello", in.View().CString(Ptr(p)))

	_, err = in.Call0(ctx, Func(NumFuncs))
	var ce *CallError
	require.ErrorAs(t, err, &ce)

	_, err = in.Call0(ctx, TswasmAbort)
	require.ErrorAs(t, err, &ce)
	require.Equal(t, TswasmAbort, ce.Func)
	require.False(t, errors.Is(err, ErrMissingExport))
	require.Contains(t, err.Error(), "tswasm_abort")
}

// TestViewBounds checks that reads out of range give zero values and
// writes report failure, without panicking.
func TestViewBounds(t *testing.T) {
	v := View(make([]byte, 16))
	end := Ptr(len(v))
	require.True(t, v.PutU32(12, 0xDEADBEEF))
	require.Equal(t, uint32(0xDEADBEEF), v.U32(12))
	require.False(t, v.PutU32(13, 1))
	require.False(t, v.PutU32(0xFFFFFFFF, 1))
	require.Zero(t, v.U32(13))
	require.Zero(t, v.U16(end-1))
	require.Zero(t, v.U8(end))
	require.Zero(t, v.U32(0xFFFFFFFE))
	_, ok := v.Bytes(8, 9)
	require.False(t, ok)
	_, ok = v.Bytes(0xFFFFFFFF, 2)
	require.False(t, ok)
	require.False(t, v.PutNode(1, &Node{}))
	require.Equal(t, Node{}, v.Node(end))
	require.Equal(t, Subtree{}, v.LoadSubtree(end-4))
	_, ok = v.Ranges(0, 1)
	require.False(t, ok)
	_, ok = v.U16s(0, 0xFFFFFFFF)
	require.False(t, ok)
	require.Equal(t, "", v.CString(0))
	require.Equal(t, "", v.CString(end))
	require.False(t, v.PutString(10, "0123456789"))
}

// TestSubtreeInline decodes a hand-made inline subtree.
func TestSubtreeInline(t *testing.T) {
	// is_inline, visible, named; symbol 7; parse state 0x0102; padding: 3
	// columns, 2 rows, 9 bytes; size 5 bytes.
	lo := uint32(1<<InlineIsInline|1<<InlineVisible|1<<InlineNamed) | 7<<(8*InlineSymbol) | 0x0102<<(8*InlineParseState)
	hi := uint32(3)<<(8*(InlinePaddingColumns-4)) | 2<<(InlinePaddingRows-32) | 9<<(8*(InlinePaddingBytes-4)) | 5<<(8*(InlineSizeBytes-4))
	st := Subtree{lo: lo, hi: hi}
	require.True(t, st.Inline())
	require.Equal(t, uint16(7), st.Symbol(nil))
	require.Equal(t, uint16(0x0102), st.ParseState(nil))
	require.Equal(t, FlagVisible|FlagNamed, st.Flags(nil))
	require.Equal(t, Length{Bytes: 9, Row: 2, Col: 3}, st.Padding(nil))
	require.Equal(t, Length{Bytes: 5, Col: 5}, st.Size(nil))
	require.Zero(t, st.ChildCount(nil))
}
