// The process-wide tswasm Engine that every DoFn of a worker shares.
package tsbeam

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/tswasm/tswasm"
)

// engineKey is the part of Options that shapes an Engine.
type engineKey struct {
	cacheDir    string
	memoryLimit uint64
}

var engines = struct {
	mu sync.Mutex
	m  map[engineKey]*tswasm.Engine
}{m: map[engineKey]*tswasm.Engine{}}

// cacheDir resolves Options.CacheDir: "" means $TSWASM_CACHE_DIR or the user
// cache directory's tswasm/wazero, the same place the tswasm command uses.
func cacheDir(dir string) string {
	if dir == "" {
		dir = os.Getenv("TSWASM_CACHE_DIR")
	}
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "tswasm", "wazero")
		}
	}
	if dir == "off" {
		return ""
	}
	return dir
}

// sharedEngine returns the worker process's Engine for o, creating it on
// first use. Engines live as long as the process: a Beam worker runs many
// bundles, and compiling the runtime and grammars once is the point. A
// cache directory that cannot be used falls back to no cache.
func sharedEngine(ctx context.Context, o Options) (*tswasm.Engine, error) {
	k := engineKey{cacheDir(o.CacheDir), o.MemoryLimit}
	engines.mu.Lock()
	defer engines.mu.Unlock()
	if e := engines.m[k]; e != nil && !e.Stats().Closed {
		return e, nil
	}
	var base []tswasm.Option
	if k.memoryLimit > 0 {
		base = append(base, tswasm.WithMemoryLimit(k.memoryLimit))
	}
	// The engine outlives the bundle whose context creates it.
	ctx = context.WithoutCancel(ctx)
	var e *tswasm.Engine
	err := errors.New("no cache")
	if k.cacheDir != "" {
		if err = os.MkdirAll(k.cacheDir, 0o755); err == nil {
			e, err = tswasm.NewEngine(ctx, append(base, tswasm.WithCompilationCacheDir(k.cacheDir))...)
		}
	}
	if err != nil {
		if e, err = tswasm.NewEngine(ctx, base...); err != nil {
			return nil, fmt.Errorf("tsbeam: creating the engine: %w", err)
		}
	}
	engines.m[k] = e
	return e, nil
}
