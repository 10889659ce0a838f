package grammars

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tswasm/tswasm/grammars/internal/manifest"
)

const root = ".." // the repository root, from this package's directory

func readManifest(t *testing.T) *manifest.Manifest {
	t.Helper()
	m, err := manifest.Read("manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Grammars) == 0 {
		t.Fatal("manifest lists no grammars")
	}
	return m
}

func fileSum(t *testing.T, p string) (string, int64) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Error(err)
		return "", 0
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]), int64(len(b))
}

// TestManifestFiles checks every file the manifest lists against its sha256
// (and size, for wasm), and that the computed fields are filled in.
func TestManifestFiles(t *testing.T) {
	m := readManifest(t)
	var total int64
	for _, g := range m.Grammars {
		t.Run(g.Name, func(t *testing.T) {
			if g.ABI < 13 || g.ABI > 15 {
				t.Errorf("ABI %d outside 13..15", g.ABI)
			}
			if g.License == "" || len(g.LicenseFiles) == 0 {
				t.Error("no license recorded")
			}
			if g.Wasm.Path == "" || g.Wasm.SHA256 == "" {
				t.Fatal("no wasm recorded: run grammars/update.sh")
			}
			if (g.Origin == manifest.OriginBuilt) != (g.Build != nil) {
				t.Errorf("origin %s with build recipe %v", g.Origin, g.Build != nil)
			}
			if len(g.Queries["highlights"]) == 0 {
				t.Error("no highlights query")
			}
			for _, f := range g.Files() {
				p := filepath.Join(root, g.Dir(), filepath.FromSlash(f.Path))
				sum, size := fileSum(t, p)
				if sum != f.SHA256 {
					t.Errorf("%s: sha256 %s, manifest says %s", p, sum, f.SHA256)
				}
				if f.Size >= 0 && size != f.Size {
					t.Errorf("%s: %d bytes, manifest says %d", p, size, f.Size)
				}
			}
			for _, p := range append([]string{g.Snippet}, manifest.SpecFile, manifest.SpecTestFile) {
				if _, err := os.Stat(filepath.Join(root, g.Dir(), p)); err != nil {
					t.Error(err)
				}
			}
			inherited := map[string]bool{}
			for _, parts := range g.Queries {
				for _, p := range parts {
					if p.Package != g.Package || p.Version != g.Version {
						inherited[p.Package+"@"+p.Version] = true
					}
				}
			}
			for _, i := range g.Inherits {
				if !inherited[i] {
					t.Errorf("inherits %s but no query comes from it", i)
				}
				delete(inherited, i)
			}
			if len(inherited) > 0 {
				t.Errorf("queries come from %v, not listed in inherits", inherited)
			}
		})
		total += g.Wasm.Size
	}
	t.Logf("%d grammars, %d bytes of wasm", len(m.Grammars), total)
}

// TestNoStrayFiles checks that every wasm, query and license file under
// languages/ is listed in the manifest, so that nothing unrecorded ships.
func TestNoStrayFiles(t *testing.T) {
	m := readManifest(t)
	listed := map[string]bool{}
	for _, g := range m.Grammars {
		for _, f := range g.Files() {
			listed[filepath.ToSlash(filepath.Join(g.Dir(), f.Path))] = true
		}
	}
	err := filepath.WalkDir(filepath.Join(root, "languages"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.Contains(rel, "/testdata/") {
			return nil
		}
		if ext := filepath.Ext(rel); ext == ".wasm" || ext == ".scm" || filepath.Base(rel) == "LICENSE" {
			if !listed[rel] {
				t.Errorf("%s is not in grammars/manifest.json", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGeneratedUpToDate checks that the committed generated Go files are
// what the generator makes from the manifest now.
func TestGeneratedUpToDate(t *testing.T) {
	m := readManifest(t)
	files, err := manifest.Generate(m)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range files {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%v (run grammars/update.sh -gen)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run grammars/update.sh -gen", p)
		}
	}
	// No generated file without a manifest entry.
	gen, _ := filepath.Glob(filepath.Join(root, "languages", "*", manifest.SpecFile))
	for _, p := range gen {
		rel, _ := filepath.Rel(root, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s has no manifest entry", rel)
		}
	}
}

// TestManifestRoundTrip checks that the manifest is in its canonical form,
// so that update.sh rewrites it without noise.
func TestManifestRoundTrip(t *testing.T) {
	m := readManifest(t)
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile("manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, orig) {
		t.Error("manifest.json is not in canonical form: run grammars/update.sh")
	}
	// Required grammars of the task.
	var names []string
	for _, g := range m.Grammars {
		names = append(names, g.Name)
	}
	for _, n := range []string{"go", "javascript", "typescript", "tsx", "python", "rust", "c", "cpp", "java", "json",
		"bash", "ruby", "html", "css", "c_sharp", "php"} {
		if !slices.Contains(names, n) {
			t.Errorf("grammar %s is missing", n)
		}
	}
}
