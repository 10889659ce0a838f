package tswasm

import (
	"context"

	"github.com/tetratelabs/wazero/api"
)

// Point is a position in source text: a zero-based row and a byte column.
type Point struct {
	Row    uint
	Column uint
}

// Node is a syntax node: a small value that refers into its Tree. The zero
// Node stands for "no node" (see IsZero); methods on it return zero values.
// Nodes are valid while their tree is open; methods on nodes of a closed
// tree return zero values too.
//
// A Node carries tree-sitter's own TSNode fields, so position queries are
// answered in Go without entering wasm.
type Node struct {
	tree   *Tree
	ctx    [4]uint32 // start byte, start row, start column, alias symbol
	id     uint32    // address of the subtree in linear memory
	tsTree uint32    // address of the TSTree
}

// Scratch layout inside a store: the result node, the argument node, then
// other results.
const (
	scratchResult = 0
	scratchArg    = 24
	scratchExtra  = 48
)

// IsZero reports whether n is the null node (no child, no parent, ...).
func (n Node) IsZero() bool { return n.id == 0 }

// Tree returns the tree n belongs to.
func (n Node) Tree() *Tree { return n.tree }

// Id returns an identifier unique among the nodes of its tree (and its
// edited versions); equal nodes have equal ids.
func (n Node) Id() uintptr { return uintptr(n.id) }

// Equal reports whether n and o are the same node of the same tree.
func (n Node) Equal(o Node) bool { return n == o }

// StartByte is the offset of the node's first byte.
func (n Node) StartByte() uint { return uint(n.ctx[0]) }

// StartPosition is the row and column of the node's first byte.
func (n Node) StartPosition() Point { return Point{Row: uint(n.ctx[1]), Column: uint(n.ctx[2])} }

// EndByte is the offset just past the node's last byte.
func (n Node) EndByte() uint {
	return uint(n.u32(func(f *storeFuncs) api.Function { return f.nodeEndByte }))
}

// ByteRange returns StartByte and EndByte.
func (n Node) ByteRange() (uint, uint) { return n.StartByte(), n.EndByte() }

// EndPosition is the row and column just past the node's last byte.
func (n Node) EndPosition() Point {
	if n.tree == nil || n.tree.lockOpen() != nil {
		return Point{}
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	if _, err := s.call(context.Background(), s.fn.nodeEndPoint, uint64(s.scratch+scratchExtra), uint64(s.scratch+scratchArg)); err != nil {
		s.trap("ts_node_end_point", n.tree.lang.name, err)
		return Point{}
	}
	return Point{Row: uint(s.u32(s.scratch + scratchExtra)), Column: uint(s.u32(s.scratch + scratchExtra + 4))}
}

// KindId is the node's symbol id (aliases resolved), as Language.SymbolName takes.
func (n Node) KindId() uint16 {
	return uint16(n.u32(func(f *storeFuncs) api.Function { return f.nodeSymbol }))
}

// GrammarId is the node's symbol id in the grammar, ignoring aliases.
func (n Node) GrammarId() uint16 {
	return uint16(n.u32(func(f *storeFuncs) api.Function { return f.nodeGrammarSymbol }))
}

// Kind is the node's type, such as "function_declaration" or "(".
func (n Node) Kind() string {
	if n.id == 0 || n.tree == nil || n.tree.Err() != nil {
		return ""
	}
	return n.tree.lang.SymbolName(n.KindId())
}

// GrammarName is the node's type in the grammar, ignoring aliases.
func (n Node) GrammarName() string {
	if n.id == 0 || n.tree == nil || n.tree.Err() != nil {
		return ""
	}
	return n.tree.lang.SymbolName(n.GrammarId())
}

// IsNamed reports whether the node is named in the grammar (not a literal token).
func (n Node) IsNamed() bool {
	return n.flag(func(f *storeFuncs) api.Function { return f.nodeIsNamed })
}

// IsMissing reports whether the parser inserted the node to recover from an error.
func (n Node) IsMissing() bool {
	return n.flag(func(f *storeFuncs) api.Function { return f.nodeIsMissing })
}

// IsExtra reports whether the node is an extra, such as a comment.
func (n Node) IsExtra() bool {
	return n.flag(func(f *storeFuncs) api.Function { return f.nodeIsExtra })
}

// IsError reports whether the node is an ERROR node.
func (n Node) IsError() bool {
	return n.flag(func(f *storeFuncs) api.Function { return f.nodeIsError })
}

// HasError reports whether the node is or contains an error or missing node.
func (n Node) HasError() bool {
	return n.flag(func(f *storeFuncs) api.Function { return f.nodeHasError })
}

// ChildCount is the number of children, named or not.
func (n Node) ChildCount() uint {
	return uint(n.u32(func(f *storeFuncs) api.Function { return f.nodeChildCount }))
}

// NamedChildCount is the number of named children.
func (n Node) NamedChildCount() uint {
	return uint(n.u32(func(f *storeFuncs) api.Function { return f.nodeNamedChildCount }))
}

// DescendantCount is the number of nodes in the subtree, n included.
func (n Node) DescendantCount() uint {
	return uint(n.u32(func(f *storeFuncs) api.Function { return f.nodeDescendantCount }))
}

// Child returns child i, or the zero Node.
func (n Node) Child(i uint) Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodeChild }, uint64(uint32(i)))
}

// NamedChild returns named child i, or the zero Node.
func (n Node) NamedChild(i uint) Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodeNamedChild }, uint64(uint32(i)))
}

// Parent returns the node's parent, or the zero Node for the root.
func (n Node) Parent() Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodeParent }, noArg)
}

// NextSibling returns the next sibling, or the zero Node.
func (n Node) NextSibling() Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodeNextSibling }, noArg)
}

// PrevSibling returns the previous sibling, or the zero Node.
func (n Node) PrevSibling() Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodePrevSibling }, noArg)
}

// NextNamedSibling returns the next named sibling, or the zero Node.
func (n Node) NextNamedSibling() Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodeNextNamedSibling }, noArg)
}

// PrevNamedSibling returns the previous named sibling, or the zero Node.
func (n Node) PrevNamedSibling() Node {
	return n.node(func(f *storeFuncs) api.Function { return f.nodePrevNamedSibling }, noArg)
}

// ChildByFieldId returns the first child with the given field id, or the zero Node.
func (n Node) ChildByFieldId(id uint16) Node {
	if id == 0 {
		return Node{}
	}
	return n.node(func(f *storeFuncs) api.Function { return f.nodeChildByFieldID }, uint64(id))
}

// ChildByFieldName returns the first child with the given field name, or the zero Node.
func (n Node) ChildByFieldName(name string) Node {
	if n.tree == nil {
		return Node{}
	}
	return n.ChildByFieldId(n.tree.lang.FieldID(name))
}

// FieldNameForChild returns the field name of child i, or "".
func (n Node) FieldNameForChild(i uint) string {
	if n.tree == nil || n.tree.lockOpen() != nil {
		return ""
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	p, err := s.call(context.Background(), s.fn.nodeFieldNameForChild, uint64(s.scratch+scratchArg), uint64(uint32(i)))
	if err != nil {
		s.trap("ts_node_field_name_for_child", n.tree.lang.name, err)
		return ""
	}
	return s.cString(uint32(p))
}

// Utf8Text returns the node's text in source, the bytes it was parsed from.
func (n Node) Utf8Text(source []byte) string {
	start, end := n.ByteRange()
	if n.IsZero() || end > uint(len(source)) || start > end {
		return ""
	}
	return string(source[start:end])
}

// String returns the node's S-expression, as tree-sitter's ts_node_string.
func (n Node) String() string {
	if n.tree == nil || n.tree.lockOpen() != nil {
		return ""
	}
	s := n.tree.h.store
	defer s.unlock()
	ctx := context.Background()
	s.writeNode(s.scratch+scratchArg, &n)
	p, err := s.call(ctx, s.fn.nodeString, uint64(s.scratch+scratchArg))
	if err != nil {
		s.trap("ts_node_string", n.tree.lang.name, err)
		return ""
	}
	str := s.cString(uint32(p))
	_ = s.free(ctx, uint32(p))
	return str
}

// ToSexp is String, under go-tree-sitter's name.
func (n Node) ToSexp() string { return n.String() }

const noArg = ^uint64(0)

// u32 calls a ts_node_* function that takes only the node and returns an integer.
func (n Node) u32(sel func(*storeFuncs) api.Function) uint32 {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return 0
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	r, err := s.call(context.Background(), sel(&s.fn), uint64(s.scratch+scratchArg))
	if err != nil {
		s.trap("node call", n.tree.lang.name, err)
		return 0
	}
	return uint32(r)
}

func (n Node) flag(sel func(*storeFuncs) api.Function) bool { return n.u32(sel) != 0 }

// node calls a ts_node_* function that returns a node; arg is an extra
// integer argument, or noArg.
func (n Node) node(sel func(*storeFuncs) api.Function, arg uint64) Node {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return Node{}
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	var err error
	if arg == noArg {
		_, err = s.call(context.Background(), sel(&s.fn), uint64(s.scratch+scratchResult), uint64(s.scratch+scratchArg))
	} else {
		_, err = s.call(context.Background(), sel(&s.fn), uint64(s.scratch+scratchResult), uint64(s.scratch+scratchArg), arg)
	}
	if err != nil {
		s.trap("node call", n.tree.lang.name, err)
		return Node{}
	}
	return s.readNode(s.scratch+scratchResult, n.tree)
}
