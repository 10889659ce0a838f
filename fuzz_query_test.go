// FuzzQuery: NewQuery on mutated highlights.scm and random text returns a query or a typed error, and matching ends.
package tswasm_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/tswasm/tswasm"
)

// FuzzQuery compiles src for the bundled grammar picked by lang. It must
// give a query or a *QueryError (or stop at its deadline or memory limit);
// a query is then run over the grammar's snippet and every capture must lie
// in the tree. Seeds: each grammar's highlights query, and
// testdata/fuzz/FuzzQuery (the issue's `((pair)?)+` and the 27-byte query
// that killed a fuzz process).
func FuzzQuery(f *testing.F) {
	for _, s := range fuzzSpecs(f) {
		if slowHighlights[s.name] && os.Getenv("TSWASM_LONG") != "1" {
			continue
		}
		if hl := fuzzShared.specs[fuzzLangIndex(f, s.name)].Queries["highlights"]; hl != "" {
			f.Add(hl, fuzzLangIndex(f, s.name))
		}
	}
	f.Add(`(pair key: (string) @k value: (_) @v (#eq? @k "\"a\""))`, fuzzLangIndex(f, "json"))
	f.Fuzz(func(t *testing.T, src string, lang uint8) {
		if len(src) > fuzzMaxInput {
			return
		}
		spec, l := fuzzLanguage(t, lang)
		what := "query " + spec.Name
		withDeadline(what, []byte(src), func(ctx context.Context) {
			q, err := tswasm.NewQuery(ctx, l, src)
			var qe *tswasm.QueryError
			switch {
			case err == nil:
			case errors.As(err, &qe):
				return
			case isStop(err):
				knownIssue(t, what+": compile stopped by deadline", []byte(src), err)
				return
			default:
				var te *tswasm.TrapError
				if errors.As(err, &te) {
					knownIssue(t, what+": compile trapped", []byte(src), err)
					return
				}
				t.Fatalf("%s: untyped error %T: %v", what, err, err)
			}
			defer q.Close()
			runQuery(ctx, t, what, q, l, snippet(fuzzSpecDir(spec.Name)), []byte(src))
		})
	})
}

// slowHighlights are the grammars whose highlights query takes over a
// second to compile (haskell 11 s, cpp 2.9 s, c_sharp 1.6 s, scala 1.5 s on
// a loaded 2-core machine; 5-6x that with close-on-done): their seeds run
// only with TSWASM_LONG=1.
var slowHighlights = map[string]bool{"haskell": true, "cpp": true, "c_sharp": true, "scala": true}

// runQuery matches q over src parsed with l and checks each capture.
func runQuery(ctx context.Context, t *testing.T, what string, q *tswasm.Query, l *tswasm.Language, src, input []byte) {
	p, err := fuzzEngine(t).NewParser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.SetLanguage(ctx, l); err != nil {
		t.Fatal(err)
	}
	tree, err := p.Parse(ctx, src, nil)
	if err != nil {
		t.Fatalf("%s: parsing the snippet: %v", what, err)
	}
	defer tree.Close()
	qc := tswasm.NewQueryCursor()
	defer qc.Close()
	qc.SetMatchLimit(1000)
	root := tree.RootNode()
	var qerr error
	for r, err := range qc.Captures(ctx, q, root, src) {
		if err != nil {
			qerr = err
			break
		}
		c := r.Capture()
		if c.Node.StartByte() < root.StartByte() || c.Node.EndByte() > root.EndByte() {
			t.Fatalf("%s: capture %d [%d,%d] outside the root", what, c.Index, c.Node.StartByte(), c.Node.EndByte())
		}
		if int(c.Index) >= int(q.CaptureCount()) {
			t.Fatalf("%s: capture index %d of %d", what, c.Index, q.CaptureCount())
		}
	}
	if err := qerr; err != nil {
		if isStop(err) {
			knownIssue(t, what+": matching stopped by deadline", input, err)
			return
		}
		var te *tswasm.TrapError
		if errors.As(err, &te) {
			knownIssue(t, what+": matching trapped", input, err)
			return
		}
		t.Fatalf("%s: matching: %v", what, err)
	}
}

// fuzzSpecDir maps a grammar name to its package directory.
func fuzzSpecDir(name string) string {
	switch name {
	case "go":
		return "golang"
	case "c_sharp":
		return "csharp"
	}
	return name
}
