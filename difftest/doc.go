// Package difftest holds tswasm's differential tests against native
// tree-sitter through github.com/smacker/go-tree-sitter (cgo). It is a
// module of its own so that the tswasm module does not require smacker:
// importers of tswasm never download it, and tswasm builds with
// CGO_ENABLED=0. The tests use only tswasm's public API.
//
// Run them with difftest/ci.sh, or go test ./... in this directory;
// TSWASM_LONG=1 compares the full corpora instead of a sample.
package difftest
