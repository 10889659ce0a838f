// api_extras.go: small additions that match the official binding's names: version constants, NewPoint, UTF16Text, RootNodeWithOffset, ParseWithOptions and SatisfiesTextPredicate.
package tswasm

import (
	"context"

	"github.com/tswasm/tswasm/internal/abi"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

// The grammar ABI versions the runtime accepts (tree-sitter's
// TREE_SITTER_LANGUAGE_VERSION and TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION).
const (
	LanguageVersion              = tsrt.MaxABI
	MinCompatibleLanguageVersion = tsrt.MinABI
)

// NewPoint returns the Point at row and column (a byte column).
func NewPoint(row, column uint) Point { return Point{Row: row, Column: column} }

// UTF16Text returns the node's text in source, the UTF-16 code units its
// tree was parsed from (with SetEncoding(InputEncodingUTF16LE or BE)): the
// node's byte offsets are halved to index source. It returns nil for the
// zero Node or a node outside source.
func (n Node) UTF16Text(source []uint16) []uint16 {
	start, end := n.ByteRange()
	start, end = start/2, end/2
	if n.IsZero() || end > uint(len(source)) || start > end {
		return nil
	}
	return source[start:end]
}

// RootNodeWithOffset returns the root node as if the tree's text started at
// offsetBytes and offsetExtent of a larger document (for a tree parsed from
// an excerpt). It returns the zero Node if the tree is closed.
func (t *Tree) RootNodeWithOffset(offsetBytes uint, offsetExtent Point) Node {
	if t.lockOpen() != nil {
		return Node{}
	}
	defer t.h.store.unlock()
	s := t.h.store
	if !s.writePoint(s.at(abi.ScratchPointA), offsetExtent) {
		return Node{}
	}
	if _, err := s.call4(context.Background(), t.lang.name, abi.TsTreeRootNodeWithOffset, s.arg(abi.ScratchResult),
		t.h.ptr.Arg(), uint64(uint32(offsetBytes)), s.arg(abi.ScratchPointA)); err != nil {
		return Node{}
	}
	return s.readNode(s.at(abi.ScratchResult), t)
}

// ParseState is what a parse's progress callback is told.
type ParseState struct {
	CurrentByteOffset uint32 // how far the parser has read
	HasError          bool   // whether the parse has met a syntax error so far
}

// ParseOptions are the options of ParseWithOptions.
type ParseOptions struct {
	// ProgressCallback, if not nil, is called every few hundred parser
	// operations; returning true stops the parse, which then fails with
	// ErrStopped. It runs while the parser's store is locked, with the
	// restrictions described at ParseWith.
	ProgressCallback func(ParseState) bool
}

// progressKey carries ParseOptions.ProgressCallback to Parser.run.
type progressKey struct{}

// ParseWithOptions is ParseWith with options (opts may be nil). With a
// progress callback that stops the parse, the error is ErrStopped and the
// parser is ready for the next parse.
func (p *Parser) ParseWithOptions(ctx context.Context, read func(byteOffset uint, p Point) []byte, old *Tree, opts *ParseOptions) (*Tree, error) {
	if opts != nil && opts.ProgressCallback != nil {
		cb := opts.ProgressCallback
		ctx = context.WithValue(ctx, progressKey{}, func(off uint32, hasError bool) bool {
			return cb(ParseState{CurrentByteOffset: off, HasError: hasError})
		})
	}
	return p.ParseWith(ctx, read, old)
}

// parseProgress returns the progress callback ParseWithOptions put in ctx.
func parseProgress(ctx context.Context) func(uint32, bool) bool {
	f, _ := ctx.Value(progressKey{}).(func(uint32, bool) bool)
	return f
}

// SatisfiesTextPredicate reports whether m's captures satisfy the text
// predicates (#eq?, #match?, #any-of? and their negations) of m's pattern in
// q, against source. Matches and Captures already drop the matches that do
// not; this is for matches obtained otherwise or kept from another source.
func (m *QueryMatch) SatisfiesTextPredicate(q *Query, source []byte) bool {
	if m == nil || q == nil {
		return false
	}
	p := int(m.PatternIndex)
	if p >= int(q.PatternCount()) || !q.hasTextPredicates(p) {
		return true
	}
	caps := make([]capturedText, len(m.Captures))
	for i, c := range m.Captures {
		s, e := c.Node.ByteRange()
		caps[i] = capturedText{index: c.Index, start: uint32(s), end: uint32(e)}
	}
	return q.satisfiesTextPredicates(p, caps, source)
}
