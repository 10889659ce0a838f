// query_iter.go: the query iterators (Matches, Captures and their WithOptions forms), which yield an error as their last element instead of losing it.
package tswasm

import (
	"context"
	"errors"
	"iter"
)

// ErrStopped is the error of a parse or query iteration that a progress
// callback stopped by returning true.
var ErrStopped = errors.New("tswasm: stopped by the progress callback")

// errSuperseded ends an iteration that the loop body ended by starting
// another one on the same QueryCursor.
var errSuperseded = errors.New("tswasm: query iteration ended by another iteration on the same QueryCursor")

// QueryCaptureResult is one element of Captures: a match and the index,
// within the match's Captures, of the capture this element is about.
type QueryCaptureResult struct {
	Match *QueryMatch
	Index uint
}

// Capture returns the capture this element is about.
func (r QueryCaptureResult) Capture() QueryCapture { return r.Match.Captures[r.Index] }

// QueryCursorState is what a query's progress callback is told.
type QueryCursorState struct {
	CurrentByteOffset uint32 // how far into the text the run has got
}

// QueryCursorOptions are the options of MatchesWithOptions and
// CapturesWithOptions.
type QueryCursorOptions struct {
	// ProgressCallback, if not nil, is called every few hundred operations
	// of the run; returning true stops it, and the iteration then ends with
	// ErrStopped. It runs while the store is locked: it must not call into
	// tswasm objects of the same store.
	ProgressCallback func(QueryCursorState) bool
}

// Matches runs q on node and yields each match whose text predicates hold
// for source (the text the node's tree was parsed from), in the order
// tree-sitter finds them. Because patterns can overlap, a match may hold
// captures that come before captures of an earlier match.
//
// The second value is nil for every match. If the run fails (a cancelled
// ctx, a closed query, cursor or tree, a trap, a usage error), the last
// element is (nil, err): an error cannot be lost by a loop that checks it.
//
// The store is not locked while the caller's loop body runs, so the body
// may use nodes and trees freely. Starting another iteration on the same
// cursor ends this one.
func (qc *QueryCursor) Matches(ctx context.Context, q *Query, node Node, source []byte) iter.Seq2[*QueryMatch, error] {
	return qc.MatchesWithOptions(ctx, q, node, source, nil)
}

// MatchesWithOptions is Matches with a progress callback (opts may be nil).
func (qc *QueryCursor) MatchesWithOptions(ctx context.Context, q *Query, node Node, source []byte, opts *QueryCursorOptions) iter.Seq2[*QueryMatch, error] {
	return func(yield func(*QueryMatch, error) bool) {
		stopped := true
		err := qc.iterate(ctx, q, node, source, false, opts, func(m *QueryMatch, _ uint) bool {
			stopped = yield(m, nil)
			return stopped
		})
		if err != nil && stopped {
			yield(nil, err)
		}
	}
}

// Captures runs q on node and yields each capture in document order, as
// its match and the index of the capture within the match's Captures. A
// match with several captures is yielded once per capture. Matches whose
// text predicates fail for source are dropped, as in tree-sitter's
// bindings. Errors end the iteration as in Matches, with a zero
// QueryCaptureResult.
func (qc *QueryCursor) Captures(ctx context.Context, q *Query, node Node, source []byte) iter.Seq2[QueryCaptureResult, error] {
	return qc.CapturesWithOptions(ctx, q, node, source, nil)
}

// CapturesWithOptions is Captures with a progress callback (opts may be nil).
func (qc *QueryCursor) CapturesWithOptions(ctx context.Context, q *Query, node Node, source []byte, opts *QueryCursorOptions) iter.Seq2[QueryCaptureResult, error] {
	return func(yield func(QueryCaptureResult, error) bool) {
		stopped := true
		err := qc.iterate(ctx, q, node, source, true, opts, func(m *QueryMatch, i uint) bool {
			stopped = yield(QueryCaptureResult{Match: m, Index: i}, nil)
			return stopped
		})
		if err != nil && stopped {
			yield(QueryCaptureResult{}, err)
		}
	}
}

// iterate runs one iteration and returns the error that ended it early.
func (qc *QueryCursor) iterate(ctx context.Context, q *Query, node Node, source []byte, captures bool, opts *QueryCursorOptions, yield func(*QueryMatch, uint) bool) error {
	var hc *hostCalls
	if opts != nil && opts.ProgressCallback != nil {
		cb := opts.ProgressCallback
		hc = &hostCalls{progress: func(off uint32, _ bool) bool { return cb(QueryCursorState{CurrentByteOffset: off}) }}
		if node.tree != nil {
			hc.store = node.tree.h.store
		}
		ctx = context.WithValue(ctx, hostKey{}, hc)
	}
	err := qc.run(ctx, q, node, source, captures, yield)
	if hc != nil {
		if hc.panicked {
			panic(hc.panicVal)
		}
		if err == nil && hc.stopped {
			err = ErrStopped
		}
	}
	return err
}
