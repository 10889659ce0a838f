package all_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all"
	"github.com/tswasm/tswasm/languages/internal/langtest"
)

var update = flag.Bool("update", false, "rewrite each language's testdata/snippet.sexp")

// entry is the part of a grammars/manifest.json entry this test checks.
type entry struct {
	Name       string   `json:"name"`
	Grammar    string   `json:"grammar"`
	GoPackage  string   `json:"goPackage"`
	Package    string   `json:"package"`
	Version    string   `json:"version"`
	Origin     string   `json:"origin"`
	License    string   `json:"license"`
	ABI        uint32   `json:"abi"`
	Snippet    string   `json:"snippet"`
	Extensions []string `json:"extensions"`
	Wasm       struct {
		Size   int    `json:"size"`
		SHA256 string `json:"sha256"`
	} `json:"wasm"`
	Queries map[string][]json.RawMessage `json:"queries"`
}

func readManifest(t *testing.T) []entry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "grammars", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Grammars []entry }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Grammars
}

// TestAllInOneEngine loads every bundled grammar into one engine, checks its
// Spec against the manifest, parses its snippet against the golden tree and
// compiles its queries.
func TestAllInOneEngine(t *testing.T) {
	ctx := context.Background()
	e, err := tswasm.NewEngine(ctx, tswasm.WithPoolSize(1))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	entries := readManifest(t)
	var names []string
	total := 0
	for _, g := range entries {
		names = append(names, g.Name)
		total += g.Wasm.Size
		t.Run(g.Name, func(t *testing.T) {
			s, ok := languages.Lookup(g.Name)
			if !ok {
				t.Fatalf("%s is not registered", g.Name)
			}
			if s.Name != g.Name || s.Grammar != g.Grammar || s.Package != g.Package || s.Version != g.Version ||
				s.Origin != g.Origin || s.License != g.License || s.ABI != g.ABI || s.SHA256 != g.Wasm.SHA256 ||
				len(s.Wasm) != g.Wasm.Size || !slices.Equal(s.Extensions, g.Extensions) {
				t.Errorf("spec %+v does not match the manifest entry %+v", *s, g)
			}
			for k := range g.Queries {
				if s.Queries[k] == "" {
					t.Errorf("spec lacks the %s query", k)
				}
			}
			if len(s.Queries) != len(g.Queries) {
				t.Errorf("spec has %d queries, manifest %d", len(s.Queries), len(g.Queries))
			}
			dir := filepath.Join("..", g.GoPackage)
			langtest.CheckSnippet(t, e, s, dir, g.Snippet, *update)
			if len(s.Extensions) > 0 {
				head, _ := os.ReadFile(filepath.Join(dir, g.Snippet))
				if got, ok := languages.Detect(path.Base(g.Snippet), head); !ok || got != s {
					t.Errorf("Detect(%s) = %v", g.Snippet, got)
				}
			}
		})
	}
	if got := e.Stats().Grammars; got != len(entries) {
		t.Errorf("engine compiled %d grammars, want %d", got, len(entries))
	}
	var registered []string
	for _, s := range languages.All() {
		registered = append(registered, s.Name)
	}
	if !slices.Equal(registered, names) {
		t.Errorf("registered %v, manifest lists %v", registered, names)
	}
	t.Logf("%d grammars, %d bytes of wasm", len(entries), total)
}
