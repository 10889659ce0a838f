// Unit tests of pattern matching and the binary check.
package tsbeam

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGlobRegexp(t *testing.T) {
	for _, tc := range []struct {
		pattern, base string
		match, miss   []string
	}{
		{"/src/**", "/src", []string{"/src/a.go", "/src/x/y/b.py"}, []string{"/srcx/a.go", "/other/a.go"}},
		{"/src/**/*.go", "/src", []string{"/src/a.go", "/src/x/y/b.go"}, []string{"/src/x/b.py"}},
		{"rel/**/t?.c", "rel", []string{"rel/t1.c", "rel/a/t2.c"}, []string{"rel/t12.c", "rel/a/t1.h"}},
	} {
		base, re, err := globRegexp(tc.pattern)
		require.NoError(t, err)
		assert.Equal(t, filepath.FromSlash(tc.base), filepath.Clean(base), tc.pattern)
		for _, m := range tc.match {
			assert.True(t, re.MatchString(m), "%s should match %s", tc.pattern, m)
		}
		for _, m := range tc.miss {
			assert.False(t, re.MatchString(m), "%s should not match %s", tc.pattern, m)
		}
	}
}

// TestMatchLocal walks a directory as `tswasm parse` does: .git and links to
// directories are skipped, only files with a language (or no extension) are
// kept, and a glob keeps whatever it names.
func TestMatchLocal(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.go", "sub/b.py", "sub/README.md", "sub/data.bin", ".git/c.go", "script"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644))
	}
	require.NoError(t, os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link")))
	match := func(o Options, pattern string) []string {
		var got []string
		f := &matchFn{Opts: o}
		require.NoError(t, f.matchLocal(pattern, func(fl File) {
			rel, err := filepath.Rel(dir, fl.Path)
			require.NoError(t, err)
			got = append(got, filepath.ToSlash(rel)+":"+fl.Language)
		}))
		slices.Sort(got)
		return got
	}
	assert.Equal(t, []string{"a.go:", "script:", "sub/b.py:"}, match(Options{}, dir))
	assert.Equal(t, []string{"a.go:", "script:", "sub/b.py:"}, match(Options{}, dir+"/**"))
	assert.Equal(t, []string{"sub/b.py:"}, match(Options{}, dir+"/**/*.py"))
	assert.Equal(t, []string{"a.go:", "script:"}, match(Options{Lang: "go"}, dir))
	assert.Equal(t, []string{"sub/README.md:", "sub/b.py:", "sub/data.bin:"}, match(Options{}, dir+"/sub/*"))
	assert.Equal(t, []string{"sub/README.md:go", "sub/b.py:go", "sub/data.bin:go"}, match(Options{Lang: "go"}, dir+"/sub/*"))
	assert.Equal(t, []string{"nope.go:"}, match(Options{}, filepath.Join(dir, "nope.go")))
}

func TestIsBinary(t *testing.T) {
	assert.True(t, isBinary([]byte("ab\x00c"), true))
	assert.False(t, isBinary([]byte("héllo, wörld"), true))
	assert.True(t, isBinary([]byte("\xff\xfe\xfd abc"), true))
	// A character cut at the end of an incomplete head does not count.
	assert.False(t, isBinary([]byte("abcdefghij\xe2\x82"), false))
}

func TestHiddenMissing(t *testing.T) {
	assert.Equal(t, 0, hiddenMissing(`(source_file (package_clause (package_identifier)))`))
	assert.Equal(t, 1, hiddenMissing(`(block (expression_statement (identifier)) (MISSING ";"))`))
	assert.Equal(t, 1, hiddenMissing(`(a f: (b (MISSING x)) (MISSING ")"))`))
	assert.Equal(t, 0, hiddenMissing(`(a (b "(MISSING y)"))`))
}
