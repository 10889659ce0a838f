package tswasm

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unicode"

	tsrt "github.com/tswasm/tswasm/internal/runtime"
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
	mu       sync.Mutex
	closed   bool
	g        *grammar
	langName string
	source   string
	stores   map[*Store]uint32 // TSQuery per store; each entry holds a store reference

	disabledCaptures []string
	disabledPatterns []uint32

	cleanup runtime.Cleanup
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

// CaptureQuantifier says how many nodes a capture can hold in a match of a
// pattern, as tree-sitter's TSQuantifier.
type CaptureQuantifier int

// Capture quantifiers.
const (
	CaptureQuantifierZero       CaptureQuantifier = iota // the capture does not occur in the pattern
	CaptureQuantifierZeroOrOne                           // ?
	CaptureQuantifierZeroOrMore                          // *
	CaptureQuantifierOne                                 // exactly one node
	CaptureQuantifierOneOrMore                           // +
)

// QueryPredicateStepType is the type of one raw predicate step.
type QueryPredicateStepType int

// Predicate step types, as tree-sitter's TSQueryPredicateStepType.
const (
	QueryPredicateStepTypeDone    QueryPredicateStepType = iota // ends a predicate
	QueryPredicateStepTypeCapture                               // ValueId is a capture id
	QueryPredicateStepTypeString                                // ValueId is a string id
)

// QueryPredicateStep is one raw step of a pattern's predicates, as
// ts_query_predicates_for_pattern returns them.
type QueryPredicateStep struct {
	Type    QueryPredicateStepType
	ValueId uint32
}

// QueryProperty is a key-value pair attached to a pattern by #set!, #is? or
// #is-not?, optionally about one capture.
type QueryProperty struct {
	Key       string
	Value     *string // nil when the predicate gave only a key
	CaptureId *uint   // nil when the predicate named no capture
}

// PropertyPredicate is an #is? (Positive) or #is-not? predicate. Tree-sitter
// leaves their meaning to the application; they do not filter matches.
type PropertyPredicate struct {
	Property QueryProperty
	Positive bool
}

// QueryPredicateArg is one argument of a general predicate: a capture id or
// a string.
type QueryPredicateArg struct {
	CaptureId *uint
	String    *string
}

// QueryPredicate is a predicate or directive the package does not evaluate
// itself (anything but the eq/match/any-of families, #set!, #is? and
// #is-not?), such as #strip! or #select-adjacent!.
type QueryPredicate struct {
	Operator string
	Args     []QueryPredicateArg
}

// QueryErrorKind says what is wrong with a query's source.
type QueryErrorKind int

// Query error kinds, as go-tree-sitter's.
const (
	QueryErrorSyntax    QueryErrorKind = iota + 1 // malformed S-expression
	QueryErrorNodeType                            // no such node type in the language
	QueryErrorField                               // no such field in the language
	QueryErrorCapture                             // a predicate names an unknown capture
	QueryErrorPredicate                           // a known predicate has malformed arguments
	QueryErrorStructure                           // the pattern can never match the grammar
	QueryErrorLanguage                            // the language's ABI is not supported
)

// String names the kind, such as "node type".
func (k QueryErrorKind) String() string {
	switch k {
	case QueryErrorSyntax:
		return "syntax"
	case QueryErrorNodeType:
		return "node type"
	case QueryErrorField:
		return "field"
	case QueryErrorCapture:
		return "capture"
	case QueryErrorPredicate:
		return "predicate"
	case QueryErrorStructure:
		return "structure"
	case QueryErrorLanguage:
		return "language"
	}
	return "unknown"
}

// QueryError reports a query that does not compile. Offset is the byte
// offset of the problem in the query source, and Row and Column (zero-based,
// Column in bytes) its position. Message is the offending name for node
// type, field and capture errors, the source line with a caret under the
// problem for syntax and structure errors, and a description for predicate
// and language errors. Predicate errors carry the row of their pattern and
// a zero Offset and Column, as in go-tree-sitter.
type QueryError struct {
	Kind    QueryErrorKind
	Offset  uint
	Row     uint
	Column  uint
	Message string
}

// Error formats the error as go-tree-sitter does, with one-based positions.
func (e *QueryError) Error() string {
	var msg string
	switch e.Kind {
	case QueryErrorField:
		msg = "Invalid field name "
	case QueryErrorNodeType:
		msg = "Invalid node type "
	case QueryErrorCapture:
		msg = "Invalid capture name "
	case QueryErrorPredicate:
		msg = "Invalid predicate: "
	case QueryErrorStructure:
		msg = "Impossible pattern:\n"
	case QueryErrorSyntax:
		msg = "Invalid syntax:\n"
	default:
		return e.Message
	}
	return fmt.Sprintf("Query error at %d:%d. %s%s", e.Row+1, e.Column+1, msg, e.Message)
}

// C-side TSQueryError codes.
const (
	tsQueryErrorNone = iota
	tsQueryErrorSyntax
	tsQueryErrorNodeType
	tsQueryErrorField
	tsQueryErrorCapture
	tsQueryErrorStructure
	tsQueryErrorLanguage
)

// Scratch offsets used by query code, inside [scratchExtra, storeScratchSize).
const (
	scratchMatch      = scratchExtra      // TSQueryMatch, 12 bytes
	scratchCaptureIdx = scratchExtra + 16 // uint32
	scratchPoint1     = scratchExtra + 24 // TSPoint, 8 bytes
	scratchPoint2     = scratchExtra + 32 // TSPoint, 8 bytes
	scratchU32a       = scratchExtra + 40 // uint32 out-parameter
	scratchU32b       = scratchExtra + 44 // uint32 out-parameter
)

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
	s, err := lang.engine.pooledStore(ctx)
	if err != nil {
		return nil, err
	}
	h := &queryHandle{g: lang.g, langName: lang.name, source: source, stores: map[*Store]uint32{}}
	q := &Query{lang: lang, h: h}
	if err := s.lock(); err != nil {
		s.release()
		return nil, err
	}
	ptr, err := h.compile(ctx, s, lang)
	if err == nil {
		err = q.readMetadata(ctx, s, ptr)
		if err != nil {
			_, derr := s.call(ctx, s.export("ts_query_delete"), uint64(ptr))
			if derr != nil {
				err = s.trap("ts_query_delete", lang.name, derr)
			}
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
func (h *queryHandle) compile(ctx context.Context, s *Store, lang *Language) (uint32, error) {
	langPtr, err := s.linkLanguage(ctx, h.g)
	if err != nil {
		return 0, &LanguageError{Kind: LinkFailed, Name: h.langName, Err: err}
	}
	src, err := s.malloc(ctx, uint32(max(len(h.source), 1)))
	if err != nil {
		return 0, err
	}
	if !s.mem.WriteString(src, h.source) {
		_ = s.free(ctx, src)
		return 0, errors.New("tswasm: query source out of range")
	}
	errOff, errType := s.scratch+scratchU32a, s.scratch+scratchU32b
	s.mem.WriteUint32Le(errOff, 0)
	s.mem.WriteUint32Le(errType, 0)
	ptr, err := s.call(ctx, s.export("ts_query_new"), uint64(langPtr), uint64(src), uint64(len(h.source)),
		uint64(errOff), uint64(errType))
	if err != nil {
		return 0, s.trap("ts_query_new", h.langName, err)
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
	return uint32(ptr), nil
}

// newQueryError builds the error for a failed ts_query_new, as tree-sitter's
// Rust and Go bindings do.
func newQueryError(lang *Language, source string, code uint32, offset uint) *QueryError {
	if code == tsQueryErrorLanguage {
		le := &LanguageError{Kind: ABIMismatch, Name: lang.name, ABI: lang.abi, MinABI: tsrt.MinABI, MaxABI: tsrt.MaxABI}
		return &QueryError{Kind: QueryErrorLanguage, Message: le.Error()}
	}
	offset = min(offset, uint(len(source)))
	// Find the line holding offset. Like Rust's str::lines, a final newline
	// does not start another line.
	var lineStart, row uint
	line, found := "", false
	rest := source
	for len(rest) > 0 {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		lineEnd := lineStart + uint(len(l)) + 1
		if lineEnd > offset {
			line, found = strings.TrimSuffix(l, "\r"), true
			break
		}
		lineStart = lineEnd
		row++
	}
	e := &QueryError{Offset: offset, Row: row, Column: offset - lineStart}
	switch code {
	case tsQueryErrorNodeType, tsQueryErrorField, tsQueryErrorCapture:
		suffix := source[offset:]
		inQuotes := offset > 0 && source[offset-1] == '"'
		end := len(suffix)
		backslashes := 0
		for i, c := range suffix {
			if inQuotes {
				if c == '"' && backslashes%2 == 0 {
					end = i
					break
				} else if c == '\\' {
					backslashes++
				} else {
					backslashes = 0
				}
			} else if !unicode.IsLetter(c) && !unicode.IsNumber(c) && c != '_' && c != '-' {
				end = i
				break
			}
		}
		e.Message = suffix[:end]
		switch code {
		case tsQueryErrorNodeType:
			e.Kind = QueryErrorNodeType
		case tsQueryErrorField:
			e.Kind = QueryErrorField
		default:
			e.Kind = QueryErrorCapture
		}
	default:
		if found {
			e.Message = line + "\n" + strings.Repeat(" ", int(offset-lineStart)) + "^"
		} else {
			e.Message = "Unexpected EOF"
		}
		e.Kind = QueryErrorSyntax
		if code == tsQueryErrorStructure {
			e.Kind = QueryErrorStructure
		}
	}
	return e
}

// readMetadata reads everything the Go side needs from the TSQuery at ptr
// and parses the predicates; the caller holds s's lock.
func (q *Query) readMetadata(ctx context.Context, s *Store, ptr uint32) error {
	name := q.lang.name
	var callErr error
	call := func(fn string, args ...uint64) uint32 {
		if callErr != nil {
			return 0
		}
		r, err := s.call(ctx, s.export(fn), args...)
		if err != nil {
			callErr = s.trap(fn, name, err)
			return 0
		}
		return uint32(r)
	}
	// readStr calls fn(ptr, id, &len) and reads the string it returns.
	readStr := func(fn string, id int) string {
		lenPtr := s.scratch + scratchU32a
		p := call(fn, uint64(ptr), uint64(id), uint64(lenPtr))
		if callErr != nil || p == 0 {
			return ""
		}
		b, ok := s.mem.Read(p, s.u32(lenPtr))
		if !ok {
			callErr = errors.New("tswasm: query string out of range")
			return ""
		}
		return string(b)
	}
	nPatterns := int(call("ts_query_pattern_count", uint64(ptr)))
	nCaptures := int(call("ts_query_capture_count", uint64(ptr)))
	nStrings := int(call("ts_query_string_count", uint64(ptr)))
	q.captureNames = make([]string, nCaptures)
	for i := range q.captureNames {
		q.captureNames[i] = readStr("ts_query_capture_name_for_id", i)
	}
	q.stringValues = make([]string, nStrings)
	for i := range q.stringValues {
		q.stringValues[i] = readStr("ts_query_string_value_for_id", i)
	}
	q.captureQuantifiers = make([][]CaptureQuantifier, nPatterns)
	q.patterns = make([]queryPattern, nPatterns)
	for i := range q.patterns {
		qs := make([]CaptureQuantifier, nCaptures)
		for j := range qs {
			qs[j] = CaptureQuantifier(call("ts_query_capture_quantifier_for_id", uint64(ptr), uint64(i), uint64(j)))
		}
		q.captureQuantifiers[i] = qs
		p := &q.patterns[i]
		p.startByte = uint(call("ts_query_start_byte_for_pattern", uint64(ptr), uint64(i)))
		p.endByte = uint(call("ts_query_end_byte_for_pattern", uint64(ptr), uint64(i)))
		p.rooted = call("ts_query_is_pattern_rooted", uint64(ptr), uint64(i)) != 0
		p.nonLocal = call("ts_query_is_pattern_non_local", uint64(ptr), uint64(i)) != 0
		lenPtr := s.scratch + scratchU32a
		steps := call("ts_query_predicates_for_pattern", uint64(ptr), uint64(i), uint64(lenPtr))
		if callErr != nil {
			return callErr
		}
		n := s.u32(lenPtr)
		if n > 0 {
			b, ok := s.mem.Read(steps, n*8)
			if !ok {
				return errors.New("tswasm: query predicates out of range")
			}
			p.steps = make([]QueryPredicateStep, n)
			for k := range p.steps {
				p.steps[k] = QueryPredicateStep{
					Type:    QueryPredicateStepType(binary.LittleEndian.Uint32(b[8*k:])),
					ValueId: binary.LittleEndian.Uint32(b[8*k+4:]),
				}
			}
		}
	}
	if callErr != nil {
		return callErr
	}
	for i := range q.patterns {
		if err := q.parsePredicates(i); err != nil {
			return err
		}
	}
	return nil
}

// storePtr returns the TSQuery for s, compiling it on first use; the caller
// holds s's lock and a reference to s (through a tree).
func (q *Query) storePtr(ctx context.Context, s *Store) (uint32, error) {
	h := q.h
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return 0, ErrClosed
	}
	ptr, ok := h.stores[s]
	h.mu.Unlock()
	if ok {
		return ptr, nil
	}
	ptr, err := h.compile(ctx, s, q.lang)
	if err != nil {
		return 0, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		if err = h.applyDisables(ctx, s, ptr, h.disabledCaptures, h.disabledPatterns); err == nil {
			if !s.acquire() {
				err = ErrClosed
			} else {
				h.stores[s] = ptr
				return ptr, nil
			}
		}
	} else {
		err = ErrClosed
	}
	if _, derr := s.call(ctx, s.export("ts_query_delete"), uint64(ptr)); derr != nil {
		return 0, s.trap("ts_query_delete", h.langName, derr)
	}
	return 0, err
}

// applyDisables disables captures and patterns in the TSQuery at ptr; the
// caller holds s's lock and h.mu.
func (h *queryHandle) applyDisables(ctx context.Context, s *Store, ptr uint32, captures []string, patterns []uint32) error {
	for _, name := range captures {
		p, err := s.malloc(ctx, uint32(max(len(name), 1)))
		if err != nil {
			return err
		}
		s.mem.WriteString(p, name)
		if _, err := s.call(ctx, s.export("ts_query_disable_capture"), uint64(ptr), uint64(p), uint64(len(name))); err != nil {
			return s.trap("ts_query_disable_capture", h.langName, err)
		}
		if err := s.free(ctx, p); err != nil {
			return err
		}
	}
	for _, i := range patterns {
		if _, err := s.call(ctx, s.export("ts_query_disable_pattern"), uint64(ptr), uint64(i)); err != nil {
			return s.trap("ts_query_disable_pattern", h.langName, err)
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

func (h *queryHandle) close() {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return
	}
	h.closed = true
	stores := h.stores
	h.stores = nil
	h.mu.Unlock()
	for s, ptr := range stores {
		if s.lock() == nil {
			_, _ = s.call(context.Background(), s.export("ts_query_delete"), uint64(ptr))
			s.unlock()
		}
		s.release()
	}
}

// forEachStore runs f for every store the query is compiled into, holding
// that store's lock and h.mu, and skipping entries Close removed meanwhile.
func (h *queryHandle) forEachStore(f func(s *Store, ptr uint32) error) error {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return ErrClosed
	}
	type entry struct {
		s   *Store
		ptr uint32
	}
	var entries []entry
	for s, p := range h.stores {
		entries = append(entries, entry{s, p})
	}
	h.mu.Unlock()
	var errs []error
	for _, e := range entries {
		if err := e.s.lock(); err != nil {
			continue // a broken store is never used again
		}
		h.mu.Lock()
		if !h.closed && h.stores[e.s] == e.ptr {
			if err := f(e.s, e.ptr); err != nil {
				errs = append(errs, err)
			}
		}
		h.mu.Unlock()
		e.s.unlock()
	}
	return errors.Join(errs...)
}

// DisableCapture stops the capture called name from being reported, in
// every store the query runs in, now and later. Unknown names are ignored.
func (q *Query) DisableCapture(name string) error {
	h := q.h
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return ErrClosed
	}
	h.disabledCaptures = append(h.disabledCaptures, name)
	h.mu.Unlock()
	return h.forEachStore(func(s *Store, ptr uint32) error {
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
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return ErrClosed
	}
	h.disabledPatterns = append(h.disabledPatterns, uint32(index))
	h.mu.Unlock()
	return h.forEachStore(func(s *Store, ptr uint32) error {
		return h.applyDisables(context.Background(), s, ptr, nil, []uint32{uint32(index)})
	})
}

// Language returns the query's language.
func (q *Query) Language() *Language { return q.lang }

// Source returns the query's source text.
func (q *Query) Source() string { return q.h.source }

// PatternCount is the number of patterns in the query.
func (q *Query) PatternCount() uint { return uint(len(q.patterns)) }

// CaptureCount is the number of distinct capture names in the query.
func (q *Query) CaptureCount() uint { return uint(len(q.captureNames)) }

// CaptureNames returns the capture names, indexed by capture id. The slice
// is shared; do not modify it.
func (q *Query) CaptureNames() []string { return q.captureNames }

// CaptureNameForId returns the name of capture id, or "" if out of range.
func (q *Query) CaptureNameForId(id uint32) string {
	if int(id) < len(q.captureNames) {
		return q.captureNames[id]
	}
	return ""
}

// CaptureIndexForName returns the id of a capture name, and whether it exists.
func (q *Query) CaptureIndexForName(name string) (uint, bool) {
	for i, n := range q.captureNames {
		if n == name {
			return uint(i), true
		}
	}
	return 0, false
}

// CaptureQuantifiers returns, for pattern index, the quantifier of each
// capture id. The slice is shared; do not modify it.
func (q *Query) CaptureQuantifiers(index uint) []CaptureQuantifier {
	if index >= uint(len(q.patterns)) {
		return nil
	}
	return q.captureQuantifiers[index]
}

// StringCount is the number of string literals in the query's predicates.
func (q *Query) StringCount() uint { return uint(len(q.stringValues)) }

// StringValueForId returns string literal id, or "" if out of range.
func (q *Query) StringValueForId(id uint32) string {
	if int(id) < len(q.stringValues) {
		return q.stringValues[id]
	}
	return ""
}

// PredicatesForPattern returns the raw predicate steps of pattern index,
// split into predicates (without the Done steps). Use it to implement
// predicates of your own.
func (q *Query) PredicatesForPattern(index uint) [][]QueryPredicateStep {
	if index >= uint(len(q.patterns)) {
		return nil
	}
	var out [][]QueryPredicateStep
	var cur []QueryPredicateStep
	for _, st := range q.patterns[index].steps {
		if st.Type == QueryPredicateStepTypeDone {
			out = append(out, cur)
			cur = nil
			continue
		}
		cur = append(cur, st)
	}
	return out
}

// StartByteForPattern is the byte offset where pattern index starts in the
// query source.
func (q *Query) StartByteForPattern(index uint) uint {
	if index >= uint(len(q.patterns)) {
		return 0
	}
	return q.patterns[index].startByte
}

// EndByteForPattern is the byte offset where pattern index ends in the
// query source.
func (q *Query) EndByteForPattern(index uint) uint {
	if index >= uint(len(q.patterns)) {
		return 0
	}
	return q.patterns[index].endByte
}

// IsPatternRooted reports whether pattern index has a single root node.
func (q *Query) IsPatternRooted(index uint) bool {
	return index < uint(len(q.patterns)) && q.patterns[index].rooted
}

// IsPatternNonLocal reports whether pattern index is non-local: it can
// match nodes that are not within one parent, so running it on a range can
// miss matches that start before the range.
func (q *Query) IsPatternNonLocal(index uint) bool {
	return index < uint(len(q.patterns)) && q.patterns[index].nonLocal
}

// IsPatternGuaranteedAtStep reports whether the step at byteOffset in the
// query source is definite: once a match reaches it, the pattern is
// guaranteed to match. It returns false after Close.
func (q *Query) IsPatternGuaranteedAtStep(byteOffset uint) bool {
	var result bool
	done := false
	_ = q.h.forEachStore(func(s *Store, ptr uint32) error {
		if done {
			return nil
		}
		r, err := s.call(context.Background(), s.export("ts_query_is_pattern_guaranteed_at_step"),
			uint64(ptr), uint64(uint32(min(byteOffset, 1<<32-1))))
		if err != nil {
			return s.trap("ts_query_is_pattern_guaranteed_at_step", q.lang.name, err)
		}
		result, done = r != 0, true
		return nil
	})
	return result
}

// PropertySettings returns the #set! directives of pattern index.
func (q *Query) PropertySettings(index uint) []QueryProperty {
	if index >= uint(len(q.patterns)) {
		return nil
	}
	return q.patterns[index].settings
}

// PropertyPredicates returns the #is? and #is-not? predicates of pattern
// index.
func (q *Query) PropertyPredicates(index uint) []PropertyPredicate {
	if index >= uint(len(q.patterns)) {
		return nil
	}
	return q.patterns[index].propPredicates
}

// GeneralPredicates returns the predicates of pattern index that the
// package does not evaluate (see QueryPredicate).
func (q *Query) GeneralPredicates(index uint) []QueryPredicate {
	if index >= uint(len(q.patterns)) {
		return nil
	}
	return q.patterns[index].general
}
