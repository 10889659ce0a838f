package manifest

import (
	"strings"
	"testing"
)

func grammar(name string) *Grammar {
	return &Grammar{Name: name, Grammar: name, Title: "T", GoPackage: name, Package: "tree-sitter-" + name,
		Version: "1.0.0", Origin: OriginShipped, Snippet: "testdata/snippet.x"}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		what string
		gs   []*Grammar
		ok   bool
	}{
		{"good", []*Grammar{grammar("a"), grammar("b")}, true},
		{"unsorted", []*Grammar{grammar("b"), grammar("a")}, false},
		{"duplicate", []*Grammar{grammar("a"), grammar("a")}, false},
		{"bad name", []*Grammar{func() *Grammar { g := grammar("a"); g.Name = "A-1"; return g }()}, false},
		{"bad grammar", []*Grammar{func() *Grammar { g := grammar("a"); g.Grammar = "a-b"; return g }()}, false},
		{"bad package", []*Grammar{func() *Grammar { g := grammar("a"); g.GoPackage = "a_b"; return g }()}, false},
		{"bad origin", []*Grammar{func() *Grammar { g := grammar("a"); g.Origin = "stolen"; return g }()}, false},
		{"no version", []*Grammar{func() *Grammar { g := grammar("a"); g.Version = ""; return g }()}, false},
		{"built without recipe", []*Grammar{func() *Grammar {
			g := grammar("a")
			g.Origin = OriginBuilt
			g.Wasm.SHA256 = strings.Repeat("0", 64)
			return g
		}()}, false},
	} {
		err := (&Manifest{Grammars: tc.gs}).Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v", tc.what, err)
		}
	}
}

func TestGenerate(t *testing.T) {
	g := grammar("ts")
	g.Wasm = File{Path: "tree-sitter-ts.wasm", SHA256: strings.Repeat("a", 64)}
	g.ABI = 14
	g.Extensions = []string{".ts"}
	g.Queries = map[string][]Part{
		"highlights": {{Path: "queries/highlights.scm"}, {Path: "inherited/tree-sitter-javascript/queries/highlights.scm"}},
		"tags":       {{Path: "queries/tags.scm"}},
	}
	g.Inherits = []string{"tree-sitter-javascript@0.23.1"}
	files, err := Generate(&Manifest{Grammars: []*Grammar{g}})
	if err != nil {
		t.Fatal(err)
	}
	spec := string(files["languages/ts/spec_gen.go"])
	for _, want := range []string{
		Header,
		"package ts\n",
		"//go:embed tree-sitter-ts.wasm\nvar wasm []byte",
		"//go:embed inherited/tree-sitter-javascript/queries/highlights.scm\nvar highlights1 string",
		`"highlights": highlights0 + "\n" + highlights1,`,
		`"tags":       tags0,`,
		`Extensions: []string{".ts"},`,
		`Filenames:  nil,`,
		"ABI:        14,",
		"tree-sitter-javascript@0.23.1",
		"func Language(ctx context.Context, e *tswasm.Engine) (*tswasm.Language, error)",
	} {
		if !strings.Contains(spec, want) {
			t.Errorf("spec_gen.go lacks %q:\n%s", want, spec)
		}
	}
	if !strings.Contains(string(files["languages/ts/spec_gen_test.go"]), `langtest.CheckSnippet(t, nil, ts.Spec, ".", "testdata/snippet.x", *update)`) {
		t.Error("spec_gen_test.go does not check the snippet")
	}
	if !strings.Contains(string(files[AllFile]), `_ "github.com/tswasm/tswasm/languages/ts"`) {
		t.Error("all_gen.go does not import the package")
	}
}
