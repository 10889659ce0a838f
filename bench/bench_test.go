// Package bench compares tswasm with native (cgo) tree-sitter bindings on
// the same inputs and, row by row, the same grammar sources. See README.md
// and run.sh.
package bench

import (
	"encoding/json"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/tswasm/tswasm/bench/internal/workload"
)

// forLangs runs f for every row of every language that pick accepts.
func forLangs(b *testing.B, pick func(workload.Lang) bool, f func(b *testing.B, l workload.Lang, r row)) {
	for _, l := range workload.Langs {
		if !pick(l) {
			continue
		}
		for _, r := range rowsFor(l) {
			b.Run(r.name(l.Name), func(b *testing.B) { f(b, l, r) })
		}
	}
}

func all(workload.Lang) bool        { return true }
func mainLang(l workload.Lang) bool { return l.Main }

func spec(w string, l workload.Lang) workload.Spec {
	return workload.Spec{Workload: w, Lang: l.Name, Short: testing.Short()}
}

// BenchmarkParse is a full parse of each language's sample (MB/s): Go from
// GOROOT/src, Python's standard library, npm's own JavaScript, C headers
// from /usr/include, and the files under testdata/inputs.
func BenchmarkParse(b *testing.B) {
	forLangs(b, all, func(b *testing.B, l workload.Lang, r row) {
		runRow(b, r, spec(workload.WParse, l))
	})
}

// BenchmarkEdit is a one-byte edit of a ~100 KB file and its incremental
// reparse.
func BenchmarkEdit(b *testing.B) {
	forLangs(b, mainLang, func(b *testing.B, l workload.Lang, r row) {
		runRow(b, r, spec(workload.WEdit, l))
	})
}

// BenchmarkKeystrokes types 100 keystrokes into a ~100 KB file, each an
// edit and an incremental reparse (the next operation deletes them again).
func BenchmarkKeystrokes(b *testing.B) {
	forLangs(b, mainLang, func(b *testing.B, l workload.Lang, r row) {
		runRow(b, r, spec(workload.WBurst, l))
	})
}

// BenchmarkWalkCursor visits every node of a ~100 KB file's tree with a
// TreeCursor, reading its kind, byte and point range and field name.
func BenchmarkWalkCursor(b *testing.B) {
	forLangs(b, mainLang, func(b *testing.B, l workload.Lang, r row) {
		runRow(b, r, spec(workload.WWalkCursor, l))
	})
}

// BenchmarkWalkNodes visits the same nodes through Node navigation
// (ChildCount, Child, FieldNameForChild).
func BenchmarkWalkNodes(b *testing.B) {
	forLangs(b, mainLang, func(b *testing.B, l workload.Lang, r row) {
		runRow(b, r, spec(workload.WWalkNodes, l))
	})
}

// BenchmarkQuery runs each language's highlights.scm over a ~100 KB file
// and iterates its captures, text predicates applied.
func BenchmarkQuery(b *testing.B) {
	forLangs(b, all, func(b *testing.B, l workload.Lang, r row) {
		runRow(b, r, spec(workload.WQuery, l))
	})
}

// workerCounts is 1, 2 and GOMAXPROCS, without repeats.
func workerCounts() []int {
	ws := []int{1, 2}
	if p := runtime.GOMAXPROCS(0); p > 2 {
		ws = append(ws, p)
	}
	return ws
}

var (
	oneWorkerMu sync.Mutex
	oneWorker   = map[string]float64{}
)

// BenchmarkBatch parses the Go sample on 1, 2 and GOMAXPROCS workers, each
// with its own parser (for tswasm: its own store). The speedup metric is
// the 1-worker time over this one, from the same run.
func BenchmarkBatch(b *testing.B) {
	l, _ := workload.LangByName("go")
	for _, r := range rowsFor(l) {
		for _, w := range workerCounts() {
			b.Run(r.name(l.Name)+"/workers="+strconv.Itoa(w), func(b *testing.B) {
				s := spec(workload.WBatch, l)
				s.Workers = w
				ns := runRow(b, r, s)
				k := r.name(l.Name)
				oneWorkerMu.Lock()
				defer oneWorkerMu.Unlock()
				if w == 1 {
					oneWorker[k] = ns
				} else if base := oneWorker[k]; base > 0 {
					b.ReportMetric(base/ns, "speedup")
				}
			})
		}
	}
}

// coldRows are the cold-start rows: tswasm without and with its on-disk
// compilation cache, and the native bindings.
var coldRows = []struct {
	row
	cache bool
}{
	{row{"official", "tswasm"}, false},
	{row{"official", "tswasm"}, true},
	{row{"official", "official"}, false},
	{row{"smacker", "tswasm"}, false},
	{row{"smacker", "tswasm"}, true},
	{row{"smacker", "smacker"}, false},
}

// BenchmarkColdStart starts a new process that loads the Go grammar and
// parses one small file: the time to a first tree. For tswasm it runs
// without and with tswasm.WithCompilationCacheDir (the cache warmed by a run
// before the timer starts).
func BenchmarkColdStart(b *testing.B) {
	set, err := workload.ParseSet("go", true)
	if err != nil {
		b.Fatal(err)
	}
	file := set.Files[0].Path
	for _, c := range coldRows {
		// Native rows have no compilation cache; they are named cache=off
		// so that benchstat lines them up with tswasm's cold row.
		name := c.name("go") + "/cache=" + map[bool]string{false: "off", true: "on"}[c.cache]
		b.Run(name, func(b *testing.B) {
			bin := childBinary(b, c.impl)
			args := []string{"first-tree", "-lang", "go", "-grammar", c.grammar, "-file", file}
			if c.cache {
				args = append(args, "-cache", b.TempDir())
			}
			// One untimed run: warms the cache, the page cache and checks
			// the node count.
			out, err := exec.Command(bin, args...).CombinedOutput()
			if err != nil {
				b.Fatalf("%v\n%s", err, out)
			}
			if n, err := strconv.Atoi(string(trimNL(out))); err != nil || n < 2 {
				b.Fatalf("first tree: unexpected output %q", out)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1e3, "ms/first-tree")
		})
	}
}

func trimNL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// BenchmarkMemory runs a child process per operation and reports, averaged:
//   - what=store: bytes one more parsing instance costs (tswasm: a store —
//     runtime instance, linear memory, grammar linked — with a parser; a cgo
//     binding: a parser), as resident set and Go heap growth;
//   - what=nodes: bytes per node of the trees of the language's largest
//     input file, kept alive (tswasm's trees live in wasm linear memory,
//     which is Go heap);
//   - what=batch: peak resident set of a process that parses the Go sample on
//     GOMAXPROCS workers three times.
func BenchmarkMemory(b *testing.B) {
	l, _ := workload.LangByName("go")
	for _, what := range []string{"store", "nodes", "batch"} {
		for _, r := range rowsFor(l) {
			b.Run("what="+what+"/"+r.name(l.Name), func(b *testing.B) {
				bin := childBinary(b, r.impl)
				args := []string{"mem", "-what", what, "-lang", l.Name, "-grammar", r.grammar}
				if testing.Short() {
					args = append(args, "-short", "-k", "2")
				}
				sum := map[string]float64{}
				for i := 0; i < b.N; i++ {
					cmd := exec.Command(bin, args...)
					out, err := cmd.Output()
					if err != nil {
						msg := ""
						if ee, ok := err.(*exec.ExitError); ok {
							msg = string(ee.Stderr)
						}
						b.Fatalf("%v\n%s", err, msg)
					}
					var rep struct {
						Metrics map[string]float64 `json:"metrics"`
					}
					if err := json.Unmarshal(out, &rep); err != nil {
						b.Fatalf("%v: %s", err, out)
					}
					for k, v := range rep.Metrics {
						sum[k] += v
					}
				}
				for k, v := range sum {
					b.ReportMetric(v/float64(b.N), k)
				}
			})
		}
	}
}

// TestInputs checks the input selection: deterministic, within budget, and
// the edit point is a newline.
func TestInputs(t *testing.T) {
	for _, l := range workload.Langs {
		t.Run(l.Name, func(t *testing.T) {
			a, err := workload.ParseSet(l.Name, true)
			if err != nil {
				t.Skip(err)
			}
			b2, err := workload.ParseSet(l.Name, true)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Files) != len(b2.Files) {
				t.Fatalf("sample not deterministic: %d vs %d files", len(a.Files), len(b2.Files))
			}
			for i := range a.Files {
				if a.Files[i].Path != b2.Files[i].Path {
					t.Fatalf("sample not deterministic at %d: %s vs %s", i, a.Files[i].Path, b2.Files[i].Path)
				}
			}
			if a.Bytes <= 0 {
				t.Fatal("empty sample")
			}
		})
	}
}

// TestBurstText checks the typed text's length and content.
func TestBurstText(t *testing.T) {
	for _, l := range workload.Langs {
		got := workload.BurstText(l)
		if len(got) != workload.BurstLen {
			t.Errorf("%s: burst of %d bytes, want %d", l.Name, len(got), workload.BurstLen)
		}
		if l.Comment != "" && string(got[1:1+len(l.Comment)]) != l.Comment {
			t.Errorf("%s: burst %q does not start with a comment", l.Name, got)
		}
	}
}

// TestPointAt checks row/column computation on hand-made text.
func TestPointAt(t *testing.T) {
	src := []byte("ab\ncde\n\nf")
	cases := []struct {
		off  int
		want workload.Point
	}{
		{0, workload.Point{Row: 0, Column: 0}},
		{2, workload.Point{Row: 0, Column: 2}},
		{3, workload.Point{Row: 1, Column: 0}},
		{5, workload.Point{Row: 1, Column: 2}},
		{7, workload.Point{Row: 2, Column: 0}},
		{8, workload.Point{Row: 3, Column: 0}},
		{9, workload.Point{Row: 3, Column: 1}},
	}
	for _, c := range cases {
		if got := workload.PointAt(src, c.off); got != c.want {
			t.Errorf("PointAt(%d) = %+v, want %+v", c.off, got, c.want)
		}
	}
}
