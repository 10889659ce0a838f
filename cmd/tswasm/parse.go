// The parse command: flags, and its format stage (S-expression, JSON, CST, errors, stats).
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"
)

func init() { register(newParseCmd) }

const parseAbout = `Parses each file with the grammar of its language and prints its tree, its
syntax errors or statistics.

The language of a file comes from --lang (for every file, in directories
too), or is detected: by file name, by an editor modeline (-*- C++ -*-,
vim: ft=python), by the shebang line, and for .h headers by their content
(C++ constructs) or the C++ sources beside them. --only-lang restricts a
directory walk to files detected as the given languages. Directories are
walked recursively, honouring .gitignore files and --exclude patterns and
skipping .git. "-" reads standard input. Only regular files are opened;
binary files are skipped and counted. The default path is ".".

Formats:
  sexp    the tree as an S-expression (default for a single file);
          --ranges adds [row, col] - [row, col] to each node
  cst     every node, anonymous ones too, with ranges and leaf text (--cst)
  json    one indented JSON document per file: path, language, has_error,
          bytes, tree
  jsonl   the same documents, one per line
  errors  path:line:col lines for syntax errors and missing nodes (default
          for several files or a directory)
  none    nothing per file (see --stats)

Output is in input order whatever -j. --stats prints a summary (on stderr
when the format is json or jsonl, else on stdout).

Exit status: 0 done; 1 with --fail-on-error when a tree has an error;
2 when a file could not be read or parsed, a language is unknown, or a
grammar does not load.`

// parseOptions are parse's flags.
type parseOptions struct {
	inputOptions
	format      enumValue
	cst, ranges bool
	stats       bool
	quiet       bool
	failOnError bool
}

func newParseCmd(e *env) *cobra.Command {
	var o parseOptions
	cmd := &cobra.Command{
		Use:   "parse [flags] [paths…]",
		Short: "parse files or directories; print trees, syntax errors or statistics",
		Long:  parseAbout,
		Example: `  tswasm parse main.go
  tswasm parse --ranges main.go
  tswasm parse --stats --format none $(go env GOROOT)/src
  tswasm parse --lang cpp /usr/include/c++/12/bits
  cat x.py | tswasm parse --lang python -`,
	}
	addInputFlags(cmd, &o.inputOptions)
	fs := cmd.Flags()
	fs.Var(newEnum(&o.format, "", "sexp", "cst", "json", "jsonl", "errors", "none"), "format", "output format: sexp, cst, json, jsonl, errors or none")
	_ = cmd.RegisterFlagCompletionFunc("format", o.format.complete)
	fs.BoolVar(&o.cst, "cst", false, "print every node with its range (--format cst)")
	fs.BoolVar(&o.ranges, "ranges", false, "add node ranges to S-expressions")
	fs.BoolVar(&o.stats, "stats", false, "print a summary: files, bytes, time, MB/s, errors per language, slowest files")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print no per-file output and no progress (problems still go to stderr)")
	fs.BoolVar(&o.failOnError, "fail-on-error", false, "exit with status 1 if any tree has an ERROR or MISSING node")
	cmd.RunE = runWith(e, func(ctx context.Context, cmd *cobra.Command, args []string) int {
		return runParse(ctx, e, cmd, &o, args)
	})
	return cmd
}

// parseResult is what parse's format stage hands to its emit stage.
type parseResult struct {
	hasError bool
	errNodes int // ERROR nodes
	missing  int // MISSING nodes
}

// langStats is the --stats line of one language.
type langStats struct {
	files, bytes, withErrors, errNodes, missing int
	dur                                         time.Duration
}

// parseRun is one parse command's state: its options, the pipeline, and
// the statistics the emit stage gathers.
type parseRun struct {
	o      *parseOptions
	e      *env
	p      *pipeline
	format string // the resolved --format
	multi  bool   // several inputs: label S-expressions, buffer output
	color  bool

	perLang      map[string]*langStats
	totalBytes   int64
	totalDur     time.Duration
	anyTreeError bool
	slowest      []slowFile
}

func runParse(ctx context.Context, e *env, cmd *cobra.Command, o *parseOptions, paths []string) int {
	start := time.Now()
	if o.cst {
		if o.format.value != "" && o.format.value != "cst" {
			e.errorf("parse: --cst and --format %s conflict", o.format.value)
			return exitFailure
		}
		o.format.value = "cst"
	}
	p, code := newPipeline(ctx, e, cmd, &o.inputOptions, paths)
	if p == nil {
		return code
	}
	defer p.close()
	r := &parseRun{o: o, e: e, p: p, format: o.format.value, multi: len(p.inputs) > 1,
		color: colorOn(e, e.stdoutTTY), perLang: map[string]*langStats{}}
	if r.format == "" {
		r.format = "errors"
		if len(p.inputs) == 1 && len(p.paths) == 1 && p.inputs[0].explicit {
			r.format = "sexp"
		}
	}
	if o.quiet {
		r.format = "none"
	}
	p.startProgressFor(r.format != "none", o.quiet)
	runFiles(p, r.formatTree, r.count)
	if p.binary > 0 && !o.stats && !o.quiet && r.multi {
		e.errorf("skipped %d binary file(s)", p.binary)
	}
	if o.stats && p.writeErr == nil {
		r.printStats(time.Since(start))
	}
	if code := p.finish(); code != exitOK {
		return code
	}
	if o.failOnError && r.anyTreeError {
		return exitFindings
	}
	return exitOK
}

// formatTree is parse's format stage: it finds the tree's syntax problems
// and writes the tree in the chosen format.
func (r *parseRun) formatTree(ctx context.Context, wk int, f *fileJob, out *outcome) (parseResult, error) {
	var res parseResult
	root := f.tree.RootNode()
	res.hasError = root.HasError()
	var problems []syntaxProblem
	if res.hasError {
		problems, res.errNodes, res.missing = findProblems(root, f.text)
	}
	var b bytes.Buffer
	if r.multi && (r.format == "sexp" || r.format == "cst") {
		fmt.Fprintf(&b, "; %s (%s)\n", f.in.display(), out.lang)
	}
	var err error
	switch r.format {
	case "sexp":
		if r.o.ranges || !res.hasError {
			// Written in Go: any depth prints (the runtime's
			// ts_node_string recurses on the small wasm stack).
			err = writeSexp(ctx, &b, root, r.o.ranges)
		} else {
			// ts_node_string also shows MISSING tokens that are not
			// visible nodes.
			b.WriteString(root.String())
			b.WriteByte('\n')
		}
	case "cst":
		err = writeCST(ctx, &b, root, f.text, r.color)
	case "json", "jsonl":
		var direct io.Writer // a single input streams big output straight to stdout
		if !r.multi {
			direct = r.e.stdout
		}
		j := newJSONWriter(&b, r.format == "json")
		doc := parseDoc{Path: f.in.display(), Language: out.lang, HasError: res.hasError, Bytes: len(f.src)}
		err = j.parseDocument(ctx, doc, root, direct)
	case "errors":
		for _, pr := range problems {
			loc := fmt.Sprintf("%s:%d:%d:", f.in.display(), pr.point.Row+1, pr.point.Column+1)
			fmt.Fprintf(&b, "%s %s\n", sgr(r.color, "1", loc), sgr(r.color, "31", pr.message))
		}
	}
	out.out = b.Bytes()
	return res, err
}

// count is parse's emit stage: it adds a parsed file to the statistics.
func (r *parseRun) count(in input, out *outcome, res parseResult) {
	r.totalBytes += int64(out.bytes)
	r.totalDur += out.dur
	ls := r.perLang[out.lang]
	if ls == nil {
		ls = &langStats{}
		r.perLang[out.lang] = ls
	}
	ls.files++
	ls.bytes += out.bytes
	ls.dur += out.dur
	ls.errNodes += res.errNodes
	ls.missing += res.missing
	if res.hasError {
		ls.withErrors++
		r.anyTreeError = true
	}
	r.slowest = addSlow(r.slowest, slowFile{in.display(), out.dur, out.bytes})
}

// printStats prints --stats: on stderr when stdout holds JSON.
func (r *parseRun) printStats(wall time.Duration) {
	w := r.e.stdout
	if r.format == "json" || r.format == "jsonl" {
		w = r.e.stderr
	}
	flusher(r.e.stdout)()
	p := r.p
	printParseStats(w, parseSummary{
		parsed: p.processed, binary: p.binary, failed: p.failed, interrupted: p.interrupted, bytes: r.totalBytes,
		wall: wall, parseTime: r.totalDur, perLang: r.perLang, slowest: r.slowest,
		workers: min(r.o.jobs, max(1, len(p.inputs))), stores: p.engine.Stats().StoresCreated,
	})
}
