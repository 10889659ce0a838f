// The query command: compile a query per language, run it over files, print matches or captures.
package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/tswasm/tswasm"
)

func init() { register(newQueryCmd) }

const queryAbout = `Runs the tree-sitter query in PATTERN_FILE ("-" reads it from standard input)
over each file, and prints what it captures:

  path:line:col: @capture text

line and col are one-based (col counts bytes); text is the first line of the
captured text, trimmed. Lines come match by match, each match's captures in
pattern order; --captures prints one line per capture sorted by position
instead. --format json prints one indented JSON document per file with its
captures, --format jsonl one JSON object per capture and line, with byte
offsets, zero-based points and the full text.

Files are found as by 'tswasm parse' (default path "."). The query is
compiled once for each language it meets. In a directory walked without
--lang, a language whose grammar cannot compile the query is skipped with
one warning; with --lang, or for a file named on the command line, that is
an error.

Exit status: 0 done (with or without captures); 2 when the query does not
compile (for --lang), a file cannot be read or parsed, or a language is
unknown.`

// queryCapture is one capture in JSON output.
type queryCapture struct {
	Path       string    `json:"path"`
	Language   string    `json:"language"`
	Pattern    uint      `json:"pattern"`
	Capture    string    `json:"capture"`
	StartByte  uint      `json:"start_byte"`
	EndByte    uint      `json:"end_byte"`
	StartPoint jsonPoint `json:"start_point"`
	EndPoint   jsonPoint `json:"end_point"`
	Text       string    `json:"text"`
}

// queryFileDoc is one file's document in --format json.
type queryFileDoc struct {
	Path     string         `json:"path"`
	Language string         `json:"language"`
	Captures []queryCapture `json:"captures"`
}

// queryCache compiles a query at most once per language; a grammar that
// cannot compile it gets a langSkipError.
type queryCache struct {
	ctx     context.Context
	env     *env
	timeout time.Duration // --timeout bounds compiling too
	name    string        // the query's file, for messages
	source  string
	mu      sync.Mutex
	m       map[*tswasm.Language]*compiledQuery
}

// compiledQuery is the query compiled for one language, at most once.
type compiledQuery struct {
	once sync.Once
	q    *tswasm.Query
	err  error
}

func (c *queryCache) get(langName string, lang *tswasm.Language) (*tswasm.Query, error) {
	c.mu.Lock()
	cq := c.m[lang]
	if cq == nil {
		cq = &compiledQuery{}
		c.m[lang] = cq
	}
	c.mu.Unlock()
	cq.once.Do(func() {
		ctx, cancel := c.ctx, context.CancelFunc(func() {})
		if c.timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, c.timeout)
		}
		defer cancel()
		defer watchdog(c.env, c.timeout, "compiling "+c.name+" for "+langName)()
		cq.q, cq.err = tswasm.NewQuery(ctx, lang, c.source)
		if cq.err != nil {
			cq.err = &langSkipError{fmt.Errorf("%s does not compile for %s: %w", c.name, langName, cq.err)}
		}
	})
	return cq.q, cq.err
}

func (c *queryCache) close() {
	for _, cq := range c.m {
		if cq.q != nil {
			cq.q.Close()
		}
	}
}

func newQueryCmd(e *env) *cobra.Command {
	var (
		o        inputOptions
		format   enumValue
		captures bool
	)
	cmd := &cobra.Command{
		Use:   "query [flags] PATTERN_FILE [paths…]",
		Short: "run a tree-sitter query over files and print its captures, grep-like",
		Long:  queryAbout,
		Args:  needArgs(1, "PATTERN_FILE"),
		Example: `  tswasm query funcs.scm $(go env GOROOT)/src/net/http
  tswasm query --captures --lang python calls.scm app.py
  echo '(identifier) @id' | tswasm query --lang go - main.go`,
	}
	addInputFlags(cmd, &o)
	cmd.Flags().Var(newEnum(&format, "text", "text", "json", "jsonl"), "format", "output format: text, json or jsonl")
	_ = cmd.RegisterFlagCompletionFunc("format", format.complete)
	cmd.Flags().BoolVar(&captures, "captures", false, "one line per capture, sorted by position (default: match by match)")
	cmd.RunE = runWith(e, func(ctx context.Context, cmd *cobra.Command, args []string) int {
		return runQuery(ctx, e, cmd, &o, format.value, captures, args)
	})
	return cmd
}

func runQuery(ctx context.Context, e *env, cmd *cobra.Command, o *inputOptions, format string, byCapture bool, args []string) int {
	patternFile, paths := args[0], args[1:]
	var source []byte
	var err error
	if patternFile == "-" {
		if slices.Contains(paths, "-") {
			e.errorf("query: standard input cannot hold both the query and a file")
			return exitFailure
		}
		source, err = io.ReadAll(e.stdin)
		patternFile = "<stdin>"
	} else {
		source, err = os.ReadFile(patternFile)
	}
	if err != nil {
		e.errorf("reading the query: %v", oneLine(e, err))
		return exitFailure
	}
	p, code := newPipeline(ctx, e, cmd, o, paths)
	if p == nil {
		return code
	}
	defer p.close()
	qc := &queryCache{ctx: ctx, env: e, timeout: o.timeout, name: patternFile, source: string(source), m: map[*tswasm.Language]*compiledQuery{}}
	defer qc.close()
	// A forced language gets its query compiled up front, so that a bad
	// query fails before any file is read.
	if f := p.res.forced; f != nil {
		if _, err := qc.get(f.name, f.lang); err != nil {
			e.errorf("%s", p.errText(err))
			return exitFailure
		}
	}
	r := &queryRun{e: e, qc: qc, format: format, byCapture: byCapture, color: colorOn(e, e.stdoutTTY),
		cursors: make([]*tswasm.QueryCursor, o.jobs)}
	defer r.close()
	p.startProgressFor(true, false)
	runFiles(p, r.formatCaptures, func(_ input, _ *outcome, d *queryFileDoc) {
		if d != nil && len(d.Captures) > 0 {
			r.docs = append(r.docs, *d)
		}
	})
	if format == "json" && p.writeErr == nil {
		p.writeErr = writeIndentedJSON(e.stdout, nonNilSlice(r.docs))
	}
	return p.finish()
}

// queryRun is one query command's state.
type queryRun struct {
	e         *env
	qc        *queryCache
	format    string
	byCapture bool
	color     bool
	cursors   []*tswasm.QueryCursor // one per worker
	docs      []queryFileDoc        // --format json: one document per file
}

func (r *queryRun) close() {
	for _, c := range r.cursors {
		if c != nil {
			c.Close()
		}
	}
}

// formatCaptures is query's format stage: the captures of one file as text
// or jsonl lines, or as a document for --format json.
func (r *queryRun) formatCaptures(ctx context.Context, wk int, f *fileJob, out *outcome) (*queryFileDoc, error) {
	q, err := r.qc.get(out.lang, f.lang)
	if err != nil {
		return nil, err
	}
	if r.cursors[wk] == nil {
		r.cursors[wk] = tswasm.NewQueryCursor()
	}
	caps, err := collectCaptures(ctx, r.cursors[wk], q, f, out.lang, r.byCapture)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch r.format {
	case "json":
		return &queryFileDoc{Path: f.in.display(), Language: out.lang, Captures: caps}, nil
	case "jsonl":
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		for _, c := range caps {
			_ = enc.Encode(c)
		}
	default:
		for _, c := range caps {
			loc := fmt.Sprintf("%s:%d:%d:", c.Path, c.StartPoint.Row+1, c.StartPoint.Column+1)
			fmt.Fprintf(&b, "%s %s %s\n", sgr(r.color, "35", loc), sgr(r.color, "36", "@"+c.Capture), firstLine(c.Text))
		}
	}
	out.out = b.Bytes()
	return nil, nil
}

// writeIndentedJSON writes v as one JSON document indented by two spaces.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// nonNilSlice makes a nil slice an empty one, so that JSON says [].
func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// collectCaptures runs q over a parsed file: match by match (captures in
// pattern order), or with byPosition every capture sorted by start, then
// longest first, then pattern.
func collectCaptures(ctx context.Context, qc *tswasm.QueryCursor, q *tswasm.Query, f *fileJob, lang string, byPosition bool) ([]queryCapture, error) {
	names := q.CaptureNames()
	var caps []queryCapture
	add := func(pattern uint, c tswasm.QueryCapture) {
		sp, ep := c.Node.StartPosition(), c.Node.EndPosition()
		caps = append(caps, queryCapture{
			Path: f.in.display(), Language: lang, Pattern: pattern, Capture: names[c.Index],
			StartByte: c.Node.StartByte(), EndByte: c.Node.EndByte(),
			StartPoint: jsonPoint{sp.Row, sp.Column}, EndPoint: jsonPoint{ep.Row, ep.Column},
			Text: f.text(c.Node),
		})
	}
	root := f.tree.RootNode()
	if byPosition {
		for r, err := range qc.Captures(ctx, q, root, f.src) {
			if err != nil {
				return caps, err
			}
			add(r.Match.PatternIndex, r.Capture())
		}
		slices.SortStableFunc(caps, func(a, b queryCapture) int {
			return cmp.Or(cmp.Compare(a.StartByte, b.StartByte), cmp.Compare(b.EndByte, a.EndByte), cmp.Compare(a.Pattern, b.Pattern))
		})
	} else {
		for m, err := range qc.Matches(ctx, q, root, f.src) {
			if err != nil {
				return caps, err
			}
			for _, c := range m.Captures {
				add(m.PatternIndex, c)
			}
		}
	}
	return caps, nil
}
