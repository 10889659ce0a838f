package tswasm

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// predicateSrc is parsed with the official Go grammar. Its three comments
// are siblings, so "(comment)+ @c" makes one match holding all three, which
// is what the quantified-capture rows need.
const predicateSrc = `package p

// a
// b
// a
func f() {
	x = x
	y = z
	fmt.Println("hi")
}
`

// matchTexts runs q over the tree and renders each match as
// "name=text name=text ...".
func matchTexts(t *testing.T, q *Query, tree *Tree, src []byte) []string {
	t.Helper()
	qc := NewQueryCursor()
	defer qc.Close()
	var out []string
	for m := range testIterMatches(qc.Matches(context.Background(), q, tree.RootNode(), src)) {
		var parts []string
		for _, c := range m.Captures {
			parts = append(parts, q.CaptureNameForID(c.Index)+"="+c.Node.UTF8Text(src))
		}
		out = append(out, strings.Join(parts, " "))
	}
	require.NoError(t, qc.err)
	return out
}

func TestQueryTextPredicates(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, predicateSrc)
	src := []byte(predicateSrc)
	all3 := "c=// a c=// b c=// a"
	assign := `(assignment_statement left: (expression_list (identifier) @l) right: (expression_list (identifier) @r) %s)`

	// Expected results follow from the source by hand: the three comments
	// are "// a", "// b", "// a"; the assignments are x = x and y = z.
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"no predicate", "(comment)+ @c", []string{all3}},
		// Plain forms: every node of a quantified capture must pass.
		{"eq all fail", `((comment)+ @c (#eq? @c "// a"))`, nil},
		{"eq single", `((comment) @c (#eq? @c "// a"))`, []string{"c=// a", "c=// a"}},
		{"not-eq all pass", `((comment)+ @c (#not-eq? @c "// z"))`, []string{all3}},
		{"not-eq one fails", `((comment)+ @c (#not-eq? @c "// b"))`, nil},
		{"match all", `((comment)+ @c (#match? @c "^// [ab]$"))`, []string{all3}},
		{"match one fails", `((comment)+ @c (#match? @c "a$"))`, nil},
		{"not-match all", `((comment)+ @c (#not-match? @c "z"))`, []string{all3}},
		{"not-match one fails", `((comment)+ @c (#not-match? @c "b"))`, nil},
		// any- forms: one node suffices, none fails (tree-sitter's documented meaning).
		{"any-eq hit", `((comment)+ @c (#any-eq? @c "// b"))`, []string{all3}},
		{"any-eq miss", `((comment)+ @c (#any-eq? @c "// z"))`, nil},
		{"any-not-eq hit", `((comment)+ @c (#any-not-eq? @c "// a"))`, []string{all3}},
		{"any-not-eq miss", `((comment) @c (#any-not-eq? @c "// a"))`, []string{"c=// b"}},
		{"any-match hit", `((comment)+ @c (#any-match? @c "b$"))`, []string{all3}},
		{"any-match miss", `((comment)+ @c (#any-match? @c "z"))`, nil},
		{"any-not-match hit", `((comment)+ @c (#any-not-match? @c "a"))`, []string{all3}},
		{"any-not-match miss", `((comment)+ @c (#any-not-match? @c "/"))`, nil},
		// any-of: every node must be one of the strings.
		{"any-of all in set", `((comment)+ @c (#any-of? @c "// a" "// b"))`, []string{all3}},
		{"any-of one outside", `((comment)+ @c (#any-of? @c "// a" "// z"))`, nil},
		{"any-of single", `((comment) @c (#any-of? @c "// b" "// z"))`, []string{"c=// b"}},
		{"not-any-of all outside", `((comment)+ @c (#not-any-of? @c "// y" "// z"))`, []string{all3}},
		{"not-any-of one inside", `((comment)+ @c (#not-any-of? @c "// b"))`, nil},
		{"not-any-of single", `((comment) @c (#not-any-of? @c "// a"))`, []string{"c=// b"}},
		// Capture against capture.
		{"eq captures", fmt.Sprintf(assign, `(#eq? @l @r)`), []string{"l=x r=x"}},
		{"not-eq captures", fmt.Sprintf(assign, `(#not-eq? @l @r)`), []string{"l=y r=z"}},
		{"any-eq captures", fmt.Sprintf(assign, `(#any-eq? @l @r)`), []string{"l=x r=x"}},
		{"any-not-eq captures", fmt.Sprintf(assign, `(#any-not-eq? @l @r)`), []string{"l=y r=z"}},
		// Several predicates must all hold.
		{"two predicates", `((identifier) @i (#match? @i "^[a-z]$") (#not-eq? @i "x"))`, []string{"i=f", "i=y", "i=z"}},
		{"regexp classes", `((identifier) @i (#match? @i "^[xy]$"))`, []string{"i=x", "i=x", "i=y"}},
		// Unknown predicates and property predicates do not filter.
		{"unknown predicate", `((comment) @c (#my-pred? @c "zzz"))`, []string{"c=// a", "c=// b", "c=// a"}},
		{"is-not does not filter", `((comment) @c (#is-not? local))`, []string{"c=// a", "c=// b", "c=// a"}},
		{"set does not filter", `((comment) @c (#set! kind "note"))`, []string{"c=// a", "c=// b", "c=// a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := NewQuery(context.Background(), lang, tt.query)
			require.NoError(t, err)
			defer q.Close()
			require.Equal(t, tt.want, matchTexts(t, q, tree, src))
		})
	}
}

// TestQueryOptionalCapturePredicate checks that a predicate about a capture
// the match lacks passes: "(identifier)? @o" is absent in both matches.
func TestQueryOptionalCapturePredicate(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	src := "package p\nfunc f() {}\nfunc g(a int) {}\n"
	tree := mustParse(t, p, src)
	q, err := NewQuery(context.Background(), lang,
		`(function_declaration name: (identifier) @n parameters: (parameter_list (parameter_declaration name: (identifier) @o)?) (#eq? @o "zzz"))`)
	require.NoError(t, err)
	defer q.Close()
	// f has no parameter: @o is absent and the predicate passes. g's
	// parameter a is not "zzz": the match is dropped.
	require.Equal(t, []string{"n=f"}, matchTexts(t, q, tree, []byte(src)))
}

func TestQueryPredicatesInCaptures(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, predicateSrc)
	src := []byte(predicateSrc)
	ctx := context.Background()
	tests := []struct {
		query string
		want  []string // name=text per capture, in document order
	}{
		// A failing match yields none of its captures.
		{`((comment)+ @c (#eq? @c "// a"))`, nil},
		{`((comment) @c (#eq? @c "// a"))`, []string{"c=// a", "c=// a"}},
		{`((comment)+ @c (#any-eq? @c "// b"))`, []string{"c=// a", "c=// b", "c=// a"}},
		{`(assignment_statement left: (expression_list (identifier) @l) right: (expression_list (identifier) @r) (#eq? @l @r))`,
			[]string{"l=x", "r=x"}},
		// Two patterns over the same nodes interleave in document order.
		{"((identifier) @short (#match? @short \"^.$\"))\n((identifier) @long (#match? @long \"^..+$\"))",
			[]string{"short=f", "short=x", "short=x", "short=y", "short=z", "long=fmt"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := NewQuery(ctx, lang, tt.query)
			require.NoError(t, err)
			defer q.Close()
			qc := NewQueryCursor()
			defer qc.Close()
			var got []string
			for m, i := range testIterCaptures(qc.Captures(ctx, q, tree.RootNode(), src)) {
				c := m.Captures[i]
				got = append(got, q.CaptureNameForID(c.Index)+"="+c.Node.UTF8Text(src))
			}
			require.NoError(t, qc.err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestQueryPropertiesAndGeneralPredicates(t *testing.T) {
	_, lang := goQueryLang(t)
	src := `((comment) @c (#set! injection.language "markdown") (#set! @c priority "90") (#set! standalone))
((identifier) @i (#is? @i local) (#is-not? global "yes") (#strip! @i "^_") (#select-adjacent! @i @c))`
	q, err := NewQuery(context.Background(), lang, src)
	require.NoError(t, err)
	defer q.Close()
	require.Equal(t, uint(2), q.PatternCount())
	str := func(s string) *string { return &s }
	id := func(i uint) *uint { return &i }
	c, ok := q.CaptureIndexForName("c")
	require.True(t, ok)
	i, ok := q.CaptureIndexForName("i")
	require.True(t, ok)

	require.Equal(t, []QueryProperty{
		{Key: "injection.language", Value: str("markdown")},
		{Key: "priority", Value: str("90"), CaptureID: id(c)},
		{Key: "standalone"},
	}, q.PropertySettings(0))
	require.Empty(t, q.PropertyPredicates(0))
	require.Empty(t, q.GeneralPredicates(0))

	require.Empty(t, q.PropertySettings(1))
	require.Equal(t, []PropertyPredicate{
		{Property: QueryProperty{Key: "local", CaptureID: id(i)}, Positive: true},
		{Property: QueryProperty{Key: "global", Value: str("yes")}, Positive: false},
	}, q.PropertyPredicates(1))
	require.Equal(t, []QueryPredicate{
		{Operator: "strip!", Args: []QueryPredicateArg{{CaptureID: id(i)}, {String: str("^_")}}},
		{Operator: "select-adjacent!", Args: []QueryPredicateArg{{CaptureID: id(i)}, {CaptureID: id(c)}}},
	}, q.GeneralPredicates(1))

	// The raw steps, as tree-sitter reports them for the first predicate of
	// pattern 1: "is?", @i, "local".
	raw := q.PredicatesForPattern(1)
	require.Len(t, raw, 4)
	require.Equal(t, QueryPredicateStepTypeString, raw[0][0].Type)
	require.Equal(t, "is?", q.StringValueForID(raw[0][0].ValueID))
	require.Equal(t, QueryPredicateStep{Type: QueryPredicateStepTypeCapture, ValueID: uint32(i)}, raw[0][1])
	require.Equal(t, "local", q.StringValueForID(raw[0][2].ValueID))
}

func TestQueryPredicateErrors(t *testing.T) {
	_, lang := goQueryLang(t)
	// The messages are tree-sitter's Rust binding's; Row is the pattern's row.
	tests := []struct {
		query string
		row   uint
		msg   string
	}{
		{`((identifier) @a (#eq? @a))`, 0, "Wrong number of arguments to #eq? predicate. Expected 2, got 1."},
		{`((identifier) @a (#eq? "x" @a))`, 0, `First argument to #eq? predicate must be a capture name. Got literal "x".`},
		{`((identifier) @a (#match? @a @a))`, 0, "Second argument to #match? predicate must be a literal. Got capture @a."},
		{"(comment) @c\n((identifier) @a (#match? @a \"((\"))", 1, "Invalid regex '(('"},
		{`((identifier) @a (#any-of? "x"))`, 0, `First argument to #any-of? predicate must be a capture name. Got literal "x".`},
		{`((identifier) @a (#any-of? @a "x" @a))`, 0, "Arguments to #any-of? predicate must be literals. Got capture @a."},
		{`((identifier) @a (#set!))`, 0, "Wrong number of arguments to set! predicate. Expected 1 to 3, got 0."},
		{`((identifier) @a (#is? @a @a))`, 0, "Invalid arguments to is? predicate. Unexpected second capture name @a"},
		{`((identifier) @a (#set! @a))`, 0, "Invalid arguments to set! predicate. Missing key argument"},
		{`((identifier) @a (#set! "k" "v" "w"))`, 0, "Invalid arguments to set! predicate. Unexpected third argument @w"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			_, err := NewQuery(context.Background(), lang, tt.query)
			var qe *QueryError
			require.ErrorAs(t, err, &qe)
			require.Equal(t, QueryErrorPredicate, qe.Kind)
			require.Equal(t, tt.msg, qe.Message)
			require.Equal(t, tt.row, qe.Row)
			require.Equal(t, fmt.Sprintf("Query error at %d:1. Invalid predicate: %s", tt.row+1, tt.msg), qe.Error())
		})
	}
}
