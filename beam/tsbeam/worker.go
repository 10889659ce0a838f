// The per-DoFn parsing state shared by Parse, Query and Tags.
package tsbeam

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
)

var (
	filesParsed  = beam.NewCounter("tswasm", "files_parsed")
	bytesParsed  = beam.NewCounter("tswasm", "bytes_parsed")
	parseMicros  = beam.NewCounter("tswasm", "parse_us")
	parseMicrosD = beam.NewDistribution("tswasm", "parse_us_per_file")
)

// worker holds a DoFn instance's engine and parser. Beam runs one bundle at
// a time on a DoFn instance, so the parser is never shared.
type worker struct {
	opts   Options
	engine *tswasm.Engine
	parser *tswasm.Parser
}

// setup takes the process's engine.
func (w *worker) setup(ctx context.Context, o Options) error {
	w.opts = o
	e, err := sharedEngine(ctx, o)
	if err != nil {
		return err
	}
	w.engine = e
	return nil
}

// teardown gives the parser back.
func (w *worker) teardown() {
	if w.parser != nil {
		w.parser.Close()
		w.parser = nil
	}
}

// parse parses src. On failure it returns the dead-letter record and, if the
// parser may be unusable, replaces it.
func (w *worker) parse(ctx context.Context, src Source, stage string) (*tswasm.Tree, *tswasm.Language, time.Duration, *Failure) {
	fail := func(kind string, err error) *Failure {
		failures.Inc(ctx, 1)
		return &Failure{Path: src.Path, Language: src.Language, Stage: stage, Kind: kind,
			Error: err.Error(), Bytes: int64(len(src.Content))}
	}
	spec, ok := languages.Lookup(src.Language)
	if !ok {
		return nil, nil, 0, fail(KindNoLanguage, fmt.Errorf("unknown language %q", src.Language))
	}
	lang, err := languages.Load(ctx, w.engine, spec)
	if err != nil {
		return nil, nil, 0, fail(KindGrammar, err)
	}
	if w.parser == nil {
		if w.parser, err = w.engine.NewParser(ctx); err != nil {
			return nil, nil, 0, fail(KindParse, err)
		}
	}
	if w.parser.Language() != lang {
		if err := w.parser.SetLanguage(ctx, lang); err != nil {
			w.replaceParser()
			return nil, nil, 0, fail(classify(err, 0), err)
		}
	}
	pctx, cancel := ctx, context.CancelFunc(func() {})
	if w.opts.Timeout > 0 {
		pctx, cancel = context.WithTimeout(ctx, w.opts.Timeout)
	}
	t0 := time.Now()
	tree, err := w.parser.Parse(pctx, src.Content, nil)
	dur := time.Since(t0)
	cancel()
	if err != nil {
		kind := classify(err, w.opts.Timeout)
		if kind == KindTimeout && ctx.Err() == nil {
			err = fmt.Errorf("parse timed out after %v: %w", w.opts.Timeout, err)
		}
		// A trap or a memory-limit hit leaves the store broken, and a
		// cancelled parse leaves the parser mid-way: start afresh.
		w.replaceParser()
		return nil, nil, dur, fail(kind, err)
	}
	filesParsed.Inc(ctx, 1)
	bytesParsed.Inc(ctx, int64(len(src.Content)))
	parseMicros.Inc(ctx, dur.Microseconds())
	parseMicrosD.Update(ctx, dur.Microseconds())
	return tree, lang, dur, nil
}

// replaceParser drops the parser; the next file gets a new one, on a
// healthy store of the engine's pool.
func (w *worker) replaceParser() {
	if w.parser != nil {
		w.parser.Close()
		w.parser = nil
	}
}

// classify names the kind of a parse failure.
func classify(err error, timeout time.Duration) string {
	var te *tswasm.TrapError
	switch {
	case errors.Is(err, tswasm.ErrMemoryLimit):
		return KindMemoryLimit
	case timeout > 0 && errors.Is(err, context.DeadlineExceeded):
		return KindTimeout
	case errors.As(err, &te), errors.Is(err, tswasm.ErrStoreBroken):
		return KindTrap
	}
	return KindParse
}
