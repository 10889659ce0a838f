package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/tswasm/tswasm"
)

func init() {
	register("query", command{
		summary: "run a tree-sitter query over files and print its captures, grep-like",
		run:     runQuery,
	})
}

const queryAbout = `
Runs the tree-sitter query in PATTERN_FILE (S-expression patterns with
@captures and predicates such as #eq? and #match?) over each file, and prints
one line per capture:

  path:line:col: @capture text

line and col are one-based (col counts bytes); text is the first line of the
captured text, trimmed. --format json prints one JSON object per capture and
line instead, with byte offsets, zero-based points and the full text.

Files are found as by 'tswasm parse' (default: the current directory). The
query is compiled for each language it meets; a language it does not compile
for is reported once. Naming the language with --lang is usual, since a query
is written for one grammar.

Exit status: 0 done (with or without captures); 2 when the query does not
compile, a file cannot be read or parsed, or a language is unknown.`

// queryCapture is one capture in --format json.
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

// compiledQuery is the query compiled for one language, at most once.
type compiledQuery struct {
	once sync.Once
	q    *tswasm.Query
	err  error
}

// queryLangError marks a query that does not compile for a language, so
// that it is reported once.
type queryLangError struct{ error }

func (e *queryLangError) Unwrap() error { return e.error }

type queryResult struct {
	lang string
	out  []byte
	n    int
	skip skipKind
	err  error
}

func runQuery(ctx context.Context, e *env, args []string) int {
	var o parseOptions
	format := choice{value: "text", allowed: []string{"text", "json"}}
	fs := newFlagSet(e, "query", "[flags] PATTERN_FILE [paths…]", queryAbout)
	addWalkFlags(fs, &o)
	fs.Var(&format, "format", "output `FORMAT`: text or json")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "tswasm query: missing PATTERN_FILE")
		fs.Usage()
		return exitFailure
	}
	patternFile, paths := pos[0], pos[1:]
	if len(paths) == 0 {
		paths = []string{"."}
	}
	source, err := os.ReadFile(patternFile)
	if err != nil {
		e.errorf("reading the query: %v", err)
		return exitFailure
	}

	run, code := newRunner(ctx, e, &o)
	if run == nil {
		return code
	}
	defer run.close()

	var mu sync.Mutex
	queries := map[*tswasm.Language]*compiledQuery{}
	queryFor := func(le *langEntry, lang *tswasm.Language) (*tswasm.Query, error) {
		mu.Lock()
		cq := queries[lang]
		if cq == nil {
			cq = &compiledQuery{}
			queries[lang] = cq
		}
		mu.Unlock()
		cq.once.Do(func() {
			cq.q, cq.err = tswasm.NewQuery(ctx, lang, string(source))
			if cq.err != nil {
				cq.err = &queryLangError{fmt.Errorf("%s does not compile for %s: %w", patternFile, le.name, cq.err)}
			}
		})
		return cq.q, cq.err
	}
	// A forced language gets its query compiled up front, so that a bad
	// query fails before any file is read.
	if f := run.res.forced; f != nil {
		if _, err := queryFor(f, f.lang); err != nil {
			e.errorf("%v", err)
			return exitFailure
		}
	}
	defer func() {
		for _, cq := range queries {
			if cq.q != nil {
				cq.q.Close()
			}
		}
	}()

	w := run.walker(&o)
	inputs := w.collect(paths)
	failed := w.failed
	cursors := make([]*tswasm.QueryCursor, len(run.parsers))
	defer func() {
		for _, c := range cursors {
			if c != nil {
				c.Close()
			}
		}
	}()

	work := func(wk, i int) queryResult {
		in := inputs[i]
		p, skip, err := run.parse(wk, in)
		r := queryResult{skip: skip, err: err}
		if p.le != nil {
			r.lang = p.le.name
		}
		if err != nil || skip != notSkipped {
			return r
		}
		defer p.tree.Close()
		q, err := queryFor(p.le, p.lang)
		if err != nil {
			r.err = err
			return r
		}
		if cursors[wk] == nil {
			cursors[wk] = tswasm.NewQueryCursor()
		}
		qc := cursors[wk]
		names := q.CaptureNames()
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		for m, ci := range qc.Captures(ctx, q, p.tree.RootNode(), p.src) {
			c := m.Captures[ci]
			name := names[c.Index]
			sp := c.Node.StartPosition()
			text := c.Node.Utf8Text(p.src)
			r.n++
			if format.value == "json" {
				ep := c.Node.EndPosition()
				_ = enc.Encode(queryCapture{
					Path: in.display(), Language: r.lang, Pattern: m.PatternIndex, Capture: name,
					StartByte: c.Node.StartByte(), EndByte: c.Node.EndByte(),
					StartPoint: jsonPoint{sp.Row, sp.Column}, EndPoint: jsonPoint{ep.Row, ep.Column},
					Text: text,
				})
				continue
			}
			fmt.Fprintf(&out, "%s:%d:%d: @%s %s\n", in.display(), sp.Row+1, sp.Column+1, name, firstLine(text))
		}
		if err := qc.Err(); err != nil {
			r.err = err
			return r
		}
		r.out = out.Bytes()
		return r
	}

	seen := onceReporter{}
	reportedQuery := map[string]bool{}
	var writeErr error
	emit := func(i int, r queryResult) {
		in := inputs[i]
		if r.err != nil {
			failed++
			if ctx.Err() != nil && errors.Is(r.err, ctx.Err()) {
				return // interrupted: said once at the end
			}
			if _, isQ := r.err.(*queryLangError); isQ {
				if !reportedQuery[r.lang] {
					reportedQuery[r.lang] = true
					e.errorf("%v (skipping every %s file)", r.err, r.lang)
				}
				return
			}
			if msg := seen.message(in, r.lang, r.err); msg != "" {
				e.errorf("%s", msg)
			}
			return
		}
		if r.skip == skipBinary && in.explicit {
			e.errorf("%s: binary file skipped", in.display())
		}
		if len(r.out) > 0 && writeErr == nil {
			_, writeErr = e.stdout.Write(r.out)
		}
	}
	runOrdered(len(inputs), o.jobs, work, emit)
	if writeErr != nil {
		e.errorf("writing output: %v", writeErr)
		return exitFailure
	}
	if ctx.Err() != nil {
		e.errorf("interrupted")
		return exitFailure
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}
