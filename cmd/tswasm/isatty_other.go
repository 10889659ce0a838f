//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

// Terminal detection elsewhere: a character device is taken for a terminal.
package main

import "os"

// isTerminal reports whether f is a character device.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
