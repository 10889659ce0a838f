//go:build !linux

// The watchdog's backstop elsewhere: none (the Go timer alone).
package main

import "time"

// armBackstop does nothing outside Linux.
func armBackstop(time.Duration) (disarm func()) { return func() {} }
