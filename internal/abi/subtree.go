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

// Inline reports whether the subtree is stored inline (a small leaf).
func (t Subtree) Inline() bool { return t.inlineBit(InlineIsInline) }

// inlineBit reads a one-bit field of the inline form (bits 0..63).
func (t Subtree) inlineBit(bit uint32) bool {
	if bit < 32 {
		return t.lo>>bit&1 != 0
	}
	return t.hi>>(bit-32)&1 != 0
}

// inlineByte reads the byte at offset off of the inline form.
func (t Subtree) inlineByte(off uint32) uint32 {
	if off < 4 {
		return t.lo >> (8 * off) & 0xFF
	}
	return t.hi >> (8 * (off - 4)) & 0xFF
}

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
		return uint16(t.inlineByte(InlineSymbol))
	}
	return v.U16(Ptr(t.lo) + HeapSymbol)
}

// ParseState is the state the subtree was created in.
func (t Subtree) ParseState(v View) uint16 {
	if t.Inline() {
		return uint16(t.inlineByte(InlineParseState) | t.inlineByte(InlineParseState+1)<<8)
	}
	return v.U16(Ptr(t.lo) + HeapParseState)
}

// Flags returns the Flag* bits of the subtree.
func (t Subtree) Flags(v View) uint8 {
	if t.Inline() {
		b := uint64(t.hi)<<32 | uint64(t.lo)
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
		b := t.inlineByte(InlineSizeBytes)
		return Length{Bytes: b, Col: b}
	}
	return v.Length(Ptr(t.lo) + HeapSize)
}

// Padding is the whitespace before the subtree.
func (t Subtree) Padding(v View) Length {
	if t.Inline() {
		rows := t.inlineByte(InlinePaddingRows/8) >> (InlinePaddingRows % 8) & 0xF
		return Length{Bytes: t.inlineByte(InlinePaddingBytes), Row: rows, Col: t.inlineByte(InlinePaddingColumns)}
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
