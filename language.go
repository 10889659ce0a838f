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
type Language struct {
	engine  *Engine
	g       *grammar
	name    string
	abi     uint32
	symbols []symbolInfo
	fields  []string // index = field id; fields[0] is ""
}

type symbolInfo struct {
	name string
	typ  SymbolType
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

func (l *Language) readTables(ctx context.Context, s *Store, ptr uint32) error {
	f := &s.fn
	trap := func(err error) error {
		return &LanguageError{Kind: LinkFailed, Name: l.name, Err: s.trap("reading language tables", l.name, err)}
	}
	abi, err := s.call(ctx, f.langVersion, uint64(ptr))
	if err != nil {
		return trap(err)
	}
	l.abi = uint32(abi)
	if l.abi < tsrt.MinABI || l.abi > tsrt.MaxABI {
		return &LanguageError{Kind: ABIMismatch, Name: l.name, ABI: l.abi, MinABI: tsrt.MinABI, MaxABI: tsrt.MaxABI,
			Err: fmt.Errorf("ABI %d outside %d–%d", l.abi, tsrt.MinABI, tsrt.MaxABI)}
	}
	n, err := s.call(ctx, f.langSymbolCount, uint64(ptr))
	if err != nil {
		return trap(err)
	}
	l.symbols = make([]symbolInfo, n)
	for i := range l.symbols {
		p, err := s.call(ctx, f.langSymbolName, uint64(ptr), uint64(i))
		if err != nil {
			return trap(err)
		}
		t, err := s.call(ctx, f.langSymbolType, uint64(ptr), uint64(i))
		if err != nil {
			return trap(err)
		}
		l.symbols[i] = symbolInfo{name: s.cString(uint32(p)), typ: SymbolType(t)}
	}
	nf, err := s.call(ctx, f.langFieldCount, uint64(ptr))
	if err != nil {
		return trap(err)
	}
	l.fields = make([]string, nf+1)
	for i := 1; i <= int(nf); i++ {
		p, err := s.call(ctx, f.langFieldName, uint64(ptr), uint64(i))
		if err != nil {
			return trap(err)
		}
		l.fields[i] = s.cString(uint32(p))
	}
	return nil
}

// Name is the grammar's name, from its tree_sitter_<name> export.
func (l *Language) Name() string { return l.name }

// ABIVersion is the grammar's ABI (tree-sitter's LANGUAGE_VERSION).
func (l *Language) ABIVersion() uint32 { return l.abi }

// SymbolCount is the number of node kinds, named or not.
func (l *Language) SymbolCount() uint32 { return uint32(len(l.symbols)) }

// SymbolName returns the kind name of symbol id, or "" if out of range.
func (l *Language) SymbolName(id uint16) string {
	if int(id) < len(l.symbols) {
		return l.symbols[id].name
	}
	return ""
}

// SymbolType returns the type of symbol id.
func (l *Language) SymbolType(id uint16) SymbolType {
	if int(id) < len(l.symbols) {
		return l.symbols[id].typ
	}
	return SymbolTypeAuxiliary
}

// SymbolForName returns the id of the first symbol with that kind name and
// namedness, and whether one exists.
func (l *Language) SymbolForName(name string, named bool) (uint16, bool) {
	for i, s := range l.symbols {
		if s.name == name && (s.typ == SymbolTypeRegular || s.typ == SymbolTypeSupertype) == named {
			return uint16(i), true
		}
	}
	return 0, false
}

// FieldCount is the number of field names.
func (l *Language) FieldCount() uint32 { return uint32(len(l.fields) - 1) }

// FieldName returns the name of field id (1-based), or "".
func (l *Language) FieldName(id uint16) string {
	if int(id) < len(l.fields) {
		return l.fields[id]
	}
	return ""
}

// FieldID returns the id of a field name, or 0 if the grammar has none.
func (l *Language) FieldID(name string) uint16 {
	for i, f := range l.fields {
		if i > 0 && f == name {
			return uint16(i)
		}
	}
	return 0
}

// grammarInfo exposes link metadata to tests.
func (l *Language) grammarInfo() *link.Grammar { return l.g.info }
