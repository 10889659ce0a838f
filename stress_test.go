// Stress test (TSWASM_LONG=1, run under -race): 64 goroutines create, share, misuse and close every kind of object.
package tswasm

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stressShared is what the goroutines share: slots each holding a tree,
// a store or a query, swapped in and out under a mutex; an object taken out
// of a slot may still be in use by another goroutine when it is closed.
type stressShared struct {
	mu      sync.Mutex
	trees   [8]*Tree
	stores  [4]*Store
	queries [4]*Query
	lang    *Language
	src     [][]byte
	qsrc    string
	ops     atomic.Int64
	closedE atomic.Int64 // ErrClosed and friends: expected outcomes of misuse
}

// stressOK reports errors misuse may legitimately produce.
func stressOK(err error) bool {
	return err == nil || errors.Is(err, ErrClosed) || errors.Is(err, ErrForeignObject)
}

// TestStressSharedObjects runs 64 goroutines for a while (TSWASM_STRESS
// duration, default 20s) doing random operations on shared and private
// objects, including closing objects other goroutines are using and closing
// them twice. Under -race it must report no race; no operation may panic or
// return an unexpected error; after everything is closed and the engine
// with it, Stats shows no live store and a closed runtime.
func TestStressSharedObjects(t *testing.T) {
	longOnly(t)
	dur := 20 * time.Second
	if d, err := time.ParseDuration(os.Getenv("TSWASM_STRESS")); err == nil {
		dur = d
	}
	ctx := context.Background()
	e, err := NewEngine(ctx, WithPoolSize(3))
	require.NoError(t, err)
	l, err := e.LoadLanguageFile(ctx, filepath.Join("languages", "golang", "tree-sitter-go.wasm"), "")
	require.NoError(t, err)
	qsrc, err := os.ReadFile(filepath.Join("languages", "golang", "queries", "highlights.scm"))
	require.NoError(t, err)
	sh := &stressShared{lang: l, qsrc: string(qsrc)}
	for _, f := range []string{"snippet.go"} {
		b, err := os.ReadFile(filepath.Join("languages", "golang", "testdata", f))
		require.NoError(t, err)
		sh.src = append(sh.src, b, b[:len(b)/2], []byte("package p\nfunc f() { x := [](\n"))
	}
	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 11))
			for time.Now().Before(deadline) {
				stressOp(t, ctx, e, sh, rng)
				sh.ops.Add(1)
			}
		}()
	}
	wg.Wait()
	t.Logf("%d operations, %d expected ErrClosed/ErrForeignObject from misuse", sh.ops.Load(), sh.closedE.Load())
	sh.mu.Lock()
	for i := range sh.trees {
		if sh.trees[i] != nil {
			assert.NoError(t, sh.trees[i].Close())
		}
	}
	for i := range sh.stores {
		if sh.stores[i] != nil {
			assert.NoError(t, sh.stores[i].Close())
		}
	}
	for i := range sh.queries {
		if sh.queries[i] != nil {
			assert.NoError(t, sh.queries[i].Close())
		}
	}
	sh.mu.Unlock()
	require.NoError(t, e.Close())
	for range 50 { // forgotten objects are released by cleanups
		runtime.GC()
		if e.Stats().RuntimeClosed {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	st := e.Stats()
	assert.Zero(t, st.LiveStores, "every store released: %+v", st)
	assert.Zero(t, st.PooledStores)
	assert.True(t, st.RuntimeClosed, "the runtime closed once the last store went: %+v", st)
}

// check fails the test on an error misuse cannot explain.
func (sh *stressShared) check(t *testing.T, what string, err error) bool {
	if err == nil {
		return true
	}
	if stressOK(err) {
		sh.closedE.Add(1)
		return false
	}
	t.Errorf("%s: unexpected error %v", what, err)
	return false
}

// stressOp does one random operation.
func stressOp(t *testing.T, ctx context.Context, e *Engine, sh *stressShared, rng *rand.Rand) {
	src := sh.src[rng.IntN(len(sh.src))]
	switch op := rng.IntN(10); op {
	case 0, 1: // parse with a private parser from the pool or a shared store, publish the tree
		var p *Parser
		var err error
		sh.mu.Lock()
		s := sh.stores[rng.IntN(len(sh.stores))]
		sh.mu.Unlock()
		if s != nil && rng.IntN(2) == 0 {
			p, err = s.NewParser(ctx) // the store may be closed meanwhile
		} else {
			p, err = e.NewParser(ctx)
		}
		if !sh.check(t, "new parser", err) {
			return
		}
		defer func() { sh.check(t, "parser close", p.Close()) }()
		if !sh.check(t, "set language", p.SetLanguage(ctx, sh.lang)) {
			return
		}
		tree, err := p.Parse(ctx, src, nil)
		if !sh.check(t, "parse", err) {
			return
		}
		if rng.IntN(2) == 0 { // incremental reparse on a clone
			c, err := tree.Clone()
			if sh.check(t, "clone", err) {
				sh.check(t, "edit", c.Edit(&InputEdit{StartByte: 0, OldEndByte: 0, NewEndByte: 0}))
				t2, err := p.Parse(ctx, src, c)
				if sh.check(t, "reparse", err) {
					sh.check(t, "tree close", t2.Close())
				}
				sh.check(t, "clone close", c.Close())
			}
		}
		sh.mu.Lock()
		i := rng.IntN(len(sh.trees))
		old := sh.trees[i]
		sh.trees[i] = tree
		sh.mu.Unlock()
		if old != nil {
			sh.check(t, "tree close", old.Close()) // others may be walking it
		}
	case 2, 3: // walk a shared tree with a private cursor
		sh.mu.Lock()
		tree := sh.trees[rng.IntN(len(sh.trees))]
		sh.mu.Unlock()
		if tree == nil {
			return
		}
		c := tree.Walk()
		for n := 0; n < 200 && (c.GotoFirstChild() || c.GotoNextSibling()); n++ {
			_ = c.Node().Kind()
			_ = c.FieldName()
		}
		_ = c.Node().String()
		sh.check(t, "cursor close", c.Close())
		sh.check(t, "cursor double close", c.Close())
	case 4: // query a shared tree with a shared query
		sh.mu.Lock()
		tree := sh.trees[rng.IntN(len(sh.trees))]
		q := sh.queries[rng.IntN(len(sh.queries))]
		sh.mu.Unlock()
		if tree == nil || q == nil {
			return
		}
		root := tree.RootNode()
		if root.IsZero() { // closed by another goroutine: RootNode is the zero Node
			sh.closedE.Add(1)
			return
		}
		qc := NewQueryCursor()
		n := 0
		for range testIterCaptures(qc.Captures(ctx, q, root, src)) {
			if n++; n > 50 {
				break
			}
		}
		sh.check(t, "captures", qc.err)
		sh.check(t, "query cursor close", qc.Close())
	case 5: // replace a shared query
		q, err := NewQuery(ctx, sh.lang, sh.qsrc)
		if !sh.check(t, "new query", err) {
			return
		}
		sh.mu.Lock()
		i := rng.IntN(len(sh.queries))
		old := sh.queries[i]
		sh.queries[i] = q
		sh.mu.Unlock()
		if old != nil {
			sh.check(t, "query close", old.Close())
			sh.check(t, "query double close", old.Close())
		}
	case 6: // replace a shared store (parsers and trees on it keep it alive)
		s, err := e.NewStore(ctx)
		if !sh.check(t, "new store", err) {
			return
		}
		sh.mu.Lock()
		i := rng.IntN(len(sh.stores))
		old := sh.stores[i]
		sh.stores[i] = s
		sh.mu.Unlock()
		if old != nil {
			sh.check(t, "store close", old.Close())
			sh.check(t, "store double close", old.Close())
		}
	case 7: // misuse: use a shared tree after taking it out and closing it
		sh.mu.Lock()
		i := rng.IntN(len(sh.trees))
		tree := sh.trees[i]
		sh.trees[i] = nil
		sh.mu.Unlock()
		if tree == nil {
			return
		}
		sh.check(t, "tree close", tree.Close())
		sh.check(t, "tree double close", tree.Close())
		_ = tree.RootNode().Kind()
		_, err := tree.Clone()
		sh.check(t, "clone of closed tree", err)
	case 8: // misuse: a tree from one store as the old tree of a parser on another
		sh.mu.Lock()
		tree := sh.trees[rng.IntN(len(sh.trees))]
		s := sh.stores[rng.IntN(len(sh.stores))]
		sh.mu.Unlock()
		if tree == nil || s == nil {
			return
		}
		p, err := s.NewParser(ctx)
		if !sh.check(t, "new parser", err) {
			return
		}
		if sh.check(t, "set language", p.SetLanguage(ctx, sh.lang)) {
			t2, err := p.Parse(ctx, src, tree)
			if err == nil {
				sh.check(t, "tree close", t2.Close())
			} else if !errors.Is(err, ErrForeignObject) && !errors.Is(err, ErrClosed) {
				t.Errorf("old tree from another store: %v", err)
			}
		}
		sh.check(t, "parser close", p.Close())
	case 9: // drop a tree without closing it: the cleanup frees it
		p, err := e.NewParser(ctx)
		if !sh.check(t, "new parser", err) {
			return
		}
		if sh.check(t, "set language", p.SetLanguage(ctx, sh.lang)) {
			_, err := p.Parse(ctx, src, nil)
			sh.check(t, "parse", err)
		}
		if rng.IntN(4) == 0 {
			runtime.GC()
		}
		sh.check(t, "parser close", p.Close())
	}
}

// TestStressOneParserTwoGoroutines is the misuse issue 11 reported as a
// data race: SetLanguage and Parse on one Parser from two goroutines. The
// overlapping call now fails with ErrConcurrentUse (run it under -race).
func TestStressOneParserTwoGoroutines(t *testing.T) {
	longOnly(t)
	ctx := context.Background()
	e, err := NewEngine(ctx)
	require.NoError(t, err)
	defer e.Close()
	l, err := e.LoadLanguageFile(ctx, filepath.Join("languages", "golang", "tree-sitter-go.wasm"), "")
	require.NoError(t, err)
	p, err := e.NewParser(ctx)
	require.NoError(t, err)
	defer p.Close()
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if g == 0 {
					if err := p.SetLanguage(ctx, l); err != nil && !errors.Is(err, ErrConcurrentUse) {
						t.Errorf("SetLanguage: %v", err)
					}
					continue
				}
				tree, err := p.Parse(ctx, []byte("package p\n"), nil)
				if err == nil {
					_ = tree.Close()
				} else if !errors.Is(err, ErrConcurrentUse) && !errors.Is(err, ErrNoLanguage) {
					t.Errorf("Parse: %v", err)
				}
			}
		}()
	}
	wg.Wait()
}
