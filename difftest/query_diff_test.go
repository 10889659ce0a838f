package difftest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm"
)

// The query differential test runs the grammars' own query files with the
// native smacker runtime and with tswasm on the same grammar sources
// (testdata/grammars/smacker-*.wasm), over real code no one here wrote,
// and requires the same matches and the same capture stream: capture
// names, node byte ranges and order.
//
// smacker's own predicate filter (FilterPredicates) handles only part of
// #eq?/#match?, so the native side is filtered here by qdiffFilter, a
// separate implementation of the standard predicates.

type qdiffCorpus struct {
	name    string
	wasm    string
	native  *sitter.Language
	queries []string // testdata/queries files
	files   func(t *testing.T) []string
}

// Work caps keep the test well under a minute on two cores; TSWASM_LONG=1
// compares about three times as much.
const qdiffMaxFileSize = 128 << 10

// qdiffFilesPerLang is how many files of each corpus are sampled.
func qdiffFilesPerLang() int {
	if longTests() {
		return 240
	}
	return 80
}

// qdiffBytesPerLang stops sampling once this much source is compared.
func qdiffBytesPerLang() int {
	if longTests() {
		return 2 << 20
	}
	return 640 << 10
}

func qdiffCorpora() []qdiffCorpus {
	return []qdiffCorpus{
		{"go", "smacker-go.wasm", golang.GetLanguage(), []string{"go-highlights.scm", "go-tags.scm"}, func(t *testing.T) []string {
			return qdiffSample(qdiffWalk(t, filepath.Join(runtime.GOROOT(), "src", "net", "http"), ".go"))
		}},
		{"javascript", "smacker-javascript.wasm", javascript.GetLanguage(),
			[]string{"javascript-highlights.scm", "javascript-tags.scm", "javascript-locals.scm"}, func(t *testing.T) []string {
				out, err := exec.Command("npm", "root", "-g").Output()
				if err != nil {
					skipOrFail(t, "npm not found: no JavaScript files to query")
				}
				return qdiffSample(qdiffWalk(t, filepath.Join(strings.TrimSpace(string(out)), "npm"), ".js"))
			}},
		{"python", "smacker-python.wasm", python.GetLanguage(), []string{"python-highlights.scm", "python-tags.scm"}, func(t *testing.T) []string {
			out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
			if err != nil {
				skipOrFail(t, "python3 not found: no Python standard library to query")
			}
			return qdiffSample(qdiffWalk(t, strings.TrimSpace(string(out)), ".py"))
		}},
	}
}

func qdiffWalk(t *testing.T, root, ext string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ext) || !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() <= qdiffMaxFileSize && info.Size() > 0 {
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

// qdiffSample takes files spread evenly over the sorted list, so the
// sample is the same on every run.
func qdiffSample(files []string) []string {
	n := qdiffFilesPerLang()
	if len(files) <= n {
		return files
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, files[i*len(files)/n])
	}
	return out
}

// qdiffQuerySource reads a query file. smacker's NewQuery rejects the
// one-argument form "(#is-not? local)", which filters nothing in either
// runtime (property predicates are left to the application), so it is
// dropped from the source given to both.
func qdiffQuerySource(t *testing.T, file string) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "queries", file))
	require.NoError(t, err)
	return regexp.MustCompile(`\(#is-not\? local\)`).ReplaceAllString(string(b), "")
}

// qdiffPredicate is one parsed predicate for the native side.
type qdiffPredicate struct {
	op     string
	args   []sitter.QueryPredicateStep
	regexp *regexp.Regexp
}

// qdiffPredicates parses the native query's predicates per pattern.
func qdiffPredicates(t *testing.T, q *sitter.Query) [][]qdiffPredicate {
	out := make([][]qdiffPredicate, q.PatternCount())
	for i := range out {
		for _, steps := range q.PredicatesForPattern(uint32(i)) {
			var args []sitter.QueryPredicateStep
			for _, s := range steps[1:] {
				if s.Type != sitter.QueryPredicateStepTypeDone {
					args = append(args, s)
				}
			}
			p := qdiffPredicate{op: q.StringValueForId(steps[0].ValueId), args: args}
			if strings.HasSuffix(p.op, "match?") {
				p.regexp = regexp.MustCompile(q.StringValueForId(args[1].ValueId))
			}
			out[i] = append(out[i], p)
		}
	}
	return out
}

// qdiffFilter reports whether a native match passes its pattern's
// predicates: #eq?, #not-eq?, #match?, #not-match? must hold for every node
// of the capture (and #eq? @a @b pairwise), #any-of?/#not-any-of? for every
// node; other predicates do not filter.
func qdiffFilter(q *sitter.Query, preds [][]qdiffPredicate, m *sitter.QueryMatch, src []byte) bool {
	nodes := func(id uint32) []string {
		var out []string
		for _, c := range m.Captures {
			if c.Index == id {
				out = append(out, c.Node.Content(src))
			}
		}
		return out
	}
	for _, p := range preds[m.PatternIndex] {
		switch p.op {
		case "eq?", "not-eq?":
			want := p.op == "eq?"
			left := nodes(p.args[0].ValueId)
			if p.args[1].Type == sitter.QueryPredicateStepTypeCapture {
				right := nodes(p.args[1].ValueId)
				if len(left) != len(right) {
					return false
				}
				for k := range left {
					if (left[k] == right[k]) != want {
						return false
					}
				}
				continue
			}
			s := q.StringValueForId(p.args[1].ValueId)
			for _, text := range left {
				if (text == s) != want {
					return false
				}
			}
		case "match?", "not-match?":
			want := p.op == "match?"
			for _, text := range nodes(p.args[0].ValueId) {
				if p.regexp.MatchString(text) != want {
					return false
				}
			}
		case "any-of?", "not-any-of?":
			want := p.op == "any-of?"
			for _, text := range nodes(p.args[0].ValueId) {
				in := false
				for _, a := range p.args[1:] {
					in = in || text == q.StringValueForId(a.ValueId)
				}
				if in != want {
					return false
				}
			}
		}
	}
	return true
}

// nativeCaptures runs q with smacker and renders the capture stream; a
// match that fails its predicates loses its later captures too, as
// ts_query_cursor_remove_match does on the tswasm side.
func nativeCaptures(q *sitter.Query, preds [][]qdiffPredicate, root *sitter.Node, src []byte) []string {
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(q, root)
	removed := map[uint32]bool{}
	var out []string
	for {
		m, idx, ok := qc.NextCapture()
		if !ok {
			return out
		}
		if removed[m.ID] {
			continue
		}
		if !qdiffFilter(q, preds, m, src) {
			removed[m.ID] = true
			continue
		}
		c := m.Captures[idx]
		out = append(out, fmt.Sprintf("%s %d-%d", q.CaptureNameForId(c.Index), c.Node.StartByte(), c.Node.EndByte()))
	}
}

// nativeMatches runs q with smacker and renders the matches that pass
// their predicates; dropped counts the others.
func nativeMatches(q *sitter.Query, preds [][]qdiffPredicate, root *sitter.Node, src []byte) (out []string, dropped int) {
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(q, root)
	for {
		m, ok := qc.NextMatch()
		if !ok {
			return out, dropped
		}
		if !qdiffFilter(q, preds, m, src) {
			dropped++
			continue
		}
		parts := []string{fmt.Sprint(m.PatternIndex)}
		for _, c := range m.Captures {
			parts = append(parts, fmt.Sprintf("%s %d-%d", q.CaptureNameForId(c.Index), c.Node.StartByte(), c.Node.EndByte()))
		}
		out = append(out, strings.Join(parts, " | "))
	}
}

func wasmCaptures(t *testing.T, qc *tswasm.QueryCursor, q *tswasm.Query, root tswasm.Node, src []byte) []string {
	var out []string
	var qerr error
	for qr, err := range qc.Captures(context.Background(), q, root, src) {
		if err != nil {
			qerr = err
			break
		}
		m, i := qr.Match, qr.Index
		c := m.Captures[i]
		out = append(out, fmt.Sprintf("%s %d-%d", q.CaptureNameForID(c.Index), c.Node.StartByte(), c.Node.EndByte()))
	}
	require.NoError(t, qerr)
	return out
}

func wasmMatches(t *testing.T, qc *tswasm.QueryCursor, q *tswasm.Query, root tswasm.Node, src []byte) []string {
	var out []string
	var qerr error
	for m, err := range qc.Matches(context.Background(), q, root, src) {
		if err != nil {
			qerr = err
			break
		}
		parts := []string{fmt.Sprint(m.PatternIndex)}
		for _, c := range m.Captures {
			parts = append(parts, fmt.Sprintf("%s %d-%d", q.CaptureNameForID(c.Index), c.Node.StartByte(), c.Node.EndByte()))
		}
		out = append(out, strings.Join(parts, " | "))
	}
	require.NoError(t, qerr)
	return out
}

// qdiffCompare fails with the first difference of two streams.
func qdiffCompare(t *testing.T, what string, got, want []string) {
	t.Helper()
	n := min(len(got), len(want))
	for i := range n {
		if got[i] != want[i] {
			t.Fatalf("%s: item %d differs:\n tswasm: %s\n native: %s", what, i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: tswasm has %d items, native %d", what, len(got), len(want))
	}
}

func TestQueryDifferentialAgainstSmacker(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t)
	for _, c := range qdiffCorpora() {
		t.Run(c.name, func(t *testing.T) {
			lang := loadTestGrammar(t, e, c.wasm)
			p := newTestParser(t, e, lang)
			native := sitter.NewParser()
			defer native.Close()
			native.SetLanguage(c.native)

			type pair struct {
				file   string
				wasm   *tswasm.Query
				native *sitter.Query
				preds  [][]qdiffPredicate
			}
			var queries []pair
			for _, f := range c.queries {
				src := qdiffQuerySource(t, f)
				nq, err := sitter.NewQuery([]byte(src), c.native)
				require.NoError(t, err, f)
				defer nq.Close()
				wq, err := tswasm.NewQuery(ctx, lang, src)
				require.NoError(t, err, f)
				defer wq.Close()
				require.Equal(t, uint(nq.PatternCount()), wq.PatternCount(), f)
				require.Equal(t, uint(nq.CaptureCount()), wq.CaptureCount(), f)
				for i := range nq.CaptureCount() {
					require.Equal(t, nq.CaptureNameForId(i), wq.CaptureNameForID(i), f)
				}
				queries = append(queries, pair{f, wq, nq, qdiffPredicates(t, nq)})
			}

			qc := newTestCursor(t)
			var files, captures, matches, dropped int
			var bytes int
			for _, f := range c.files(t) {
				src, err := os.ReadFile(f)
				require.NoError(t, err)
				nt, err := native.ParseCtx(ctx, nil, src)
				require.NoError(t, err, f)
				tree, err := p.Parse(ctx, src, nil)
				require.NoError(t, err, f)
				for _, qp := range queries {
					what := f + " with " + qp.file
					want := nativeCaptures(qp.native, qp.preds, nt.RootNode(), src)
					got := wasmCaptures(t, qc, qp.wasm, tree.RootNode(), src)
					qdiffCompare(t, what+" (captures)", got, want)
					captures += len(got)
					wantM, d := nativeMatches(qp.native, qp.preds, nt.RootNode(), src)
					dropped += d
					gotM := wasmMatches(t, qc, qp.wasm, tree.RootNode(), src)
					qdiffCompare(t, what+" (matches)", gotM, wantM)
					matches += len(gotM)
				}
				nt.Close()
				require.NoError(t, tree.Close())
				files++
				bytes += len(src)
				if bytes >= qdiffBytesPerLang() {
					break
				}
			}
			require.Positive(t, captures)
			require.Positive(t, dropped, "the sample exercises the predicates")
			t.Logf("%s: %d files (%d bytes), %d queries: %d captures and %d matches identical (%d matches dropped by predicates)",
				c.name, files, bytes, len(queries), captures, matches, dropped)
		})
	}
}
