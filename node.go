// node.go: the Node type and the accessors it answers by reading the runtime's subtrees from memory.
package tswasm

import "github.com/tswasm/tswasm/internal/abi"

// Node is a syntax node: a small value that refers into its Tree. The zero
// Node stands for "no node" (see IsZero); methods on it return zero values.
// Nodes are valid while their tree is open; methods on nodes of a closed
// tree return zero values too. After Tree.Edit, nodes taken before it need
// Node.Edit (their answers are otherwise stale, though memory-safe).
//
// A Node carries tree-sitter's own TSNode fields, and most of its accessors
// (kind, range, flags, counts) read the runtime's subtree straight from the
// store's linear memory instead of calling into wasm. Navigation to other
// nodes (Child, Parent, ...) calls the runtime; to visit many nodes, use a
// TreeCursor or Children, which never call into wasm.
type Node struct {
	tree   *Tree
	ctx    [4]uint32 // start byte, start row, start column, alias symbol
	id     abi.Ptr   // address of the Subtree slot in linear memory
	tsTree abi.Ptr   // address of the TSTree
}

// nodeFrom makes a Node of t from a TSNode (the zero Node for NULL).
func nodeFrom(t *Tree, r abi.Node) Node {
	if r.ID == 0 {
		return Node{}
	}
	return Node{tree: t, ctx: r.Context, id: r.ID, tsTree: r.Tree}
}

// raw is n as a TSNode.
func (n *Node) raw() abi.Node { return abi.Node{Context: n.ctx, ID: n.id, Tree: n.tsTree} }

// IsZero reports whether n is the null node (no child, no parent, ...).
func (n Node) IsZero() bool { return n.id == 0 }

// Tree returns the tree n belongs to.
func (n Node) Tree() *Tree { return n.tree }

// Language returns the language of the node's tree, or nil for the zero Node.
func (n Node) Language() *Language {
	if n.tree == nil {
		return nil
	}
	return n.tree.lang
}

// ID returns an identifier unique among the nodes of its tree (and its
// edited versions); equal nodes have equal ids. It is the address of the
// node's subtree in wasm memory, so nodes of different stores may share ids.
func (n Node) ID() uintptr { return uintptr(n.id) }

// Equal reports whether n and o are the same node of the same tree, as
// tree-sitter's ts_node_eq.
func (n Node) Equal(o Node) bool { return n.tree == o.tree && n.id == o.id }

// StartByte is the offset of the node's first byte.
func (n Node) StartByte() uint { return uint(n.ctx[0]) }

// StartPosition is the row and column of the node's first byte.
func (n Node) StartPosition() Point { return Point{Row: uint(n.ctx[1]), Column: uint(n.ctx[2])} }

// EndByte is the offset just past the node's last byte.
func (n Node) EndByte() uint {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(n.ctx[0] + t.Size(v).Bytes)
}

// ByteRange returns StartByte and EndByte.
func (n Node) ByteRange() (uint, uint) { return n.StartByte(), n.EndByte() }

// EndPosition is the row and column just past the node's last byte.
func (n Node) EndPosition() Point {
	s, v, t := n.lockView()
	if s == nil {
		return Point{}
	}
	defer s.unlock()
	end := n.startLength().Add(t.Size(v))
	return Point{Row: uint(end.Row), Column: uint(end.Col)}
}

// Range returns the node's byte and point span. It reads the node once, so
// it is cheaper than calling the four accessors.
func (n Node) Range() Range {
	s, v, t := n.lockView()
	if s == nil {
		return Range{}
	}
	defer s.unlock()
	start := n.startLength()
	end := start.Add(t.Size(v))
	return Range{
		StartPoint: Point{Row: uint(start.Row), Column: uint(start.Col)},
		EndPoint:   Point{Row: uint(end.Row), Column: uint(end.Col)},
		StartByte:  uint(start.Bytes),
		EndByte:    uint(end.Bytes),
	}
}

func (n Node) startLength() abi.Length {
	return abi.Length{Bytes: n.ctx[0], Row: n.ctx[1], Col: n.ctx[2]}
}

// KindID is the node's symbol id (aliases resolved, and mapped to the
// symbol's public id), as ts_node_symbol; Language.SymbolName takes it.
func (n Node) KindID() uint16 {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return n.tree.lang.publicSymbol(n.symbol(v, t))
}

// GrammarID is the node's symbol id in the grammar, ignoring aliases, as
// ts_node_grammar_symbol. Use it with Language.NextState.
func (n Node) GrammarID() uint16 {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return t.Symbol(v)
}

// symbol is the alias, if any, else the subtree's symbol (unmapped).
func (n Node) symbol(v abi.View, t abi.Subtree) uint16 {
	if a := uint16(n.ctx[3]); a != 0 {
		return a
	}
	return t.Symbol(v)
}

// Kind is the node's type, such as "function_declaration" or "(".
func (n Node) Kind() string {
	s, v, t := n.lockView()
	if s == nil {
		return ""
	}
	defer s.unlock()
	return n.tree.lang.NodeKindForID(n.symbol(v, t))
}

// GrammarName is the node's type in the grammar, ignoring aliases.
func (n Node) GrammarName() string {
	s, v, t := n.lockView()
	if s == nil {
		return ""
	}
	defer s.unlock()
	return n.tree.lang.NodeKindForID(t.Symbol(v))
}

// IsNamed reports whether the node is named in the grammar (not a literal token).
func (n Node) IsNamed() bool {
	s, v, t := n.lockView()
	if s == nil {
		return false
	}
	defer s.unlock()
	return n.isNamed(v, t)
}

func (n Node) isNamed(v abi.View, t abi.Subtree) bool {
	if a := uint16(n.ctx[3]); a != 0 {
		return n.tree.lang.symbolMeta(a)&metaNamed != 0
	}
	return t.Flags(v)&abi.FlagNamed != 0
}

// IsMissing reports whether the parser inserted the node to recover from an error.
func (n Node) IsMissing() bool { return n.hasFlag(abi.FlagMissing) }

// IsExtra reports whether the node is an extra, such as a comment.
func (n Node) IsExtra() bool { return n.hasFlag(abi.FlagExtra) }

// HasChanges reports whether the node was edited (Tree.Edit) since it was parsed.
func (n Node) HasChanges() bool { return n.hasFlag(abi.FlagHasChanges) }

func (n Node) hasFlag(f uint8) bool {
	s, v, t := n.lockView()
	if s == nil {
		return false
	}
	defer s.unlock()
	return t.Flags(v)&f != 0
}

// IsError reports whether the node is an ERROR node.
func (n Node) IsError() bool { return n.KindID() == abi.SymbolError }

// HasError reports whether the node is or contains an error or missing node.
func (n Node) HasError() bool {
	s, v, t := n.lockView()
	if s == nil {
		return false
	}
	defer s.unlock()
	return t.ErrorCost(v) > 0
}

// ParseState is the parse state the node was created in (65535 for nodes
// reused from an edited tree, tree-sitter's TS_TREE_STATE_NONE).
func (n Node) ParseState() uint16 {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return t.ParseState(v)
}

// ChildCount is the number of children, named or not.
func (n Node) ChildCount() uint {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(t.VisibleChildCount(v))
}

// NamedChildCount is the number of named children.
func (n Node) NamedChildCount() uint {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(t.NamedChildCount(v))
}

// DescendantCount is the number of nodes in the subtree, n included.
func (n Node) DescendantCount() uint {
	s, v, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(t.VisibleDescendantCount(v)) + 1
}

// UTF8Text returns the node's text in source, the bytes it was parsed from.
func (n Node) UTF8Text(source []byte) string {
	start, end := n.ByteRange()
	if n.IsZero() || end > uint(len(source)) || start > end {
		return ""
	}
	return string(source[start:end])
}

// lock locks n's store after checking that n is a node of an open tree.
func (n *Node) lock() (*Store, bool) {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return nil, false
	}
	return n.tree.h.store, true
}

// lockView locks n's store and returns it with its memory and n's subtree.
// It returns a nil store, unlocked, for the zero Node or a closed tree. The
// view is valid until the next wasm call or unlock.
func (n Node) lockView() (*Store, abi.View, abi.Subtree) {
	s, ok := n.lock()
	if !ok {
		return nil, nil, abi.Subtree{}
	}
	v := s.view()
	return s, v, v.LoadSubtree(n.id)
}
