// Query, Tags and memory-limit pipelines on prism.
package tsbeam

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goSample = `package p

// F calls G.
func F() { G() }

func G() {}

type T struct{}

func (T) M() {}
`

const pySample = `class C:
    def m(self):
        pass

def f():
    return C()
`

// sampleDir writes a Go, a Python and a JSON file.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{"a.go": goSample, "b.py": pySample, "c.json": "{}\n"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

// TestPipelineQuery runs a Go query over Go, Python and JSON files: the
// captures come from the Go file, and the others, for which the query does
// not compile, are dead-lettered.
func TestPipelineQuery(t *testing.T) {
	dir := sampleDir(t)
	out := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	srcs, readDead := ReadSources(s, MatchFiles(s, []string{dir}, Options{}), Options{})
	caps, dead := Query(s, srcs, "(function_declaration name: (identifier) @fn)", Options{})
	WriteJSONL(s.Scope("caps"), filepath.Join(out, "caps"), 2, caps)
	WriteJSONL(s.Scope("dead"), filepath.Join(out, "dead"), 1, beam.Flatten(s, readDead, dead))
	require.NoError(t, ptest.Run(p))

	var got []string
	for _, c := range readJSONL[Capture](t, filepath.Join(out, "caps")) {
		assert.Equal(t, "go", c.Language)
		assert.Equal(t, c.Text, goSample[c.StartByte:c.EndByte])
		got = append(got, fmt.Sprintf("@%s %s %d:%d", c.Capture, c.Text, c.StartRow, c.StartColumn))
	}
	slices.Sort(got)
	assert.Equal(t, []string{"@fn F 3:5", "@fn G 5:5"}, got)
	var deadFiles []string
	for _, d := range readJSONL[Failure](t, filepath.Join(out, "dead")) {
		assert.Equal(t, KindQuery, d.Kind, d.Error)
		deadFiles = append(deadFiles, filepath.Base(d.Path))
	}
	slices.Sort(deadFiles)
	assert.Equal(t, []string{"b.py", "c.json"}, deadFiles)
}

// TestPipelineTags runs the bundled tags.scm queries: definitions of Go and
// Python, and a dead letter for JSON, which has no tags query.
func TestPipelineTags(t *testing.T) {
	dir := sampleDir(t)
	out := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	srcs, _ := ReadSources(s, MatchFiles(s, []string{dir}, Options{}), Options{})
	tags, dead := Tags(s, srcs, Options{})
	WriteJSONL(s.Scope("tags"), filepath.Join(out, "tags"), 2, tags)
	WriteJSONL(s.Scope("dead"), filepath.Join(out, "dead"), 1, dead)
	require.NoError(t, ptest.Run(p))

	var got []string
	for _, tg := range readJSONL[Tag](t, filepath.Join(out, "tags")) {
		require.True(t, tg.IsDefinition)
		got = append(got, fmt.Sprintf("%s %s %s %d", tg.Language, tg.Kind, tg.Name, tg.Row))
	}
	slices.Sort(got)
	assert.Equal(t, []string{
		"go function F 3", "go function G 5", "go method M 9", "go type T 7",
		"python class C 0", "python function f 4", "python function m 1",
	}, got)
	d := readJSONL[Failure](t, filepath.Join(out, "dead"))
	require.Len(t, d, 1)
	assert.Equal(t, "c.json", filepath.Base(d[0].Path))
	assert.Contains(t, d[0].Error, "no tags query")
}

// TestPipelineMemoryLimit caps the stores at 16 MiB: a file whose tree does
// not fit is dead-lettered as memory_limit, and the small files, parsed by
// the same workers before and after, all succeed.
func TestPipelineMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("package p\n")
	for b.Len() < 6<<20 {
		b.WriteString("var x = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}\n")
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "big.go"), []byte(b.String()), 0o644))
	for i := range 20 {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%02d.go", i)), []byte(goSample), 0o644))
	}
	out := runParsePipeline(t, []string{dir}, Options{MemoryLimit: 16 << 20})
	requireNothingLost(t, out)
	require.Len(t, out.dead, 1)
	assert.Equal(t, "big.go", filepath.Base(out.dead[0].Path))
	assert.Equal(t, KindMemoryLimit, out.dead[0].Kind, out.dead[0].Error)
	require.Len(t, out.results, 20)
	for _, r := range out.results {
		assert.False(t, r.HasError, r.Path)
	}
	require.Len(t, out.stats, 1)
	assert.Equal(t, int64(20), out.stats[0].Files)
	assert.Equal(t, int64(20*len(goSample)), out.stats[0].Bytes)
}
