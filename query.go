// query.go: the Query type, its compilation into each store it runs in, and the disable calls replayed there.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/tswasm/tswasm/internal/abi"
)

// Query is a compiled set of tree-sitter patterns (S-expressions) for one
// language. Create it with NewQuery and run it with a QueryCursor.
//
// The C TSQuery lives in a store's linear memory, but trees may come from
// any store of the engine, so a Query compiles itself lazily into each store
// it is run in and keeps one reference per such store until Close. Its
// metadata (capture names, predicates, pattern positions) is read once into
// Go. A Query is safe for concurrent use.
type Query struct {
	lang *Language
	h    *queryHandle

	captureNames       []string
	captureQuantifiers [][]CaptureQuantifier // [pattern][capture]
	stringValues       []string
	patterns           []queryPattern
}

// queryHandle is the part of a Query that its cleanup needs: the per-store
// TSQuery pointers and the disable calls to replay, without a pointer back
// to the Query.
type queryHandle struct {
	storeSet[abi.Ptr] // TSQuery per store
	lang              *Language
	source            string

	disabledCaptures []string
	disabledPatterns []uint32
}

// queryPattern is the Go-side metadata of one pattern.
type queryPattern struct {
	startByte, endByte uint
	rooted, nonLocal   bool
	steps              []QueryPredicateStep
	text               []textPredicate
	settings           []QueryProperty
	propPredicates     []PropertyPredicate
	general            []QueryPredicate
}

// deleteQuery frees a TSQuery; the caller holds s's lock.
func deleteQuery(s *Store, ptr abi.Ptr) {
	_, _ = s.call1(context.Background(), "", abi.TsQueryDelete, ptr.Arg())
}

// NewQuery compiles source, one or more patterns, for lang. A query that
// does not compile returns a *QueryError. Close the query when done; a
// cleanup frees a forgotten one.
func NewQuery(ctx context.Context, lang *Language, source string) (*Query, error) {
	if lang == nil {
		return nil, errors.New("tswasm: NewQuery(nil language)")
	}
	if uint64(len(source)) > 1<<31 {
		return nil, fmt.Errorf("tswasm: query source of %d bytes is larger than wasm32 can address", len(source))
	}
	if err := checkQueryLimits(source); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("tswasm: query compile cancelled: %w", err)
	}
	s, err := lang.engine.pooledStore(ctx)
	if err != nil {
		return nil, err
	}
	h := &queryHandle{lang: lang, source: source}
	h.init(deleteQuery)
	q := &Query{lang: lang, h: h}
	if err := s.lock(); err != nil {
		s.release()
		return nil, err
	}
	ptr, err := h.compile(ctx, s)
	if err == nil {
		if err = q.readMetadata(ctx, s, ptr); err != nil {
			deleteQuery(s, ptr)
		}
	}
	s.unlock()
	if err != nil {
		s.release()
		return nil, err
	}
	// The pooled store's reference becomes the query's reference for it.
	h.stores[s] = ptr
	h.cleanup = runtime.AddCleanup(q, func(h *queryHandle) { h.close() }, h)
	return q, nil
}

// compile builds a TSQuery from h.source in s; the caller holds s's lock.
// It returns a *QueryError when the source does not compile.
func (h *queryHandle) compile(ctx context.Context, s *Store) (abi.Ptr, error) {
	lang := h.lang
	langPtr, err := s.linkLocked(ctx, lang)
	if err != nil {
		return 0, err
	}
	src, err := s.mallocCopy(ctx, h.source)
	if err != nil {
		return 0, err
	}
	errOff, errType := s.at(abi.ScratchOut0), s.at(abi.ScratchOut1)
	v := s.view()
	v.PutU32(errOff, 0)
	v.PutU32(errType, 0)
	ptr, err := s.call5(ctx, lang.name, abi.TsQueryNew, langPtr.Arg(), src.Arg(), uint64(len(h.source)),
		errOff.Arg(), errType.Arg())
	if err != nil {
		return 0, err
	}
	if err := s.free(ctx, src); err != nil {
		return 0, err
	}
	if ptr == 0 {
		kind, off := s.u32(errType), s.u32(errOff)
		if kind == tsQueryErrorNone { // no error reported: allocation failed without trapping
			return 0, fmt.Errorf("tswasm: ts_query_new failed: %w", ErrMemoryLimit)
		}
		return 0, newQueryError(lang, h.source, kind, uint(off))
	}
	return abi.Ptr(ptr), nil
}

// storePtr returns the TSQuery for s, compiling it on first use; the caller
// holds s's lock and a reference to s (through a tree).
func (q *Query) storePtr(ctx context.Context, s *Store) (abi.Ptr, error) {
	h := q.h
	if ptr, ok, err := h.get(s); err != nil || ok {
		return ptr, err
	}
	ptr, err := h.compile(ctx, s)
	if err != nil {
		return 0, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.applyDisables(ctx, s, ptr, h.disabledCaptures, h.disabledPatterns); err != nil {
		deleteQuery(s, ptr)
		return 0, err
	}
	if err := h.addLocked(s, ptr); err != nil {
		return 0, err
	}
	return ptr, nil
}

// applyDisables disables captures and patterns in the TSQuery at ptr; the
// caller holds s's lock and h.mu.
func (h *queryHandle) applyDisables(ctx context.Context, s *Store, ptr abi.Ptr, captures []string, patterns []uint32) error {
	name := h.lang.name
	for _, c := range captures {
		p, err := s.mallocCopy(ctx, c)
		if err != nil {
			return err
		}
		if _, err := s.call3(ctx, name, abi.TsQueryDisableCapture, ptr.Arg(), p.Arg(), uint64(len(c))); err != nil {
			return err
		}
		if err := s.free(ctx, p); err != nil {
			return err
		}
	}
	for _, i := range patterns {
		if _, err := s.call2(ctx, name, abi.TsQueryDisablePattern, ptr.Arg(), uint64(i)); err != nil {
			return err
		}
	}
	return nil
}

// Close frees the query in every store it was compiled into and releases
// those stores. Metadata accessors keep working; running the query fails
// with ErrClosed. Close is idempotent.
func (q *Query) Close() error {
	q.h.cleanup.Stop()
	q.h.close()
	return nil
}

// DisableCapture stops the capture called name from being reported, in
// every store the query runs in, now and later. Unknown names are ignored.
func (q *Query) DisableCapture(name string) error {
	h := q.h
	if err := h.record(func() { h.disabledCaptures = append(h.disabledCaptures, name) }); err != nil {
		return err
	}
	return h.forEach(func(s *Store, ptr abi.Ptr) error {
		return h.applyDisables(context.Background(), s, ptr, []string{name}, nil)
	})
}

// DisablePattern stops pattern index from matching, in every store the
// query runs in, now and later.
func (q *Query) DisablePattern(index uint) error {
	if index >= uint(len(q.patterns)) {
		return fmt.Errorf("tswasm: pattern index %d out of range (%d patterns)", index, len(q.patterns))
	}
	h := q.h
	if err := h.record(func() { h.disabledPatterns = append(h.disabledPatterns, uint32(index)) }); err != nil {
		return err
	}
	return h.forEach(func(s *Store, ptr abi.Ptr) error {
		return h.applyDisables(context.Background(), s, ptr, nil, []uint32{uint32(index)})
	})
}

// record runs f under h.mu unless the query is closed.
func (h *queryHandle) record(f func()) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return ErrClosed
	}
	f()
	return nil
}

// IsPatternGuaranteedAtStep reports whether the step at byteOffset in the
// query source is definite: once a match reaches it, the pattern is
// guaranteed to match. It returns false after Close.
func (q *Query) IsPatternGuaranteedAtStep(byteOffset uint) bool {
	var result bool
	done := false
	_ = q.h.forEach(func(s *Store, ptr abi.Ptr) error {
		if done {
			return nil
		}
		r, err := s.call2(context.Background(), q.lang.name, abi.TsQueryIsPatternGuaranteedAtStep,
			ptr.Arg(), uint64(clampU32(byteOffset)))
		if err != nil {
			return err
		}
		result, done = r != 0, true
		return nil
	})
	return result
}
