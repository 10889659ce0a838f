package wasmbin

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLEB128(t *testing.T) {
	for _, v := range []uint32{0, 1, 63, 64, 127, 128, 300, 1 << 20, math.MaxUint32} {
		r := NewReader(appendU32(nil, v))
		assert.Equal(t, v, r.U32())
		assert.NoError(t, r.Err())
		assert.True(t, r.EOF())
	}
	for _, v := range []int32{0, 1, -1, 63, 64, -64, -65, 1 << 20, math.MinInt32, math.MaxInt32} {
		b := appendS32(nil, v)
		// Decode signed LEB128 by hand.
		var res int32
		var shift uint
		var c byte
		for i := 0; ; i++ {
			c = b[i]
			res |= int32(c&0x7f) << shift
			shift += 7
			if c&0x80 == 0 {
				break
			}
		}
		if shift < 32 && c&0x40 != 0 {
			res |= -1 << shift
		}
		assert.Equal(t, v, res, "%d encodes as %x", v, b)
	}
}

func TestReaderErrors(t *testing.T) {
	r := NewReader([]byte{0x80, 0x80})
	assert.Zero(t, r.U32())
	assert.Error(t, r.Err())
	r = NewReader([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	r.U32()
	assert.ErrorContains(t, r.Err(), "too long")
	r = NewReader([]byte{5, 'a'})
	assert.Equal(t, "", r.Name())
	assert.Error(t, r.Err())
}

func TestBuildAndParse(t *testing.T) {
	var b Builder
	b.Custom("dylink.0", []byte{1, 4, 8, 2, 1, 0})
	f := b.ImportFunc("rt", "malloc", FuncType{Params: []byte{I32}, Results: []byte{I32}})
	b.ImportMemory("rt", "memory")
	g := b.ImportGlobal("rt", "__stack_pointer", I32, true)
	c := b.GlobalI32(false, -5)
	own := b.Func(FuncType{Results: []byte{I32}}, []byte{0, 0x41, 7, 0x0b})
	b.Export("malloc", KindFunc, f)
	b.Export("sp", KindGlobal, g)
	b.Export("c", KindGlobal, c)
	b.Export("seven", KindFunc, own)

	m, err := Parse(b.Bytes())
	require.NoError(t, err)
	require.Len(t, m.Imports, 3)
	assert.Equal(t, Import{Module: "rt", Name: "malloc", Kind: KindFunc, Func: FuncType{Params: []byte{I32}, Results: []byte{I32}}}, m.Imports[0])
	assert.Equal(t, Import{Module: "rt", Name: "__stack_pointer", Kind: KindGlobal, GlobalType: I32, Mutable: true}, m.Imports[2])
	e, ok := m.Export("seven")
	require.True(t, ok)
	ft, ok := m.FuncTypeOf(e.Index)
	require.True(t, ok)
	assert.Equal(t, "() -> i32", ft.String())
	ft, ok = m.FuncTypeOf(0)
	require.True(t, ok)
	assert.Equal(t, "(i32) -> i32", ft.String())
	d, ok := m.CustomSection("dylink.0")
	require.True(t, ok)
	assert.Equal(t, []byte{1, 4, 8, 2, 1, 0}, d)
}

func TestParseRejects(t *testing.T) {
	_, err := Parse([]byte("\x00asm\x02\x00\x00\x00"))
	assert.ErrorIs(t, err, ErrNotWasm)
	_, err = Parse([]byte("\x00asm\x01\x00\x00\x00\x01\x10\x00"))
	assert.ErrorContains(t, err, "runs past the end")
}
