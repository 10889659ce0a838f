// query_meta.go: reading a compiled query's metadata into Go once, and the accessors that answer from it.
package tswasm

import (
	"context"
	"errors"

	"github.com/tswasm/tswasm/internal/abi"
)

// metaReader calls the ts_query_* functions that take (query, a, b) and
// keeps the first error; later calls then return 0.
type metaReader struct {
	ctx context.Context
	s   *Store
	q   abi.Ptr
	err error
}

func (r *metaReader) call(name string, f abi.Func, a, b uint64) uint32 {
	if r.err != nil {
		return 0
	}
	v, err := r.s.call3(r.ctx, name, f, r.q.Arg(), a, b)
	r.err = err
	return uint32(v)
}

// readMetadata reads everything the Go side needs from the TSQuery at ptr
// and parses the predicates; the caller holds s's lock.
func (q *Query) readMetadata(ctx context.Context, s *Store, ptr abi.Ptr) error {
	name := q.lang.name
	r := &metaReader{ctx: ctx, s: s, q: ptr}
	lenOut := s.at(abi.ScratchOut0)
	// str calls f(query, id, &len) and reads the string it returns.
	str := func(f abi.Func, id int) string {
		p := abi.Ptr(r.call(name, f, uint64(id), lenOut.Arg()))
		if r.err != nil || p == 0 {
			return ""
		}
		v := s.view()
		out, ok := v.String(p, v.U32(lenOut))
		if !ok {
			r.err = errors.New("tswasm: query string out of range")
		}
		return out
	}
	nPatterns := int(r.call(name, abi.TsQueryPatternCount, 0, 0))
	nCaptures := int(r.call(name, abi.TsQueryCaptureCount, 0, 0))
	nStrings := int(r.call(name, abi.TsQueryStringCount, 0, 0))
	q.captureNames = make([]string, nCaptures)
	for i := range q.captureNames {
		q.captureNames[i] = str(abi.TsQueryCaptureNameForId, i)
	}
	q.stringValues = make([]string, nStrings)
	for i := range q.stringValues {
		q.stringValues[i] = str(abi.TsQueryStringValueForId, i)
	}
	q.captureQuantifiers = make([][]CaptureQuantifier, nPatterns)
	q.patterns = make([]queryPattern, nPatterns)
	for i := range q.patterns {
		pi := uint64(i)
		qs := make([]CaptureQuantifier, nCaptures)
		for j := range qs {
			qs[j] = CaptureQuantifier(r.call(name, abi.TsQueryCaptureQuantifierForId, pi, uint64(j)))
		}
		q.captureQuantifiers[i] = qs
		p := &q.patterns[i]
		p.startByte = uint(r.call(name, abi.TsQueryStartByteForPattern, pi, 0))
		p.endByte = uint(r.call(name, abi.TsQueryEndByteForPattern, pi, 0))
		p.rooted = r.call(name, abi.TsQueryIsPatternRooted, pi, 0) != 0
		p.nonLocal = r.call(name, abi.TsQueryIsPatternNonLocal, pi, 0) != 0
		steps := abi.Ptr(r.call(name, abi.TsQueryPredicatesForPattern, pi, lenOut.Arg()))
		if r.err != nil {
			return r.err
		}
		v := s.view()
		if n := v.U32(lenOut); n > 0 {
			raw, ok := v.PredicateSteps(steps, n)
			if !ok {
				return errors.New("tswasm: query predicates out of range")
			}
			p.steps = make([]QueryPredicateStep, n)
			for k, st := range raw {
				p.steps[k] = QueryPredicateStep{Type: QueryPredicateStepType(st.Type), ValueID: st.ValueID}
			}
		}
	}
	if r.err != nil {
		return r.err
	}
	for i := range q.patterns {
		if err := q.parsePredicates(i); err != nil {
			return err
		}
	}
	return nil
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

// CaptureNameForID returns the name of capture id, or "" if out of range.
func (q *Query) CaptureNameForID(id uint32) string {
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

// StringValueForID returns string literal id, or "" if out of range.
func (q *Query) StringValueForID(id uint32) string {
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
