// The watchdog's backstop on Linux: a kernel timer that kills the process even when Go cannot run.
package main

import (
	"syscall"
	"time"
	"unsafe"
)

// sigevent is Linux's struct sigevent (64 bytes) for SIGEV_SIGNAL.
type sigevent struct {
	value  uintptr
	signo  int32
	notify int32
	_      [48]byte
}

// itimerspec is Linux's struct itimerspec.
type itimerspec struct {
	interval, value syscall.Timespec
}

// armBackstop starts a POSIX timer that sends SIGTERM to the process after
// d, and returns the function that disarms it. A wasm call that loops
// without a preemption point can stall Go's garbage collector, and with it
// every goroutine, the watchdog's timer included; the kernel's timer still
// fires, and Go's handler for an unexpected SIGTERM ends the process (exit
// status 143 in a shell) from the signal context.
func armBackstop(d time.Duration) (disarm func()) {
	ev := sigevent{signo: int32(syscall.SIGTERM)} // notify 0: SIGEV_SIGNAL
	var id int32
	if _, _, errno := syscall.Syscall(syscall.SYS_TIMER_CREATE, uintptr(1) /* CLOCK_MONOTONIC */, uintptr(unsafe.Pointer(&ev)), uintptr(unsafe.Pointer(&id))); errno != 0 {
		return func() {}
	}
	spec := itimerspec{value: syscall.NsecToTimespec(int64(d))}
	if _, _, errno := syscall.Syscall6(syscall.SYS_TIMER_SETTIME, uintptr(id), 0, uintptr(unsafe.Pointer(&spec)), 0, 0, 0); errno != 0 {
		syscall.Syscall(syscall.SYS_TIMER_DELETE, uintptr(id), 0, 0)
		return func() {}
	}
	return func() { syscall.Syscall(syscall.SYS_TIMER_DELETE, uintptr(id), 0, 0) }
}
