package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/tswasm/tswasm"
)

func init() {
	register("parse", command{
		summary: "parse files or directories; print trees, syntax errors or statistics",
		run:     runParse,
	})
}

const parseAbout = `
Parses each file with the grammar of its language (detected from the file
name or shebang line, or forced with --lang), using -j workers that share one
engine. Directories are walked recursively, honouring .gitignore files and
--exclude patterns and skipping .git; there only files of a known language
(of --lang's, when given) are parsed. "-" reads standard input (needs --lang
or --grammar). Binary files are skipped and counted.

Formats:
  sexp    the tree as an S-expression (default for a single file)
  json    one indented JSON document per file: path, language, has_error, tree
  jsonl   the same documents, one per line
  errors  path:line:col lines for syntax errors and missing nodes (default for
          several files or a directory)
  none    nothing per file (see --stats)

Output is in input order whatever -j. --stats prints a summary (on stderr when
the format is json or jsonl, else on stdout).

Exit status: 0 done; 1 with --fail-on-error when a tree has an error;
2 when a file could not be read or parsed, a language is unknown, or a
grammar does not load.`

// parseOptions are parse's flags.
type parseOptions struct {
	lang, grammar string
	format        choice
	jobs          int
	stats         bool
	quiet         bool
	failOnError   bool
	timeout       time.Duration
	excludes      stringList
	noIgnore      bool
}

// addWalkFlags declares the flags that parse and query share.
func addWalkFlags(fs *flag.FlagSet, o *parseOptions) {
	fs.StringVar(&o.lang, "lang", "", "language `NAME` for every file (in directories: parse only files of that language)")
	fs.StringVar(&o.grammar, "grammar", "", "load the grammar from `FILE.wasm` instead of the bundled one (--lang names its export if needed)")
	fs.IntVar(&o.jobs, "j", runtime.NumCPU(), "number of parallel workers")
	fs.DurationVar(&o.timeout, "timeout", 0, "give up on a file after this `duration` (0: no limit)")
	fs.Var(&o.excludes, "exclude", "skip paths matching this gitignore-style `GLOB` in directories (repeatable)")
	fs.BoolVar(&o.noIgnore, "no-ignore", false, "do not read .gitignore files")
}

// parseResult is what a worker hands to the emitter for one input.
type parseResult struct {
	lang     string
	bytes    int
	dur      time.Duration // time in Parse
	hasError bool
	errNodes int // ERROR nodes
	missing  int // MISSING nodes
	out      []byte
	skip     skipKind
	err      error
}

// langStats is the --stats line of one language.
type langStats struct {
	files, bytes, withErrors, errNodes, missing int
	dur                                         time.Duration
}

func runParse(ctx context.Context, e *env, args []string) int {
	start := time.Now()
	var o parseOptions
	o.format = choice{allowed: []string{"sexp", "json", "jsonl", "errors", "none"}}
	fs := newFlagSet(e, "parse", "[flags] [paths…]", parseAbout)
	addWalkFlags(fs, &o)
	fs.Var(&o.format, "format", "output `FORMAT`: sexp, json, jsonl, errors or none")
	fs.BoolVar(&o.stats, "stats", false, "print a summary: files, bytes, time, MB/s, errors per language, slowest files")
	fs.BoolVar(&o.quiet, "quiet", false, "print no per-file output and no progress (problems still go to stderr)")
	fs.BoolVar(&o.failOnError, "fail-on-error", false, "exit with status 1 if any tree has an ERROR or MISSING node")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "tswasm parse: no paths (use - for standard input)")
		fs.Usage()
		return exitFailure
	}
	if o.jobs < 1 {
		o.jobs = 1
	}

	run, code := newRunner(ctx, e, &o)
	if run == nil {
		return code
	}
	defer run.close()
	w := run.walker(&o)
	inputs := w.collect(paths)
	failed := w.failed

	format := o.format.value
	if format == "" {
		format = "errors"
		if len(inputs) == 1 && len(paths) == 1 && inputs[0].explicit {
			format = "sexp"
		}
	}
	if o.quiet {
		format = "none"
	}
	multi := len(inputs) > 1

	var prog *progress
	if e.stderrTTY && !o.quiet && len(inputs) > 1 {
		prog = startProgress(e.stderr, len(inputs))
	}

	work := func(wk, i int) parseResult {
		in := inputs[i]
		p, skip, err := run.parse(wk, in)
		r := parseResult{bytes: len(p.src), dur: p.dur, skip: skip, err: err}
		if p.le != nil {
			r.lang = p.le.name
		}
		if err != nil || skip != notSkipped {
			return r
		}
		tree := p.tree
		defer tree.Close()
		root := tree.RootNode()
		r.hasError = root.HasError()
		var problems []syntaxProblem
		if r.hasError {
			problems, r.errNodes, r.missing = findProblems(root, p.src)
		}
		var out bytes.Buffer
		switch format {
		case "sexp":
			if multi {
				fmt.Fprintf(&out, "; %s (%s)\n", in.display(), r.lang)
			}
			out.WriteString(root.String())
			out.WriteByte('\n')
		case "json", "jsonl":
			doc := parseDoc{Path: in.display(), Language: r.lang, HasError: r.hasError, Bytes: len(p.src), Tree: buildJSONTree(root)}
			enc := json.NewEncoder(&out)
			enc.SetEscapeHTML(false)
			if format == "json" {
				enc.SetIndent("", "  ")
			}
			if err := enc.Encode(doc); err != nil {
				r.err = err
				return r
			}
		case "errors":
			for _, pr := range problems {
				fmt.Fprintf(&out, "%s:%d:%d: %s\n", in.display(), pr.point.Row+1, pr.point.Column+1, pr.message)
			}
		}
		// A trap while walking the tree breaks its store and makes the
		// node methods return zero values: report it rather than print
		// a truncated tree.
		if err := tree.Err(); err != nil {
			r.err = err
			return r
		}
		r.out = out.Bytes()
		return r
	}

	var (
		perLang        = map[string]*langStats{}
		parsed, binary int
		interrupted    int
		totalBytes     int64
		totalDur       time.Duration
		anyTreeError   bool
		slowest        []slowFile
		writeErr       error
		flush          = flusher(e.stdout)
		statsOut       = e.stdout
		seen           = onceReporter{}
	)
	if format == "json" || format == "jsonl" {
		statsOut = e.stderr
	}
	emit := func(i int, r parseResult) {
		in := inputs[i]
		prog.add(r.bytes)
		switch {
		case r.err != nil:
			if ctx.Err() != nil && errors.Is(r.err, ctx.Err()) {
				interrupted++ // said once at the end
				return
			}
			failed++
			if msg := seen.message(in, r.lang, r.err); msg != "" {
				prog.write(func() { e.errorf("%s", msg) })
			}
			return
		case r.skip == skipBinary:
			binary++
			if in.explicit && !o.quiet {
				prog.write(func() { e.errorf("%s: binary file skipped", in.display()) })
			}
			return
		case r.skip == skipNoLang:
			return
		}
		parsed++
		totalBytes += int64(r.bytes)
		totalDur += r.dur
		ls := perLang[r.lang]
		if ls == nil {
			ls = &langStats{}
			perLang[r.lang] = ls
		}
		ls.files++
		ls.bytes += r.bytes
		ls.dur += r.dur
		ls.errNodes += r.errNodes
		ls.missing += r.missing
		if r.hasError {
			ls.withErrors++
			anyTreeError = true
		}
		slowest = addSlow(slowest, slowFile{in.display(), r.dur, r.bytes})
		if len(r.out) > 0 && writeErr == nil {
			prog.write(func() {
				if _, err := e.stdout.Write(r.out); err != nil {
					writeErr = err
				}
				if prog != nil {
					flush()
				}
			})
		}
	}
	runOrdered(len(inputs), o.jobs, work, emit)
	prog.finish()
	if writeErr != nil {
		e.errorf("writing output: %v", writeErr)
		return exitFailure
	}

	if binary > 0 && !o.stats && !o.quiet && multi {
		e.errorf("skipped %d binary file(s)", binary)
	}
	if o.stats {
		wall := time.Since(start)
		workers := min(o.jobs, max(1, len(inputs)))
		printParseStats(statsOut, parseSummary{
			parsed: parsed, binary: binary, failed: failed, interrupted: interrupted, bytes: totalBytes,
			wall: wall, parseTime: totalDur, perLang: perLang, slowest: slowest,
			workers: workers, stores: run.engine.Stats().StoresCreated,
		})
	}
	if err := ctx.Err(); err != nil {
		e.errorf("interrupted")
		return exitFailure
	}
	switch {
	case failed > 0:
		return exitFailure
	case o.failOnError && anyTreeError:
		return exitFindings
	}
	return exitOK
}

// errText drops the path that *fs.PathError repeats, since messages print
// the path first anyway.
func errText(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// flusher returns w's Flush method if it has one.
func flusher(w io.Writer) func() {
	if f, ok := w.(interface{ Flush() error }); ok {
		return func() { _ = f.Flush() }
	}
	return func() {}
}

// syntaxProblem is one ERROR or MISSING node, for --format errors.
type syntaxProblem struct {
	point   tswasm.Point
	message string
}

// findProblems lists the outermost ERROR nodes and the MISSING nodes, and
// counts every ERROR and MISSING node. It descends only into subtrees that
// contain errors.
func findProblems(root tswasm.Node, src []byte) (list []syntaxProblem, errNodes, missing int) {
	var visit func(n tswasm.Node, inError bool)
	visit = func(n tswasm.Node, inError bool) {
		switch {
		case n.IsMissing():
			missing++
			if !inError {
				what := n.Kind()
				if !n.IsNamed() {
					what = fmt.Sprintf("%q", what)
				}
				list = append(list, syntaxProblem{n.StartPosition(), "missing " + what})
			}
			return
		case n.IsError():
			errNodes++
			if !inError {
				list = append(list, syntaxProblem{n.StartPosition(), "syntax error" + near(n.Utf8Text(src))})
			}
			inError = true
		}
		count := n.ChildCount()
		found := false
		for i := range count {
			c := n.Child(i)
			if c.HasError() {
				found = true
				visit(c, inError)
			}
		}
		if !found && !n.IsError() {
			// The error is a MISSING token that is hidden (such as the
			// statement terminator of a file without a final newline):
			// no child shows it, but tree-sitter's S-expression does.
			for _, hm := range hiddenMissing(n) {
				missing++
				if !inError {
					list = append(list, hm)
				}
			}
		}
	}
	visit(root, false)
	return list, errNodes, missing
}

// hiddenMissing finds the MISSING tokens that n's S-expression lists among
// its direct items but that are not visible children. Each is placed at the
// end of the named child before it (or at n's start).
func hiddenMissing(n tswasm.Node) []syntaxProblem {
	var out []syntaxProblem
	named := uint(0)
	for _, item := range sexpItems(n.String()) {
		name, ok := strings.CutPrefix(item, "(MISSING ")
		if !ok {
			named++
			continue
		}
		pos := n.StartPosition()
		if named > 0 {
			pos = n.NamedChild(named - 1).EndPosition()
		}
		out = append(out, syntaxProblem{pos, "missing " + strings.TrimSuffix(name, ")")})
	}
	return out
}

// sexpItems returns the parenthesized items directly inside the outer list
// of an S-expression such as `(a f: (b (c)) (MISSING ")"))`: "(b (c))" and
// "(MISSING \")\")". Field labels are dropped; quoted names may hold
// parentheses and backslash escapes.
func sexpItems(s string) []string {
	var items []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuote:
			if c == '\\' {
				i++
			} else if c == '"' {
				inQuote = false
			}
		case c == '"':
			inQuote = true
		case c == '(':
			depth++
			if depth == 2 {
				start = i
			}
		case c == ')':
			if depth == 2 {
				items = append(items, s[start:i+1])
			}
			depth--
		}
	}
	return items
}

// near formats the start of an erroneous text for a message.
func near(text string) string {
	text = firstLine(text)
	if text == "" {
		return ""
	}
	if len(text) > 40 {
		text = truncateUTF8(text, 40) + "…"
	}
	return fmt.Sprintf(" at %q", text)
}

// firstLine returns the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// truncateUTF8 cuts s to at most n bytes without splitting a character.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// parseDoc is the JSON document of one parsed file.
type parseDoc struct {
	Path     string    `json:"path"`
	Language string    `json:"language"`
	HasError bool      `json:"has_error"`
	Bytes    int       `json:"bytes"`
	Tree     *jsonNode `json:"tree"`
}

// jsonPoint is a zero-based row and byte column.
type jsonPoint struct {
	Row    uint `json:"row"`
	Column uint `json:"column"`
}

// jsonNode is one syntax node in JSON output.
type jsonNode struct {
	Kind       string      `json:"kind"`
	Named      bool        `json:"named"`
	Field      string      `json:"field,omitempty"`
	Missing    bool        `json:"missing,omitempty"`
	Extra      bool        `json:"extra,omitempty"`
	StartByte  uint        `json:"start_byte"`
	EndByte    uint        `json:"end_byte"`
	StartPoint jsonPoint   `json:"start_point"`
	EndPoint   jsonPoint   `json:"end_point"`
	Children   []*jsonNode `json:"children,omitempty"`
}

// buildJSONTree converts the tree under root, walking it with a
// TreeCursor (which reads the tree in Go, without calls into wasm).
func buildJSONTree(root tswasm.Node) *jsonNode {
	c := root.Walk()
	defer c.Close()
	var build func() *jsonNode
	build = func() *jsonNode {
		j := nodeJSON(c.Node())
		if c.GotoFirstChild() {
			for {
				child := build()
				child.Field = c.FieldName()
				j.Children = append(j.Children, child)
				if !c.GotoNextSibling() {
					break
				}
			}
			c.GotoParent()
		}
		return j
	}
	return build()
}

// nodeJSON fills the fields of one node, without children and field name.
func nodeJSON(n tswasm.Node) *jsonNode {
	sp, ep := n.StartPosition(), n.EndPosition()
	return &jsonNode{
		Kind:       n.Kind(),
		Named:      n.IsNamed(),
		Missing:    n.IsMissing(),
		Extra:      n.IsExtra(),
		StartByte:  n.StartByte(),
		EndByte:    n.EndByte(),
		StartPoint: jsonPoint{sp.Row, sp.Column},
		EndPoint:   jsonPoint{ep.Row, ep.Column},
	}
}

// slowFile is a --stats entry for a slow file.
type slowFile struct {
	path  string
	dur   time.Duration
	bytes int
}

const slowestShown = 5

// addSlow keeps the slowestShown slowest files, slowest first.
func addSlow(list []slowFile, f slowFile) []slowFile {
	if len(list) == slowestShown && f.dur <= list[len(list)-1].dur {
		return list
	}
	i, _ := slices.BinarySearchFunc(list, f, func(a, b slowFile) int {
		// Descending by duration.
		switch {
		case a.dur > b.dur:
			return -1
		case a.dur < b.dur:
			return 1
		}
		return 0
	})
	list = slices.Insert(list, i, f)
	if len(list) > slowestShown {
		list = list[:slowestShown]
	}
	return list
}

// parseSummary is what --stats prints.
type parseSummary struct {
	parsed, binary, failed int
	interrupted            int
	bytes                  int64
	wall, parseTime        time.Duration
	perLang                map[string]*langStats
	slowest                []slowFile
	workers, stores        int
}

func printParseStats(w io.Writer, s parseSummary) {
	mbps := func(b int64, d time.Duration) string {
		if d <= 0 {
			return "-"
		}
		v := float64(b) / 1e6 / d.Seconds()
		if v < 0.1 {
			return fmt.Sprintf("%.4f MB/s", v)
		}
		return fmt.Sprintf("%.2f MB/s", v)
	}
	fmt.Fprintf(w, "files:       %d parsed, %d binary skipped, %d failed", s.parsed, s.binary, s.failed)
	if s.interrupted > 0 {
		fmt.Fprintf(w, ", %d not parsed (interrupted)", s.interrupted)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "bytes:       %d (%s)\n", s.bytes, formatBytes(s.bytes))
	fmt.Fprintf(w, "wall time:   %s\n", roundDur(s.wall))
	fmt.Fprintf(w, "throughput:  %s (wall clock, startup included)\n", mbps(s.bytes, s.wall))
	fmt.Fprintf(w, "parse time:  %s summed over workers, %s per worker\n", roundDur(s.parseTime), mbps(s.bytes, s.parseTime))
	fmt.Fprintf(w, "workers:     %d (stores: %d, GOMAXPROCS: %d, CPUs: %d)\n", s.workers, s.stores, runtime.GOMAXPROCS(0), runtime.NumCPU())
	if len(s.perLang) > 0 {
		names := make([]string, 0, len(s.perLang))
		width := len("language")
		for n := range s.perLang {
			names = append(names, n)
			width = max(width, len(n))
		}
		slices.Sort(names)
		fmt.Fprintf(w, "\n%-*s  %7s  %12s  %11s  %11s  %13s  %10s\n", width,
			"language", "files", "bytes", "with errors", "ERROR nodes", "MISSING nodes", "parse MB/s")
		for _, n := range names {
			l := s.perLang[n]
			fmt.Fprintf(w, "%-*s  %7d  %12d  %11d  %11d  %13d  %10s\n", width,
				n, l.files, l.bytes, l.withErrors, l.errNodes, l.missing,
				strings.TrimSuffix(mbps(int64(l.bytes), l.dur), " MB/s"))
		}
	}
	if len(s.slowest) > 0 {
		fmt.Fprintln(w, "\nslowest files:")
		for _, f := range s.slowest {
			fmt.Fprintf(w, "  %10s  %9s  %s\n", roundDur(f.dur), formatBytes(int64(f.bytes)), f.path)
		}
	}
}

// roundDur rounds a duration for display.
func roundDur(d time.Duration) time.Duration {
	switch {
	case d >= 10*time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
