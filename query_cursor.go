// query_cursor.go: QueryCursor: its settings, its C cursor in each store, and the batched iteration over matches and captures.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"

	"github.com/tswasm/tswasm/internal/abi"
)

// QueryCursor runs a Query on a syntax node and iterates over its matches
// or captures. It holds the execution settings (ranges, match limit, start
// depth); the C TSQueryCursor is allocated lazily in each store it is used
// in, and those stores stay referenced until Close. A QueryCursor is not
// safe for concurrent use: give each goroutine its own (an iteration or
// setter that overlaps another one from a second goroutine is refused, and
// Err reports ErrConcurrentUse). Close it when done; a cleanup closes a
// forgotten one.
type QueryCursor struct {
	h *cursorHandle

	startByte, endByte   uint32
	startPoint, endPoint Point
	matchLimit           uint32
	maxStartDepth        uint32

	exceeded bool
	err      error
	gen      uint64   // bumped by every iteration; an older one stops
	use      useGuard // held while a run or setter runs, not while the caller's loop body does
}

// cursorHandle is the part of a QueryCursor its cleanup needs: its
// TSQueryCursor in each store.
type cursorHandle = storeSet[*storeCursor]

// storeCursor is a QueryCursor's TSQueryCursor in one store.
type storeCursor struct {
	ptr   abi.Ptr
	limit uint32 // the match limit of the last run
}

// deleteCursor frees a TSQueryCursor; the caller holds s's lock.
func deleteCursor(s *Store, sc *storeCursor) {
	_, _ = s.call1(context.Background(), "", abi.TsQueryCursorDelete, sc.ptr.Arg())
}

// QueryMatch is one match of a pattern: the pattern's index and the nodes
// it captured, in the pattern's order. Each match the iterators yield is a
// fresh value the caller may keep.
type QueryMatch struct {
	ID           uint32 // tree-sitter's id of the match, unique within one run
	PatternIndex uint
	Captures     []QueryCapture
}

// QueryCapture is a node captured by a query, with its capture id (an
// index into Query.CaptureNames).
type QueryCapture struct {
	Node  Node
	Index uint32
}

// NodesForCaptureIndex returns the nodes of the match captured as capture
// id index, in order.
func (m *QueryMatch) NodesForCaptureIndex(index uint) []Node {
	var nodes []Node
	for _, c := range m.Captures {
		if uint(c.Index) == index {
			nodes = append(nodes, c.Node)
		}
	}
	return nodes
}

// NewQueryCursor returns a cursor with tree-sitter's default settings: the
// whole node, no match limit, no start depth limit.
func NewQueryCursor() *QueryCursor {
	qc := &QueryCursor{
		h:             &cursorHandle{},
		endByte:       math.MaxUint32,
		endPoint:      Point{Row: math.MaxUint32, Column: math.MaxUint32},
		matchLimit:    math.MaxUint32,
		maxStartDepth: math.MaxUint32,
	}
	qc.h.init(deleteCursor)
	qc.h.cleanup = runtime.AddCleanup(qc, func(h *cursorHandle) { h.close() }, qc.h)
	return qc
}

// Close frees the cursor's C state in every store it was used in and
// releases those stores. Iterating afterwards reports ErrClosed through Err.
// Close is idempotent.
func (qc *QueryCursor) Close() error {
	qc.h.cleanup.Stop()
	qc.h.close()
	return nil
}

// storeCursor returns the cursor's TSQueryCursor in s, creating it on first
// use; the caller holds s's lock and a reference to s.
func (qc *QueryCursor) storeCursor(ctx context.Context, s *Store) (*storeCursor, error) {
	h := qc.h
	if sc, ok, err := h.get(s); err != nil || ok {
		return sc, err
	}
	ptr, err := s.call0(ctx, "", abi.TsQueryCursorNew)
	if err != nil {
		return nil, err
	}
	sc := &storeCursor{ptr: abi.Ptr(ptr), limit: math.MaxUint32}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.addLocked(s, sc); err != nil {
		return nil, err
	}
	return sc, nil
}

// SetByteRange limits the matches to those that intersect [start, end). An
// end of 0 means the end of the input. Like tree-sitter, it has no effect
// when start > end.
func (qc *QueryCursor) SetByteRange(start, end uint) *QueryCursor {
	if !qc.use.enter() {
		return qc
	}
	defer qc.use.exit()
	s, e := uint32(min(start, math.MaxUint32)), uint32(min(end, math.MaxUint32))
	if e == 0 {
		e = math.MaxUint32
	}
	if s <= e {
		qc.startByte, qc.endByte = s, e
	}
	return qc
}

// SetPointRange limits the matches to those that intersect [start, end)
// in (row, column) positions. An end of {0, 0} means the end of the input.
// Like tree-sitter, it has no effect when start > end.
func (qc *QueryCursor) SetPointRange(start, end Point) *QueryCursor {
	if !qc.use.enter() {
		return qc
	}
	defer qc.use.exit()
	clamp := func(p Point) Point {
		return Point{Row: min(p.Row, math.MaxUint32), Column: min(p.Column, math.MaxUint32)}
	}
	start, end = clamp(start), clamp(end)
	if end == (Point{}) {
		end = Point{Row: math.MaxUint32, Column: math.MaxUint32}
	}
	if start.Row < end.Row || (start.Row == end.Row && start.Column <= end.Column) {
		qc.startPoint, qc.endPoint = start, end
	}
	return qc
}

// SetMatchLimit sets the maximum number of in-progress matches. When a run
// needs more, tree-sitter drops the oldest and DidExceedMatchLimit reports
// it. The default is unlimited (math.MaxUint32). A lower limit holds from
// the next run on, even on a cursor that already ran with a higher one (a
// reused C cursor would keep its larger pool of capture lists).
func (qc *QueryCursor) SetMatchLimit(limit uint) *QueryCursor {
	if !qc.use.enter() {
		return qc
	}
	defer qc.use.exit()
	qc.matchLimit = uint32(min(limit, math.MaxUint32))
	return qc
}

// MatchLimit returns the maximum number of in-progress matches.
func (qc *QueryCursor) MatchLimit() uint {
	if !qc.use.enter() {
		return 0
	}
	defer qc.use.exit()
	return uint(qc.matchLimit)
}

// DidExceedMatchLimit reports whether the current or last run needed more
// in-progress matches than the match limit allows.
func (qc *QueryCursor) DidExceedMatchLimit() bool {
	if !qc.use.enter() {
		return false
	}
	defer qc.use.exit()
	return qc.exceeded
}

// SetMaxStartDepth limits how deep below the start node a pattern's root
// may be; 0 matches only patterns rooted at the node itself. nil removes the
// limit.
func (qc *QueryCursor) SetMaxStartDepth(depth *uint) *QueryCursor {
	if !qc.use.enter() {
		return qc
	}
	defer qc.use.exit()
	if depth == nil {
		qc.maxStartDepth = math.MaxUint32
	} else {
		qc.maxStartDepth = uint32(min(*depth, math.MaxUint32))
	}
	return qc
}

// queryBatch is how many matches or captures are fetched per store lock.
const queryBatch = 64

// queryResult is one fetched match, and the capture index for Captures.
type queryResult struct {
	m   *QueryMatch
	idx uint
}

// queryRun is the state of one iteration.
type queryRun struct {
	q        *Query
	tree     *Tree
	s        *Store
	qptr     abi.Ptr
	sc       *storeCursor
	source   []byte
	captures bool
}

// run runs one iteration and returns the error that ended it early:
// ErrConcurrentUse when another goroutine held or took the cursor,
// errSuperseded when the loop body started another iteration on it, the
// wrapped ctx error, or a failure of the run itself. It returns nil when the
// run reached its end or the caller stopped it.
func (qc *QueryCursor) run(ctx context.Context, q *Query, node Node, source []byte, captures bool, yield func(*QueryMatch, uint) bool) error {
	held := qc.use.enter()
	if !held {
		return ErrConcurrentUse
	}
	qc.use.clear()
	defer func() {
		if held {
			qc.use.exit()
		}
	}()
	yield = releaseDuring(&qc.use, &held, yield)
	qc.gen++
	gen := qc.gen
	qc.err, qc.exceeded = nil, false
	fail := func(err error) error {
		if held {
			qc.err = err
		}
		return err
	}
	r, err := qc.start(ctx, q, node, source, captures)
	if err != nil {
		return fail(err)
	}
	batch := make([]queryResult, 0, queryBatch)
	for {
		if qc.gen != gen {
			return errSuperseded
		}
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("tswasm: query cancelled: %w", err))
		}
		var done bool
		batch, done, err = qc.fetch(ctx, r, batch[:0])
		for _, res := range batch {
			if qc.gen != gen {
				return errSuperseded
			}
			if err := ctx.Err(); err != nil {
				return fail(fmt.Errorf("tswasm: query cancelled: %w", err))
			}
			if !yield(res.m, res.idx) {
				if !held {
					return ErrConcurrentUse
				}
				if qc.gen != gen {
					return errSuperseded
				}
				return nil
			}
		}
		if qc.gen != gen {
			return errSuperseded
		}
		if err != nil {
			return fail(err)
		}
		if done {
			return nil
		}
	}
}

// start checks the arguments and executes the query on node.
func (qc *QueryCursor) start(ctx context.Context, q *Query, node Node, source []byte, captures bool) (*queryRun, error) {
	switch {
	case q == nil:
		return nil, errors.New("tswasm: nil query")
	case node.IsZero() || node.tree == nil:
		return nil, errors.New("tswasm: query on the zero Node")
	case node.tree.lang.engine != q.lang.engine:
		return nil, fmt.Errorf("%w: the query and the tree come from different engines", ErrForeignObject)
	case node.tree.lang.g != q.lang.g:
		return nil, fmt.Errorf("tswasm: query for language %s run on a tree of language %s", q.lang.name, node.tree.lang.name)
	}
	t := node.tree
	s := t.h.store
	if err := t.lockOpen(); err != nil {
		return nil, err
	}
	defer s.unlock()
	qptr, err := q.storePtr(ctx, s)
	if err != nil {
		return nil, err
	}
	sc, err := qc.storeCursor(ctx, s)
	if err != nil {
		return nil, err
	}
	if err := qc.exec(ctx, s, sc, qptr, &node); err != nil {
		return nil, err
	}
	return &queryRun{q: q, tree: t, s: s, qptr: qptr, sc: sc, source: source, captures: captures}, nil
}

// exec applies the cursor's settings and starts the query; the caller holds
// s's lock. With a context that can be cancelled, the run asks the host's
// progress import, which answers from ctx, every few hundred operations.
func (qc *QueryCursor) exec(ctx context.Context, s *Store, sc *storeCursor, qptr abi.Ptr, node *Node) error {
	name := node.tree.lang.name
	if qc.matchLimit < sc.limit {
		// The C cursor reuses the capture lists it already has beyond the
		// limit, so a lower limit needs a fresh cursor.
		ptr, err := s.call0(ctx, name, abi.TsQueryCursorNew)
		if err != nil {
			return err
		}
		if _, err := s.call1(ctx, name, abi.TsQueryCursorDelete, sc.ptr.Arg()); err != nil {
			return err
		}
		sc.ptr = abi.Ptr(ptr)
	}
	sc.limit = qc.matchLimit
	cur := sc.ptr.Arg()
	if !s.writePoint(s.at(abi.ScratchPointA), qc.startPoint) || !s.writePoint(s.at(abi.ScratchPointB), qc.endPoint) ||
		!s.writeNode(s.at(abi.ScratchArg), node) {
		return errors.New("tswasm: scratch memory out of range")
	}
	progress := uint64(0)
	if ctx.Done() != nil || hasProgressCallback(ctx) {
		progress = 1 // the host's progress import answers from ctx
	}
	_, err := s.call3(ctx, name, abi.TsQueryCursorSetByteRange, cur, uint64(qc.startByte), uint64(qc.endByte))
	if err == nil {
		_, err = s.call3(ctx, name, abi.TsQueryCursorSetPointRange, cur, s.arg(abi.ScratchPointA), s.arg(abi.ScratchPointB))
	}
	if err == nil {
		_, err = s.call2(ctx, name, abi.TsQueryCursorSetMatchLimit, cur, uint64(qc.matchLimit))
	}
	if err == nil {
		_, err = s.call2(ctx, name, abi.TsQueryCursorSetMaxStartDepth, cur, uint64(qc.maxStartDepth))
	}
	if err == nil {
		_, err = s.call4(ctx, name, abi.TswasmQueryCursorExec, cur, qptr.Arg(), s.arg(abi.ScratchArg), progress)
	}
	return err
}

// fetch appends up to queryBatch results to out, holding the store lock
// only while it does. done reports that the run has ended.
func (qc *QueryCursor) fetch(ctx context.Context, r *queryRun, out []queryResult) (_ []queryResult, done bool, _ error) {
	s, t, q := r.s, r.tree, r.q
	if err := t.lockOpen(); err != nil {
		return out, true, err
	}
	defer s.unlock()
	if !q.h.owns(s, r.qptr) || !qc.h.owns(s, r.sc) {
		return out, true, ErrClosed
	}
	name := t.lang.name
	cur := r.sc.ptr.Arg()
	var caps []capturedText
	for len(out) < queryBatch {
		var ok uint64
		var err error
		if r.captures {
			ok, err = s.call3(ctx, name, abi.TsQueryCursorNextCapture, cur, s.arg(abi.ScratchMatch), s.arg(abi.ScratchCaptureI))
		} else {
			ok, err = s.call2(ctx, name, abi.TsQueryCursorNextMatch, cur, s.arg(abi.ScratchMatch))
		}
		if err != nil {
			return out, true, err
		}
		if ok == 0 {
			done = true
			break
		}
		m, err := readMatch(s, t)
		if err != nil {
			return out, true, err
		}
		pattern := int(m.PatternIndex)
		if q.hasTextPredicates(pattern) {
			caps = caps[:0]
			for _, c := range m.Captures {
				s.writeNode(s.at(abi.ScratchArg), &c.Node)
				end, err := s.call1(ctx, name, abi.TsNodeEndByte, s.arg(abi.ScratchArg))
				if err != nil {
					return out, true, err
				}
				caps = append(caps, capturedText{index: c.Index, start: c.Node.ctx[0], end: uint32(end)})
			}
			if !q.satisfiesTextPredicates(pattern, caps, r.source) {
				if r.captures {
					// As tree-sitter's bindings do: drop the rest of the match.
					if _, err := s.call2(ctx, name, abi.TsQueryCursorRemoveMatch, cur, uint64(m.ID)); err != nil {
						return out, true, err
					}
				}
				continue
			}
		}
		out = append(out, queryResult{m: m, idx: uint(s.u32(s.at(abi.ScratchCaptureI)))})
	}
	exceeded, err := s.call1(ctx, name, abi.TsQueryCursorDidExceedMatchLimit, cur)
	if err != nil {
		return out, true, err
	}
	qc.exceeded = exceeded != 0
	if done {
		if err := ctx.Err(); err != nil {
			return out, true, fmt.Errorf("tswasm: query cancelled: %w", err)
		}
	}
	return out, done, nil
}

// readMatch reads the TSQueryMatch in the scratch block as a match of t.
func readMatch(s *Store, t *Tree) (*QueryMatch, error) {
	v := s.view()
	raw := v.QueryMatch(s.at(abi.ScratchMatch))
	m := &QueryMatch{ID: raw.ID, PatternIndex: uint(raw.Pattern), Captures: make([]QueryCapture, raw.CaptureCount)}
	for i := range m.Captures {
		n, index, ok := v.QueryCapture(&raw, uint32(i))
		if !ok {
			return nil, s.trap("query cursor next", t.lang.name, errors.New("captures out of range"))
		}
		m.Captures[i] = QueryCapture{Node: nodeFrom(t, n), Index: index}
	}
	return m, nil
}
