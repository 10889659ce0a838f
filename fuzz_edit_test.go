// FuzzEdit: random edit sequences, reparsed incrementally, agree with fresh parses (tree-sitter's fuzz idea).
package tswasm_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/tswasm/tswasm"
)

// FuzzEdit parses src with the grammar picked by lang, then applies a
// sequence of random edits (seeded by seed) and reparses incrementally
// after each. Wherever the fresh parse of the new text has no error, the
// incremental tree must equal it node for node; the changed ranges must be
// ordered, disjoint, inside the text, and every sampled byte outside them
// must have the same ancestor kinds in the old and the new tree; undoing
// every edit must give the original tree back; and closing everything must
// bring the engine's live stores back to where they were.
func FuzzEdit(f *testing.F) {
	for i, s := range fuzzSpecs(f) {
		f.Add(snippet(s.dir), fuzzLangIndex(f, s.name), uint64(i+1))
	}
	f.Fuzz(func(t *testing.T, src []byte, lang uint8, seed uint64) {
		if len(src) > 16<<10 {
			return
		}
		spec, l := fuzzLanguage(t, lang)
		e := fuzzEngine(t)
		live := e.Stats().LiveStores
		withDeadline("edit "+spec.Name, src, func(ctx context.Context) {
			s, err := e.NewStore(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			p, err := s.NewParser(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.SetLanguage(ctx, l); err != nil {
				t.Fatal(err)
			}
			ed := &editFuzz{t: t, ctx: ctx, p: p, rng: rand.New(rand.NewPCG(seed, uint64(len(src))))}
			ed.run(src)
		})
		if got := e.Stats().LiveStores; got != live {
			t.Fatalf("live stores %d after the input, %d before: a leak", got, live)
		}
	})
}

type editFuzz struct {
	t    *testing.T
	ctx  context.Context
	p    *tswasm.Parser
	rng  *rand.Rand
	stop bool // a parse stopped at its deadline: give up on this input
}

// parse parses text (incrementally from old when not nil).
func (f *editFuzz) parse(text []byte, old *tswasm.Tree) *tswasm.Tree {
	tree, err := f.p.Parse(f.ctx, text, old)
	if err != nil {
		if isStop(err) {
			noteSlow("edit parse", text, err)
			f.stop = true
			return nil
		}
		f.t.Fatalf("parse: %v", err)
	}
	return tree
}

func (f *editFuzz) run(src []byte) {
	orig := f.parse(src, nil)
	if orig == nil {
		return
	}
	defer orig.Close()
	text := append([]byte(nil), src...)
	tree, err := orig.Clone()
	if err != nil {
		f.t.Fatal(err)
	}
	type undo struct {
		start   int
		removed []byte
		added   int
	}
	var undos []undo
	steps := 1 + f.rng.IntN(5)
	for range steps {
		start := f.rng.IntN(len(text) + 1)
		end := start + f.rng.IntN(min(len(text)-start, 10)+1)
		ins := f.insertion(src)
		undos = append(undos, undo{start, append([]byte(nil), text[start:end]...), len(ins)})
		text, tree = f.step(text, tree, start, end, ins)
		if f.stop {
			return
		}
	}
	// Undo in reverse order: the text and tree must come back.
	for i := len(undos) - 1; i >= 0; i-- {
		u := undos[i]
		text, tree = f.step(text, tree, u.start, u.start+u.added, u.removed)
		if f.stop {
			return
		}
	}
	defer tree.Close()
	if string(text) != string(src) {
		f.t.Fatalf("undo left %q, want %q", text, src)
	}
	if !orig.RootNode().HasError() {
		sameTree(f.t, "after undoing every edit", tree, orig)
	}
}

// insertion returns bytes to insert: a slice of the original source (as
// tree-sitter's fuzz does) or a few random printable bytes.
func (f *editFuzz) insertion(src []byte) []byte {
	if len(src) > 0 && f.rng.IntN(3) > 0 {
		a := f.rng.IntN(len(src))
		return append([]byte(nil), src[a:a+f.rng.IntN(min(len(src)-a, 20)+1)]...)
	}
	b := make([]byte, f.rng.IntN(4))
	for i := range b {
		b[i] = " \n{}()[];,.:=\"'abc0123"[f.rng.IntN(22)]
	}
	return b
}

// step replaces text[start:end] with ins, edits and reparses tree, checks
// it against a fresh parse, and returns the new text and tree (the old
// tree is closed).
func (f *editFuzz) step(text []byte, tree *tswasm.Tree, start, end int, ins []byte) ([]byte, *tswasm.Tree) {
	t := f.t
	oldLines := newLineIndex(text)
	next := append(append(append([]byte(nil), text[:start]...), ins...), text[end:]...)
	newLines := newLineIndex(next)
	edit := &tswasm.InputEdit{
		StartByte: uint(start), OldEndByte: uint(end), NewEndByte: uint(start + len(ins)),
		StartPosition: oldLines.point(uint(start)), OldEndPosition: oldLines.point(uint(end)),
		NewEndPosition: newLines.point(uint(start + len(ins))),
	}
	if err := tree.Edit(edit); err != nil {
		t.Fatalf("edit %+v: %v", edit, err)
	}
	inc := f.parse(next, tree)
	if inc == nil {
		tree.Close()
		return next, nil
	}
	fresh := f.parse(next, nil)
	if fresh == nil {
		tree.Close()
		inc.Close()
		return next, nil
	}
	defer fresh.Close()
	checkTree(t, inc, next)
	if !fresh.RootNode().HasError() {
		sameTree(t, "incremental vs fresh", inc, fresh)
	}
	ranges, err := tree.ChangedRanges(inc)
	if err != nil {
		t.Fatalf("changed ranges: %v", err)
	}
	checkChangedRanges(t, tree, inc, next, newLines, ranges, f.rng)
	tree.Close()
	return next, inc
}

// sameTree compares two trees node for node (kind, range, flags).
func sameTree(t *testing.T, what string, a, b *tswasm.Tree) {
	t.Helper()
	ca, cb := a.Walk(), b.Walk()
	defer ca.Close()
	defer cb.Close()
	for {
		na, nb := ca.Node(), cb.Node()
		if na.KindID() != nb.KindID() || na.StartByte() != nb.StartByte() || na.EndByte() != nb.EndByte() ||
			na.IsMissing() != nb.IsMissing() || na.IsExtra() != nb.IsExtra() || na.ChildCount() != nb.ChildCount() ||
			ca.FieldID() != cb.FieldID() {
			t.Fatalf("%s: %s [%d,%d] %d children vs %s [%d,%d] %d children", what,
				na.Kind(), na.StartByte(), na.EndByte(), na.ChildCount(), nb.Kind(), nb.StartByte(), nb.EndByte(), nb.ChildCount())
		}
		if ca.GotoFirstChild() {
			cb.GotoFirstChild()
			continue
		}
		for !ca.GotoNextSibling() {
			cb.GotoParent()
			if !ca.GotoParent() {
				return
			}
		}
		cb.GotoNextSibling()
	}
}

// checkChangedRanges checks the ranges' order and bounds, and samples bytes
// outside them: their ancestors must have the same kinds in both trees.
func checkChangedRanges(t *testing.T, old, cur *tswasm.Tree, text []byte, li lineIndex, ranges []tswasm.Range, rng *rand.Rand) {
	t.Helper()
	prev := uint(0)
	for i, r := range ranges {
		if r.StartByte < prev || r.EndByte < r.StartByte || r.EndByte > uint(len(text)) && r.EndByte != ^uint(0)>>32 {
			t.Fatalf("changed range %d [%d,%d] out of order or bounds (previous end %d, text %d bytes)", i, r.StartByte, r.EndByte, prev, len(text))
		}
		if r.StartPoint != li.point(r.StartByte) {
			t.Fatalf("changed range %d starts at byte %d = %v, says %v", i, r.StartByte, li.point(r.StartByte), r.StartPoint)
		}
		prev = r.EndByte
	}
	if old.RootNode().HasError() || cur.RootNode().HasError() || len(text) == 0 {
		return
	}
	inRanges := func(off uint) bool {
		for _, r := range ranges {
			if off >= r.StartByte && off < r.EndByte {
				return true
			}
		}
		return false
	}
	for range 20 {
		off := uint(rng.IntN(len(text)))
		if inRanges(off) {
			continue
		}
		a, b := kinds(old, off), kinds(cur, off)
		if a != b {
			t.Fatalf("byte %d is outside the changed ranges %v but its ancestors differ:\nold %s\nnew %s", off, ranges, a, b)
		}
	}
}

// kinds lists the kinds of the smallest node at off and its ancestors.
func kinds(tree *tswasm.Tree, off uint) string {
	s := ""
	for n := tree.RootNode().DescendantForByteRange(off, off+1); !n.IsZero(); n = n.Parent() {
		s += n.Kind() + " < "
	}
	return s
}
