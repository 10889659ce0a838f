// language.go: the Language type, loading a grammar, and the metadata answered from its cached tables.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/tswasm/tswasm/internal/abi"
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
	fieldSlices   []abi.MapSlice // by production id
	fieldEntries  []abi.FieldMapEntry
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
	if err := s.withLanguage(ctx, l, func(ptr abi.Ptr) error { return l.readTables(ctx, s, ptr) }); err != nil {
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

// Metadata is the grammar's semantic version, or nil for grammars older
// than ABI 15 (ts_language_metadata).
func (l *Language) Metadata() *LanguageMetadata {
	if l.meta == nil {
		return nil
	}
	m := *l.meta
	return &m
}

// NodeKindCount is the number of symbols (node kinds, named or not, hidden
// ones and aliases included). Valid ids are 0..NodeKindCount-1, plus 65535
// for ERROR.
func (l *Language) NodeKindCount() uint32 { return uint32(len(l.symbols)) }

// ParseStateCount is the number of parse states.
func (l *Language) ParseStateCount() uint32 { return l.states }

// NodeKindForID returns the kind name of symbol id ("ERROR" for 65535), or
// "" if out of range.
func (l *Language) NodeKindForID(id uint16) string {
	switch {
	case id == abi.SymbolError:
		return "ERROR"
	case id == abi.SymbolErrorRepeat:
		return "_ERROR"
	case int(id) < len(l.symbols):
		return l.symbols[id].name
	}
	return ""
}

// SymbolType returns the type of symbol id.
func (l *Language) SymbolType(id uint16) SymbolType { return typeOf(l.symbolMeta(id)) }

// symbolMeta is ts_language_symbol_metadata as metaVisible/metaNamed/metaSupertype bits.
func (l *Language) symbolMeta(id uint16) uint8 {
	switch {
	case id == abi.SymbolError:
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
	case id == abi.SymbolError:
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

// IDForNodeKind returns the id trees use for the kind with that name and
// namedness, and whether one exists, as ts_language_symbol_for_name (which
// also finds supertypes; "ERROR" named is 65535).
func (l *Language) IDForNodeKind(name string, named bool) (uint16, bool) {
	if named && name == "ERROR" {
		return abi.SymbolError, true
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

// Supertypes returns the grammar's supertype symbols (ABI 15; nil before).
func (l *Language) Supertypes() []uint16 { return append([]uint16(nil), l.supertypes...) }

// Subtypes returns the symbols a supertype stands for (ABI 15; nil for
// other symbols and older grammars).
func (l *Language) Subtypes(supertype uint16) []uint16 {
	return append([]uint16(nil), l.subtypes[supertype]...)
}

// FieldCount is the number of field names.
func (l *Language) FieldCount() uint32 { return uint32(len(l.fields) - 1) }

// FieldNameForID returns the name of field id (1-based), or "".
func (l *Language) FieldNameForID(id uint16) string {
	if int(id) < len(l.fields) {
		return l.fields[id]
	}
	return ""
}

// FieldIDForName returns the id of a field name, or 0 if the grammar has none.
func (l *Language) FieldIDForName(name string) uint16 {
	for i, f := range l.fields {
		if i > 0 && f == name {
			return uint16(i)
		}
	}
	return 0
}

// NextState returns the parse state after state on symbol, as
// ts_language_next_state (use Node.GrammarID for symbol; 0 means none). It
// runs in one of the engine's pooled stores.
func (l *Language) NextState(ctx context.Context, state, symbol uint16) (uint16, error) {
	var out uint16
	err := l.withStore(ctx, func(s *Store, ptr abi.Ptr) error {
		r, err := s.call3(ctx, l.name, abi.TsLanguageNextState, ptr.Arg(), uint64(state), uint64(symbol))
		out = uint16(r)
		return err
	})
	return out, err
}

// withStore runs f in a locked pooled store with the language linked.
func (l *Language) withStore(ctx context.Context, f func(s *Store, ptr abi.Ptr) error) error {
	s, err := l.engine.pooledStore(ctx)
	if err != nil {
		return err
	}
	defer s.release()
	return s.withLanguage(ctx, l, func(ptr abi.Ptr) error { return f(s, ptr) })
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
func (l *Language) fieldMap(productionID uint16) []abi.FieldMapEntry {
	if !l.hasFieldTable || int(productionID) >= len(l.fieldSlices) {
		return nil
	}
	sl := l.fieldSlices[productionID]
	return l.fieldEntries[sl.Index : uint32(sl.Index)+uint32(sl.Length)]
}
