// Package wasmbin reads the parts of a WebAssembly binary that linking needs
// (types, imports, exports, custom sections) and writes the small glue
// modules the linker generates. It is not a general wasm toolkit.
package wasmbin

import (
	"bytes"
	"errors"
	"fmt"
)

// Value types.
const (
	I32     byte = 0x7f
	I64     byte = 0x7e
	F32     byte = 0x7d
	F64     byte = 0x7c
	FuncRef byte = 0x70
)

// Import and export kinds.
const (
	KindFunc   byte = 0
	KindTable  byte = 1
	KindMemory byte = 2
	KindGlobal byte = 3
)

// Section ids.
const (
	secCustom   = 0
	secType     = 1
	secImport   = 2
	secFunction = 3
	secTable    = 4
	secMemory   = 5
	secGlobal   = 6
	secExport   = 7
	secStart    = 8
	secElem     = 9
	secCode     = 10
	secData     = 11
)

// ErrNotWasm reports input that does not start with the wasm magic and version 1.
var ErrNotWasm = errors.New("not a WebAssembly binary (bad magic or version)")

// FuncType is a function signature.
type FuncType struct {
	Params, Results []byte
}

// String renders the signature as "(i32, i32) -> i32".
func (t FuncType) String() string {
	var b bytes.Buffer
	b.WriteByte('(')
	for i, p := range t.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(ValTypeName(p))
	}
	b.WriteString(") -> ")
	switch len(t.Results) {
	case 0:
		b.WriteString("nil")
	case 1:
		b.WriteString(ValTypeName(t.Results[0]))
	default:
		b.WriteByte('(')
		for i, r := range t.Results {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(ValTypeName(r))
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Equal reports whether two signatures are the same.
func (t FuncType) Equal(o FuncType) bool {
	return bytes.Equal(t.Params, o.Params) && bytes.Equal(t.Results, o.Results)
}

// ValTypeName names a value type byte.
func ValTypeName(v byte) string {
	switch v {
	case I32:
		return "i32"
	case I64:
		return "i64"
	case F32:
		return "f32"
	case F64:
		return "f64"
	case FuncRef:
		return "funcref"
	}
	return fmt.Sprintf("type(0x%02x)", v)
}

// Import is one entry of the import section.
type Import struct {
	Module, Name string
	Kind         byte
	Func         FuncType // KindFunc
	GlobalType   byte     // KindGlobal
	Mutable      bool     // KindGlobal
}

// Export is one entry of the export section.
type Export struct {
	Name  string
	Kind  byte
	Index uint32
}

// Custom is a custom section.
type Custom struct {
	Name string
	Data []byte
}

// Module is what Parse extracts from a binary.
type Module struct {
	Types    []FuncType
	Imports  []Import
	Funcs    []uint32 // type index of each defined function
	Exports  []Export
	Customs  []Custom
	numFuncI int // imported functions
}

// FuncTypeOf returns the signature of function index idx (imports first).
func (m *Module) FuncTypeOf(idx uint32) (FuncType, bool) {
	if int(idx) < m.numFuncI {
		n := 0
		for _, im := range m.Imports {
			if im.Kind == KindFunc {
				if n == int(idx) {
					return im.Func, true
				}
				n++
			}
		}
	}
	i := int(idx) - m.numFuncI
	if i < 0 || i >= len(m.Funcs) || int(m.Funcs[i]) >= len(m.Types) {
		return FuncType{}, false
	}
	return m.Types[m.Funcs[i]], true
}

// Export looks an export up by name.
func (m *Module) Export(name string) (Export, bool) {
	for _, e := range m.Exports {
		if e.Name == name {
			return e, true
		}
	}
	return Export{}, false
}

// CustomSection returns the first custom section with the given name.
func (m *Module) CustomSection(name string) ([]byte, bool) {
	for _, c := range m.Customs {
		if c.Name == name {
			return c.Data, true
		}
	}
	return nil, false
}

// Parse reads the sections linking needs. Code and data are skipped.
func Parse(b []byte) (*Module, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) || !bytes.Equal(b[4:8], []byte{1, 0, 0, 0}) {
		return nil, ErrNotWasm
	}
	m := &Module{}
	r := &Reader{b: b, off: 8}
	for !r.EOF() {
		id := r.Byte()
		size := r.U32()
		if r.err != nil {
			return nil, r.err
		}
		if uint64(r.off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("wasm: section %d at offset %d runs past the end", id, r.off)
		}
		body := &Reader{b: b[:r.off+int(size)], off: r.off}
		r.off += int(size)
		var err error
		switch id {
		case secCustom:
			name := body.Name()
			m.Customs = append(m.Customs, Custom{Name: name, Data: body.Rest()})
			err = body.err
		case secType:
			err = m.readTypes(body)
		case secImport:
			err = m.readImports(body)
		case secFunction:
			n := body.U32()
			for i := uint32(0); i < n && body.err == nil; i++ {
				m.Funcs = append(m.Funcs, body.U32())
			}
			err = body.err
		case secExport:
			n := body.U32()
			for i := uint32(0); i < n && body.err == nil; i++ {
				e := Export{Name: body.Name(), Kind: body.Byte(), Index: body.U32()}
				m.Exports = append(m.Exports, e)
			}
			err = body.err
		}
		if err != nil {
			return nil, fmt.Errorf("wasm: section %d: %w", id, err)
		}
	}
	return m, nil
}

func (m *Module) readTypes(r *Reader) error {
	n := r.U32()
	for i := uint32(0); i < n && r.err == nil; i++ {
		if form := r.Byte(); form != 0x60 && r.err == nil {
			return fmt.Errorf("type %d: form 0x%02x is not a function type", i, form)
		}
		var t FuncType
		t.Params = r.Bytes(int(r.U32()))
		t.Results = r.Bytes(int(r.U32()))
		m.Types = append(m.Types, t)
	}
	return r.err
}

func (m *Module) readImports(r *Reader) error {
	n := r.U32()
	for i := uint32(0); i < n && r.err == nil; i++ {
		im := Import{Module: r.Name(), Name: r.Name(), Kind: r.Byte()}
		switch im.Kind {
		case KindFunc:
			ti := r.U32()
			if r.err == nil && int(ti) >= len(m.Types) {
				return fmt.Errorf("import %s.%s: type index %d out of range", im.Module, im.Name, ti)
			}
			if r.err == nil {
				im.Func = m.Types[ti]
			}
			m.numFuncI++
		case KindTable:
			r.Byte()
			r.limits()
		case KindMemory:
			r.limits()
		case KindGlobal:
			im.GlobalType = r.Byte()
			im.Mutable = r.Byte() == 1
		default:
			if r.err == nil {
				return fmt.Errorf("import %s.%s: unknown kind %d", im.Module, im.Name, im.Kind)
			}
		}
		m.Imports = append(m.Imports, im)
	}
	return r.err
}

// Reader decodes LEB128 integers, names and bytes from a buffer; the first
// error sticks and makes every later read return zero.
type Reader struct {
	b   []byte
	off int
	err error
}

// NewReader reads b from the start.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Err returns the first error met.
func (r *Reader) Err() error { return r.err }

// EOF reports whether everything has been read (or an error stopped reading).
func (r *Reader) EOF() bool { return r.err != nil || r.off >= len(r.b) }

var errShort = errors.New("unexpected end of data")

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.b) {
		r.err = errShort
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

// U32 reads an unsigned LEB128 value of at most 32 bits.
func (r *Reader) U32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.Byte()
		if r.err != nil {
			return 0
		}
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("LEB128 value too long")
	return 0
}

// Bytes reads n bytes.
func (r *Reader) Bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.off+n > len(r.b) {
		r.err = errShort
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

// Name reads a length-prefixed string.
func (r *Reader) Name() string { return string(r.Bytes(int(r.U32()))) }

// Rest returns what is left.
func (r *Reader) Rest() []byte {
	if r.err != nil {
		return nil
	}
	s := r.b[r.off:]
	r.off = len(r.b)
	return s
}

func (r *Reader) limits() {
	if flags := r.Byte(); flags&1 != 0 {
		r.U32()
		r.U32()
	} else {
		r.U32()
	}
}
