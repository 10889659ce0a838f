// language_tables.go: reading a grammar's symbol, field, supertype, alias and field-map tables once, at load.
package tswasm

import (
	"context"
	"fmt"

	"github.com/tswasm/tswasm/internal/abi"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

// tableReader calls ts_language_* functions on one TSLanguage and keeps the
// first error; later calls then return 0.
type tableReader struct {
	ctx context.Context
	s   *Store
	l   *Language
	ptr abi.Ptr
	err error
}

func (r *tableReader) call(f abi.Func, a, b uint64) uint64 {
	if r.err != nil {
		return 0
	}
	v, err := r.s.call3(r.ctx, r.l.name, f, r.ptr.Arg(), a, b)
	if err != nil {
		r.err = &LanguageError{Kind: LinkFailed, Name: r.l.name, Err: err}
	}
	return v
}

// str calls f(language, a) and reads the C string it returns.
func (r *tableReader) str(f abi.Func, a uint64) string { return r.s.cString(abi.Ptr(r.call(f, a, 0))) }

// layoutError reports tables that contradict the runtime's API.
func (l *Language) layoutError(what string) error {
	return &LanguageError{Kind: LinkFailed, Name: l.name,
		Err: fmt.Errorf("TSLanguage layout check failed (%s): runtime and host disagree", what)}
}

// readTables caches the language's tables; the caller holds s.mu. Counts and
// names come through the runtime's API; the tables the API does not expose
// (symbol metadata, public symbol map, alias sequences, field map) are read
// from memory and checked against the API where the two overlap.
func (l *Language) readTables(ctx context.Context, s *Store, ptr abi.Ptr) error {
	r := &tableReader{ctx: ctx, s: s, l: l, ptr: ptr}
	l.abi = uint32(r.call(abi.TsLanguageAbiVersion, 0, 0))
	if r.err != nil {
		return r.err
	}
	if l.abi < tsrt.MinABI || l.abi > tsrt.MaxABI {
		return &LanguageError{Kind: ABIMismatch, Name: l.name, ABI: l.abi, MinABI: tsrt.MinABI, MaxABI: tsrt.MaxABI,
			Err: fmt.Errorf("ABI %d outside %d–%d", l.abi, tsrt.MinABI, tsrt.MaxABI)}
	}
	n := r.call(abi.TsLanguageSymbolCount, 0, 0)
	nf := r.call(abi.TsLanguageFieldCount, 0, 0)
	l.states = uint32(r.call(abi.TsLanguageStateCount, 0, 0))
	if r.err == nil && (n > 0xFFFE || nf > 0xFFFF) {
		return l.layoutError("symbol or field count out of range")
	}
	l.readNames(r, uint32(n), uint32(nf))
	if r.err != nil {
		return r.err
	}
	if err := l.readSupertypes(r); err != nil {
		return err
	}
	if err := l.readSymbolTables(s.view(), ptr); err != nil {
		return err
	}
	return l.readFieldMap(s.view(), ptr)
}

// readNames reads the symbol and field names, the language name and its
// metadata through the API.
func (l *Language) readNames(r *tableReader, n, nf uint32) {
	l.symbols = make([]symbolInfo, n)
	for i := range l.symbols {
		name := r.str(abi.TsLanguageSymbolName, uint64(i))
		l.symbols[i] = symbolInfo{name: name, typ: SymbolType(r.call(abi.TsLanguageSymbolType, uint64(i), 0))}
	}
	l.fields = make([]string, nf+1)
	for i := 1; i <= int(nf); i++ {
		l.fields[i] = r.str(abi.TsLanguageFieldNameForId, uint64(i))
	}
	l.langName = r.str(abi.TsLanguageName, 0)
	if p := abi.Ptr(r.call(abi.TsLanguageMetadata, 0, 0)); p != 0 && r.err == nil {
		major, minor, patch, ok := r.s.view().LanguageMetadata(p)
		if !ok {
			r.err = l.layoutError("metadata pointer")
			return
		}
		l.meta = &LanguageMetadata{MajorVersion: major, MinorVersion: minor, PatchVersion: patch}
	}
}

// readSupertypes reads the supertypes and their subtypes through the API.
func (l *Language) readSupertypes(r *tableReader) error {
	lenOut := r.s.at(abi.ScratchOut0)
	symbols := func(f abi.Func, a uint64) ([]uint16, error) {
		p := abi.Ptr(r.call(f, a, lenOut.Arg()))
		if r.err != nil {
			return nil, r.err
		}
		v := r.s.view()
		cnt := v.U32(lenOut)
		if cnt == 0 {
			return nil, nil
		}
		out, ok := v.U16s(p, cnt)
		if !ok {
			return nil, l.layoutError("supertype table")
		}
		return out, nil
	}
	var err error
	if l.supertypes, err = symbols(abi.TsLanguageSupertypes, lenOut.Arg()); err != nil {
		return err
	}
	l.subtypes = make(map[uint16][]uint16, len(l.supertypes))
	for _, st := range l.supertypes {
		if l.subtypes[st], err = symbols(abi.TsLanguageSubtypes, uint64(st)); err != nil {
			return err
		}
	}
	return nil
}

// readSymbolTables reads the symbol metadata, public symbol map and alias
// sequences from memory, after checking the counts there against the API's.
func (l *Language) readSymbolTables(v abi.View, ptr abi.Ptr) error {
	n := uint32(len(l.symbols))
	if v.U32(ptr+abi.LanguageABIVersion) != l.abi ||
		v.U32(ptr+abi.LanguageSymbolCount)+v.U32(ptr+abi.LanguageAliasCount) != n ||
		v.U32(ptr+abi.LanguageFieldCount) != uint32(len(l.fields)-1) || v.U32(ptr+abi.LanguageStateCount) != l.states {
		return l.layoutError("counts")
	}
	meta, ok1 := v.SymbolMetadata(v.Ptr(ptr+abi.LanguageSymbolMetadata), n)
	public, ok2 := v.U16s(v.Ptr(ptr+abi.LanguagePublicSymbolMap), n)
	if !ok1 || !ok2 {
		return l.layoutError("symbol tables")
	}
	for i := range l.symbols {
		if typeOf(meta[i]) != l.symbols[i].typ || uint32(public[i]) >= n {
			return l.layoutError("symbol metadata")
		}
		l.symbols[i].meta, l.symbols[i].public = meta[i], public[i]
	}
	prods := v.U32(ptr + abi.LanguageProductionIDCount)
	l.maxAliasLen = uint32(v.U16(ptr + abi.LanguageMaxAliasSeqLen))
	if uint64(prods)*uint64(l.maxAliasLen) > 1<<24 {
		return l.layoutError("alias sequences")
	}
	var ok bool
	if l.aliasSeqs, ok = v.U16s(v.Ptr(ptr+abi.LanguageAliasSequences), prods*l.maxAliasLen); !ok {
		return l.layoutError("alias sequences")
	}
	return nil
}

// readFieldMap reads the field map (slices by production id, and entries).
func (l *Language) readFieldMap(v abi.View, ptr abi.Ptr) error {
	nf := len(l.fields) - 1
	if nf == 0 {
		return nil
	}
	l.hasFieldTable = true
	prods := v.U32(ptr + abi.LanguageProductionIDCount)
	slices, ok := v.MapSlices(v.Ptr(ptr+abi.LanguageFieldMapSlices), prods)
	if !ok {
		return l.layoutError("field map slices")
	}
	l.fieldSlices = slices
	var entries uint32
	for _, sl := range slices {
		entries = max(entries, uint32(sl.Index)+uint32(sl.Length))
	}
	if l.fieldEntries, ok = v.FieldMapEntries(v.Ptr(ptr+abi.LanguageFieldMapEntries), entries); !ok {
		return l.layoutError("field map entries")
	}
	for _, e := range l.fieldEntries {
		if int(e.Field) > nf {
			return l.layoutError("field map entries")
		}
	}
	return nil
}

func typeOf(meta uint8) SymbolType {
	switch {
	case meta&metaNamed != 0 && meta&metaVisible != 0:
		return SymbolTypeRegular
	case meta&metaVisible != 0:
		return SymbolTypeAnonymous
	case meta&metaSupertype != 0:
		return SymbolTypeSupertype
	}
	return SymbolTypeAuxiliary
}
