package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tswasm/tswasm"
)

// runner reads and parses inputs for parse and query: one engine, one
// resolver, and one parser per worker (engine.NewParser spreads them over
// the engine's stores, so workers run in parallel).
type runner struct {
	ctx     context.Context
	env     *env
	engine  *tswasm.Engine
	res     *resolver
	timeout time.Duration
	parsers []*tswasm.Parser
}

// parsed is one parsed input. The caller closes tree.
type parsed struct {
	src  []byte
	le   *langEntry
	lang *tswasm.Language
	tree *tswasm.Tree
	dur  time.Duration // time in Parse
}

// newRunner sets up the engine and languages for a command's walk flags.
// On error it has printed the reason and returns the exit code.
func newRunner(ctx context.Context, e *env, o *parseOptions) (*runner, int) {
	engine, err := newEngine(ctx)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitFailure
	}
	res, err := newResolver(ctx, engine, o.lang, o.grammar)
	if err != nil {
		engine.Close()
		e.errorf("%v", err)
		return nil, exitFailure
	}
	return &runner{ctx: ctx, env: e, engine: engine, res: res, timeout: o.timeout,
		parsers: make([]*tswasm.Parser, max(o.jobs, 1))}, exitOK
}

// close frees the parsers and the engine.
func (r *runner) close() {
	for _, p := range r.parsers {
		if p != nil {
			p.Close()
		}
	}
	r.engine.Close()
}

// walker returns a walker for the runner's language selection that reports
// problems on stderr.
func (r *runner) walker(o *parseOptions) *walker {
	return &walker{
		noIgnore:  o.noIgnore,
		excludes:  excludeRules(o.excludes),
		candidate: r.res.candidate,
		report:    func(p string, err error) { r.env.errorf("%s: %v", p, errText(err)) },
	}
}

// parse reads input in and parses it on worker wk's parser. A skipped
// input returns its skipKind; p.le is set whenever the language is known,
// even on error.
func (r *runner) parse(wk int, in input) (p parsed, skip skipKind, err error) {
	ctx := r.ctx
	if err := ctx.Err(); err != nil {
		return p, notSkipped, err
	}
	src, le, skip, err := r.res.readInput(in, r.env.stdin)
	p.le, p.src = le, src
	if err != nil || skip != notSkipped {
		return p, skip, err
	}
	lang, err := le.load(ctx, r.engine)
	if err != nil {
		return p, notSkipped, err
	}
	p.lang = lang
	if r.parsers[wk] == nil {
		if r.parsers[wk], err = r.engine.NewParser(ctx); err != nil {
			return p, notSkipped, err
		}
	}
	parser := r.parsers[wk]
	if parser.Language() != lang {
		if err := parser.SetLanguage(ctx, lang); err != nil {
			return p, notSkipped, err
		}
	}
	pctx, cancel := ctx, context.CancelFunc(func() {})
	if r.timeout > 0 {
		pctx, cancel = context.WithTimeout(ctx, r.timeout)
	}
	t0 := time.Now()
	tree, err := parser.Parse(pctx, src, nil)
	p.dur = time.Since(t0)
	cancel()
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && r.timeout > 0 && ctx.Err() == nil {
			err = fmt.Errorf("parse timed out after %v", r.timeout)
		}
		if errors.Is(err, tswasm.ErrStoreBroken) || isTrap(err) {
			// The parser's store is unusable; the next input gets a new parser.
			parser.Close()
			r.parsers[wk] = nil
		}
		return p, notSkipped, err
	}
	p.tree = tree
	return p, notSkipped, nil
}

// isTrap reports whether err is a wasm trap (its store is now broken).
func isTrap(err error) bool {
	var te *tswasm.TrapError
	return errors.As(err, &te)
}

// onceReporter prints a grammar's load failure once, not once per file.
type onceReporter map[string]bool

// message returns the text to print for a failed input, or "" when the
// same grammar failure was already reported.
func (seen onceReporter) message(in input, lang string, err error) string {
	var ge *grammarLoadError
	if errors.As(err, &ge) {
		if seen[lang] {
			return ""
		}
		seen[lang] = true
		return fmt.Sprintf("%v (skipping every %s file)", err, lang)
	}
	return fmt.Sprintf("%s: %v", in.display(), errText(err))
}
