// Package runtime embeds the tree-sitter C runtime compiled to one wasm32
// reactor module (tree-sitter.wasm), built by build.sh from glue.c, table.s,
// exports.txt and tree-sitter 0.25.10's lib/.
package runtime

import _ "embed"

// Wasm is the runtime module.
//
//go:embed tree-sitter.wasm
var Wasm []byte

// Version is the tree-sitter release the runtime is built from.
const Version = "0.25.10"

// ABI range the runtime accepts (TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION
// and TREE_SITTER_LANGUAGE_VERSION).
const (
	MinABI = 13
	MaxABI = 15
)
