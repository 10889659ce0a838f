// guard.go: detection of concurrent use of objects that are not safe for it (ErrConcurrentUse).
package tswasm

import (
	"errors"
	"sync/atomic"
)

// ErrConcurrentUse is returned (or reported by Err) when a Parser,
// QueryCursor or TreeCursor is used from a second goroutine while a call on
// it is still running. Such objects are not safe for concurrent use; the
// second call is refused instead of racing, and the first one is unaffected.
var ErrConcurrentUse = errors.New("tswasm: object used by two goroutines at once")

// useGuard marks an object busy for the length of one call. enter never
// blocks: a second caller is refused, and the refusal is remembered so that
// methods without an error result can report it through Err.
type useGuard struct {
	busy    atomic.Bool
	refused atomic.Bool // a call was refused since the last clear
}

// enter marks the object busy, or reports false (and remembers the refusal)
// when it already is.
func (g *useGuard) enter() bool {
	if g.busy.CompareAndSwap(false, true) {
		return true
	}
	g.refused.Store(true)
	return false
}

// exit ends the call begun by a successful enter.
func (g *useGuard) exit() { g.busy.Store(false) }

// err returns ErrConcurrentUse if a call was refused since the last clear.
func (g *useGuard) err() error {
	if g.refused.Load() {
		return ErrConcurrentUse
	}
	return nil
}

// clear forgets earlier refusals.
func (g *useGuard) clear() { g.refused.Store(false) }

// releaseDuring wraps an iterator's yield so that the guard is free while
// the caller's loop body runs (which may start a new iteration on the same
// object, ending this one) and held again afterwards. If another goroutine
// took the guard meanwhile, the iteration stops and *held becomes false.
func releaseDuring[A, B any](g *useGuard, held *bool, yield func(A, B) bool) func(A, B) bool {
	return func(a A, b B) bool {
		g.exit()
		*held = false
		more := yield(a, b)
		if !g.enter() {
			return false
		}
		*held = true
		return more
	}
}

// ErrCursorDepth is reported by TreeCursor.Err when a move was refused
// because the cursor's stack reached its limit of 4,194,304 entries (nodes
// nested about two million deep, or a cursor walking a tree that was edited
// or closed under it).
var ErrCursorDepth = errors.New("tswasm: tree cursor depth limit reached")

// Err returns why a call on the cursor failed that could not say so itself
// (it returned a zero value or false): ErrConcurrentUse if another goroutine
// was using the cursor, ErrCursorDepth if a move went deeper than the
// cursor's limit. It returns nil otherwise. The report stays until the
// cursor is Reset.
func (c *TreeCursor) Err() error {
	if !c.use.enter() {
		return ErrConcurrentUse
	}
	defer c.use.exit()
	if err := c.use.err(); err != nil {
		return err
	}
	if c.core.tooDeep {
		return ErrCursorDepth
	}
	return nil
}
