// ranges.go: included ranges (parsing parts of a text) and the changed ranges between two trees.
package tswasm

import (
	"context"
	"fmt"
	"math"

	"github.com/tswasm/tswasm/internal/abi"
)

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
	if !p.use.enter() {
		return ErrConcurrentUse
	}
	defer p.use.exit()
	prevEnd := uint(0)
	for i, r := range ranges {
		if r.StartByte < prevEnd || r.EndByte < r.StartByte || r.EndByte > math.MaxUint32 ||
			r.StartPoint.Row > math.MaxUint32 || r.StartPoint.Column > math.MaxUint32 ||
			r.EndPoint.Row > math.MaxUint32 || r.EndPoint.Column > math.MaxUint32 {
			return &IncludedRangesError{Index: i}
		}
		prevEnd = r.EndByte
	}
	if len(ranges) > math.MaxUint32/abi.RangeSize {
		return fmt.Errorf("tswasm: %d included ranges are too many", len(ranges))
	}
	if err := p.h.lock(); err != nil {
		return err
	}
	s := p.h.store
	defer s.unlock()
	var buf abi.Ptr
	if len(ranges) > 0 {
		var err error
		if buf, err = s.malloc(ctx, uint32(len(ranges)*abi.RangeSize)); err != nil {
			return err
		}
		raw := make([]abi.Range, len(ranges))
		for i, r := range ranges {
			raw[i] = r.raw()
		}
		s.view().PutRanges(buf, raw)
	}
	ok, err := s.call3(ctx, p.langName(), abi.TsParserSetIncludedRanges, p.h.ptr.Arg(), buf.Arg(), uint64(len(ranges)))
	if err != nil {
		return err
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
	if err := p.h.lock(); err != nil {
		return nil, err
	}
	s := p.h.store
	defer s.unlock()
	ptr, err := s.call2(context.Background(), p.langName(), abi.TsParserIncludedRanges, p.h.ptr.Arg(), s.arg(abi.ScratchOut0))
	if err != nil {
		return nil, err
	}
	return s.readRanges(abi.Ptr(ptr), s.u32(s.at(abi.ScratchOut0))) // owned by the parser: not freed
}

// IncludedRanges returns the ranges of the text the tree was parsed from
// (see Parser.SetIncludedRanges).
func (t *Tree) IncludedRanges() ([]Range, error) {
	if err := t.lockOpen(); err != nil {
		return nil, err
	}
	s := t.h.store
	defer s.unlock()
	ptr, err := s.call2(context.Background(), t.lang.name, abi.TsTreeIncludedRanges, t.h.ptr.Arg(), s.arg(abi.ScratchOut0))
	if err != nil {
		return nil, err
	}
	return s.takeRanges(abi.Ptr(ptr))
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
	ptr, err := s.call3(context.Background(), t.lang.name, abi.TsTreeGetChangedRanges, t.h.ptr.Arg(), other.h.ptr.Arg(), s.arg(abi.ScratchOut0))
	if err != nil {
		return nil, err
	}
	return s.takeRanges(abi.Ptr(ptr))
}
