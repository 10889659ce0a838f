package tswasm

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// sharedQuery is an engine with the official Go grammar shared by the query
// tests that do not depend on the engine's lifetime or its stores' health
// (creating an engine is slow under the race detector). It is never closed.
var sharedQuery struct {
	once sync.Once
	e    *Engine
	lang *Language
	err  error
}

// goQueryLang returns the shared engine and its Go language.
func goQueryLang(t *testing.T) (*Engine, *Language) {
	t.Helper()
	sharedQuery.once.Do(func() {
		sharedQuery.e, sharedQuery.err = NewEngine(context.Background())
		if sharedQuery.err == nil {
			sharedQuery.lang, sharedQuery.err = sharedQuery.e.LoadLanguageFile(context.Background(),
				"testdata/grammars/tree-sitter-go-0.25.0.wasm", "")
		}
	})
	require.NoError(t, sharedQuery.err)
	return sharedQuery.e, sharedQuery.lang
}

// ownGoQueryLang loads the official Go grammar into a fresh engine.
func ownGoQueryLang(t *testing.T, opts ...Option) (*Engine, *Language) {
	t.Helper()
	e := newTestEngine(t, opts...)
	return e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
}

func mustQuery(t *testing.T, lang *Language, src string) *Query {
	t.Helper()
	q, err := NewQuery(context.Background(), lang, src)
	require.NoError(t, err)
	t.Cleanup(func() { _ = q.Close() })
	return q
}

func newTestCursor(t *testing.T) *QueryCursor {
	t.Helper()
	qc := NewQueryCursor()
	t.Cleanup(func() { _ = qc.Close() })
	return qc
}

// captureTexts runs q's Captures and renders each as "name=text".
func captureTexts(t *testing.T, qc *QueryCursor, q *Query, n Node, src []byte) []string {
	t.Helper()
	var out []string
	for m, i := range testIterCaptures(qc.Captures(context.Background(), q, n, src)) {
		c := m.Captures[i]
		out = append(out, q.CaptureNameForID(c.Index)+"="+c.Node.UTF8Text(src))
	}
	require.NoError(t, qc.err)
	return out
}

// goIdentsPerFunc counts the identifiers of one bigGoSource function by
// hand: the name; a, b; x, a, b; x; x, a; b.
const goIdentsPerFunc = 10

// bigGoSource returns a valid Go file with n small functions.
func bigGoSource(n int) []byte {
	var b strings.Builder
	b.WriteString("package big\n\n")
	for i := range n {
		fmt.Fprintf(&b, "func f%d(a, b int) int {\n\tx := a + b*%d\n\tif x > 3 {\n\t\treturn x - a\n\t}\n\treturn b\n}\n\n", i, i)
	}
	return []byte(b.String())
}

func TestQueryMetadata(t *testing.T) {
	_, lang := goQueryLang(t)
	hl, err := os.ReadFile("testdata/queries/go-highlights.scm")
	require.NoError(t, err)
	q := mustQuery(t, lang, string(hl))

	// Counted by hand in tree-sitter-go 0.25.0's highlights.scm: 15 top-level
	// patterns; captures in order of first appearance; the only string is
	// the #match? operator and its regexp.
	require.Equal(t, uint(15), q.PatternCount())
	require.Equal(t, []string{"function", "function.builtin", "function.method", "type", "property", "variable",
		"operator", "keyword", "string", "escape", "number", "constant.builtin", "comment"}, q.CaptureNames())
	require.Equal(t, uint(13), q.CaptureCount())
	require.Equal(t, uint(2), q.StringCount())
	require.Equal(t, "match?", q.StringValueForID(0))
	require.True(t, strings.HasPrefix(q.StringValueForID(1), "^(append|cap|close"))
	require.Equal(t, uint(strings.Index(string(hl), "(call_expression")), q.StartByteForPattern(0))
	require.Equal(t, uint(strings.Index(string(hl), "(comment) @comment")), q.StartByteForPattern(14))
	require.Equal(t, uint(len(hl)), q.EndByteForPattern(14))
	id, ok := q.CaptureIndexForName("keyword")
	require.True(t, ok)
	require.Equal(t, uint(7), id)
	require.Equal(t, "keyword", q.CaptureNameForID(7))
	_, ok = q.CaptureIndexForName("nope")
	require.False(t, ok)
	require.Equal(t, "", q.CaptureNameForID(99))
	require.Len(t, q.PredicatesForPattern(1), 1)
	require.Empty(t, q.PredicatesForPattern(0))
	require.Equal(t, string(hl), q.Source())
	require.Same(t, lang, q.Language())
}

func TestQueryPatternProperties(t *testing.T) {
	_, lang := goQueryLang(t)
	src := "(identifier) @a\n" +
		"((comment) @c . (function_declaration) @f)\n" +
		"(function_declaration name: (identifier) @n body: (block)? @b)\n" +
		"(comment)+ @cs\n" +
		"(block \"{\" \"}\")"
	q := mustQuery(t, lang, src)
	require.Equal(t, uint(5), q.PatternCount())
	for i, marker := range []string{"(identifier) @a", "((comment) @c", "(function_declaration name", "(comment)+", "(block \"{\""} {
		require.Equal(t, uint(strings.Index(src, marker)), q.StartByteForPattern(uint(i)), marker)
	}
	// A pattern ends where the next begins (tree-sitter counts the trailing
	// newline into the pattern).
	for i := range uint(4) {
		require.Equal(t, q.StartByteForPattern(i+1), q.EndByteForPattern(i))
	}
	require.Equal(t, uint(len(src)), q.EndByteForPattern(4))

	// A sibling sequence has two roots: not rooted, and non-local (it can
	// match within a repetition of siblings); a single-node pattern is
	// rooted and local. A top-level repetition is non-local too.
	require.True(t, q.IsPatternRooted(0))
	require.False(t, q.IsPatternNonLocal(0))
	require.False(t, q.IsPatternRooted(1))
	require.True(t, q.IsPatternNonLocal(1))
	require.True(t, q.IsPatternRooted(2))
	require.True(t, q.IsPatternNonLocal(3))
	require.False(t, q.IsPatternRooted(99))

	// Capture quantifiers per pattern, ids in order of first appearance:
	// a c f n b cs.
	require.Equal(t, []string{"a", "c", "f", "n", "b", "cs"}, q.CaptureNames())
	Z, One, Opt, Plus := CaptureQuantifierZero, CaptureQuantifierOne, CaptureQuantifierZeroOrOne, CaptureQuantifierOneOrMore
	require.Equal(t, []CaptureQuantifier{One, Z, Z, Z, Z, Z}, q.CaptureQuantifiers(0))
	require.Equal(t, []CaptureQuantifier{Z, One, One, Z, Z, Z}, q.CaptureQuantifiers(1))
	require.Equal(t, []CaptureQuantifier{Z, Z, Z, One, Opt, Z}, q.CaptureQuantifiers(2))
	require.Equal(t, []CaptureQuantifier{Z, Z, Z, Z, Z, Plus}, q.CaptureQuantifiers(3))
	require.Nil(t, q.CaptureQuantifiers(99))

	// As in tree-sitter's own test for (object "{" "}"): once a block's
	// "{" is reached, the pattern is certain to match; at the node type it
	// is not.
	block := uint(strings.Index(src, "(block \"{\""))
	require.False(t, q.IsPatternGuaranteedAtStep(block+1))
	require.True(t, q.IsPatternGuaranteedAtStep(block+7))
	require.True(t, q.IsPatternGuaranteedAtStep(block+11))
	require.False(t, q.IsPatternGuaranteedAtStep(0))
}

func TestQueryErrors(t *testing.T) {
	_, lang := goQueryLang(t)
	// Offsets are derived from the query text: where tree-sitter's
	// documentation and tests put them (the bad name, the step that cannot
	// match, the end of input for a missing parenthesis).
	// offset is where marker starts in the query, plus skip bytes.
	tests := []struct {
		name        string
		query       string
		kind        QueryErrorKind
		marker      string
		skip        int
		row, column uint
		msg         string
	}{
		{"node type", "(identifierr) @a", QueryErrorNodeType, "identifierr", 0, 0, 1, "identifierr"},
		{"node type second line", "(identifier) @a\n  (commnt) @c", QueryErrorNodeType, "commnt", 0, 1, 3, "commnt"},
		{"quoted node type", `(block "nope")`, QueryErrorNodeType, "nope", 0, 0, 8, "nope"},
		{"field", "(function_declaration nme: (identifier))", QueryErrorField, "nme", 0, 0, 22, "nme"},
		{"capture", `((identifier) @a (#eq? @b "x"))`, QueryErrorCapture, "@b", 1, 0, 24, "b"},
		// As tree-sitter's test for a repeated field: the second field is
		// the impossible step.
		{"structure", "(function_declaration name: (identifier) name: (identifier))", QueryErrorStructure, "name: (identifier))", 0, 0, 41,
			"(function_declaration name: (identifier) name: (identifier))\n" + strings.Repeat(" ", 41) + "^"},
		// A missing ")" is reported at the end of input, on the last line.
		{"unclosed", "(identifier", QueryErrorSyntax, "(identifier", 11, 0, 11, "(identifier\n" + strings.Repeat(" ", 11) + "^"},
		{"unclosed at EOF after newline", "(identifier\n", QueryErrorSyntax, "(identifier\n", 12, 1, 0, "Unexpected EOF"},
		{"stray bracket", "(comment) @c\n(identifier) @a\n(block ])", QueryErrorSyntax, "])", 0, 2, 7, "(block ])\n       ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewQuery(context.Background(), lang, tt.query)
			var qe *QueryError
			require.ErrorAs(t, err, &qe)
			require.Equal(t, tt.kind, qe.Kind, "kind %s", qe.Kind)
			require.Equal(t, uint(strings.Index(tt.query, tt.marker)+tt.skip), qe.Offset)
			require.Equal(t, tt.row, qe.Row)
			require.Equal(t, tt.column, qe.Column)
			require.Equal(t, tt.msg, qe.Message)
		})
	}
	_, err := NewQuery(context.Background(), lang, "(identifierr)")
	require.EqualError(t, err, "Query error at 1:2. Invalid node type identifierr")
	_, err = NewQuery(context.Background(), lang, "(identifier")
	require.EqualError(t, err, "Query error at 1:12. Invalid syntax:\n(identifier\n           ^")
	_, err = NewQuery(context.Background(), nil, "(identifier)")
	require.Error(t, err)
}

// TestQueryEmpty checks that an empty query compiles and matches nothing.
func TestQueryEmpty(t *testing.T) {
	e, lang := goQueryLang(t)
	q := mustQuery(t, lang, "")
	require.Zero(t, q.PatternCount())
	tree := mustParse(t, newTestParser(t, e, lang), "package p\n")
	require.Empty(t, captureTexts(t, newTestCursor(t), q, tree.RootNode(), []byte("package p\n")))
}

const rangeSrc = "package p\n\nfunc a() { x := 1 }\nfunc b() { y := 2 }\nfunc c() { z := 3 }\n"

func TestQueryByteAndPointRange(t *testing.T) {
	e, lang := goQueryLang(t)
	tree := mustParse(t, newTestParser(t, e, lang), rangeSrc)
	src := []byte(rangeSrc)
	q := mustQuery(t, lang, "(identifier) @id")
	root := tree.RootNode()
	lineB := strings.Index(rangeSrc, "func b")
	lineC := strings.Index(rangeSrc, "func c")
	y := strings.Index(rangeSrc, "y :=")

	qc := newTestCursor(t)
	require.Equal(t, []string{"id=a", "id=x", "id=b", "id=y", "id=c", "id=z"}, captureTexts(t, qc, q, root, src))

	qc.SetByteRange(uint(lineB), uint(lineC))
	require.Equal(t, []string{"id=b", "id=y"}, captureTexts(t, qc, q, root, src))
	qc.SetByteRange(uint(y), uint(y+1))
	require.Equal(t, []string{"id=y"}, captureTexts(t, qc, q, root, src))
	// start > end: ignored, as tree-sitter ignores it.
	qc.SetByteRange(20, 10)
	require.Equal(t, []string{"id=y"}, captureTexts(t, qc, q, root, src))
	// An end of 0 means the end of the input.
	qc.SetByteRange(uint(lineC), 0)
	require.Equal(t, []string{"id=c", "id=z"}, captureTexts(t, qc, q, root, src))
	qc.SetByteRange(0, 0)

	// Rows: 0 package, 1 blank, 2 func a, 3 func b, 4 func c.
	qc.SetPointRange(Point{Row: 3}, Point{Row: 4})
	require.Equal(t, []string{"id=b", "id=y"}, captureTexts(t, qc, q, root, src))
	qc.SetPointRange(Point{Row: 4, Column: 11}, Point{})
	require.Equal(t, []string{"id=z"}, captureTexts(t, qc, q, root, src))
	qc.SetPointRange(Point{Row: 5}, Point{Row: 4})
	require.Equal(t, []string{"id=z"}, captureTexts(t, qc, q, root, src))

	// A match is returned when its pattern intersects the range, even if
	// some captures lie outside it (tree-sitter's documented behaviour).
	qc2 := newTestCursor(t)
	fq := mustQuery(t, lang, "(function_declaration name: (identifier) @name body: (block) @body)")
	qc2.SetByteRange(uint(y), uint(y+1))
	var ms [][]string
	for m := range testIterMatches(qc2.Matches(context.Background(), fq, root, src)) {
		var texts []string
		for _, c := range m.Captures {
			texts = append(texts, c.Node.UTF8Text(src))
		}
		ms = append(ms, texts)
	}
	require.NoError(t, qc2.err)
	require.Equal(t, [][]string{{"b", "{ y := 2 }"}}, ms)
	// Captures skips the captures outside the range (ts_query_cursor_next_capture
	// does), but keeps the match.
	require.Equal(t, []string{"body={ y := 2 }"}, captureTexts(t, qc2, fq, root, src))
}

func TestQueryMatchLimit(t *testing.T) {
	e, lang := goQueryLang(t)
	const n = 50
	src := "package p\n\nvar v = f(" + strings.Repeat("a, ", n-1) + "a)\n"
	tree := mustParse(t, newTestParser(t, e, lang), src)
	// After tree-sitter's test_query_matches_with_too_many_permutations_to_track:
	// every ordered pair of the n arguments is a match.
	q := mustQuery(t, lang, "(argument_list (identifier) @pre (identifier) @post)")
	count := func(qc *QueryCursor) int {
		c := 0
		for m := range testIterMatches(qc.Matches(context.Background(), q, tree.RootNode(), []byte(src))) {
			require.Len(t, m.Captures, 2)
			c++
		}
		require.NoError(t, qc.err)
		return c
	}
	qc := newTestCursor(t)
	require.Equal(t, uint(math.MaxUint32), qc.MatchLimit())
	require.Equal(t, n*(n-1)/2, count(qc))
	require.False(t, qc.DidExceedMatchLimit())

	qc.SetMatchLimit(32)
	require.Equal(t, uint(32), qc.MatchLimit())
	limited := count(qc)
	require.True(t, qc.DidExceedMatchLimit())
	require.Positive(t, limited)
	require.Less(t, limited, n*(n-1)/2)
	// A fresh cursor with the limit behaves the same.
	qc2 := newTestCursor(t)
	qc2.SetMatchLimit(32)
	require.Equal(t, limited, count(qc2))
	require.True(t, qc2.DidExceedMatchLimit())
	// Raising the limit again finds every match.
	qc.SetMatchLimit(math.MaxUint32)
	require.Equal(t, n*(n-1)/2, count(qc))
	require.False(t, qc.DidExceedMatchLimit())
}

func TestQueryMaxStartDepth(t *testing.T) {
	e, lang := goQueryLang(t)
	src := "package p\n\nfunc f() { g(x) }\n"
	tree := mustParse(t, newTestParser(t, e, lang), src)
	root := tree.RootNode()
	q := mustQuery(t, lang, "(identifier) @i")
	rooted := mustQuery(t, lang, "(source_file (function_declaration name: (identifier) @n))")
	depth := func(d uint) *uint { return &d }
	// source_file > function_declaration > identifier f is at depth 2; g and
	// x are deeper inside the body.
	tests := []struct {
		depth *uint
		q     *Query
		want  []string
	}{
		{nil, q, []string{"i=f", "i=g", "i=x"}},
		{depth(0), q, nil},
		{depth(1), q, nil},
		{depth(2), q, []string{"i=f"}},
		{depth(0), rooted, []string{"n=f"}},
	}
	for _, tt := range tests {
		qc := newTestCursor(t)
		qc.SetMaxStartDepth(tt.depth)
		require.Equal(t, tt.want, captureTexts(t, qc, tt.q, root, []byte(src)))
	}
}

// countingCtx is a context that reads as cancelled after its Err method has
// been called cancelAfter times. The query cursor's progress callback calls
// Err from inside wasm, so this shows where cancellation is noticed.
type countingCtx struct {
	context.Context
	calls       atomic.Int64
	cancelAfter int64
	done        chan struct{}
}

func newCountingCtx(cancelAfter int64) *countingCtx {
	return &countingCtx{Context: context.Background(), cancelAfter: cancelAfter, done: make(chan struct{})}
}

func (c *countingCtx) Done() <-chan struct{} { return c.done }

func (c *countingCtx) Err() error {
	if c.calls.Add(1) > c.cancelAfter {
		return context.Canceled
	}
	return nil
}

func TestQueryCancellation(t *testing.T) {
	e, lang := goQueryLang(t)
	src := bigGoSource(2000)
	tree, err := newTestParser(t, e, lang).Parse(context.Background(), src, nil)
	require.NoError(t, err)
	defer tree.Close()
	root := tree.RootNode()

	t.Run("inside wasm", func(t *testing.T) {
		// No labeled statements: one ts_query_cursor_next_match call walks
		// the whole tree, so only the in-wasm progress callback can stop it.
		q := mustQuery(t, lang, "(labeled_statement) @l")
		qc := newTestCursor(t)
		full := newCountingCtx(math.MaxInt64)
		for range testIterMatches(qc.Matches(full, q, root, src)) {
			t.Fatal("unexpected match")
		}
		require.NoError(t, qc.err)
		fullCalls := full.calls.Load()
		require.Greater(t, fullCalls, int64(100), "the progress callback runs throughout the walk")

		cut := newCountingCtx(3)
		for range testIterMatches(qc.Matches(cut, q, root, src)) {
			t.Fatal("unexpected match")
		}
		require.ErrorIs(t, qc.err, context.Canceled)
		require.Less(t, cut.calls.Load(), fullCalls/10, "the walk stopped early")
	})

	t.Run("in the loop body", func(t *testing.T) {
		q := mustQuery(t, lang, "(identifier) @i")
		qc := newTestCursor(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		n := 0
		for range testIterCaptures(qc.Captures(ctx, q, root, src)) {
			n++
			cancel()
		}
		require.Equal(t, 1, n)
		require.ErrorIs(t, qc.err, context.Canceled)
		// The cursor works again with a live context.
		n = 0
		for range testIterCaptures(qc.Captures(context.Background(), q, root, src)) {
			n++
		}
		require.NoError(t, qc.err)
		require.Equal(t, 2000*goIdentsPerFunc, n)
	})

	t.Run("before the start", func(t *testing.T) {
		q := mustQuery(t, lang, "(identifier) @i")
		qc := newTestCursor(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for range testIterMatches(qc.Matches(ctx, q, root, src)) {
			t.Fatal("no match may be yielded after cancellation")
		}
		require.ErrorIs(t, qc.err, context.Canceled)
	})
}

// TestQueryCancellableContextSurvivesStackUse runs with a cancellable
// context while the loop body makes wasm calls that use the shadow stack.
// The progress options the cursor keeps must not live on that stack (the
// glue's own options do, see QueryCursor.exec): results must equal those of
// a run without a progress callback.
func TestQueryCancellableContextSurvivesStackUse(t *testing.T) {
	e, lang := goQueryLang(t)
	src := bigGoSource(300)
	tree, err := newTestParser(t, e, lang).Parse(context.Background(), src, nil)
	require.NoError(t, err)
	defer tree.Close()
	q := mustQuery(t, lang, "(binary_expression left: (_) @l right: (_) @r)\n(identifier) @i")
	collect := func(ctx context.Context, busy bool) []string {
		qc := NewQueryCursor()
		defer qc.Close()
		var out []string
		for m, i := range testIterCaptures(qc.Captures(ctx, q, tree.RootNode(), src)) {
			n := m.Captures[i].Node
			if busy {
				require.NotEmpty(t, n.Parent().String())
				require.NotEmpty(t, n.Kind())
			}
			out = append(out, fmt.Sprintf("%d:%d-%d", m.PatternIndex, n.StartByte(), n.EndByte()))
		}
		require.NoError(t, qc.err)
		return out
	}
	want := collect(context.Background(), false)
	require.Len(t, want, 300*(goIdentsPerFunc+2*4)) // 4 binary expressions per function
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	require.Equal(t, want, collect(ctx, true))
	require.Equal(t, want, collect(ctx, true)) // the second run reuses the cursor's options block
}

func TestQueryClose(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	src := bigGoSource(200)
	tree, err := p.Parse(context.Background(), src, nil)
	require.NoError(t, err)
	root := tree.RootNode()
	ctx := context.Background()

	t.Run("query", func(t *testing.T) {
		q, err := NewQuery(ctx, lang, "(identifier) @i")
		require.NoError(t, err)
		require.NoError(t, q.Close())
		require.NoError(t, q.Close())
		qc := newTestCursor(t)
		for range testIterMatches(qc.Matches(ctx, q, root, src)) {
			t.Fatal("closed query matched")
		}
		require.ErrorIs(t, qc.err, ErrClosed)
		require.ErrorIs(t, q.DisableCapture("i"), ErrClosed)
		require.ErrorIs(t, q.DisablePattern(0), ErrClosed)
		require.False(t, q.IsPatternGuaranteedAtStep(1))
		require.Equal(t, []string{"i"}, q.CaptureNames()) // metadata stays readable
	})

	t.Run("cursor", func(t *testing.T) {
		q := mustQuery(t, lang, "(identifier) @i")
		qc := NewQueryCursor()
		require.NoError(t, qc.Close())
		require.NoError(t, qc.Close())
		for range testIterCaptures(qc.Captures(ctx, q, root, src)) {
			t.Fatal("closed cursor matched")
		}
		require.ErrorIs(t, qc.err, ErrClosed)
	})

	t.Run("query during iteration", func(t *testing.T) {
		q, err := NewQuery(ctx, lang, "(identifier) @i")
		require.NoError(t, err)
		qc := newTestCursor(t)
		n := 0
		for range testIterCaptures(qc.Captures(ctx, q, root, src)) {
			if n == 0 {
				require.NoError(t, q.Close())
			}
			n++
		}
		require.ErrorIs(t, qc.err, ErrClosed)
		require.Less(t, n, 200*goIdentsPerFunc)
	})

	t.Run("tree during iteration", func(t *testing.T) {
		q := mustQuery(t, lang, "(identifier) @i")
		qc := newTestCursor(t)
		t2, err := p.Parse(ctx, src, nil)
		require.NoError(t, err)
		n := 0
		for range testIterMatches(qc.Matches(ctx, q, t2.RootNode(), src)) {
			if n == 0 {
				require.NoError(t, t2.Close())
			}
			n++
		}
		require.ErrorIs(t, qc.err, ErrClosed)
		require.Less(t, n, 200*goIdentsPerFunc)
	})

	t.Run("zero node", func(t *testing.T) {
		q := mustQuery(t, lang, "(identifier) @i")
		qc := newTestCursor(t)
		for range testIterMatches(qc.Matches(ctx, q, Node{}, src)) {
			t.Fatal("zero node matched")
		}
		require.Error(t, qc.err)
	})
}

// TestQueryReleasesStores checks the store references: a query and a cursor
// keep the engine's runtime alive until they are closed.
func TestQueryReleasesStores(t *testing.T) {
	ctx := context.Background()
	e, err := NewEngine(ctx)
	require.NoError(t, err)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, err := e.NewParser(ctx)
	require.NoError(t, err)
	require.NoError(t, p.SetLanguage(ctx, lang))
	src := []byte("package p\nfunc f() {}\n")
	tree, err := p.Parse(ctx, src, nil)
	require.NoError(t, err)
	q, err := NewQuery(ctx, lang, "(identifier) @i")
	require.NoError(t, err)
	qc := NewQueryCursor()
	n := 0
	for range testIterMatches(qc.Matches(ctx, q, tree.RootNode(), src)) {
		n++
	}
	require.Equal(t, 1, n)
	require.NoError(t, p.Close())
	require.NoError(t, tree.Close())
	require.NoError(t, e.Close())
	require.False(t, e.Stats().RuntimeClosed, "the query and the cursor still hold stores")
	require.NoError(t, q.Close())
	require.False(t, e.Stats().RuntimeClosed, "the cursor still holds a store")
	require.NoError(t, qc.Close())
	require.True(t, e.Stats().RuntimeClosed)
}

func TestQueryAcrossStores(t *testing.T) {
	ctx := context.Background()
	e, lang := goQueryLang(t)
	src := []byte("package p\n\n// hi\nfunc f(a int) { g(a) }\n")
	parseIn := func() *Tree {
		s, err := e.NewStore(ctx)
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Close() })
		p, err := s.NewParser(ctx)
		require.NoError(t, err)
		t.Cleanup(func() { _ = p.Close() })
		require.NoError(t, p.SetLanguage(ctx, lang))
		tree, err := p.Parse(ctx, src, nil)
		require.NoError(t, err)
		t.Cleanup(func() { _ = tree.Close() })
		return tree
	}
	t1, t2 := parseIn(), parseIn()
	require.NotSame(t, t1.Store(), t2.Store())
	q := mustQuery(t, lang, "(identifier) @id\n(comment) @c")
	qc := newTestCursor(t)
	all := []string{"c=// hi", "id=f", "id=a", "id=g", "id=a"}
	require.Equal(t, all, captureTexts(t, qc, q, t1.RootNode(), src))
	require.Equal(t, all, captureTexts(t, qc, q, t2.RootNode(), src))
	q.h.mu.Lock()
	require.Len(t, q.h.stores, 3) // the validating pooled store, and the two stores run in
	q.h.mu.Unlock()

	// Disabling applies to the stores compiled so far...
	require.NoError(t, q.DisableCapture("c"))
	noC := []string{"id=f", "id=a", "id=g", "id=a"}
	require.Equal(t, noC, captureTexts(t, qc, q, t1.RootNode(), src))
	require.Equal(t, noC, captureTexts(t, qc, q, t2.RootNode(), src))
	require.NoError(t, q.DisablePattern(0))
	require.Empty(t, captureTexts(t, qc, q, t1.RootNode(), src))
	require.Empty(t, captureTexts(t, qc, q, t2.RootNode(), src))
	require.Error(t, q.DisablePattern(5))

	// ...and to stores the query is compiled into later.
	t3 := parseIn()
	require.Empty(t, captureTexts(t, qc, q, t3.RootNode(), src))
	q2 := mustQuery(t, lang, "(identifier) @id\n(comment) @c")
	require.NoError(t, q2.DisableCapture("id"))
	require.Equal(t, []string{"c=// hi"}, captureTexts(t, qc, q2, t3.RootNode(), src))
}

func TestQueryWrongTree(t *testing.T) {
	ctx := context.Background()
	e, lang := goQueryLang(t)
	q := mustQuery(t, lang, "(identifier) @id")
	py := loadTestGrammar(t, e, "smacker-python.wasm")
	pyTree := mustParse(t, newTestParser(t, e, py), "x = 1\n")
	qc := newTestCursor(t)
	for range testIterMatches(qc.Matches(ctx, q, pyTree.RootNode(), []byte("x = 1\n"))) {
		t.Fatal("matched a tree of another language")
	}
	require.ErrorContains(t, qc.err, "language")

	e2, lang2 := ownGoQueryLang(t)
	tree2 := mustParse(t, newTestParser(t, e2, lang2), "package p\n")
	for range testIterMatches(qc.Matches(ctx, q, tree2.RootNode(), []byte("package p\n"))) {
		t.Fatal("matched a tree of another engine")
	}
	require.ErrorIs(t, qc.err, ErrForeignObject)

	// The same grammar loaded twice is the same language for queries.
	again := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	tree := mustParse(t, newTestParser(t, e, again), "package p\nvar v = w\n")
	require.Equal(t, []string{"id=v", "id=w"}, captureTexts(t, qc, q, tree.RootNode(), []byte("package p\nvar v = w\n")))
}

// TestQueryLoopBodyUsesStore shows that the store is not locked while the
// loop body runs: it walks nodes, parses in the same store and runs a nested
// query there.
func TestQueryLoopBodyUsesStore(t *testing.T) {
	ctx := context.Background()
	e, lang := goQueryLang(t)
	s, err := e.NewStore(ctx)
	require.NoError(t, err)
	defer s.Close()
	p, err := s.NewParser(ctx)
	require.NoError(t, err)
	defer p.Close()
	require.NoError(t, p.SetLanguage(ctx, lang))
	src := bigGoSource(100)
	tree, err := p.Parse(ctx, src, nil)
	require.NoError(t, err)
	defer tree.Close()
	p2, err := s.NewParser(ctx)
	require.NoError(t, err)
	defer p2.Close()
	require.NoError(t, p2.SetLanguage(ctx, lang))
	q := mustQuery(t, lang, "(function_declaration name: (identifier) @name)")
	inner := mustQuery(t, lang, "(return_statement) @r")
	qc, qc2 := newTestCursor(t), newTestCursor(t)
	n := 0
	for m := range testIterMatches(qc.Matches(ctx, q, tree.RootNode(), src)) {
		fn := m.Captures[0].Node.Parent()
		require.Equal(t, "function_declaration", fn.Kind())
		small, err := p2.Parse(ctx, []byte("package q\n"), nil)
		require.NoError(t, err)
		require.NoError(t, small.Close())
		returns := 0
		for range testIterMatches(qc2.Matches(ctx, inner, fn, src)) {
			returns++
		}
		require.NoError(t, qc2.err)
		require.Equal(t, 2, returns)
		n++
	}
	require.NoError(t, qc.err)
	require.Equal(t, 100, n)
}

// TestQueryConcurrent shares one query among goroutines, each with its own
// store, tree and cursor, while another goroutine disables captures.
func TestQueryConcurrent(t *testing.T) {
	ctx := context.Background()
	e, lang := goQueryLang(t)
	src := bigGoSource(50)
	q := mustQuery(t, lang, "(identifier) @i\n(int_literal) @n\n(comment) @c")
	var wg sync.WaitGroup
	counts := make([]int, 4)
	errs := make([]error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := e.NewStore(ctx)
			if err != nil {
				errs[g] = err
				return
			}
			defer s.Close()
			p, err := s.NewParser(ctx)
			if err != nil {
				errs[g] = err
				return
			}
			defer p.Close()
			if err := p.SetLanguage(ctx, lang); err != nil {
				errs[g] = err
				return
			}
			tree, err := p.Parse(ctx, src, nil)
			if err != nil {
				errs[g] = err
				return
			}
			defer tree.Close()
			qc := NewQueryCursor()
			defer qc.Close()
			for range 3 {
				counts[g] = 0
				for range testIterCaptures(qc.Captures(ctx, q, tree.RootNode(), src)) {
					counts[g]++
				}
				if err := qc.err; err != nil {
					errs[g] = err
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = q.DisableCapture("c") // no comments in the source: results are unaffected
	}()
	wg.Wait()
	for g := range 4 {
		require.NoError(t, errs[g])
		// 2 int literals (3 and the multiplier) per function.
		require.Equal(t, 50*(goIdentsPerFunc+2), counts[g])
	}
}

// TestQueryNewIterationEndsOld starts a second iteration on the same cursor
// inside the first: the first one ends.
func TestQueryNewIterationEndsOld(t *testing.T) {
	ctx := context.Background()
	e, lang := goQueryLang(t)
	src := bigGoSource(100)
	tree, err := newTestParser(t, e, lang).Parse(ctx, src, nil)
	require.NoError(t, err)
	defer tree.Close()
	q := mustQuery(t, lang, "(identifier) @i")
	qc := newTestCursor(t)
	outer, inner := 0, 0
	for range testIterCaptures(qc.Captures(ctx, q, tree.RootNode(), src)) {
		outer++
		for range testIterCaptures(qc.Captures(ctx, q, tree.RootNode(), src)) {
			inner++
		}
	}
	require.Equal(t, 1, outer)
	require.Equal(t, 100*goIdentsPerFunc, inner)
	require.NoError(t, qc.err)
}

// TestQueryTrapIsReported breaks the store under a running query: the
// iteration stops with the store's error.
func TestQueryTrapIsReported(t *testing.T) {
	ctx := context.Background()
	e, lang := ownGoQueryLang(t)
	src := bigGoSource(200)
	tree, err := newTestParser(t, e, lang).Parse(ctx, src, nil)
	require.NoError(t, err)
	defer tree.Close()
	q := mustQuery(t, lang, "(identifier) @i")
	qc := newTestCursor(t)
	n := 0
	for range testIterCaptures(qc.Captures(ctx, q, tree.RootNode(), src)) {
		if n == 0 {
			s := tree.Store()
			require.NoError(t, s.lock())
			_ = s.trap("test", "", errors.New("simulated trap"))
			s.unlock()
		}
		n++
	}
	require.ErrorIs(t, qc.err, ErrStoreBroken)
	require.Less(t, n, 200*goIdentsPerFunc)
}
