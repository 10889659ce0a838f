// store_lock.go: the store's call lock, with re-entry detection for callbacks that run inside a wasm call.
package tswasm

import (
	"bytes"
	"errors"
	"runtime"
	"strconv"
)

// ErrReentrant is returned when a callback that runs inside a wasm call (an
// input reader, a logger) calls into the store that is running it.
var ErrReentrant = errors.New("tswasm: a callback called into the store that is running it")

// lock takes the store's call lock and checks that it is usable. From inside
// a callback of the same store it fails with ErrReentrant instead of
// deadlocking.
func (s *Store) lock() error {
	if !s.mu.TryLock() {
		if g := s.callbackG.Load(); g != 0 && g == goroutineID() {
			return ErrReentrant
		}
		s.mu.Lock()
	}
	switch s.state.Load() {
	case storeBroken:
		s.mu.Unlock()
		return s.brokenErr()
	case storeFreed:
		s.mu.Unlock()
		return ErrClosed
	}
	return nil
}

func (s *Store) unlock() { s.mu.Unlock() }

// goroutineID returns the current goroutine's id. It is slow (it formats a
// stack header), so lock asks for it only when the store is busy while a
// callback runs.
func goroutineID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return -1
	}
	return id
}
