// store.go: the Store type, its start-up, reference counting and trap state.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"

	"github.com/tswasm/tswasm/internal/abi"
)

// Store states.
const (
	storeOK int32 = iota
	storeBroken
	storeFreed
)

// Store is one instance of the tree-sitter runtime with its own linear
// memory. Grammars are linked into it on first use. Calls into a store are
// serialized; different stores run in parallel. A Store is reference
// counted: each Parser and Tree on it holds a reference, and the store is
// freed when the last one is released.
//
// Every call into wasm goes through a Store method (store_call.go) with the
// store's lock held; every read of its memory goes through internal/abi.
type Store struct {
	engine *Engine
	refs   atomic.Int64
	users  atomic.Int32 // parsers, for pool balancing
	state  atomic.Int32
	owned  atomic.Bool // a NewStore reference not yet given back by Close

	mu      sync.Mutex // serializes every call into the instance
	in      *abi.Instance
	scratch abi.Ptr // abi.ScratchSize bytes for call arguments and results (see abi.Scratch*)
	oomFlag abi.Ptr
	inBuf   abi.Ptr // reusable input buffer
	inCap   uint32
	langs   map[*grammar]*linkedLanguage
	broken  atomic.Pointer[error] // set once, by trap
	// callbackG is the goroutine running a user callback from inside a wasm
	// call (input reader, logger), or 0; lock uses it to refuse re-entry.
	callbackG atomic.Int64
}

func newStore(ctx context.Context, e *Engine) (*Store, error) {
	mod, err := e.rt.InstantiateModule(ctx, e.compiled,
		wazero.NewModuleConfig().WithName("").WithStartFunctions("_initialize"))
	if err != nil {
		return nil, fmt.Errorf("tswasm: instantiating the runtime: %w", err)
	}
	s := &Store{engine: e, in: abi.NewInstance(mod), langs: map[*grammar]*linkedLanguage{}}
	if err := s.start(ctx); err != nil {
		_ = mod.Close(ctx)
		return nil, fmt.Errorf("tswasm: initializing store: %w", err)
	}
	s.refs.Store(1)
	s.owned.Store(true)
	return s, nil
}

// start installs the runtime's allocator, checks its struct layouts and
// reserves the scratch block.
func (s *Store) start(ctx context.Context) error {
	if _, err := s.call0(ctx, "", abi.TswasmInit); err != nil {
		return err
	}
	flag, err := s.call0(ctx, "", abi.TswasmOomFlag)
	if err != nil {
		return err
	}
	s.oomFlag = abi.Ptr(flag)
	probe, err := s.malloc(ctx, abi.LayoutProbeSize)
	if err != nil {
		return err
	}
	if err := s.in.CheckLayout(ctx, probe); err != nil {
		return err
	}
	if err := s.free(ctx, probe); err != nil {
		return err
	}
	if s.scratch, err = s.malloc(ctx, abi.ScratchSize); err != nil {
		return errors.Join(err, ErrMemoryLimit)
	}
	return nil
}

// Close gives back the reference NewStore returned. The store is freed once
// its parsers and trees are closed too. Close is idempotent.
func (s *Store) Close() error {
	if s.owned.CompareAndSwap(true, false) {
		s.release()
	}
	return nil
}

// NewParser creates a parser on this store.
func (s *Store) NewParser(ctx context.Context) (*Parser, error) {
	if !s.owned.Load() {
		return nil, ErrClosed
	}
	if !s.acquire() {
		return nil, ErrClosed
	}
	p, err := newParser(ctx, s)
	s.release()
	return p, err
}

// Err returns nil while the store is usable, ErrStoreBroken (wrapping the
// trap) after a trap, and ErrClosed once it is freed.
func (s *Store) Err() error {
	switch s.state.Load() {
	case storeBroken:
		return s.brokenErr()
	case storeFreed:
		return ErrClosed
	}
	return nil
}

func (s *Store) brokenErr() error {
	if p := s.broken.Load(); p != nil {
		return *p
	}
	return ErrStoreBroken
}

// acquire takes a reference; it fails once the store has been freed.
func (s *Store) acquire() bool {
	for {
		r := s.refs.Load()
		if r <= 0 {
			return false
		}
		if s.refs.CompareAndSwap(r, r+1) {
			return true
		}
	}
}

// release drops a reference and frees the instance after the last one.
func (s *Store) release() {
	n := s.refs.Add(-1)
	if n > 0 {
		return
	}
	if n < 0 {
		panic("tswasm: store reference count below zero")
	}
	s.mu.Lock()
	s.state.Store(storeFreed)
	for _, l := range s.langs {
		l.inst.Close(context.Background())
	}
	s.langs = nil
	_ = s.in.Module().Close(context.Background())
	s.mu.Unlock()
	e := s.engine
	e.mu.Lock()
	e.stats.storesFreed++
	e.mu.Unlock()
	e.unref()
}

// trap marks the store broken after a failed call and builds the error. op
// names the operation; a failed abi call names its function itself.
func (s *Store) trap(op, grammarName string, err error) error {
	var ce *abi.CallError
	if errors.As(err, &ce) {
		op, err = ce.Func.Name(), ce.Err
	}
	if s.oomFlag != 0 && s.in.View().U32(s.oomFlag) != 0 {
		err = fmt.Errorf("%w: %w", ErrMemoryLimit, err)
	}
	te := &TrapError{Grammar: grammarName, Op: op, Err: err}
	broken := fmt.Errorf("%w: %w", ErrStoreBroken, te)
	s.broken.CompareAndSwap(nil, &broken)
	s.state.Store(storeBroken)
	return te
}
