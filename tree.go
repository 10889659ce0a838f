// tree.go: the Tree type: its life cycle, cloning, and the root node.
package tswasm

import (
	"context"

	"github.com/tswasm/tswasm/internal/abi"
)

// Tree is a syntax tree. It holds a reference to its store, so it outlives
// the parser that made it and the engine. Close it when done; a cleanup
// closes a forgotten one. A Tree is safe for concurrent reads: calls into its
// store are serialized.
type Tree struct {
	h    *handle
	lang *Language
}

func newTree(s *Store, ptr abi.Ptr, l *Language) *Tree {
	t := &Tree{lang: l}
	t.h = newHandle(t, s, ptr, abi.TsTreeDelete)
	return t
}

// Close frees the tree and releases its store reference. Nodes of a closed
// tree return zero values. Close is idempotent.
func (t *Tree) Close() error { return t.h.Close() }

// Err returns nil while the tree is usable, ErrClosed after Close, and an
// error wrapping ErrStoreBroken if its store trapped.
func (t *Tree) Err() error {
	if t.h.closed.Load() {
		return ErrClosed
	}
	return t.h.store.Err()
}

// Language returns the tree's language.
func (t *Tree) Language() *Language { return t.lang }

// Store returns the store the tree lives in.
func (t *Tree) Store() *Store { return t.h.store }

// Clone returns a copy of the tree with its own store reference; it can be
// used and closed independently (tree-sitter shares the nodes, so this is
// cheap).
func (t *Tree) Clone() (*Tree, error) {
	s := t.h.store
	if t.h.closed.Load() || !s.acquire() {
		return nil, ErrClosed
	}
	if err := t.lockOpen(); err != nil {
		s.release()
		return nil, err
	}
	ptr, err := s.call1(context.Background(), t.lang.name, abi.TsTreeCopy, t.h.ptr.Arg())
	s.unlock()
	if err != nil {
		s.release()
		return nil, err
	}
	return newTree(s, abi.Ptr(ptr), t.lang), nil
}

// lockOpen locks the store and checks that the tree is still open.
func (t *Tree) lockOpen() error { return t.h.lock() }

// RootNode returns the root of the tree, or the zero Node if the tree is
// closed or its store is broken.
func (t *Tree) RootNode() Node {
	if t.lockOpen() != nil {
		return Node{}
	}
	defer t.h.store.unlock()
	s := t.h.store
	if _, err := s.call2(context.Background(), t.lang.name, abi.TsTreeRootNode, s.arg(abi.ScratchResult), t.h.ptr.Arg()); err != nil {
		return Node{}
	}
	return s.readNode(s.at(abi.ScratchResult), t)
}
