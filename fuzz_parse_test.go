// FuzzParse: random and mutated source for every bundled grammar keeps the tree's invariants.
package tswasm_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse parses data with the bundled grammar picked by lang and checks
// the tree's invariants (see checkTree). The seeds are each grammar's
// snippet (languages/<lang>/testdata) and testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSpecs(f) {
		snips, _ := filepath.Glob(filepath.Join("languages", s.dir, "testdata", "snippet.*"))
		for _, p := range snips {
			if filepath.Ext(p) == ".sexp" {
				continue
			}
			b, err := os.ReadFile(p)
			if err == nil {
				f.Add(b, fuzzLangIndex(f, s.name))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		if len(data) > fuzzMaxInput {
			return
		}
		spec, l := fuzzLanguage(t, lang)
		p, err := fuzzEngine(t).NewParser(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		withDeadline("parse "+spec.Name, data, func(ctx context.Context) {
			if err := p.SetLanguage(ctx, l); err != nil {
				t.Fatal(err)
			}
			tree, err := p.Parse(ctx, data, nil)
			if isStop(err) {
				noteSlow("parse "+spec.Name, data, err)
				return
			}
			if err != nil {
				t.Fatalf("parse %s: %v", spec.Name, err)
			}
			defer tree.Close()
			checkTree(t, tree, data)
		})
	})
}

// fuzzSpec names a bundled grammar and its package directory.
type fuzzSpec struct{ name, dir string }

// fuzzSpecs lists the bundled grammars with the directory holding their
// testdata and queries.
func fuzzSpecs(t testing.TB) []fuzzSpec {
	fuzzEngine(t)
	var out []fuzzSpec
	for _, s := range fuzzShared.specs {
		dir := s.Name
		switch s.Name {
		case "go":
			dir = "golang"
		case "c_sharp":
			dir = "csharp"
		}
		if _, err := os.Stat(filepath.Join("languages", dir)); err != nil {
			t.Fatalf("no directory for bundled grammar %s", s.Name)
		}
		out = append(out, fuzzSpec{s.Name, dir})
	}
	return out
}
