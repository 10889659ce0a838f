package tswasm

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// ---- text helpers -----------------------------------------------------------

// textPointAt returns the row and byte column of offset off in text, counting
// rows at '\n' as tree-sitter does.
func textPointAt(text []byte, off int) Point {
	row := bytes.Count(text[:off], []byte{'\n'})
	col := off - (bytes.LastIndexByte(text[:off], '\n') + 1)
	return Point{Row: uint(row), Column: uint(col)}
}

// textEdit replaces text[start:start+del] with ins.
type textEdit struct {
	start, del int
	ins        []byte
}

func (e textEdit) String() string {
	return fmt.Sprintf("{at %d delete %d insert %q}", e.start, e.del, e.ins)
}

// apply returns the edited text and the InputEdit describing the change,
// with points computed independently from both texts.
func (e textEdit) apply(text []byte) ([]byte, InputEdit) {
	out := make([]byte, 0, len(text)-e.del+len(e.ins))
	out = append(out, text[:e.start]...)
	out = append(out, e.ins...)
	out = append(out, text[e.start+e.del:]...)
	return out, InputEdit{
		StartByte:      uint(e.start),
		OldEndByte:     uint(e.start + e.del),
		NewEndByte:     uint(e.start + len(e.ins)),
		StartPosition:  textPointAt(text, e.start),
		OldEndPosition: textPointAt(text, e.start+e.del),
		NewEndPosition: textPointAt(out, e.start+len(e.ins)),
	}
}

// inverse undoes e on the text e produced.
func (e textEdit) inverse(before []byte) textEdit {
	return textEdit{start: e.start, del: len(e.ins), ins: append([]byte(nil), before[e.start:e.start+e.del]...)}
}

// ---- tree helpers -----------------------------------------------------------

// flatNode is one node of a tree walked in pre-order.
type flatNode struct {
	kind           string
	start, end     uint
	startPt, endPt Point
	parent         int // index in the walk, -1 for the root
	named, missing bool
	changed        bool // HasChanges
}

func (f flatNode) String() string {
	return fmt.Sprintf("%s [%d %d) %v-%v", f.kind, f.start, f.end, f.startPt, f.endPt)
}

// flattenTree lists every node of t, named or not, in pre-order.
func flattenTree(t *Tree) []flatNode {
	var out []flatNode
	var visit func(n Node, parent int)
	visit = func(n Node, parent int) {
		i := len(out)
		out = append(out, flatNode{
			kind: n.Kind(), start: n.StartByte(), end: n.EndByte(),
			startPt: n.StartPosition(), endPt: n.EndPosition(), parent: parent,
			named: n.IsNamed(), missing: n.IsMissing(), changed: n.HasChanges(),
		})
		for c := range n.ChildCount() {
			visit(n.Child(c), i)
		}
	}
	visit(t.RootNode(), -1)
	return out
}

// scopeSequence gives, for each byte below the root's end, the deepest
// non-empty node containing it (an index into nodes, or -1); its ancestor
// chain is the byte's scope. This is the model of tree-sitter's own
// randomized tests (cli/src/tests/helpers/scope_sequence.rs): the kinds of
// all nodes containing a byte, from the root down.
func scopeSequence(nodes []flatNode) []int32 {
	seq := make([]int32, nodes[0].end)
	for i := range seq {
		seq[i] = -1
	}
	for i, n := range nodes { // pre-order: descendants overwrite ancestors
		for b := n.start; b < n.end && b < uint(len(seq)); b++ {
			seq[b] = int32(i)
		}
	}
	return seq
}

// sameScope compares the kind chains of two scope entries.
func sameScope(a []flatNode, i int32, b []flatNode, j int32) bool {
	for i >= 0 && j >= 0 {
		if a[i].kind != b[j].kind {
			return false
		}
		i, j = int32(a[i].parent), int32(b[j].parent)
	}
	return i < 0 && j < 0
}

// checkChangedRanges checks tree-sitter's guarantee for
// ts_tree_get_changed_ranges: every byte of the new text whose chain of
// enclosing node kinds differs between the edited old tree and the new tree
// lies inside a returned range. It also checks that the ranges are ordered,
// within the text, and carry points that match their byte offsets.
func checkChangedRanges(oldNodes, newNodes []flatNode, ranges []Range, text []byte) error {
	prevEnd := uint(0)
	for i, r := range ranges {
		if r.StartByte > r.EndByte || r.StartByte < prevEnd {
			return fmt.Errorf("range %d %+v is inverted or out of order", i, r)
		}
		if r.EndByte > uint(len(text)) {
			return fmt.Errorf("range %d %+v extends past the text (%d bytes)", i, r, len(text))
		}
		if p := textPointAt(text, int(r.StartByte)); p != r.StartPoint {
			return fmt.Errorf("range %d %+v: start point should be %v", i, r, p)
		}
		if p := textPointAt(text, int(r.EndByte)); p != r.EndPoint {
			return fmt.Errorf("range %d %+v: end point should be %v", i, r, p)
		}
		prevEnd = r.EndByte
	}
	oldSeq, newSeq := scopeSequence(oldNodes), scopeSequence(newNodes)
	k := 0 // ranges are ordered: advance a cursor instead of searching
	for b := 0; b < max(len(oldSeq), len(newSeq)); b++ {
		var same bool
		switch {
		case b < len(oldSeq) && b < len(newSeq):
			same = sameScope(oldNodes, oldSeq[b], newNodes, newSeq[b])
		default:
			same = false // covered by one root only
		}
		if same {
			continue
		}
		for k < len(ranges) && ranges[k].EndByte <= uint(b) {
			k++
		}
		if k == len(ranges) || ranges[k].StartByte > uint(b) {
			return fmt.Errorf("byte %d (%v) has scope %s in the old tree and %s in the new one, but no changed range covers it (ranges %v)",
				b, textPointAt(text, min(b, len(text))), scopeString(oldNodes, oldSeq, b), scopeString(newNodes, newSeq, b), ranges)
		}
	}
	return nil
}

func scopeString(nodes []flatNode, seq []int32, b int) string {
	if b >= len(seq) {
		return "<none>"
	}
	var kinds []string
	for i := seq[b]; i >= 0; i = int32(nodes[i].parent) {
		kinds = append(kinds, nodes[i].kind)
	}
	for l, r := 0, len(kinds)-1; l < r; l, r = l+1, r-1 {
		kinds[l], kinds[r] = kinds[r], kinds[l]
	}
	return "[" + strings.Join(kinds, " ") + "]"
}

// namedNodes keeps the named nodes of a walk (what an S-expression shows),
// with their ranges.
func namedNodes(nodes []flatNode) []flatNode {
	var out []flatNode
	for _, n := range nodes {
		if n.named || n.missing {
			n.parent = 0 // parents index the full walk; the S-expression covers nesting
			out = append(out, n)
		}
	}
	return out
}

// diffNodes reports the first difference between two walks.
func diffNodes(got, want []flatNode) error {
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.kind != w.kind || g.start != w.start || g.end != w.end || g.startPt != w.startPt ||
			g.endPt != w.endPt || g.parent != w.parent || g.missing != w.missing {
			return fmt.Errorf("node %d: incremental %v, fresh %v", i, g, w)
		}
	}
	if len(got) != len(want) {
		return fmt.Errorf("incremental tree has %d nodes, fresh %d", len(got), len(want))
	}
	return nil
}

// lineIndex converts byte offsets of a text to points.
type lineIndex []int // offsets of line starts

func newLineIndex(text []byte) lineIndex {
	li := lineIndex{0}
	for i, b := range text {
		if b == '\n' {
			li = append(li, i+1)
		}
	}
	return li
}

func (li lineIndex) point(off uint) Point {
	row := sort.SearchInts(li, int(off)+1) - 1
	return Point{Row: uint(row), Column: off - uint(li[row])}
}

// checkConsistent checks what tree-sitter's own randomized tests check of
// every reparsed tree (check_consistent_sizes): each node lies inside its
// parent after its previous sibling, its points match its byte offsets in
// the text, and no node is marked as changed.
func checkConsistent(nodes []flatNode, text []byte) error {
	li := newLineIndex(text)
	lastEnd := map[int]uint{} // parent index -> end of its last child so far
	for i, n := range nodes {
		if n.start > n.end || n.end > uint(len(text)) {
			return fmt.Errorf("node %d %v: bad range for a text of %d bytes", i, n, len(text))
		}
		if p := li.point(n.start); p != n.startPt {
			return fmt.Errorf("node %d %v: start point should be %v", i, n, p)
		}
		if p := li.point(n.end); p != n.endPt {
			return fmt.Errorf("node %d %v: end point should be %v", i, n, p)
		}
		if n.changed {
			return fmt.Errorf("node %d %v of a freshly parsed tree has changes", i, n)
		}
		if n.parent >= 0 {
			par := nodes[n.parent]
			if n.start < par.start || n.end > par.end {
				return fmt.Errorf("node %d %v lies outside its parent %v", i, n, par)
			}
			if n.start < lastEnd[n.parent] {
				return fmt.Errorf("node %d %v overlaps its previous sibling", i, n)
			}
			lastEnd[n.parent] = n.end
		}
	}
	return nil
}

// ---- source files -----------------------------------------------------------

// pickSourceFiles picks up to n files named *ext under root with sizes in
// [minSize, maxSize], spread evenly over the sorted list.
func pickSourceFiles(t testing.TB, root, ext string, minSize, maxSize int64, n int) []string {
	t.Helper()
	var all []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || name == "node_modules" || name == "vendor" || name == "test" || name == "tests" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ext) || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() >= minSize && info.Size() <= maxSize {
			all = append(all, path)
		}
		return nil
	})
	sort.Strings(all)
	if len(all) <= n {
		return all
	}
	out := make([]string, n)
	for i := range out {
		out[i] = all[i*len(all)/n]
	}
	return out
}

func goSrcDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	d := filepath.Join(strings.TrimSpace(string(out)), "src")
	if err != nil || !isDir(d) {
		skipOrFail(t, "no Go source tree found (go env GOROOT failed)")
	}
	return d
}

func pythonStdlibDir(t testing.TB) string {
	t.Helper()
	if d := "/root/.pyenv/versions/3.11.7/lib/python3.11"; isDir(d) {
		return d
	}
	out, err := exec.Command("python3", "-c", `import sysconfig;print(sysconfig.get_paths()["stdlib"])`).Output()
	if err != nil || !isDir(strings.TrimSpace(string(out))) {
		skipOrFail(t, "no Python standard library found for Python source files (python3 missing)")
	}
	return strings.TrimSpace(string(out))
}

func npmPackageDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("npm", "root", "-g").Output()
	d := filepath.Join(strings.TrimSpace(string(out)), "npm")
	if err != nil || !isDir(d) {
		skipOrFail(t, "no global npm installation found for JavaScript source files")
	}
	return d
}

func isDir(d string) bool {
	st, err := os.Stat(d)
	return err == nil && st.IsDir()
}

// ---- random edits -----------------------------------------------------------

// editCorpus holds language-specific fragments that random edits insert.
type editCorpus struct {
	fragments []string
	quotes    string // bytes after which an edit lands inside a string
	comment   string // a line comment, with its newline
}

var commonFragments = []string{
	"(", ")", "{", "}", "[", "]", ",", ";", ".", ":", "=", "+", "-", "*", "/", "!", "<", ">",
	" ", "  ", "\n", "\n\n", "\t", "x", "abc", "0", "42", "3.14", "é", "日本", "\"", "'", "`",
	"/*", "*/", "//", "\\", "\\n", "#",
}

var goEditCorpus = editCorpus{quotes: "\"`'", comment: "// note\n", fragments: append([]string{
	"func f() {}\n", "if x {", "} else {", "return nil", "var x int\n", "type T struct{}\n",
	"go ", "defer ", "for i := range x {\n", "x := 1\n", "package p\n", "import \"fmt\"\n",
	"map[string]int", "chan<- ", "...", "&&", ":=", "/* comment */", "// comment\n", "`raw\nstring`",
}, commonFragments...)}

var jsEditCorpus = editCorpus{quotes: "\"'`", comment: "// note\n", fragments: append([]string{
	"function f() {}\n", "if (x) {", "} else {", "return null;", "const x = 1;\n", "let ", "var ",
	"=> ", "async ", "await ", "class A {}\n", "`${x}`", "${", "/re/g", "</div>", "<div>", "...",
	"?.", "??", "===", "/* c */", "// c\n", "import x from 'y';\n", "export ",
}, commonFragments...)}

var pyEditCorpus = editCorpus{quotes: "\"'", comment: "# note\n", fragments: append([]string{
	"def f():\n    pass\n", "if x:\n", "    ", "        ", "else:\n", "return None", "class A:\n",
	"lambda x: x", "import os\n", "\"\"\"", "'''", "f\"{x}\"", "{x}", "# comment\n", "async ", "await ",
	"with x as y:\n", "try:\n", "except:\n", "\\\n", "**", "//", "@decorator\n",
}, commonFragments...)}

// randomEdit picks one edit of text. Two in five are edits that often
// keep the text valid (see benignEdit); the others are insertions,
// deletions or replacements at a random offset (so often in the middle of
// a token), sometimes right inside a string literal.
func randomEdit(r *rand.Rand, text []byte, c *editCorpus) textEdit {
	if r.IntN(5) < 2 && len(text) > 0 {
		return benignEdit(r, text, c)
	}
	start := r.IntN(len(text) + 1)
	if r.IntN(5) == 0 { // inside a string: just after a quote character
		var quotes []int
		for i, b := range text {
			if strings.IndexByte(c.quotes, b) >= 0 {
				quotes = append(quotes, i)
			}
		}
		if len(quotes) > 0 {
			start = min(quotes[r.IntN(len(quotes))]+1+r.IntN(3), len(text))
		}
	}
	if r.IntN(10) != 0 { // usually keep characters whole
		for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
			start--
		}
	}
	del := 0
	switch kind := r.IntN(3); kind {
	case 1, 2: // deletion or replacement
		n := 1 + r.IntN(12)
		if r.IntN(8) == 0 {
			n = 1 + r.IntN(300)
		}
		del = min(n, len(text)-start)
		if r.IntN(10) != 0 {
			for start+del < len(text) && !utf8.RuneStart(text[start+del]) {
				del++
			}
		}
		if kind == 1 {
			return textEdit{start: start, del: del}
		}
	}
	var ins []byte
	switch r.IntN(3) {
	case 0: // a slice of the text itself: realistic tokens
		if len(text) > 0 {
			a := r.IntN(len(text))
			ins = append(ins, text[a:min(len(text), a+1+r.IntN(40))]...)
		}
	case 1:
		ins = []byte(c.fragments[r.IntN(len(c.fragments))])
	default:
		for range 1 + r.IntN(3) {
			ins = append(ins, c.fragments[r.IntN(len(c.fragments))]...)
		}
	}
	if len(ins) == 0 {
		ins = []byte("x")
	}
	return textEdit{start: start, del: del, ins: ins}
}

// benignEdit picks an edit that often leaves valid source valid: rename an
// identifier (changing a token in its middle), duplicate or delete a line,
// add a comment line, or add blanks next to existing whitespace.
func benignEdit(r *rand.Rand, text []byte, c *editCorpus) textEdit {
	lines := newLineIndex(text)
	lineAt := func(i int) (int, int) { // bounds of line i, newline included
		start := lines[i]
		end := len(text)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		return start, end
	}
	switch r.IntN(5) {
	case 0: // rename: replace the tail of an identifier
		for range 20 {
			i := r.IntN(len(text))
			if isIdentByte(text[i]) && i > 0 && isIdentByte(text[i-1]) {
				end := i
				for end < len(text) && isIdentByte(text[end]) {
					end++
				}
				return textEdit{start: i, del: end - i, ins: []byte([]string{"x", "zz", "Renamed", "q1"}[r.IntN(4)])}
			}
		}
	case 1: // duplicate a line (before itself, keeping its indentation)
		s, e := lineAt(r.IntN(len(lines)))
		return textEdit{start: s, ins: append([]byte(nil), text[s:e]...)}
	case 2: // delete a line
		s, e := lineAt(r.IntN(len(lines)))
		return textEdit{start: s, del: e - s}
	case 3: // a comment line, indented like the line it precedes
		s, e := lineAt(r.IntN(len(lines)))
		indent := s
		for indent < e && (text[indent] == ' ' || text[indent] == '\t') {
			indent++
		}
		return textEdit{start: s, ins: append(append([]byte(nil), text[s:indent]...), c.comment...)}
	}
	// blanks after a space
	for range 20 {
		i := r.IntN(len(text))
		if text[i] == ' ' {
			return textEdit{start: i + 1, ins: []byte(strings.Repeat(" ", 1+r.IntN(3)))}
		}
	}
	return textEdit{start: len(text), ins: []byte("\n")}
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// ---- the test -----------------------------------------------------------------

// incrementalSeed returns the base seed: TSWASM_SEED (a number, or
// "random"), or a fixed default so that runs reproduce.
func incrementalSeed(t *testing.T) uint64 {
	switch v := os.Getenv("TSWASM_SEED"); v {
	case "":
		return 20250301
	case "random":
		return uint64(time.Now().UnixNano())
	default:
		s, err := strconv.ParseUint(v, 10, 64)
		require.NoError(t, err, "TSWASM_SEED")
		return s
	}
}

type incrementalCase struct {
	grammar string
	files   func(t *testing.T) []string
	corpus  *editCorpus
}

func incrementalCases() []incrementalCase {
	const minSize, maxSize, nFiles = 1200, 4000, 8
	return []incrementalCase{
		{"tree-sitter-go-0.25.0.wasm", func(t *testing.T) []string {
			return pickSourceFiles(t, goSrcDir(t), ".go", minSize, maxSize, nFiles)
		}, &goEditCorpus},
		{"smacker-go.wasm", func(t *testing.T) []string {
			return pickSourceFiles(t, filepath.Join(goSrcDir(t), "net"), ".go", minSize, maxSize, nFiles)
		}, &goEditCorpus},
		{"smacker-javascript.wasm", func(t *testing.T) []string {
			return pickSourceFiles(t, npmPackageDir(t), ".js", minSize, maxSize, nFiles)
		}, &jsEditCorpus},
		{"smacker-python.wasm", func(t *testing.T) []string {
			return pickSourceFiles(t, pythonStdlibDir(t), ".py", minSize, maxSize, nFiles)
		}, &pyEditCorpus},
	}
}

// TestIncrementalRandomEdits applies random edit sequences to real source
// files. For each sequence it edits a copy of the file's tree, reparses
// with it, and checks that the result equals a fresh parse of the new text
// (S-expression and every node's kind and range) and that the changed
// ranges cover every byte whose enclosing node kinds changed; then it
// undoes the edits the same way and checks against the original tree.
//
// It runs 1,000 sequences per grammar with TSWASM_LONG=1 (CI), 100 by
// default and 50 in -short mode; TSWASM_EDIT_SEQUENCES overrides.
func TestIncrementalRandomEdits(t *testing.T) {
	sequences := 100
	switch {
	case longTests():
		sequences = 1000
	case testing.Short():
		sequences = 50
	}
	if v := os.Getenv("TSWASM_EDIT_SEQUENCES"); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(t, err, "TSWASM_EDIT_SEQUENCES")
		sequences = n
	}
	seed := incrementalSeed(t)
	t.Logf("seed %d (set TSWASM_SEED to reproduce, TSWASM_SEED=random for a new one), %d sequences per grammar", seed, sequences)
	e := newTestEngine(t, WithPoolSize(1))
	for _, tc := range incrementalCases() {
		t.Run(strings.TrimSuffix(tc.grammar, ".wasm"), func(t *testing.T) {
			if _, err := os.Stat(filepath.Join("testdata", "grammars", tc.grammar)); err != nil {
				skipOrFail(t, "grammar "+tc.grammar+" is not in testdata/grammars")
			}
			files := tc.files(t)
			if len(files) == 0 {
				skipOrFail(t, "no source files found for "+tc.grammar)
			}
			lang := loadTestGrammar(t, e, tc.grammar)
			p := newTestParser(t, e, lang)
			start := time.Now()
			st := runIncremental(t, p, files, tc.corpus, seed, sequences)
			t.Logf("%s: %d edit sequences (%d edits, %d incremental parses) over %d files in %v; "+
				"%d edited texts error-free (compared with a fresh parse), %d of the others differ from a fresh parse",
				tc.grammar, sequences, st.edits, 2*sequences, len(files), time.Since(start).Round(time.Millisecond), st.valid, st.errDiffers)
		})
	}
}

// incrementalStats counts what the sequences ran into.
type incrementalStats struct {
	edits      int // edits applied
	valid      int // edited texts that parse without errors
	errDiffers int // edited texts with errors whose incremental tree differs from a fresh parse
}

type incrBase struct {
	path  string
	text  []byte
	tree  *Tree
	sexp  string
	named []flatNode
}

func runIncremental(t *testing.T, p *Parser, files []string, c *editCorpus, seed uint64, sequences int) incrementalStats {
	var bases []*incrBase
	for _, f := range files {
		text, err := os.ReadFile(f)
		require.NoError(t, err)
		tree := mustParse(t, p, string(text))
		bases = append(bases, &incrBase{path: f, text: text, tree: tree, sexp: tree.RootNode().String(), named: namedNodes(flattenTree(tree))})
	}
	var st incrementalStats
	for seq := range sequences {
		b := bases[seq%len(bases)]
		r := rand.New(rand.NewPCG(seed, uint64(seq)))
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d sequence %d (%s): %s", seed, seq, b.path, fmt.Sprintf(format, args...))
		}

		// Edit: 1 to 3 edits, each applied to the text and to a copy of the tree.
		old, err := b.tree.Clone()
		require.NoError(t, err)
		text := b.text
		var edits []textEdit
		var texts [][]byte // text before each edit
		n := 1
		if r.IntN(2) == 0 {
			n = 2 + r.IntN(2)
		}
		for range n {
			e := randomEdit(r, text, c)
			texts = append(texts, text)
			var ie InputEdit
			text, ie = e.apply(text)
			require.NoError(t, old.Edit(&ie))
			edits = append(edits, e)
		}
		st.edits += len(edits)
		if !old.RootNode().HasChanges() {
			fail("%v: the edited tree's root has no changes", edits)
		}
		newTree, freshOK, same := checkReparse(t, p, old, text, fail, fmt.Sprint(edits), nil)
		if freshOK {
			st.valid++
		} else if !same {
			st.errDiffers++
		}
		_ = old.Close()

		// Undo, in reverse order, starting from the new tree: the result
		// must be the original tree again.
		for i := len(edits) - 1; i >= 0; i-- {
			inv := edits[i].inverse(texts[i])
			var ie InputEdit
			text, ie = inv.apply(text)
			require.NoError(t, newTree.Edit(&ie))
		}
		require.Equal(t, b.text, text, "undoing the edits restores the text")
		back, _, _ := checkReparse(t, p, newTree, text, fail, "undo of "+fmt.Sprint(edits), b)
		_ = newTree.Close()
		_ = back.Close()
	}
	return st
}

// checkReparse parses text with the edited tree old and checks the result:
// consistent sizes, changed ranges that cover every change of structure,
// and, when the text parses without errors, the same S-expression and
// named node ranges as a fresh parse. It returns the new tree, whether the
// fresh parse was error-free, and whether both S-expressions were equal.
//
// tree-sitter does not promise that an incremental parse of text with
// errors equals a fresh parse: error recovery depends on the nodes reused
// (native tree-sitter 0.25.1 shows the same differences), so such texts
// are only counted.
func checkReparse(t *testing.T, p *Parser, old *Tree, text []byte, fail func(string, ...any), what string, orig *incrBase) (*Tree, bool, bool) {
	t.Helper()
	ctx := context.Background()
	incr, err := p.Parse(ctx, text, old)
	require.NoError(t, err)
	newNodes := flattenTree(incr)
	if err := checkConsistent(newNodes, text); err != nil {
		fail("%s: incremental tree: %v", what, err)
	}
	ranges, err := old.ChangedRanges(incr)
	require.NoError(t, err)
	if err := checkChangedRanges(flattenTree(old), newNodes, ranges, text); err != nil {
		fail("%s: changed ranges: %v", what, err)
	}
	got := incr.RootNode().String()
	if orig != nil { // undo: tree-sitter's own test compares with the original
		if got != orig.sexp {
			fail("%s: the tree differs from the original parse:\n got %s\nwant %s", what, got, orig.sexp)
		}
		if err := diffNodes(namedNodes(newNodes), orig.named); err != nil {
			fail("%s: named nodes: %v", what, err)
		}
		return incr, true, true
	}
	fresh, err := p.Parse(ctx, text, nil)
	require.NoError(t, err)
	defer fresh.Close()
	want := fresh.RootNode().String()
	freshOK := !fresh.RootNode().HasError()
	if freshOK {
		if got != want {
			fail("%s: incremental parse differs from a fresh parse of error-free text:\n got %s\nwant %s\ntext:\n%s", what, got, want, text)
		}
		if err := diffNodes(namedNodes(newNodes), namedNodes(flattenTree(fresh))); err != nil {
			fail("%s: named nodes: %v", what, err)
		}
	}
	return incr, freshOK, got == want
}

// TestTreeEditSmall checks Tree.Edit, Node.Edit, HasChanges and
// ChangedRanges on small hand-checked cases.
func TestTreeEditSmall(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p := newTestParser(t, e, lang)
	ctx := context.Background()
	src := []byte("package main\n\nfunc a() {}\n\nfunc b() {}\n")
	tree := mustParse(t, p, string(src))
	root := tree.RootNode()
	fa, fb := root.NamedChild(1), root.NamedChild(2)
	require.Equal(t, "func a() {}", fa.UTF8Text(src))
	require.Equal(t, "func b() {}", fb.UTF8Text(src))
	require.Equal(t, uint(27), fb.StartByte())

	// Rename a to abc: insert "bc" at byte 20 (row 2, column 6).
	edit := InputEdit{StartByte: 20, OldEndByte: 20, NewEndByte: 22,
		StartPosition: Point{2, 6}, OldEndPosition: Point{2, 6}, NewEndPosition: Point{2, 8}}
	_, computed := textEdit{start: 20, ins: []byte("bc")}.apply(src)
	require.Equal(t, edit, computed)
	old, err := tree.Clone()
	require.NoError(t, err)
	defer old.Close()
	require.NoError(t, old.Edit(&edit))

	// Nodes taken before the edit keep their positions until Node.Edit.
	require.Equal(t, uint(27), fb.StartByte())
	fb2 := fb
	fb2.Edit(&edit)
	require.Equal(t, uint(27), fb.StartByte(), "Edit changes only the node it is called on")
	require.Equal(t, uint(29), fb2.StartByte())
	require.Equal(t, Point{4, 0}, fb2.StartPosition())
	fa.Edit(&edit)
	require.Equal(t, uint(14), fa.StartByte(), "a node before the edit does not move")
	var zero Node
	zero.Edit(&edit)
	require.True(t, zero.IsZero())
	bad := fb
	bad.Edit(nil)
	require.True(t, bad.IsZero(), "an invalid edit zeroes the node")

	// Nodes from the edited tree: moved, and marked where the edit touched them.
	eroot := old.RootNode()
	require.True(t, eroot.HasChanges())
	require.True(t, eroot.NamedChild(1).HasChanges(), "func a contains the edit")
	require.False(t, eroot.NamedChild(2).HasChanges(), "func b lies after the edit")
	require.Equal(t, uint(29), eroot.NamedChild(2).StartByte())
	require.False(t, tree.RootNode().HasChanges(), "the original tree is untouched")

	newSrc := []byte("package main\n\nfunc abc() {}\n\nfunc b() {}\n")
	renamed, err := p.Parse(ctx, newSrc, old)
	require.NoError(t, err)
	defer renamed.Close()
	require.Equal(t, tree.RootNode().String(), renamed.RootNode().String())
	require.Equal(t, "abc", renamed.RootNode().NamedChild(1).ChildByFieldName("name").UTF8Text(newSrc))
	ranges, err := old.ChangedRanges(renamed)
	require.NoError(t, err)
	require.Empty(t, ranges, "a renamed identifier changes no node kinds")

	// Insert a function before b: the changed ranges cover it.
	ins := "func c(x int) {}\n\n"
	at := bytes.Index(newSrc, []byte("func b"))
	newSrc2, edit2 := textEdit{start: at, ins: []byte(ins)}.apply(newSrc)
	require.NoError(t, renamed.Edit(&edit2))
	withC, err := p.Parse(ctx, newSrc2, renamed)
	require.NoError(t, err)
	defer withC.Close()
	require.Equal(t, 4, int(withC.RootNode().NamedChildCount()))
	ranges, err = renamed.ChangedRanges(withC)
	require.NoError(t, err)
	require.NotEmpty(t, ranges)
	covered := func(b uint) bool {
		for _, r := range ranges {
			if r.StartByte <= b && b < r.EndByte {
				return true
			}
		}
		return false
	}
	for b := uint(at); b < uint(at+len(ins)-2); b++ {
		require.True(t, covered(b), "byte %d of the new function (%v)", b, ranges)
	}
	require.False(t, covered(uint(at-3)), "func abc did not change (%v)", ranges)
	require.NoError(t, checkChangedRanges(flattenTree(renamed), flattenTree(withC), ranges, newSrc2))

	// Errors.
	require.Error(t, old.Edit(&InputEdit{StartByte: 5, OldEndByte: 4, NewEndByte: 6}))
	require.Error(t, old.Edit(&InputEdit{StartByte: 5, OldEndByte: 6, NewEndByte: 4}))
	require.Error(t, old.Edit(nil))
	_, err = old.ChangedRanges(nil)
	require.Error(t, err)
	other := newTestEngine(t, WithPoolSize(1))
	foreign := mustParse(t, newTestParser(t, other, loadTestGrammar(t, other, "tree-sitter-go-0.25.0.wasm")), "package x\n")
	_, err = old.ChangedRanges(foreign)
	require.ErrorIs(t, err, ErrForeignObject)
	smacker := newTestParser(t, e, loadTestGrammar(t, e, "smacker-go.wasm"))
	require.Same(t, p.Store(), smacker.Store(), "a pool of one store")
	_, err = old.ChangedRanges(mustParse(t, smacker, string(newSrc)))
	require.Error(t, err, "trees of different languages")
	_, err = smacker.Parse(ctx, newSrc, old)
	require.Error(t, err, "an old tree of another language")
	closed := mustParse(t, p, "package y\n")
	require.NoError(t, closed.Close())
	_, err = old.ChangedRanges(closed)
	require.ErrorIs(t, err, ErrClosed)
	_, err = closed.ChangedRanges(old)
	require.ErrorIs(t, err, ErrClosed)
	require.ErrorIs(t, closed.Edit(&edit), ErrClosed)
	_, err = closed.IncludedRanges()
	require.ErrorIs(t, err, ErrClosed)
}
