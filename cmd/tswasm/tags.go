// The tags command: definitions and references from each grammar's tags.scm, as jsonl, ctags or etags.
package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/tswasm/tswasm"
)

func init() { register(newTagsCmd) }

const tagsAbout = `Lists the definitions and references that each language's bundled tags.scm
query finds, as 'tree-sitter tags' does: a capture @definition.KIND or
@reference.KIND marks the tagged node, @name its name, @doc its comments
(with #strip! applied).

Formats:
  text   path:line:col: definition.function Name (default)
  jsonl  one JSON object per tag: path, language, name, kind, role
         (definition or reference), the name's byte range and points, the
         source line, docs
  json   one indented JSON document: an array of those objects
  ctags  a sorted tags file of the definitions, for Vim (:tag, vim -t) and
         other ctags readers
  etags  an Emacs TAGS file of the definitions (M-.)

Files are found as by 'tswasm parse' (default path "."). In a directory,
languages without a tags query are skipped with one warning.

Exit status: 0 done; 2 when a file cannot be read or parsed, or a file named
on the command line has no tags query.`

// tag is one definition or reference.
type tag struct {
	Path       string    `json:"path"`
	Language   string    `json:"language"`
	Name       string    `json:"name"`
	Kind       string    `json:"kind"`
	Role       string    `json:"role"`
	StartByte  uint      `json:"start_byte"`
	EndByte    uint      `json:"end_byte"`
	StartPoint jsonPoint `json:"start_point"`
	EndPoint   jsonPoint `json:"end_point"`
	Line       string    `json:"line"`
	Docs       string    `json:"docs,omitempty"`

	lineStart uint // byte offset of the name's line, for etags
}

func newTagsCmd(e *env) *cobra.Command {
	var (
		o      inputOptions
		format enumValue
		defs   bool
	)
	cmd := &cobra.Command{
		Use:   "tags [flags] [paths…]",
		Short: "list definitions and references from the grammars' tags.scm (jsonl, ctags, etags)",
		Long:  tagsAbout,
		Example: `  tswasm tags --format ctags $(go env GOROOT)/src/net/http > tags && vim -t ServeHTTP
  tswasm tags --format etags . > TAGS
  tswasm tags --format jsonl --definitions src/`,
	}
	addInputFlags(cmd, &o)
	cmd.Flags().Var(newEnum(&format, "text", "text", "json", "jsonl", "ctags", "etags"), "format", "output format: text, json, jsonl, ctags or etags")
	_ = cmd.RegisterFlagCompletionFunc("format", format.complete)
	cmd.Flags().BoolVar(&defs, "definitions", false, "only definitions (ctags and etags have only those)")
	cmd.RunE = runWith(e, func(ctx context.Context, cmd *cobra.Command, args []string) int {
		return runTags(ctx, e, cmd, &o, format.value, defs, args)
	})
	return cmd
}

// tagsQuery is a language's compiled tags query.
type tagsQuery struct {
	once sync.Once
	q    *tswasm.Query
	err  error
}

func runTags(ctx context.Context, e *env, cmd *cobra.Command, o *inputOptions, format string, defsOnly bool, paths []string) int {
	if format == "ctags" || format == "etags" {
		defsOnly = true
	}
	p, code := newPipeline(ctx, e, cmd, o, paths)
	if p == nil {
		return code
	}
	defer p.close()
	r := &tagsRun{ctx: ctx, format: format, defsOnly: defsOnly, color: colorOn(e, e.stdoutTTY),
		whole:   format == "json" || format == "ctags" || format == "etags",
		queries: map[*tswasm.Language]*tagsQuery{}, cursors: make([]*tswasm.QueryCursor, o.jobs)}
	defer r.close()
	p.startProgressFor(!r.whole, false)
	runFiles(p, r.formatTags, func(_ input, _ *outcome, tags []tag) { r.all = append(r.all, tags...) })
	if p.writeErr == nil && r.whole {
		var b bytes.Buffer
		switch format {
		case "json":
			_ = writeIndentedJSON(&b, nonNilSlice(r.all))
		case "ctags":
			writeCtags(&b, r.all)
		case "etags":
			writeEtags(&b, r.all)
		}
		_, p.writeErr = e.stdout.Write(b.Bytes())
	}
	return p.finish()
}

// tagsRun is one tags command's state.
type tagsRun struct {
	ctx      context.Context
	format   string
	defsOnly bool
	color    bool
	whole    bool // the format is written at the end, from all
	all      []tag

	mu      sync.Mutex
	queries map[*tswasm.Language]*tagsQuery
	cursors []*tswasm.QueryCursor // one per worker
}

func (r *tagsRun) close() {
	for _, q := range r.queries {
		if q.q != nil {
			q.q.Close()
		}
	}
	for _, c := range r.cursors {
		if c != nil {
			c.Close()
		}
	}
}

// query compiles a language's tags query once; a language without one
// gets a langSkipError.
func (r *tagsRun) query(f *fileJob, lang string) (*tswasm.Query, error) {
	r.mu.Lock()
	tq := r.queries[f.lang]
	if tq == nil {
		tq = &tagsQuery{}
		r.queries[f.lang] = tq
	}
	r.mu.Unlock()
	tq.once.Do(func() {
		src := ""
		if f.le.spec != nil {
			src = f.le.spec.Queries["tags"]
		}
		if strings.TrimSpace(src) == "" {
			tq.err = &langSkipError{fmt.Errorf("language %s has no tags query", lang)}
			return
		}
		if tq.q, tq.err = tswasm.NewQuery(r.ctx, f.lang, src); tq.err != nil {
			tq.err = &langSkipError{fmt.Errorf("tags query of %s: %w", lang, tq.err)}
		}
	})
	return tq.q, tq.err
}

// formatTags is tags' format stage: the tags of one file, as text or jsonl
// lines, or returned for the formats written at the end.
func (r *tagsRun) formatTags(ctx context.Context, wk int, f *fileJob, out *outcome) ([]tag, error) {
	q, err := r.query(f, out.lang)
	if err != nil {
		return nil, err
	}
	if r.cursors[wk] == nil {
		r.cursors[wk] = tswasm.NewQueryCursor()
	}
	tags, err := extractTags(ctx, r.cursors[wk], q, f, out.lang, r.defsOnly)
	if err != nil || r.whole {
		return tags, err
	}
	var b bytes.Buffer
	if r.format == "jsonl" {
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		for _, t := range tags {
			_ = enc.Encode(t)
		}
	} else {
		for _, t := range tags {
			loc := fmt.Sprintf("%s:%d:%d:", t.Path, t.StartPoint.Row+1, t.StartPoint.Column+1)
			fmt.Fprintf(&b, "%s %s %s\n", sgr(r.color, "35", loc), sgr(r.color, "36", t.Role+"."+t.Kind), t.Name)
		}
	}
	out.out = b.Bytes()
	return nil, nil
}

// extractTags runs a tags query over a parsed file. Each match with a
// @name and a @definition.KIND or @reference.KIND capture is one tag.
func extractTags(ctx context.Context, qc *tswasm.QueryCursor, q *tswasm.Query, f *fileJob, lang string, defsOnly bool) ([]tag, error) {
	names := q.CaptureNames()
	strips := map[uint]*regexp.Regexp{} // per pattern: the #strip! regexp for @doc
	var tags []tag
	type nameRange struct{ start, end uint }
	// One tag per name: a node that several patterns tag (a type name is
	// both @definition.type and @reference.type in Go's query) keeps the
	// tag of the first pattern, as tree-sitter's tags does.
	byName := map[nameRange]int{} // index into tags
	patterns := []uint{}          // pattern index of each tag
	var qerr error
	for m, err := range qc.Matches(ctx, q, f.tree.RootNode(), f.src) {
		if err != nil {
			qerr = err
			break
		}
		var nameNode tswasm.Node
		var role, kind string
		var docs []string
		haveName := false
		for _, c := range m.Captures {
			cn := names[c.Index]
			switch {
			case cn == "name":
				nameNode, haveName = c.Node, true
			case cn == "doc":
				docs = append(docs, f.text(c.Node))
			default:
				if r, k, ok := strings.Cut(cn, "."); ok && (r == "definition" || r == "reference") {
					role, kind = r, k
				}
			}
		}
		if !haveName || role == "" {
			continue
		}
		if len(docs) > 0 {
			re, seen := strips[m.PatternIndex]
			if !seen {
				re = stripRegexp(q, m.PatternIndex, names)
				strips[m.PatternIndex] = re
			}
			for i, d := range docs {
				if re != nil {
					d = re.ReplaceAllString(d, "")
				}
				docs[i] = strings.TrimSpace(d)
			}
		}
		s, e := nameNode.ByteRange()
		sp, ep := nameNode.StartPosition(), nameNode.EndPosition()
		ls, le := lineBounds(f.src, s, f.enc)
		t := tag{
			Path: f.in.display(), Language: lang, Name: f.text(nameNode), Kind: kind, Role: role,
			StartByte: s, EndByte: e, StartPoint: jsonPoint{sp.Row, sp.Column}, EndPoint: jsonPoint{ep.Row, ep.Column},
			Line: strings.TrimRight(nodeText(f.src, ls, le, f.enc), "\r"), Docs: strings.Join(docs, "\n"), lineStart: ls,
		}
		k := nameRange{s, e}
		if i, ok := byName[k]; ok {
			if m.PatternIndex < patterns[i] {
				tags[i], patterns[i] = t, m.PatternIndex
			}
			continue
		}
		byName[k] = len(tags)
		tags = append(tags, t)
		patterns = append(patterns, m.PatternIndex)
	}
	if err := qerr; err != nil {
		return nil, err
	}
	if defsOnly {
		tags = slices.DeleteFunc(tags, func(t tag) bool { return t.Role != "definition" })
	}
	slices.SortStableFunc(tags, func(a, b tag) int { return cmp.Compare(a.StartByte, b.StartByte) })
	return tags, nil
}

// stripRegexp returns the regexp of a pattern's (#strip! @doc "re").
func stripRegexp(q *tswasm.Query, pattern uint, names []string) *regexp.Regexp {
	for _, p := range q.GeneralPredicates(pattern) {
		if p.Operator != "strip!" || len(p.Args) != 2 || p.Args[0].CaptureID == nil || p.Args[1].String == nil {
			continue
		}
		if names[*p.Args[0].CaptureID] != "doc" {
			continue
		}
		if re, err := regexp.Compile("(?m)" + *p.Args[1].String); err == nil {
			return re
		}
	}
	return nil
}

// lineBounds returns the byte range of the line holding offset off,
// without its newline.
func lineBounds(src []byte, off uint, enc tswasm.InputEncoding) (uint, uint) {
	off = min(off, uint(len(src)))
	if enc != tswasm.InputEncodingUTF8 {
		return off, off // UTF-16: the name alone
	}
	start := uint(bytes.LastIndexByte(src[:off], '\n') + 1)
	end := off + uint(max(bytes.IndexByte(src[off:], '\n'), 0))
	if bytes.IndexByte(src[off:], '\n') < 0 {
		end = uint(len(src))
	}
	return start, end
}

// writeCtags writes definitions as an extended-format ctags file sorted by
// name (byte order, as Vim's binary search expects), then path and line.
// The address is the line number; kind and line are extension fields.
func writeCtags(b *bytes.Buffer, tags []tag) {
	tags = slices.Clone(tags)
	slices.SortStableFunc(tags, func(x, y tag) int {
		return cmp.Or(strings.Compare(x.Name, y.Name), strings.Compare(x.Path, y.Path), cmp.Compare(x.StartByte, y.StartByte))
	})
	b.WriteString("!_TAG_FILE_FORMAT\t2\t/extended format/\n")
	b.WriteString("!_TAG_FILE_SORTED\t1\t/0=unsorted, 1=sorted, 2=foldcase/\n")
	b.WriteString("!_TAG_PROGRAM_NAME\ttswasm\t//\n")
	for _, t := range tags {
		if t.Name == "" || strings.ContainsAny(t.Name, "\t\n") || strings.ContainsAny(t.Path, "\t\n") {
			continue
		}
		fmt.Fprintf(b, "%s\t%s\t%d;\"\tkind:%s\tline:%d\tlanguage:%s\n", t.Name, t.Path, t.StartPoint.Row+1, t.Kind, t.StartPoint.Row+1, t.Language)
	}
}

// writeEtags writes definitions as an Emacs TAGS file: per file a section
// "\f\nPATH,SIZE\n" of lines "TEXT\x7fNAME\x01LINE,OFFSET\n", where TEXT is
// the line up to the end of the name.
func writeEtags(b *bytes.Buffer, tags []tag) {
	var order []string
	byFile := map[string][]tag{}
	for _, t := range tags {
		if _, ok := byFile[t.Path]; !ok {
			order = append(order, t.Path)
		}
		byFile[t.Path] = append(byFile[t.Path], t)
	}
	for _, path := range order {
		var sec bytes.Buffer
		for _, t := range byFile[path] {
			col := int(t.StartPoint.Column) + len(t.Name)
			text := t.Line
			if col <= len(text) {
				text = text[:col]
			}
			fmt.Fprintf(&sec, "%s\x7f%s\x01%d,%d\n", text, t.Name, t.StartPoint.Row+1, t.lineStart)
		}
		fmt.Fprintf(b, "\x0c\n%s,%d\n", path, sec.Len())
		b.Write(sec.Bytes())
	}
}
