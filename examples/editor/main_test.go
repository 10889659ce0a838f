// Runs editor on a stream of edits to a real Go file and checks each
// reparse and each set of changed ranges against fresh parses.
package main

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// randomEdit picks an edit of src that keeps it valid Go: rename an
// identifier, change a number, insert a comment before a token, insert a
// statement at the top of a function body, or delete a function.
func randomEdit(t *testing.T, r *rand.Rand, src []byte) edit {
	t.Helper()
	fset := token.NewFileSet()
	file := fset.AddFile("x.go", -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	var idents, ints, toks []int
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		switch {
		case tok == token.IDENT:
			idents = append(idents, off)
		case tok == token.INT && !strings.HasPrefix(lit, "0"):
			ints = append(ints, off)
		}
		if lit != "\n" { // not an automatic semicolon
			toks = append(toks, off)
		}
	}
	tokenLen := func(off int) int {
		n := off
		for n < len(src) && (src[n] == '_' || src[n] >= '0' && src[n] <= '9' || src[n] >= 'a' && src[n] <= 'z' || src[n] >= 'A' && src[n] <= 'Z') {
			n++
		}
		return n - off
	}
	for {
		switch r.IntN(5) {
		case 0:
			off := idents[r.IntN(len(idents))]
			n := tokenLen(off)
			if src[off] == '_' && n == 1 {
				continue
			}
			return edit{off, n, string(src[off:off+n]) + "X"}
		case 1:
			if len(ints) == 0 {
				continue
			}
			off := ints[r.IntN(len(ints))]
			return edit{off, tokenLen(off), strconv.Itoa(r.IntN(1000) + 1)}
		case 2:
			return edit{toks[r.IntN(len(toks))], 0, "/* note */ "}
		case 3, 4:
			f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
			require.NoError(t, err)
			var funcs []*ast.FuncDecl
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					funcs = append(funcs, fd)
				}
			}
			if len(funcs) < 3 {
				continue
			}
			fd := funcs[r.IntN(len(funcs))]
			base := int(f.FileStart)
			if r.IntN(2) == 0 {
				return edit{int(fd.Body.Lbrace) - base + 1, 0, "\n\t_ = 0\n"}
			}
			start := int(fd.Pos()) - base
			if fd.Doc != nil {
				start = int(fd.Doc.Pos()) - base
			}
			return edit{start, int(fd.End()) - base - start, ""}
		}
	}
}

// flatNode is one node of a tree in pre-order, with its parent's index.
type flatNode struct {
	kind       string
	start, end uint
	parent     int
}

// flatten walks tree with a cursor.
func flatten(t *testing.T, tree *tswasm.Tree) []flatNode {
	c := tree.Walk()
	defer c.Close()
	var out []flatNode
	stack := []int{-1}
	for {
		n := c.Node()
		out = append(out, flatNode{n.Kind(), n.StartByte(), n.EndByte(), stack[len(stack)-1]})
		if c.GotoFirstChild() {
			stack = append(stack, len(out)-1)
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return out
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// kindChains gives, for each byte, the kinds of the nodes containing it,
// from the root down: tree-sitter guarantees that every byte whose chain
// differs between the edited old tree and the new tree is inside a
// changed range.
func kindChains(nodes []flatNode) []string {
	deepest := make([]int, nodes[0].end)
	for i := range deepest {
		deepest[i] = -1
	}
	for i, n := range nodes { // pre-order: descendants overwrite ancestors
		for b := n.start; b < n.end && b < uint(len(deepest)); b++ {
			deepest[b] = i
		}
	}
	chains := make([]string, len(deepest))
	for b, i := range deepest {
		var kinds []string
		for ; i >= 0; i = nodes[i].parent {
			kinds = append(kinds, nodes[i].kind)
		}
		chains[b] = strings.Join(kinds, "<")
	}
	return chains
}

// rangeLine matches editor's "  changed R:C-R:C bytes A-B" lines.
var rangeLine = regexp.MustCompile(`^  changed (\d+):(\d+)-(\d+):(\d+) bytes (\d+)-(\d+)$`)

// editorStep is what editor printed for one edit.
type editorStep struct {
	ranges [][6]uint // start row, col, end row, col (1-based), start, end byte
	sexp   string
}

func parseOutput(t *testing.T, out string) (steps []editorStep, final string) {
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "edit "):
			steps = append(steps, editorStep{})
		case strings.HasPrefix(line, "  sexp "):
			steps[len(steps)-1].sexp = strings.TrimPrefix(line, "  sexp ")
		case strings.HasPrefix(line, "final: "):
			final = line
		default:
			m := rangeLine.FindStringSubmatch(line)
			require.NotNil(t, m, "unexpected line %q", line)
			var r [6]uint
			for i := range r {
				v, err := strconv.ParseUint(m[i+1], 10, 64)
				require.NoError(t, err)
				r[i] = uint(v)
			}
			steps[len(steps)-1].ranges = append(steps[len(steps)-1].ranges, r)
		}
	}
	return steps, final
}

// TestEditorChangedRanges feeds editor 40 random edits of strings/builder.go
// and checks, for every edit, that its incremental tree equals a fresh
// parse of the edited text (made here, independently), and that its changed
// ranges are ordered, match the text's points, and cover every byte whose
// chain of node kinds changed.
func TestEditorChangedRanges(t *testing.T) {
	path := filepath.Join(runtime.GOROOT(), "src", "strings", "builder.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no Go source tree: %v", err)
	}
	t.Setenv("TSWASM_CACHE_DIR", t.TempDir())
	const nEdits = 40
	r := rand.New(rand.NewPCG(7, 11))
	var script strings.Builder
	texts := [][]byte{src}
	var edits []edit
	for range nEdits {
		cur := texts[len(texts)-1]
		e := randomEdit(t, r, cur)
		next := bytes.Join([][]byte{cur[:e.off], []byte(e.text), cur[e.off+e.del:]}, nil)
		_, err := parser.ParseFile(token.NewFileSet(), "", next, parser.SkipObjectResolution)
		require.NoError(t, err, "edit %+v must keep the file valid", e)
		fmt.Fprintf(&script, "%d %d %q\n", e.off, e.del, e.text)
		edits = append(edits, e)
		texts = append(texts, next)
	}

	var out bytes.Buffer
	ctx := context.Background()
	require.NoError(t, run(ctx, path, strings.NewReader(script.String()), &out, true))
	steps, final := parseOutput(t, out.String())
	require.Len(t, steps, nEdits)
	last := texts[len(texts)-1]
	require.Equal(t, fmt.Sprintf("final: %d bytes, errors: false", len(last)), final)

	engine, err := tswasm.NewEngine(ctx)
	require.NoError(t, err)
	defer engine.Close()
	lang, err := golang.Language(ctx, engine)
	require.NoError(t, err)
	p, err := engine.NewParser(ctx)
	require.NoError(t, err)
	defer p.Close()
	require.NoError(t, p.SetLanguage(ctx, lang))
	fresh := func(text []byte) *tswasm.Tree {
		tree, err := p.Parse(ctx, text, nil)
		require.NoError(t, err)
		return tree
	}
	prev := fresh(src)
	differing, withRanges := 0, 0
	for i, e := range edits {
		oldText, newText := texts[i], texts[i+1]
		next := fresh(newText)
		require.Equal(t, next.RootNode().ToSexp(), steps[i].sexp, "edit %d: incremental tree differs from a fresh parse", i+1)

		// The old tree, edited as editor edits its own (points computed here).
		old, err := prev.Clone()
		require.NoError(t, err)
		point := func(text []byte, off int) tswasm.Point {
			row, col := 0, 0
			for _, b := range text[:off] {
				if col++; b == '\n' {
					row, col = row+1, 0
				}
			}
			return tswasm.Point{Row: uint(row), Column: uint(col)}
		}
		require.NoError(t, old.Edit(&tswasm.InputEdit{
			StartByte: uint(e.off), OldEndByte: uint(e.off + e.del), NewEndByte: uint(e.off + len(e.text)),
			StartPosition: point(oldText, e.off), OldEndPosition: point(oldText, e.off+e.del), NewEndPosition: point(newText, e.off+len(e.text)),
		}))
		oldChains, newChains := kindChains(flatten(t, old)), kindChains(flatten(t, next))
		require.NoError(t, old.Close())

		var prevEnd uint
		for _, rg := range steps[i].ranges {
			require.LessOrEqual(t, prevEnd, rg[4], "edit %d: ranges out of order", i+1)
			require.LessOrEqual(t, rg[4], rg[5])
			require.LessOrEqual(t, rg[5], uint(len(newText)))
			sp, ep := point(newText, int(rg[4])), point(newText, int(rg[5]))
			require.Equal(t, [4]uint{sp.Row + 1, sp.Column + 1, ep.Row + 1, ep.Column + 1}, [4]uint(rg[:4]), "edit %d: points of %v", i+1, rg)
			prevEnd = rg[5]
		}
		for b := range max(len(oldChains), len(newChains)) {
			if b < len(oldChains) && b < len(newChains) && oldChains[b] == newChains[b] {
				continue
			}
			differing++
			covered := false
			for _, rg := range steps[i].ranges {
				covered = covered || (rg[4] <= uint(b) && uint(b) < rg[5])
			}
			require.True(t, covered, "edit %d (%+v): byte %d changed from %s to %s but no changed range covers it (ranges %v)",
				i+1, e, b, at(oldChains, b), at(newChains, b), steps[i].ranges)
		}
		if len(steps[i].ranges) > 0 {
			withRanges++
		}
		require.NoError(t, prev.Close())
		prev = next
	}
	require.NoError(t, prev.Close())
	require.Positive(t, differing, "the edits changed the syntax somewhere")
	require.Greater(t, withRanges, nEdits/4)
	t.Logf("%d edits: every incremental tree equals a fresh parse; %d bytes changed kind chains, all inside changed ranges; %d edits had changed ranges",
		nEdits, differing, withRanges)
}

func at(chains []string, b int) string {
	if b < len(chains) {
		return "[" + chains[b] + "]"
	}
	return "<none>"
}
