// Pipeline tests on prism: totals against `tswasm parse --stats`, dead
// letters, and nothing lost.
package tsbeam

import (
	"bufio"
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "github.com/tswasm/tswasm/languages/all"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// outputs is what a test pipeline wrote.
type outputs struct {
	matched []File
	results []Result
	dead    []Failure
	stats   []LangStats
}

// runParsePipeline runs MatchFiles, ReadSources, Parse and Stats over
// patterns on prism and reads back every output.
func runParsePipeline(t *testing.T, patterns []string, o Options) outputs {
	t.Helper()
	dir := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	files := MatchFiles(s, patterns, o)
	srcs, readDead := ReadSources(s, files, o)
	results, parseDead := Parse(s, srcs, o)
	WriteJSONL(s.Scope("matched"), filepath.Join(dir, "matched"), 2, files)
	WriteJSONL(s.Scope("results"), filepath.Join(dir, "results"), 3, results)
	WriteJSONL(s.Scope("dead"), filepath.Join(dir, "dead"), 2, beam.Flatten(s, readDead, parseDead))
	WriteJSONL(s.Scope("stats"), filepath.Join(dir, "stats"), 1, Stats(s, results))
	start := time.Now()
	require.NoError(t, ptest.Run(p))
	t.Logf("pipeline over %v ran in %v", patterns, time.Since(start))
	return outputs{
		matched: readJSONL[File](t, filepath.Join(dir, "matched")),
		results: readJSONL[Result](t, filepath.Join(dir, "results")),
		dead:    readJSONL[Failure](t, filepath.Join(dir, "dead")),
		stats:   readJSONL[LangStats](t, filepath.Join(dir, "stats")),
	}
}

// readJSONL decodes every line of prefix's shards.
func readJSONL[T any](t *testing.T, prefix string) []T {
	t.Helper()
	names, err := filepath.Glob(prefix + "-*-of-*.jsonl")
	require.NoError(t, err)
	var out []T
	for _, n := range names {
		b, err := os.ReadFile(n)
		require.NoError(t, err)
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var v T
			require.NoError(t, json.Unmarshal(sc.Bytes(), &v), "%s: %s", n, sc.Text())
			out = append(out, v)
		}
		require.NoError(t, sc.Err())
	}
	return out
}

// requireNothingLost checks that every matched file is either parsed or on
// the dead-letter output, once.
func requireNothingLost(t *testing.T, out outputs) {
	t.Helper()
	var matched, accounted []string
	for _, f := range out.matched {
		matched = append(matched, f.Path)
	}
	for _, r := range out.results {
		accounted = append(accounted, r.Path)
	}
	for _, d := range out.dead {
		accounted = append(accounted, d.Path)
	}
	slices.Sort(matched)
	slices.Sort(accounted)
	require.NotEmpty(t, matched)
	require.Equal(t, len(matched), len(out.results)+len(out.dead), "parsed + dead-lettered must equal matched")
	require.Equal(t, matched, accounted)
}

var cli struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// tswasmCLI builds the tswasm command from the root module, once.
func tswasmCLI(t *testing.T) string {
	t.Helper()
	cli.once.Do(func() {
		dir, err := os.MkdirTemp("", "tsbeam-cli")
		if err != nil {
			cli.err = err
			return
		}
		cli.path = filepath.Join(dir, "tswasm")
		cmd := exec.Command("go", "build", "-o", cli.path, "github.com/tswasm/tswasm/cmd/tswasm")
		cmd.Dir = filepath.Join("..", "..") // the root module
		cli.out, cli.err = cmd.CombinedOutput()
	})
	require.NoError(t, cli.err, "building cmd/tswasm: %s", cli.out)
	return cli.path
}

// cliStats runs `tswasm parse --stats` with args and returns its table.
func cliStats(t *testing.T, args ...string) (map[string]LangStats, int) {
	t.Helper()
	cmd := exec.Command(tswasmCLI(t), append([]string{"parse", "--stats", "--format", "none", "--no-ignore"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 2 {
		err = nil // some file failed (the bad-input test wants that)
	}
	require.NoError(t, err, "stderr: %s", stderr.String())
	t.Logf("tswasm parse --stats %v:\n%s", args, stdout.String())
	table, parsed, err := parseStatsTable(stdout.String())
	require.NoError(t, err, "%s", stdout.String())
	return table, parsed
}

// parseStatsTable reads the per-language table and the parsed-files count
// of `tswasm parse --stats` output (the one place that knows its format):
//
//	files:       219 parsed, 0 binary skipped, 0 failed
//	...
//	language  files  bytes  with errors  ERROR nodes  MISSING nodes  parse MB/s
//	go          219  2942263           1            1              0       4.61
func parseStatsTable(out string) (map[string]LangStats, int, error) {
	table := map[string]LangStats{}
	parsed := -1
	inTable := false
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		switch {
		case len(f) >= 3 && f[0] == "files:" && f[2] == "parsed,":
			n, err := strconv.Atoi(f[1])
			if err != nil {
				return nil, 0, err
			}
			parsed = n
		case len(f) > 0 && f[0] == "language" && strings.Contains(line, "ERROR nodes"):
			inTable = true
		case inTable && len(f) == 0:
			inTable = false
		case inTable:
			if len(f) != 7 {
				return nil, 0, &strconv.NumError{Func: "parseStatsTable", Num: line, Err: strconv.ErrSyntax}
			}
			var n [5]int64
			for i := range n {
				v, err := strconv.ParseInt(f[i+1], 10, 64)
				if err != nil {
					return nil, 0, err
				}
				n[i] = v
			}
			table[f[0]] = LangStats{Language: f[0], Files: n[0], Bytes: n[1], WithErrors: n[2], ErrorNodes: n[3], MissingNodes: n[4]}
		}
	}
	if parsed < 0 {
		return nil, 0, strconv.ErrSyntax
	}
	return table, parsed, nil
}

// requireSameTotals compares the pipeline's Stats with the CLI's table,
// ignoring parse times.
func requireSameTotals(t *testing.T, want map[string]LangStats, got []LangStats) {
	t.Helper()
	g := map[string]LangStats{}
	for _, ls := range got {
		ls.ParseNanos = 0
		g[ls.Language] = ls
	}
	require.Equal(t, want, g)
}

func goroot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}

// TestPipelineNetHTTP parses GOROOT/src/net/http and checks the totals
// against `tswasm parse --stats` on the same directory.
func TestPipelineNetHTTP(t *testing.T) {
	dir := filepath.Join(goroot(t), "src", "net", "http")
	out := runParsePipeline(t, []string{dir}, Options{})
	requireNothingLost(t, out)
	want, parsed := cliStats(t, "-j", "2", dir)
	require.Equal(t, parsed, len(out.results))
	requireSameTotals(t, want, out.stats)
	// Stats agrees with the per-file results it sums.
	var files, bytes int64
	for _, ls := range out.stats {
		files += ls.Files
		bytes += ls.Bytes
	}
	var sum int64
	for _, r := range out.results {
		sum += r.Bytes
	}
	assert.Equal(t, int64(len(out.results)), files)
	assert.Equal(t, sum, bytes)
	t.Logf("net/http: %d matched, %d parsed, %d dead-lettered, %d languages", len(out.matched), len(out.results), len(out.dead), len(out.stats))
}

// repeatGo returns at least size bytes of valid Go from a GOROOT file
// (tree-sitter-go accepts repeated package clauses).
func repeatGo(t *testing.T, size int) []byte {
	t.Helper()
	one, err := os.ReadFile(filepath.Join(goroot(t), "src", "net", "http", "server.go"))
	require.NoError(t, err)
	return bytes.Repeat(one, size/len(one)+1)
}

// TestPipelineBadInputs runs the pipeline over a directory with a binary
// file, unreadable files, a file too large, a file with no language and a
// file whose parse times out: each must reach the dead-letter output with
// its kind, the good files must be parsed, and nothing may be lost.
func TestPipelineBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	write("ok.go", []byte("package ok\n\nfunc F() int { return 1 }\n"))
	write("broken.go", []byte("package broken\n\nfunc F( { return }\n"))
	write("script.py", []byte("#!/usr/bin/env python3\nprint('hi')\n"))
	write("bin.go", append([]byte("package bin\n"), 0, 1, 2, 3))
	// A dangling symbolic link is unreadable for every user, root too.
	require.NoError(t, os.Symlink(filepath.Join(dir, "missing.go"), filepath.Join(dir, "dangling.go")))
	// chmod 000 stops everyone but root: as root the file is read and
	// parsed, and the test expects that instead.
	write("noperm.go", []byte("package noperm\n"))
	require.NoError(t, os.Chmod(filepath.Join(dir, "noperm.go"), 0))
	asRoot := os.Geteuid() == 0
	// No extension and no shebang: a candidate that no grammar takes.
	write("NOTES", []byte("just some text\n"))
	// Larger than MaxBytes: never read.
	write("huge.go", repeatGo(t, 9<<20))
	// Parses for seconds: more than the timeout.
	write("slow.go", repeatGo(t, 6<<20))

	const timeout = 300 * time.Millisecond
	o := Options{Timeout: timeout, MaxBytes: 8 << 20}
	out := runParsePipeline(t, []string{dir}, o)
	requireNothingLost(t, out)

	kinds := map[string]string{}
	for _, d := range out.dead {
		kinds[filepath.Base(d.Path)] = d.Kind
		t.Logf("dead letter: %s %s (%s): %s", filepath.Base(d.Path), d.Kind, d.Stage, d.Error)
	}
	want := map[string]string{
		"bin.go":      KindBinary,
		"dangling.go": KindUnreadable,
		"NOTES":       KindNoLanguage,
		"huge.go":     KindTooLarge,
		"slow.go":     KindTimeout,
	}
	if !asRoot {
		want["noperm.go"] = KindUnreadable
	} else {
		t.Log("running as root: a chmod 000 file is readable, so noperm.go is expected to parse")
	}
	assert.Equal(t, want, kinds)

	parsed := map[string]Result{}
	for _, r := range out.results {
		parsed[filepath.Base(r.Path)] = r
	}
	wantParsed := []string{"broken.go", "ok.go", "script.py"}
	if asRoot {
		wantParsed = append(wantParsed, "noperm.go")
	}
	slices.Sort(wantParsed)
	assert.Equal(t, wantParsed, slices.Sorted(maps.Keys(parsed)))
	assert.True(t, parsed["broken.go"].HasError)
	assert.Positive(t, parsed["broken.go"].ErrorNodes+parsed["broken.go"].MissingNodes)
	assert.False(t, parsed["ok.go"].HasError)
	assert.Equal(t, "python", parsed["script.py"].Language)

	// The CLI, with the same timeout, parses the same files with the
	// same totals (it has no size limit: huge.go times out there).
	cliWant, cliParsed := cliStats(t, "-j", "2", "--timeout", timeout.String(), dir)
	assert.Equal(t, cliParsed, len(out.results))
	requireSameTotals(t, cliWant, out.stats)
}
