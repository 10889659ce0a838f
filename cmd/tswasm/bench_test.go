package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// benchRows splits bench's output into rows of columns (columns are
// separated by two or more spaces; "12 B" is one column).
func benchRows(out string) map[string][]string {
	rows := map[string][]string{}
	sep := regexp.MustCompile(`\s{2,}`)
	for _, line := range strings.Split(out, "\n") {
		f := sep.Split(strings.TrimSpace(line), -1)
		if len(f) > 1 {
			rows[f[0]] = f
		}
	}
	return rows
}

func TestBenchTable(t *testing.T) {
	py := "def f(x):\n    return x + 1\n\nprint(f(2))\n"
	dir := writeFiles(t, map[string]string{
		"a.go":       goodGo,
		"sub/b.go":   helloGo,
		"c.py":       py,
		"README.txt": "not source\n",
	})
	r := mustRun(t, 0, "", "", "bench", "--rounds", "2", "--edits", "3", "-j", "2", dir)
	rows := benchRows(r.stdout)
	goRow, pyRow := rows["go"], rows["python"]
	if len(goRow) < 10 || len(pyRow) < 10 {
		t.Fatalf("missing go or python row:\n%s", r.stdout)
	}
	if goRow[1] != "2" || goRow[2] != formatBytes(int64(len(goodGo)+len(helloGo))) {
		t.Errorf("go row: files %q bytes %q, want 2 and %s\n%s", goRow[1], goRow[2], formatBytes(int64(len(goodGo)+len(helloGo))), r.stdout)
	}
	if pyRow[1] != "1" || pyRow[2] != formatBytes(int64(len(py))) {
		t.Errorf("python row: files %q bytes %q\n%s", pyRow[1], pyRow[2], r.stdout)
	}
	// Both languages have a bundled highlights query: captures are counted.
	for _, row := range [][]string{goRow, pyRow} {
		if row[9] == "–" || row[9] == "0" {
			t.Errorf("%s: no query captures: %q", row[0], row[9])
		}
	}
	if len(rows) < 4 || rows["1"] == nil || rows["2"] == nil {
		t.Fatalf("batch rows for 1 and 2 workers missing:\n%s", r.stdout)
	}
	if got := rows["1"][3]; got != "1.00×" {
		t.Errorf("one worker's speed-up is %q, want 1.00×", got)
	}
	if rows["README.txt"] != nil || rows["text"] != nil {
		t.Errorf("a file of no known language was measured:\n%s", r.stdout)
	}
}

func TestBenchLangFilter(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.go": goodGo, "c.py": "x = 1\n"})
	r := mustRun(t, 0, "", "", "bench", "--only-lang", "python", "--rounds", "1", "--edits", "1", "-j", "1", dir)
	rows := benchRows(r.stdout)
	if rows["python"] == nil || rows["go"] != nil {
		t.Fatalf("want only a python row:\n%s", r.stdout)
	}
}

func TestBenchUsage(t *testing.T) {
	mustRun(t, exitFailure, t.TempDir(), "", "bench") // default path "." has no source
	mustRun(t, exitFailure, "", "", "bench", "--rounds")
	dir := writeFiles(t, map[string]string{"README.txt": "x\n"})
	mustRun(t, exitFailure, "", "", "bench", dir)
}

func TestPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		var out []time.Duration
		for _, x := range v {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	cases := []struct {
		in   []time.Duration
		q    float64
		want time.Duration
	}{
		{nil, 0.5, 0},
		{ms(7), 0.99, 7 * time.Millisecond},
		{ms(5, 1, 3), 0.5, 3 * time.Millisecond},
		{ms(4, 1, 3, 2), 0.5, 3 * time.Millisecond}, // index round(1.5) = 2
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), 0.99, 100 * time.Millisecond},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), 0.5, 6 * time.Millisecond}, // round(4.5) = 5
	}
	for _, c := range cases {
		if got := percentile(c.in, c.q); got != c.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", c.in, c.q, got, c.want)
		}
	}
}
