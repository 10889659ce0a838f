// host.go: the host module the runtime imports (progress, read, log) and the per-call Go callbacks behind it.
package tswasm

import (
	"context"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/tswasm/tswasm/internal/abi"
)

// hostKey carries per-call callbacks to the host functions through the
// context given to a wasm call.
type hostKey struct{}

// hostCalls are the Go callbacks a single wasm call may reach. They run on
// the calling goroutine while the store is locked.
type hostCalls struct {
	// read copies the input chunk that starts at byteOffset into
	// [buf, buf+capacity) of mem and returns its length; 0 ends the input.
	read func(mem abi.View, byteOffset uint32, p Point, buf abi.Ptr, capacity uint32) uint32
	// log receives one parser or lexer log line.
	log func(ctx context.Context, kind LogType, msg string)
	// progress is the caller's progress callback (ParseWithOptions,
	// MatchesWithOptions); true stops the call, and sets stopped.
	progress func(byteOffset uint32, hasError bool) bool
	stopped  bool

	// panicked is set when a callback panicked; the call is then ended as
	// soon as possible (no more reads or log lines, the progress callback
	// cancels) and the caller re-raises panicVal after unlocking the store.
	panicked bool
	panicVal any

	// store is the store whose call runs the callbacks; while one runs, the
	// store refuses re-entry from the same goroutine (see Store.lock).
	store *Store
}

// guard runs f, turning a panic into a recorded one: a panic must not
// unwind through wasm frames, whose C state (stack pointer, allocator)
// would be left inconsistent.
func (hc *hostCalls) guard(f func()) {
	if hc.store != nil {
		hc.store.callbackG.Store(goroutineID())
		defer hc.store.callbackG.Store(0)
	}
	defer func() {
		if r := recover(); r != nil {
			hc.panicked, hc.panicVal = true, r
		}
	}()
	f()
}

// LogType says whether a log line comes from the parser or the lexer.
type LogType int

// Log line sources.
const (
	LogTypeParse LogType = iota
	LogTypeLex
)

// String returns "parse" or "lex".
func (t LogType) String() string {
	switch t {
	case LogTypeParse:
		return "parse"
	case LogTypeLex:
		return "lex"
	}
	return "unknown"
}

func instantiateHost(ctx context.Context, rt wazero.Runtime) error {
	i32 := api.ValueTypeI32
	b := rt.NewHostModuleBuilder("tswasm")
	b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(hostProgress),
		[]api.ValueType{i32, i32}, []api.ValueType{i32}).Export("progress")
	b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(hostRead),
		[]api.ValueType{i32, i32, i32, i32, i32}, []api.ValueType{i32}).Export("read")
	b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(hostLog),
		[]api.ValueType{i32, i32, i32}, nil).Export("log")
	_, err := b.Instantiate(ctx)
	return err
}

// hostProgress(byte, has_error) -> stop is asked by the parser and query cursor every few hundred
// operations; a non-zero answer cancels. It answers from the context of the
// call, so a cancelled or expired context stops a parse, and it stops a
// call whose Go callback panicked.
func hostProgress(ctx context.Context, _ api.Module, stack []uint64) {
	stop := ctx.Err() != nil
	if hc, _ := ctx.Value(hostKey{}).(*hostCalls); !stop && hc != nil {
		if !hc.panicked && hc.progress != nil && !hc.stopped {
			hc.guard(func() { hc.stopped = hc.progress(uint32(stack[0]), uint32(stack[1]) != 0) })
		}
		stop = hc.panicked || hc.stopped
	}
	if stop {
		stack[0] = 1
	} else {
		stack[0] = 0
	}
}

// hostRead(byte, row, column, buf, cap) -> length copies the next chunk of
// a callback input into buf.
func hostRead(ctx context.Context, mod api.Module, stack []uint64) {
	hc, _ := ctx.Value(hostKey{}).(*hostCalls)
	if hc == nil || hc.read == nil || hc.panicked {
		stack[0] = 0
		return
	}
	off := uint32(stack[0])
	p := Point{Row: uint(uint32(stack[1])), Column: uint(uint32(stack[2]))}
	buf, capacity := abi.Ptr(stack[3]), uint32(stack[4])
	var n uint32
	hc.guard(func() { n = hc.read(abi.ViewOf(mod.Memory()), off, p, buf, capacity) })
	if hc.panicked {
		n = 0
	}
	stack[0] = uint64(n)
}

// hostLog(type, msg, len) forwards one log line.
func hostLog(ctx context.Context, mod api.Module, stack []uint64) {
	hc, _ := ctx.Value(hostKey{}).(*hostCalls)
	if hc == nil || hc.log == nil || hc.panicked {
		return
	}
	msg, ok := abi.ViewOf(mod.Memory()).String(abi.Ptr(stack[1]), uint32(stack[2]))
	if !ok {
		return
	}
	hc.guard(func() { hc.log(ctx, LogType(uint32(stack[0])), msg) })
}

// hasProgressCallback reports whether ctx carries a progress callback.
func hasProgressCallback(ctx context.Context) bool {
	hc, _ := ctx.Value(hostKey{}).(*hostCalls)
	return hc != nil && hc.progress != nil
}
