// instance.go: one runtime instance's export table and its fixed-arity, allocation-free calls.
package abi

import (
	"context"
	"errors"
	"fmt"

	"github.com/tetratelabs/wazero/api"
)

// Func names one function the runtime exports (see exports_gen.go).
type Func uint16

// Name is the export's C name.
func (f Func) Name() string {
	if int(f) < len(funcNames) {
		return funcNames[f]
	}
	return fmt.Sprintf("Func(%d)", int(f))
}

// ErrMissingExport is wrapped by the CallError of a call to a function the
// runtime module does not export (a runtime built from another exports.txt).
var ErrMissingExport = errors.New("the runtime module does not export it")

// CallError is the error of a failed call: a trap inside wasm (or a missing
// export). After a trap the instance's C state can no longer be trusted.
type CallError struct {
	Func Func
	Err  error
}

// Error names the function and the cause.
func (e *CallError) Error() string { return e.Func.Name() + ": " + e.Err.Error() }

// Unwrap returns the cause (wazero's error, or ErrMissingExport).
func (e *CallError) Unwrap() error { return e.Err }

// Instance is one instance of the runtime module: its memory and its export
// table. Each function is looked up once, on first use (a lookup costs
// microseconds and a call stack; a call, nanoseconds). An Instance is not
// safe for concurrent use: its owner serializes calls.
type Instance struct {
	mod   api.Module
	mem   api.Memory
	fns   [NumFuncs]api.Function
	stack [8]uint64 // reused by every call: calls allocate nothing
}

// NewInstance wraps an instantiated runtime module.
func NewInstance(mod api.Module) *Instance {
	return &Instance{mod: mod, mem: mod.Memory()}
}

// Module returns the wazero module.
func (in *Instance) Module() api.Module { return in.mod }

// View returns the whole linear memory; see View for how long it is valid.
func (in *Instance) View() View { return ViewOf(in.mem) }

// ViewOf returns the whole of mem as a View (for host functions, which get
// the calling module's memory).
func ViewOf(mem api.Memory) View {
	b, _ := mem.Read(0, mem.Size())
	return View(b)
}

// Call0 calls f().
func (in *Instance) Call0(ctx context.Context, f Func) (uint64, error) { return in.call(ctx, f) }

// Call1 calls f(a).
func (in *Instance) Call1(ctx context.Context, f Func, a uint64) (uint64, error) {
	in.stack[0] = a
	return in.call(ctx, f)
}

// Call2 calls f(a, b).
func (in *Instance) Call2(ctx context.Context, f Func, a, b uint64) (uint64, error) {
	in.stack[0], in.stack[1] = a, b
	return in.call(ctx, f)
}

// Call3 calls f(a, b, c).
func (in *Instance) Call3(ctx context.Context, f Func, a, b, c uint64) (uint64, error) {
	in.stack[0], in.stack[1], in.stack[2] = a, b, c
	return in.call(ctx, f)
}

// Call4 calls f(a, b, c, d).
func (in *Instance) Call4(ctx context.Context, f Func, a, b, c, d uint64) (uint64, error) {
	in.stack[0], in.stack[1], in.stack[2], in.stack[3] = a, b, c, d
	return in.call(ctx, f)
}

// Call5 calls f(a, b, c, d, e).
func (in *Instance) Call5(ctx context.Context, f Func, a, b, c, d, e uint64) (uint64, error) {
	in.stack[0], in.stack[1], in.stack[2], in.stack[3], in.stack[4] = a, b, c, d, e
	return in.call(ctx, f)
}

// Call6 calls f(a, b, c, d, e, g).
func (in *Instance) Call6(ctx context.Context, f Func, a, b, c, d, e, g uint64) (uint64, error) {
	in.stack[0], in.stack[1], in.stack[2], in.stack[3], in.stack[4], in.stack[5] = a, b, c, d, e, g
	return in.call(ctx, f)
}

// call runs f with the arguments already in the stack.
func (in *Instance) call(ctx context.Context, f Func) (uint64, error) {
	if int(f) >= len(in.fns) {
		return 0, &CallError{Func: f, Err: ErrMissingExport}
	}
	fn := in.fns[f]
	if fn == nil {
		if fn = in.mod.ExportedFunction(f.Name()); fn == nil {
			return 0, &CallError{Func: f, Err: ErrMissingExport}
		}
		in.fns[f] = fn
	}
	if err := fn.CallWithStack(ctx, in.stack[:]); err != nil {
		return 0, &CallError{Func: f, Err: err}
	}
	return in.stack[0], nil
}

// FuncByName returns the Func of the export called name, and whether there
// is one.
func FuncByName(name string) (Func, bool) {
	for i, n := range funcNames {
		if n == name {
			return Func(i), true
		}
	}
	return 0, false
}
