package tswasm

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/tswasm/tswasm/internal/link"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
	"github.com/tswasm/tswasm/internal/wasmbin"
)

// Language is a grammar loaded into an Engine. It is compiled once and linked
// into each store on first use. A Language is immutable and safe for
// concurrent use; it lives as long as its engine.
//
// Its symbol, field and supertype tables are read once at load, so the
// metadata methods answer in Go without a store. NextState and
// NewLookaheadIterator need the parse tables and run in a pooled store.
type Language struct {
	engine   *Engine
	g        *grammar
	name     string // from the tree_sitter_<name> export
	langName string // ts_language_name (ABI 15), or ""
	abi      uint32
	symbols  []symbolInfo
	fields   []string // index = field id; fields[0] is ""
	states   uint32
	meta     *LanguageMetadata

	supertypes []uint16
	subtypes   map[uint16][]uint16

	// Tables the Go tree walkers read (see cursor.go): alias sequences
	// (production id × max alias sequence length) and the field map.
	aliasSeqs     []uint16
	maxAliasLen   uint32
	fieldSlices   []mapSlice // by production id
	fieldEntries  []fieldMapEntry
	hasFieldTable bool
}

type symbolInfo struct {
	name   string
	typ    SymbolType
	meta   uint8  // metaVisible | metaNamed | metaSupertype
	public uint16 // public_symbol_map: the symbol that stands for it in trees
}

// TSSymbolMetadata bits, as symbolInfo.meta holds them.
const (
	metaVisible uint8 = 1 << iota
	metaNamed
	metaSupertype
)

type mapSlice struct{ index, length uint16 }

type fieldMapEntry struct {
	field      uint16
	childIndex uint8
	inherited  bool
}

// SymbolType classifies a grammar symbol.
type SymbolType int

// Symbol types, as tree-sitter's TSSymbolType.
const (
	SymbolTypeRegular SymbolType = iota
	SymbolTypeAnonymous
	SymbolTypeSupertype
	SymbolTypeAuxiliary
)

// String returns "regular", "anonymous", "supertype" or "auxiliary".
func (t SymbolType) String() string {
	switch t {
	case SymbolTypeRegular:
		return "regular"
	case SymbolTypeAnonymous:
		return "anonymous"
	case SymbolTypeSupertype:
		return "supertype"
	case SymbolTypeAuxiliary:
		return "auxiliary"
	}
	return "unknown"
}

// LanguageMetadata is the grammar's semantic version, from its
// tree-sitter.json (ABI 15 grammars only).
type LanguageMetadata struct {
	MajorVersion uint8
	MinorVersion uint8
	PatchVersion uint8
}

// String returns "major.minor.patch".
func (m LanguageMetadata) String() string {
	return fmt.Sprintf("%d.%d.%d", m.MajorVersion, m.MinorVersion, m.PatchVersion)
}

// LoadLanguage loads a grammar side module (the .wasm file the tree-sitter
// CLI builds, or one from an npm grammar package). name picks
// tree_sitter_<name> when the module exports several languages; pass "" to
// take the only one.
func (e *Engine) LoadLanguage(ctx context.Context, wasm []byte, name string) (*Language, error) {
	g, err := e.compileGrammar(ctx, wasm, name)
	if err != nil {
		if errors.Is(err, ErrClosed) {
			return nil, err
		}
		kind := NotGrammar
		if errors.Is(err, wasmbin.ErrNotWasm) {
			kind = NotWasm
		}
		return nil, &LanguageError{Kind: kind, Name: name, Err: err}
	}
	l := &Language{engine: e, g: g, name: g.info.Name}
	// Link into a pooled store to validate the grammar and read its tables.
	s, err := e.pooledStore(ctx)
	if err != nil {
		return nil, err
	}
	defer s.release()
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.unlock()
	ptr, err := s.linkLanguage(ctx, g)
	if err != nil {
		return nil, &LanguageError{Kind: LinkFailed, Name: l.name, Err: err}
	}
	if err := l.readTables(ctx, s, ptr); err != nil {
		return nil, err
	}
	return l, nil
}

// LoadLanguageFile reads a grammar .wasm file and loads it.
func (e *Engine) LoadLanguageFile(ctx context.Context, path, name string) (*Language, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return e.LoadLanguage(ctx, b, name)
}

// Offsets in TSLanguage on wasm32. The fields up to alias_sequences are the
// same in ABI 13, 14 and 15 (later ABIs only append fields).
const (
	langSymbolCount       = 4
	langAliasCount        = 8
	langStateCount        = 20
	langProductionIDCount = 28
	langFieldCount        = 32
	langMaxAliasSeqLen    = 36 // u16
	langFieldMapSlices    = 64
	langFieldMapEntries   = 68
	langSymbolMetadata    = 72
	langPublicSymbolMap   = 76
	langAliasSequences    = 84
)

// readTables caches the language's tables; the caller holds s.mu. Counts and
// names come through the runtime's API; the tables the API does not expose
// (symbol metadata, public symbol map, alias sequences, field map) are read
// from memory and checked against the API where the two overlap.
func (l *Language) readTables(ctx context.Context, s *Store, ptr uint32) error {
	trap := func(err error) error {
		return &LanguageError{Kind: LinkFailed, Name: l.name, Err: s.trap("reading language tables", l.name, err)}
	}
	layout := func(what string) error {
		return &LanguageError{Kind: LinkFailed, Name: l.name,
			Err: fmt.Errorf("TSLanguage layout check failed (%s): runtime and host disagree", what)}
	}
	call := func(name string, args ...uint64) (uint64, error) { return s.call(ctx, s.export(name), args...) }
	abi, err := s.call(ctx, s.fn.langVersion, uint64(ptr))
	if err != nil {
		return trap(err)
	}
	l.abi = uint32(abi)
	if l.abi < tsrt.MinABI || l.abi > tsrt.MaxABI {
		return &LanguageError{Kind: ABIMismatch, Name: l.name, ABI: l.abi, MinABI: tsrt.MinABI, MaxABI: tsrt.MaxABI,
			Err: fmt.Errorf("ABI %d outside %d–%d", l.abi, tsrt.MinABI, tsrt.MaxABI)}
	}
	n, err := s.call(ctx, s.fn.langSymbolCount, uint64(ptr))
	if err != nil {
		return trap(err)
	}
	nf, err := s.call(ctx, s.fn.langFieldCount, uint64(ptr))
	if err != nil {
		return trap(err)
	}
	states, err := call("ts_language_state_count", uint64(ptr))
	if err != nil {
		return trap(err)
	}
	l.states = uint32(states)
	if n > 0xFFFE || nf > 0xFFFF {
		return layout("symbol or field count out of range")
	}

	l.symbols = make([]symbolInfo, n)
	for i := range l.symbols {
		p, err := s.call(ctx, s.fn.langSymbolName, uint64(ptr), uint64(i))
		if err != nil {
			return trap(err)
		}
		t, err := s.call(ctx, s.fn.langSymbolType, uint64(ptr), uint64(i))
		if err != nil {
			return trap(err)
		}
		l.symbols[i] = symbolInfo{name: s.cString(uint32(p)), typ: SymbolType(t)}
	}
	l.fields = make([]string, nf+1)
	for i := 1; i <= int(nf); i++ {
		p, err := s.call(ctx, s.fn.langFieldName, uint64(ptr), uint64(i))
		if err != nil {
			return trap(err)
		}
		l.fields[i] = s.cString(uint32(p))
	}
	if p, err := call("ts_language_name", uint64(ptr)); err != nil {
		return trap(err)
	} else {
		l.langName = s.cString(uint32(p))
	}
	if p, err := call("ts_language_metadata", uint64(ptr)); err != nil {
		return trap(err)
	} else if p != 0 {
		b, ok := s.mem.Read(uint32(p), 3)
		if !ok {
			return layout("metadata pointer")
		}
		l.meta = &LanguageMetadata{MajorVersion: b[0], MinorVersion: b[1], PatchVersion: b[2]}
	}
	lenOut := s.scratch + scratchExtra
	readSymbols := func(p uint64) ([]uint16, error) {
		cnt, _ := s.mem.ReadUint32Le(lenOut)
		if cnt == 0 {
			return nil, nil
		}
		out, ok := readU16s(s.memView(), uint32(p), cnt)
		if !ok {
			return nil, layout("supertype table")
		}
		return out, nil
	}
	p, err := call("ts_language_supertypes", uint64(ptr), uint64(lenOut))
	if err != nil {
		return trap(err)
	}
	if l.supertypes, err = readSymbols(p); err != nil {
		return err
	}
	l.subtypes = make(map[uint16][]uint16, len(l.supertypes))
	for _, st := range l.supertypes {
		p, err := call("ts_language_subtypes", uint64(ptr), uint64(st), uint64(lenOut))
		if err != nil {
			return trap(err)
		}
		if l.subtypes[st], err = readSymbols(p); err != nil {
			return err
		}
	}

	// Tables from memory.
	m := s.memView()
	if le32(m, ptr) != l.abi || le32(m, ptr+langSymbolCount)+le32(m, ptr+langAliasCount) != uint32(n) ||
		le32(m, ptr+langFieldCount) != uint32(nf) || le32(m, ptr+langStateCount) != l.states {
		return layout("counts")
	}
	metaP, publicP := le32(m, ptr+langSymbolMetadata), le32(m, ptr+langPublicSymbolMap)
	metaB, ok1 := readBytes(m, metaP, 3*uint32(n))
	public, ok2 := readU16s(m, publicP, uint32(n))
	if !ok1 || !ok2 {
		return layout("symbol tables")
	}
	for i := range l.symbols {
		var meta uint8
		for bit, b := range metaB[3*i : 3*i+3] {
			if b > 1 {
				return layout("symbol metadata")
			}
			meta |= b << bit
		}
		if typeOf(meta) != l.symbols[i].typ || uint64(public[i]) >= n {
			return layout("symbol metadata")
		}
		l.symbols[i].meta, l.symbols[i].public = meta, public[i]
	}
	prods := le32(m, ptr+langProductionIDCount)
	l.maxAliasLen = uint32(le16(m, ptr+langMaxAliasSeqLen))
	if uint64(prods)*uint64(l.maxAliasLen) > 1<<24 {
		return layout("alias sequences")
	}
	var ok bool
	if l.aliasSeqs, ok = readU16s(m, le32(m, ptr+langAliasSequences), prods*l.maxAliasLen); !ok {
		return layout("alias sequences")
	}
	if nf > 0 {
		l.hasFieldTable = true
		raw, ok := readU16s(m, le32(m, ptr+langFieldMapSlices), 2*prods)
		if !ok {
			return layout("field map slices")
		}
		l.fieldSlices = make([]mapSlice, prods)
		var entries uint32
		for i := range l.fieldSlices {
			sl := mapSlice{index: raw[2*i], length: raw[2*i+1]}
			l.fieldSlices[i] = sl
			entries = max(entries, uint32(sl.index)+uint32(sl.length))
		}
		eb, ok := readBytes(m, le32(m, ptr+langFieldMapEntries), 4*entries)
		if !ok {
			return layout("field map entries")
		}
		l.fieldEntries = make([]fieldMapEntry, entries)
		for i := range l.fieldEntries {
			e := eb[4*i : 4*i+4]
			l.fieldEntries[i] = fieldMapEntry{field: uint16(e[0]) | uint16(e[1])<<8, childIndex: e[2], inherited: e[3] != 0}
			if uint64(l.fieldEntries[i].field) > nf {
				return layout("field map entries")
			}
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

func readBytes(m []byte, p, n uint32) ([]byte, bool) {
	if n == 0 {
		return nil, true
	}
	if p == 0 || uint64(p)+uint64(n) > uint64(len(m)) {
		return nil, false
	}
	return append([]byte(nil), m[p:p+n]...), true
}

func readU16s(m []byte, p, n uint32) ([]uint16, bool) {
	b, ok := readBytes(m, p, 2*n)
	if !ok {
		return nil, false
	}
	out := make([]uint16, n)
	for i := range out {
		out[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return out, true
}

// Name is the grammar's name: ts_language_name for ABI 15 grammars, else
// the name of its tree_sitter_<name> export.
func (l *Language) Name() string {
	if l.langName != "" {
		return l.langName
	}
	return l.name
}

// ABIVersion is the grammar's ABI (tree-sitter's LANGUAGE_VERSION).
func (l *Language) ABIVersion() uint32 { return l.abi }

// AbiVersion is ABIVersion, under go-tree-sitter's name.
func (l *Language) AbiVersion() uint32 { return l.abi }

// Metadata is the grammar's semantic version, or nil for grammars older
// than ABI 15 (ts_language_metadata).
func (l *Language) Metadata() *LanguageMetadata {
	if l.meta == nil {
		return nil
	}
	m := *l.meta
	return &m
}

// SymbolCount is the number of symbols (node kinds, named or not, hidden
// ones and aliases included). Valid ids are 0..SymbolCount-1, plus 65535
// for ERROR.
func (l *Language) SymbolCount() uint32 { return uint32(len(l.symbols)) }

// NodeKindCount is SymbolCount, under go-tree-sitter's name.
func (l *Language) NodeKindCount() uint32 { return l.SymbolCount() }

// StateCount is the number of parse states.
func (l *Language) StateCount() uint32 { return l.states }

// ParseStateCount is StateCount, under go-tree-sitter's name.
func (l *Language) ParseStateCount() uint32 { return l.states }

// SymbolName returns the kind name of symbol id ("ERROR" for 65535), or ""
// if out of range.
func (l *Language) SymbolName(id uint16) string {
	switch {
	case id == symbolError:
		return "ERROR"
	case id == symbolErrorRepeat:
		return "_ERROR"
	case int(id) < len(l.symbols):
		return l.symbols[id].name
	}
	return ""
}

// NodeKindForId is SymbolName, under go-tree-sitter's name.
func (l *Language) NodeKindForId(id uint16) string { return l.SymbolName(id) }

// SymbolType returns the type of symbol id.
func (l *Language) SymbolType(id uint16) SymbolType { return typeOf(l.symbolMeta(id)) }

// symbolMeta is ts_language_symbol_metadata as metaVisible/metaNamed/metaSupertype bits.
func (l *Language) symbolMeta(id uint16) uint8 {
	switch {
	case id == symbolError:
		return metaVisible | metaNamed
	case int(id) < len(l.symbols):
		return l.symbols[id].meta
	}
	return 0
}

// publicSymbol is ts_language_public_symbol: the id trees report for a
// grammar symbol (symbols that share a name and namedness share it).
func (l *Language) publicSymbol(id uint16) uint16 {
	switch {
	case id == symbolError:
		return id
	case int(id) < len(l.symbols):
		return l.symbols[id].public
	}
	return 0
}

// NodeKindIsNamed reports whether symbol id is a named, visible kind.
func (l *Language) NodeKindIsNamed(id uint16) bool { return l.SymbolType(id) == SymbolTypeRegular }

// NodeKindIsVisible reports whether nodes of kind id appear in trees.
func (l *Language) NodeKindIsVisible(id uint16) bool { return l.SymbolType(id) <= SymbolTypeAnonymous }

// NodeKindIsSupertype reports whether id is a supertype (a hidden rule that
// query patterns can name, such as _expression).
func (l *Language) NodeKindIsSupertype(id uint16) bool {
	return l.SymbolType(id) == SymbolTypeSupertype
}

// SymbolForName returns the id trees use for the kind with that name and
// namedness, and whether one exists, as ts_language_symbol_for_name (which
// also finds supertypes; "ERROR" named is 65535).
func (l *Language) SymbolForName(name string, named bool) (uint16, bool) {
	if named && name == "ERROR" {
		return symbolError, true
	}
	for _, s := range l.symbols {
		if (s.meta&(metaVisible|metaSupertype) == 0) || (s.meta&metaNamed != 0) != named {
			continue
		}
		if s.name == name {
			return s.public, true
		}
	}
	return 0, false
}

// IdForNodeKind is SymbolForName returning 0 when there is no such kind,
// under go-tree-sitter's name.
func (l *Language) IdForNodeKind(kind string, named bool) uint16 {
	id, _ := l.SymbolForName(kind, named)
	return id
}

// Supertypes returns the grammar's supertype symbols (ABI 15; nil before).
func (l *Language) Supertypes() []uint16 { return append([]uint16(nil), l.supertypes...) }

// Subtypes returns the symbols a supertype stands for (ABI 15; nil for
// other symbols and older grammars).
func (l *Language) Subtypes(supertype uint16) []uint16 {
	return append([]uint16(nil), l.subtypes[supertype]...)
}

// FieldCount is the number of field names.
func (l *Language) FieldCount() uint32 { return uint32(len(l.fields) - 1) }

// FieldNameForId returns the name of field id (1-based), or "".
func (l *Language) FieldNameForId(id uint16) string {
	if int(id) < len(l.fields) {
		return l.fields[id]
	}
	return ""
}

// FieldName is FieldNameForId.
func (l *Language) FieldName(id uint16) string { return l.FieldNameForId(id) }

// FieldIdForName returns the id of a field name, or 0 if the grammar has none.
func (l *Language) FieldIdForName(name string) uint16 {
	for i, f := range l.fields {
		if i > 0 && f == name {
			return uint16(i)
		}
	}
	return 0
}

// FieldID is FieldIdForName.
func (l *Language) FieldID(name string) uint16 { return l.FieldIdForName(name) }

// NextState returns the parse state after state on symbol, as
// ts_language_next_state (use Node.GrammarId for symbol; 0 means none). It
// runs in one of the engine's pooled stores.
func (l *Language) NextState(ctx context.Context, state, symbol uint16) (uint16, error) {
	var out uint16
	err := l.withStore(ctx, func(s *Store, ptr uint32) error {
		r, err := s.call(ctx, s.export("ts_language_next_state"), uint64(ptr), uint64(state), uint64(symbol))
		if err != nil {
			return s.trap("ts_language_next_state", l.name, err)
		}
		out = uint16(r)
		return nil
	})
	return out, err
}

// withStore runs f in a locked pooled store with the language linked.
func (l *Language) withStore(ctx context.Context, f func(s *Store, ptr uint32) error) error {
	s, err := l.engine.pooledStore(ctx)
	if err != nil {
		return err
	}
	defer s.release()
	if err := s.lock(); err != nil {
		return err
	}
	defer s.unlock()
	ptr, err := s.linkLanguage(ctx, l.g)
	if err != nil {
		return &LanguageError{Kind: LinkFailed, Name: l.name, Err: err}
	}
	return f(s, ptr)
}

// aliasAt is ts_language_alias_at.
func (l *Language) aliasAt(productionID uint16, childIndex uint32) uint16 {
	if productionID == 0 {
		return 0
	}
	i := uint64(productionID)*uint64(l.maxAliasLen) + uint64(childIndex)
	if i >= uint64(len(l.aliasSeqs)) {
		return 0
	}
	return l.aliasSeqs[i]
}

// fieldMap is ts_language_field_map: the field entries of a production.
func (l *Language) fieldMap(productionID uint16) []fieldMapEntry {
	if !l.hasFieldTable || int(productionID) >= len(l.fieldSlices) {
		return nil
	}
	sl := l.fieldSlices[productionID]
	return l.fieldEntries[sl.index : uint32(sl.index)+uint32(sl.length)]
}

// grammarInfo exposes link metadata to tests.
func (l *Language) grammarInfo() *link.Grammar { return l.g.info }
