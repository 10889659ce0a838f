package tswasm

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
)

// rangeSize is sizeof(TSRange) on wasm32.
const rangeSize = 24

func putRange(b []byte, r Range) {
	putPoint(b[0:], r.StartPoint)
	putPoint(b[8:], r.EndPoint)
	binary.LittleEndian.PutUint32(b[16:], uint32(r.StartByte))
	binary.LittleEndian.PutUint32(b[20:], uint32(r.EndByte))
}

func getRange(b []byte) Range {
	return Range{
		StartPoint: getPoint(b[0:]),
		EndPoint:   getPoint(b[8:]),
		StartByte:  uint(binary.LittleEndian.Uint32(b[16:])),
		EndByte:    uint(binary.LittleEndian.Uint32(b[20:])),
	}
}

// readRanges copies n TSRanges at p out of wasm memory.
func (s *Store) readRanges(p, n uint32) ([]Range, error) {
	if n == 0 {
		return []Range{}, nil
	}
	b, ok := s.mem.Read(p, n*rangeSize)
	if !ok {
		return nil, fmt.Errorf("tswasm: %d ranges at %#x lie outside wasm memory", n, p)
	}
	out := make([]Range, n)
	for i := range out {
		out[i] = getRange(b[i*rangeSize:])
	}
	return out, nil
}

// IncludedRangesError reports ranges that SetIncludedRanges refused: the
// range at Index starts before the previous one ends, ends before it
// starts, or does not fit in 32 bits.
type IncludedRangesError struct {
	Index int
}

// Error names the offending range.
func (e *IncludedRangesError) Error() string {
	return fmt.Sprintf("tswasm: included range %d overlaps or precedes the previous one, or is inverted", e.Index)
}

// SetIncludedRanges makes later parses read only the given ranges of the
// text, as if the text between them were absent (the tree still uses
// offsets and points of the whole text). This is how a document that mixes
// languages is parsed one language at a time. The ranges must be in order
// and must not overlap; an empty or nil slice restores the default, the
// whole text.
func (p *Parser) SetIncludedRanges(ctx context.Context, ranges []Range) error {
	if p.h.closed.Load() {
		return ErrClosed
	}
	prevEnd := uint(0)
	for i, r := range ranges {
		if r.StartByte < prevEnd || r.EndByte < r.StartByte || r.EndByte > math.MaxUint32 ||
			r.StartPoint.Row > math.MaxUint32 || r.StartPoint.Column > math.MaxUint32 ||
			r.EndPoint.Row > math.MaxUint32 || r.EndPoint.Column > math.MaxUint32 {
			return &IncludedRangesError{Index: i}
		}
		prevEnd = r.EndByte
	}
	if len(ranges) > math.MaxUint32/rangeSize {
		return fmt.Errorf("tswasm: %d included ranges are too many", len(ranges))
	}
	s := p.h.store
	if err := s.lock(); err != nil {
		return err
	}
	defer s.unlock()
	if p.h.closed.Load() {
		return ErrClosed
	}
	buf := uint32(0)
	if len(ranges) > 0 {
		var err error
		if buf, err = s.malloc(ctx, uint32(len(ranges)*rangeSize)); err != nil {
			return err
		}
		b, _ := s.mem.Read(buf, uint32(len(ranges)*rangeSize))
		for i, r := range ranges {
			putRange(b[i*rangeSize:], r)
		}
	}
	ok, err := s.call(ctx, s.export("ts_parser_set_included_ranges"), uint64(p.h.ptr), uint64(buf), uint64(len(ranges)))
	if err != nil {
		return s.trap("ts_parser_set_included_ranges", p.langName(), err)
	}
	if err := s.free(ctx, buf); err != nil {
		return err
	}
	if uint32(ok) == 0 {
		return fmt.Errorf("tswasm: ts_parser_set_included_ranges refused the ranges")
	}
	return nil
}

// IncludedRanges returns the ranges later parses read (SetIncludedRanges).
// By default it is one range covering everything: bytes 0 to 2³²-1.
func (p *Parser) IncludedRanges() ([]Range, error) {
	if p.h.closed.Load() {
		return nil, ErrClosed
	}
	s := p.h.store
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.unlock()
	if p.h.closed.Load() {
		return nil, ErrClosed
	}
	countAt := s.scratch + scratchExtra
	ptr, err := s.call(context.Background(), s.export("ts_parser_included_ranges"), uint64(p.h.ptr), uint64(countAt))
	if err != nil {
		return nil, s.trap("ts_parser_included_ranges", p.langName(), err)
	}
	return s.readRanges(uint32(ptr), s.u32(countAt)) // owned by the parser: not freed
}

// IncludedRanges returns the ranges of the text the tree was parsed from
// (see Parser.SetIncludedRanges).
func (t *Tree) IncludedRanges() ([]Range, error) {
	if err := t.lockOpen(); err != nil {
		return nil, err
	}
	s := t.h.store
	defer s.unlock()
	countAt := s.scratch + scratchExtra
	ptr, err := s.call(context.Background(), s.export("ts_tree_included_ranges"), uint64(t.h.ptr), uint64(countAt))
	if err != nil {
		return nil, s.trap("ts_tree_included_ranges", t.lang.name, err)
	}
	out, rerr := s.readRanges(uint32(ptr), s.u32(countAt))
	if err := s.free(context.Background(), uint32(ptr)); err != nil {
		return nil, err
	}
	return out, rerr
}

// ChangedRanges compares t, an old tree edited with Tree.Edit, with other,
// the tree of the new text parsed with t as the old tree. It returns the
// ranges (in the new text, in order, not overlapping) where the structure
// of the syntax nodes differs: any byte outside them has ancestor nodes of
// the same kinds, in the same order, in both trees. The ranges may be
// slightly larger than necessary. Call it with the edited old tree as the
// receiver and the new tree as the argument.
func (t *Tree) ChangedRanges(other *Tree) ([]Range, error) {
	if other == nil {
		return nil, fmt.Errorf("tswasm: ChangedRanges(nil)")
	}
	if other.h.store != t.h.store {
		return nil, fmt.Errorf("%w: the trees live in different stores", ErrForeignObject)
	}
	if other.lang.g != t.lang.g {
		return nil, fmt.Errorf("tswasm: cannot compare trees of languages %s and %s", t.lang.name, other.lang.name)
	}
	if err := t.lockOpen(); err != nil {
		return nil, err
	}
	s := t.h.store
	defer s.unlock()
	if other.h.closed.Load() {
		return nil, fmt.Errorf("other tree: %w", ErrClosed)
	}
	countAt := s.scratch + scratchExtra
	ptr, err := s.call(context.Background(), s.export("ts_tree_get_changed_ranges"), uint64(t.h.ptr), uint64(other.h.ptr), uint64(countAt))
	if err != nil {
		return nil, s.trap("ts_tree_get_changed_ranges", t.lang.name, err)
	}
	out, rerr := s.readRanges(uint32(ptr), s.u32(countAt))
	if err := s.free(context.Background(), uint32(ptr)); err != nil {
		return nil, err
	}
	return out, rerr
}
