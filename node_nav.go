// node_nav.go: Node methods answered by the runtime: navigation to other nodes, field names, the S-expression.
package tswasm

import (
	"context"

	"github.com/tswasm/tswasm/internal/abi"
)

// Child returns child i, or the zero Node.
func (n Node) Child(i uint) Node { return n.nodeCall(abi.TsNodeChild, uint64(clampU32(i)), 0) }

// NamedChild returns named child i, or the zero Node.
func (n Node) NamedChild(i uint) Node {
	return n.nodeCall(abi.TsNodeNamedChild, uint64(clampU32(i)), 0)
}

// Parent returns the node's parent, or the zero Node for the root. It walks
// down from the root; to climb from deep nodes often, prefer
// ChildWithDescendant or a TreeCursor.
func (n Node) Parent() Node { return n.nodeCall(abi.TsNodeParent, 0, 0) }

// NextSibling returns the next sibling, or the zero Node.
func (n Node) NextSibling() Node { return n.nodeCall(abi.TsNodeNextSibling, 0, 0) }

// PrevSibling returns the previous sibling, or the zero Node.
func (n Node) PrevSibling() Node { return n.nodeCall(abi.TsNodePrevSibling, 0, 0) }

// NextNamedSibling returns the next named sibling, or the zero Node.
func (n Node) NextNamedSibling() Node { return n.nodeCall(abi.TsNodeNextNamedSibling, 0, 0) }

// PrevNamedSibling returns the previous named sibling, or the zero Node.
func (n Node) PrevNamedSibling() Node { return n.nodeCall(abi.TsNodePrevNamedSibling, 0, 0) }

// ChildByFieldID returns the first child with the given field id, or the zero Node.
func (n Node) ChildByFieldID(id uint16) Node {
	if id == 0 {
		return Node{}
	}
	return n.nodeCall(abi.TsNodeChildByFieldId, uint64(id), 0)
}

// ChildByFieldName returns the first child with the given field name, or the zero Node.
func (n Node) ChildByFieldName(name string) Node {
	if n.tree == nil {
		return Node{}
	}
	return n.ChildByFieldID(n.tree.lang.FieldIDForName(name))
}

// FirstChildForByte returns the first child that contains or starts after
// the byte offset, or the zero Node.
func (n Node) FirstChildForByte(offset uint) Node {
	return n.nodeCall(abi.TsNodeFirstChildForByte, uint64(clampU32(offset)), 0)
}

// FirstNamedChildForByte returns the first named child that contains or
// starts after the byte offset, or the zero Node.
func (n Node) FirstNamedChildForByte(offset uint) Node {
	return n.nodeCall(abi.TsNodeFirstNamedChildForByte, uint64(clampU32(offset)), 0)
}

// DescendantForByteRange returns the smallest node within n that spans the
// bytes [start, end), or the zero Node.
func (n Node) DescendantForByteRange(start, end uint) Node {
	return n.nodeCall(abi.TsNodeDescendantForByteRange, uint64(clampU32(start)), uint64(clampU32(end)))
}

// NamedDescendantForByteRange returns the smallest named node within n that
// spans the bytes [start, end), or the zero Node.
func (n Node) NamedDescendantForByteRange(start, end uint) Node {
	return n.nodeCall(abi.TsNodeNamedDescendantForByteRange, uint64(clampU32(start)), uint64(clampU32(end)))
}

// DescendantForPointRange returns the smallest node within n that spans
// the positions [start, end), or the zero Node.
func (n Node) DescendantForPointRange(start, end Point) Node {
	return n.pointRangeCall(abi.TsNodeDescendantForPointRange, start, end)
}

// NamedDescendantForPointRange returns the smallest named node within n
// that spans the positions [start, end), or the zero Node.
func (n Node) NamedDescendantForPointRange(start, end Point) Node {
	return n.pointRangeCall(abi.TsNodeNamedDescendantForPointRange, start, end)
}

// ChildWithDescendant returns the child of n that contains descendant
// (which may be descendant itself), or the zero Node if descendant is not
// inside n or belongs to another tree.
func (n Node) ChildWithDescendant(descendant Node) Node {
	if descendant.id == 0 || descendant.tree != n.tree {
		return Node{}
	}
	s, ok := n.lock()
	if !ok {
		return Node{}
	}
	defer s.unlock()
	if !s.writeNode(s.at(abi.ScratchNode2), &descendant) {
		return Node{}
	}
	return n.callLocked(s, abi.TsNodeChildWithDescendant, s.arg(abi.ScratchNode2), 0)
}

// NextParseState is the parse state after this node, as
// ts_node_next_parse_state; it calls the runtime.
func (n Node) NextParseState() uint16 {
	s, ok := n.lockArg()
	if !ok {
		return 0
	}
	defer s.unlock()
	r, err := s.call1(context.Background(), n.tree.lang.name, abi.TsNodeNextParseState, s.arg(abi.ScratchArg))
	if err != nil {
		return 0
	}
	return uint16(r)
}

// FieldNameForChild returns the field name of child i, or "".
func (n Node) FieldNameForChild(i uint) string {
	return n.stringCall(abi.TsNodeFieldNameForChild, clampU32(i))
}

// FieldNameForNamedChild returns the field name of named child i, or "".
func (n Node) FieldNameForNamedChild(i uint) string {
	return n.stringCall(abi.TsNodeFieldNameForNamedChild, clampU32(i))
}

// String returns the node's S-expression, as tree-sitter's ts_node_string.
func (n Node) String() string {
	s, ok := n.lockArg()
	if !ok {
		return ""
	}
	defer s.unlock()
	ctx := context.Background()
	p, err := s.call1(ctx, n.tree.lang.name, abi.TsNodeString, s.arg(abi.ScratchArg))
	if err != nil {
		return ""
	}
	str := s.cString(abi.Ptr(p))
	_ = s.free(ctx, abi.Ptr(p))
	return str
}

// ToSexp is String, under go-tree-sitter's name.
func (n Node) ToSexp() string { return n.String() }

// lockArg locks n's store and writes n as the scratch TSNode argument.
func (n *Node) lockArg() (*Store, bool) {
	s, ok := n.lock()
	if !ok {
		return nil, false
	}
	if !s.writeNode(s.at(abi.ScratchArg), n) {
		s.unlock()
		return nil, false
	}
	return s, true
}

// stringCall calls f(&node, i), which returns a C string owned by the
// language, or NULL.
func (n Node) stringCall(f abi.Func, i uint32) string {
	s, ok := n.lockArg()
	if !ok {
		return ""
	}
	defer s.unlock()
	p, err := s.call2(context.Background(), n.tree.lang.name, f, s.arg(abi.ScratchArg), uint64(i))
	if err != nil {
		return ""
	}
	return s.cString(abi.Ptr(p))
}

// nodeCall calls f(&result, &node, a, b) for a runtime function that
// returns a node; functions with fewer arguments ignore the extra ones.
func (n Node) nodeCall(f abi.Func, a, b uint64) Node {
	s, ok := n.lock()
	if !ok {
		return Node{}
	}
	defer s.unlock()
	return n.callLocked(s, f, a, b)
}

func (n Node) pointRangeCall(f abi.Func, start, end Point) Node {
	s, ok := n.lock()
	if !ok {
		return Node{}
	}
	defer s.unlock()
	if !s.writePoint(s.at(abi.ScratchPointA), start) || !s.writePoint(s.at(abi.ScratchPointB), end) {
		return Node{}
	}
	return n.callLocked(s, f, s.arg(abi.ScratchPointA), s.arg(abi.ScratchPointB))
}

// callLocked is nodeCall with the store already locked.
func (n Node) callLocked(s *Store, f abi.Func, a, b uint64) Node {
	if !s.writeNode(s.at(abi.ScratchArg), &n) {
		return Node{}
	}
	if _, err := s.call4(context.Background(), n.tree.lang.name, f, s.arg(abi.ScratchResult), s.arg(abi.ScratchArg), a, b); err != nil {
		return Node{}
	}
	return s.readNode(s.at(abi.ScratchResult), n.tree)
}
