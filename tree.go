package tswasm

import (
	"context"
	"runtime"
)

// Tree is a syntax tree. It holds a reference to its store, so it outlives
// the parser that made it and the engine. Close it when done; a cleanup
// closes a forgotten one. A Tree is safe for concurrent reads: calls into its
// store are serialized.
type Tree struct {
	h    *handle
	lang *Language
}

func newTree(s *Store, ptr uint32, l *Language) *Tree {
	t := &Tree{h: &handle{store: s, ptr: ptr}, lang: l}
	t.h.cleanup = runtime.AddCleanup(t, func(h *handle) { h.closeTree() }, t.h)
	return t
}

// Close frees the tree and releases its store reference. Nodes of a closed
// tree return zero values. Close is idempotent.
func (t *Tree) Close() error {
	t.h.cleanup.Stop()
	t.h.closeTree()
	return nil
}

func (h *handle) closeTree() {
	if !h.closed.CompareAndSwap(false, true) {
		return
	}
	s := h.store
	if s.lock() == nil {
		_, _ = s.call(context.Background(), s.fn.treeDelete, uint64(h.ptr))
		s.unlock()
	}
	s.release()
}

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
	ptr, err := s.call(context.Background(), s.fn.treeCopy, uint64(t.h.ptr))
	if err != nil {
		err = s.trap("ts_tree_copy", t.lang.name, err)
	}
	s.unlock()
	if err != nil {
		s.release()
		return nil, err
	}
	return newTree(s, uint32(ptr), t.lang), nil
}

// lockOpen locks the store and checks that the tree is still open.
func (t *Tree) lockOpen() error {
	if err := t.h.store.lock(); err != nil {
		return err
	}
	if t.h.closed.Load() {
		t.h.store.unlock()
		return ErrClosed
	}
	return nil
}

// RootNode returns the root of the tree, or the zero Node if the tree is
// closed or its store is broken.
func (t *Tree) RootNode() Node {
	if t.lockOpen() != nil {
		return Node{}
	}
	defer t.h.store.unlock()
	s := t.h.store
	if _, err := s.call(context.Background(), s.fn.treeRootNode, uint64(s.scratch), uint64(t.h.ptr)); err != nil {
		s.trap("ts_tree_root_node", t.lang.name, err)
		return Node{}
	}
	return s.readNode(s.scratch, t)
}
