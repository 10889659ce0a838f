// Package tswasm runs tree-sitter grammars compiled to WebAssembly, in pure Go.
package tswasm
