// Package tswasm parses source code with tree-sitter grammars compiled to
// WebAssembly, in pure Go (no cgo), on the wazero runtime.
//
// It loads the same grammar .wasm files that the tree-sitter CLI builds and
// that npm grammar packages ship, links them into a wasm build of
// tree-sitter's own C runtime (0.25), and exposes the names users of
// github.com/tree-sitter/go-tree-sitter know: Parser, Tree, Node, Language.
//
// # Quick start
//
// Bundled grammars with their queries live in the packages under
// github.com/tswasm/tswasm/languages (golang, python, javascript, ...;
// languages/all imports them all and languages.Detect picks one for a file
// name). Given a nil engine they use the process-wide DefaultEngine:
//
//	lang, err := golang.Language(ctx, nil)
//	parser, err := tswasm.NewParser(ctx, lang)
//	tree, err := parser.Parse(ctx, src, nil)
//	fmt.Println(tree.RootNode().ToSexp())
//
// Any other grammar .wasm loads with Engine.LoadLanguage. Runnable programs
// are in the repository's examples/ directory: examples/funcs (parse a tree
// of files in parallel and query function names) and examples/editor
// (incremental reparsing of a stream of edits).
//
// # The compile cache
//
// Compiling the runtime and a grammar to machine code takes a few hundred
// milliseconds; every engine keeps the compiled code on disk, by default in
// os.UserCacheDir()/tswasm/wazero (see DefaultCacheDir), so a later process
// starts about ten times faster. TSWASM_CACHE_DIR=/path moves the cache,
// TSWASM_CACHE_DIR=off or WithoutCompilationCache turns it off, and an
// unusable directory falls back to compiling in memory (EngineStats.CacheNote
// says why).
//
// # Ownership, in five rules
//
//  1. An Engine compiles the runtime and each grammar once; share one per process (DefaultEngine is one).
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
// Any parser of an engine can reparse any tree of that engine: the parse
// runs in the old tree's store.
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
