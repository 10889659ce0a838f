// Package workload holds what every implementation under benchmark shares:
// the inputs, a small interface over a tree-sitter binding, the workload
// loops and the digests that let one implementation's results be checked
// against another's.
//
// The loops live here, outside the test package, because the native (cgo)
// implementations run in child processes: smacker/go-tree-sitter and the
// official github.com/tree-sitter/go-tree-sitter both link a tree-sitter C
// runtime under the same symbol names, so they cannot share one binary.
package workload

import (
	"errors"
	"hash/fnv"
)

// ErrUnsupported is returned by an implementation that lacks what a
// workload needs (for instance an API not yet in the tswasm package); the
// benchmark skips.
var ErrUnsupported = errors.New("workload: not supported by this implementation")

// Point is a row and a byte column, zero-based.
type Point struct{ Row, Column uint32 }

// Edit describes a text change, as tree-sitter's TSInputEdit.
type Edit struct {
	StartByte, OldEndByte, NewEndByte    uint32
	StartPoint, OldEndPoint, NewEndPoint Point
}

// Impl is one tree-sitter binding with one set of grammars.
type Impl interface {
	// Name is "tswasm", "official" or "smacker".
	Name() string
	// NewParser returns a parser for lang (a key of Languages).
	NewParser(lang string) (Parser, error)
	// NewQuery compiles query source for lang.
	NewQuery(lang string, src []byte) (Query, error)
	// Close frees what the implementation holds.
	Close() error
}

// Parser parses source text; it is used by one goroutine at a time.
type Parser interface {
	// Parse parses src, reusing old (already edited) when not nil.
	Parse(src []byte, old Tree) (Tree, error)
	Close()
}

// Tree is a parsed tree.
type Tree interface {
	// Edit tells the tree about a change of its source.
	Edit(e Edit) error
	// NodeCount is the number of nodes under the root, the root included.
	NodeCount() uint64
	// HasError reports whether the tree has ERROR or MISSING nodes.
	HasError() bool
	// Sexp is the root's S-expression.
	Sexp() string
	// WalkCursor visits every node through a TreeCursor, hashing its kind,
	// byte range, point range and field name.
	WalkCursor() (Digest, error)
	// WalkNodes visits every node through Node navigation (Child,
	// FieldNameForChild), hashing the same things in the same order.
	WalkNodes() Digest
	Close()
}

// Query is a compiled query.
type Query interface {
	// Captures runs the query over the tree's root and hashes every capture
	// (capture index, byte range), after text predicates are applied.
	Captures(t Tree, src []byte) (Digest, error)
	Close()
}

// Digest summarizes a traversal: how many items, and a hash of them in
// order. Two implementations that agree on a tree agree on its digests.
type Digest struct {
	N uint64 `json:"n"`
	H uint64 `json:"h"`
	// K hashes the same nodes without their field names (see
	// Check.Compare's lax mode).
	K uint64 `json:"k"`
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// NewDigest returns an empty digest.
func NewDigest() Digest { return Digest{H: fnvOffset, K: fnvOffset} }

func mix(h, v uint64) uint64 {
	for i := 0; i < 8; i++ {
		h ^= v & 0xff
		h *= fnvPrime
		v >>= 8
	}
	return h
}

func mixString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h, uint64(len(s)))
}

// Mix folds v into both hashes.
func (d *Digest) Mix(v uint64) {
	d.H = mix(d.H, v)
	d.K = mix(d.K, v)
}

// Node folds one visited node into the digest and counts it.
func (d *Digest) Node(kind string, startByte, endByte uint32, start, end Point, field string) {
	d.N++
	node := mixString(fnvOffset, kind)
	node = mix(node, uint64(startByte)<<32|uint64(endByte))
	node = mix(node, uint64(start.Row)<<32|uint64(start.Column))
	node = mix(node, uint64(end.Row)<<32|uint64(end.Column))
	d.K = mix(d.K, node) // everything but the field name
	d.H = mixString(mix(d.H, node), field)
}

// HashString is a 64-bit FNV-1a hash of s, for S-expressions.
func HashString(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}
