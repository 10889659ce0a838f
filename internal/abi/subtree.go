// subtree.go: readers of tree-sitter's Subtree (inline and heap forms) and Length.
package abi

// Length is tree-sitter's Length: a byte count and a (row, column) extent.
type Length struct{ Bytes, Row, Col uint32 }

// Add is length_add (and point_add for the extent).
func (a Length) Add(b Length) Length {
	r := Length{Bytes: a.Bytes + b.Bytes}
	if b.Row > 0 {
		r.Row, r.Col = a.Row+b.Row, b.Col
	} else {
		r.Row, r.Col = a.Row, a.Col+b.Col
	}
	return r
}

// LengthUndefined is length_undefined().
var LengthUndefined = Length{0, 0, 1}

// Undefined is length_is_undefined.
func (a Length) Undefined() bool { return a.Bytes == 0 && a.Col != 0 }

// Backtrack is length_backtrack: the position that, plus b, gives a.
func (a Length) Backtrack(b Length) Length {
	if a.Undefined() || b.Row != 0 {
		return LengthUndefined
	}
	return Length{Bytes: a.Bytes - b.Bytes, Row: a.Row, Col: a.Col - b.Col}
}

// Length reads a Length at p.
func (v View) Length(p Ptr) Length {
	return Length{Bytes: v.U32(p + LengthBytes), Row: v.U32(p + LengthRow), Col: v.U32(p + LengthCol)}
}

// Normalized subtree flags, as Subtree.Flags returns them for both forms.
const (
	FlagVisible uint8 = 1 << iota
	FlagNamed
	FlagExtra
	FlagHasChanges
	FlagMissing
	FlagKeyword
)

// Subtree is a Subtree value: the 8 bytes of the union, loaded from its slot.
type Subtree struct{ lo, hi uint32 }

// LoadSubtree reads the Subtree in the slot at p.
func (v View) LoadSubtree(slot Ptr) Subtree {
	if uint64(slot)+SubtreeSize > uint64(len(v)) {
		return Subtree{}
	}
	return Subtree{lo: v.U32(slot), hi: v.U32(slot + 4)}
}

// The inline readers below take each field from the half of the 8 bytes
// it lies in; these compile-time checks fail if layout.go moves a field to
// the other half.
const (
	_ = uint(31 - InlineIsKeyword)     // flag bits in lo
	_ = uint(3 - InlineSymbol)         // symbol in lo
	_ = uint(2 - InlineParseState)     // parse state (2 bytes) in lo
	_ = uint(InlinePaddingColumns - 4) // padding columns in hi
	_ = uint(InlinePaddingBytes - 4)   // padding bytes in hi
	_ = uint(InlineSizeBytes - 4)      // size bytes in hi
	_ = uint(InlinePaddingRows - 32)   // padding rows in hi
)

// inlineFlagsInOrder is true when the inline flag bits stand in the order
// of the Flag* constants, so that one shift reads them all.
const inlineFlagsInOrder = InlineNamed == InlineVisible+1 && InlineExtra == InlineVisible+2 &&
	InlineHasChanges == InlineVisible+3 && InlineIsMissing == InlineVisible+4 && InlineIsKeyword == InlineVisible+5

// Inline reports whether the subtree is stored inline (a small leaf).
func (t Subtree) Inline() bool { return t.lo>>InlineIsInline&1 != 0 }

// Heap is the SubtreeHeapData address (0 for inline subtrees).
func (t Subtree) Heap() Ptr {
	if t.Inline() {
		return 0
	}
	return Ptr(t.lo)
}

// Symbol is the subtree's grammar symbol.
func (t Subtree) Symbol(v View) uint16 {
	if t.Inline() {
		return uint16(t.lo >> (8 * InlineSymbol) & 0xFF)
	}
	return v.U16(Ptr(t.lo) + HeapSymbol)
}

// ParseState is the state the subtree was created in.
func (t Subtree) ParseState(v View) uint16 {
	if t.Inline() {
		return uint16(t.lo >> (8 * InlineParseState))
	}
	return v.U16(Ptr(t.lo) + HeapParseState)
}

// Flags returns the Flag* bits of the subtree.
func (t Subtree) Flags(v View) uint8 {
	if t.Inline() {
		if inlineFlagsInOrder {
			return uint8(t.lo>>InlineVisible) & 0x3F
		}
		b := t.lo
		return uint8(b>>InlineVisible&1) | uint8(b>>InlineNamed&1)<<1 | uint8(b>>InlineExtra&1)<<2 |
			uint8(b>>InlineHasChanges&1)<<3 | uint8(b>>InlineIsMissing&1)<<4 | uint8(b>>InlineIsKeyword&1)<<5
	}
	// The heap flags share one 32-bit word starting at the byte of visible.
	w := v.U32(Ptr(t.lo) + heapFlagsByte)
	return uint8(w>>(HeapVisible-heapFlagsBit)&1) | uint8(w>>(HeapNamed-heapFlagsBit)&1)<<1 |
		uint8(w>>(HeapExtra-heapFlagsBit)&1)<<2 | uint8(w>>(HeapHasChanges-heapFlagsBit)&1)<<3 |
		uint8(w>>(HeapIsMissing-heapFlagsBit)&1)<<4 | uint8(w>>(HeapIsKeyword-heapFlagsBit)&1)<<5
}

const (
	heapFlagsByte = HeapVisible / 8
	heapFlagsBit  = heapFlagsByte * 8
	// Compile-time checks: every heap flag lies in the word Flags reads.
	_ = uint(31 - (HeapIsKeyword - heapFlagsBit))
	_ = uint(31 - (HeapIsMissing - heapFlagsBit))
	_ = uint(31 - (HeapHasChanges - heapFlagsBit))
	_ = uint(HeapNamed - heapFlagsBit)
	_ = uint(HeapExtra - heapFlagsBit)
)

// Extra reports whether the subtree is an extra.
func (t Subtree) Extra(v View) bool { return t.Flags(v)&FlagExtra != 0 }

// Size is the subtree's size, without its padding.
func (t Subtree) Size(v View) Length {
	if t.Inline() {
		b := t.hi >> (8 * (InlineSizeBytes - 4)) & 0xFF
		return Length{Bytes: b, Col: b}
	}
	return v.Length(Ptr(t.lo) + HeapSize)
}

// Padding is the whitespace before the subtree.
func (t Subtree) Padding(v View) Length {
	if t.Inline() {
		return Length{
			Bytes: t.hi >> (8 * (InlinePaddingBytes - 4)) & 0xFF,
			Row:   t.hi >> (InlinePaddingRows - 32) & 0xF,
			Col:   t.hi >> (8 * (InlinePaddingColumns - 4)) & 0xFF,
		}
	}
	return v.Length(Ptr(t.lo) + HeapPadding)
}

// ChildCount is 0 for leaves. A count whose children array would start
// below address 0 (only possible when reading freed memory, such as nodes
// kept across an edit) reads as 0, so no walk can loop on garbage.
func (t Subtree) ChildCount(v View) uint32 {
	if t.Inline() {
		return 0
	}
	n := v.U32(Ptr(t.lo) + HeapChildCount)
	if uint64(n)*SubtreeSize > uint64(t.lo) {
		return 0
	}
	return n
}

// ChildSlot returns the address of the Subtree slot of child i of a parent
// with childCount children: the children sit just before the heap data.
func (t Subtree) ChildSlot(childCount, i uint32) Ptr {
	return Ptr(t.lo - (childCount-i)*SubtreeSize)
}

// VisibleChildCount is the number of visible children.
func (t Subtree) VisibleChildCount(v View) uint32 { return t.parentU32(v, HeapVisibleChildCount) }

// NamedChildCount is the number of named children.
func (t Subtree) NamedChildCount(v View) uint32 { return t.parentU32(v, HeapNamedChildCount) }

// VisibleDescendantCount is the number of visible descendants.
func (t Subtree) VisibleDescendantCount(v View) uint32 {
	return t.parentU32(v, HeapVisibleDescendantCount)
}

// parentU32 reads a field that only subtrees with children have.
func (t Subtree) parentU32(v View, off Ptr) uint32 {
	if t.ChildCount(v) == 0 {
		return 0
	}
	return v.U32(Ptr(t.lo) + off)
}

// ProductionID reads the field of a subtree with children.
func (t Subtree) ProductionID(v View) uint16 {
	if t.Inline() {
		return 0
	}
	return v.U16(Ptr(t.lo) + HeapProductionID)
}

// ErrorCost is ts_subtree_error_cost.
func (t Subtree) ErrorCost(v View) uint32 {
	if t.Flags(v)&FlagMissing != 0 {
		return MissingErrorCost
	}
	if t.Inline() {
		return 0
	}
	return v.U32(Ptr(t.lo) + HeapErrorCost)
}
