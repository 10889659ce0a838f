package tswasm

import (
	"context"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// hostKey carries per-call callbacks to the host functions through the
// context given to a wasm call.
type hostKey struct{}

// hostCalls are the Go callbacks a single wasm call may reach.
type hostCalls struct {
	read func(byteOffset uint32, p Point) []byte
	log  func(kind LogType, msg string)
}

// LogType says whether a log line comes from the parser or the lexer.
type LogType int

// Log line sources.
const (
	LogTypeParse LogType = iota
	LogTypeLex
)

func instantiateHost(ctx context.Context, rt wazero.Runtime) error {
	i32 := api.ValueTypeI32
	b := rt.NewHostModuleBuilder("tswasm")
	b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(hostProgress),
		[]api.ValueType{i32, i32, i32}, []api.ValueType{i32}).Export("progress")
	b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(hostRead),
		[]api.ValueType{i32, i32, i32, i32, i32, i32}, []api.ValueType{i32}).Export("read")
	b.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(hostLog),
		[]api.ValueType{i32, i32, i32, i32}, nil).Export("log")
	_, err := b.Instantiate(ctx)
	return err
}

// hostProgress is asked by the parser and query cursor every few hundred
// operations; a non-zero answer cancels. It answers from the context of the
// call, so a cancelled or expired context stops a parse.
func hostProgress(ctx context.Context, _ api.Module, stack []uint64) {
	if ctx.Err() != nil {
		stack[0] = 1
	} else {
		stack[0] = 0
	}
}

// hostRead(id, byte, row, column, buf, cap) -> length copies the next chunk
// of a callback input into buf.
func hostRead(ctx context.Context, mod api.Module, stack []uint64) {
	hc, _ := ctx.Value(hostKey{}).(*hostCalls)
	if hc == nil || hc.read == nil {
		stack[0] = 0
		return
	}
	off := uint32(stack[1])
	p := Point{Row: uint(stack[2]), Column: uint(stack[3])}
	buf, capacity := uint32(stack[4]), uint32(stack[5])
	chunk := hc.read(off, p)
	if uint32(len(chunk)) > capacity {
		chunk = chunk[:capacity]
	}
	if !mod.Memory().Write(buf, chunk) {
		stack[0] = 0
		return
	}
	stack[0] = uint64(len(chunk))
}

// hostLog(id, type, msg, len) forwards one log line.
func hostLog(ctx context.Context, mod api.Module, stack []uint64) {
	hc, _ := ctx.Value(hostKey{}).(*hostCalls)
	if hc == nil || hc.log == nil {
		return
	}
	b, ok := mod.Memory().Read(uint32(stack[2]), uint32(stack[3]))
	if !ok {
		return
	}
	hc.log(LogType(stack[1]), string(b))
}
