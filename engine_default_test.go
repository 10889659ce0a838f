// engine_default_test.go: the default engine, the default on-disk cache and its opt-outs, and the zero Engine.
package tswasm

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestZeroEngineReturnsErrors(t *testing.T) {
	ctx := context.Background()
	var e Engine
	_, err := e.NewParser(ctx)
	require.ErrorIs(t, err, ErrClosed)
	_, err = e.NewStore(ctx)
	require.ErrorIs(t, err, ErrClosed)
	_, err = e.LoadLanguage(ctx, []byte("\x00asm"), "")
	require.ErrorIs(t, err, ErrClosed)
	require.NoError(t, e.Close())
	_ = e.Stats()
	var nilEngine *Engine
	_, err = nilEngine.NewParser(ctx)
	require.ErrorIs(t, err, ErrClosed)
	_, err = NewParser(ctx, nil)
	require.Error(t, err)
}

func TestEngineCacheDefaults(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	t.Setenv(CacheDirEnv, dir)
	require.Equal(t, dir, DefaultCacheDir())
	e, err := NewEngine(ctx)
	require.NoError(t, err)
	assert.Equal(t, dir, e.Stats().CacheDir, "the on-disk cache is on by default")
	require.NoError(t, e.Close())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.NotEmpty(t, entries)

	e, err = NewEngine(ctx, WithoutCompilationCache())
	require.NoError(t, err)
	assert.Empty(t, e.Stats().CacheDir)
	assert.Contains(t, e.Stats().CacheNote, "WithoutCompilationCache")
	require.NoError(t, e.Close())

	t.Setenv(CacheDirEnv, "off")
	require.Empty(t, DefaultCacheDir())
	e, err = NewEngine(ctx)
	require.NoError(t, err)
	assert.Empty(t, e.Stats().CacheDir)
	assert.Contains(t, e.Stats().CacheNote, CacheDirEnv)
	require.NoError(t, e.Close())

	if runtime.GOOS != "windows" && os.Geteuid() != 0 {
		ro := filepath.Join(t.TempDir(), "ro")
		require.NoError(t, os.Mkdir(ro, 0o555))
		t.Setenv(CacheDirEnv, ro)
		e, err = NewEngine(ctx)
		require.NoError(t, err, "an unwritable cache falls back quietly")
		assert.Empty(t, e.Stats().CacheDir)
		assert.Contains(t, e.Stats().CacheNote, "not usable")
		require.NoError(t, e.Close())
	}
}

func TestDefaultEngineAndNewParser(t *testing.T) {
	ctx := context.Background()
	e1, err := DefaultEngine()
	require.NoError(t, err)
	e2, err := DefaultEngine()
	require.NoError(t, err)
	require.Same(t, e1, e2)

	lang := loadTestGrammar(t, e1, "tree-sitter-go-0.25.0.wasm")
	p, err := NewParser(ctx, lang)
	require.NoError(t, err)
	defer p.Close()
	require.Same(t, lang, p.Language())
	tree := mustParse(t, p, goSnippet)
	require.False(t, tree.RootNode().HasError())

	// A closed default engine is replaced on the next call.
	require.NoError(t, e1.Close())
	e3, err := DefaultEngine()
	require.NoError(t, err)
	require.NotSame(t, e1, e3)
	require.False(t, e3.Stats().Closed)
}
