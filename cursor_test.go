package tswasm

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/internal/abi"
)

// ---- the runtime's own cursor, as the oracle for the Go one -----------------

// rtCursor is a TSTreeCursor held in wasm memory and driven through the
// runtime's ts_tree_cursor_* functions.
type rtCursor struct {
	t    testing.TB
	tree *Tree
	s    *Store
	ptr  abi.Ptr
}

func newRTCursor(t testing.TB, n Node) *rtCursor {
	t.Helper()
	s := n.tree.h.store
	require.NoError(t, s.lock())
	defer s.unlock()
	ctx := context.Background()
	ptr, err := s.malloc(ctx, abi.TreeCursorSize)
	require.NoError(t, err)
	s.writeNode(s.scratch+scratchArg, &n)
	_, err = s.call(ctx, s.export("ts_tree_cursor_new"), uint64(ptr), uint64(s.scratch+scratchArg))
	require.NoError(t, err)
	c := &rtCursor{t: t, tree: n.tree, s: s, ptr: ptr}
	t.Cleanup(func() {
		if s.lock() == nil {
			_, _ = s.call(ctx, s.export("ts_tree_cursor_delete"), uint64(ptr))
			_ = s.free(ctx, ptr)
			s.unlock()
		}
	})
	return c
}

func (c *rtCursor) call(name string, args ...uint64) uint64 {
	c.t.Helper()
	require.NoError(c.t, c.s.lock())
	defer c.s.unlock()
	r, err := c.s.call(context.Background(), c.s.export(name), append([]uint64{uint64(c.ptr)}, args...)...)
	require.NoError(c.t, err, name)
	return r
}

func (c *rtCursor) node() Node {
	c.t.Helper()
	require.NoError(c.t, c.s.lock())
	defer c.s.unlock()
	_, err := c.s.call(context.Background(), c.s.export("ts_tree_cursor_current_node"), uint64(c.s.scratch+scratchResult), uint64(c.ptr))
	require.NoError(c.t, err)
	return c.s.readNode(c.s.scratch+scratchResult, c.tree)
}

func (c *rtCursor) fieldName() string {
	p := c.call("ts_tree_cursor_current_field_name")
	require.NoError(c.t, c.s.lock())
	defer c.s.unlock()
	return c.s.cString(abi.Ptr(p))
}

func (c *rtCursor) reset(n Node) {
	require.NoError(c.t, c.s.lock())
	defer c.s.unlock()
	c.s.writeNode(c.s.scratch+scratchArg, &n)
	_, err := c.s.call(context.Background(), c.s.export("ts_tree_cursor_reset"), uint64(c.ptr), uint64(c.s.scratch+scratchArg))
	require.NoError(c.t, err)
}

func (c *rtCursor) gotoFirstChildForPoint(p Point) int64 {
	require.NoError(c.t, c.s.lock())
	c.s.writePoint(c.s.scratch+scratchPointA, p)
	c.s.unlock()
	return int64(c.call("ts_tree_cursor_goto_first_child_for_point", uint64(c.s.scratch+scratchPointA)))
}

// state reads the C TreeCursor: {tree; Array(TreeCursorEntry) stack; root_alias_symbol}.
func (c *rtCursor) state() (tree abi.Ptr, rootAlias uint16, stack []cursorEntry) {
	require.NoError(c.t, c.s.lock())
	defer c.s.unlock()
	tree, rootAlias, entries := c.s.view().TreeCursor(c.ptr)
	for _, e := range entries {
		stack = append(stack, cursorEntry{
			subtree:         e.Subtree,
			pos:             e.Position,
			childIndex:      e.ChildIndex,
			structuralIndex: e.StructuralIndex,
			descendantIndex: e.DescendantIdx,
		})
	}
	return tree, rootAlias, stack
}

// requireSameCursor checks that the Go cursor and the runtime's are in the
// same state and answer the same.
func requireSameCursor(t *testing.T, c *TreeCursor, rc *rtCursor, msg string) {
	t.Helper()
	tree, alias, stack := rc.state()
	require.Equal(t, tree, c.core.tsTree, "%s: tree", msg)
	require.Equal(t, alias, c.core.rootAlias, "%s: root alias", msg)
	require.Equal(t, stack, c.core.stack, "%s: stack", msg)
	require.Equal(t, rc.node(), c.Node(), "%s: node", msg)
	require.Equal(t, uint16(rc.call("ts_tree_cursor_current_field_id")), c.FieldID(), "%s: field id", msg)
	require.Equal(t, rc.fieldName(), c.FieldName(), "%s: field name", msg)
	require.Equal(t, uint32(rc.call("ts_tree_cursor_current_depth")), c.Depth(), "%s: depth", msg)
	require.Equal(t, uint32(rc.call("ts_tree_cursor_current_descendant_index")), c.DescendantIndex(), "%s: descendant index", msg)
}

// ---- sources ------------------------------------------------------------------

// srcCase is one source text and the grammar file that parses it.
type srcCase struct {
	name    string
	grammar string
	src     []byte
}

// goSnippets are small Go sources with aliases, fields, comments, errors
// and missing nodes.
var goSnippets = []string{
	"package main\n\nfunc f(a int) {}\n",
	"package main\nimport \"fmt\"\nfunc main() {\n\tfmt.Println(1 +)\n}\n",
	"package main\nfunc main() {\n\tx := []int{1, 2\n}\n",
	"package p\n\ntype T struct {\n\tA, B int // c\n}\n",
	"package p\n\n// doc\nfunc (r *R) M(a, b int, c ...string) (int, error) {\n\tif a > b { return a, nil } else { return b, nil }\n}\n",
	"package p\nvar x = map[string]func() int{\"a\": func() int { return 1 }}\nlabel:\n",
	"package p\nfunc g[T any, U ~int | ~string](t T) U { var u U; switch v := any(t).(type) { case int: _ = v }; return u }\n",
	"package p\n\n/* block */ const (\n\tA = iota // a\n\tB\n)\n\nfunc h() { for i := range 10 { go func() { defer recover() }(); select {} } }\n",
	"",
	"}}}",
}

// sampleFiles returns up to n regular files under dir with extension ext and
// at most maxSize bytes, spread evenly over the sorted list.
func sampleFiles(t testing.TB, dir, ext string, n int, maxSize int64) []string {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ext) || !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() > 0 && info.Size() <= maxSize {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) <= n {
		return files
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, files[i*len(files)/n])
	}
	return out
}

func commandDir(t testing.TB, what string, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	d := strings.TrimSpace(string(out))
	if st, serr := os.Stat(d); err != nil || serr != nil || !st.IsDir() {
		skipOrFail(t, fmt.Sprintf("no %s found (%s %v failed)", what, name, args))
	}
	return d
}

// realSources returns snippets plus samples of the machine's Go, JavaScript
// and Python sources, n files of each, for the grammars that parse them.
func realSources(t testing.TB, n int, maxSize int64) []srcCase {
	t.Helper()
	var cases []srcCase
	for i, s := range goSnippets {
		cases = append(cases,
			srcCase{fmt.Sprintf("snippet%d", i), "tree-sitter-go-0.25.0.wasm", []byte(s)},
			srcCase{fmt.Sprintf("snippet%d/smacker", i), "smacker-go.wasm", []byte(s)})
	}
	add := func(grammar string, files []string) {
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			cases = append(cases, srcCase{filepath.Base(f), grammar, b})
		}
	}
	goroot := commandDir(t, "Go source tree", "go", "env", "GOROOT")
	add("tree-sitter-go-0.25.0.wasm", sampleFiles(t, filepath.Join(goroot, "src", "go"), ".go", n, maxSize))
	add("smacker-go.wasm", sampleFiles(t, filepath.Join(goroot, "src", "net"), ".go", n, maxSize))
	npm := commandDir(t, "global npm installation", "npm", "root", "-g")
	add("smacker-javascript.wasm", sampleFiles(t, filepath.Join(npm, "npm"), ".js", n, maxSize))
	py := commandDir(t, "Python standard library", "python3", "-c", `import sysconfig;print(sysconfig.get_paths()["stdlib"])`)
	add("smacker-python.wasm", sampleFiles(t, py, ".py", n, maxSize))
	return cases
}

// treeSet parses srcCases, loading each grammar once.
type treeSet struct {
	t       testing.TB
	e       *Engine
	parsers map[string]*Parser
}

func newTreeSet(t testing.TB) *treeSet {
	return &treeSet{t: t, e: newTestEngine(t), parsers: map[string]*Parser{}}
}

func (ts *treeSet) parse(c srcCase) *Tree {
	ts.t.Helper()
	p := ts.parsers[c.grammar]
	if p == nil {
		p = newTestParser(ts.t, ts.e, loadTestGrammar(ts.t, ts.e, c.grammar))
		ts.parsers[c.grammar] = p
	}
	tree, err := p.Parse(context.Background(), c.src, nil)
	require.NoError(ts.t, err, c.name)
	ts.t.Cleanup(func() { _ = tree.Close() })
	return tree
}

// ---- tests --------------------------------------------------------------------

// TestCursorMatchesRuntimeCursor drives the Go cursor and the runtime's
// TSTreeCursor through the same random moves on many trees and requires
// identical stacks (every entry's subtree, position, child, structural and
// descendant index) and identical answers after each move.
func TestCursorMatchesRuntimeCursor(t *testing.T) {
	files, moves := 4, 1500
	if testing.Short() {
		files, moves = 2, 400
	}
	ts := newTreeSet(t)
	rng := rand.New(rand.NewPCG(1, 2))
	total := 0
	for _, sc := range realSources(t, files, 64<<10) {
		tree := ts.parse(sc)
		root := tree.RootNode()
		c := tree.Walk()
		rc := newRTCursor(t, root)
		requireSameCursor(t, c, rc, sc.name+" start")
		srcLen := uint32(len(sc.src))
		lastRow := uint(strings.Count(string(sc.src), "\n"))
		descendants := uint32(root.DescendantCount())
		for i := range moves {
			op := rng.IntN(20)
			var what string
			switch {
			case op < 6:
				what = "first child"
				require.Equal(t, rc.call("ts_tree_cursor_goto_first_child") != 0, c.GotoFirstChild(), "%s move %d %s", sc.name, i, what)
			case op < 11:
				what = "next sibling"
				require.Equal(t, rc.call("ts_tree_cursor_goto_next_sibling") != 0, c.GotoNextSibling(), "%s move %d %s", sc.name, i, what)
			case op < 13:
				what = "previous sibling"
				require.Equal(t, rc.call("ts_tree_cursor_goto_previous_sibling") != 0, c.GotoPreviousSibling(), "%s move %d %s", sc.name, i, what)
			case op < 14:
				what = "last child"
				require.Equal(t, rc.call("ts_tree_cursor_goto_last_child") != 0, c.GotoLastChild(), "%s move %d %s", sc.name, i, what)
			case op < 16:
				what = "parent"
				require.Equal(t, rc.call("ts_tree_cursor_goto_parent") != 0, c.GotoParent(), "%s move %d %s", sc.name, i, what)
			case op < 17:
				goal := rng.Uint32N(descendants + 2)
				what = fmt.Sprintf("descendant %d", goal)
				rc.call("ts_tree_cursor_goto_descendant", uint64(goal))
				c.GotoDescendant(goal)
			case op < 18:
				b := rng.Uint32N(srcLen + 2)
				what = fmt.Sprintf("first child for byte %d", b)
				want := int64(rc.call("ts_tree_cursor_goto_first_child_for_byte", uint64(b)))
				got, ok := c.GotoFirstChildForByte(b)
				require.Equal(t, want >= 0, ok, "%s move %d %s", sc.name, i, what)
				if ok {
					require.Equal(t, want, int64(got), "%s move %d %s", sc.name, i, what)
				}
			case op < 19:
				p := Point{Row: uint(rng.IntN(int(lastRow) + 2)), Column: uint(rng.IntN(40))}
				what = fmt.Sprintf("first child for point %v", p)
				want := rc.gotoFirstChildForPoint(p)
				got, ok := c.GotoFirstChildForPoint(p)
				require.Equal(t, want >= 0, ok, "%s move %d %s", sc.name, i, what)
				if ok {
					require.Equal(t, want, int64(got), "%s move %d %s", sc.name, i, what)
				}
			default:
				// Re-root both cursors at the current node, or go back to the root.
				n := c.Node()
				what = "reset"
				if rng.IntN(3) == 0 {
					n = root
				}
				rc.reset(n)
				c.Reset(n)
			}
			requireSameCursor(t, c, rc, fmt.Sprintf("%s move %d (%s)", sc.name, i, what))
			total++
		}
	}
	t.Logf("%d moves compared", total)
}

// nodeRecord is what a walk reports for each node.
type nodeRecord struct {
	node  Node
	field string
	depth int
}

// walkByNodes visits the tree in pre-order with the runtime's node
// navigation (ts_node_child_count and ts_node_child, field names from
// ts_node_field_name_for_child), independently of any cursor code.
func walkByNodes(t *testing.T, n Node, field string, depth int, out []nodeRecord) []nodeRecord {
	out = append(out, nodeRecord{n, field, depth})
	count := rtNodeU32(t, n, "ts_node_child_count")
	for i := range count {
		out = walkByNodes(t, n.Child(uint(i)), n.FieldNameForChild(uint(i)), depth+1, out)
	}
	return out
}

// walkByCursor visits the tree in pre-order with a TreeCursor.
func walkByCursor(c *TreeCursor) []nodeRecord {
	var out []nodeRecord
	depth := 0
	for {
		out = append(out, nodeRecord{c.Node(), c.FieldName(), depth})
		if c.GotoFirstChild() {
			depth++
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return out
			}
			depth--
		}
	}
}

// TestCursorWalkMatchesNodeNavigation: a full cursor walk visits the same
// nodes, with the same field names and depths, as recursive navigation with
// Child(i); Depth and DescendantIndex agree with the walk's own counts.
func TestCursorWalkMatchesNodeNavigation(t *testing.T) {
	ts := newTreeSet(t)
	for _, sc := range realSources(t, 3, 32<<10) {
		tree := ts.parse(sc)
		want := walkByNodes(t, tree.RootNode(), "", 0, nil)
		c := tree.Walk()
		got := walkByCursor(c)
		require.Equal(t, len(want), len(got), sc.name)
		for i := range want {
			require.True(t, want[i].node.Equal(got[i].node), "%s node %d: %v vs %v", sc.name, i, want[i].node, got[i].node)
			require.Equal(t, want[i], got[i], "%s node %d", sc.name, i)
		}
		require.Equal(t, uint(len(want)), tree.RootNode().DescendantCount(), sc.name)
		// Descendant indices are pre-order positions.
		c.Reset(tree.RootNode())
		for i, r := range want {
			c.GotoDescendant(uint32(i))
			require.Equal(t, r.node, c.Node(), "%s descendant %d", sc.name, i)
			require.Equal(t, uint32(i), c.DescendantIndex(), sc.name)
			require.Equal(t, uint32(r.depth), c.Depth(), sc.name)
		}
	}
}

// TestCursorHandChecked checks a walk of a small Go file against the tree
// written out by hand from tree-sitter-go's grammar.
func TestCursorHandChecked(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	src := "package p\n\nfunc F(a int) {}\n"
	tree := mustParse(t, p, src)
	type rec struct {
		depth       int
		kind, field string
		text        string
		named       bool
	}
	want := []rec{
		{0, "source_file", "", src, true},
		{1, "package_clause", "", "package p", true},
		{2, "package", "", "package", false},
		{2, "package_identifier", "", "p", true},
		{1, "function_declaration", "", "func F(a int) {}", true},
		{2, "func", "", "func", false},
		{2, "identifier", "name", "F", true},
		{2, "parameter_list", "parameters", "(a int)", true},
		{3, "(", "", "(", false},
		{3, "parameter_declaration", "", "a int", true},
		{4, "identifier", "name", "a", true},
		{4, "type_identifier", "type", "int", true},
		{3, ")", "", ")", false},
		{2, "block", "body", "{}", true},
		{3, "{", "", "{", false},
		{3, "}", "", "}", false},
	}
	c := tree.Walk()
	defer c.Close()
	var got []rec
	for _, r := range walkByCursor(c) {
		got = append(got, rec{r.depth, r.node.Kind(), r.field, r.node.UTF8Text([]byte(src)), r.node.IsNamed()})
	}
	require.Equal(t, want, got)

	// Moves with hand-computed answers.
	c.Reset(tree.RootNode())
	// The final newline is whitespace, not a terminator node: terminators
	// are optional after top-level declarations.
	require.True(t, c.GotoLastChild())
	require.Equal(t, "function_declaration", c.Node().Kind())
	require.True(t, c.GotoPreviousSibling())
	require.Equal(t, "package_clause", c.Node().Kind())
	require.False(t, c.GotoPreviousSibling())
	require.True(t, c.GotoNextSibling())
	require.Equal(t, uint32(1), c.Depth())
	i, ok := c.GotoFirstChildForByte(uint32(strings.Index(src, "int")))
	require.True(t, ok)
	require.Equal(t, uint(2), i) // func, name, parameters
	require.Equal(t, "parameters", c.FieldName())
	require.Equal(t, "parameter_list", c.Node().Kind())
	// GotoPreviousSibling left the package clause's entry with descendant
	// index 0 instead of 1, as the C cursor does, so every later index is
	// one short (the parameter list is 7th in pre-order) until a fresh root.
	require.Equal(t, uint32(6), c.DescendantIndex())
	c.Reset(tree.RootNode())
	c.GotoDescendant(4)
	require.Equal(t, "function_declaration", c.Node().Kind())
	require.Equal(t, uint32(4), c.DescendantIndex())
	c.GotoDescendant(7) // parameter_list
	require.Equal(t, uint32(7), c.DescendantIndex())
	require.Equal(t, uint32(2), c.Depth())
	require.True(t, c.GotoParent())
	i, ok = c.GotoFirstChildForPoint(Point{Row: 2, Column: 14})
	require.True(t, ok)
	require.Equal(t, uint(3), i)
	require.Equal(t, "body", c.FieldName())
	require.True(t, c.GotoParent())
	require.True(t, c.GotoParent())
	require.Equal(t, "source_file", c.Node().Kind())
	require.False(t, c.GotoParent())
	_, ok = c.GotoFirstChildForByte(uint32(len(src) + 5))
	require.False(t, ok)
	require.Equal(t, "source_file", c.Node().Kind())

	// A cursor rooted at an inner node does not leave it.
	fn := tree.RootNode().Child(1)
	sub := fn.Walk()
	require.Equal(t, uint32(0), sub.Depth())
	require.Equal(t, "", sub.FieldName()) // the cursor's root has no parent to name it
	require.True(t, sub.GotoFirstChild())
	require.False(t, sub.GotoPreviousSibling())
	for sub.GotoNextSibling() {
	}
	require.Equal(t, "block", sub.Node().Kind())
	require.True(t, sub.GotoParent())
	require.False(t, sub.GotoParent())
	require.False(t, sub.GotoNextSibling())
}

// TestCursorCopyResetTo: copies move independently; ResetTo restores a
// position with its ancestry.
func TestCursorCopyResetTo(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, goSnippets[4])
	c := tree.Walk()
	require.True(t, c.GotoFirstChild())
	require.True(t, c.GotoNextSibling())
	require.True(t, c.GotoNextSibling()) // function ... method_declaration after the comment
	d := c.Copy()
	require.Equal(t, c.Node(), d.Node())
	require.True(t, d.GotoFirstChild())
	require.NotEqual(t, c.Node(), d.Node())
	wantNode, wantDepth := d.Node(), d.Depth()
	c.ResetTo(d)
	require.Equal(t, wantNode, c.Node())
	require.Equal(t, wantDepth, c.Depth())
	require.True(t, c.GotoParent())
	require.True(t, c.GotoParent())
	require.Equal(t, "source_file", c.Node().Kind())

	// Reset to a node of a tree in another store.
	p2, err := e.NewStore(context.Background())
	require.NoError(t, err)
	defer p2.Close()
	par2, err := p2.NewParser(context.Background())
	require.NoError(t, err)
	defer par2.Close()
	require.NoError(t, par2.SetLanguage(context.Background(), lang))
	other := mustParse(t, par2, "package q\n")
	require.NotSame(t, other.Store(), tree.Store())
	c.Reset(other.RootNode())
	require.True(t, c.GotoFirstChild())
	require.Equal(t, "package_clause", c.Node().Kind())
	require.Same(t, other, c.Tree())
	c.ResetTo(d)
	require.Same(t, tree, c.Tree())
	require.Equal(t, wantNode, c.Node())
}

// TestCursorAfterClose: closing the tree first, or the cursor, leaves a
// cursor whose methods return zero values.
func TestCursorAfterClose(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	tree, err := p.Parse(context.Background(), []byte(goSnippets[0]), nil)
	require.NoError(t, err)
	c := tree.Walk()
	require.True(t, c.GotoFirstChild())
	copyBefore := c.Copy()
	require.NoError(t, tree.Close())

	check := func(c *TreeCursor) {
		t.Helper()
		require.True(t, c.Node().IsZero())
		require.Equal(t, uint16(0), c.FieldID())
		require.Equal(t, "", c.FieldName())
		require.Equal(t, uint32(0), c.Depth())
		require.Equal(t, uint32(0), c.DescendantIndex())
		require.False(t, c.GotoFirstChild())
		require.False(t, c.GotoLastChild())
		require.False(t, c.GotoNextSibling())
		require.False(t, c.GotoPreviousSibling())
		require.False(t, c.GotoParent())
		c.GotoDescendant(3)
		_, ok := c.GotoFirstChildForByte(0)
		require.False(t, ok)
		_, ok = c.GotoFirstChildForPoint(Point{})
		require.False(t, ok)
		require.True(t, c.Copy().Node().IsZero())
	}
	check(c)
	check(copyBefore)
	require.NoError(t, c.Close())
	require.NoError(t, c.Close())
	check(c)
	c.Reset(tree.RootNode()) // zero Node from a closed tree; cursor stays closed
	check(c)

	// A closed cursor given to Children yields nothing; a cursor on the zero Node is empty.
	tree2 := mustParse(t, p, goSnippets[0])
	require.Empty(t, slices.Collect(tree2.RootNode().Children(c)))
	check(NewTreeCursor(Node{}))
	require.NoError(t, p.Close())
	require.Len(t, slices.Collect(tree2.RootNode().Children(nil)), 2) // the tree outlives its parser
}

// TestCursorConcurrentWalks walks one tree from several goroutines (run
// with -race); all walks agree.
func TestCursorConcurrentWalks(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	tree := mustParse(t, p, strings.Repeat(goSnippets[4], 20))
	want := walkByCursor(tree.Walk())
	var wg sync.WaitGroup
	errs := make([]bool, 4)
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := walkByCursor(tree.Walk())
			errs[g] = slices.Equal(got, want)
		}()
	}
	wg.Wait()
	for g, ok := range errs {
		require.True(t, ok, "goroutine %d", g)
	}
}

// BenchmarkCursorWalk measures a full walk that reads every node's kind and
// range, the operation the team wants as fast as native cgo.
func BenchmarkCursorWalk(b *testing.B) {
	e := newTestEngine(b)
	p := newTestParser(b, e, loadTestGrammar(b, e, "tree-sitter-go-0.25.0.wasm"))
	goroot := commandDir(b, "Go source tree", "go", "env", "GOROOT")
	src, err := os.ReadFile(filepath.Join(goroot, "src", "go", "parser", "parser.go"))
	require.NoError(b, err)
	tree := mustParse(b, p, string(src))
	c := tree.Walk()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	nodes := 0
	for range b.N {
		c.Reset(tree.RootNode())
		nodes = 0
		for {
			n := c.Node()
			_ = n.Kind()
			_ = n.Range()
			nodes++
			if c.GotoFirstChild() {
				continue
			}
			for !c.GotoNextSibling() {
				if !c.GotoParent() {
					goto done
				}
			}
		}
	done:
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*nodes), "ns/node")
}

// TestCursorAcrossEditIsMemorySafe: a cursor and nodes kept across
// Tree.Edit and later parses see stale or freed memory; their answers are
// meaningless but reading them must neither crash nor run away.
func TestCursorAcrossEditIsMemorySafe(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	src := []byte(strings.Repeat(goSnippets[4]+goSnippets[7], 10))
	tree := mustParse(t, p, string(src))
	c := tree.Walk()
	var kept []Node
	for range 200 {
		if !c.GotoFirstChild() && !c.GotoNextSibling() {
			c.GotoParent()
		}
		kept = append(kept, c.Node())
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		at := rng.IntN(len(src) - 10)
		require.NoError(t, tree.Edit(&InputEdit{StartByte: uint(at), OldEndByte: uint(at + 5), NewEndByte: uint(at + 1),
			StartPosition: textPoint(src, at), OldEndPosition: textPoint(src, at+5), NewEndPosition: textPoint(src, at+1)}))
		src = append(src[:at+1:at+1], src[at+5:]...)
		next, err := p.Parse(context.Background(), src, tree)
		require.NoError(t, err)
		_ = next.Close()
	}
	steps := 0
	for ; steps < 1_000_000; steps++ {
		n := c.Node()
		_, _, _ = n.Kind(), n.Range(), c.FieldName()
		if c.GotoFirstChild() {
			continue
		}
		if !c.GotoNextSibling() && !c.GotoParent() {
			break
		}
	}
	for _, n := range kept {
		_, _, _ = n.Kind(), n.Range(), n.ChildCount()
		for range n.Children(nil) {
		}
	}
	require.NoError(t, tree.Err())
}

// TestCursorPreviousSiblingQuirk: tree-sitter 0.25's goto_previous_sibling
// cannot step back across a child index that is a multiple of 256 (its
// iterator tests the index as an int8; tree-sitter issue #5950). The Go
// cursor reproduces the runtime exactly, so it stops where native does.
func TestCursorPreviousSiblingQuirk(t *testing.T) {
	e := newTestEngine(t)
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	tree := mustParse(t, p, "package p\n"+strings.Repeat("// c\n", 300))
	root := tree.RootNode()
	require.Equal(t, uint(301), root.ChildCount()) // package clause and 300 comments, all children of the root
	c, rc := tree.Walk(), newRTCursor(t, root)
	require.True(t, c.GotoLastChild())
	require.NotZero(t, rc.call("ts_tree_cursor_goto_last_child"))
	back := 0
	for {
		ok := c.GotoPreviousSibling()
		require.Equal(t, rc.call("ts_tree_cursor_goto_previous_sibling") != 0, ok)
		requireSameCursor(t, c, rc, fmt.Sprint("step ", back))
		if !ok {
			break
		}
		back++
	}
	require.Equal(t, 300-256, back) // from child 300 back to child 256, not to 0
	require.Equal(t, root.Child(256), c.Node())
	// Forward moves are not affected.
	c.Reset(root)
	require.True(t, c.GotoFirstChild())
	n := 1
	for c.GotoNextSibling() {
		n++
	}
	require.Equal(t, 301, n)
}
