// wasmstore.go holds the Engine (the file keeps the design's name): one wazero runtime, the runtime
// module and each grammar compiled once, and the pool of Stores it hands out.
package tswasm

import (
	"context"
	"crypto/sha256"
	"fmt"
	"runtime"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/tswasm/tswasm/internal/link"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

// Engine owns one wazero runtime. It compiles the tree-sitter runtime module
// once and each distinct grammar once, and hands out Stores. An Engine is
// safe for concurrent use.
type Engine struct {
	rt       wazero.Runtime
	compiled wazero.CompiledModule
	cache    wazero.CompilationCache
	cacheDir string // where cache keeps compiled code, or ""
	cacheMsg string // why there is no on-disk cache
	poolSize int

	mu       sync.Mutex
	closed   bool
	refs     int // the user's reference plus one per live store
	pool     []*Store
	pending  int // pool stores being created
	grammars map[[32]byte]*grammar
	stats    engineStats
}

// engineStats counts what tests and Stats report.
type engineStats struct {
	storesCreated int
	storesFreed   int
	runtimeClosed bool
}

// EngineStats is a snapshot of an engine's resources.
type EngineStats struct {
	LiveStores    int  // stores not yet freed, pooled or not
	PooledStores  int  // stores in the engine's pool
	StoresCreated int  // stores created so far
	Grammars      int  // distinct grammars compiled
	Closed        bool // Close was called
	RuntimeClosed bool // the wazero runtime is gone: every store and tree was released

	// CacheDir is the on-disk compile cache's directory, or "" when the
	// engine compiles in memory only; CacheNote then says why (opted out, or
	// the directory was unusable).
	CacheDir  string
	CacheNote string
}

// Option configures an Engine.
type Option func(*engineConfig)

type engineConfig struct {
	poolSize    int
	memoryLimit uint64
	cacheDir    string
	cacheOff    bool
	interpreter bool
	closeOnDone bool
}

// WithPoolSize sets how many stores Engine.NewParser spreads parsers over.
// The default is GOMAXPROCS.
func WithPoolSize(n int) Option { return func(c *engineConfig) { c.poolSize = n } }

// WithMemoryLimit caps each store's wasm linear memory at bytes (rounded
// down to 64 KiB pages). A parse that needs more fails with an error
// wrapping ErrMemoryLimit.
func WithMemoryLimit(bytes uint64) Option { return func(c *engineConfig) { c.memoryLimit = bytes } }

// WithCompilationCacheDir keeps wazero's compiled code in dir, so that the
// next process that uses the same directory starts faster. Without it, an
// engine uses DefaultCacheDir; WithoutCompilationCache turns the cache off.
// A directory that cannot be written is not an error: the engine compiles
// in memory and says so in EngineStats.CacheNote.
func WithCompilationCacheDir(dir string) Option { return func(c *engineConfig) { c.cacheDir = dir } }

// WithCloseOnContextDone makes every wasm call stop when its context is
// done, even a grammar stuck in a loop inside its lexer or scanner, which
// tree-sitter's own cancellation (checked between parser operations) cannot
// reach. It costs speed: wazero then checks for termination in every loop,
// and parsing is several times slower. A call stopped this way leaves its
// store broken (ErrStoreBroken; the pool replaces it); the error wraps the
// context's error.
func WithCloseOnContextDone() Option { return func(c *engineConfig) { c.closeOnDone = true } }

// WithInterpreter forces wazero's interpreter even where its compiler is
// available. It is much slower; it exists for tests and unusual platforms.
func WithInterpreter() Option { return func(c *engineConfig) { c.interpreter = true } }

// NewEngine starts a wazero runtime and compiles the tree-sitter runtime
// module. Compiled code is kept on disk (see WithCompilationCacheDir), so a
// later process starts several times faster.
func NewEngine(ctx context.Context, opts ...Option) (*Engine, error) {
	cfg := engineConfig{poolSize: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.poolSize < 1 {
		cfg.poolSize = 1
	}
	rc := wazero.NewRuntimeConfig()
	if cfg.interpreter {
		rc = wazero.NewRuntimeConfigInterpreter()
	}
	if cfg.closeOnDone {
		rc = rc.WithCloseOnContextDone(true)
	}
	if cfg.memoryLimit > 0 {
		pages := uint32(min(cfg.memoryLimit/65536, 65536))
		if pages < 1 {
			pages = 1
		}
		rc = rc.WithMemoryLimitPages(pages)
	}
	e := &Engine{poolSize: cfg.poolSize, refs: 1, grammars: map[[32]byte]*grammar{}}
	if cache, dir, note := cfg.openCache(); cache != nil {
		e.cache, e.cacheDir = cache, dir
		rc = rc.WithCompilationCache(cache)
	} else {
		e.cacheMsg = note
	}
	e.rt = wazero.NewRuntimeWithConfig(ctx, rc)
	fail := func(err error) (*Engine, error) {
		_ = e.rt.Close(ctx)
		if e.cache != nil {
			_ = e.cache.Close(ctx)
		}
		return nil, err
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, e.rt); err != nil {
		return fail(fmt.Errorf("tswasm: wasi: %w", err))
	}
	if err := instantiateHost(ctx, e.rt); err != nil {
		return fail(fmt.Errorf("tswasm: host module: %w", err))
	}
	compiled, err := e.rt.CompileModule(ctx, tsrt.Wasm)
	if err != nil {
		return fail(fmt.Errorf("tswasm: compiling the runtime module: %w", err))
	}
	e.compiled = compiled
	return e, nil
}

// Close releases the engine's own reference. Stores, parsers and trees that
// are still open keep working; the wazero runtime is freed after the last of
// them is closed. NewStore, NewParser and LoadLanguage fail with ErrClosed
// afterwards. Close is idempotent.
func (e *Engine) Close() error {
	if e.usable() != nil {
		return nil
	}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	pool := e.pool
	e.pool = nil
	e.mu.Unlock()
	for _, s := range pool {
		s.release()
	}
	e.unref()
	return nil
}

// Stats reports the engine's resources.
func (e *Engine) Stats() EngineStats {
	e.mu.Lock()
	defer e.mu.Unlock()
	return EngineStats{
		LiveStores:    e.stats.storesCreated - e.stats.storesFreed,
		PooledStores:  len(e.pool),
		StoresCreated: e.stats.storesCreated,
		Grammars:      len(e.grammars),
		Closed:        e.closed,
		RuntimeClosed: e.stats.runtimeClosed,
		CacheDir:      e.cacheDir,
		CacheNote:     e.cacheMsg,
	}
}

func (e *Engine) unref() {
	e.mu.Lock()
	e.refs--
	last := e.refs == 0
	if last {
		e.stats.runtimeClosed = true
	}
	e.mu.Unlock()
	if last {
		ctx := context.Background()
		_ = e.rt.Close(ctx)
		if e.cache != nil {
			_ = e.cache.Close(ctx)
		}
	}
}

// NewStore creates a store the caller owns: parsers made from it share its
// memory and never run in parallel. Close it when done.
func (e *Engine) NewStore(ctx context.Context) (*Store, error) {
	if err := e.usable(); err != nil {
		return nil, err
	}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil, ErrClosed
	}
	e.refs++ // for the store
	e.stats.storesCreated++
	e.mu.Unlock()
	s, err := newStore(ctx, e)
	if err != nil {
		e.mu.Lock()
		e.stats.storesFreed++
		e.mu.Unlock()
		e.unref()
		return nil, err
	}
	return s, nil
}

// NewParser returns a parser on one of the engine's pooled stores, the least
// used one, creating stores up to the pool size. Parsers that share a store
// take turns; parsers on different stores run in parallel.
func (e *Engine) NewParser(ctx context.Context) (*Parser, error) {
	if err := e.usable(); err != nil {
		return nil, err
	}
	s, err := e.pooledStore(ctx)
	if err != nil {
		return nil, err
	}
	p, err := newParser(ctx, s)
	s.release() // the parser holds its own reference
	return p, err
}

// pooledStore returns a pooled store with one reference taken for the caller.
func (e *Engine) pooledStore(ctx context.Context) (*Store, error) {
	var drop []*Store
	defer func() {
		for _, s := range drop {
			s.release()
		}
	}()
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil, ErrClosed
	}
	// Broken stores leave the pool; the engine replaces them on demand.
	live := e.pool[:0]
	for _, s := range e.pool {
		if s.state.Load() == storeOK {
			live = append(live, s)
		} else {
			drop = append(drop, s)
		}
	}
	clear(e.pool[len(live):])
	e.pool = live
	var best *Store
	for _, s := range e.pool {
		if best == nil || s.users.Load() < best.users.Load() {
			best = s
		}
	}
	if best != nil && (best.users.Load() == 0 || len(e.pool)+e.pending >= e.poolSize) {
		best.acquire()
		e.mu.Unlock()
		return best, nil
	}
	e.pending++ // a slot of the pool, reserved while the store is created
	e.mu.Unlock()
	s, err := e.NewStore(ctx)
	e.mu.Lock()
	e.pending--
	e.mu.Unlock()
	if err != nil {
		return nil, err
	}
	s.owned.Store(false) // the caller's reference is NewStore's: Store.Close must not drop it
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return s, nil // not pooled: the caller's reference is the only one
	}
	s.acquire() // the pool's reference
	e.pool = append(e.pool, s)
	e.mu.Unlock()
	return s, nil
}

// grammar is a grammar binary compiled once per engine.
type grammar struct {
	hash     [32]byte
	info     *link.Grammar
	compiled wazero.CompiledModule
}

func (e *Engine) compileGrammar(ctx context.Context, wasm []byte, name string) (*grammar, error) {
	if err := e.usable(); err != nil {
		return nil, err
	}
	h := sha256.Sum256(wasm)
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil, ErrClosed
	}
	g := e.grammars[h]
	e.mu.Unlock()
	if g != nil && (name == "" || g.info.Name == name) {
		return g, nil
	}
	info, err := link.Inspect(wasm, name)
	if err != nil {
		return nil, err
	}
	compiled, err := e.rt.CompileModule(ctx, wasm)
	if err != nil {
		return nil, err
	}
	g = &grammar{hash: h, info: info, compiled: compiled}
	e.mu.Lock()
	defer e.mu.Unlock()
	if prev := e.grammars[h]; prev != nil && prev.info.Name == info.Name {
		_ = compiled.Close(ctx) // another goroutine won the race
		return prev, nil
	} else if prev == nil {
		e.grammars[h] = g
	}
	return g, nil
}
