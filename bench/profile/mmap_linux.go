//go:build linux

// mmap_linux.go: a wasm linear memory outside the Go heap, for -mmap: the
// whole maximum is reserved once as PROT_NONE address space and pages are made
// readable and writable as memory.grow asks for them, so growing never copies
// and the GC never scans or counts the memory. A prototype of the root
// package's memory lever (bench/PROFILE.md).
package main

import (
	"golang.org/x/sys/unix"

	"github.com/tetratelabs/wazero/experimental"
)

// reserveMax caps the address space reserved per memory.
const reserveMax = 4 << 30

type mmapMemory struct {
	buf       []byte // the whole reservation
	committed uint64
}

func newMmapAllocator() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(capacity, max uint64) experimental.LinearMemory {
		max = min(max, reserveMax)
		b, err := unix.Mmap(-1, 0, int(max), unix.PROT_NONE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
		if err != nil {
			panic(err)
		}
		return &mmapMemory{buf: b}
	})
}

func (m *mmapMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil
	}
	if size > m.committed {
		const page = 1 << 16
		end := (size + page - 1) &^ (page - 1)
		if err := unix.Mprotect(m.buf[m.committed:end], unix.PROT_READ|unix.PROT_WRITE); err != nil {
			return nil
		}
		m.committed = end
	}
	return m.buf[:size:size]
}

func (m *mmapMemory) Free() {
	if m.buf != nil {
		_ = unix.Munmap(m.buf)
		m.buf = nil
	}
}
