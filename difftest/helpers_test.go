// Test helpers for the differential tests: copies of the root package's
// small helpers, written against tswasm's public API.
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

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm"
)

// requireToolchain reports whether CI demands that nothing skips.
func requireToolchain() bool { return os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" }

// longTests reports whether the long sweeps run in full (TSWASM_LONG=1, set
// by CI); otherwise the tests compare a fixed sample of each corpus.
func longTests() bool { return os.Getenv("TSWASM_LONG") == "1" }

// skipOrFail skips the test with msg, or fails it when CI requires every
// test to run.
func skipOrFail(t testing.TB, msg string) {
	t.Helper()
	if requireToolchain() {
		t.Fatalf("%s (TSWASM_REQUIRE_TOOLCHAIN=1: nothing may skip)", msg)
	}
	t.Skip(msg)
}

// newTestEngine returns an engine closed at the end of the test.
func newTestEngine(t testing.TB, opts ...tswasm.Option) *tswasm.Engine {
	t.Helper()
	e, err := tswasm.NewEngine(context.Background(), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = e.Close() })
	return e
}

// loadTestGrammar loads the root module's testdata/grammars/<file>.
func loadTestGrammar(t testing.TB, e *tswasm.Engine, file string) *tswasm.Language {
	t.Helper()
	l, err := e.LoadLanguageFile(context.Background(), filepath.Join("..", "testdata", "grammars", file), "")
	require.NoError(t, err, file)
	return l
}

// newTestParser returns a parser for lang, closed at the end of the test.
func newTestParser(t testing.TB, e *tswasm.Engine, lang *tswasm.Language) *tswasm.Parser {
	t.Helper()
	p, err := e.NewParser(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = p.Close() })
	require.NoError(t, p.SetLanguage(context.Background(), lang))
	return p
}

// newTestCursor returns a query cursor closed at the end of the test.
func newTestCursor(t *testing.T) *tswasm.QueryCursor {
	t.Helper()
	qc := tswasm.NewQueryCursor()
	t.Cleanup(func() { _ = qc.Close() })
	return qc
}

// sampleFiles returns up to n regular files under dir with extension ext and
// at most maxSize bytes, spread evenly over the sorted list.
func sampleFiles(t testing.TB, dir, ext string, n int, maxSize int64) []string {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ext) || !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() > 0 && info.Size() <= maxSize {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) <= n {
		return files
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, files[i*len(files)/n])
	}
	return out
}

// commandDir runs a command that prints a directory and returns it, or skips.
func commandDir(t testing.TB, what string, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	d := strings.TrimSpace(string(out))
	if st, serr := os.Stat(d); err != nil || serr != nil || !st.IsDir() {
		skipOrFail(t, fmt.Sprintf("no %s found (%s %v failed)", what, name, args))
	}
	return d
}

// goFiles returns up to n .go files under GOROOT/src/dir, in a fixed order.
func goFiles(t testing.TB, dir string, n int) []string {
	t.Helper()
	root := filepath.Join(runtime.GOROOT(), "src", dir)
	var out []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && (n <= 0 || len(out) < n) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		skipOrFail(t, fmt.Sprintf("no Go sources under %s: %v", root, err))
	}
	return out
}
