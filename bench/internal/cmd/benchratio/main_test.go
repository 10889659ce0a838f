package main

import (
	"math"
	"testing"
)

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, c := range cases {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if !math.IsNaN(median(nil)) {
		t.Error("median(nil) is not NaN")
	}
}

func TestGeomean(t *testing.T) {
	if got := geomean([]float64{2, 8}); got != "4.00× (2 cases)" {
		t.Errorf("geomean(2, 8) = %q", got)
	}
	if got := geomean(nil); got != "–" {
		t.Errorf("geomean(nil) = %q", got)
	}
}

func TestLineRE(t *testing.T) {
	line := "BenchmarkParse/lang=go/grammar=official/impl=tswasm-2   \t  3\t 411240000 ns/op\t   2.59 MB/s"
	m := lineRE.FindStringSubmatch(line)
	if m == nil {
		t.Fatal("no match")
	}
	if m[1] != "Parse" || m[2] != "lang=go/grammar=official/impl=tswasm" || m[3] != "411240000 ns/op\t   2.59 MB/s" {
		t.Errorf("parsed %q", m[1:])
	}
}
