// guard_test.go: tests of ErrConcurrentUse on Parser, QueryCursor and TreeCursor.
package tswasm

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParserRefusesOverlappingCalls stops a parse inside its read callback
// and calls the parser from another goroutine meanwhile.
func TestParserRefusesOverlappingCalls(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	p := newTestParser(t, e, lang)

	inRead, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	done := make(chan error, 1)
	go func() {
		src := []byte(`[1, 2, 3]`)
		tree, err := p.ParseWith(ctx, func(off uint, _ Point) []byte {
			once.Do(func() { close(inRead); <-release })
			if off >= uint(len(src)) {
				return nil
			}
			return src[off:]
		}, nil)
		if err == nil {
			err = tree.Close()
		}
		done <- err
	}()
	<-inRead
	assert.ErrorIs(t, p.SetLanguage(ctx, lang), ErrConcurrentUse)
	_, err := p.Parse(ctx, []byte("[]"), nil)
	assert.ErrorIs(t, err, ErrConcurrentUse)
	assert.ErrorIs(t, p.Reset(), ErrConcurrentUse)
	assert.ErrorIs(t, p.SetEncoding(InputEncodingUTF8), ErrConcurrentUse)
	assert.ErrorIs(t, p.SetIncludedRanges(ctx, nil), ErrConcurrentUse)
	assert.Same(t, lang, p.Language(), "Language is readable during a parse")
	close(release)
	require.NoError(t, <-done, "the first parse is unaffected")

	// Free again: everything works.
	require.NoError(t, p.SetLanguage(ctx, lang))
	tree := mustParse(t, p, "[1]")
	assert.Equal(t, "(document (array (number)))", tree.RootNode().String())
}

// TestQueryCursorRefusesOverlap marks the cursor busy as a call on another
// goroutine would, and checks that iterations and setters are refused and
// reported, then work once it is free.
func TestQueryCursorRefusesOverlap(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	p := newTestParser(t, e, lang)
	src := "[1, 2, 3]"
	tree := mustParse(t, p, src)
	q, err := NewQuery(ctx, lang, "(number) @n")
	require.NoError(t, err)
	defer q.Close()
	qc := NewQueryCursor()
	defer qc.Close()

	require.True(t, qc.use.enter()) // another goroutine is inside a call
	n := 0
	var last error
	for m, err := range qc.Matches(ctx, q, tree.RootNode(), []byte(src)) {
		if err != nil {
			last = err
			continue
		}
		_ = m
		n++
	}
	assert.Zero(t, n)
	assert.ErrorIs(t, last, ErrConcurrentUse)
	qc.SetMatchLimit(5)
	qc.use.exit()
	assert.NotEqual(t, uint(5), qc.MatchLimit(), "a refused setter changes nothing")
	qc.use.enter()
	qc.use.exit()

	last = nil
	for _, err := range qc.Matches(ctx, q, tree.RootNode(), []byte(src)) {
		if err != nil {
			last = err
			continue
		}
		n++
	}
	assert.Equal(t, 3, n)
	assert.NoError(t, last)

	// A new iteration started from the loop body (same goroutine) ends the
	// outer one, and the outer loop is told so with an error element.
	outer, inner := 0, 0
	var outerErr, innerErr error
	for _, err := range qc.Matches(ctx, q, tree.RootNode(), []byte(src)) {
		if err != nil {
			outerErr = err
			continue
		}
		outer++
		for _, err := range qc.Matches(ctx, q, tree.RootNode(), []byte(src)) {
			if err != nil {
				innerErr = err
				continue
			}
			inner++
		}
	}
	assert.Equal(t, 1, outer)
	assert.Equal(t, 3, inner)
	assert.NoError(t, innerErr)
	assert.Error(t, outerErr)

	// Another goroutine taking the cursor while the loop body runs stops
	// this iteration with ErrConcurrentUse.
	outer = 0
	last = nil
	for _, err := range qc.Matches(ctx, q, tree.RootNode(), []byte(src)) {
		if err != nil {
			last = err
			continue
		}
		outer++
		ch := make(chan struct{})
		go func() { qc.use.enter(); close(ch) }()
		<-ch
	}
	assert.Equal(t, 1, outer)
	assert.ErrorIs(t, last, ErrConcurrentUse)
	qc.use.exit()
}

// TestTreeCursorRefusesOverlap: a busy cursor refuses moves and reports it.
func TestTreeCursorRefusesOverlap(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, "[1, 2]")
	c := tree.Walk()
	defer c.Close()
	require.NoError(t, c.Err())
	require.True(t, c.use.enter())
	assert.False(t, c.GotoFirstChild())
	assert.True(t, c.Node().IsZero())
	assert.ErrorIs(t, c.Close(), ErrConcurrentUse)
	assert.ErrorIs(t, c.Err(), ErrConcurrentUse)
	c.use.exit()
	assert.True(t, c.GotoFirstChild())
	assert.Equal(t, "array", c.Node().Kind())
	c.Reset(tree.RootNode())
	assert.NoError(t, c.Err(), "Reset clears the report")
}

// TestConcurrentMisuseIsRaceFree runs the misuse from real goroutines: run
// it under -race. Every call succeeds or fails with ErrConcurrentUse.
func TestConcurrentMisuseIsRaceFree(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	p := newTestParser(t, e, lang)
	src := "[1, [2, 3], {\"a\": 4}]"
	tree := mustParse(t, p, src)
	q, err := NewQuery(ctx, lang, "(number) @n")
	require.NoError(t, err)
	defer q.Close()
	qc := NewQueryCursor()
	defer qc.Close()
	c := tree.Walk()
	ok := func(err error) bool { return err == nil || errors.Is(err, ErrConcurrentUse) }
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []error
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				var err error
				switch (g + i) % 4 {
				case 0:
					err = p.SetLanguage(ctx, lang)
				case 1:
					var tr *Tree
					if tr, err = p.Parse(ctx, []byte(src), nil); err == nil {
						err = tr.Close()
					}
				case 2:
					qc.SetByteRange(0, uint(len(src)))
					for _, e := range qc.Matches(ctx, q, tree.RootNode(), []byte(src)) {
						if e != nil {
							err = e
						}
					}
				case 3:
					c.GotoFirstChild()
					c.GotoNextSibling()
					_ = c.Node()
					c.Reset(tree.RootNode())
					err = c.Err()
				}
				if !ok(err) {
					mu.Lock()
					bad = append(bad, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	assert.Empty(t, bad)
}

// TestTreeCursorDepthLimitIsReported lowers the cursor's depth limit and
// checks that the refused descent is reported, not silent.
func TestTreeCursorDepthLimitIsReported(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, "[[[[[[1]]]]]]")
	old := maxCursorDepth
	maxCursorDepth = 4
	defer func() { maxCursorDepth = old }()
	c := tree.Walk()
	defer c.Close()
	descend := func() int {
		d := 0
		for c.GotoFirstChild() {
			d++
			for c.Node().Kind() == "[" && c.GotoNextSibling() {
			}
		}
		return d
	}
	assert.Less(t, descend(), 7)
	assert.ErrorIs(t, c.Err(), ErrCursorDepth)
	assert.ErrorIs(t, c.Copy().Err(), ErrCursorDepth)
	c.Reset(tree.RootNode())
	assert.NoError(t, c.Err())
	maxCursorDepth = old
	assert.Equal(t, 7, descend(), "document, 6 arrays, number")
	assert.NoError(t, c.Err())
}
