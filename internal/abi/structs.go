// structs.go: readers and writers of the API structs passed to and from the runtime (TSNode, TSPoint, TSRange, TSInputEdit, TSQueryMatch, TSTreeCursor).
package abi

// Node is a TSNode: the context words (start byte, start row, start column,
// alias symbol), the address of the node's Subtree slot (its id), and the
// TSTree's address.
type Node struct {
	Context [4]uint32
	ID      Ptr
	Tree    Ptr
}

// Node reads the TSNode at p.
func (v View) Node(p Ptr) Node {
	return Node{
		Context: [4]uint32{v.U32(p + NodeContext), v.U32(p + NodeContext + 4), v.U32(p + NodeContext + 8), v.U32(p + NodeContext + 12)},
		ID:      v.Ptr(p + NodeID),
		Tree:    v.Ptr(p + NodeTree),
	}
}

// PutNode writes n as a TSNode at p and reports whether it fit.
func (v View) PutNode(p Ptr, n *Node) bool {
	if uint64(p)+NodeSize > uint64(len(v)) {
		return false
	}
	for i, c := range n.Context {
		v.PutU32(p+NodeContext+Ptr(4*i), c)
	}
	v.PutU32(p+NodeID, uint32(n.ID))
	v.PutU32(p+NodeTree, uint32(n.Tree))
	return true
}

// Point is a TSPoint.
type Point struct{ Row, Column uint32 }

// Point reads the TSPoint at p.
func (v View) Point(p Ptr) Point {
	return Point{Row: v.U32(p + PointRow), Column: v.U32(p + PointColumn)}
}

// PutPoint writes a TSPoint at p and reports whether it fit.
func (v View) PutPoint(p Ptr, pt Point) bool {
	return v.PutU32(p+PointRow, pt.Row) && v.PutU32(p+PointColumn, pt.Column)
}

// Range is a TSRange.
type Range struct {
	StartPoint, EndPoint Point
	StartByte, EndByte   uint32
}

// Ranges copies the n TSRanges at p; false when they lie outside memory.
func (v View) Ranges(p Ptr, n uint32) ([]Range, bool) {
	if uint64(p)+uint64(n)*RangeSize > uint64(len(v)) {
		return nil, false
	}
	out := make([]Range, n)
	for i := range out {
		r := p + Ptr(i)*RangeSize
		out[i] = Range{
			StartPoint: v.Point(r + RangeStartPoint),
			EndPoint:   v.Point(r + RangeEndPoint),
			StartByte:  v.U32(r + RangeStartByte),
			EndByte:    v.U32(r + RangeEndByte),
		}
	}
	return out, true
}

// PutRanges writes rs as TSRanges at p and reports whether they fit.
func (v View) PutRanges(p Ptr, rs []Range) bool {
	if uint64(p)+uint64(len(rs))*RangeSize > uint64(len(v)) {
		return false
	}
	for i, r := range rs {
		q := p + Ptr(i)*RangeSize
		v.PutPoint(q+RangeStartPoint, r.StartPoint)
		v.PutPoint(q+RangeEndPoint, r.EndPoint)
		v.PutU32(q+RangeStartByte, r.StartByte)
		v.PutU32(q+RangeEndByte, r.EndByte)
	}
	return true
}

// InputEdit is a TSInputEdit.
type InputEdit struct {
	StartByte, OldEndByte, NewEndByte    uint32
	StartPoint, OldEndPoint, NewEndPoint Point
}

// PutInputEdit writes e as a TSInputEdit at p and reports whether it fit.
func (v View) PutInputEdit(p Ptr, e *InputEdit) bool {
	if uint64(p)+InputEditSize > uint64(len(v)) {
		return false
	}
	v.PutU32(p+InputEditStartByte, e.StartByte)
	v.PutU32(p+InputEditOldEndByte, e.OldEndByte)
	v.PutU32(p+InputEditNewEndByte, e.NewEndByte)
	v.PutPoint(p+InputEditStartPoint, e.StartPoint)
	v.PutPoint(p+InputEditOldEndPoint, e.OldEndPoint)
	v.PutPoint(p+InputEditNewEndPoint, e.NewEndPoint)
	return true
}

// QueryMatch is a TSQueryMatch header; its captures are at Captures.
type QueryMatch struct {
	ID           uint32
	Pattern      uint16
	CaptureCount uint16
	Captures     Ptr
}

// QueryMatch reads the TSQueryMatch at p.
func (v View) QueryMatch(p Ptr) QueryMatch {
	return QueryMatch{
		ID:           v.U32(p + QueryMatchID),
		Pattern:      v.U16(p + QueryMatchPattern),
		CaptureCount: v.U16(p + QueryMatchCaptureCount),
		Captures:     v.Ptr(p + QueryMatchCaptures),
	}
}

// QueryCapture reads capture i of m: its node and capture id. ok is false
// when the captures lie outside memory.
func (v View) QueryCapture(m *QueryMatch, i uint32) (n Node, index uint32, ok bool) {
	if uint64(m.Captures)+uint64(m.CaptureCount)*QueryCaptureSize > uint64(len(v)) {
		return Node{}, 0, false
	}
	c := m.Captures + Ptr(i)*QueryCaptureSize
	return v.Node(c + QueryCaptureNode), v.U32(c + QueryCaptureIndex), true
}

// PredicateStep is a TSQueryPredicateStep.
type PredicateStep struct{ Type, ValueID uint32 }

// PredicateSteps copies the n steps at p; false when they lie outside memory.
func (v View) PredicateSteps(p Ptr, n uint32) ([]PredicateStep, bool) {
	if uint64(p)+uint64(n)*PredicateStepSize > uint64(len(v)) {
		return nil, false
	}
	out := make([]PredicateStep, n)
	for i := range out {
		q := p + Ptr(i)*PredicateStepSize
		out[i] = PredicateStep{Type: v.U32(q + PredicateStepType), ValueID: v.U32(q + PredicateStepValueID)}
	}
	return out, true
}

// CursorEntry is a TreeCursorEntry of the runtime's own tree cursor.
type CursorEntry struct {
	Subtree                                    Ptr
	Position                                   Length
	ChildIndex, StructuralIndex, DescendantIdx uint32
}

// TreeCursor reads the runtime's TSTreeCursor at p: its tree, root alias
// and stack. Tests use it to compare the Go cursor with the C one.
func (v View) TreeCursor(p Ptr) (tree Ptr, rootAlias uint16, stack []CursorEntry) {
	tree, rootAlias = v.Ptr(p+TreeCursorTree), v.U16(p+TreeCursorRootAlias)
	contents, size := v.Ptr(p+TreeCursorStack), v.U32(p+TreeCursorStackSize)
	for i := range size {
		e := contents + Ptr(i)*CursorEntrySize
		stack = append(stack, CursorEntry{
			Subtree:         v.Ptr(e + CursorEntrySubtree),
			Position:        v.Length(e + CursorEntryPosition),
			ChildIndex:      v.U32(e + CursorEntryChildIndex),
			StructuralIndex: v.U32(e + CursorEntryStructural),
			DescendantIdx:   v.U32(e + CursorEntryDescendant),
		})
	}
	return tree, rootAlias, stack
}

// SymbolMetadata reads the TSSymbolMetadata of n symbols at p as bits:
// 1 visible, 2 named, 4 supertype. ok is false when a field is not 0 or 1
// (a layout mismatch) or the table lies outside memory.
func (v View) SymbolMetadata(p Ptr, n uint32) ([]uint8, bool) {
	b, ok := v.Copy(p, n*SymbolMetadataSize)
	if !ok {
		return nil, false
	}
	out := make([]uint8, n)
	for i := range out {
		e := b[i*SymbolMetadataSize:]
		vis, named, super := e[SymbolMetadataVisible], e[SymbolMetadataNamed], e[SymbolMetadataSupertype]
		if vis > 1 || named > 1 || super > 1 {
			return nil, false
		}
		out[i] = vis | named<<1 | super<<2
	}
	return out, true
}

// MapSlice is a TSMapSlice.
type MapSlice struct{ Index, Length uint16 }

// MapSlices copies the n TSMapSlices at p.
func (v View) MapSlices(p Ptr, n uint32) ([]MapSlice, bool) {
	b, ok := v.Copy(p, n*MapSliceSize)
	if !ok {
		return nil, false
	}
	out := make([]MapSlice, n)
	for i := range out {
		e := View(b[i*MapSliceSize:])
		out[i] = MapSlice{Index: e.U16(MapSliceIndex), Length: e.U16(MapSliceLength)}
	}
	return out, true
}

// FieldMapEntry is a TSFieldMapEntry.
type FieldMapEntry struct {
	Field      uint16
	ChildIndex uint8
	Inherited  bool
}

// FieldMapEntries copies the n TSFieldMapEntries at p.
func (v View) FieldMapEntries(p Ptr, n uint32) ([]FieldMapEntry, bool) {
	b, ok := v.Copy(p, n*FieldMapEntrySize)
	if !ok {
		return nil, false
	}
	out := make([]FieldMapEntry, n)
	for i := range out {
		e := View(b[i*FieldMapEntrySize:])
		out[i] = FieldMapEntry{Field: e.U16(FieldMapEntryField), ChildIndex: e.U8(FieldMapEntryChildIndex), Inherited: e.U8(FieldMapEntryInherited) != 0}
	}
	return out, true
}

// LanguageMetadata reads a TSLanguageMetadata (major, minor, patch) at p.
func (v View) LanguageMetadata(p Ptr) (major, minor, patch uint8, ok bool) {
	if _, ok := v.Bytes(p, LanguageMetadataSize); !ok {
		return 0, 0, 0, false
	}
	return v.U8(p + LanguageMetadataMajor), v.U8(p + LanguageMetadataMinor), v.U8(p + LanguageMetadataPatch), true
}
