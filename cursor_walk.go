// cursor_walk.go: tree-sitter's tree_cursor.c ported to Go, reading subtrees from the store's memory.
package tswasm

import "github.com/tswasm/tswasm/internal/abi"

func (c *cursorCore) reset(n Node) {
	c.stack = c.stack[:0]
	c.tooDeep = false
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
	c.tooDeep = o.tooDeep
}

func (c *cursorCore) lock() (abi.View, bool) {
	if c.tree == nil || len(c.stack) == 0 || c.tree.lockOpen() != nil {
		return nil, false
	}
	return c.tree.h.store.view(), true
}

func (c *cursorCore) unlock() { c.tree.h.store.unlock() }

func (c *cursorCore) back() *cursorEntry { return &c.stack[len(c.stack)-1] }

// maxCursorDepth bounds the stack (hidden nodes included: JSON nested 2
// million deep fits). It stops a walk over freed memory (a cursor kept
// across Tree.Edit) from descending forever; a move it refuses is reported
// by TreeCursor.Err as ErrCursorDepth. A variable so tests can lower it.
var maxCursorDepth = 1 << 22

// push appends e and reports whether the stack had room.
func (c *cursorCore) push(e cursorEntry) bool {
	if len(c.stack) >= maxCursorDepth {
		c.tooDeep = true
		return false
	}
	c.stack = append(c.stack, e)
	return true
}

// entryVisible is ts_tree_cursor_is_entry_visible.
func (c *cursorCore) entryVisible(v abi.View, i int) bool {
	e := &c.stack[i]
	t := v.LoadSubtree(e.subtree)
	f := t.Flags(v)
	if i == 0 || f&abi.FlagVisible != 0 {
		return true
	}
	if f&abi.FlagExtra == 0 {
		parent := v.LoadSubtree(c.stack[i-1].subtree)
		return c.tree.lang.aliasAt(parent.ProductionID(v), e.structuralIndex) != 0
	}
	return false
}

// childIter is CursorChildIterator.
type childIter struct {
	parent          abi.Subtree
	childCount      uint32 // 0: no parent (NULL_SUBTREE)
	pos             abi.Length
	childIndex      uint32
	structuralIndex uint32
	descendantIndex uint32
	productionID    uint16 // alias_sequence is non-NULL when this is non-zero
}

// iterateChildren is ts_tree_cursor_iterate_children.
func (c *cursorCore) iterateChildren(v abi.View) childIter {
	last := c.back()
	t := v.LoadSubtree(last.subtree)
	n := t.ChildCount(v)
	if n == 0 {
		return childIter{}
	}
	d := last.descendantIndex
	if c.entryVisible(v, len(c.stack)-1) {
		d++
	}
	return childIter{parent: t, childCount: n, pos: last.pos, descendantIndex: d, productionID: t.ProductionID(v)}
}

func (it *childIter) slot(i uint32) abi.Ptr { return it.parent.ChildSlot(it.childCount, i) }

// next is ts_tree_cursor_child_iterator_next.
func (it *childIter) next(v abi.View, l *Language) (e cursorEntry, visible, ok bool) {
	if it.childCount == 0 || it.childIndex == it.childCount {
		return e, false, false
	}
	slot := it.slot(it.childIndex)
	child := v.LoadSubtree(slot)
	e = cursorEntry{subtree: slot, pos: it.pos, childIndex: it.childIndex, structuralIndex: it.structuralIndex, descendantIndex: it.descendantIndex}
	f := child.Flags(v)
	visible = f&abi.FlagVisible != 0
	if f&abi.FlagExtra == 0 {
		if it.productionID != 0 && l.aliasAt(it.productionID, it.structuralIndex) != 0 {
			visible = true
		}
		it.structuralIndex++
	}
	it.descendantIndex += child.VisibleDescendantCount(v)
	if visible {
		it.descendantIndex++
	}
	it.pos = it.pos.Add(child.Size(v))
	it.childIndex++
	if it.childIndex < it.childCount {
		it.pos = it.pos.Add(v.LoadSubtree(it.slot(it.childIndex)).Padding(v))
	}
	return e, visible, true
}

// previous is ts_tree_cursor_child_iterator_previous. Like the C code, it
// stops when the low byte of the child index is 0xFF, and it leaves the
// entry's descendant index at 0.
func (it *childIter) previous(v abi.View, l *Language) (e cursorEntry, visible, ok bool) {
	if it.childCount == 0 || uint8(it.childIndex) == 0xFF {
		return e, false, false
	}
	slot := it.slot(it.childIndex)
	child := v.LoadSubtree(slot)
	e = cursorEntry{subtree: slot, pos: it.pos, childIndex: it.childIndex, structuralIndex: it.structuralIndex}
	f := child.Flags(v)
	visible = f&abi.FlagVisible != 0
	it.pos = it.pos.Backtrack(child.Padding(v))
	it.childIndex--
	if f&abi.FlagExtra == 0 && it.productionID != 0 {
		if l.aliasAt(it.productionID, it.structuralIndex) != 0 {
			visible = true
		}
		if it.structuralIndex > 0 {
			it.structuralIndex--
		}
	}
	if it.childIndex < it.childCount {
		it.pos = it.pos.Backtrack(v.LoadSubtree(it.slot(it.childIndex)).Size(v))
	}
	return e, visible, true
}

func (c *cursorCore) gotoFirstChildInternal(v abi.View) treeCursorStep {
	l := c.tree.lang
	it := c.iterateChildren(v)
	for {
		e, visible, ok := it.next(v, l)
		if !ok {
			return stepNone
		}
		if visible {
			if !c.push(e) {
				return stepNone
			}
			return stepVisible
		}
		if v.LoadSubtree(e.subtree).VisibleChildCount(v) > 0 {
			if !c.push(e) {
				return stepNone
			}
			return stepHidden
		}
	}
}

func (c *cursorCore) gotoFirstChild(v abi.View) bool {
	return descendToVisible(func() treeCursorStep { return c.gotoFirstChildInternal(v) })
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

func (c *cursorCore) gotoLastChildInternal(v abi.View) treeCursorStep {
	l := c.tree.lang
	it := c.iterateChildren(v)
	if it.childCount == 0 {
		return stepNone
	}
	var last cursorEntry
	step := stepNone
	for {
		e, visible, ok := it.next(v, l)
		if !ok {
			break
		}
		if visible {
			last, step = e, stepVisible
		} else if v.LoadSubtree(e.subtree).VisibleChildCount(v) > 0 {
			last, step = e, stepHidden
		}
	}
	if last.subtree != 0 && c.push(last) {
		return step
	}
	return stepNone
}

func (c *cursorCore) gotoLastChild(v abi.View) bool {
	return descendToVisible(func() treeCursorStep { return c.gotoLastChildInternal(v) })
}

// gotoFirstChildFor is ts_tree_cursor_goto_first_child_for_byte_and_point.
func (c *cursorCore) gotoFirstChildFor(v abi.View, goalByte uint32, goalPoint abi.Length) int64 {
	l := c.tree.lang
	initial := len(c.stack)
	visibleIndex := uint32(0)
	for {
		descended := false
		it := c.iterateChildren(v)
		for {
			e, visible, ok := it.next(v, l)
			if !ok {
				break
			}
			child := v.LoadSubtree(e.subtree)
			end := e.pos.Add(child.Size(v))
			atGoal := end.Bytes > goalByte && pointGT(end, goalPoint)
			vcc := child.VisibleChildCount(v)
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

func pointGT(a, b abi.Length) bool { return a.Row > b.Row || (a.Row == b.Row && a.Col > b.Col) }

// gotoSiblingInternal is ts_tree_cursor_goto_sibling_internal. Entries it
// pops stay in the slice's capacity, so restoring the abi.Length restores them,
// as the C code does with the array size.
func (c *cursorCore) gotoSiblingInternal(v abi.View, forward bool) treeCursorStep {
	l := c.tree.lang
	advance := func(it *childIter) (cursorEntry, bool, bool) {
		if forward {
			return it.next(v, l)
		}
		return it.previous(v, l)
	}
	initial := len(c.stack)
	for len(c.stack) > 1 {
		e := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		it := c.iterateChildren(v)
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
			if v.LoadSubtree(e.subtree).VisibleChildCount(v) > 0 {
				c.stack = append(c.stack, e)
				return stepHidden
			}
		}
	}
	c.stack = c.stack[:initial]
	return stepNone
}

func (c *cursorCore) gotoNextSibling(v abi.View) bool {
	switch c.gotoSiblingInternal(v, true) {
	case stepHidden:
		c.gotoFirstChild(v)
		return true
	case stepVisible:
		return true
	}
	return false
}

// gotoPreviousSiblingInternal recomputes the position from the parent when
// backtracking across rows lost it, as the C code does.
func (c *cursorCore) gotoPreviousSiblingInternal(v abi.View) treeCursorStep {
	step := c.gotoSiblingInternal(v, false)
	if step == stepNone {
		return step
	}
	last := c.back()
	if !last.pos.Undefined() {
		return step
	}
	parent := &c.stack[len(c.stack)-2]
	pos := parent.pos
	pt := v.LoadSubtree(parent.subtree)
	n := pt.ChildCount(v)
	slot := func(i uint32) abi.Subtree { return v.LoadSubtree(pt.ChildSlot(n, i)) }
	if ci := last.childIndex; ci > 0 {
		pos = pos.Add(slot(0).Size(v))
		for i := uint32(1); i < ci; i++ {
			s := slot(i)
			pos = pos.Add(s.Padding(v).Add(s.Size(v)))
		}
		pos = pos.Add(slot(ci).Padding(v))
	}
	last.pos = pos
	return step
}

func (c *cursorCore) gotoPreviousSibling(v abi.View) bool {
	switch c.gotoPreviousSiblingInternal(v) {
	case stepHidden:
		c.gotoLastChild(v)
		return true
	case stepVisible:
		return true
	}
	return false
}

func (c *cursorCore) gotoParent(v abi.View) bool {
	for i := len(c.stack) - 2; i >= 0; i-- {
		if c.entryVisible(v, i) {
			c.stack = c.stack[:i+1]
			return true
		}
	}
	return false
}

func (c *cursorCore) gotoDescendant(v abi.View, goal uint32) {
	l := c.tree.lang
	// Ascend to the lowest ancestor that contains the goal node.
	for {
		i := len(c.stack) - 1
		e := &c.stack[i]
		next := e.descendantIndex + v.LoadSubtree(e.subtree).VisibleDescendantCount(v)
		if c.entryVisible(v, i) {
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
		it := c.iterateChildren(v)
		if it.descendantIndex > goal {
			return
		}
		for {
			e, visible, ok := it.next(v, l)
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
func (c *cursorCore) currentNode(v abi.View) Node {
	last := c.back()
	extra := v.LoadSubtree(last.subtree).Extra(v)
	var alias uint16
	if !extra {
		alias = c.rootAlias
		if len(c.stack) > 1 {
			parent := v.LoadSubtree(c.stack[len(c.stack)-2].subtree)
			alias = c.tree.lang.aliasAt(parent.ProductionID(v), last.structuralIndex)
		}
	}
	return Node{
		tree:   c.tree,
		ctx:    [4]uint32{last.pos.Bytes, last.pos.Row, last.pos.Col, uint32(alias)},
		id:     last.subtree,
		tsTree: c.tsTree,
	}
}

// fieldID is ts_tree_cursor_current_field_id.
func (c *cursorCore) fieldID(v abi.View) uint16 {
	l := c.tree.lang
	top := len(c.stack) - 1
	for i := top; i > 0; i-- {
		e := &c.stack[i]
		if i != top && c.entryVisible(v, i) {
			break
		}
		if v.LoadSubtree(e.subtree).Extra(v) {
			break
		}
		parent := v.LoadSubtree(c.stack[i-1].subtree)
		for _, fm := range l.fieldMap(parent.ProductionID(v)) {
			if !fm.Inherited && uint32(fm.ChildIndex) == e.structuralIndex {
				return fm.Field
			}
		}
	}
	return 0
}

// depth is ts_tree_cursor_current_depth.
func (c *cursorCore) depth(v abi.View) uint32 {
	var d uint32
	for i := 1; i < len(c.stack); i++ {
		if c.entryVisible(v, i) {
			d++
		}
	}
	return d
}

// stepChild moves to the first child (first) or the next sibling, then on
// until keep accepts the node, all under one lock.
func (c *cursorCore) stepChild(first bool, keep func(*cursorCore, abi.View, Node, abi.Subtree) bool) (Node, bool) {
	v, ok := c.lock()
	if !ok {
		return Node{}, false
	}
	defer c.unlock()
	for {
		var moved bool
		if first {
			moved, first = c.gotoFirstChild(v), false
		} else {
			moved = c.gotoNextSibling(v)
		}
		if !moved {
			return Node{}, false
		}
		n := c.currentNode(v)
		if keep(c, v, n, v.LoadSubtree(n.id)) {
			return n, true
		}
	}
}
