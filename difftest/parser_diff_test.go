package difftest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/stretchr/testify/require"
)

// The differential tests parse real code that no one here wrote with the
// native smacker runtime and with tswasm running the same grammar sources
// compiled to wasm (testdata/grammars/smacker-*.wasm), and require
// byte-identical S-expressions and equal HasError.

type diffCorpus struct {
	name    string // grammar
	wasm    string // testdata/grammars file
	native  *sitter.Language
	files   func(t *testing.T) []string
	maxSize int64
}

func diffCorpora() []diffCorpus {
	return []diffCorpus{
		{"go", "smacker-go.wasm", golang.GetLanguage(), goCorpus, 1 << 30},
		{"javascript", "smacker-javascript.wasm", javascript.GetLanguage(), jsCorpus, 512 << 10},
		{"python", "smacker-python.wasm", python.GetLanguage(), pythonCorpus, 512 << 10},
	}
}

// corpusSize is how many files of a corpus the differential test compares:
// all of them (up to full) with TSWASM_LONG=1, else a fixed sample of short.
func corpusSize(full, short int) int {
	if longTests() {
		return full
	}
	return short
}

// goCorpus: every .go file under GOROOT/src/net/http and GOROOT/src/go
// (TSWASM_LONG=1), else a fixed sample of 120 of them.
func goCorpus(t *testing.T) []string {
	var files []string
	for _, dir := range []string{"net/http", "go"} {
		files = append(files, walkExt(t, filepath.Join(runtime.GOROOT(), "src", dir), ".go")...)
	}
	return sample(files, corpusSize(len(files), 120))
}

// pythonCorpus: a fixed sample of the machine's Python standard library
// (300 files with TSWASM_LONG=1, else 100).
func pythonCorpus(t *testing.T) []string {
	out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
	if err != nil {
		skipOrFail(t, "python3 not found: no Python standard library to parse")
	}
	return sample(walkExt(t, strings.TrimSpace(string(out)), ".py"), corpusSize(300, 100))
}

// jsCorpus: a fixed sample of the JavaScript files of the machine's npm
// (300 files with TSWASM_LONG=1, else 100).
func jsCorpus(t *testing.T) []string {
	out, err := exec.Command("npm", "root", "-g").Output()
	if err != nil {
		skipOrFail(t, "npm not found: no JavaScript files to parse")
	}
	return sample(walkExt(t, filepath.Join(strings.TrimSpace(string(out)), "npm"), ".js"), corpusSize(300, 100))
}

func walkExt(t *testing.T, root, ext string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ext) && d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		skipOrFail(t, fmt.Sprintf("no %s files under %s", ext, root))
	}
	sort.Strings(files)
	return files
}

// sample takes n files spread evenly over the sorted list.
func sample(files []string, n int) []string {
	if len(files) <= n {
		return files
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, files[i*len(files)/n])
	}
	return out
}

func TestDifferentialAgainstSmacker(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	for _, c := range diffCorpora() {
		t.Run(c.name, func(t *testing.T) {
			lang := loadTestGrammar(t, e, c.wasm)
			require.Equal(t, c.name, lang.Name())
			p := newTestParser(t, e, lang)
			native := sitter.NewParser()
			defer native.Close()
			native.SetLanguage(c.native)

			files := c.files(t)
			var compared, withErrors int
			var bytes int64
			for _, f := range files {
				src, err := os.ReadFile(f)
				require.NoError(t, err)
				if int64(len(src)) > c.maxSize {
					continue
				}
				nt, err := native.ParseCtx(ctx, nil, src)
				require.NoError(t, err, f)
				want := nt.RootNode().String()
				wantErr := nt.RootNode().HasError()
				nt.Close()

				tree, err := p.Parse(ctx, src, nil)
				require.NoError(t, err, f)
				root := tree.RootNode()
				got, gotErr := root.String(), root.HasError()
				require.NoError(t, tree.Close())

				if got != want {
					i := firstDiff(got, want)
					t.Fatalf("%s: S-expressions differ at byte %d:\n tswasm: …%s…\n native: …%s…", f, i, excerpt(got, i), excerpt(want, i))
				}
				if gotErr != wantErr {
					t.Fatalf("%s: HasError tswasm=%v native=%v", f, gotErr, wantErr)
				}
				compared++
				bytes += int64(len(src))
				if gotErr {
					withErrors++
				}
			}
			require.Positive(t, compared)
			t.Logf("%s: %d files, %d bytes identical (%d with errors)", c.name, compared, bytes, withErrors)
		})
	}
}

func firstDiff(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-80), min(len(s), i+80)
	return s[lo:hi]
}
