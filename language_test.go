package tswasm

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/internal/abi"
)

// TestLanguageGoMetadata checks the metadata of tree-sitter-go 0.25.0
// against its generated src/parser.c (npm tree-sitter-go@0.25.0):
// SYMBOL_COUNT 214 + ALIAS_COUNT 5, STATE_COUNT 1442, FIELD_COUNT 35,
// .name "go", .metadata 0.25.0, ts_supertype_symbols and
// ts_supertype_map_slices, and the symbol and field enums.
func TestLanguageGoMetadata(t *testing.T) {
	e := newTestEngine(t)
	l := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	require.Equal(t, "go", l.Name())
	require.Equal(t, uint32(15), l.ABIVersion())
	require.Equal(t, uint32(15), l.ABIVersion())
	require.Equal(t, &LanguageMetadata{0, 25, 0}, l.Metadata())
	require.Equal(t, "0.25.0", l.Metadata().String())
	require.Equal(t, uint32(219), l.NodeKindCount())
	require.Equal(t, uint32(219), l.NodeKindCount())
	require.Equal(t, uint32(1442), l.ParseStateCount())
	require.Equal(t, uint32(1442), l.ParseStateCount())
	require.Equal(t, uint32(35), l.FieldCount())

	symbols := []struct {
		id    uint16
		name  string
		typ   SymbolType
		named bool
	}{
		{0, "end", SymbolTypeAuxiliary, false}, // ts_builtin_sym_end: hidden
		{1, "identifier", SymbolTypeRegular, true},
		{5, "package", SymbolTypeAnonymous, false},
		{95, "source_file", SymbolTypeRegular, true},
		{119, "_simple_type", SymbolTypeSupertype, true},
		{138, "_statement", SymbolTypeSupertype, true},
		{169, "_expression", SymbolTypeSupertype, true},
		{214, "field_identifier", SymbolTypeRegular, true}, // an alias
		{218, "type_identifier", SymbolTypeRegular, true},  // an alias
		{0xFFFF, "ERROR", SymbolTypeRegular, true},
		{0xFFFE, "_ERROR", SymbolTypeAuxiliary, false},
	}
	for _, s := range symbols {
		require.Equal(t, s.name, l.NodeKindForID(s.id), "%d", s.id)
		require.Equal(t, s.typ, l.SymbolType(s.id), s.name)
		require.Equal(t, s.typ == SymbolTypeRegular, l.NodeKindIsNamed(s.id), s.name)
		require.Equal(t, s.typ <= SymbolTypeAnonymous, l.NodeKindIsVisible(s.id), s.name)
		require.Equal(t, s.typ == SymbolTypeSupertype, l.NodeKindIsSupertype(s.id), s.name)
		if s.typ != SymbolTypeAuxiliary {
			id, ok := l.IDForNodeKind(s.name, s.named)
			require.True(t, ok, s.name)
			require.Equal(t, s.id, id, s.name)
		}
	}
	require.Equal(t, "", l.NodeKindForID(219))
	_, ok := l.IDForNodeKind("identifier", false)
	require.False(t, ok)
	_, ok = l.IDForNodeKind("no_such_kind", true)
	require.False(t, ok)
	require.Equal(t, "supertype", SymbolTypeSupertype.String())

	require.Equal(t, "alias", l.FieldNameForID(1))
	require.Equal(t, "name", l.FieldNameForID(20))
	require.Equal(t, "value", l.FieldNameForID(35))
	require.Equal(t, "", l.FieldNameForID(0))
	require.Equal(t, "", l.FieldNameForID(36))
	require.Equal(t, uint16(20), l.FieldIDForName("name"))
	require.Equal(t, uint16(35), l.FieldIDForName("value"))
	require.Equal(t, uint16(0), l.FieldIDForName("nam"))

	require.Equal(t, []uint16{169, 140, 119, 138}, l.Supertypes())
	subtypeNames := func(st uint16) []string {
		var out []string
		for _, s := range l.Subtypes(st) {
			out = append(out, l.NodeKindForID(s))
		}
		return out
	}
	require.Len(t, l.Subtypes(169), 25)
	require.Equal(t, []string{"assignment_statement", "dec_statement", "expression_statement", "inc_statement",
		"send_statement", "short_var_declaration"}, subtypeNames(140))
	require.Len(t, l.Subtypes(119), 12)
	require.Contains(t, subtypeNames(119), "type_identifier")
	require.Len(t, l.Subtypes(138), 19)
	require.Contains(t, subtypeNames(138), "_simple_statement")
	require.Nil(t, l.Subtypes(1))
	// The slices are copies.
	l.Supertypes()[0] = 0
	require.Equal(t, uint16(169), l.Supertypes()[0])
}

// TestLanguageLegacyABI: an ABI 14 grammar has no metadata, name or
// supertypes in its TSLanguage; Name falls back to its export.
func TestLanguageLegacyABI(t *testing.T) {
	e := newTestEngine(t)
	l := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	require.Equal(t, uint32(14), l.ABIVersion())
	require.Equal(t, "json", l.Name())
	require.Nil(t, l.Metadata())
	require.Empty(t, l.Supertypes())
	id, ok := l.IDForNodeKind("object", true)
	require.True(t, ok)
	require.Equal(t, "object", l.NodeKindForID(id))
}

// TestLanguageTablesMatchRuntime compares the cached tables of every test
// grammar with the runtime's ts_language_* answers, symbol by symbol.
func TestLanguageTablesMatchRuntime(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "grammars", "*.wasm"))
	require.NoError(t, err)
	e := newTestEngine(t)
	ctx := context.Background()
	loaded := 0
	for _, f := range files {
		l, err := e.LoadLanguageFile(ctx, f, "")
		if err != nil {
			var le *LanguageError
			require.ErrorAs(t, err, &le, f)
			require.Equal(t, ABIMismatch, le.Kind, f) // the ABI 10 grammar
			continue
		}
		loaded++
		err = l.withStore(ctx, func(s *Store, ptr abi.Ptr) error {
			call := func(name string, args ...uint64) uint64 {
				r, err := s.call(ctx, s.export(name), append([]uint64{uint64(ptr)}, args...)...)
				require.NoError(t, err, name)
				return r
			}
			str := func(p uint64) string { return s.cString(abi.Ptr(p)) }
			ids := append(make([]uint16, 0, l.NodeKindCount()+2), 0xFFFE, 0xFFFF)
			for i := range l.NodeKindCount() {
				ids = append(ids, uint16(i))
			}
			for _, id := range ids {
				require.Equal(t, str(call("ts_language_symbol_name", uint64(id))), l.NodeKindForID(id), "%s %d", f, id)
				require.Equal(t, SymbolType(call("ts_language_symbol_type", uint64(id))), l.SymbolType(id), "%s %d", f, id)
			}
			// Every name, both ways; the runtime takes a length, so pass a copy.
			names := map[string]bool{"ERROR": true, "no_such_kind": true}
			for i := range l.NodeKindCount() {
				names[l.NodeKindForID(uint16(i))] = true
			}
			for name := range names {
				if name == "" {
					continue // ts_language_symbol_for_name treats "" as a prefix of "ERROR"
				}
				p, err := s.malloc(ctx, uint32(len(name)))
				require.NoError(t, err)
				s.view().PutString(p, name)
				for _, named := range []bool{false, true} {
					want := uint16(call("ts_language_symbol_for_name", uint64(p), uint64(len(name)), b2u(named)))
					got, ok := l.IDForNodeKind(name, named)
					require.Equal(t, want, got, "%s %q named=%v", f, name, named)
					require.Equal(t, want != 0, ok, "%s %q", f, name)
				}
				require.Equal(t, uint16(call("ts_language_field_id_for_name", uint64(p), uint64(len(name)))), l.FieldIDForName(name), "%s %q", f, name)
				require.NoError(t, s.free(ctx, p))
			}
			for i := range l.FieldCount() + 2 {
				require.Equal(t, str(call("ts_language_field_name_for_id", uint64(i))), l.FieldNameForID(uint16(i)), f)
			}
			for _, fname := range l.fields[1:] {
				p, err := s.malloc(ctx, uint32(len(fname)))
				require.NoError(t, err)
				s.view().PutString(p, fname)
				require.Equal(t, uint16(call("ts_language_field_id_for_name", uint64(p), uint64(len(fname)))), l.FieldIDForName(fname), "%s %q", f, fname)
				require.NoError(t, s.free(ctx, p))
			}
			require.Equal(t, uint32(call("ts_language_state_count")), l.ParseStateCount())
			require.Equal(t, uint32(call("ts_language_symbol_count")), l.NodeKindCount())
			if l.ABIVersion() < 15 {
				require.Zero(t, call("ts_language_metadata"), f)
				require.Zero(t, call("ts_language_name"), f)
			}
			return nil
		})
		require.NoError(t, err)
	}
	require.GreaterOrEqual(t, loaded, 8)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// TestLookaheadIterator: hand-checked on the state after "package", which
// only an identifier (the package name) may follow, besides comments.
func TestLookaheadIterator(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, "package main\n")
	kw := tree.RootNode().Child(0).Child(0)
	require.Equal(t, "package", kw.Kind())
	ctx := context.Background()
	after, err := lang.NextState(ctx, kw.ParseState(), kw.GrammarID())
	require.NoError(t, err)
	require.Equal(t, kw.NextParseState(), after)
	require.NotZero(t, after)

	it, err := lang.NewLookaheadIterator(ctx, after)
	require.NoError(t, err)
	require.Same(t, lang, it.Language())
	require.Equal(t, uint16(0xFFFF), it.Symbol())
	var names []string
	for it.Next() {
		names = append(names, it.SymbolName())
		require.Equal(t, lang.NodeKindForID(it.Symbol()), it.SymbolName())
	}
	slices.Sort(names)
	require.Equal(t, []string{"comment", "identifier"}, names)
	require.False(t, it.Next())

	// Restart on the same state, through the iterators.
	require.True(t, it.ResetState(after))
	var syms []uint16
	for s := range it.Symbols() {
		syms = append(syms, s)
	}
	require.Len(t, syms, 2)
	identID, _ := lang.IDForNodeKind("identifier", true)
	require.Contains(t, syms, identID)
	require.True(t, it.ResetState(after))
	for range it.SymbolNames() {
		break
	}
	require.NotEqual(t, uint16(0xFFFF), it.Symbol())

	// State 0 is the error-recovery state: every token may follow.
	require.True(t, it.ResetState(0))
	all := slices.Collect(it.SymbolNames())
	for _, want := range []string{"package", "func", "identifier", "{", "int_literal", "comment"} {
		require.Contains(t, all, want)
	}
	require.False(t, it.ResetState(uint16(lang.ParseStateCount())))

	// Another language of the same engine.
	other := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	require.True(t, it.Reset(other, 1))
	require.Same(t, other, it.Language())
	jsonSyms := slices.Collect(it.Symbols())
	require.NotEmpty(t, jsonSyms)
	for _, s := range jsonSyms {
		require.Less(t, uint32(s), other.NodeKindCount())
		require.NotEmpty(t, other.NodeKindForID(s))
	}
	require.False(t, it.Reset(other, uint16(other.ParseStateCount())))
	require.False(t, it.Reset(nil, 1))
	e2 := newTestEngine(t)
	require.False(t, it.Reset(loadTestGrammar(t, e2, "tree-sitter-wasms-0.1.13-json.wasm"), 1))

	require.NoError(t, it.Close())
	require.NoError(t, it.Close())
	require.False(t, it.Next())
	require.Equal(t, uint16(0), it.Symbol())
	require.Equal(t, "", it.SymbolName())
	require.False(t, it.ResetState(1))
	require.False(t, it.Reset(lang, 1))
	require.Empty(t, slices.Collect(it.Symbols()))

	_, err = lang.NewLookaheadIterator(ctx, uint16(lang.ParseStateCount()))
	require.ErrorIs(t, err, ErrInvalidState)
}

// TestLanguageAfterEngineClose: cached metadata still answers; calls that
// need a store fail with ErrClosed.
func TestLanguageAfterEngineClose(t *testing.T) {
	e := newTestEngine(t)
	b, err := os.ReadFile(filepath.Join("testdata", "grammars", "tree-sitter-go-0.25.0.wasm"))
	require.NoError(t, err)
	l, err := e.LoadLanguage(context.Background(), b, "")
	require.NoError(t, err)
	require.NoError(t, e.Close())
	require.Equal(t, "go", l.Name())
	require.Equal(t, "identifier", l.NodeKindForID(1))
	require.True(t, strings.HasPrefix(l.Metadata().String(), "0.25"))
	_, err = l.NextState(context.Background(), 1, 5)
	require.True(t, errors.Is(err, ErrClosed), "%v", err)
	_, err = l.NewLookaheadIterator(context.Background(), 1)
	require.ErrorIs(t, err, ErrClosed)
}
