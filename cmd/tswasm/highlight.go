// The highlight command: spans from highlights and injections queries, rendered as ANSI, text or HTML.
package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tswasm/tswasm"
)

func init() { register(newHighlightCmd) }

const highlightAbout = `Highlights files with their language's bundled highlights.scm query (or
--query): as ANSI colours when stdout is a terminal (see --color; NO_COLOR
and TERM=dumb turn them off), as plain text otherwise, or as standalone HTML
pages with --html. Languages embedded in a file (JavaScript and CSS in HTML,
for instance) are highlighted too, where the language ships an
injections.scm query and the embedded language is bundled.

Several files or directories: as text, each file follows a "==> path <=="
line; with --html, --output-dir DIR is required and gets one page per file
(its path with .html added) and an index.html linking them all.

When several patterns capture the same node, the first pattern in the query
wins, as in tree-sitter-highlight. Capture names map to theme entries by their
longest known prefix: "function.method" falls back to "function".

Exit status: 0 done; 2 when a file cannot be read or parsed, the language
is unknown, or it has no highlights query.`

// maxInjectionDepth bounds injections inside injections.
const maxInjectionDepth = 3

func newHighlightCmd(e *env) *cobra.Command {
	var (
		o         inputOptions
		asHTML    bool
		queryFile string
		outDir    string
	)
	cmd := &cobra.Command{
		Use:   "highlight [flags] FILE|DIR…",
		Short: "syntax-highlight files as ANSI text or HTML pages (one per file, plus an index)",
		Long:  highlightAbout,
		Args:  needArgs(1, "FILE or DIR"),
		Example: `  tswasm highlight main.go
  tswasm highlight --html main.go > main.html
  tswasm highlight --html --output-dir site/ src/`,
	}
	addInputFlags(cmd, &o)
	cmd.Flags().BoolVar(&asHTML, "html", false, "write standalone HTML pages instead of ANSI text")
	cmd.Flags().StringVar(&queryFile, "query", "", "highlights query `FILE` to use instead of the bundled one")
	cmd.Flags().StringVarP(&outDir, "output-dir", "o", "", "with --html: write one page per file and an index.html into `DIR`")
	_ = cmd.MarkFlagDirname("output-dir")
	cmd.RunE = runWith(e, func(ctx context.Context, cmd *cobra.Command, args []string) int {
		if outDir != "" && !asHTML {
			e.errorf("highlight: --output-dir needs --html")
			return exitFailure
		}
		return runHighlight(ctx, e, cmd, &o, asHTML, queryFile, outDir, args)
	})
	return cmd
}

// page is one highlighted file written to --output-dir.
type page struct{ src, file, lang string }

func runHighlight(ctx context.Context, e *env, cmd *cobra.Command, o *inputOptions, asHTML bool, queryFile, outDir string, args []string) int {
	var custom string
	if queryFile != "" {
		b, err := os.ReadFile(queryFile)
		if err != nil {
			e.errorf("reading the query: %v", oneLine(e, err))
			return exitFailure
		}
		custom = string(b)
	}
	p, code := newPipeline(ctx, e, cmd, o, args)
	if p == nil {
		return code
	}
	defer p.close()
	multi := len(p.inputs) > 1 || len(args) > 1
	if asHTML && multi && outDir == "" {
		e.errorf("highlight: several files as HTML need --output-dir DIR")
		return exitFailure
	}
	if outDir != "" {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			e.errorf("%v", oneLine(e, err))
			return exitFailure
		}
	}
	r := &highlightRun{p: p, custom: custom, asHTML: asHTML, outDir: outDir, multi: multi,
		color: colorOn(e, e.stdoutTTY), hs: make([]*highlighter, o.jobs)}
	defer r.close()
	p.startProgressFor(outDir == "", false)
	runFiles(p, r.renderFile, func(_ input, _ *outcome, pg *page) {
		if pg != nil {
			r.pages = append(r.pages, *pg)
		}
	})
	if outDir != "" {
		if err := writeIndex(filepath.Join(outDir, "index.html"), r.pages); err != nil {
			e.errorf("writing the index: %v", oneLine(e, err))
			return exitFailure
		}
		fmt.Fprintf(e.stderr, "wrote %d page(s) and index.html to %s\n", len(r.pages), outDir)
	}
	return p.finish()
}

// highlightRun is one highlight command's state.
type highlightRun struct {
	p             *pipeline
	custom        string // --query
	asHTML, multi bool
	color         bool
	outDir        string
	hs            []*highlighter // one per worker
	pages         []page
}

func (r *highlightRun) close() {
	for _, h := range r.hs {
		if h != nil {
			h.close()
		}
	}
}

// renderFile is highlight's format stage: spans, then rendering to the
// output or to a page in --output-dir.
func (r *highlightRun) renderFile(ctx context.Context, wk int, f *fileJob, out *outcome) (*page, error) {
	if r.hs[wk] == nil {
		r.hs[wk] = &highlighter{p: r.p, custom: r.custom, queries: map[*tswasm.Language]*hlQueries{}}
	}
	h := r.hs[wk]
	h.ctx = ctx
	spans, err := h.spans(f.le, f.lang, f.tree, f.src, 0, true)
	out.warnings, h.warnings = h.warnings, nil
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	var rd renderer
	switch {
	case r.asHTML:
		rd = &htmlRenderer{w: &b}
	case r.color:
		rd = &ansiRenderer{w: &b}
	default:
		rd = &plainRenderer{w: &b}
	}
	src := f.src
	if f.enc != tswasm.InputEncodingUTF8 {
		src = []byte(nodeText(f.src, 0, uint(len(f.src)), f.enc))
		spans = nil // offsets are in UTF-16 bytes: print the text plain
	}
	if !r.asHTML && r.multi {
		fmt.Fprintf(&b, "%s\n", sgr(r.color, "1", "==> "+f.in.display()+" <=="))
	}
	rd.begin(f.in.display(), out.lang)
	render(rd, src, spans)
	rd.end()
	if r.outDir == "" {
		out.out = b.Bytes()
		return nil, nil
	}
	name := pageName(f.in.display())
	dst := filepath.Join(r.outDir, name)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(dst, b.Bytes(), 0o644); err != nil {
		return nil, err
	}
	return &page{src: f.in.display(), file: name, lang: out.lang}, nil
}

// pageName maps a source path to a relative HTML file name: "src/a.go"
// becomes "src/a.go.html"; leading "/" and ".." components are made safe.
func pageName(src string) string {
	if src == "<stdin>" {
		return "stdin.html"
	}
	parts := strings.Split(filepath.ToSlash(filepath.Clean(src)), "/")
	var keep []string
	for _, s := range parts {
		switch s {
		case "", ".":
			continue
		case "..":
			s = "__"
		}
		keep = append(keep, s)
	}
	return filepath.FromSlash(strings.Join(keep, "/")) + ".html"
}

// writeIndex writes an HTML page linking every highlighted page.
func writeIndex(path string, pages []page) error {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"tswasm highlight\">\n<title>tswasm highlight</title>\n</head>\n<body>\n<ul>\n")
	for _, pg := range pages {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a> (%s)</li>\n",
			html.EscapeString(filepath.ToSlash(pg.file)), html.EscapeString(pg.src), html.EscapeString(pg.lang))
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// span is one highlighted byte range. Spans nest: outer ones come first
// when sorted by start, then end descending, then seq.
type span struct {
	start, end uint
	name       string
	seq        int // order of creation; later spans nest inside earlier ones with the same range
}

// hlQueries are a language's compiled highlights and injections queries.
type hlQueries struct {
	highlights *tswasm.Query
	injections *tswasm.Query
	err        error
}

// highlighter computes spans for a tree and the trees injected into it. It
// belongs to one worker.
type highlighter struct {
	ctx      context.Context
	p        *pipeline
	custom   string // --query text for the top-level language
	queries  map[*tswasm.Language]*hlQueries
	parsers  map[*tswasm.Language]*tswasm.Parser
	seq      int
	warnings []string
}

func (h *highlighter) close() {
	for _, q := range h.queries {
		if q.highlights != nil {
			q.highlights.Close()
		}
		if q.injections != nil {
			q.injections.Close()
		}
	}
	for _, p := range h.parsers {
		p.Close()
	}
}

// queriesFor compiles the highlight and injection queries of a language.
func (h *highlighter) queriesFor(le *langEntry, lang *tswasm.Language, top bool) (*hlQueries, error) {
	if q := h.queries[lang]; q != nil {
		return q, q.err
	}
	q := &hlQueries{}
	h.queries[lang] = q
	var hs, is string
	if le.spec != nil {
		hs, is = le.spec.Queries["highlights"], le.spec.Queries["injections"]
	}
	if top && h.custom != "" {
		hs = h.custom
	}
	if strings.TrimSpace(hs) == "" {
		q.err = fmt.Errorf("language %s has no highlights query; pass one with --query FILE", le.name)
		return q, q.err
	}
	if q.highlights, q.err = tswasm.NewQuery(h.ctx, lang, hs); q.err != nil {
		q.err = fmt.Errorf("highlights query of %s: %w", le.name, q.err)
		return q, q.err
	}
	if strings.TrimSpace(is) != "" {
		var err error
		if q.injections, err = tswasm.NewQuery(h.ctx, lang, is); err != nil {
			h.warnings = append(h.warnings, fmt.Sprintf("injections query of %s does not compile, embedded languages are not highlighted: %v", le.name, err))
		}
	}
	return q, nil
}

// spans returns the highlight spans of tree and, up to maxInjectionDepth,
// of the languages injected into it.
func (h *highlighter) spans(le *langEntry, lang *tswasm.Language, tree *tswasm.Tree, src []byte, depth int, top bool) ([]span, error) {
	qs, err := h.queriesFor(le, lang, top)
	if err != nil {
		return nil, err
	}
	qc := tswasm.NewQueryCursor()
	defer qc.Close()
	out, err := h.captureSpans(qc, qs.highlights, tree.RootNode(), src)
	if err != nil || qs.injections == nil || depth >= maxInjectionDepth {
		return out, err
	}
	injs, err := h.findInjections(qc, qs.injections, tree.RootNode(), src, le.name)
	if err != nil {
		return nil, err
	}
	for _, inj := range injs {
		out = h.applyInjection(out, inj, src, depth)
	}
	return out, nil
}

// captureSpans turns the highlights query's captures into spans. The first
// pattern that captures a node wins (tree-sitter-highlight's rule).
func (h *highlighter) captureSpans(qc *tswasm.QueryCursor, q *tswasm.Query, root tswasm.Node, src []byte) ([]span, error) {
	type nodeKey struct {
		id         uintptr
		start, end uint
	}
	type best struct {
		pattern uint
		idx     int
	}
	var out []span
	chosen := map[nodeKey]best{}
	names := q.CaptureNames()
	var qerr error
	for qr, err := range qc.Captures(h.ctx, q, root, src) {
		if err != nil {
			qerr = err
			break
		}
		m, ci := qr.Match, qr.Index
		c := m.Captures[ci]
		name := names[c.Index]
		if name == "" || name[0] == '_' || strings.HasPrefix(name, "local.") || strings.HasPrefix(name, "injection.") {
			continue
		}
		s, e := c.Node.ByteRange()
		if s == e {
			continue
		}
		k := nodeKey{c.Node.ID(), s, e}
		if b, ok := chosen[k]; ok {
			if m.PatternIndex < b.pattern {
				out[b.idx].name = name
				chosen[k] = best{m.PatternIndex, b.idx}
			}
			continue
		}
		chosen[k] = best{m.PatternIndex, len(out)}
		h.seq++
		out = append(out, span{start: s, end: e, name: name, seq: h.seq})
	}
	return out, qerr
}

// injection is an embedded language's content node.
type injection struct {
	node tswasm.Node
	lang string
}

// findInjections lists the injections query's matches: each names the
// content node and the language, by an @injection.language capture or a
// #set! injection.language.
func (h *highlighter) findInjections(qc *tswasm.QueryCursor, q *tswasm.Query, root tswasm.Node, src []byte, self string) ([]injection, error) {
	var injs []injection
	names := q.CaptureNames()
	var qerr error
	for m, err := range qc.Matches(h.ctx, q, root, src) {
		if err != nil {
			qerr = err
			break
		}
		langName := ""
		for _, prop := range q.PropertySettings(m.PatternIndex) {
			switch {
			case prop.Key == "injection.self" || prop.Key == "injection.parent":
				langName = self
			case prop.Key == "injection.language" && prop.Value != nil:
				langName = *prop.Value
			}
		}
		var content []tswasm.Node
		for _, c := range m.Captures {
			switch names[c.Index] {
			case "injection.language":
				langName = strings.TrimSpace(c.Node.UTF8Text(src))
			case "injection.content":
				content = append(content, c.Node)
			}
		}
		for _, n := range content {
			if langName != "" && n.EndByte() > n.StartByte() {
				injs = append(injs, injection{n, langName})
			}
		}
	}
	return injs, qerr
}

// applyInjection parses one injection's content with its language and
// replaces the host's spans inside it with the embedded language's.
func (h *highlighter) applyInjection(out []span, inj injection, src []byte, depth int) []span {
	sp, ok := lookupLang(strings.ToLower(inj.lang))
	if !ok {
		return out // an embedded language that is not bundled stays plain
	}
	ile := h.p.res.entry(sp)
	ilang, err := ile.load(h.ctx, h.p.engine)
	if err != nil {
		h.warnings = append(h.warnings, err.Error())
		return out
	}
	itree, err := h.parseRange(ilang, src, inj.node.Range())
	if err != nil {
		h.warnings = append(h.warnings, fmt.Sprintf("parsing embedded %s: %v", ile.name, err))
		return out
	}
	inner, err := h.spans(ile, ilang, itree, src, depth+1, false)
	itree.Close()
	if err != nil {
		if !strings.Contains(err.Error(), "no highlights query") {
			h.warnings = append(h.warnings, err.Error())
		}
		return out
	}
	// The embedded language owns the content: drop the host's spans
	// strictly inside it, keep the ones around it.
	cs, ce := inj.node.ByteRange()
	out = slices.DeleteFunc(out, func(s span) bool {
		return s.start >= cs && s.end <= ce && (s.start != cs || s.end != ce)
	})
	return append(out, inner...)
}

// parseRange parses the part of src inside r with lang, keeping the
// positions of the whole text.
func (h *highlighter) parseRange(lang *tswasm.Language, src []byte, r tswasm.Range) (*tswasm.Tree, error) {
	if h.parsers == nil {
		h.parsers = map[*tswasm.Language]*tswasm.Parser{}
	}
	p := h.parsers[lang]
	if p == nil {
		var err error
		if p, err = h.p.engine.NewParser(h.ctx); err != nil {
			return nil, err
		}
		if err := p.SetLanguage(h.ctx, lang); err != nil {
			p.Close()
			return nil, err
		}
		h.parsers[lang] = p
	}
	if err := p.SetIncludedRanges(h.ctx, []tswasm.Range{r}); err != nil {
		return nil, err
	}
	return p.Parse(h.ctx, src, nil)
}

// renderer writes highlighted text.
type renderer interface {
	begin(path, lang string)
	open(name string)
	close()
	text(b []byte)
	end()
}

// render writes src through r, opening and closing spans as they nest.
// Spans that overlap without nesting are clipped to their parent.
func render(r renderer, src []byte, spans []span) {
	slices.SortStableFunc(spans, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(a.seq, b.seq))
	})
	var stack []uint // end offsets of open spans
	pos := uint(0)
	advance := func(to uint) {
		for len(stack) > 0 && stack[len(stack)-1] <= to {
			end := stack[len(stack)-1]
			if end > pos {
				r.text(src[pos:end])
				pos = end
			}
			r.close()
			stack = stack[:len(stack)-1]
		}
		if to > pos {
			r.text(src[pos:to])
			pos = to
		}
	}
	n := uint(len(src))
	for _, s := range spans {
		if s.start >= n || s.start < pos {
			continue // outside the text, or starts inside text already written
		}
		advance(s.start)
		end := min(s.end, n)
		if len(stack) > 0 {
			end = min(end, stack[len(stack)-1])
		}
		if end <= s.start {
			continue
		}
		r.open(s.name)
		stack = append(stack, end)
	}
	advance(n)
}

// theme maps capture names (and their prefixes) to ANSI SGR codes.
var ansiTheme = map[string]string{
	"attribute":             "33",
	"boolean":               "36",
	"comment":               "90;3",
	"constant":              "36",
	"constant.builtin":      "36;1",
	"constructor":           "33",
	"embedded":              "",
	"escape":                "96",
	"function":              "94",
	"function.builtin":      "96",
	"keyword":               "35",
	"label":                 "95",
	"module":                "33",
	"number":                "96",
	"operator":              "91",
	"property":              "34",
	"punctuation":           "",
	"punctuation.special":   "35",
	"string":                "32",
	"string.special":        "92",
	"tag":                   "31",
	"type":                  "33",
	"type.builtin":          "33;1",
	"variable":              "",
	"variable.builtin":      "31",
	"variable.parameter":    "3",
	"punctuation.delimiter": "",
	"punctuation.bracket":   "",
}

// themeKey returns the longest prefix of name (at dots) that the theme
// knows, or "".
func themeKey(name string) string {
	for {
		if _, ok := ansiTheme[name]; ok {
			return name
		}
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return ""
		}
		name = name[:i]
	}
}

// plainRenderer writes the text only.
type plainRenderer struct{ w io.Writer }

func (p *plainRenderer) begin(string, string) {}
func (p *plainRenderer) open(string)          {}
func (p *plainRenderer) close()               {}
func (p *plainRenderer) text(b []byte)        { p.w.Write(b) }
func (p *plainRenderer) end()                 {}

// ansiRenderer writes SGR escape sequences; ANSI has no nesting, so the
// style of the innermost open span is set before each piece of text.
type ansiRenderer struct {
	w       io.Writer
	styles  []string
	current string
}

func (a *ansiRenderer) begin(string, string) {}

func (a *ansiRenderer) open(name string) { a.styles = append(a.styles, ansiTheme[themeKey(name)]) }

func (a *ansiRenderer) close() { a.styles = a.styles[:len(a.styles)-1] }

func (a *ansiRenderer) text(b []byte) {
	style := ""
	for i := len(a.styles) - 1; i >= 0; i-- {
		if a.styles[i] != "" {
			style = a.styles[i]
			break
		}
	}
	if style != a.current {
		if a.current != "" {
			io.WriteString(a.w, "\x1b[0m")
		}
		if style != "" {
			io.WriteString(a.w, "\x1b["+style+"m")
		}
		a.current = style
	}
	a.w.Write(b)
}

func (a *ansiRenderer) end() {
	if a.current != "" {
		io.WriteString(a.w, "\x1b[0m")
	}
}

// htmlRenderer writes a standalone page with nested <span> elements whose
// classes are "hl-" plus each prefix of the capture name: @function.method
// gets class="hl-function hl-function-method".
type htmlRenderer struct{ w io.Writer }

const htmlCSS = `body { margin: 0; background: #ffffff; }
pre.tswasm { margin: 0; padding: 1em; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #1f2328; background: #ffffff; }
.hl-keyword { color: #cf222e; }
.hl-string { color: #0a3069; }
.hl-string-special, .hl-escape { color: #0a3069; font-weight: bold; }
.hl-comment { color: #6e7781; font-style: italic; }
.hl-function { color: #8250df; }
.hl-function-builtin { color: #0550ae; }
.hl-type, .hl-constructor, .hl-module { color: #953800; }
.hl-type-builtin { color: #953800; font-weight: bold; }
.hl-variable { color: #1f2328; }
.hl-variable-builtin { color: #0550ae; }
.hl-variable-parameter { color: #1f2328; font-style: italic; }
.hl-number, .hl-boolean, .hl-constant { color: #0550ae; }
.hl-constant-builtin { color: #0550ae; font-weight: bold; }
.hl-operator { color: #cf222e; }
.hl-property { color: #0550ae; }
.hl-punctuation { color: #1f2328; }
.hl-tag { color: #116329; }
.hl-attribute { color: #0550ae; }
.hl-label { color: #8250df; }
`

func (h *htmlRenderer) begin(path, lang string) {
	fmt.Fprintf(h.w, `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="generator" content="tswasm highlight">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<pre class="tswasm" data-language="%s"><code>`, html.EscapeString(path), htmlCSS, html.EscapeString(lang))
}

func (h *htmlRenderer) open(name string) {
	var classes []string
	parts := strings.Split(name, ".")
	for i := range parts {
		classes = append(classes, "hl-"+cssIdent(strings.Join(parts[:i+1], "-")))
	}
	fmt.Fprintf(h.w, `<span class="%s">`, strings.Join(classes, " "))
}

func (h *htmlRenderer) close() { io.WriteString(h.w, "</span>") }

func (h *htmlRenderer) text(b []byte) { io.WriteString(h.w, html.EscapeString(string(b))) }

func (h *htmlRenderer) end() { io.WriteString(h.w, "</code></pre>\n</body>\n</html>\n") }

// cssIdent keeps letters, digits, "-" and "_" of a capture name.
func cssIdent(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
}
