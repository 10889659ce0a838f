package tswasm

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A callback that runs inside a wasm call and calls back into the same store
// gets an error instead of deadlocking; other goroutines still wait their turn.
func TestCallbackReentrancy(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	s, err := e.NewStore(ctx)
	require.NoError(t, err)
	defer s.Close()
	p, err := s.NewParser(ctx)
	require.NoError(t, err)
	defer p.Close()
	require.NoError(t, p.SetLanguage(ctx, lang))
	other, err := s.NewParser(ctx)
	require.NoError(t, err)
	defer other.Close()
	require.NoError(t, other.SetLanguage(ctx, lang))
	tree := mustParse(t, p, goSnippet)
	want := tree.RootNode().String()

	var once sync.Once
	var inner error
	var innerRoot Node
	src := []byte(goSnippet)
	got, err := p.ParseWith(ctx, func(off uint, _ Point) []byte {
		once.Do(func() {
			_, inner = other.Parse(ctx, src, nil)
			innerRoot = tree.RootNode()
		})
		if off >= uint(len(src)) {
			return nil
		}
		return src[off:]
	}, nil)
	require.NoError(t, err)
	defer got.Close()
	assert.ErrorIs(t, inner, ErrReentrant)
	assert.True(t, innerRoot.IsZero())
	assert.Equal(t, want, got.RootNode().String(), "the outer parse is unaffected")

	// Another goroutine that needs the store during a callback waits.
	var once2 sync.Once
	started := make(chan struct{})
	done := make(chan error, 1)
	p.SetLogger(func(LogType, string) {
		once2.Do(func() {
			go func() {
				close(started)
				tr, err := other.Parse(ctx, src, nil)
				if err == nil {
					err = tr.Close()
				}
				done <- err
			}()
			<-started
		})
	})
	tr2, err := p.Parse(ctx, src, nil)
	require.NoError(t, err)
	require.NoError(t, tr2.Close())
	assert.NoError(t, <-done)
}
