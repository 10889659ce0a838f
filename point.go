// point.go: Point and Range, the positions in source text, and their conversion to the runtime's structs.
package tswasm

import "github.com/tswasm/tswasm/internal/abi"

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

// raw converts p to a TSPoint; values beyond uint32 saturate.
func (p Point) raw() abi.Point { return abi.Point{Row: clampU32(p.Row), Column: clampU32(p.Column)} }

func pointFrom(p abi.Point) Point { return Point{Row: uint(p.Row), Column: uint(p.Column)} }

// raw converts r to a TSRange; values beyond uint32 saturate.
func (r Range) raw() abi.Range {
	return abi.Range{StartPoint: r.StartPoint.raw(), EndPoint: r.EndPoint.raw(),
		StartByte: clampU32(r.StartByte), EndByte: clampU32(r.EndByte)}
}

func rangeFrom(r abi.Range) Range {
	return Range{StartPoint: pointFrom(r.StartPoint), EndPoint: pointFrom(r.EndPoint),
		StartByte: uint(r.StartByte), EndByte: uint(r.EndByte)}
}

func clampU32(v uint) uint32 {
	if uint64(v) > 0xFFFFFFFF {
		return 0xFFFFFFFF
	}
	return uint32(v)
}
