// store_call.go: the Store methods every call into wasm goes through; a failed call marks the store broken.
package tswasm

import (
	"context"

	"github.com/tswasm/tswasm/internal/abi"
)

// The callN methods call f with N arguments; the caller holds s.mu. g names
// the grammar in use ("" for none) for the TrapError of a failed call. They
// allocate nothing.

func (s *Store) call0(ctx context.Context, g string, f abi.Func) (uint64, error) {
	r, err := s.in.Call0(ctx, f)
	return r, s.checkCall(g, err)
}

func (s *Store) call1(ctx context.Context, g string, f abi.Func, a uint64) (uint64, error) {
	r, err := s.in.Call1(ctx, f, a)
	return r, s.checkCall(g, err)
}

func (s *Store) call2(ctx context.Context, g string, f abi.Func, a, b uint64) (uint64, error) {
	r, err := s.in.Call2(ctx, f, a, b)
	return r, s.checkCall(g, err)
}

func (s *Store) call3(ctx context.Context, g string, f abi.Func, a, b, c uint64) (uint64, error) {
	r, err := s.in.Call3(ctx, f, a, b, c)
	return r, s.checkCall(g, err)
}

func (s *Store) call4(ctx context.Context, g string, f abi.Func, a, b, c, d uint64) (uint64, error) {
	r, err := s.in.Call4(ctx, f, a, b, c, d)
	return r, s.checkCall(g, err)
}

func (s *Store) call5(ctx context.Context, g string, f abi.Func, a, b, c, d, e uint64) (uint64, error) {
	r, err := s.in.Call5(ctx, f, a, b, c, d, e)
	return r, s.checkCall(g, err)
}

func (s *Store) call6(ctx context.Context, g string, f abi.Func, a, b, c, d, e, h uint64) (uint64, error) {
	r, err := s.in.Call6(ctx, f, a, b, c, d, e, h)
	return r, s.checkCall(g, err)
}

// checkCall turns a failed call's error into a trap of the store.
func (s *Store) checkCall(g string, err error) error {
	if err == nil {
		return nil
	}
	return s.trap("", g, err)
}

// view returns the store's whole linear memory; the caller holds s.mu. It
// is valid until the next call.
func (s *Store) view() abi.View { return s.in.View() }

// arg is the scratch address at offset off, as a call argument.
func (s *Store) arg(off uint32) uint64 { return s.scratch.Add(off).Arg() }

// at is the scratch address at offset off.
func (s *Store) at(off uint32) abi.Ptr { return s.scratch.Add(off) }
