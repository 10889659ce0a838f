package tswasm

import (
	"context"
	"encoding/binary"
	"iter"
)

// Point is a position in source text: a zero-based row and a byte column.
type Point struct {
	Row    uint
	Column uint
}

// Range is a span of source text, in bytes and in rows and columns.
type Range struct {
	StartPoint Point
	EndPoint   Point
	StartByte  uint
	EndByte    uint
}

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
	id     uint32    // address of the Subtree slot in linear memory
	tsTree uint32    // address of the TSTree
}

// Scratch layout inside a store: the result node, the argument node, then
// other results.
const (
	scratchResult = 0
	scratchArg    = 24
	scratchExtra  = 48
)

// Scratch offsets node.go uses for its second arguments, inside
// [scratchExtra, storeScratchSize). Calls never nest, so they may overlap
// other files' scratch offsets.
const (
	scratchNode2  = scratchExtra      // a second TSNode argument, 24 bytes
	scratchPointA = scratchExtra + 24 // TSPoint, 8 bytes
	scratchPointB = scratchExtra + 32 // TSPoint, 8 bytes
)

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

// Id returns an identifier unique among the nodes of its tree (and its
// edited versions); equal nodes have equal ids. It is the address of the
// node's subtree in wasm memory, so nodes of different stores may share ids.
func (n Node) Id() uintptr { return uintptr(n.id) }

// Equal reports whether n and o are the same node of the same tree, as
// tree-sitter's ts_node_eq.
func (n Node) Equal(o Node) bool { return n.tree == o.tree && n.id == o.id }

// StartByte is the offset of the node's first byte.
func (n Node) StartByte() uint { return uint(n.ctx[0]) }

// StartPosition is the row and column of the node's first byte.
func (n Node) StartPosition() Point { return Point{Row: uint(n.ctx[1]), Column: uint(n.ctx[2])} }

// EndByte is the offset just past the node's last byte.
func (n Node) EndByte() uint {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(n.ctx[0] + t.size(m).bytes)
}

// ByteRange returns StartByte and EndByte.
func (n Node) ByteRange() (uint, uint) { return n.StartByte(), n.EndByte() }

// EndPosition is the row and column just past the node's last byte.
func (n Node) EndPosition() Point {
	s, m, t := n.lockView()
	if s == nil {
		return Point{}
	}
	defer s.unlock()
	end := n.startLength().add(t.size(m))
	return Point{Row: uint(end.row), Column: uint(end.col)}
}

// Range returns the node's byte and point span. It reads the node once, so
// it is cheaper than calling the four accessors.
func (n Node) Range() Range {
	s, m, t := n.lockView()
	if s == nil {
		return Range{}
	}
	defer s.unlock()
	return n.rangeOf(t.size(m))
}

func (n Node) rangeOf(size length) Range {
	start := n.startLength()
	end := start.add(size)
	return Range{
		StartPoint: Point{Row: uint(start.row), Column: uint(start.col)},
		EndPoint:   Point{Row: uint(end.row), Column: uint(end.col)},
		StartByte:  uint(start.bytes),
		EndByte:    uint(end.bytes),
	}
}

func (n Node) startLength() length { return length{bytes: n.ctx[0], row: n.ctx[1], col: n.ctx[2]} }

// KindId is the node's symbol id (aliases resolved, and mapped to the
// symbol's public id), as ts_node_symbol; Language.SymbolName takes it.
func (n Node) KindId() uint16 {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return n.tree.lang.publicSymbol(n.symbol(m, t))
}

// GrammarId is the node's symbol id in the grammar, ignoring aliases, as
// ts_node_grammar_symbol. Use it with Language.NextState.
func (n Node) GrammarId() uint16 {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return t.symbol(m)
}

// symbol is the alias, if any, else the subtree's symbol (unmapped).
func (n Node) symbol(m []byte, t subtree) uint16 {
	if a := uint16(n.ctx[3]); a != 0 {
		return a
	}
	return t.symbol(m)
}

// Kind is the node's type, such as "function_declaration" or "(".
func (n Node) Kind() string {
	s, m, t := n.lockView()
	if s == nil {
		return ""
	}
	defer s.unlock()
	return n.tree.lang.SymbolName(n.symbol(m, t))
}

// GrammarName is the node's type in the grammar, ignoring aliases.
func (n Node) GrammarName() string {
	s, m, t := n.lockView()
	if s == nil {
		return ""
	}
	defer s.unlock()
	return n.tree.lang.SymbolName(t.symbol(m))
}

// IsNamed reports whether the node is named in the grammar (not a literal token).
func (n Node) IsNamed() bool {
	s, m, t := n.lockView()
	if s == nil {
		return false
	}
	defer s.unlock()
	return n.isNamed(m, t)
}

func (n Node) isNamed(m []byte, t subtree) bool {
	if a := uint16(n.ctx[3]); a != 0 {
		return n.tree.lang.symbolMeta(a)&metaNamed != 0
	}
	return t.flags(m)&subNamed != 0
}

// IsMissing reports whether the parser inserted the node to recover from an error.
func (n Node) IsMissing() bool { return n.hasFlag(subMissing) }

// IsExtra reports whether the node is an extra, such as a comment.
func (n Node) IsExtra() bool { return n.hasFlag(subExtra) }

// HasChanges reports whether the node was edited (Tree.Edit) since it was parsed.
func (n Node) HasChanges() bool { return n.hasFlag(subHasChanges) }

func (n Node) hasFlag(f uint8) bool {
	s, m, t := n.lockView()
	if s == nil {
		return false
	}
	defer s.unlock()
	return t.flags(m)&f != 0
}

// IsError reports whether the node is an ERROR node.
func (n Node) IsError() bool { return n.KindId() == symbolError }

// HasError reports whether the node is or contains an error or missing node.
func (n Node) HasError() bool {
	s, m, t := n.lockView()
	if s == nil {
		return false
	}
	defer s.unlock()
	return t.errorCost(m) > 0
}

// ParseState is the parse state the node was created in (65535 for nodes
// reused from an edited tree, tree-sitter's TS_TREE_STATE_NONE).
func (n Node) ParseState() uint16 {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return t.parseState(m)
}

// NextParseState is the parse state after this node, as
// ts_node_next_parse_state; it calls the runtime.
func (n Node) NextParseState() uint16 {
	return uint16(n.u32("ts_node_next_parse_state"))
}

// ChildCount is the number of children, named or not.
func (n Node) ChildCount() uint {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(t.visibleChildCount(m))
}

// NamedChildCount is the number of named children.
func (n Node) NamedChildCount() uint {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	if t.childCount(m) == 0 {
		return 0
	}
	return uint(le32(m, t.heap()+heapNamedChildCount))
}

// DescendantCount is the number of nodes in the subtree, n included.
func (n Node) DescendantCount() uint {
	s, m, t := n.lockView()
	if s == nil {
		return 0
	}
	defer s.unlock()
	return uint(t.visibleDescendantCount(m)) + 1
}

// Child returns child i, or the zero Node.
func (n Node) Child(i uint) Node {
	return n.nodeCall("ts_node_child", uint64(uint32(i)))
}

// NamedChild returns named child i, or the zero Node.
func (n Node) NamedChild(i uint) Node {
	return n.nodeCall("ts_node_named_child", uint64(uint32(i)))
}

// Parent returns the node's parent, or the zero Node for the root. It walks
// down from the root; to climb from deep nodes often, prefer
// ChildWithDescendant or a TreeCursor.
func (n Node) Parent() Node { return n.nodeCall("ts_node_parent") }

// NextSibling returns the next sibling, or the zero Node.
func (n Node) NextSibling() Node { return n.nodeCall("ts_node_next_sibling") }

// PrevSibling returns the previous sibling, or the zero Node.
func (n Node) PrevSibling() Node { return n.nodeCall("ts_node_prev_sibling") }

// NextNamedSibling returns the next named sibling, or the zero Node.
func (n Node) NextNamedSibling() Node { return n.nodeCall("ts_node_next_named_sibling") }

// PrevNamedSibling returns the previous named sibling, or the zero Node.
func (n Node) PrevNamedSibling() Node { return n.nodeCall("ts_node_prev_named_sibling") }

// ChildByFieldId returns the first child with the given field id, or the zero Node.
func (n Node) ChildByFieldId(id uint16) Node {
	if id == 0 {
		return Node{}
	}
	return n.nodeCall("ts_node_child_by_field_id", uint64(id))
}

// ChildByFieldName returns the first child with the given field name, or the zero Node.
func (n Node) ChildByFieldName(name string) Node {
	if n.tree == nil {
		return Node{}
	}
	return n.ChildByFieldId(n.tree.lang.FieldIdForName(name))
}

// FirstChildForByte returns the first child that contains or starts after
// the byte offset, or the zero Node.
func (n Node) FirstChildForByte(offset uint) Node {
	return n.nodeCall("ts_node_first_child_for_byte", uint64(clampU32(offset)))
}

// FirstNamedChildForByte returns the first named child that contains or
// starts after the byte offset, or the zero Node.
func (n Node) FirstNamedChildForByte(offset uint) Node {
	return n.nodeCall("ts_node_first_named_child_for_byte", uint64(clampU32(offset)))
}

// DescendantForByteRange returns the smallest node within n that spans the
// bytes [start, end), or the zero Node.
func (n Node) DescendantForByteRange(start, end uint) Node {
	return n.nodeCall("ts_node_descendant_for_byte_range", uint64(clampU32(start)), uint64(clampU32(end)))
}

// NamedDescendantForByteRange returns the smallest named node within n that
// spans the bytes [start, end), or the zero Node.
func (n Node) NamedDescendantForByteRange(start, end uint) Node {
	return n.nodeCall("ts_node_named_descendant_for_byte_range", uint64(clampU32(start)), uint64(clampU32(end)))
}

// DescendantForPointRange returns the smallest node within n that spans
// the positions [start, end), or the zero Node.
func (n Node) DescendantForPointRange(start, end Point) Node {
	return n.pointRangeCall("ts_node_descendant_for_point_range", start, end)
}

// NamedDescendantForPointRange returns the smallest named node within n
// that spans the positions [start, end), or the zero Node.
func (n Node) NamedDescendantForPointRange(start, end Point) Node {
	return n.pointRangeCall("ts_node_named_descendant_for_point_range", start, end)
}

// ChildWithDescendant returns the child of n that contains descendant
// (which may be descendant itself), or the zero Node if descendant is not
// inside n or belongs to another tree.
func (n Node) ChildWithDescendant(descendant Node) Node {
	if descendant.id == 0 || descendant.tree != n.tree {
		return Node{}
	}
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return Node{}
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchNode2, &descendant)
	return n.callLocked("ts_node_child_with_descendant", uint64(s.scratch+scratchNode2))
}

// FieldNameForChild returns the field name of child i, or "".
func (n Node) FieldNameForChild(i uint) string {
	return n.stringCall("ts_node_field_name_for_child", clampU32(i))
}

// FieldNameForNamedChild returns the field name of named child i, or "".
func (n Node) FieldNameForNamedChild(i uint) string {
	return n.stringCall("ts_node_field_name_for_named_child", clampU32(i))
}

// Children yields the node's children, named or not. It walks them with
// cursor, which it resets to n (pass nil to use a private one); no call
// into wasm is made per child.
func (n Node) Children(cursor *TreeCursor) iter.Seq[Node] {
	return n.childSeq(cursor, func(*cursorCore, []byte, Node, subtree) bool { return true })
}

// NamedChildren yields the node's named children; see Children.
func (n Node) NamedChildren(cursor *TreeCursor) iter.Seq[Node] {
	return n.childSeq(cursor, func(_ *cursorCore, m []byte, c Node, t subtree) bool { return c.isNamed(m, t) })
}

// ChildrenByFieldId yields the children with the given field id; see Children.
func (n Node) ChildrenByFieldId(id uint16, cursor *TreeCursor) iter.Seq[Node] {
	if id == 0 {
		return func(func(Node) bool) {}
	}
	return n.childSeq(cursor, func(c *cursorCore, m []byte, _ Node, _ subtree) bool { return c.fieldID(m) == id })
}

// ChildrenByFieldName yields the children with the given field name; see Children.
func (n Node) ChildrenByFieldName(name string, cursor *TreeCursor) iter.Seq[Node] {
	var id uint16
	if n.tree != nil {
		id = n.tree.lang.FieldIdForName(name)
	}
	return n.ChildrenByFieldId(id, cursor)
}

// childSeq walks n's children with a cursor and yields those keep accepts.
// The store is locked only while stepping, never while yielding.
func (n Node) childSeq(cursor *TreeCursor, keep func(*cursorCore, []byte, Node, subtree) bool) iter.Seq[Node] {
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
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
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

// lockView locks n's store and returns it with its memory and n's subtree.
// It returns a nil store, unlocked, for the zero Node or a closed tree. The
// memory slice is valid until the next wasm call or unlock.
func (n Node) lockView() (*Store, []byte, subtree) {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return nil, nil, subtree{}
	}
	s := n.tree.h.store
	m := s.memView()
	return s, m, loadSubtree(m, n.id)
}

// u32 calls the runtime function name(&node) and returns its integer result.
func (n Node) u32(name string) uint32 {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return 0
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	r, err := s.call(context.Background(), s.export(name), uint64(s.scratch+scratchArg))
	if err != nil {
		s.trap(name, n.tree.lang.name, err)
		return 0
	}
	return uint32(r)
}

// stringCall calls name(&node, i), which returns a C string owned by the
// language, or NULL.
func (n Node) stringCall(name string, i uint32) string {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return ""
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	p, err := s.call(context.Background(), s.export(name), uint64(s.scratch+scratchArg), uint64(i))
	if err != nil {
		s.trap(name, n.tree.lang.name, err)
		return ""
	}
	return s.cString(uint32(p))
}

// nodeCall calls name(&result, &node, args...) for a runtime function that
// returns a node.
func (n Node) nodeCall(name string, args ...uint64) Node {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return Node{}
	}
	defer n.tree.h.store.unlock()
	return n.callLocked(name, args...)
}

func (n Node) pointRangeCall(name string, start, end Point) Node {
	if n.id == 0 || n.tree == nil || n.tree.lockOpen() != nil {
		return Node{}
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writePoint(s.scratch+scratchPointA, start)
	s.writePoint(s.scratch+scratchPointB, end)
	return n.callLocked(name, uint64(s.scratch+scratchPointA), uint64(s.scratch+scratchPointB))
}

// callLocked is nodeCall with the store already locked.
func (n Node) callLocked(name string, args ...uint64) Node {
	s := n.tree.h.store
	s.writeNode(s.scratch+scratchArg, &n)
	var buf [4]uint64
	all := append(buf[:0], uint64(s.scratch+scratchResult), uint64(s.scratch+scratchArg))
	all = append(all, args...)
	if _, err := s.call(context.Background(), s.export(name), all...); err != nil {
		s.trap(name, n.tree.lang.name, err)
		return Node{}
	}
	return s.readNode(s.scratch+scratchResult, n.tree)
}

// writePoint stores a TSPoint at p; values beyond uint32 saturate.
func (s *Store) writePoint(p uint32, pt Point) {
	s.mem.WriteUint32Le(p, clampU32(pt.Row))
	s.mem.WriteUint32Le(p+4, clampU32(pt.Column))
}

func clampU32(v uint) uint32 {
	if uint64(v) > 0xFFFFFFFF {
		return 0xFFFFFFFF
	}
	return uint32(v)
}

// ---- tree-sitter's structures in linear memory -------------------------------
//
// The offsets below are those of tree-sitter 0.25.1 (internal/runtime) built
// for wasm32 with clang-19 (checked there with offsetof and bit-field probes):
//
//	Subtree (8 bytes): a union of a pointer to SubtreeHeapData and, when bit 0
//	is set, SubtreeInlineData {flags u8; symbol u8; parse_state u16;
//	padding_columns u8; padding_rows:4 lookahead_bytes:4; padding_bytes u8;
//	size_bytes u8}. Inline flags: is_inline, visible, named, extra,
//	has_changes, is_missing, is_keyword (bits 0..6).
//	SubtreeHeapData: see the heap* constants; its children (Subtree[n]) sit
//	just before it.
//	TSTree: {Subtree root; const TSLanguage *language; ...}; a root node's
//	id is the TSTree's address.
//
// Tests compare every reader here with the runtime's own functions on whole
// trees (node_test.go, cursor_test.go), so a runtime rebuilt with other
// layouts fails them.
const (
	heapPadding                = 4  // Length
	heapSize                   = 16 // Length
	heapErrorCost              = 32 // u32
	heapChildCount             = 36 // u32
	heapSymbol                 = 40 // u16
	heapParseState             = 42 // u16
	heapFlags0                 = 44 // visible, named, extra, fragile_left, fragile_right, has_changes, has_external_tokens, has_external_scanner_state_change
	heapFlags1                 = 45 // depends_on_column, is_missing, is_keyword
	heapVisibleChildCount      = 48 // u32, when child_count > 0
	heapNamedChildCount        = 52 // u32, when child_count > 0
	heapVisibleDescendantCount = 56 // u32, when child_count > 0
	heapProductionID           = 66 // u16, when child_count > 0
	subtreeSlotSize            = 8  // sizeof(Subtree)

	symbolError       = 0xFFFF // ts_builtin_sym_error
	symbolErrorRepeat = 0xFFFE // ts_builtin_sym_error_repeat

	// ERROR_COST_PER_MISSING_TREE + ERROR_COST_PER_RECOVERY
	missingErrorCost = 110 + 500
)

// Normalized subtree flags, as subtree.flags returns them.
const (
	subVisible uint8 = 1 << iota
	subNamed
	subExtra
	subHasChanges
	subMissing
	subKeyword
)

// memView returns the store's whole linear memory. The caller holds s.mu;
// the slice is valid until the next wasm call (which may grow memory).
func (s *Store) memView() []byte {
	b, _ := s.mem.Read(0, s.mem.Size())
	return b
}

func le16(m []byte, p uint32) uint16 {
	if uint64(p)+2 > uint64(len(m)) {
		return 0
	}
	return binary.LittleEndian.Uint16(m[p:])
}

func le32(m []byte, p uint32) uint32 {
	if uint64(p)+4 > uint64(len(m)) {
		return 0
	}
	return binary.LittleEndian.Uint32(m[p:])
}

func byteAt(m []byte, p uint32) uint8 {
	if uint64(p) >= uint64(len(m)) {
		return 0
	}
	return m[p]
}

// length is tree-sitter's Length: a byte count and a (row, column) extent.
type length struct{ bytes, row, col uint32 }

// add is length_add (and point_add for the extent).
func (a length) add(b length) length {
	r := length{bytes: a.bytes + b.bytes}
	if b.row > 0 {
		r.row, r.col = a.row+b.row, b.col
	} else {
		r.row, r.col = a.row, a.col+b.col
	}
	return r
}

var lengthUndefined = length{0, 0, 1}

func (a length) undefined() bool { return a.bytes == 0 && a.col != 0 }

// backtrack is length_backtrack: the position that, plus b, gives a.
func (a length) backtrack(b length) length {
	if a.undefined() || b.row != 0 {
		return lengthUndefined
	}
	return length{bytes: a.bytes - b.bytes, row: a.row, col: a.col - b.col}
}

func readLength(m []byte, p uint32) length {
	return length{bytes: le32(m, p), row: le32(m, p+4), col: le32(m, p+8)}
}

// subtree is a Subtree value: the 8 bytes of the union, loaded from its slot.
type subtree struct{ lo, hi uint32 }

func loadSubtree(m []byte, slot uint32) subtree {
	return subtree{lo: le32(m, slot), hi: le32(m, slot+4)}
}

func (t subtree) inline() bool { return t.lo&1 != 0 }

// heap is the SubtreeHeapData address (0 for inline subtrees).
func (t subtree) heap() uint32 {
	if t.inline() {
		return 0
	}
	return t.lo
}

func (t subtree) symbol(m []byte) uint16 {
	if t.inline() {
		return uint16(t.lo >> 8 & 0xFF)
	}
	return le16(m, t.lo+heapSymbol)
}

func (t subtree) parseState(m []byte) uint16 {
	if t.inline() {
		return uint16(t.lo >> 16)
	}
	return le16(m, t.lo+heapParseState)
}

func (t subtree) flags(m []byte) uint8 {
	if t.inline() {
		return uint8(t.lo>>1) & 0x3F // visible..is_keyword, in the same order
	}
	f0, f1 := byteAt(m, t.lo+heapFlags0), byteAt(m, t.lo+heapFlags1)
	f := f0 & 0x7 // visible, named, extra
	if f0&0x20 != 0 {
		f |= subHasChanges
	}
	if f1&0x2 != 0 {
		f |= subMissing
	}
	if f1&0x4 != 0 {
		f |= subKeyword
	}
	return f
}

func (t subtree) visible(m []byte) bool { return t.flags(m)&subVisible != 0 }
func (t subtree) extra(m []byte) bool   { return t.flags(m)&subExtra != 0 }

func (t subtree) size(m []byte) length {
	if t.inline() {
		b := t.hi >> 24
		return length{bytes: b, col: b}
	}
	return readLength(m, t.lo+heapSize)
}

func (t subtree) padding(m []byte) length {
	if t.inline() {
		return length{bytes: t.hi >> 16 & 0xFF, row: t.hi >> 8 & 0xF, col: t.hi & 0xFF}
	}
	return readLength(m, t.lo+heapPadding)
}

// childCount is 0 for leaves. A count whose children array would start
// below address 0 (only possible when reading freed memory, such as nodes
// kept across Tree.Edit) reads as 0, so no walk can loop on garbage.
func (t subtree) childCount(m []byte) uint32 {
	if t.inline() {
		return 0
	}
	n := le32(m, t.lo+heapChildCount)
	if uint64(n)*subtreeSlotSize > uint64(t.lo) {
		return 0
	}
	return n
}

func (t subtree) visibleChildCount(m []byte) uint32 {
	if t.childCount(m) == 0 {
		return 0
	}
	return le32(m, t.lo+heapVisibleChildCount)
}

func (t subtree) visibleDescendantCount(m []byte) uint32 {
	if t.childCount(m) == 0 {
		return 0
	}
	return le32(m, t.lo+heapVisibleDescendantCount)
}

// productionID reads the field of a subtree with children.
func (t subtree) productionID(m []byte) uint16 {
	if t.inline() {
		return 0
	}
	return le16(m, t.lo+heapProductionID)
}

func (t subtree) errorCost(m []byte) uint32 {
	if t.flags(m)&subMissing != 0 {
		return missingErrorCost
	}
	if t.inline() {
		return 0
	}
	return le32(m, t.lo+heapErrorCost)
}

// child returns the address of child i's Subtree slot.
func (t subtree) child(m []byte, i uint32) uint32 {
	return t.lo - (t.childCount(m)-i)*subtreeSlotSize
}
