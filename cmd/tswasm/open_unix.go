//go:build unix

// Opening inputs on Unix: non-blocking, so that a FIFO swapped in after the walk cannot hang.
package main

import (
	"io/fs"
	"os"
	"syscall"
)

// openRegular opens path for reading only if it is a regular file (a
// symbolic link to one is fine). It opens with O_NONBLOCK, so that a FIFO
// cannot block the open, then checks the opened file's type.
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		if fi.IsDir() {
			return nil, 0, &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
		}
		return nil, 0, errNotRegular{fi.Mode()}
	}
	return f, fi.Size(), nil
}
