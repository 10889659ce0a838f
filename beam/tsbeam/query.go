// Query and Tags: captures of a query, or the definitions of tags.scm, one
// element each.
package tsbeam

import (
	"context"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
)

// Query runs the tree-sitter query source over each Source and returns one
// Capture per capture, in document order, and a dead-letter PCollection of
// Failure (parse failures, and files whose language the query does not
// compile for).
func Query(s beam.Scope, sources beam.PCollection, query string, o Options) (captures, dead beam.PCollection) {
	s = s.Scope("tsbeam.Query")
	return beam.ParDo2(s, &queryFn{Opts: o, Source: query}, sources)
}

// Tags runs each language's bundled tags.scm over each Source and returns
// one Tag per definition (and per reference, with Options.References), and a
// dead-letter PCollection of Failure (parse failures, and languages without
// a tags query).
func Tags(s beam.Scope, sources beam.PCollection, o Options) (tags, dead beam.PCollection) {
	s = s.Scope("tsbeam.Tags")
	return beam.ParDo2(s, &tagsFn{Opts: o}, sources)
}

// queryCache compiles a DoFn instance's queries once per language.
type queryCache struct {
	m      map[*tswasm.Language]compiled
	cursor *tswasm.QueryCursor
}

type compiled struct {
	q   *tswasm.Query
	err error
}

// get compiles source for lang, once.
func (c *queryCache) get(ctx context.Context, lang *tswasm.Language, source string) (*tswasm.Query, error) {
	if c.m == nil {
		c.m = map[*tswasm.Language]compiled{}
	}
	cq, ok := c.m[lang]
	if !ok {
		cq.q, cq.err = tswasm.NewQuery(context.WithoutCancel(ctx), lang, source)
		c.m[lang] = cq
	}
	return cq.q, cq.err
}

func (c *queryCache) close() {
	for _, cq := range c.m {
		if cq.q != nil {
			cq.q.Close()
		}
	}
	c.m = nil
	if c.cursor != nil {
		c.cursor.Close()
		c.cursor = nil
	}
}

// queryFn runs one query.
type queryFn struct {
	Opts   Options
	Source string
	w      worker
	qc     queryCache
}

// Setup takes the worker process's engine.
func (f *queryFn) Setup(ctx context.Context) error { return f.w.setup(ctx, f.Opts) }

// Teardown closes the queries and the parser.
func (f *queryFn) Teardown() {
	f.qc.close()
	f.w.teardown()
}

// ProcessElement emits the captures of one source.
func (f *queryFn) ProcessElement(ctx context.Context, src Source, emit func(Capture), dead func(Failure)) {
	tree, lang, _, fail := f.w.parse(ctx, src, "query")
	if fail != nil {
		dead(*fail)
		return
	}
	defer tree.Close()
	q, err := f.qc.get(ctx, lang, f.Source)
	if err != nil {
		queryFailure(ctx, src, dead, fmt.Errorf("the query does not compile for %s: %w", src.Language, err))
		return
	}
	if f.qc.cursor == nil {
		f.qc.cursor = tswasm.NewQueryCursor()
	}
	names := q.CaptureNames()
	var out []Capture
	var qerr error
	for r, err := range f.qc.cursor.Captures(ctx, q, tree.RootNode(), src.Content) {
		if err != nil {
			qerr = err
			break
		}
		m, c := r.Match, r.Capture()
		sp, ep := c.Node.StartPosition(), c.Node.EndPosition()
		out = append(out, Capture{
			Path: src.Path, Language: src.Language, Pattern: int64(m.PatternIndex), Capture: names[c.Index],
			StartByte: int64(c.Node.StartByte()), EndByte: int64(c.Node.EndByte()),
			StartRow: int64(sp.Row), StartColumn: int64(sp.Column), EndRow: int64(ep.Row), EndColumn: int64(ep.Column),
			Text: c.Node.UTF8Text(src.Content),
		})
	}
	if err := qerr; err != nil {
		f.w.replaceParser()
		queryFailure(ctx, src, dead, err)
		return
	}
	for _, c := range out {
		emit(c)
	}
}

func queryFailure(ctx context.Context, src Source, dead func(Failure), err error) {
	failures.Inc(ctx, 1)
	dead(Failure{Path: src.Path, Language: src.Language, Stage: "query", Kind: KindQuery, Error: err.Error(), Bytes: int64(len(src.Content))})
}

// tagsFn runs each language's tags.scm.
type tagsFn struct {
	Opts Options
	w    worker
	qc   queryCache
}

// Setup takes the worker process's engine.
func (f *tagsFn) Setup(ctx context.Context) error { return f.w.setup(ctx, f.Opts) }

// Teardown closes the queries and the parser.
func (f *tagsFn) Teardown() {
	f.qc.close()
	f.w.teardown()
}

// ProcessElement emits the tags of one source.
func (f *tagsFn) ProcessElement(ctx context.Context, src Source, emit func(Tag), dead func(Failure)) {
	spec, ok := languages.Lookup(src.Language)
	if !ok || spec.Queries["tags"] == "" {
		queryFailure(ctx, src, dead, fmt.Errorf("%s has no tags query", src.Language))
		return
	}
	tree, lang, _, fail := f.w.parse(ctx, src, "tags")
	if fail != nil {
		fail.Stage = "tags"
		dead(*fail)
		return
	}
	defer tree.Close()
	q, err := f.qc.get(ctx, lang, spec.Queries["tags"])
	if err != nil {
		queryFailure(ctx, src, dead, fmt.Errorf("tags.scm does not compile for %s: %w", src.Language, err))
		return
	}
	if f.qc.cursor == nil {
		f.qc.cursor = tswasm.NewQueryCursor()
	}
	names := q.CaptureNames()
	var out []Tag
	var qerr error
	for m, err := range f.qc.cursor.Matches(ctx, q, tree.RootNode(), src.Content) {
		if err != nil {
			qerr = err
			break
		}
		var t Tag
		var nameNode, whole tswasm.Node
		haveName, haveKind := false, false
		for _, c := range m.Captures {
			n := names[c.Index]
			switch {
			case n == "name":
				nameNode, haveName = c.Node, true
			case strings.HasPrefix(n, "definition."):
				t.Kind, t.IsDefinition, whole, haveKind = strings.TrimPrefix(n, "definition."), true, c.Node, true
			case strings.HasPrefix(n, "reference."):
				t.Kind, t.IsDefinition, whole, haveKind = strings.TrimPrefix(n, "reference."), false, c.Node, true
			}
		}
		if !haveName || !haveKind || (!t.IsDefinition && !f.Opts.References) {
			continue
		}
		sp := nameNode.StartPosition()
		t.Path, t.Language = src.Path, src.Language
		t.Name = nameNode.UTF8Text(src.Content)
		t.StartByte, t.EndByte = int64(whole.StartByte()), int64(whole.EndByte())
		t.Row, t.Column = int64(sp.Row), int64(sp.Column)
		out = append(out, t)
	}
	if err := qerr; err != nil {
		f.w.replaceParser()
		queryFailure(ctx, src, dead, err)
		return
	}
	for _, t := range out {
		emit(t)
	}
}
