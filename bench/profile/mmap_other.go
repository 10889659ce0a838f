//go:build !linux

// mmap_other.go: -mmap is Linux-only in this prototype.
package main

import "github.com/tetratelabs/wazero/experimental"

func newMmapAllocator() experimental.MemoryAllocator { return nil }
