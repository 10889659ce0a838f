// The pipeline every file command runs: walk, read and detect, parse, format, emit in order.
package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/tswasm/tswasm"
)

// pipeline is one command's run over its inputs: the walked inputs, one
// engine, the language resolver, one parser per worker, and the counters
// and progress bar that the emit stage keeps.
type pipeline struct {
	ctx     context.Context
	env     *env
	opts    *inputOptions
	res     *resolver
	engine  *tswasm.Engine
	parsers []*tswasm.Parser
	inputs  []input
	paths   []string
	prog    *progress

	memoryLimit uint64 // per store, as given to the engine

	// Counters, updated by the emit stage.
	failed, binary, interrupted, processed, skippedLangs int
	walkFailed                                           int
	seenGrammar                                          map[string]bool
	seenSkip                                             map[string]bool
	writeErr                                             error
}

// fileJob is a parsed input handed to a command's format stage.
type fileJob struct {
	in   input
	le   *langEntry
	lang *tswasm.Language
	src  []byte
	enc  tswasm.InputEncoding
	tree *tswasm.Tree
	dur  time.Duration // time in Parse
}

// text returns the UTF-8 text of a node of the job's tree.
func (f *fileJob) text(n tswasm.Node) string {
	s, e := n.ByteRange()
	return nodeText(f.src, s, e, f.enc)
}

// outcome is the common part of one input's result.
type outcome struct {
	lang  string
	bytes int
	dur   time.Duration
	skip  skipKind
	err   error
	out   []byte // what the format stage wrote, printed in input order
	// warnings are printed on stderr, in input order, before out.
	warnings []string
}

// langSkipError marks a file whose language the command cannot handle (a
// query that does not compile for it, no tags query): in a directory
// without --lang the language is skipped with one warning.
type langSkipError struct{ error }

func (e *langSkipError) Unwrap() error { return e.error }

// minMemoryLimit and memoryPerByte size the default memory limit per store:
// max(256 MiB, 64 × the largest input).
const (
	minMemoryLimit = 256 << 20
	memoryPerByte  = 64
	maxWasmMemory  = 4<<30 - 64<<10 // wasm32's 65535 pages
)

// newPipeline resolves languages, walks the paths (defaultPath when there
// are none) and starts the engine. On error it has printed the reason and
// returns the exit code.
func newPipeline(ctx context.Context, e *env, cmd *cobra.Command, o *inputOptions, paths []string) (*pipeline, int) {
	if len(paths) == 0 {
		paths = []string{defaultPath}
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	res, err := newResolver(o.lang, o.grammar, o.onlyLangs)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitFailure
	}
	p := &pipeline{ctx: ctx, env: e, opts: o, res: res, paths: paths,
		seenGrammar: map[string]bool{}, seenSkip: map[string]bool{}}
	w := &walker{
		noIgnore:  o.noIgnore,
		excludes:  excludeRules(o.excludes),
		candidate: res.candidate,
		report:    func(path string, err error) { e.errorf("%s: %v", path, p.errText(err)) },
		warn:      func(path, msg string) { e.errorf("%s: %s", path, msg) },
		stdin:     e.stdin,
		maxStdin:  int64(o.maxSize),
	}
	p.inputs = w.collect(paths)
	p.walkFailed = w.failed
	p.failed = w.failed

	p.memoryLimit = uint64(o.memoryLimit)
	if p.memoryLimit == 0 {
		var largest int64
		for _, in := range p.inputs {
			largest = max(largest, min(in.size, int64(o.maxSize)))
		}
		p.memoryLimit = max(minMemoryLimit, uint64(largest)*memoryPerByte)
	}
	p.memoryLimit = min(p.memoryLimit, maxWasmMemory)
	opts := []tswasm.Option{tswasm.WithMemoryLimit(p.memoryLimit)}
	if o.grammar != "" {
		// A grammar from a file is untrusted: its lexer may loop, and only
		// closing the module on context done stops that.
		opts = append(opts, tswasm.WithCloseOnContextDone())
	}
	if p.engine, err = newEngine(ctx, opts...); err != nil {
		e.errorf("%v", err)
		return nil, exitFailure
	}
	if err := res.init(ctx, p.engine); err != nil {
		p.engine.Close()
		e.errorf("%v", p.errText(err))
		return nil, exitFailure
	}
	p.parsers = make([]*tswasm.Parser, o.jobs)
	return p, exitOK
}

// defaultPath is what every command reads when given no path.
const defaultPath = "."

// newEngine starts the one engine a command uses. Compiled code is cached
// in $TSWASM_CACHE_DIR, by default the user cache directory's "tswasm"
// folder, so that later runs start faster; TSWASM_CACHE_DIR=off disables it.
func newEngine(ctx context.Context, opts ...tswasm.Option) (*tswasm.Engine, error) {
	dir := os.Getenv("TSWASM_CACHE_DIR")
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "tswasm", "wazero")
		}
	}
	var cache []tswasm.Option
	if dir != "" && dir != "off" {
		if err := os.MkdirAll(dir, 0o755); err == nil {
			cache = append(cache, tswasm.WithCompilationCacheDir(dir))
		}
	}
	e, err := tswasm.NewEngine(ctx, append(cache, opts...)...)
	if err != nil && len(cache) > 0 {
		// A broken cache directory must not stop the tool.
		e, err = tswasm.NewEngine(ctx, opts...)
	}
	return e, err
}

// close frees the parsers and the engine.
func (p *pipeline) close() {
	for _, ps := range p.parsers {
		if ps != nil {
			ps.Close()
		}
	}
	p.engine.Close()
}

// fileContext bounds one file's work by --timeout.
func (p *pipeline) fileContext() (context.Context, context.CancelFunc) {
	if p.opts.timeout > 0 {
		return context.WithTimeout(p.ctx, p.opts.timeout)
	}
	return context.WithCancel(p.ctx)
}

// watchdogGrace is how long past --timeout a file's work may run before
// the watchdog ends the process: a wasm call that ignores its context (a
// query that loops in ts_query_new, a lexer stuck in a loop without
// close-on-context-done) cannot be preempted, and the tool must not hang.
func watchdogGrace(timeout time.Duration) time.Duration { return 5*time.Second + timeout/4 }

// watch starts the watchdog for one piece of work; call the result when
// it is done.
func (p *pipeline) watch(what string) (stop func()) {
	return watchdog(p.env, p.opts.timeout, what)
}

// watchdog ends the process with exit status 2 when work named what runs
// past timeout plus a grace period; 0 disables it.
func watchdog(e *env, timeout time.Duration, what string) (stop func()) {
	if timeout <= 0 {
		return func() {}
	}
	limit := timeout + watchdogGrace(timeout)
	t := time.AfterFunc(limit, func() {
		e.errorf("%s: still running %v after its --timeout of %v (a wasm call that cannot be interrupted); giving up", what, limit-timeout, timeout)
		e.exit(exitFailure)
	})
	disarm := armBackstop(limit + 3*time.Second)
	return func() {
		t.Stop()
		disarm()
	}
}

// parseStage reads, detects and parses one input on worker wk's parser.
func (p *pipeline) parseStage(ctx context.Context, wk int, in input) (*fileJob, skipKind, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, notSkipped, "", err
	}
	s, err := p.res.readInput(in, int64(p.opts.maxSize), p.opts.encoding.value)
	if err != nil || s.skip != notSkipped {
		return nil, s.skip, langName(s.le), err
	}
	f := &fileJob{in: in, le: s.le, src: s.src, enc: s.enc}
	// Compiling a grammar is a one-time cost of the run, not of this file:
	// it does not count against the file's --timeout.
	if f.lang, err = s.le.load(p.ctx, p.engine); err != nil {
		return nil, notSkipped, s.le.name, err
	}
	if f.tree, f.dur, err = p.parseSource(ctx, wk, f.lang, f.src, f.enc); err != nil {
		return f, notSkipped, s.le.name, err
	}
	return f, notSkipped, s.le.name, nil
}

// parseSource parses src on worker wk's parser.
func (p *pipeline) parseSource(ctx context.Context, wk int, lang *tswasm.Language, src []byte, enc tswasm.InputEncoding) (*tswasm.Tree, time.Duration, error) {
	var err error
	if p.parsers[wk] == nil {
		if p.parsers[wk], err = p.engine.NewParser(ctx); err != nil {
			return nil, 0, err
		}
	}
	parser := p.parsers[wk]
	if parser.Language() != lang {
		if err := parser.SetLanguage(ctx, lang); err != nil {
			return nil, 0, err
		}
	}
	if parser.Encoding() != enc {
		if err := parser.SetEncoding(enc); err != nil {
			return nil, 0, err
		}
	}
	t0 := time.Now()
	tree, err := parser.Parse(ctx, src, nil)
	dur := time.Since(t0)
	if err != nil && (errors.Is(err, tswasm.ErrStoreBroken) || isTrap(err) || errors.Is(err, context.DeadlineExceeded)) {
		// The parser's store may be unusable; the next input gets a new parser.
		parser.Close()
		p.parsers[wk] = nil
	}
	return tree, dur, err
}

// isTrap reports whether err is a wasm trap (its store is now broken).
func isTrap(err error) bool {
	var te *tswasm.TrapError
	return errors.As(err, &te)
}

// formatFunc is a command's format stage: it turns one parsed file into
// output (o.out) and a command-specific result.
type formatFunc[R any] func(ctx context.Context, wk int, f *fileJob, o *outcome) (R, error)

// runFiles runs the pipeline over every input on the -j workers: read,
// detect and parse (parseStage), then format; emit runs for each file
// processed, in input order, after its output is written. Failures, skips
// and warnings are reported here, once per grammar or language where that
// applies.
func runFiles[R any](p *pipeline, format formatFunc[R], emit func(in input, o *outcome, r R)) {
	type item struct {
		o outcome
		r R
	}
	work := func(wk, i int) item {
		var it item
		in := p.inputs[i]
		ctx, cancel := p.fileContext()
		defer cancel()
		defer p.watch(in.display())()
		f, skip, lang, err := p.parseStage(ctx, wk, in)
		it.o = outcome{lang: lang, skip: skip, err: err}
		if f != nil {
			it.o.bytes, it.o.dur = len(f.src), f.dur
		}
		if err != nil || skip != notSkipped {
			it.o.err = p.timeoutErr(ctx, err)
			return it
		}
		defer f.tree.Close()
		it.r, err = format(ctx, wk, f, &it.o)
		if err == nil {
			err = ctx.Err()
		}
		if err == nil {
			// A trap while walking the tree breaks its store and makes the
			// node methods return zero values: report it rather than print
			// a truncated tree.
			err = f.tree.Err()
		}
		if err != nil {
			it.o.out = nil
		}
		it.o.err = p.timeoutErr(ctx, err)
		return it
	}
	runOrdered(len(p.inputs), p.opts.jobs, work, func(i int, it item) {
		in := p.inputs[i]
		p.prog.add(it.o.bytes)
		for _, w := range it.o.warnings {
			p.warnf("%s", w)
		}
		if !p.report(in, &it.o) {
			return
		}
		p.processed++
		if len(it.o.out) > 0 {
			p.write(it.o.out)
		}
		if emit != nil {
			emit(in, &it.o, it.r)
		}
	})
	p.prog.finish()
}

// timeoutErr names a per-file timeout for what it is.
func (p *pipeline) timeoutErr(ctx context.Context, err error) error {
	if err != nil && p.ctx.Err() == nil && ctx.Err() == context.DeadlineExceeded &&
		(errors.Is(err, context.DeadlineExceeded) || errors.Is(err, tswasm.ErrStoreBroken)) {
		return fmt.Errorf("timed out after %v (--timeout)", p.opts.timeout)
	}
	return err
}

// report handles an input that failed or was skipped, and says whether it
// was processed.
func (p *pipeline) report(in input, o *outcome) bool {
	switch {
	case o.err != nil:
		if p.ctx.Err() != nil && errors.Is(o.err, p.ctx.Err()) {
			p.interrupted++ // said once at the end
			return false
		}
		var ls *langSkipError
		if errors.As(o.err, &ls) && p.res.forced == nil && !in.explicit {
			p.skippedLangs++
			if !p.seenSkip[o.lang] {
				p.seenSkip[o.lang] = true
				p.warnf("warning: %v (skipping every %s file)", p.errText(o.err), o.lang)
			}
			return false
		}
		p.failed++
		var ge *grammarLoadError
		if errors.As(o.err, &ge) {
			if !p.seenGrammar[o.lang] {
				p.seenGrammar[o.lang] = true
				p.warnf("%v (skipping every %s file)", p.errText(o.err), o.lang)
			}
			return false
		}
		p.warnf("%s: %v", in.display(), p.errText(o.err))
		return false
	case o.skip == skipBinary:
		p.binary++
		if in.explicit {
			p.warnf("%s: binary file skipped", in.display())
		}
		return false
	case o.skip == skipNoLang:
		return false
	}
	return true
}

// warnf prints a "tswasm: " line on stderr, clearing the progress bar first.
func (p *pipeline) warnf(format string, args ...any) {
	p.prog.write(func() { p.env.errorf(format, args...) })
}

// write prints per-file output, clearing the progress bar first.
func (p *pipeline) write(b []byte) {
	if p.writeErr != nil {
		return
	}
	p.prog.write(func() {
		if _, err := p.env.stdout.Write(b); err != nil {
			p.writeErr = err
		}
		if p.prog != nil {
			flusher(p.env.stdout)()
		}
	})
}

// finish reports what applies to the whole run and returns the exit code:
// a write error, an interruption, "nothing to parse", failures.
func (p *pipeline) finish() int {
	if p.writeErr != nil {
		p.env.errorf("writing output: %v", p.writeErr)
		return exitFailure
	}
	if p.ctx.Err() != nil {
		p.env.errorf("interrupted")
		return exitFailure
	}
	if p.processed == 0 && p.failed == 0 && p.binary == 0 && p.skippedLangs == 0 {
		p.env.errorf("nothing to parse in %s (no file of a known language; see 'tswasm langs', or force one with --lang)",
			strings.Join(p.paths, " "))
	}
	if p.failed > 0 {
		return exitFailure
	}
	return exitOK
}

// errText makes an error fit one line: the path that *fs.PathError repeats
// is dropped (messages print the path first), and without --verbose only
// the first line is kept (wasm stack traces follow it).
func (p *pipeline) errText(err error) string {
	return oneLine(p.env, err)
}

// oneLine is errText for callers without a pipeline.
func oneLine(e *env, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	s := err.Error()
	if e.verbose {
		return s
	}
	// Wrapped errors of the library each start with "tswasm: ", and the
	// line already does.
	s = strings.ReplaceAll(s, "tswasm: ", "")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " (--verbose for details)"
	}
	return s
}

// flusher returns w's Flush method if it has one.
func flusher(w interface{ Write([]byte) (int, error) }) func() {
	if f, ok := w.(interface{ Flush() error }); ok {
		return func() { _ = f.Flush() }
	}
	return func() {}
}
