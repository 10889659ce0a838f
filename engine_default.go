// engine_default.go: the process-wide default Engine, the on-disk compile cache every engine uses unless told not to, and NewParser for a language.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/tetratelabs/wazero"
)

// CacheDirEnv is the environment variable that sets the on-disk compile
// cache's directory for engines created without WithCompilationCacheDir or
// WithoutCompilationCache: a path, or "off" to disable the cache. The
// tswasm command line reads the same variable.
const CacheDirEnv = "TSWASM_CACHE_DIR"

// errZeroEngine is returned by the methods of an Engine that was not made by
// NewEngine or DefaultEngine.
var errZeroEngine = fmt.Errorf("tswasm: Engine not created by NewEngine or DefaultEngine: %w", ErrClosed)

// WithoutCompilationCache keeps compiled code in memory only: the engine
// neither reads nor writes the on-disk cache.
func WithoutCompilationCache() Option { return func(c *engineConfig) { c.cacheOff = true } }

// DefaultCacheDir returns the directory engines keep compiled code in by
// default: $TSWASM_CACHE_DIR if set, else os.UserCacheDir()/tswasm/wazero
// (the directory the tswasm command uses too). It returns "" when the cache
// is off (TSWASM_CACHE_DIR=off) or there is no user cache directory.
func DefaultCacheDir() string {
	switch dir := os.Getenv(CacheDirEnv); dir {
	case "off":
		return ""
	case "":
	default:
		return dir
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "tswasm", "wazero")
}

// openCache opens the configured on-disk cache. It never fails: when the
// directory cannot be used it returns nil and says why in note, and the
// engine compiles in memory.
func (c *engineConfig) openCache() (cache wazero.CompilationCache, dir, note string) {
	switch {
	case c.cacheOff:
		return nil, "", "off (WithoutCompilationCache)"
	case c.cacheDir != "":
		dir = c.cacheDir
	default:
		dir = DefaultCacheDir()
		if dir == "" {
			return nil, "", "off (" + CacheDirEnv + "=off or no user cache directory)"
		}
	}
	if err := checkWritableDir(dir); err != nil {
		return nil, "", fmt.Sprintf("off: %s is not usable (%v); compiling in memory", dir, err)
	}
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil, "", fmt.Sprintf("off: %v; compiling in memory", err)
	}
	return cache, dir, ""
}

// checkWritableDir creates dir if needed and checks a file can be written
// in it.
func checkWritableDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	err = f.Close()
	return errors.Join(err, os.Remove(name))
}

var defaultEngine struct {
	mu sync.Mutex
	e  *Engine
}

// DefaultEngine returns the process-wide Engine, creating it on first use
// with the default options: a pool of GOMAXPROCS stores and the on-disk
// compile cache (see DefaultCacheDir; EngineStats.CacheDir tells whether it
// is in use). The bundled language packages use it when given a nil engine,
// and so does NewParser. If it was closed, the next call creates a new one.
// Programs that want other settings create their own with NewEngine.
func DefaultEngine() (*Engine, error) {
	defaultEngine.mu.Lock()
	defer defaultEngine.mu.Unlock()
	if e := defaultEngine.e; e != nil && !e.Stats().Closed {
		return e, nil
	}
	e, err := NewEngine(context.Background())
	if err != nil {
		return nil, err
	}
	defaultEngine.e = e
	return e, nil
}

// NewParser returns a parser for lang, on a pooled store of lang's engine
// (the default engine for bundled languages loaded with a nil engine).
func NewParser(ctx context.Context, lang *Language) (*Parser, error) {
	if lang == nil || lang.engine == nil {
		return nil, errors.New("tswasm: NewParser: nil Language")
	}
	p, err := lang.engine.NewParser(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.SetLanguage(ctx, lang); err != nil {
		_ = p.Close()
		return nil, err
	}
	return p, nil
}

// usable returns an error for a nil or zero Engine.
func (e *Engine) usable() error {
	if e == nil || e.rt == nil {
		return errZeroEngine
	}
	return nil
}
