package tswasm

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/internal/abi"
)

// TestRuntimeLayoutProbe checks that the runtime's own layout probe agrees
// with internal/abi/layout.go, the check every store makes at start-up
// (internal/abi's tests show that a changed offset is refused, naming it).
func TestRuntimeLayoutProbe(t *testing.T) {
	e := newTestEngine(t)
	s, err := e.NewStore(context.Background())
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.lock())
	defer s.unlock()
	ctx := context.Background()
	buf, err := s.malloc(ctx, abi.LayoutProbeSize)
	require.NoError(t, err)
	require.NoError(t, s.in.CheckLayout(ctx, buf))
	require.NoError(t, s.free(ctx, buf))
}

// rtNodeU32 calls the runtime's name(TSNode) and returns its integer result:
// the reference for the accessors Node answers from memory.
func rtNodeU32(t testing.TB, n Node, name string) uint32 {
	t.Helper()
	s := n.tree.h.store
	require.NoError(t, n.tree.lockOpen())
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	r, err := s.call(context.Background(), s.export(name), uint64(s.scratch+scratchArg))
	require.NoError(t, err, name)
	return uint32(r)
}

// rtNodeCString calls name(TSNode), which returns a static C string.
func rtNodeCString(t testing.TB, n Node, name string) string {
	t.Helper()
	p := rtNodeU32(t, n, name)
	require.NoError(t, n.tree.lockOpen())
	defer n.tree.h.store.unlock()
	return n.tree.h.store.cString(abi.Ptr(p))
}

func rtNodeEndPoint(t testing.TB, n Node) Point {
	t.Helper()
	s := n.tree.h.store
	require.NoError(t, n.tree.lockOpen())
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	_, err := s.call(context.Background(), s.export("ts_node_end_point"), uint64(s.scratch+scratchResult), uint64(s.scratch+scratchArg))
	require.NoError(t, err)
	return Point{Row: uint(s.u32(s.scratch + scratchResult)), Column: uint(s.u32(s.scratch + scratchResult + 4))}
}

// requireNodeMatchesRuntime compares every accessor Node answers in Go
// with the runtime's function for it.
func requireNodeMatchesRuntime(t *testing.T, n Node, msg string) {
	t.Helper()
	b := func(name string) bool { return rtNodeU32(t, n, name) != 0 }
	require.Equal(t, uint(rtNodeU32(t, n, "ts_node_start_byte")), n.StartByte(), msg)
	require.Equal(t, uint(rtNodeU32(t, n, "ts_node_end_byte")), n.EndByte(), msg)
	require.Equal(t, rtNodeEndPoint(t, n), n.EndPosition(), msg)
	require.Equal(t, Range{StartPoint: n.StartPosition(), EndPoint: n.EndPosition(), StartByte: n.StartByte(), EndByte: n.EndByte()}, n.Range(), msg)
	require.Equal(t, uint16(rtNodeU32(t, n, "ts_node_symbol")), n.KindID(), msg)
	require.Equal(t, uint16(rtNodeU32(t, n, "ts_node_grammar_symbol")), n.GrammarID(), msg)
	require.Equal(t, rtNodeCString(t, n, "ts_node_type"), n.Kind(), msg)
	require.Equal(t, rtNodeCString(t, n, "ts_node_grammar_type"), n.GrammarName(), msg)
	require.Equal(t, b("ts_node_is_named"), n.IsNamed(), msg)
	require.Equal(t, b("ts_node_is_extra"), n.IsExtra(), msg)
	require.Equal(t, b("ts_node_is_missing"), n.IsMissing(), msg)
	require.Equal(t, b("ts_node_has_changes"), n.HasChanges(), msg)
	require.Equal(t, b("ts_node_has_error"), n.HasError(), msg)
	require.Equal(t, b("ts_node_is_error"), n.IsError(), msg)
	require.Equal(t, uint(rtNodeU32(t, n, "ts_node_child_count")), n.ChildCount(), msg)
	require.Equal(t, uint(rtNodeU32(t, n, "ts_node_named_child_count")), n.NamedChildCount(), msg)
	require.Equal(t, uint(rtNodeU32(t, n, "ts_node_descendant_count")), n.DescendantCount(), msg)
	require.Equal(t, uint16(rtNodeU32(t, n, "ts_node_parse_state")), n.ParseState(), msg)
	require.Equal(t, n.tree.lang.NodeKindForID(n.KindID()), n.Kind(), msg) // public ids name the same kind
}

// TestNodeAccessorsMatchRuntime checks every node of many trees, fresh and
// edited, field by field against the runtime's ts_node_* functions.
func TestNodeAccessorsMatchRuntime(t *testing.T) {
	files := 3
	if testing.Short() {
		files = 1
	}
	ts := newTreeSet(t)
	nodes := 0
	for _, sc := range realSources(t, files, 24<<10) {
		tree := ts.parse(sc)
		for i, r := range walkByNodes(t, tree.RootNode(), "", 0, nil) {
			requireNodeMatchesRuntime(t, r.node, fmt.Sprintf("%s node %d %s", sc.name, i, r.node.Kind()))
			nodes++
		}
		if len(sc.src) < 10 {
			continue
		}
		// Edit a copy: positions shift and subtrees gain has_changes.
		edited, err := tree.Clone()
		require.NoError(t, err)
		at := len(sc.src) / 2
		require.NoError(t, edited.Edit(&InputEdit{
			StartByte: uint(at), OldEndByte: uint(at + 1), NewEndByte: uint(at + 7),
			StartPosition:  textPoint(sc.src, at),
			OldEndPosition: textPoint(sc.src, at+1),
			NewEndPosition: func() Point { p := textPoint(sc.src, at); p.Column += 7; return p }(),
		}))
		changed := 0
		for i, r := range walkByNodes(t, edited.RootNode(), "", 0, nil) {
			requireNodeMatchesRuntime(t, r.node, fmt.Sprintf("%s edited node %d", sc.name, i))
			if r.node.HasChanges() {
				changed++
			}
			nodes++
		}
		require.Positive(t, changed, sc.name)
		require.NoError(t, edited.Close())
	}
	t.Logf("%d nodes compared", nodes)
}

func textPoint(src []byte, off int) Point {
	line := strings.LastIndexByte(string(src[:off]), '\n')
	return Point{Row: uint(strings.Count(string(src[:off]), "\n")), Column: uint(off - line - 1)}
}

// TestNodeHandChecked: kinds, aliases, fields and text of a small Go file,
// written out by hand from tree-sitter-go's grammar (package names are
// identifiers aliased to package_identifier; parameter types are
// type_identifier aliases).
func TestNodeHandChecked(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	src := "package p\n\nfunc F(a int) {}\n"
	tree := mustParse(t, p, src)
	root := tree.RootNode()
	require.Equal(t, lang, root.Language())
	require.Equal(t, tree, root.Tree())

	type want struct {
		path                []uint // Child indices from the root
		kind, grammar, text string
		named               bool
		fieldInParent       string
		childCount, named_  uint
		start, end          Point
	}
	cases := []want{
		{nil, "source_file", "source_file", src, true, "", 2, 2, Point{0, 0}, Point{3, 0}},
		{[]uint{0}, "package_clause", "package_clause", "package p", true, "", 2, 1, Point{0, 0}, Point{0, 9}},
		{[]uint{0, 0}, "package", "package", "package", false, "", 0, 0, Point{0, 0}, Point{0, 7}},
		{[]uint{0, 1}, "package_identifier", "identifier", "p", true, "", 0, 0, Point{0, 8}, Point{0, 9}},
		{[]uint{1}, "function_declaration", "function_declaration", "func F(a int) {}", true, "", 4, 3, Point{2, 0}, Point{2, 16}},
		{[]uint{1, 1}, "identifier", "identifier", "F", true, "name", 0, 0, Point{2, 5}, Point{2, 6}},
		{[]uint{1, 2}, "parameter_list", "parameter_list", "(a int)", true, "parameters", 3, 1, Point{2, 6}, Point{2, 13}},
		{[]uint{1, 2, 1, 1}, "type_identifier", "identifier", "int", true, "type", 0, 0, Point{2, 9}, Point{2, 12}},
		{[]uint{1, 3}, "block", "block", "{}", true, "body", 2, 0, Point{2, 14}, Point{2, 16}},
	}
	for _, c := range cases {
		n, parent := root, Node{}
		for _, i := range c.path {
			parent, n = n, n.Child(i)
		}
		name := fmt.Sprint(c.path)
		require.False(t, n.IsZero(), name)
		require.Equal(t, c.kind, n.Kind(), name)
		require.Equal(t, c.grammar, n.GrammarName(), name)
		require.Equal(t, c.text, n.UTF8Text([]byte(src)), name)
		require.Equal(t, c.named, n.IsNamed(), name)
		require.Equal(t, c.childCount, n.ChildCount(), name)
		require.Equal(t, c.named_, n.NamedChildCount(), name)
		require.Equal(t, c.start, n.StartPosition(), name)
		require.Equal(t, c.end, n.EndPosition(), name)
		lineStarts := []uint{0, 10, 11, uint(len(src))}
		require.Equal(t, lineStarts[c.start.Row]+c.start.Column, n.StartByte(), name)
		require.Equal(t, lineStarts[c.end.Row]+c.end.Column, n.EndByte(), name)
		require.False(t, n.HasError() || n.IsError() || n.IsMissing() || n.IsExtra(), name)
		id, ok := lang.IDForNodeKind(c.kind, c.named)
		require.True(t, ok, name)
		require.Equal(t, id, n.KindID(), name)
		if len(c.path) > 0 {
			last := c.path[len(c.path)-1]
			require.Equal(t, c.fieldInParent, parent.FieldNameForChild(last), name)
			require.True(t, parent.Equal(n.Parent()), name)
			if c.fieldInParent != "" {
				require.Equal(t, n, parent.ChildByFieldName(c.fieldInParent), name)
				require.Equal(t, n, parent.ChildByFieldID(lang.FieldIDForName(c.fieldInParent)), name)
			}
		}
	}
	fn := root.Child(1)
	require.Equal(t, "name", fn.FieldNameForNamedChild(0))
	require.Equal(t, "parameters", fn.FieldNameForNamedChild(1))
	require.Equal(t, "body", fn.FieldNameForNamedChild(2))
	require.Equal(t, "", fn.FieldNameForChild(0)) // "func"
	require.Equal(t, "", fn.FieldNameForChild(99))
	require.True(t, fn.ChildByFieldName("result").IsZero())
	require.True(t, fn.ChildByFieldName("no such field").IsZero())
	require.Equal(t, uint(16), root.DescendantCount()) // the 16 nodes TestCursorHandChecked lists

	// Navigation between siblings.
	params := fn.Child(2)
	require.Equal(t, "identifier", params.PrevSibling().Kind())
	require.Equal(t, "block", params.NextSibling().Kind())
	require.Equal(t, "identifier", params.PrevNamedSibling().Kind())
	require.Equal(t, "func", fn.Child(1).PrevSibling().Kind())
	require.True(t, fn.Child(1).PrevNamedSibling().IsZero())
	require.True(t, root.Parent().IsZero())
	require.True(t, root.NextSibling().IsZero())

	// Ids and equality.
	require.Equal(t, root.Child(1).ID(), fn.ID())
	require.True(t, root.Child(1).Equal(fn))
	require.False(t, fn.Equal(params))
	require.NotEqual(t, fn.ID(), params.ID())
	require.Equal(t, src, root.UTF8Text([]byte(src)))
	require.Equal(t, "", root.UTF8Text([]byte("short")))
	require.Equal(t, "(source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list (parameter_declaration name: (identifier) type: (type_identifier))) body: (block)))", root.ToSexp())
}

// TestNodeDescendantLookups checks the range and descendant lookups on
// offsets computed by hand.
func TestNodeDescendantLookups(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	//                  0         1          2
	//                  0123456789 0 1234567890123456789
	src := "package p\n\nfunc F(a int) {}\n"
	tree := mustParse(t, p, src)
	root := tree.RootNode()
	at := func(s string) uint { return uint(strings.Index(src, s)) }
	cases := []struct {
		name       string
		got        Node
		kind, text string
	}{
		{"byte range in identifier", root.DescendantForByteRange(at("F"), at("F")+1), "identifier", "F"},
		{"empty range at a", root.DescendantForByteRange(at("a int"), at("a int")), "identifier", "a"},
		{"byte range over a int", root.DescendantForByteRange(at("a int"), at("a int")+5), "parameter_declaration", "a int"},
		{"byte range over (", root.DescendantForByteRange(at("("), at("(")+1), "(", "("},
		{"named byte range over (", root.NamedDescendantForByteRange(at("("), at("(")+1), "parameter_list", "(a int)"},
		{"byte range across decls", root.DescendantForByteRange(at("p\n"), at("F")), "source_file", src},
		{"point range on int", root.DescendantForPointRange(Point{2, 9}, Point{2, 12}), "type_identifier", "int"},
		{"named point range on {", root.NamedDescendantForPointRange(Point{2, 14}, Point{2, 15}), "block", "{}"},
		{"point range on {", root.DescendantForPointRange(Point{2, 14}, Point{2, 15}), "{", "{"},
		{"first child for byte 0", root.FirstChildForByte(0), "package_clause", "package p"},
		{"first child for byte in gap", root.FirstChildForByte(at("\nfunc")), "function_declaration", "func F(a int) {}"},
		{"first named child for byte in gap", root.Child(1).FirstNamedChildForByte(at(" int")), "parameter_list", "(a int)"},
		{"first child for byte at (", root.Child(1).FirstChildForByte(at("(")), "parameter_list", "(a int)"},
		{"child with descendant", root.ChildWithDescendant(root.DescendantForByteRange(at("int"), at("int"))), "function_declaration", "func F(a int) {}"},
		{"child with grandchild", root.Child(1).Child(2).ChildWithDescendant(root.DescendantForByteRange(at("a int"), at("a int")+1)), "parameter_declaration", "a int"},
		{"child with child", root.Child(1).ChildWithDescendant(root.Child(1).Child(1)), "identifier", "F"},
	}
	for _, c := range cases {
		require.Equal(t, c.kind, c.got.Kind(), c.name)
		require.Equal(t, c.text, c.got.UTF8Text([]byte(src)), c.name)
	}
	require.True(t, root.FirstChildForByte(uint(len(src)+1)).IsZero())
	require.True(t, root.Child(0).ChildWithDescendant(root.Child(1)).IsZero())
	require.True(t, root.Child(1).ChildWithDescendant(root.Child(1)).IsZero(), "a node is not its own child")
	require.True(t, root.ChildWithDescendant(Node{}).IsZero())
	other := mustParse(t, p, src)
	require.True(t, root.ChildWithDescendant(other.RootNode().Child(1)).IsZero(), "a node of another tree")
	require.True(t, root.DescendantForByteRange(1<<40, 1<<41).IsZero() || root.DescendantForByteRange(1<<40, 1<<41).Equal(root))
}

// TestNodeChildrenIterators: Children, NamedChildren and ChildrenByField*
// yield what Child(i)/NamedChild(i)/field names say, with or without a
// cursor, and stop early when asked.
func TestNodeChildrenIterators(t *testing.T) {
	ts := newTreeSet(t)
	var cur *TreeCursor
	for _, sc := range realSources(t, 1, 16<<10) {
		tree := ts.parse(sc)
		if cur == nil {
			cur = tree.Walk()
		}
		for _, r := range walkByNodes(t, tree.RootNode(), "", 0, nil)[:min(400, int(tree.RootNode().DescendantCount()))] {
			n := r.node
			var all, named []Node
			byField := map[string][]Node{}
			for i := range n.ChildCount() {
				c := n.Child(i)
				all = append(all, c)
				if f := n.FieldNameForChild(i); f != "" {
					byField[f] = append(byField[f], c)
				}
			}
			for i := range n.NamedChildCount() {
				named = append(named, n.NamedChild(i))
			}
			for _, c := range []*TreeCursor{nil, cur} {
				require.Equal(t, all, slices.Collect(n.Children(c)), sc.name)
				require.Equal(t, named, slices.Collect(n.NamedChildren(c)), sc.name)
				for f, want := range byField {
					require.Equal(t, want, slices.Collect(n.ChildrenByFieldName(f, c)), "%s field %s", sc.name, f)
				}
			}
		}
	}

	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	src := "package p\n\ntype T struct {\n\tA, B int // c\n}\n"
	tree := mustParse(t, p, src)
	field := tree.RootNode().DescendantForByteRange(uint(strings.Index(src, "A")), uint(strings.Index(src, "int")+3))
	require.Equal(t, "field_declaration", field.Kind())
	var names []string
	for n := range field.ChildrenByFieldName("name", nil) {
		names = append(names, n.UTF8Text([]byte(src)))
	}
	require.Equal(t, []string{"A", "B"}, names)
	require.Empty(t, slices.Collect(field.ChildrenByFieldName("nope", nil)))
	require.Empty(t, slices.Collect(field.ChildrenByFieldID(0, nil)))
	var kinds []string
	for n := range field.Children(nil) {
		kinds = append(kinds, n.Kind())
		if len(kinds) == 2 {
			break
		}
	}
	require.Equal(t, []string{"field_identifier", ","}, kinds)
	list := field.Parent()
	require.Equal(t, []string{"{", "field_declaration", "comment", "}"}, kindsOf(list.Children(nil)))
	require.Equal(t, []string{"field_declaration", "comment"}, kindsOf(list.NamedChildren(nil)))
	require.Empty(t, slices.Collect(Node{}.Children(nil)))
}

func kindsOf(seq func(func(Node) bool)) []string {
	var out []string
	for n := range seq {
		out = append(out, n.Kind())
	}
	return out
}

// TestNodeErrorsAndMissing: error flags, with the tree shapes written out by
// hand from the sources.
func TestNodeErrorsAndMissing(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)

	// The closing brace of main's body is missing.
	src := "package main\nfunc main() {\n\tx := []int{1, 2\n}\n"
	tree := mustParse(t, p, src)
	root := tree.RootNode()
	require.True(t, root.HasError())
	var missing []Node
	for _, r := range walkByCursor(tree.Walk()) {
		if r.node.IsMissing() {
			missing = append(missing, r.node)
		}
	}
	require.Len(t, missing, 1)
	m := missing[0]
	require.Equal(t, "}", m.Kind())
	require.False(t, m.IsNamed())
	require.Equal(t, m.StartByte(), m.EndByte())
	require.True(t, m.HasError())
	require.False(t, m.IsError())
	require.Equal(t, "block", m.Parent().Kind())
	require.True(t, m.Parent().HasError())
	require.False(t, root.Child(0).HasError()) // package clause

	// An unparseable token sequence becomes an ERROR node.
	tree = mustParse(t, p, "package main\nfunc main() { ) }\n")
	var errs []Node
	for _, r := range walkByCursor(tree.Walk()) {
		if r.node.IsError() {
			errs = append(errs, r.node)
		}
	}
	require.Len(t, errs, 1)
	require.Equal(t, "ERROR", errs[0].Kind())
	require.Equal(t, uint16(0xFFFF), errs[0].KindID())
	require.True(t, errs[0].IsNamed())
	require.True(t, errs[0].HasError())
	require.Equal(t, ")", errs[0].Child(0).Kind())
	id, ok := lang.IDForNodeKind("ERROR", true)
	require.True(t, ok)
	require.Equal(t, errs[0].KindID(), id)

	// Extras: a comment.
	tree = mustParse(t, p, "package p // c\n")
	c := tree.RootNode().NamedChild(1)
	require.Equal(t, "comment", c.Kind())
	require.True(t, c.IsExtra())
	require.False(t, tree.RootNode().HasError())
}

// TestNodeParseStates: NextParseState agrees with Language.NextState on
// (ParseState, GrammarID), as ts_node_next_parse_state is defined.
func TestNodeParseStates(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, goSnippets[4])
	ctx := context.Background()
	nonzero := 0
	for _, r := range walkByCursor(tree.Walk()) {
		n := r.node
		st := n.ParseState()
		if st == 0xFFFF { // TS_TREE_STATE_NONE: no state recorded for this node
			require.Equal(t, st, n.NextParseState(), n.Kind())
			continue
		}
		require.Less(t, uint32(st), lang.ParseStateCount(), n.Kind())
		next, err := lang.NextState(ctx, st, n.GrammarID())
		require.NoError(t, err)
		require.Equal(t, next, n.NextParseState(), n.Kind())
		if next != 0 {
			nonzero++
		}
	}
	require.Positive(t, nonzero)
}

// TestNodeAfterTreeClose: nodes of a closed tree answer zero values.
func TestNodeAfterTreeClose(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	tree, err := p.Parse(context.Background(), []byte(goSnippets[1]), nil)
	require.NoError(t, err)
	n := tree.RootNode().Child(1)
	require.Equal(t, "import_declaration", n.Kind())
	require.NoError(t, tree.Close())
	for _, z := range []Node{n, {}} {
		require.Equal(t, uint(0), z.EndByte())
		require.Equal(t, Point{}, z.EndPosition())
		require.Equal(t, Range{}, z.Range())
		require.Equal(t, "", z.Kind())
		require.Equal(t, "", z.GrammarName())
		require.Equal(t, uint16(0), z.KindID())
		require.Equal(t, uint16(0), z.GrammarID())
		require.False(t, z.IsNamed() || z.IsExtra() || z.IsMissing() || z.HasError() || z.HasChanges() || z.IsError())
		require.Equal(t, uint(0), z.ChildCount()+z.NamedChildCount()+z.DescendantCount())
		require.Equal(t, uint16(0), z.ParseState())
		require.Equal(t, uint16(0), z.NextParseState())
		for _, m := range []Node{z.Child(0), z.NamedChild(0), z.Parent(), z.NextSibling(), z.PrevSibling(),
			z.NextNamedSibling(), z.PrevNamedSibling(), z.ChildByFieldName("path"), z.FirstChildForByte(0),
			z.FirstNamedChildForByte(0), z.DescendantForByteRange(0, 1), z.NamedDescendantForByteRange(0, 1),
			z.DescendantForPointRange(Point{}, Point{0, 1}), z.NamedDescendantForPointRange(Point{}, Point{0, 1}),
			z.ChildWithDescendant(n)} {
			require.True(t, m.IsZero())
		}
		require.Equal(t, "", z.FieldNameForChild(0)+z.FieldNameForNamedChild(0)+z.String())
		require.Empty(t, slices.Collect(z.Children(nil)))
		require.True(t, z.Walk().Node().IsZero())
	}
	require.Nil(t, Node{}.Language())
}
