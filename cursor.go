package tswasm

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
}

// cursorEntry is TreeCursorEntry.
type cursorEntry struct {
	subtree         uint32 // address of the Subtree slot
	pos             length
	childIndex      uint32
	structuralIndex uint32
	descendantIndex uint32
}

// cursorCore is TreeCursor: the tree, the stack and the root's alias.
type cursorCore struct {
	tree      *Tree
	tsTree    uint32
	rootAlias uint16
	stack     []cursorEntry
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
	c.closed = true
	c.core = cursorCore{}
	return nil
}

// Tree returns the tree the cursor walks, or nil.
func (c *TreeCursor) Tree() *Tree { return c.core.tree }

// Reset moves the cursor to n, which becomes its new root; n may belong to
// any tree. It does nothing on a closed cursor.
func (c *TreeCursor) Reset(n Node) {
	if !c.closed {
		c.core.reset(n)
	}
}

// ResetTo moves the cursor to the position of other, keeping other's root
// and ancestry (ts_tree_cursor_reset_to).
func (c *TreeCursor) ResetTo(other *TreeCursor) {
	if c.closed || other == nil || c == other {
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
	d := &TreeCursor{closed: c.closed}
	if !c.closed {
		d.core.copyFrom(&c.core)
	}
	return d
}

// Node returns the node the cursor is on, or the zero Node.
func (c *TreeCursor) Node() Node {
	m, ok := c.lock()
	if !ok {
		return Node{}
	}
	defer c.core.unlock()
	return c.core.currentNode(m)
}

// FieldId returns the field id of the current node in its parent, or 0.
func (c *TreeCursor) FieldId() uint16 {
	m, ok := c.lock()
	if !ok {
		return 0
	}
	defer c.core.unlock()
	return c.core.fieldID(m)
}

// FieldName returns the field name of the current node in its parent, or "".
func (c *TreeCursor) FieldName() string {
	id := c.FieldId()
	if id == 0 {
		return ""
	}
	return c.core.tree.lang.FieldNameForId(id)
}

// Depth is the depth of the current node below the cursor's root.
func (c *TreeCursor) Depth() uint32 {
	m, ok := c.lock()
	if !ok {
		return 0
	}
	defer c.core.unlock()
	return c.core.depth(m)
}

// DescendantIndex is the index of the current node among the descendants
// of the cursor's root, in pre-order (the root is 0). See the type's
// documentation for GotoPreviousSibling.
func (c *TreeCursor) DescendantIndex() uint32 {
	if c.closed || len(c.core.stack) == 0 {
		return 0
	}
	if _, ok := c.lock(); !ok {
		return 0
	}
	defer c.core.unlock()
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
	c.move(func(cc *cursorCore, m []byte) bool { cc.gotoDescendant(m, index); return true })
}

// GotoFirstChildForByte moves to the first child that contains or starts
// after offset and returns its index among the visible children.
func (c *TreeCursor) GotoFirstChildForByte(offset uint32) (uint, bool) {
	return c.gotoFirstChildFor(offset, length{})
}

// GotoFirstChildForPoint moves to the first child that contains or starts
// after p and returns its index among the visible children.
func (c *TreeCursor) GotoFirstChildForPoint(p Point) (uint, bool) {
	return c.gotoFirstChildFor(0, length{row: clampU32(p.Row), col: clampU32(p.Column)})
}

func (c *TreeCursor) gotoFirstChildFor(offset uint32, p length) (uint, bool) {
	m, ok := c.lock()
	if !ok {
		return 0, false
	}
	defer c.core.unlock()
	i := c.core.gotoFirstChildFor(m, offset, p)
	if i < 0 {
		return 0, false
	}
	return uint(i), true
}

func (c *TreeCursor) move(f func(*cursorCore, []byte) bool) bool {
	m, ok := c.lock()
	if !ok {
		return false
	}
	defer c.core.unlock()
	return f(&c.core, m)
}

// lock locks the tree's store for one step and returns its memory.
func (c *TreeCursor) lock() ([]byte, bool) {
	if c.closed {
		return nil, false
	}
	return c.core.lock()
}

// ---- the walk itself: tree_cursor.c, step by step -----------------------------

func (c *cursorCore) reset(n Node) {
	c.stack = c.stack[:0]
	if n.id == 0 || n.tree == nil {
		c.tree, c.tsTree, c.rootAlias = nil, 0, 0
		return
	}
	c.tree, c.tsTree, c.rootAlias = n.tree, n.tsTree, uint16(n.ctx[3])
	c.stack = append(c.stack, cursorEntry{subtree: n.id, pos: n.startLength()})
}

func (c *cursorCore) copyFrom(o *cursorCore) {
	c.tree, c.tsTree, c.rootAlias = o.tree, o.tsTree, o.rootAlias
	c.stack = append(c.stack[:0], o.stack...)
}

func (c *cursorCore) lock() ([]byte, bool) {
	if c.tree == nil || len(c.stack) == 0 || c.tree.lockOpen() != nil {
		return nil, false
	}
	return c.tree.h.store.memView(), true
}

func (c *cursorCore) unlock() { c.tree.h.store.unlock() }

func (c *cursorCore) back() *cursorEntry { return &c.stack[len(c.stack)-1] }

// maxCursorDepth bounds the stack. Real trees stay far below it; it only
// stops a walk over freed memory (a cursor kept across Tree.Edit) from
// descending forever.
const maxCursorDepth = 1 << 20

// push appends e and reports whether the stack had room.
func (c *cursorCore) push(e cursorEntry) bool {
	if len(c.stack) >= maxCursorDepth {
		return false
	}
	c.stack = append(c.stack, e)
	return true
}

// entryVisible is ts_tree_cursor_is_entry_visible.
func (c *cursorCore) entryVisible(m []byte, i int) bool {
	e := &c.stack[i]
	t := loadSubtree(m, e.subtree)
	f := t.flags(m)
	if i == 0 || f&subVisible != 0 {
		return true
	}
	if f&subExtra == 0 {
		parent := loadSubtree(m, c.stack[i-1].subtree)
		return c.tree.lang.aliasAt(parent.productionID(m), e.structuralIndex) != 0
	}
	return false
}

// childIter is CursorChildIterator.
type childIter struct {
	parent          subtree
	childCount      uint32 // 0: no parent (NULL_SUBTREE)
	pos             length
	childIndex      uint32
	structuralIndex uint32
	descendantIndex uint32
	productionID    uint16 // alias_sequence is non-NULL when this is non-zero
}

// iterateChildren is ts_tree_cursor_iterate_children.
func (c *cursorCore) iterateChildren(m []byte) childIter {
	last := c.back()
	t := loadSubtree(m, last.subtree)
	n := t.childCount(m)
	if n == 0 {
		return childIter{}
	}
	d := last.descendantIndex
	if c.entryVisible(m, len(c.stack)-1) {
		d++
	}
	return childIter{parent: t, childCount: n, pos: last.pos, descendantIndex: d, productionID: t.productionID(m)}
}

func (it *childIter) slot(i uint32) uint32 {
	return it.parent.lo - (it.childCount-i)*subtreeSlotSize
}

// next is ts_tree_cursor_child_iterator_next.
func (it *childIter) next(m []byte, l *Language) (e cursorEntry, visible, ok bool) {
	if it.childCount == 0 || it.childIndex == it.childCount {
		return e, false, false
	}
	slot := it.slot(it.childIndex)
	child := loadSubtree(m, slot)
	e = cursorEntry{subtree: slot, pos: it.pos, childIndex: it.childIndex, structuralIndex: it.structuralIndex, descendantIndex: it.descendantIndex}
	f := child.flags(m)
	visible = f&subVisible != 0
	if f&subExtra == 0 {
		if it.productionID != 0 && l.aliasAt(it.productionID, it.structuralIndex) != 0 {
			visible = true
		}
		it.structuralIndex++
	}
	it.descendantIndex += child.visibleDescendantCount(m)
	if visible {
		it.descendantIndex++
	}
	it.pos = it.pos.add(child.size(m))
	it.childIndex++
	if it.childIndex < it.childCount {
		it.pos = it.pos.add(loadSubtree(m, it.slot(it.childIndex)).padding(m))
	}
	return e, visible, true
}

// previous is ts_tree_cursor_child_iterator_previous. Like the C code, it
// stops when the low byte of the child index is 0xFF, and it leaves the
// entry's descendant index at 0.
func (it *childIter) previous(m []byte, l *Language) (e cursorEntry, visible, ok bool) {
	if it.childCount == 0 || uint8(it.childIndex) == 0xFF {
		return e, false, false
	}
	slot := it.slot(it.childIndex)
	child := loadSubtree(m, slot)
	e = cursorEntry{subtree: slot, pos: it.pos, childIndex: it.childIndex, structuralIndex: it.structuralIndex}
	f := child.flags(m)
	visible = f&subVisible != 0
	it.pos = it.pos.backtrack(child.padding(m))
	it.childIndex--
	if f&subExtra == 0 && it.productionID != 0 {
		if l.aliasAt(it.productionID, it.structuralIndex) != 0 {
			visible = true
		}
		if it.structuralIndex > 0 {
			it.structuralIndex--
		}
	}
	if it.childIndex < it.childCount {
		it.pos = it.pos.backtrack(loadSubtree(m, it.slot(it.childIndex)).size(m))
	}
	return e, visible, true
}

func (c *cursorCore) gotoFirstChildInternal(m []byte) treeCursorStep {
	l := c.tree.lang
	it := c.iterateChildren(m)
	for {
		e, visible, ok := it.next(m, l)
		if !ok {
			return stepNone
		}
		if visible {
			if !c.push(e) {
				return stepNone
			}
			return stepVisible
		}
		if loadSubtree(m, e.subtree).visibleChildCount(m) > 0 {
			if !c.push(e) {
				return stepNone
			}
			return stepHidden
		}
	}
}

func (c *cursorCore) gotoFirstChild(m []byte) bool {
	return descendToVisible(func() treeCursorStep { return c.gotoFirstChildInternal(m) })
}

// descendToVisible repeats step while it lands on a hidden node, and
// reports whether it reached a visible one.
func descendToVisible(step func() treeCursorStep) bool {
	for {
		switch step() {
		case stepHidden:
			continue
		case stepVisible:
			return true
		default:
			return false
		}
	}
}

func (c *cursorCore) gotoLastChildInternal(m []byte) treeCursorStep {
	l := c.tree.lang
	it := c.iterateChildren(m)
	if it.childCount == 0 {
		return stepNone
	}
	var last cursorEntry
	step := stepNone
	for {
		e, visible, ok := it.next(m, l)
		if !ok {
			break
		}
		if visible {
			last, step = e, stepVisible
		} else if loadSubtree(m, e.subtree).visibleChildCount(m) > 0 {
			last, step = e, stepHidden
		}
	}
	if last.subtree != 0 && c.push(last) {
		return step
	}
	return stepNone
}

func (c *cursorCore) gotoLastChild(m []byte) bool {
	return descendToVisible(func() treeCursorStep { return c.gotoLastChildInternal(m) })
}

// gotoFirstChildFor is ts_tree_cursor_goto_first_child_for_byte_and_point.
func (c *cursorCore) gotoFirstChildFor(m []byte, goalByte uint32, goalPoint length) int64 {
	l := c.tree.lang
	initial := len(c.stack)
	visibleIndex := uint32(0)
	for {
		descended := false
		it := c.iterateChildren(m)
		for {
			e, visible, ok := it.next(m, l)
			if !ok {
				break
			}
			child := loadSubtree(m, e.subtree)
			end := e.pos.add(child.size(m))
			atGoal := end.bytes > goalByte && pointGT(end, goalPoint)
			vcc := child.visibleChildCount(m)
			if atGoal {
				if visible && c.push(e) {
					return int64(visibleIndex)
				}
				if vcc > 0 && c.push(e) {
					descended = true
					break
				}
			} else if visible {
				visibleIndex++
			} else {
				visibleIndex += vcc
			}
		}
		if !descended {
			break
		}
	}
	c.stack = c.stack[:initial]
	return -1
}

func pointGT(a, b length) bool { return a.row > b.row || (a.row == b.row && a.col > b.col) }

// gotoSiblingInternal is ts_tree_cursor_goto_sibling_internal. Entries it
// pops stay in the slice's capacity, so restoring the length restores them,
// as the C code does with the array size.
func (c *cursorCore) gotoSiblingInternal(m []byte, forward bool) treeCursorStep {
	l := c.tree.lang
	advance := func(it *childIter) (cursorEntry, bool, bool) {
		if forward {
			return it.next(m, l)
		}
		return it.previous(m, l)
	}
	initial := len(c.stack)
	for len(c.stack) > 1 {
		e := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		it := c.iterateChildren(m)
		it.childIndex, it.structuralIndex, it.pos, it.descendantIndex = e.childIndex, e.structuralIndex, e.pos, e.descendantIndex
		_, visible, _ := advance(&it)
		if visible && len(c.stack)+1 < initial {
			break
		}
		for {
			e, visible, ok := advance(&it)
			if !ok {
				break
			}
			if visible {
				c.stack = append(c.stack, e)
				return stepVisible
			}
			if loadSubtree(m, e.subtree).visibleChildCount(m) > 0 {
				c.stack = append(c.stack, e)
				return stepHidden
			}
		}
	}
	c.stack = c.stack[:initial]
	return stepNone
}

func (c *cursorCore) gotoNextSibling(m []byte) bool {
	switch c.gotoSiblingInternal(m, true) {
	case stepHidden:
		c.gotoFirstChild(m)
		return true
	case stepVisible:
		return true
	}
	return false
}

// gotoPreviousSiblingInternal recomputes the position from the parent when
// backtracking across rows lost it, as the C code does.
func (c *cursorCore) gotoPreviousSiblingInternal(m []byte) treeCursorStep {
	step := c.gotoSiblingInternal(m, false)
	if step == stepNone {
		return step
	}
	last := c.back()
	if !last.pos.undefined() {
		return step
	}
	parent := &c.stack[len(c.stack)-2]
	pos := parent.pos
	pt := loadSubtree(m, parent.subtree)
	n := pt.childCount(m)
	slot := func(i uint32) subtree { return loadSubtree(m, pt.lo-(n-i)*subtreeSlotSize) }
	if ci := last.childIndex; ci > 0 {
		pos = pos.add(slot(0).size(m))
		for i := uint32(1); i < ci; i++ {
			s := slot(i)
			pos = pos.add(s.padding(m).add(s.size(m)))
		}
		pos = pos.add(slot(ci).padding(m))
	}
	last.pos = pos
	return step
}

func (c *cursorCore) gotoPreviousSibling(m []byte) bool {
	switch c.gotoPreviousSiblingInternal(m) {
	case stepHidden:
		c.gotoLastChild(m)
		return true
	case stepVisible:
		return true
	}
	return false
}

func (c *cursorCore) gotoParent(m []byte) bool {
	for i := len(c.stack) - 2; i >= 0; i-- {
		if c.entryVisible(m, i) {
			c.stack = c.stack[:i+1]
			return true
		}
	}
	return false
}

func (c *cursorCore) gotoDescendant(m []byte, goal uint32) {
	l := c.tree.lang
	// Ascend to the lowest ancestor that contains the goal node.
	for {
		i := len(c.stack) - 1
		e := &c.stack[i]
		next := e.descendantIndex + loadSubtree(m, e.subtree).visibleDescendantCount(m)
		if c.entryVisible(m, i) {
			next++
		}
		if e.descendantIndex <= goal && next > goal {
			break
		}
		if len(c.stack) <= 1 {
			return
		}
		c.stack = c.stack[:i]
	}
	// Descend to the goal node.
	for {
		descended := false
		it := c.iterateChildren(m)
		if it.descendantIndex > goal {
			return
		}
		for {
			e, visible, ok := it.next(m, l)
			if !ok {
				break
			}
			if it.descendantIndex > goal {
				if !c.push(e) {
					return
				}
				if visible && e.descendantIndex == goal {
					return
				}
				descended = true
				break
			}
		}
		if !descended {
			return
		}
	}
}

// currentNode is ts_tree_cursor_current_node.
func (c *cursorCore) currentNode(m []byte) Node {
	last := c.back()
	extra := loadSubtree(m, last.subtree).extra(m)
	var alias uint16
	if !extra {
		alias = c.rootAlias
		if len(c.stack) > 1 {
			parent := loadSubtree(m, c.stack[len(c.stack)-2].subtree)
			alias = c.tree.lang.aliasAt(parent.productionID(m), last.structuralIndex)
		}
	}
	return Node{
		tree:   c.tree,
		ctx:    [4]uint32{last.pos.bytes, last.pos.row, last.pos.col, uint32(alias)},
		id:     last.subtree,
		tsTree: c.tsTree,
	}
}

// fieldID is ts_tree_cursor_current_field_id.
func (c *cursorCore) fieldID(m []byte) uint16 {
	l := c.tree.lang
	top := len(c.stack) - 1
	for i := top; i > 0; i-- {
		e := &c.stack[i]
		if i != top && c.entryVisible(m, i) {
			break
		}
		if loadSubtree(m, e.subtree).extra(m) {
			break
		}
		parent := loadSubtree(m, c.stack[i-1].subtree)
		for _, fm := range l.fieldMap(parent.productionID(m)) {
			if !fm.inherited && uint32(fm.childIndex) == e.structuralIndex {
				return fm.field
			}
		}
	}
	return 0
}

// depth is ts_tree_cursor_current_depth.
func (c *cursorCore) depth(m []byte) uint32 {
	var d uint32
	for i := 1; i < len(c.stack); i++ {
		if c.entryVisible(m, i) {
			d++
		}
	}
	return d
}

// stepChild moves to the first child (first) or the next sibling, then on
// until keep accepts the node, all under one lock.
func (c *cursorCore) stepChild(first bool, keep func(*cursorCore, []byte, Node, subtree) bool) (Node, bool) {
	m, ok := c.lock()
	if !ok {
		return Node{}, false
	}
	defer c.unlock()
	for {
		var moved bool
		if first {
			moved, first = c.gotoFirstChild(m), false
		} else {
			moved = c.gotoNextSibling(m)
		}
		if !moved {
			return Node{}, false
		}
		n := c.currentNode(m)
		if keep(c, m, n, loadSubtree(m, n.id)) {
			return n, true
		}
	}
}
