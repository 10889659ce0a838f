package tswasm

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goSnippet = "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n"

func TestTreeOutlivesParser(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, err := e.NewParser(context.Background())
	require.NoError(t, err)
	require.NoError(t, p.SetLanguage(context.Background(), lang))
	tree, err := p.Parse(context.Background(), []byte(goSnippet), nil)
	require.NoError(t, err)
	want := tree.RootNode().String()
	require.NoError(t, p.Close())

	assert.Equal(t, want, tree.RootNode().String())
	assert.Equal(t, "source_file", tree.RootNode().Kind())
	assert.NoError(t, tree.Err())
	require.NoError(t, tree.Close())
}

func TestEngineCloseWhileTreesAlive(t *testing.T) {
	ctx := context.Background()
	e, err := NewEngine(ctx, WithPoolSize(2))
	require.NoError(t, err)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")

	var trees []*Tree
	for range 3 {
		p, err := e.NewParser(ctx)
		require.NoError(t, err)
		require.NoError(t, p.SetLanguage(ctx, lang))
		tree, err := p.Parse(ctx, []byte(goSnippet), nil)
		require.NoError(t, err)
		trees = append(trees, tree)
		require.NoError(t, p.Close())
	}
	want := trees[0].RootNode().String()

	require.NoError(t, e.Close())
	st := e.Stats()
	assert.True(t, st.Closed)
	assert.False(t, st.RuntimeClosed, "trees are alive: the runtime must stay")
	assert.Equal(t, 0, st.PooledStores)
	assert.Positive(t, st.LiveStores)

	// The engine refuses new work...
	_, err = e.NewParser(ctx)
	assert.ErrorIs(t, err, ErrClosed)
	_, err = e.NewStore(ctx)
	assert.ErrorIs(t, err, ErrClosed)
	_, err = e.LoadLanguageFile(ctx, filepath.Join("testdata", "grammars", "tree-sitter-go-0.25.0.wasm"), "")
	assert.ErrorIs(t, err, ErrClosed)

	// ...but the trees still work, including clones.
	clone, err := trees[1].Clone()
	require.NoError(t, err)
	for _, tree := range trees {
		assert.Equal(t, want, tree.RootNode().String())
	}
	for i, tree := range trees {
		require.NoError(t, tree.Close())
		if i < len(trees)-1 {
			assert.False(t, e.Stats().RuntimeClosed)
		}
	}
	assert.False(t, e.Stats().RuntimeClosed, "the clone still holds its store")
	assert.Equal(t, want, clone.RootNode().String())
	require.NoError(t, clone.Close())

	st = e.Stats()
	assert.True(t, st.RuntimeClosed, "the runtime is freed after the last tree closes")
	assert.Equal(t, 0, st.LiveStores)
	assert.NoError(t, e.Close(), "a second Close is harmless")
}

func TestDoubleCloseAndUseAfterClose(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	s, err := e.NewStore(ctx)
	require.NoError(t, err)
	p, err := s.NewParser(ctx)
	require.NoError(t, err)
	require.NoError(t, p.SetLanguage(ctx, lang))
	tree, err := p.Parse(ctx, []byte(goSnippet), nil)
	require.NoError(t, err)
	root := tree.RootNode()
	child := root.Child(0)
	require.False(t, child.IsZero())

	require.NoError(t, tree.Close())
	require.NoError(t, tree.Close())
	assert.ErrorIs(t, tree.Err(), ErrClosed)
	_, err = tree.Clone()
	assert.ErrorIs(t, err, ErrClosed)
	assert.True(t, tree.RootNode().IsZero())
	// Nodes of a closed tree answer with zero values, never a crash.
	assert.Equal(t, "", root.String())
	assert.Equal(t, "", root.Kind())
	assert.Equal(t, uint(0), root.ChildCount())
	assert.True(t, root.Child(0).IsZero())
	assert.True(t, child.Parent().IsZero())
	assert.False(t, root.HasError())

	_, err = p.Parse(ctx, []byte(goSnippet), tree)
	assert.ErrorIs(t, err, ErrClosed, "a closed old tree is refused")

	require.NoError(t, p.Close())
	require.NoError(t, p.Close())
	_, err = p.Parse(ctx, []byte(goSnippet), nil)
	assert.ErrorIs(t, err, ErrClosed)
	assert.ErrorIs(t, p.SetLanguage(ctx, lang), ErrClosed)

	require.NoError(t, s.Close())
	require.NoError(t, s.Close())
	_, err = s.NewParser(ctx)
	assert.ErrorIs(t, err, ErrClosed)
	assert.ErrorIs(t, s.Err(), ErrClosed)
}

func TestParseWithoutLanguage(t *testing.T) {
	e := newTestEngine(t)
	p, err := e.NewParser(context.Background())
	require.NoError(t, err)
	defer p.Close()
	_, err = p.Parse(context.Background(), []byte("x"), nil)
	assert.ErrorIs(t, err, ErrNoLanguage)
}

func TestOldTreeFromAnotherStore(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	s1, err := e.NewStore(ctx)
	require.NoError(t, err)
	defer s1.Close()
	s2, err := e.NewStore(ctx)
	require.NoError(t, err)
	defer s2.Close()
	p1, err := s1.NewParser(ctx)
	require.NoError(t, err)
	defer p1.Close()
	p2, err := s2.NewParser(ctx)
	require.NoError(t, err)
	defer p2.Close()
	require.NoError(t, p1.SetLanguage(ctx, lang))
	require.NoError(t, p2.SetLanguage(ctx, lang))
	t1 := mustParse(t, p1, goSnippet)
	// The parse runs in t1's store, with p2's sibling parser there.
	t2, err := p2.Parse(ctx, []byte(goSnippet), t1)
	require.NoError(t, err)
	defer t2.Close()
	assert.Same(t, s1, t2.h.store)
	assert.Equal(t, t1.RootNode().String(), t2.RootNode().String())

	// A tree of another engine is still refused.
	other := newTestEngine(t)
	po := newTestParser(t, other, loadTestGrammar(t, other, "tree-sitter-go-0.25.0.wasm"))
	_, err = po.Parse(ctx, []byte(goSnippet), t1)
	assert.ErrorIs(t, err, ErrForeignObject)
}

func TestLanguageFromAnotherEngine(t *testing.T) {
	e1, e2 := newTestEngine(t), newTestEngine(t)
	lang := loadTestGrammar(t, e1, "tree-sitter-go-0.25.0.wasm")
	p, err := e2.NewParser(context.Background())
	require.NoError(t, err)
	defer p.Close()
	assert.ErrorIs(t, p.SetLanguage(context.Background(), lang), ErrForeignObject)
}

// goFiles returns up to n .go files under GOROOT/src/dir, in a fixed order.
func goFiles(t testing.TB, dir string, n int) []string {
	t.Helper()
	root := filepath.Join(runtime.GOROOT(), "src", dir)
	var out []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && (n <= 0 || len(out) < n) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		skipOrFail(t, fmt.Sprintf("no Go sources under %s: %v", root, err))
	}
	return out
}

func TestConcurrentParsersMatchSerial(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t, WithPoolSize(4))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	files := goFiles(t, "net/http", 64)
	srcs := make([][]byte, len(files))
	want := make([]string, len(files))
	p := newTestParser(t, e, lang)
	for i, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		srcs[i] = b
		tree, err := p.Parse(ctx, b, nil)
		require.NoError(t, err)
		want[i] = tree.RootNode().String()
		require.NoError(t, tree.Close())
	}

	const goroutines = 32
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := e.NewParser(ctx)
			if err != nil {
				errs <- err
				return
			}
			defer p.Close()
			if err := p.SetLanguage(ctx, lang); err != nil {
				errs <- err
				return
			}
			// Each goroutine parses a different rotation of the files.
			for k := range 8 {
				i := (g*5 + k) % len(files)
				tree, err := p.Parse(ctx, srcs[i], nil)
				if err != nil {
					errs <- err
					return
				}
				got := tree.RootNode().String()
				_ = tree.Close()
				if got != want[i] {
					errs <- fmt.Errorf("goroutine %d: %s differs from the serial parse", g, files[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st := e.Stats()
	assert.LessOrEqual(t, st.PooledStores, 4)
	assert.GreaterOrEqual(t, st.PooledStores, 2, "parsers must spread over stores")
}

func TestLoadLanguageErrors(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	runtimeWasm, err := os.ReadFile(filepath.Join("internal", "runtime", "tree-sitter.wasm"))
	require.NoError(t, err)
	ql, err := os.ReadFile(filepath.Join("testdata", "grammars", "tree-sitter-wasms-0.1.13-ql.wasm"))
	require.NoError(t, err)
	goWasm, err := os.ReadFile(filepath.Join("testdata", "grammars", "tree-sitter-go-0.25.0.wasm"))
	require.NoError(t, err)
	elm, err := os.ReadFile(filepath.Join("testdata", "grammars", "tree-sitter-wasms-0.1.13-elm.wasm"))
	require.NoError(t, err)

	tests := []struct {
		name    string
		wasm    []byte
		lang    string
		kind    LanguageErrorKind
		message string
	}{
		{"garbage", []byte("#!/bin/sh\necho not wasm\n"), "", NotWasm, "not a WebAssembly binary"},
		{"empty", nil, "", NotWasm, "not a WebAssembly binary"},
		{"truncated", goWasm[:len(goWasm)/2], "", NotGrammar, "runs past the end"},
		{"wasm but not a side module", runtimeWasm, "", NotGrammar, "no dylink.0 or dylink section"},
		{"wrong export name", goWasm, "python", NotGrammar, "does not export tree_sitter_python()"},
		{"ABI 10", ql, "", ABIMismatch, "grammar ql has ABI 10, this runtime accepts 13–15"},
		// elm's C++ imports resolve; only its ABI is refused.
		{"ABI 12 with C++ imports", elm, "", ABIMismatch, "grammar elm has ABI 12, this runtime accepts 13–15"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.LoadLanguage(ctx, tc.wasm, tc.lang)
			require.Error(t, err)
			var le *LanguageError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, tc.kind, le.Kind, "%v", err)
			assert.Contains(t, err.Error(), tc.message)
		})
	}
	// A refused grammar leaves the engine working.
	lang, err := e.LoadLanguage(ctx, goWasm, "")
	require.NoError(t, err)
	p := newTestParser(t, e, lang)
	assert.False(t, mustParse(t, p, goSnippet).RootNode().HasError())
}

func TestLegacyGrammarsParse(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	tests := []struct {
		file, src, root string
	}{
		{"tree-sitter-wasms-0.1.13-json.wasm", `{"a": [1, 2.5, true, null, "x"]}`, "document"},
		{"tree-sitter-wasms-0.1.13-javascript.wasm", "const f = (a) => `t${a}`; // c\n", "program"},
		{"tree-sitter-wasms-0.1.13-python.wasm", "def f(x):\n    if x:\n        return [i for i in x]\n", "module"},
		{"tree-sitter-wasms-0.1.13-ruby.wasm", "class A\n  def b(c) = c&.d\nend\nputs \"x#{1}\"\n", "program"},
		// A C++ external scanner: operator new/delete and a libc++ throw helper.
		{"tree-sitter-wasms-0.1.13-yaml.wasm", "a:\n  - b: |\n      text\n  - [c, {d: e}]\n", "stream"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			lang := loadTestGrammar(t, e, tc.file)
			assert.Contains(t, []uint32{13, 14}, lang.ABIVersion())
			p := newTestParser(t, e, lang)
			tree, err := p.Parse(ctx, []byte(tc.src), nil)
			require.NoError(t, err)
			defer tree.Close()
			root := tree.RootNode()
			assert.Equal(t, tc.root, root.Kind())
			assert.False(t, root.HasError(), root.String())
			assert.Equal(t, uint(len(tc.src)), root.EndByte())
		})
	}
}

func TestMemoryLimit(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t, WithMemoryLimit(16<<20), WithPoolSize(2))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")

	// Input larger than the whole memory: refused before parsing, store intact.
	p1 := newTestParser(t, e, lang)
	_, err := p1.Parse(ctx, make([]byte, 32<<20), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrMemoryLimit)
	assert.NoError(t, p1.Store().Err())

	// Input that fits, but whose tree does not: the parse runs out of memory.
	var b strings.Builder
	for b.Len() < 6<<20 {
		b.WriteString("var x = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}\n")
	}
	_, err = p1.Parse(ctx, []byte("package p\n"+b.String()), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrMemoryLimit)
	var te *TrapError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "go", te.Grammar)
	assert.ErrorIs(t, p1.Store().Err(), ErrStoreBroken)

	// A fresh parser gets a working store.
	p2 := newTestParser(t, e, lang)
	assert.NotSame(t, p1.Store(), p2.Store())
	assert.Equal(t, "source_file", mustParse(t, p2, goSnippet).RootNode().Kind())
}

// trapGrammar builds, with clang, a grammar whose lexer traps on '!': smacker's
// HTML grammar with its lex function wrapped.
func trapGrammar(t *testing.T) []byte {
	t.Helper()
	return faultyGrammar(t, "__builtin_trap();")
}

// faultyGrammar builds smacker's HTML grammar with a lexer that runs onBang
// when a token starts with '!'.
func faultyGrammar(t *testing.T, onBang string) []byte {
	t.Helper()
	dir := smackerDir(t)
	clang := findClang(t)
	tmp := t.TempDir()
	trapC := filepath.Join(tmp, "trap.c")
	src := fmt.Sprintf(`#include %q
static bool trap_lex(TSLexer *lexer, TSStateId state) {
  if (lexer->lookahead == '!') { %s }
  return ts_lex(lexer, state);
}
static TSLanguage trap_language;
const TSLanguage *tree_sitter_trap(void) {
  trap_language = *tree_sitter_html();
  trap_language.lex_fn = trap_lex;
  return &trap_language;
}
`, filepath.Join(dir, "html", "parser.c"), onBang)
	require.NoError(t, os.WriteFile(trapC, []byte(src), 0o644))
	out := filepath.Join(tmp, "trap.wasm")
	buildGrammar(t, clang, "trap", []string{trapC, filepath.Join(dir, "html", "scanner.c")}, out)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return b
}

func TestTrapBreaksOnlyItsStore(t *testing.T) {
	ctx := context.Background()
	wasm := trapGrammar(t)
	e := newTestEngine(t, WithPoolSize(2))
	trap, err := e.LoadLanguage(ctx, wasm, "trap") // parser.c exports tree_sitter_html too
	require.NoError(t, err)
	assert.Equal(t, "trap", trap.Name())
	goLang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")

	s1, err := e.NewStore(ctx)
	require.NoError(t, err)
	defer s1.Close()
	s2, err := e.NewStore(ctx)
	require.NoError(t, err)
	defer s2.Close()
	bad, err := s1.NewParser(ctx)
	require.NoError(t, err)
	defer bad.Close()
	good, err := s2.NewParser(ctx)
	require.NoError(t, err)
	defer good.Close()
	require.NoError(t, bad.SetLanguage(ctx, trap))
	require.NoError(t, good.SetLanguage(ctx, goLang))

	// The grammar works until it meets '!'.
	before := mustParse(t, bad, "<p>hello</p>")
	assert.Equal(t, "document", before.RootNode().Kind())
	goTree := mustParse(t, good, goSnippet)
	want := goTree.RootNode().String()

	_, err = bad.Parse(ctx, []byte("<p>!</p>"), nil)
	require.Error(t, err)
	var te *TrapError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "trap", te.Grammar)
	assert.Contains(t, err.Error(), "trap grammar")
	assert.Contains(t, err.Error(), "unreachable")

	// Everything on the broken store answers with an error...
	assert.ErrorIs(t, s1.Err(), ErrStoreBroken)
	_, err = bad.Parse(ctx, []byte("<p>ok</p>"), nil)
	assert.ErrorIs(t, err, ErrStoreBroken)
	assert.ErrorIs(t, before.Err(), ErrStoreBroken)
	assert.True(t, before.RootNode().IsZero())
	_, err = before.Clone()
	assert.ErrorIs(t, err, ErrStoreBroken)

	// ...and the other store keeps working, right after.
	tree2, err := good.Parse(ctx, []byte(goSnippet), nil)
	require.NoError(t, err)
	defer tree2.Close()
	assert.Equal(t, want, tree2.RootNode().String())
	assert.Equal(t, want, goTree.RootNode().String())

	// The pool replaces a broken store.
	p, err := e.NewParser(ctx)
	require.NoError(t, err)
	require.NoError(t, p.SetLanguage(ctx, trap))
	_, err = p.Parse(ctx, []byte("<p>!</p>"), nil)
	require.ErrorAs(t, err, &te)
	broken := p.Store()
	require.NoError(t, p.Close())
	for range 3 {
		p, err := e.NewParser(ctx)
		require.NoError(t, err)
		assert.NotSame(t, broken, p.Store(), "a broken store must leave the pool")
		require.NoError(t, p.SetLanguage(ctx, goLang))
		tr, err := p.Parse(ctx, []byte(goSnippet), nil)
		require.NoError(t, err)
		assert.Equal(t, want, tr.RootNode().String())
		require.NoError(t, tr.Close())
		require.NoError(t, p.Close())
	}
	assert.True(t, errors.Is(broken.Err(), ErrStoreBroken) || errors.Is(broken.Err(), ErrClosed))
}

func TestCompilationCacheDir(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var sexp []string
	for range 2 { // the second engine starts from the first one's cache
		e, err := NewEngine(ctx, WithCompilationCacheDir(dir))
		require.NoError(t, err)
		lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
		p := newTestParser(t, e, lang)
		sexp = append(sexp, mustParse(t, p, goSnippet).RootNode().String())
		require.NoError(t, e.Close())
	}
	assert.Equal(t, sexp[0], sexp[1])
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.NotEmpty(t, entries, "compiled code is kept in the directory")

	// An unusable directory is not an error: the engine compiles in memory
	// and says so.
	e, err := NewEngine(ctx, WithCompilationCacheDir(filepath.Join(dir, "\x00bad")))
	require.NoError(t, err)
	st := e.Stats()
	assert.Empty(t, st.CacheDir)
	assert.Contains(t, st.CacheNote, "not usable")
	require.NoError(t, e.Close())
}

// Store.Close on a pooled store (reached through Parser.Store) gives back
// nothing: the store is the engine's, and its parsers and trees keep working.
func TestPooledStoreCloseIsHarmless(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, goSnippet)
	for range 3 {
		require.NoError(t, p.Store().Close())
	}
	assert.NoError(t, p.Store().Err())
	assert.Equal(t, "source_file", tree.RootNode().Kind())
	assert.Equal(t, "source_file", mustParse(t, p, goSnippet).RootNode().Kind())
	assert.Equal(t, 1, e.Stats().LiveStores)
}

// A grammar that loops forever in its lexer: without WithCloseOnContextDone
// nothing can stop it; with it, the context's deadline does, the store is
// broken, and the engine goes on with a fresh one.
func TestLoopingGrammarStopsWithCloseOnContextDone(t *testing.T) {
	wasm := faultyGrammar(t, "volatile int spin = 1; while (spin) {}")
	e := newTestEngine(t, WithCloseOnContextDone(), WithPoolSize(1))
	loop, err := e.LoadLanguage(context.Background(), wasm, "trap")
	require.NoError(t, err)
	goLang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")

	p := newTestParser(t, e, loop)
	assert.Equal(t, "document", mustParse(t, p, "<p>fine</p>").RootNode().Kind())
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = p.Parse(ctx, []byte("<p>!</p>"), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var te *TrapError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "trap", te.Grammar)
	assert.ErrorIs(t, p.Store().Err(), ErrStoreBroken)

	p2 := newTestParser(t, e, goLang)
	assert.NotSame(t, p.Store(), p2.Store())
	assert.Equal(t, "source_file", mustParse(t, p2, goSnippet).RootNode().Kind())
}
