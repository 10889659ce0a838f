// Parse: one Result per source file.
package tsbeam

import (
	"context"
	"encoding/json"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Parse parses each Source and returns a Result per file, and a dead-letter
// PCollection of Failure for the files that time out, trap the grammar, hit
// the memory limit or otherwise fail.
func Parse(s beam.Scope, sources beam.PCollection, o Options) (results, dead beam.PCollection) {
	s = s.Scope("tsbeam.Parse")
	return beam.ParDo2(s, &parseFn{Opts: o}, sources)
}

// parseFn parses one source.
type parseFn struct {
	Opts Options
	w    worker
}

// Setup takes the worker process's engine.
func (f *parseFn) Setup(ctx context.Context) error { return f.w.setup(ctx, f.Opts) }

// Teardown closes the parser.
func (f *parseFn) Teardown() { f.w.teardown() }

// ProcessElement parses one source.
func (f *parseFn) ProcessElement(ctx context.Context, src Source, emit func(Result), dead func(Failure)) {
	tree, _, dur, fail := f.w.parse(ctx, src, "parse")
	if fail != nil {
		dead(*fail)
		return
	}
	defer tree.Close()
	root := tree.RootNode()
	r := Result{Path: src.Path, Language: src.Language, Bytes: int64(len(src.Content)),
		HasError: root.HasError(), ParseNanos: dur.Nanoseconds()}
	r.ErrorNodes, r.MissingNodes = countProblems(root)
	if f.Opts.Tree {
		b, err := json.Marshal(buildTree(root))
		if err != nil {
			failures.Inc(ctx, 1)
			dead(Failure{Path: src.Path, Language: src.Language, Stage: "parse", Kind: KindParse, Error: err.Error(), Bytes: r.Bytes})
			return
		}
		r.Tree = string(b)
	}
	// A trap while walking the tree breaks its store: report it rather
	// than counts from a half-read tree.
	if err := tree.Err(); err != nil {
		f.w.replaceParser()
		failures.Inc(ctx, 1)
		dead(Failure{Path: src.Path, Language: src.Language, Stage: "parse", Kind: classify(err, 0), Error: err.Error(), Bytes: r.Bytes})
		return
	}
	emit(r)
}
