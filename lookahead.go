// lookahead.go: LookaheadIterator, the symbols valid in a parse state, from the runtime's iterator in a pooled store.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/tswasm/tswasm/internal/abi"
)

// LookaheadIterator lists the symbols that are valid in a parse state (see
// Node.ParseState and Language.NextState), as tree-sitter's
// TSLookaheadIterator, which lives in one of the engine's pooled stores.
// It is not safe for concurrent use. Close it when done; a cleanup closes a
// forgotten one. After Close its methods return zero values and false.
type LookaheadIterator struct {
	h    *handle
	lang *Language
	done bool // Next returned false: the C iterator must not be advanced again
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
	var ptr abi.Ptr
	err = s.withLanguage(ctx, l, func(lp abi.Ptr) error {
		p, err := s.call2(ctx, l.name, abi.TsLookaheadIteratorNew, lp.Arg(), uint64(state))
		if err == nil && p == 0 {
			err = fmt.Errorf("%w: state %d in grammar %s", ErrInvalidState, state, l.name)
		}
		ptr = abi.Ptr(p)
		return err
	})
	if err != nil {
		s.release()
		return nil, err
	}
	it := &LookaheadIterator{lang: l}
	it.h = newHandle(it, s, ptr, abi.TsLookaheadIteratorDelete)
	return it, nil
}

// Close frees the iterator and releases its store. It is idempotent.
func (it *LookaheadIterator) Close() error { return it.h.Close() }

// Language returns the language whose symbols the iterator lists.
func (it *LookaheadIterator) Language() *Language { return it.lang }

// call calls f(iterator, a); false after Close or a trap.
func (it *LookaheadIterator) call(f abi.Func, a uint64) (uint64, bool) {
	if it.h.lock() != nil {
		return 0, false
	}
	s := it.h.store
	defer s.unlock()
	r, err := s.call2(context.Background(), it.lang.name, f, it.h.ptr.Arg(), a)
	return r, err == nil
}

// Next advances to the next valid symbol and reports whether there was one.
// Once it has returned false it keeps doing so until a reset (the C
// iterator would read past its table).
func (it *LookaheadIterator) Next() bool {
	if it.done {
		return false
	}
	r, ok := it.call(abi.TsLookaheadIteratorNext, 0)
	it.done = !ok || r == 0
	return !it.done
}

// Symbol is the symbol Next moved to (65535 before the first Next).
func (it *LookaheadIterator) Symbol() uint16 {
	r, _ := it.call(abi.TsLookaheadIteratorCurrentSymbol, 0)
	return uint16(r)
}

// SymbolName is the name of Symbol.
func (it *LookaheadIterator) SymbolName() string {
	if it.h.closed.Load() {
		return ""
	}
	return it.lang.NodeKindForID(it.Symbol())
}

// ResetState restarts the iterator on another state of its language and
// reports whether state is valid.
func (it *LookaheadIterator) ResetState(state uint16) bool {
	r, ok := it.call(abi.TsLookaheadIteratorResetState, uint64(state))
	if !ok || r == 0 {
		return false
	}
	it.done = false
	return true
}

// Reset restarts the iterator on a state of lang (of the same engine) and
// reports whether it succeeded.
func (it *LookaheadIterator) Reset(lang *Language, state uint16) bool {
	if lang == nil || lang.engine != it.lang.engine || it.h.lock() != nil {
		return false
	}
	s := it.h.store
	defer s.unlock()
	ctx := context.Background()
	lp, err := s.linkLocked(ctx, lang)
	if err != nil {
		return false
	}
	r, err := s.call3(ctx, lang.name, abi.TsLookaheadIteratorReset, it.h.ptr.Arg(), lp.Arg(), uint64(state))
	if err != nil || r == 0 {
		return false
	}
	it.lang, it.done = lang, false
	return true
}

// Symbols yields the remaining valid symbols, advancing the iterator.
func (it *LookaheadIterator) Symbols() iter.Seq[uint16] {
	return func(yield func(uint16) bool) {
		for it.Next() {
			if !yield(it.Symbol()) {
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
			if !yield(it.lang.NodeKindForID(s)) {
				return
			}
		}
	}
}
