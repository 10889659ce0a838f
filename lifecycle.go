// lifecycle.go: the Close/closed life cycle shared by every object that owns C state in wasm memory.
package tswasm

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tswasm/tswasm/internal/abi"
)

// handle is the part of an object owning one C object in one store
// (Parser, Tree, LookaheadIterator) that its cleanup needs: the store
// reference, the C object and its destructor, without a pointer back to the
// owner.
type handle struct {
	store   *Store
	ptr     abi.Ptr
	free    abi.Func // the C destructor, called with ptr
	user    bool     // counted in store.users (parsers)
	closed  atomic.Bool
	cleanup runtime.Cleanup
}

// newHandle returns the handle of owner, which holds one reference to s,
// and registers a cleanup that closes it if owner is forgotten.
func newHandle[T any](owner *T, s *Store, ptr abi.Ptr, free abi.Func) *handle {
	h := &handle{store: s, ptr: ptr, free: free}
	h.cleanup = runtime.AddCleanup(owner, func(h *handle) { h.close() }, h)
	return h
}

// Close is the owner's Close: it frees the C object and releases the store
// reference, once.
func (h *handle) Close() error {
	h.cleanup.Stop()
	h.close()
	return nil
}

func (h *handle) close() {
	if !h.closed.CompareAndSwap(false, true) {
		return
	}
	s := h.store
	if s.lock() == nil {
		_, _ = s.call1(context.Background(), "", h.free, h.ptr.Arg())
		s.unlock()
	}
	if h.user {
		s.users.Add(-1)
	}
	s.release()
}

// lock checks that the handle is open, locks its store, and checks again
// (another goroutine may have closed it while this one waited).
func (h *handle) lock() error {
	if h.closed.Load() {
		return ErrClosed
	}
	if err := h.store.lock(); err != nil {
		return err
	}
	if h.closed.Load() {
		h.store.unlock()
		return ErrClosed
	}
	return nil
}

// storeSet is the part of an object with C state in several stores (Query,
// QueryCursor) that its cleanup needs: one value per store, each holding a
// store reference, and how to free it.
type storeSet[V comparable] struct {
	mu      sync.Mutex
	closed  bool
	stores  map[*Store]V
	free    func(s *Store, v V) // frees v; called with s locked
	cleanup runtime.Cleanup
}

// init prepares an empty set whose values free frees.
func (ss *storeSet[V]) init(free func(*Store, V)) {
	ss.stores, ss.free = map[*Store]V{}, free
}

// get returns the value for s, whether there is one, and ErrClosed after close.
func (ss *storeSet[V]) get(s *Store) (V, bool, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	var zero V
	if ss.closed {
		return zero, false, ErrClosed
	}
	v, ok := ss.stores[s]
	return v, ok, nil
}

// add records v for s, taking a store reference; the caller holds s's lock
// and ss.mu. It fails with ErrClosed, after freeing v, when ss is closed or
// s is freed.
func (ss *storeSet[V]) addLocked(s *Store, v V) error {
	if ss.closed || !s.acquire() {
		ss.free(s, v)
		return ErrClosed
	}
	ss.stores[s] = v
	return nil
}

// owns reports whether v is still the value for s; the caller holds s's lock.
func (ss *storeSet[V]) owns(s *Store, v V) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return !ss.closed && ss.stores[s] == v
}

// close frees every value and releases every store, once.
func (ss *storeSet[V]) close() {
	ss.mu.Lock()
	if ss.closed {
		ss.mu.Unlock()
		return
	}
	ss.closed = true
	stores := ss.stores
	ss.stores = nil
	ss.mu.Unlock()
	for s, v := range stores {
		if s.lock() == nil {
			ss.free(s, v)
			s.unlock()
		}
		s.release()
	}
}

// forEach runs f for every store of the set, holding that store's lock and
// ss.mu, and skipping entries close removed meanwhile.
func (ss *storeSet[V]) forEach(f func(s *Store, v V) error) error {
	ss.mu.Lock()
	if ss.closed {
		ss.mu.Unlock()
		return ErrClosed
	}
	type entry struct {
		s *Store
		v V
	}
	var entries []entry
	for s, v := range ss.stores {
		entries = append(entries, entry{s, v})
	}
	ss.mu.Unlock()
	var errs []error
	for _, e := range entries {
		if err := e.s.lock(); err != nil {
			continue // a broken store is never used again
		}
		ss.mu.Lock()
		if !ss.closed && ss.stores[e.s] == e.v {
			if err := f(e.s, e.v); err != nil {
				errs = append(errs, err)
			}
		}
		ss.mu.Unlock()
		e.s.unlock()
	}
	return errors.Join(errs...)
}
