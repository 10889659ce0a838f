// The bench command: parse, edit, walk and query speed on the user's files.
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/tswasm/tswasm"
)

func init() { register(newBenchCmd) }

const benchAbout = `
Measures tswasm on the given files and directories (languages detected as
for parse, or forced with --lang), per language:

  parse   every file parsed --rounds times; MB/s of the best round, and the
          median (p50) and 99th percentile (p99) of per-file parse times
  edit    a one-byte edit and incremental reparse of the file nearest to
          100 KB, --edits times; median time
  walk    every node of that file's tree visited with a TreeCursor (kind,
          range, field name); ns per node
  query   the language's bundled highlights query over that file; time and
          captures

then, over all files, a batch parse on 1, 2, ... up to -j workers (each with
a store of its own): MB/s and speed-up over one worker.

This is pure Go (no cgo). The benchmark suite in the source tree's bench/
directory compares tswasm with native bindings.`

// benchFile is one input read into memory.
type benchFile struct {
	path string
	src  []byte
	le   *langEntry
	lang *tswasm.Language
}

// benchLangResult is one table row.
type benchLangResult struct {
	name       string
	files      int
	bytes      int64
	mbps       float64
	p50, p99   time.Duration
	edit       time.Duration // median edit + reparse; 0 when not measured
	walkPerNod float64       // ns per node; 0 when not measured
	query      time.Duration // 0 when the language has no highlights query
	captures   int
	note       string
}

// benchBatch is one batch measurement.
type benchBatch struct {
	workers int
	dur     time.Duration
	mbps    float64
	speedup float64
}

func newBenchCmd(e *env) *cobra.Command {
	var (
		o             inputOptions
		rounds, edits int
	)
	cmd := &cobra.Command{
		Use:   "bench [flags] [paths…]",
		Short: "measure parse, edit, walk and query speed on your files",
		Long:  strings.TrimSpace(benchAbout),
		Example: `  tswasm bench $(go env GOROOT)/src/net/http
  tswasm bench --rounds 5 -j 2 --only-lang python /usr/lib/python3/`,
	}
	addInputFlags(cmd, &o)
	cmd.Flags().IntVar(&rounds, "rounds", 3, "parse every file this many times; the best round counts")
	cmd.Flags().IntVar(&edits, "edits", 20, "number of one-byte edits to time per language")
	cmd.RunE = runWith(e, func(ctx context.Context, cmd *cobra.Command, args []string) int {
		return runBench(ctx, e, cmd, &o, rounds, edits, args)
	})
	return cmd
}

func runBench(ctx context.Context, e *env, cmd *cobra.Command, o *inputOptions, rounds, edits int, paths []string) int {
	rounds = max(rounds, 1)
	edits = max(edits, 1)
	run, code := newPipeline(ctx, e, cmd, o, paths)
	if run == nil {
		return code
	}
	defer run.close()
	inputs := run.inputs
	failed := run.failed

	// Read everything first: the benchmark measures parsing, not the disk.
	byLang := map[string][]*benchFile{}
	for _, in := range inputs {
		if in.path == "-" {
			e.errorf("bench: standard input is not supported")
			failed++
			continue
		}
		s, err := run.res.readInput(in, int64(o.maxSize), "utf-8")
		if err != nil {
			e.errorf("%s: %v", in.display(), run.errText(err))
			failed++
			continue
		}
		src, le := s.src, s.le
		if s.skip != notSkipped || le == nil {
			continue
		}
		lang, err := le.load(ctx, run.engine)
		if err != nil {
			e.errorf("%s: %v", in.display(), err)
			failed++
			continue
		}
		byLang[le.name] = append(byLang[le.name], &benchFile{path: in.path, src: src, le: le, lang: lang})
	}
	if len(byLang) == 0 {
		e.errorf("bench: no files of a known language")
		return exitFailure
	}
	names := make([]string, 0, len(byLang))
	for n := range byLang {
		names = append(names, n)
	}
	slices.Sort(names)

	var rows []benchLangResult
	var all []*benchFile
	for _, n := range names {
		files := byLang[n]
		all = append(all, files...)
		r, err := benchLanguage(ctx, run.engine, n, files, rounds, edits)
		if err != nil {
			e.errorf("bench %s: %v", n, err)
			failed++
			continue
		}
		rows = append(rows, r)
	}
	batches, err := benchBatches(ctx, run.engine, all, o.jobs)
	if err != nil {
		e.errorf("bench batch: %v", err)
		failed++
	}
	printBench(e.stdout, rows, batches)
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}

// benchParser returns a parser on a store of its own, closed by the
// returned function.
func benchParser(ctx context.Context, eng *tswasm.Engine) (*tswasm.Parser, func(), error) {
	s, err := eng.NewStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.NewParser(ctx)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return p, func() { p.Close(); s.Close() }, nil
}

func benchLanguage(ctx context.Context, eng *tswasm.Engine, name string, files []*benchFile, rounds, edits int) (benchLangResult, error) {
	r := benchLangResult{name: name, files: len(files)}
	p, done, err := benchParser(ctx, eng)
	if err != nil {
		return r, err
	}
	defer done()
	if err := p.SetLanguage(ctx, files[0].lang); err != nil {
		return r, err
	}
	best := make([]time.Duration, len(files))
	var bestRound time.Duration
	for round := 0; round < rounds; round++ {
		var total time.Duration
		for i, f := range files {
			t0 := time.Now()
			t, err := p.Parse(ctx, f.src, nil)
			d := time.Since(t0)
			if err != nil {
				return r, fmt.Errorf("%s: %w", f.path, err)
			}
			t.Close()
			total += d
			if round == 0 || d < best[i] {
				best[i] = d
			}
		}
		if round == 0 || total < bestRound {
			bestRound = total
		}
	}
	for _, f := range files {
		r.bytes += int64(len(f.src))
	}
	if bestRound > 0 {
		r.mbps = float64(r.bytes) / bestRound.Seconds() / 1e6
	}
	r.p50, r.p99 = percentile(best, 0.50), percentile(best, 0.99)

	// The file nearest to 100 KB for edit, walk and query.
	f := files[0]
	for _, g := range files[1:] {
		if absInt(len(g.src)-100<<10) < absInt(len(f.src)-100<<10) {
			f = g
		}
	}
	r.edit, err = benchEdit(ctx, p, f.src, edits)
	if err != nil {
		return r, fmt.Errorf("edit %s: %w", f.path, err)
	}
	tree, err := p.Parse(ctx, f.src, nil)
	if err != nil {
		return r, err
	}
	defer tree.Close()
	r.walkPerNod = benchWalk(tree)
	if f.le.spec != nil && f.le.spec.Queries["highlights"] != "" {
		r.query, r.captures, err = benchQuery(ctx, f.lang, f.le.spec.Queries["highlights"], tree, f.src)
		if err != nil {
			return r, fmt.Errorf("query %s: %w", f.path, err)
		}
	}
	return r, nil
}

// benchEdit toggles a space before the newline nearest the middle of src
// and reparses incrementally, n times; it returns the median.
func benchEdit(ctx context.Context, p *tswasm.Parser, orig []byte, n int) (time.Duration, error) {
	pos := -1
	mid := len(orig) / 2
	for i, c := range orig {
		if c == '\n' && (i == 0 || orig[i-1] != '\\') && (pos < 0 || absInt(i-mid) < absInt(pos-mid)) {
			pos = i
		}
	}
	if pos < 0 {
		return 0, nil // a single line: nothing sensible to edit
	}
	row := uint(bytes.Count(orig[:pos], []byte("\n")))
	col := uint(pos - (bytes.LastIndexByte(orig[:pos], '\n') + 1))
	at := tswasm.Point{Row: row, Column: col}
	after := tswasm.Point{Row: row, Column: col + 1}
	with := slices.Concat(orig[:pos], []byte(" "), orig[pos:])
	tree, err := p.Parse(ctx, orig, nil)
	if err != nil {
		return 0, err
	}
	defer func() { tree.Close() }()
	times := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		insert := i%2 == 0
		edit := &tswasm.InputEdit{StartByte: uint(pos), StartPosition: at}
		src := with
		if insert {
			edit.OldEndByte, edit.NewEndByte = uint(pos), uint(pos+1)
			edit.OldEndPosition, edit.NewEndPosition = at, after
		} else {
			edit.OldEndByte, edit.NewEndByte = uint(pos+1), uint(pos)
			edit.OldEndPosition, edit.NewEndPosition = after, at
			src = orig
		}
		t0 := time.Now()
		if err := tree.Edit(edit); err != nil {
			return 0, err
		}
		nt, err := p.Parse(ctx, src, tree)
		d := time.Since(t0)
		if err != nil {
			return 0, err
		}
		tree.Close()
		tree = nt
		times = append(times, d)
	}
	return percentile(times, 0.5), nil
}

// benchWalk visits every node with a cursor and returns ns per node.
func benchWalk(tree *tswasm.Tree) float64 {
	c := tree.Walk()
	defer c.Close()
	nodes := 0
	sink := 0
	t0 := time.Now()
	for {
		n := c.Node()
		sink += len(n.Kind()) + len(c.FieldName()) + int(n.EndByte()-n.StartByte()) + int(n.EndPosition().Row)
		nodes++
		if c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				d := time.Since(t0)
				_ = sink
				return float64(d.Nanoseconds()) / float64(nodes)
			}
		}
	}
}

// benchQuery runs a highlights query once for warm-up and once timed.
func benchQuery(ctx context.Context, lang *tswasm.Language, src string, tree *tswasm.Tree, text []byte) (time.Duration, int, error) {
	q, err := tswasm.NewQuery(ctx, lang, src)
	if err != nil {
		return 0, 0, err
	}
	defer q.Close()
	qc := tswasm.NewQueryCursor()
	defer qc.Close()
	var d time.Duration
	n := 0
	for round := 0; round < 2; round++ {
		n = 0
		t0 := time.Now()
		for _, err := range qc.Captures(ctx, q, tree.RootNode(), text) {
			if err != nil {
				return 0, 0, err
			}
			n++
		}
		d = time.Since(t0)
	}
	return d, n, nil
}

// benchBatches parses all files on 1, 2, 4, ... and finally max workers,
// each worker with a store of its own.
func benchBatches(ctx context.Context, eng *tswasm.Engine, files []*benchFile, maxWorkers int) ([]benchBatch, error) {
	var total int64
	for _, f := range files {
		total += int64(len(f.src))
	}
	var counts []int
	for w := 1; w < maxWorkers; w *= 2 {
		counts = append(counts, w)
	}
	counts = append(counts, maxWorkers)
	var out []benchBatch
	for _, w := range counts {
		d, err := batchOnce(ctx, eng, files, w)
		if err != nil {
			return out, err
		}
		b := benchBatch{workers: w, dur: d, mbps: float64(total) / d.Seconds() / 1e6}
		b.speedup = float64(out0(out, d)) / float64(d)
		out = append(out, b)
	}
	return out, nil
}

func out0(out []benchBatch, d time.Duration) time.Duration {
	if len(out) == 0 {
		return d
	}
	return out[0].dur
}

func batchOnce(ctx context.Context, eng *tswasm.Engine, files []*benchFile, workers int) (time.Duration, error) {
	parsers := make([]*tswasm.Parser, workers)
	for i := range parsers {
		p, done, err := benchParser(ctx, eng)
		if err != nil {
			return 0, err
		}
		defer done()
		// Link every language first, so the timing is parsing only.
		for _, f := range files {
			if p.Language() != f.lang {
				if err := p.SetLanguage(ctx, f.lang); err != nil {
					return 0, err
				}
			}
		}
		parsers[i] = p
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, workers)
	t0 := time.Now()
	for i, p := range parsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j := int(next.Add(1) - 1)
				if j >= len(files) {
					return
				}
				f := files[j]
				if p.Language() != f.lang {
					if err := p.SetLanguage(ctx, f.lang); err != nil {
						errs[i] = err
						return
					}
				}
				t, err := p.Parse(ctx, f.src, nil)
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", f.path, err)
					return
				}
				t.Close()
			}
		}()
	}
	wg.Wait()
	d := time.Since(t0)
	for _, err := range errs {
		if err != nil {
			return d, err
		}
	}
	return d, nil
}

func percentile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q*float64(len(s)-1) + 0.5)
	return s[min(i, len(s)-1)]
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func fmtDur(d time.Duration) string {
	switch {
	case d == 0:
		return "–"
	case d < time.Millisecond:
		return fmt.Sprintf("%.0fµs", float64(d.Nanoseconds())/1e3)
	case d < time.Second:
		return fmt.Sprintf("%.2fms", float64(d.Nanoseconds())/1e6)
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

func printBench(w io.Writer, rows []benchLangResult, batches []benchBatch) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "language\tfiles\tbytes\tparse MB/s\tp50/file\tp99/file\tedit+reparse\twalk ns/node\tquery\tcaptures\t")
	for _, r := range rows {
		walk := "–"
		if r.walkPerNod > 0 {
			walk = fmt.Sprintf("%.0f", r.walkPerNod)
		}
		caps := "–"
		if r.query > 0 {
			caps = fmt.Sprint(r.captures)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.name, r.files, formatBytes(r.bytes),
			r.mbps, fmtDur(r.p50), fmtDur(r.p99), fmtDur(r.edit), walk, fmtDur(r.query), caps)
	}
	tw.Flush()
	if len(batches) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "batch workers\ttime\tMB/s\tspeed-up\t")
	for _, b := range batches {
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%.2f×\t\n", b.workers, fmtDur(b.dur), b.mbps, b.speedup)
	}
	tw.Flush()
	fmt.Fprintf(w, "(GOMAXPROCS %d, %d CPUs)\n", runtime.GOMAXPROCS(0), runtime.NumCPU())
}
