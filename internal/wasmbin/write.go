package wasmbin

// Builder assembles a module with imports, constant globals, exports and
// active element segments: enough for linker glue, with no code section.
type Builder struct {
	types   []FuncType
	imports []Import
	nFunc   uint32
	nGlobal uint32
	nTable  uint32
	nMemory uint32
	globals []global
	exports []Export
	elems   []elem
	funcs   []fn
	customs []Custom
}

type fn struct {
	typ  uint32
	body []byte // locals declaration, instructions, end
}

type global struct {
	mutable bool
	value   int32
}

type elem struct {
	offset uint32
	funcs  []uint32
}

func (b *Builder) typeIndex(t FuncType) uint32 {
	for i, u := range b.types {
		if u.Equal(t) {
			return uint32(i)
		}
	}
	b.types = append(b.types, t)
	return uint32(len(b.types) - 1)
}

// ImportFunc declares an imported function and returns its function index.
func (b *Builder) ImportFunc(module, name string, t FuncType) uint32 {
	b.typeIndex(t)
	b.imports = append(b.imports, Import{Module: module, Name: name, Kind: KindFunc, Func: t})
	b.nFunc++
	return b.nFunc - 1
}

// ImportMemory declares an imported memory (no limits asked) and returns its index.
func (b *Builder) ImportMemory(module, name string) uint32 {
	b.imports = append(b.imports, Import{Module: module, Name: name, Kind: KindMemory})
	b.nMemory++
	return b.nMemory - 1
}

// ImportTable declares an imported funcref table and returns its index.
func (b *Builder) ImportTable(module, name string) uint32 {
	b.imports = append(b.imports, Import{Module: module, Name: name, Kind: KindTable})
	b.nTable++
	return b.nTable - 1
}

// ImportGlobal declares an imported global and returns its global index.
func (b *Builder) ImportGlobal(module, name string, typ byte, mutable bool) uint32 {
	b.imports = append(b.imports, Import{Module: module, Name: name, Kind: KindGlobal, GlobalType: typ, Mutable: mutable})
	b.nGlobal++
	return b.nGlobal - 1
}

// GlobalI32 defines an i32 global initialised to v and returns its index.
func (b *Builder) GlobalI32(mutable bool, v int32) uint32 {
	b.globals = append(b.globals, global{mutable: mutable, value: v})
	b.nGlobal++
	return b.nGlobal - 1
}

// Func defines a function with the given body (its locals declaration,
// instructions and final end opcode) and returns its index. Declare every
// import first: imported functions come before defined ones.
func (b *Builder) Func(t FuncType, body []byte) uint32 {
	b.funcs = append(b.funcs, fn{typ: b.typeIndex(t), body: body})
	b.nFunc++
	return b.nFunc - 1
}

// Custom adds a custom section, written before all others.
func (b *Builder) Custom(name string, data []byte) {
	b.customs = append(b.customs, Custom{Name: name, Data: data})
}

// Export exports an item of the given kind and index.
func (b *Builder) Export(name string, kind byte, index uint32) {
	b.exports = append(b.exports, Export{Name: name, Kind: kind, Index: index})
}

// Elem writes funcs into table 0 at offset when the module is instantiated.
func (b *Builder) Elem(offset uint32, funcs []uint32) {
	b.elems = append(b.elems, elem{offset: offset, funcs: funcs})
}

// Bytes encodes the module.
func (b *Builder) Bytes() []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, c := range b.customs {
		var s []byte
		s = appendName(s, c.Name)
		s = append(s, c.Data...)
		out = appendSection(out, secCustom, s)
	}
	if len(b.types) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.types)))
		for _, t := range b.types {
			s = append(s, 0x60)
			s = appendU32(s, uint32(len(t.Params)))
			s = append(s, t.Params...)
			s = appendU32(s, uint32(len(t.Results)))
			s = append(s, t.Results...)
		}
		out = appendSection(out, secType, s)
	}
	if len(b.imports) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.imports)))
		for _, im := range b.imports {
			s = appendName(s, im.Module)
			s = appendName(s, im.Name)
			s = append(s, im.Kind)
			switch im.Kind {
			case KindFunc:
				s = appendU32(s, b.typeIndex(im.Func))
			case KindTable:
				s = append(s, FuncRef, 0, 0) // funcref, min 0, no max
			case KindMemory:
				s = append(s, 0, 0) // min 0, no max
			case KindGlobal:
				s = append(s, im.GlobalType, boolByte(im.Mutable))
			}
		}
		out = appendSection(out, secImport, s)
	}
	if len(b.funcs) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.funcs)))
		for _, f := range b.funcs {
			s = appendU32(s, f.typ)
		}
		out = appendSection(out, secFunction, s)
	}
	if len(b.globals) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.globals)))
		for _, g := range b.globals {
			s = append(s, I32, boolByte(g.mutable), 0x41) // i32.const
			s = appendS32(s, g.value)
			s = append(s, 0x0b) // end
		}
		out = appendSection(out, secGlobal, s)
	}
	if len(b.exports) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.exports)))
		for _, e := range b.exports {
			s = appendName(s, e.Name)
			s = append(s, e.Kind)
			s = appendU32(s, e.Index)
		}
		out = appendSection(out, secExport, s)
	}
	if len(b.elems) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.elems)))
		for _, e := range b.elems {
			s = append(s, 0, 0x41) // active, table 0, offset i32.const
			s = appendS32(s, int32(e.offset))
			s = append(s, 0x0b)
			s = appendU32(s, uint32(len(e.funcs)))
			for _, f := range e.funcs {
				s = appendU32(s, f)
			}
		}
		out = appendSection(out, secElem, s)
	}
	if len(b.funcs) > 0 {
		var s []byte
		s = appendU32(s, uint32(len(b.funcs)))
		for _, f := range b.funcs {
			s = appendU32(s, uint32(len(f.body)))
			s = append(s, f.body...)
		}
		out = appendSection(out, secCode, s)
	}
	return out
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func appendSection(out []byte, id byte, body []byte) []byte {
	out = append(out, id)
	out = appendU32(out, uint32(len(body)))
	return append(out, body...)
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}

// appendU32 appends v as unsigned LEB128.
func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

// appendS32 appends v as signed LEB128.
func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// AppendU32 exposes LEB128 encoding for callers that build custom sections.
func AppendU32(b []byte, v uint32) []byte { return appendU32(b, v) }

// TypeIndex returns the index of signature t in the type section, adding it
// if needed (for call_indirect in hand-built test modules).
func (b *Builder) TypeIndex(t FuncType) uint32 { return b.typeIndex(t) }
