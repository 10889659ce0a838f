package tswasm

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"runtime"
	"sync"
)

// QueryCursor runs a Query on a syntax node and iterates over its matches
// or captures. It holds the execution settings (ranges, match limit, start
// depth); the C TSQueryCursor is allocated lazily in each store it is used
// in, and those stores stay referenced until Close. A QueryCursor is not
// safe for concurrent use: give each goroutine its own. Close it when done;
// a cleanup closes a forgotten one.
type QueryCursor struct {
	h *cursorHandle

	startByte, endByte   uint32
	startPoint, endPoint Point
	matchLimit           uint32
	maxStartDepth        uint32

	exceeded bool
	err      error
	gen      uint64 // bumped by every iteration; an older one stops
}

// cursorHandle is the part of a QueryCursor its cleanup needs.
type cursorHandle struct {
	mu      sync.Mutex
	closed  bool
	stores  map[*Store]*storeCursor // each entry holds a store reference
	cleanup runtime.Cleanup
}

// storeCursor is a QueryCursor's TSQueryCursor in one store.
type storeCursor struct {
	ptr   uint32
	limit uint32 // the match limit of the last run
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
		h:             &cursorHandle{stores: map[*Store]*storeCursor{}},
		endByte:       math.MaxUint32,
		endPoint:      Point{Row: math.MaxUint32, Column: math.MaxUint32},
		matchLimit:    math.MaxUint32,
		maxStartDepth: math.MaxUint32,
	}
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

func (h *cursorHandle) close() {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return
	}
	h.closed = true
	stores := h.stores
	h.stores = nil
	h.mu.Unlock()
	ctx := context.Background()
	for s, sc := range stores {
		if s.lock() == nil {
			_, _ = s.call(ctx, s.export("ts_query_cursor_delete"), uint64(sc.ptr))
			s.unlock()
		}
		s.release()
	}
}

// owns reports whether sc is still this cursor's state for s; the caller
// holds s's lock.
func (h *cursorHandle) owns(s *Store, sc *storeCursor) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return !h.closed && h.stores[s] == sc
}

// owns reports whether ptr is still the query's TSQuery in s; the caller
// holds s's lock.
func (h *queryHandle) owns(s *Store, ptr uint32) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return !h.closed && h.stores[s] == ptr
}

// storeCursor returns the cursor's TSQueryCursor in s, creating it on first
// use; the caller holds s's lock and a reference to s.
func (qc *QueryCursor) storeCursor(ctx context.Context, s *Store) (*storeCursor, error) {
	h := qc.h
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil, ErrClosed
	}
	sc := h.stores[s]
	h.mu.Unlock()
	if sc != nil {
		return sc, nil
	}
	ptr, err := s.call(ctx, s.export("ts_query_cursor_new"))
	if err != nil {
		return nil, s.trap("ts_query_cursor_new", "", err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || !s.acquire() {
		_, _ = s.call(ctx, s.export("ts_query_cursor_delete"), ptr)
		return nil, ErrClosed
	}
	sc = &storeCursor{ptr: uint32(ptr), limit: math.MaxUint32}
	h.stores[s] = sc
	return sc, nil
}

// SetByteRange limits the matches to those that intersect [start, end). An
// end of 0 means the end of the input. Like tree-sitter, it has no effect
// when start > end.
func (qc *QueryCursor) SetByteRange(start, end uint) *QueryCursor {
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
	qc.matchLimit = uint32(min(limit, math.MaxUint32))
	return qc
}

// MatchLimit returns the maximum number of in-progress matches.
func (qc *QueryCursor) MatchLimit() uint { return uint(qc.matchLimit) }

// DidExceedMatchLimit reports whether the current or last run needed more
// in-progress matches than the match limit allows.
func (qc *QueryCursor) DidExceedMatchLimit() bool { return qc.exceeded }

// SetMaxStartDepth limits how deep below the start node a pattern's root
// may be; 0 matches only patterns rooted at the node itself. nil removes the
// limit.
func (qc *QueryCursor) SetMaxStartDepth(depth *uint) *QueryCursor {
	if depth == nil {
		qc.maxStartDepth = math.MaxUint32
	} else {
		qc.maxStartDepth = uint32(min(*depth, math.MaxUint32))
	}
	return qc
}

// Err returns the error that stopped the current or last iteration early:
// the context's error (wrapped) after cancellation, ErrClosed when the
// query, cursor or tree was closed, a *TrapError, or a usage error. It is
// nil after an iteration that ran to the end or was stopped by the caller.
func (qc *QueryCursor) Err() error { return qc.err }

// Matches runs q on node and yields each match whose text predicates hold
// for source (the text the node's tree was parsed from), in the order
// tree-sitter finds them. Because patterns can overlap, a match may hold
// captures that come before captures of an earlier match.
//
// The store is not locked while the caller's loop body runs, so the body
// may use nodes and trees freely. Starting another iteration on the same
// cursor ends this one. A cancelled ctx stops the run; Err then wraps
// ctx.Err().
func (qc *QueryCursor) Matches(ctx context.Context, q *Query, node Node, source []byte) iter.Seq[*QueryMatch] {
	return func(yield func(*QueryMatch) bool) {
		qc.run(ctx, q, node, source, false, func(m *QueryMatch, _ uint) bool { return yield(m) })
	}
}

// Captures runs q on node and yields each capture in document order, as
// its match and the index of the capture within the match's Captures. A
// match with several captures is yielded once per capture. Matches whose
// text predicates fail for source are dropped, as in tree-sitter's
// bindings. See Matches for locking and cancellation.
func (qc *QueryCursor) Captures(ctx context.Context, q *Query, node Node, source []byte) iter.Seq2[*QueryMatch, uint] {
	return func(yield func(*QueryMatch, uint) bool) {
		qc.run(ctx, q, node, source, true, yield)
	}
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
	qptr     uint32
	sc       *storeCursor
	source   []byte
	captures bool
}

func (qc *QueryCursor) run(ctx context.Context, q *Query, node Node, source []byte, captures bool, yield func(*QueryMatch, uint) bool) {
	qc.gen++
	gen := qc.gen
	qc.err, qc.exceeded = nil, false
	r, err := qc.start(ctx, q, node, source, captures)
	if err != nil {
		qc.err = err
		return
	}
	batch := make([]queryResult, 0, queryBatch)
	for {
		if qc.gen != gen {
			return
		}
		if err := ctx.Err(); err != nil {
			qc.err = fmt.Errorf("tswasm: query cancelled: %w", err)
			return
		}
		var done bool
		batch, done, err = qc.fetch(ctx, r, batch[:0])
		for _, res := range batch {
			if qc.gen != gen {
				return
			}
			if err := ctx.Err(); err != nil {
				qc.err = fmt.Errorf("tswasm: query cancelled: %w", err)
				return
			}
			if !yield(res.m, res.idx) {
				return
			}
		}
		if qc.gen != gen {
			return
		}
		if err != nil {
			qc.err = err
			return
		}
		if done {
			return
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
func (qc *QueryCursor) exec(ctx context.Context, s *Store, sc *storeCursor, qptr uint32, node *Node) error {
	if qc.matchLimit < sc.limit {
		// The C cursor reuses the capture lists it already has beyond the
		// limit, so a lower limit needs a fresh cursor.
		ptr, err := s.call(ctx, s.export("ts_query_cursor_new"))
		if err != nil {
			return s.trap("ts_query_cursor_new", node.tree.lang.name, err)
		}
		if _, err := s.call(ctx, s.export("ts_query_cursor_delete"), uint64(sc.ptr)); err != nil {
			return s.trap("ts_query_cursor_delete", node.tree.lang.name, err)
		}
		sc.ptr = uint32(ptr)
	}
	sc.limit = qc.matchLimit
	cur := uint64(sc.ptr)
	var callErr error
	call := func(fn string, args ...uint64) {
		if callErr == nil {
			if _, err := s.call(ctx, s.export(fn), args...); err != nil {
				callErr = s.trap(fn, node.tree.lang.name, err)
			}
		}
	}
	p1, p2 := s.scratch+scratchPoint1, s.scratch+scratchPoint2
	s.mem.WriteUint32Le(p1, uint32(qc.startPoint.Row))
	s.mem.WriteUint32Le(p1+4, uint32(qc.startPoint.Column))
	s.mem.WriteUint32Le(p2, uint32(qc.endPoint.Row))
	s.mem.WriteUint32Le(p2+4, uint32(qc.endPoint.Column))
	call("ts_query_cursor_set_byte_range", cur, uint64(qc.startByte), uint64(qc.endByte))
	call("ts_query_cursor_set_point_range", cur, uint64(p1), uint64(p2))
	call("ts_query_cursor_set_match_limit", cur, uint64(qc.matchLimit))
	call("ts_query_cursor_set_max_start_depth", cur, uint64(qc.maxStartDepth))
	arg := uint64(s.scratch + scratchArg)
	s.writeNode(uint32(arg), node)
	if callErr != nil {
		return callErr
	}
	progress := uint64(0)
	if ctx.Done() != nil {
		progress = 1 // the host's progress import answers from ctx
	}
	call("tswasm_query_cursor_exec", cur, uint64(qptr), arg, progress)
	return callErr
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
	cur := uint64(r.sc.ptr)
	matchPtr, idxPtr := s.scratch+scratchMatch, s.scratch+scratchCaptureIdx
	next := s.export("ts_query_cursor_next_match")
	if r.captures {
		next = s.export("ts_query_cursor_next_capture")
	}
	var caps []capturedText
	for len(out) < queryBatch {
		var ok uint64
		var err error
		if r.captures {
			ok, err = s.call(ctx, next, cur, uint64(matchPtr), uint64(idxPtr))
		} else {
			ok, err = s.call(ctx, next, cur, uint64(matchPtr))
		}
		if err != nil {
			return out, true, s.trap("query cursor next", name, err)
		}
		if ok == 0 {
			done = true
			break
		}
		mb, _ := s.mem.Read(matchPtr, 12)
		id := binary.LittleEndian.Uint32(mb[0:])
		pattern := int(binary.LittleEndian.Uint16(mb[4:]))
		count := uint32(binary.LittleEndian.Uint16(mb[6:]))
		capsPtr := binary.LittleEndian.Uint32(mb[8:])
		idx := uint(s.u32(idxPtr))
		cb, okRead := s.mem.Read(capsPtr, count*28)
		if !okRead {
			return out, true, s.trap("query cursor next", name, errors.New("captures out of range"))
		}
		m := &QueryMatch{ID: id, PatternIndex: uint(pattern), Captures: make([]QueryCapture, count)}
		for i := range m.Captures {
			e := cb[28*i:]
			m.Captures[i] = QueryCapture{Node: decodeNode(e, t), Index: binary.LittleEndian.Uint32(e[24:])}
		}
		if q.hasTextPredicates(pattern) {
			caps = caps[:0]
			for _, c := range m.Captures {
				s.writeNode(s.scratch+scratchArg, &c.Node)
				end, err := s.call(ctx, s.fn.nodeEndByte, uint64(s.scratch+scratchArg))
				if err != nil {
					return out, true, s.trap("ts_node_end_byte", name, err)
				}
				caps = append(caps, capturedText{index: c.Index, start: c.Node.ctx[0], end: uint32(end)})
			}
			if !q.satisfiesTextPredicates(pattern, caps, r.source) {
				if r.captures {
					// As tree-sitter's bindings do: drop the rest of the match.
					if _, err := s.call(ctx, s.export("ts_query_cursor_remove_match"), cur, uint64(id)); err != nil {
						return out, true, s.trap("ts_query_cursor_remove_match", name, err)
					}
				}
				continue
			}
		}
		out = append(out, queryResult{m: m, idx: idx})
	}
	exceeded, err := s.call(ctx, s.export("ts_query_cursor_did_exceed_match_limit"), cur)
	if err != nil {
		return out, true, s.trap("ts_query_cursor_did_exceed_match_limit", name, err)
	}
	qc.exceeded = exceeded != 0
	if done {
		if err := ctx.Err(); err != nil {
			return out, true, fmt.Errorf("tswasm: query cancelled: %w", err)
		}
	}
	return out, done, nil
}

// decodeNode reads a 24-byte TSNode from b.
func decodeNode(b []byte, t *Tree) Node {
	n := Node{
		tree: t,
		ctx: [4]uint32{binary.LittleEndian.Uint32(b[0:]), binary.LittleEndian.Uint32(b[4:]),
			binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:])},
		id:     binary.LittleEndian.Uint32(b[16:]),
		tsTree: binary.LittleEndian.Uint32(b[20:]),
	}
	if n.id == 0 {
		return Node{}
	}
	return n
}
