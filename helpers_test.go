package tswasm

import (
	"context"
	"iter"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// requireToolchain reports whether CI demands that nothing skips.
func requireToolchain() bool { return os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" }

// longTests reports whether the long sweeps run in full (TSWASM_LONG=1, set
// by CI). Without it, go test ./... runs a smaller but still meaningful
// sample of each sweep, so that the README's test command stays fast.
func longTests() bool { return os.Getenv("TSWASM_LONG") == "1" }

// skipOrFail skips the test with msg, or fails it when CI requires every
// test to run.
func skipOrFail(t testing.TB, msg string) {
	t.Helper()
	if requireToolchain() {
		t.Fatalf("%s (TSWASM_REQUIRE_TOOLCHAIN=1: nothing may skip)", msg)
	}
	t.Skip(msg)
}

// newTestEngine returns an engine closed at the end of the test.
func newTestEngine(t testing.TB, opts ...Option) *Engine {
	t.Helper()
	e, err := NewEngine(context.Background(), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = e.Close() })
	return e
}

// loadTestGrammar loads testdata/grammars/<file>.
func loadTestGrammar(t testing.TB, e *Engine, file string) *Language {
	t.Helper()
	l, err := e.LoadLanguageFile(context.Background(), filepath.Join("testdata", "grammars", file), "")
	require.NoError(t, err, file)
	return l
}

// newTestParser returns a parser for lang, closed at the end of the test.
func newTestParser(t testing.TB, e *Engine, lang *Language) *Parser {
	t.Helper()
	p, err := e.NewParser(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = p.Close() })
	require.NoError(t, p.SetLanguage(context.Background(), lang))
	return p
}

// mustParse parses src; the tree is closed at the end of the test.
func mustParse(t testing.TB, p *Parser, src string) *Tree {
	t.Helper()
	tree, err := p.Parse(context.Background(), []byte(src), nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = tree.Close() })
	return tree
}

// testIterMatches drops the error element of a Matches iteration; the
// tests that use it read the error from the cursor's err field, which run
// sets.
func testIterMatches(seq iter.Seq2[*QueryMatch, error]) iter.Seq[*QueryMatch] {
	return func(yield func(*QueryMatch) bool) {
		for m, err := range seq {
			if err != nil {
				return
			}
			if !yield(m) {
				return
			}
		}
	}
}

// testIterCaptures is testIterMatches for Captures, in the v0.1 shape
// (match, capture index).
func testIterCaptures(seq iter.Seq2[QueryCaptureResult, error]) iter.Seq2[*QueryMatch, uint] {
	return func(yield func(*QueryMatch, uint) bool) {
		for r, err := range seq {
			if err != nil {
				return
			}
			if !yield(r.Match, r.Index) {
				return
			}
		}
	}
}
