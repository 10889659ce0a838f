// Stats: per-language totals of Parse results, combined across workers.
package tsbeam

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Stats sums Parse results per language: files, bytes, files with errors,
// ERROR and MISSING nodes and parse time, the figures of `tswasm parse
// --stats`. Partial sums are combined on each worker before the shuffle
// (statsFn is a CombineFn), so only one small record per language and
// worker crosses the network. It returns one LangStats per language.
func Stats(s beam.Scope, results beam.PCollection) beam.PCollection {
	s = s.Scope("tsbeam.Stats")
	keyed := beam.ParDo(s, resultStats, results)
	sums := beam.CombinePerKey(s, &statsFn{}, keyed)
	return beam.ParDo(s, dropStatsKey, sums)
}

// resultStats keys one file's figures by its language.
func resultStats(r Result) (string, LangStats) {
	ls := LangStats{Language: r.Language, Files: 1, Bytes: r.Bytes,
		ErrorNodes: r.ErrorNodes, MissingNodes: r.MissingNodes, ParseNanos: r.ParseNanos}
	if r.HasError {
		ls.WithErrors = 1
	}
	return r.Language, ls
}

func dropStatsKey(_ string, ls LangStats) LangStats { return ls }

// statsFn is the CombineFn that sums LangStats.
type statsFn struct{}

// CreateAccumulator returns an empty sum.
func (statsFn) CreateAccumulator() LangStats { return LangStats{} }

// AddInput adds one file's (or one partial sum's) figures.
func (f statsFn) AddInput(a, b LangStats) LangStats { return f.MergeAccumulators(a, b) }

// MergeAccumulators adds two sums.
func (statsFn) MergeAccumulators(a, b LangStats) LangStats {
	if a.Language == "" {
		a.Language = b.Language
	}
	a.Files += b.Files
	a.Bytes += b.Bytes
	a.WithErrors += b.WithErrors
	a.ErrorNodes += b.ErrorNodes
	a.MissingNodes += b.MissingNodes
	a.ParseNanos += b.ParseNanos
	return a
}

// ExtractOutput returns the sum.
func (statsFn) ExtractOutput(a LangStats) LangStats { return a }
