// node_children.go: iterators over a node's children, walked with a TreeCursor without calls into wasm.
package tswasm

import (
	"iter"

	"github.com/tswasm/tswasm/internal/abi"
)

// Children yields the node's children, named or not. It walks them with
// cursor, which it resets to n (pass nil to use a private one); no call
// into wasm is made per child.
func (n Node) Children(cursor *TreeCursor) iter.Seq[Node] {
	return n.childSeq(cursor, func(*cursorCore, abi.View, Node, abi.Subtree) bool { return true })
}

// NamedChildren yields the node's named children; see Children.
func (n Node) NamedChildren(cursor *TreeCursor) iter.Seq[Node] {
	return n.childSeq(cursor, func(_ *cursorCore, v abi.View, c Node, t abi.Subtree) bool { return c.isNamed(v, t) })
}

// ChildrenByFieldID yields the children with the given field id; see Children.
func (n Node) ChildrenByFieldID(id uint16, cursor *TreeCursor) iter.Seq[Node] {
	if id == 0 {
		return func(func(Node) bool) {}
	}
	return n.childSeq(cursor, func(c *cursorCore, v abi.View, _ Node, _ abi.Subtree) bool { return c.fieldID(v) == id })
}

// ChildrenByFieldName yields the children with the given field name; see Children.
func (n Node) ChildrenByFieldName(name string, cursor *TreeCursor) iter.Seq[Node] {
	var id uint16
	if n.tree != nil {
		id = n.tree.lang.FieldIDForName(name)
	}
	return n.ChildrenByFieldID(id, cursor)
}

// childSeq walks n's children with a cursor and yields those keep accepts.
// The store is locked only while stepping, never while yielding.
func (n Node) childSeq(cursor *TreeCursor, keep func(*cursorCore, abi.View, Node, abi.Subtree) bool) iter.Seq[Node] {
	return func(yield func(Node) bool) {
		var local cursorCore
		c := &local
		if cursor != nil {
			cursor.Reset(n)
			if cursor.closed {
				return
			}
			c = &cursor.core
		} else {
			c.reset(n)
		}
		first := true
		for {
			next, ok := c.stepChild(first, keep)
			if !ok {
				return
			}
			first = false
			if !yield(next) {
				return
			}
		}
	}
}

// Walk returns a TreeCursor starting at n. Close it when done.
func (n Node) Walk() *TreeCursor { return NewTreeCursor(n) }
