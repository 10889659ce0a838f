package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate checks that the committed generated files are what
// the generator writes from exports.txt and layout.go today.
func TestGeneratedUpToDate(t *testing.T) {
	dir := ".."
	funcs, err := readExports(filepath.Join(dir, "..", "runtime", "exports.txt"))
	if err != nil {
		t.Fatal(err)
	}
	fields, err := readLayout(filepath.Join(dir, "layout.go"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(path string, want []byte, gofmt bool) {
		t.Helper()
		if gofmt {
			var err error
			if want, err = formatGo(want); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s is stale: run go generate in internal/abi", path)
		}
	}
	check(filepath.Join(dir, "exports_gen.go"), exportsGo(funcs), true)
	check(filepath.Join(dir, "layout_gen.go"), layoutGo(fields), true)
	check(filepath.Join(dir, "..", "runtime", "src", "layout.h"), []byte(layoutH(fields)), false)
	if len(fields) < 90 {
		t.Errorf("only %d layout fields read from layout.go", len(fields))
	}
}
