// cursor.go: the TreeCursor API; the walk itself is in cursor_walk.go.
package tswasm

import "github.com/tswasm/tswasm/internal/abi"

// TreeCursor walks a syntax tree. It is tree-sitter's TSTreeCursor
// (tree_cursor.c of the runtime release in internal/runtime) ported to Go:
// its stack of entries lives in Go, and each step reads the runtime's
// subtrees straight from the store's linear memory, so walking a tree makes
// no call into wasm at all. It visits exactly the nodes, positions, fields
// and descendant indices the runtime's own cursor does, quirks included
// (tests compare the two step by step).
//
// Two quirks of tree-sitter 0.25's cursor are kept so that results match
// native bindings: GotoPreviousSibling cannot step back across a child
// index that is a multiple of 256 (tree-sitter issue #5950), and it does
// not maintain descendant indices, so DescendantIndex and GotoDescendant
// are off after it until Reset.
//
// A TreeCursor is not safe for concurrent use, but several cursors may walk
// one tree from different goroutines. It holds no wasm memory; Close it
// anyway to mark it done. After Close, or once its tree is closed, its
// methods return zero values and false. Like a Node, a cursor does not
// follow Tree.Edit: Reset it on the edited tree's nodes (a stale cursor
// returns meaningless values but stays memory-safe).
type TreeCursor struct {
	core   cursorCore
	closed bool
	use    useGuard // held for the length of each call; see Err
}

// cursorEntry is TreeCursorEntry.
type cursorEntry struct {
	subtree         abi.Ptr // address of the Subtree slot
	pos             abi.Length
	childIndex      uint32
	structuralIndex uint32
	descendantIndex uint32
}

// cursorCore is TreeCursor: the tree, the stack and the root's alias.
type cursorCore struct {
	tree      *Tree
	tsTree    abi.Ptr
	rootAlias uint16
	stack     []cursorEntry
	tooDeep   bool // a move was refused at maxCursorDepth
}

// treeCursorStep is TreeCursorStep.
type treeCursorStep int

const (
	stepNone treeCursorStep = iota
	stepHidden
	stepVisible
)

// NewTreeCursor returns a cursor on n; n is its root, which the cursor does
// not walk out of. A cursor on the zero Node is empty: every move fails.
func NewTreeCursor(n Node) *TreeCursor {
	c := &TreeCursor{}
	c.core.reset(n)
	return c
}

// Walk returns a cursor on the tree's root node.
func (t *Tree) Walk() *TreeCursor { return NewTreeCursor(t.RootNode()) }

// Close ends the cursor. It is idempotent.
func (c *TreeCursor) Close() error {
	if !c.use.enter() {
		return ErrConcurrentUse
	}
	defer c.use.exit()
	c.closed = true
	c.core = cursorCore{}
	return nil
}

// Tree returns the tree the cursor walks, or nil.
func (c *TreeCursor) Tree() *Tree {
	if !c.use.enter() {
		return nil
	}
	defer c.use.exit()
	return c.core.tree
}

// Reset moves the cursor to n, which becomes its new root; n may belong to
// any tree. It does nothing on a closed cursor.
func (c *TreeCursor) Reset(n Node) {
	if !c.use.enter() {
		return
	}
	defer c.use.exit()
	c.use.clear()
	if !c.closed {
		c.core.reset(n)
	}
}

// ResetTo moves the cursor to the position of other, keeping other's root
// and ancestry (ts_tree_cursor_reset_to).
func (c *TreeCursor) ResetTo(other *TreeCursor) {
	if other == nil || c == other || !c.use.enter() {
		return
	}
	defer c.use.exit()
	if c.closed {
		return
	}
	if other.closed {
		c.core.reset(Node{})
		return
	}
	c.core.copyFrom(&other.core)
}

// Copy returns an independent cursor at the same position.
func (c *TreeCursor) Copy() *TreeCursor {
	if !c.use.enter() {
		return &TreeCursor{closed: true}
	}
	defer c.use.exit()
	d := &TreeCursor{closed: c.closed}
	if !c.closed {
		d.core.copyFrom(&c.core)
	}
	return d
}

// Node returns the node the cursor is on, or the zero Node.
func (c *TreeCursor) Node() Node {
	v, ok := c.lock()
	if !ok {
		return Node{}
	}
	defer c.unlock()
	return c.core.currentNode(v)
}

// FieldId returns the field id of the current node in its parent, or 0.
func (c *TreeCursor) FieldID() uint16 {
	v, ok := c.lock()
	if !ok {
		return 0
	}
	defer c.unlock()
	return c.core.fieldID(v)
}

// FieldName returns the field name of the current node in its parent, or "".
func (c *TreeCursor) FieldName() string {
	id := c.FieldID()
	if id == 0 {
		return ""
	}
	return c.core.tree.lang.FieldNameForID(id)
}

// Depth is the depth of the current node below the cursor's root.
func (c *TreeCursor) Depth() uint32 {
	v, ok := c.lock()
	if !ok {
		return 0
	}
	defer c.unlock()
	return c.core.depth(v)
}

// DescendantIndex is the index of the current node among the descendants
// of the cursor's root, in pre-order (the root is 0). See the type's
// documentation for GotoPreviousSibling.
func (c *TreeCursor) DescendantIndex() uint32 {
	if _, ok := c.lock(); !ok {
		return 0
	}
	defer c.unlock()
	if len(c.core.stack) == 0 {
		return 0
	}
	return c.core.stack[len(c.core.stack)-1].descendantIndex
}

// GotoFirstChild moves to the first child and reports whether there was one.
func (c *TreeCursor) GotoFirstChild() bool { return c.move((*cursorCore).gotoFirstChild) }

// GotoLastChild moves to the last child and reports whether there was one.
func (c *TreeCursor) GotoLastChild() bool { return c.move((*cursorCore).gotoLastChild) }

// GotoNextSibling moves to the next sibling and reports whether there was one.
func (c *TreeCursor) GotoNextSibling() bool { return c.move((*cursorCore).gotoNextSibling) }

// GotoPreviousSibling moves to the previous sibling and reports whether
// there was one.
func (c *TreeCursor) GotoPreviousSibling() bool { return c.move((*cursorCore).gotoPreviousSibling) }

// GotoParent moves to the parent and reports whether there was one inside
// the cursor's root.
func (c *TreeCursor) GotoParent() bool { return c.move((*cursorCore).gotoParent) }

// GotoDescendant moves to the descendant with the given pre-order index
// (0 is the cursor's root); see DescendantCount.
func (c *TreeCursor) GotoDescendant(index uint32) {
	c.move(func(cc *cursorCore, v abi.View) bool { cc.gotoDescendant(v, index); return true })
}

// GotoFirstChildForByte moves to the first child that contains or starts
// after offset and returns its index among the visible children.
func (c *TreeCursor) GotoFirstChildForByte(offset uint32) (uint, bool) {
	return c.gotoFirstChildFor(offset, abi.Length{})
}

// GotoFirstChildForPoint moves to the first child that contains or starts
// after p and returns its index among the visible children.
func (c *TreeCursor) GotoFirstChildForPoint(p Point) (uint, bool) {
	return c.gotoFirstChildFor(0, abi.Length{Row: clampU32(p.Row), Col: clampU32(p.Column)})
}

func (c *TreeCursor) gotoFirstChildFor(offset uint32, p abi.Length) (uint, bool) {
	v, ok := c.lock()
	if !ok {
		return 0, false
	}
	defer c.unlock()
	i := c.core.gotoFirstChildFor(v, offset, p)
	if i < 0 {
		return 0, false
	}
	return uint(i), true
}

func (c *TreeCursor) move(f func(*cursorCore, abi.View) bool) bool {
	v, ok := c.lock()
	if !ok {
		return false
	}
	defer c.unlock()
	return f(&c.core, v)
}

// lock locks the tree's store for one step and returns its memory.
func (c *TreeCursor) lock() (abi.View, bool) {
	if !c.use.enter() {
		return nil, false
	}
	if c.closed {
		c.use.exit()
		return nil, false
	}
	v, ok := c.core.lock()
	if !ok {
		c.use.exit()
	}
	return v, ok
}

// unlock ends a call begun by a successful lock.
func (c *TreeCursor) unlock() {
	c.core.unlock()
	c.use.exit()
}
