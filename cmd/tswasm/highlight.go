package main

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/tswasm/tswasm"
)

func init() {
	register("highlight", command{
		summary: "syntax-highlight a file as ANSI text or a standalone HTML page",
		run:     runHighlight,
	})
}

const highlightAbout = `
Highlights FILE with its language's bundled highlights.scm query (or --query),
as ANSI colours when stdout is a terminal (or --color always), as plain text
otherwise, or as a standalone HTML page with --html. Languages embedded in the
file (JavaScript and CSS in HTML, for instance) are highlighted too, where the
language ships an injections.scm query and the embedded language is bundled.

When several patterns capture the same node, the first pattern in the query
wins, as in tree-sitter-highlight. Capture names map to theme entries by their
longest known prefix: "function.method" falls back to "function".

Exit status: 0 done; 2 when the file cannot be read or parsed, the language
is unknown, or it has no highlights query.`

// maxInjectionDepth bounds injections inside injections.
const maxInjectionDepth = 3

func runHighlight(ctx context.Context, e *env, args []string) int {
	var o parseOptions
	color := choice{value: "auto", allowed: []string{"auto", "always", "never"}}
	fs := newFlagSet(e, "highlight", "[flags] FILE", highlightAbout)
	fs.StringVar(&o.lang, "lang", "", "language `NAME` (default: detected from the file name or shebang)")
	fs.StringVar(&o.grammar, "grammar", "", "load the grammar from `FILE.wasm` (its highlights come from the bundled language of the same name, or --query)")
	fs.DurationVar(&o.timeout, "timeout", 0, "give up after this `duration` (0: no limit)")
	fs.Var(&color, "color", "ANSI colours: `auto` (when stdout is a terminal), always or never")
	asHTML := fs.Bool("html", false, "print a standalone HTML page instead of ANSI text")
	queryFile := fs.String("query", "", "highlights query `FILE` to use instead of the bundled one")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(e.stderr, "tswasm highlight: need exactly one FILE (or - with --lang)")
		fs.Usage()
		return exitFailure
	}
	var custom string
	if *queryFile != "" {
		b, err := os.ReadFile(*queryFile)
		if err != nil {
			e.errorf("reading the query: %v", err)
			return exitFailure
		}
		custom = string(b)
	}
	o.jobs = 1
	run, code := newRunner(ctx, e, &o)
	if run == nil {
		return code
	}
	defer run.close()
	in := input{path: pos[0], explicit: true}
	if pos[0] != "-" {
		if fi, err := os.Stat(pos[0]); err != nil {
			e.errorf("%s: %v", pos[0], errText(err))
			return exitFailure
		} else if fi.IsDir() {
			e.errorf("%s: is a directory", pos[0])
			return exitFailure
		}
	}
	p, skip, err := run.parse(0, in)
	if err != nil {
		e.errorf("%s", onceReporter{}.message(in, langName(p.le), err))
		return exitFailure
	}
	if skip == skipBinary {
		e.errorf("%s: binary file skipped", in.display())
		return exitFailure
	}
	defer p.tree.Close()

	h := &highlighter{ctx: ctx, run: run, custom: custom, queries: map[*tswasm.Language]*hlQueries{}}
	defer h.close()
	spans, err := h.spans(p.le, p.lang, p.tree, p.src, 0, true)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	for _, w := range h.warnings {
		e.errorf("%s", w)
	}
	var r renderer
	switch {
	case *asHTML:
		r = &htmlRenderer{w: e.stdout}
	case color.value == "always" || color.value == "auto" && e.stdoutTTY:
		r = &ansiRenderer{w: e.stdout}
	default:
		r = &plainRenderer{w: e.stdout}
	}
	r.begin(in.display(), langName(p.le))
	render(r, p.src, spans)
	r.end()
	return exitOK
}

func langName(le *langEntry) string {
	if le == nil {
		return ""
	}
	return le.name
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
	once       sync.Once
	highlights *tswasm.Query
	injections *tswasm.Query
	err        error
}

// highlighter computes spans for a tree and the trees injected into it.
type highlighter struct {
	ctx      context.Context
	run      *runner
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
	q := h.queries[lang]
	if q == nil {
		q = &hlQueries{}
		h.queries[lang] = q
	}
	q.once.Do(func() {
		var hs, is string
		if le.spec != nil {
			hs, is = le.spec.Queries["highlights"], le.spec.Queries["injections"]
		}
		if top && h.custom != "" {
			hs = h.custom
		}
		if strings.TrimSpace(hs) == "" {
			q.err = fmt.Errorf("language %s has no highlights query; pass one with --query FILE", le.name)
			return
		}
		if q.highlights, q.err = tswasm.NewQuery(h.ctx, lang, hs); q.err != nil {
			q.err = fmt.Errorf("highlights query of %s: %w", le.name, q.err)
			return
		}
		if strings.TrimSpace(is) != "" {
			var err error
			if q.injections, err = tswasm.NewQuery(h.ctx, lang, is); err != nil {
				h.warnings = append(h.warnings, fmt.Sprintf("injections query of %s does not compile, embedded languages are not highlighted: %v", le.name, err))
			}
		}
	})
	return q, q.err
}

// spans returns the highlight spans of tree and, up to maxInjectionDepth,
// of the languages injected into it.
func (h *highlighter) spans(le *langEntry, lang *tswasm.Language, tree *tswasm.Tree, src []byte, depth int, top bool) ([]span, error) {
	qs, err := h.queriesFor(le, lang, top)
	if err != nil {
		return nil, err
	}
	root := tree.RootNode()
	qc := tswasm.NewQueryCursor()
	defer qc.Close()

	// The first pattern that captures a node wins (tree-sitter-highlight's
	// rule); captures of one node arrive in pattern order, but keep the
	// lowest pattern index explicitly.
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
	names := qs.highlights.CaptureNames()
	for m, ci := range qc.Captures(h.ctx, qs.highlights, root, src) {
		c := m.Captures[ci]
		name := names[c.Index]
		if name == "" || name[0] == '_' || strings.HasPrefix(name, "local.") || strings.HasPrefix(name, "injection.") {
			continue
		}
		s, e := c.Node.ByteRange()
		if s == e {
			continue
		}
		k := nodeKey{c.Node.Id(), s, e}
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
	if err := qc.Err(); err != nil {
		return nil, err
	}
	if qs.injections == nil || depth >= maxInjectionDepth {
		return out, nil
	}

	// Injections: each match names the content node and the language,
	// by an @injection.language capture or a #set! injection.language.
	type injection struct {
		node tswasm.Node
		lang string
	}
	var injs []injection
	inames := qs.injections.CaptureNames()
	for m := range qc.Matches(h.ctx, qs.injections, root, src) {
		langName := ""
		for _, prop := range qs.injections.PropertySettings(m.PatternIndex) {
			if prop.Value != nil {
				switch prop.Key {
				case "injection.language":
					langName = *prop.Value
				case "injection.self", "injection.parent":
					langName = le.name
				}
			} else if prop.Key == "injection.self" || prop.Key == "injection.parent" {
				langName = le.name
			}
		}
		var content []tswasm.Node
		for _, c := range m.Captures {
			switch inames[c.Index] {
			case "injection.language":
				langName = strings.TrimSpace(c.Node.Utf8Text(src))
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
	if err := qc.Err(); err != nil {
		return nil, err
	}
	for _, inj := range injs {
		sp, ok := lookupLang(strings.ToLower(inj.lang))
		if !ok {
			continue // an embedded language that is not bundled stays plain
		}
		ile := h.run.res.entry(sp)
		ilang, err := ile.load(h.ctx, h.run.engine)
		if err != nil {
			h.warnings = append(h.warnings, err.Error())
			continue
		}
		itree, err := h.parseRange(ilang, src, inj.node.Range())
		if err != nil {
			h.warnings = append(h.warnings, fmt.Sprintf("parsing embedded %s: %v", ile.name, err))
			continue
		}
		inner, err := h.spans(ile, ilang, itree, src, depth+1, false)
		itree.Close()
		if err != nil {
			if !strings.Contains(err.Error(), "no highlights query") {
				h.warnings = append(h.warnings, err.Error())
			}
			continue
		}
		// The embedded language owns the content: drop the host's spans
		// strictly inside it, keep the ones around it.
		cs, ce := inj.node.ByteRange()
		out = slices.DeleteFunc(out, func(s span) bool {
			return s.start >= cs && s.end <= ce && (s.start != cs || s.end != ce)
		})
		out = append(out, inner...)
	}
	return out, nil
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
		if p, err = h.run.engine.NewParser(h.ctx); err != nil {
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
