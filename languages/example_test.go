package languages_test

import (
	"fmt"

	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all"
)

// Find the grammar for a file by its name, or by its #! line.
func ExampleDetect() {
	for _, f := range []struct{ path, head string }{
		{"cmd/main.go", "package main"},
		{"web/app.tsx", ""},
		{"Gemfile", "source 'https://rubygems.org'"},
		{"bin/deploy", "#!/usr/bin/env python3\nimport sys"},
		{"notes.txt", "hello"},
	} {
		if s, ok := languages.Detect(f.path, []byte(f.head)); ok {
			fmt.Printf("%s: %s (%s %s)\n", f.path, s.Title, s.Package, s.Version)
		} else {
			fmt.Printf("%s: unknown\n", f.path)
		}
	}
	// Output:
	// cmd/main.go: Go (tree-sitter-go 0.25.0)
	// web/app.tsx: TSX (tree-sitter-typescript 0.23.2)
	// Gemfile: Ruby (tree-sitter-ruby 0.23.1)
	// bin/deploy: Python (tree-sitter-python 0.25.0)
	// notes.txt: unknown
}
