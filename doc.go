// Package tswasm parses source code with tree-sitter grammars compiled to
// WebAssembly, in pure Go (no cgo), on the wazero runtime.
//
// It loads the same grammar .wasm files that the tree-sitter CLI builds and
// that npm grammar packages ship, links them into a wasm build of
// tree-sitter's own C runtime (0.25), and exposes the names users of
// github.com/tree-sitter/go-tree-sitter know: Parser, Tree, Node, Language.
//
// # Ownership, in five rules
//
//  1. An Engine compiles the runtime and each grammar once; share one per process.
//  2. A Store is one wasm instance with its own memory; Parsers and Trees hold a reference to it.
//  3. Close every Parser and Tree you create; a forgotten one is closed by a cleanup, later.
//  4. A Tree outlives its Parser and the Engine: closing either never frees a live tree's memory.
//  5. After Close, calls return ErrClosed; after a trap in a store, ErrStoreBroken. Nothing panics.
//
// # Concurrency
//
// Engine.NewParser spreads parsers over a pool of stores (GOMAXPROCS by
// default). Calls into one store are serialized; stores run in parallel. A
// Parser is used by one goroutine at a time; give each goroutine its own.
//
// # Failure
//
// A trap inside wasm (a faulty grammar, an out-of-bounds access) returns a
// *TrapError naming the grammar, marks that store broken, and leaves every
// other store working; the engine's pool replaces the broken store.
// WithMemoryLimit caps each store's linear memory: going over it is an error
// wrapping ErrMemoryLimit, not a crash. A cancelled context stops a parse;
// a grammar stuck in a loop inside its lexer is stopped only with
// WithCloseOnContextDone, which costs parsing speed.
package tswasm
