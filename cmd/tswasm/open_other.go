//go:build !unix

// Opening inputs elsewhere: stat first, then open.
package main

import (
	"errors"
	"os"
)

// openRegular opens path for reading only if it is a regular file.
func openRegular(path string) (*os.File, int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	if fi.IsDir() {
		return nil, 0, errors.New("is a directory")
	}
	if !fi.Mode().IsRegular() {
		return nil, 0, errNotRegular{fi.Mode()}
	}
	f, err := os.Open(path)
	return f, fi.Size(), err
}
