// Package langtest holds the checks every bundled language package runs
// on itself, and that languages/all runs on all of them in one engine.
package langtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
)

// CheckRegistered checks that s is registered under its name, aliases,
// extensions, file names and shebang interpreters.
func CheckRegistered(t testing.TB, s *languages.Spec) {
	t.Helper()
	if !containsSpec(languages.All(), s) {
		t.Fatalf("%s is not in languages.All()", s.Name)
	}
	for _, n := range append([]string{s.Name, strings.ToUpper(s.Name)}, s.Aliases...) {
		if got, ok := languages.Lookup(n); !ok || got != s {
			t.Errorf("Lookup(%q) = %v, %v; want %s", n, got, ok, s.Name)
		}
	}
	for _, x := range s.Extensions {
		if got, ok := languages.ForExtension(x); !ok || got != s {
			t.Errorf("ForExtension(%q) = %v, %v; want %s", x, got, ok, s.Name)
		}
		p := filepath.Join("some", "dir", "file"+x)
		if got, ok := languages.ForFilename(p); !ok || got != s {
			t.Errorf("ForFilename(%q) = %v, %v; want %s", p, got, ok, s.Name)
		}
	}
	for _, f := range s.Filenames {
		if got, ok := languages.Detect("/x/"+f, nil); !ok || got != s {
			t.Errorf("Detect(%q) = %v, %v; want %s", f, got, ok, s.Name)
		}
	}
	for _, i := range s.Shebangs {
		for _, line := range []string{"#!/usr/bin/" + i, "#!/usr/bin/env " + i + "\nmore"} {
			if got, ok := languages.ForShebang([]byte(line)); !ok || got != s {
				t.Errorf("ForShebang(%q) = %v, %v; want %s", line, got, ok, s.Name)
			}
		}
	}
}

func containsSpec(ss []*languages.Spec, s *languages.Spec) bool {
	for _, o := range ss {
		if o == s {
			return true
		}
	}
	return false
}

// CheckSnippet loads s into e (a new engine when e is nil), parses
// dir/snippet and compares the tree's S-expression, indented by Indent, with
// the golden file dir/testdata/snippet.sexp. With update it rewrites the
// golden file instead. Either way the tree must hold no ERROR or MISSING
// node: the snippets are valid code.
func CheckSnippet(t testing.TB, e *tswasm.Engine, s *languages.Spec, dir, snippet string, update bool) {
	t.Helper()
	ctx := context.Background()
	if e == nil {
		var err error
		if e, err = tswasm.NewEngine(ctx, tswasm.WithPoolSize(1)); err != nil {
			t.Fatal(err)
		}
		defer e.Close()
	}
	lang, err := languages.Load(ctx, e, s)
	if err != nil {
		t.Fatalf("Load(%s): %v", s.Name, err)
	}
	if lang.Name() != s.Grammar || lang.ABIVersion() != s.ABI {
		t.Errorf("%s: loaded tree_sitter_%s ABI %d; spec says tree_sitter_%s ABI %d",
			s.Name, lang.Name(), lang.ABIVersion(), s.Grammar, s.ABI)
	}
	src, err := os.ReadFile(filepath.Join(dir, snippet))
	if err != nil {
		t.Fatal(err)
	}
	if len(src) == 0 {
		t.Fatalf("%s is empty", snippet)
	}
	p, err := e.NewParser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.SetLanguage(ctx, lang); err != nil {
		t.Fatal(err)
	}
	tree, err := p.Parse(ctx, src, nil)
	if err != nil {
		t.Fatalf("parsing %s: %v", snippet, err)
	}
	defer tree.Close()
	root := tree.RootNode()
	got := Indent(root.String()) + "\n"
	golden := filepath.Join(dir, "testdata", "snippet.sexp")
	if update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run the test with -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s: tree differs from %s (run with -update to see the diff in git)\ngot:\n%s", s.Name, golden, got)
		}
	}
	if root.HasError() || strings.Contains(got, "(ERROR") || strings.Contains(got, "(MISSING") {
		t.Errorf("%s: the snippet parses with errors:\n%s", s.Name, got)
	}
	checkQueries(t, ctx, s, lang, root, src, dir)
	if root.ChildCount() == 0 {
		t.Errorf("%s: empty tree for %s", s.Name, snippet)
	}
	if int(root.EndByte()) > len(src) || root.EndByte() < uint(len(strings.TrimRight(string(src), " \t\r\n"))) {
		t.Errorf("%s: root spans bytes %d..%d of %d", s.Name, root.StartByte(), root.EndByte(), len(src))
	}
}

// checkQueries compiles each of s's queries against lang, and runs the
// highlights query over the snippet's tree (see checkHighlights).
func checkQueries(t testing.TB, ctx context.Context, s *languages.Spec, lang *tswasm.Language, root tswasm.Node, src []byte, dir string) {
	t.Helper()
	if len(s.Queries["highlights"]) == 0 {
		t.Errorf("%s: no highlights query", s.Name)
	}
	for _, kind := range []string{"highlights", "injections", "locals", "tags"} {
		text, ok := s.Queries[kind]
		if !ok {
			continue
		}
		q, err := tswasm.NewQuery(ctx, lang, text)
		if err != nil {
			t.Errorf("%s: %s query: %v", s.Name, kind, err)
			continue
		}
		if q.PatternCount() == 0 {
			t.Errorf("%s: %s query has no patterns", s.Name, kind)
		}
		if kind == "highlights" {
			checkHighlights(t, ctx, s, q, root, src, dir)
		}
		_ = q.Close()
	}
}

// checkHighlights runs the highlights query over the snippet's tree and
// compares the captures ("@name start-end", in order) with
// dir/testdata/highlights.golden. That file is written by
// grammars/crosscheck.sh --update from tree-sitter's own web binding on
// Node, an independent runtime; this test never writes it. Real code must
// get some captures.
func checkHighlights(t testing.TB, ctx context.Context, s *languages.Spec, q *tswasm.Query, root tswasm.Node, src []byte, dir string) {
	t.Helper()
	qc := tswasm.NewQueryCursor()
	defer qc.Close()
	var b strings.Builder
	n := 0
	var qerr error
	for qr, err := range qc.Captures(ctx, q, root, src) {
		if err != nil {
			qerr = err
			break
		}
		m, i := qr.Match, qr.Index
		c := m.Captures[i]
		fmt.Fprintf(&b, "@%s %d-%d\n", q.CaptureNameForID(c.Index), c.Node.StartByte(), c.Node.EndByte())
		n++
	}
	if err := qerr; err != nil {
		t.Errorf("%s: running highlights: %v", s.Name, err)
		return
	}
	if n == 0 {
		t.Errorf("%s: highlights capture nothing in the snippet", s.Name)
	}
	golden := filepath.Join(dir, "testdata", "highlights.golden")
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Errorf("%v (run grammars/crosscheck.sh --update)", err)
		return
	}
	if got := b.String(); got != string(want) {
		t.Errorf("%s: highlight captures differ from %s (made by web-tree-sitter)\ngot:\n%s", s.Name, golden, got)
	}
}

// Indent puts each node of a one-line S-expression (Node.String) on its own
// line, indented two spaces a level, with its field name if any:
//
//	(source_file
//	  (package_clause
//	    (package_identifier)))
//
// Text inside double or single quotes (as in (MISSING ";")) is copied as is.
func Indent(sexp string) string {
	var b strings.Builder
	depth := 0
	var quote byte
	for i := 0; i < len(sexp); i++ {
		c := sexp[i]
		if quote != 0 {
			b.WriteByte(c)
			if c == '\\' && i+1 < len(sexp) {
				i++
				b.WriteByte(sexp[i])
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '"', '\'':
			quote = c
			b.WriteByte(c)
		case '(':
			depth++
			b.WriteByte(c)
		case ')':
			depth--
			b.WriteByte(c)
		case ' ':
			// A space before a child node or a field name starts a line.
			if j := i + 1; j < len(sexp) && sexp[i-1] != ':' && (sexp[j] == '(' || isFieldStart(sexp[j:])) {
				b.WriteByte('\n')
				b.WriteString(strings.Repeat("  ", depth))
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isFieldStart reports whether s starts with "name: (".
func isFieldStart(s string) bool {
	i := strings.Index(s, ": ")
	if i <= 0 || i+2 >= len(s) || s[i+2] != '(' {
		return false
	}
	for _, r := range s[:i] {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
