package tswasm

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync/atomic"
)

// LookaheadIterator lists the symbols that are valid in a parse state (see
// Node.ParseState and Language.NextState), as tree-sitter's
// TSLookaheadIterator, which lives in one of the engine's pooled stores.
// It is not safe for concurrent use. Close it when done; a cleanup closes a
// forgotten one. After Close its methods return zero values and false.
type LookaheadIterator struct {
	h    *lookaheadHandle
	lang *Language
	done bool // Next returned false: the C iterator must not be advanced again
}

type lookaheadHandle struct {
	store   *Store
	ptr     uint32
	closed  atomic.Bool
	cleanup runtime.Cleanup
}

// ErrInvalidState is returned for a parse state the language does not have.
var ErrInvalidState = errors.New("tswasm: parse state out of range")

// NewLookaheadIterator returns an iterator over the symbols valid in state,
// positioned before the first one (call Next). It fails with
// ErrInvalidState when state >= StateCount.
func (l *Language) NewLookaheadIterator(ctx context.Context, state uint16) (*LookaheadIterator, error) {
	if uint32(state) >= l.states {
		return nil, fmt.Errorf("%w: state %d of %d in grammar %s", ErrInvalidState, state, l.states, l.name)
	}
	s, err := l.engine.pooledStore(ctx)
	if err != nil {
		return nil, err
	}
	ptr, err := func() (uint32, error) {
		if err := s.lock(); err != nil {
			return 0, err
		}
		defer s.unlock()
		lp, err := s.linkLanguage(ctx, l.g)
		if err != nil {
			return 0, &LanguageError{Kind: LinkFailed, Name: l.name, Err: err}
		}
		p, err := s.call(ctx, s.export("ts_lookahead_iterator_new"), uint64(lp), uint64(state))
		if err != nil {
			return 0, s.trap("ts_lookahead_iterator_new", l.name, err)
		}
		if p == 0 {
			return 0, fmt.Errorf("%w: state %d in grammar %s", ErrInvalidState, state, l.name)
		}
		return uint32(p), nil
	}()
	if err != nil {
		s.release()
		return nil, err
	}
	it := &LookaheadIterator{h: &lookaheadHandle{store: s, ptr: ptr}, lang: l}
	it.h.cleanup = runtime.AddCleanup(it, func(h *lookaheadHandle) { h.close() }, it.h)
	return it, nil
}

// Close frees the iterator and releases its store. It is idempotent.
func (it *LookaheadIterator) Close() error {
	it.h.cleanup.Stop()
	it.h.close()
	return nil
}

func (h *lookaheadHandle) close() {
	if !h.closed.CompareAndSwap(false, true) {
		return
	}
	s := h.store
	if s.lock() == nil {
		_, _ = s.call(context.Background(), s.export("ts_lookahead_iterator_delete"), uint64(h.ptr))
		s.unlock()
	}
	s.release()
}

// Language returns the language whose symbols the iterator lists.
func (it *LookaheadIterator) Language() *Language { return it.lang }

// lock locks the iterator's store; false after Close or a trap.
func (it *LookaheadIterator) lock() bool {
	if it.h.closed.Load() || it.h.store.lock() != nil {
		return false
	}
	if it.h.closed.Load() {
		it.h.store.unlock()
		return false
	}
	return true
}

func (it *LookaheadIterator) call(name string, args ...uint64) (uint64, bool) {
	if !it.lock() {
		return 0, false
	}
	s := it.h.store
	defer s.unlock()
	r, err := s.call(context.Background(), s.export(name), append([]uint64{uint64(it.h.ptr)}, args...)...)
	if err != nil {
		s.trap(name, it.lang.name, err)
		return 0, false
	}
	return r, true
}

// Next advances to the next valid symbol and reports whether there was one.
// Once it has returned false it keeps doing so until a reset (the C
// iterator would read past its table).
func (it *LookaheadIterator) Next() bool {
	if it.done {
		return false
	}
	r, ok := it.call("ts_lookahead_iterator_next")
	it.done = !ok || r == 0
	return !it.done
}

// CurrentSymbol is the symbol Next moved to (65535 before the first Next).
func (it *LookaheadIterator) CurrentSymbol() uint16 {
	r, _ := it.call("ts_lookahead_iterator_current_symbol")
	return uint16(r)
}

// CurrentSymbolName is the name of CurrentSymbol.
func (it *LookaheadIterator) CurrentSymbolName() string {
	if it.h.closed.Load() {
		return ""
	}
	return it.lang.SymbolName(it.CurrentSymbol())
}

// ResetState restarts the iterator on another state of its language and
// reports whether state is valid.
func (it *LookaheadIterator) ResetState(state uint16) bool {
	r, ok := it.call("ts_lookahead_iterator_reset_state", uint64(state))
	if !ok || r == 0 {
		return false
	}
	it.done = false
	return true
}

// Reset restarts the iterator on a state of lang (of the same engine) and
// reports whether it succeeded.
func (it *LookaheadIterator) Reset(lang *Language, state uint16) bool {
	if lang == nil || lang.engine != it.lang.engine || !it.lock() {
		return false
	}
	s := it.h.store
	defer s.unlock()
	ctx := context.Background()
	lp, err := s.linkLanguage(ctx, lang.g)
	if err != nil {
		return false
	}
	r, err := s.call(ctx, s.export("ts_lookahead_iterator_reset"), uint64(it.h.ptr), uint64(lp), uint64(state))
	if err != nil {
		s.trap("ts_lookahead_iterator_reset", lang.name, err)
		return false
	}
	if r == 0 {
		return false
	}
	it.lang, it.done = lang, false
	return true
}

// Symbols yields the remaining valid symbols, advancing the iterator.
func (it *LookaheadIterator) Symbols() iter.Seq[uint16] {
	return func(yield func(uint16) bool) {
		for it.Next() {
			if !yield(it.CurrentSymbol()) {
				return
			}
		}
	}
}

// SymbolNames yields the names of the remaining valid symbols, advancing
// the iterator.
func (it *LookaheadIterator) SymbolNames() iter.Seq[string] {
	return func(yield func(string) bool) {
		for s := range it.Symbols() {
			if !yield(it.lang.SymbolName(s)) {
				return
			}
		}
	}
}
