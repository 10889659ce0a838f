// boundary_helpers_test.go: test-only ways to call runtime functions by name, for tests that use the runtime as an oracle.
package tswasm

import (
	"context"
	"fmt"

	"github.com/tswasm/tswasm/internal/abi"
)

// Scratch offsets under the names the oracle tests use.
const (
	scratchResult = abi.ScratchResult
	scratchArg    = abi.ScratchArg
	scratchPointA = abi.ScratchPointA
)

// export returns the runtime function called name; an unknown name is a
// test bug, reported by the call.
func (s *Store) export(name string) abi.Func {
	f, ok := abi.FuncByName(name)
	if !ok {
		return abi.NumFuncs // call fails with a CallError naming it
	}
	return f
}

// call calls f with args through the store's fixed-arity methods; the
// caller holds the lock.
func (s *Store) call(ctx context.Context, f abi.Func, args ...uint64) (uint64, error) {
	if f >= abi.NumFuncs {
		return 0, fmt.Errorf("no such runtime export (Func %d)", f)
	}
	a := make([]uint64, 6)
	copy(a, args)
	switch len(args) {
	case 0:
		return s.call0(ctx, "", f)
	case 1:
		return s.call1(ctx, "", f, a[0])
	case 2:
		return s.call2(ctx, "", f, a[0], a[1])
	case 3:
		return s.call3(ctx, "", f, a[0], a[1], a[2])
	case 4:
		return s.call4(ctx, "", f, a[0], a[1], a[2], a[3])
	case 5:
		return s.call5(ctx, "", f, a[0], a[1], a[2], a[3], a[4])
	}
	return s.call6(ctx, "", f, a[0], a[1], a[2], a[3], a[4], a[5])
}
