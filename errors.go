// errors.go: the package's sentinel errors and the TrapError and LanguageError types.
package tswasm

import (
	"errors"
	"fmt"
)

// ErrClosed is returned by calls on a closed Engine, Store, Parser or Tree.
var ErrClosed = errors.New("tswasm: object is closed")

// ErrStoreBroken is returned by calls on objects whose store trapped. The
// store's wasm state can no longer be trusted; other stores are unaffected.
var ErrStoreBroken = errors.New("tswasm: store is broken by an earlier trap")

// ErrMemoryLimit is wrapped by the error of a call that needed more wasm
// memory than the engine's limit allows.
var ErrMemoryLimit = errors.New("tswasm: wasm memory limit reached")

// ErrNoLanguage is returned by Parse before SetLanguage.
var ErrNoLanguage = errors.New("tswasm: parser has no language")

// ErrForeignObject is returned when objects from different stores or engines
// are mixed, such as an old tree from another parser's store.
var ErrForeignObject = errors.New("tswasm: object belongs to another store")

// TrapError reports a trap inside wasm: a fault in a grammar or the runtime.
// The store it happened in is marked broken.
type TrapError struct {
	Grammar string // the language in use, if any
	Op      string // the operation, such as "parse"
	Err     error  // wazero's error ("wasm error: unreachable", ...)
}

// Error names the operation, the grammar and the trap.
func (e *TrapError) Error() string {
	g := e.Grammar
	if g == "" {
		g = "runtime"
	}
	return fmt.Sprintf("tswasm: %s trapped in %s grammar: %v", e.Op, g, e.Err)
}

// Unwrap returns wazero's error.
func (e *TrapError) Unwrap() error { return e.Err }

// LanguageErrorKind says why a grammar was refused.
type LanguageErrorKind int

// The reasons LoadLanguage can refuse a grammar.
const (
	NotWasm     LanguageErrorKind = iota + 1 // not a WebAssembly binary
	NotGrammar                               // wasm, but not a tree-sitter grammar side module
	ABIMismatch                              // a grammar, but of an ABI the runtime does not accept
	LinkFailed                               // an import could not be satisfied, or the grammar trapped while loading
)

// String names the kind, such as "ABI mismatch".
func (k LanguageErrorKind) String() string {
	switch k {
	case NotWasm:
		return "not wasm"
	case NotGrammar:
		return "not a grammar"
	case ABIMismatch:
		return "ABI mismatch"
	case LinkFailed:
		return "link failed"
	}
	return "unknown"
}

// LanguageError reports a grammar that cannot be loaded.
type LanguageError struct {
	Kind   LanguageErrorKind
	Name   string // grammar name, when known
	ABI    uint32 // for ABIMismatch
	MinABI uint32
	MaxABI uint32
	Err    error
}

// Error says which grammar was refused and why.
func (e *LanguageError) Error() string {
	name := e.Name
	if name == "" {
		name = "grammar"
	} else {
		name = "grammar " + name
	}
	switch e.Kind {
	case ABIMismatch:
		return fmt.Sprintf("tswasm: %s has ABI %d, this runtime accepts %d–%d", name, e.ABI, e.MinABI, e.MaxABI)
	case NotWasm, NotGrammar:
		return fmt.Sprintf("tswasm: %s: %s: %v", name, e.Kind, e.Err)
	}
	return fmt.Sprintf("tswasm: loading %s: %v", name, e.Err)
}

// Unwrap returns the underlying cause.
func (e *LanguageError) Unwrap() error { return e.Err }
