// Command benchratio reads `go test -bench` output of the bench package and
// prints Markdown tables of tswasm against each native binding as ratios of
// medians: tswasm÷native time (above 1: tswasm is slower), per workload and
// language, with a geometric-mean summary. benchstat gives the statistics;
// this gives the ratios the README quotes.
//
// Usage: go run ./internal/cmd/benchratio FILE...
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// group is one benchmark case: its values per implementation and unit.
type group struct {
	id    string            // the benchmark name without impl
	bench string            // Parse, Edit, ...
	keys  map[string]string // lang, grammar, workers, cache, what
	vals  map[string]map[string][]float64
}

var workersRE = regexp.MustCompile(`workers=\d+`)

var lineRE = regexp.MustCompile(`^Benchmark([^\s/]+)/(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func main() {
	groups := map[string]*group{}
	var order []string
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			m := lineRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			keys := map[string]string{}
			impl := ""
			var gk []string
			for _, part := range strings.Split(m[2], "/") {
				k, v, _ := strings.Cut(part, "=")
				if k == "impl" {
					impl = v
					continue
				}
				keys[k] = v
				gk = append(gk, part)
			}
			id := m[1] + "/" + strings.Join(gk, "/")
			g := groups[id]
			if g == nil {
				g = &group{id: id, bench: m[1], keys: keys, vals: map[string]map[string][]float64{}}
				groups[id] = g
				order = append(order, id)
			}
			if g.vals[impl] == nil {
				g.vals[impl] = map[string][]float64{}
			}
			fs := strings.Fields(m[3])
			for i := 0; i+1 < len(fs); i += 2 {
				v, err := strconv.ParseFloat(fs[i], 64)
				if err == nil {
					g.vals[impl][fs[i+1]] = append(g.vals[impl][fs[i+1]], v)
				}
			}
		}
		f.Close()
	}
	report(groups, order)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func idOf(g *group) string { return g.id }

func (g *group) med(impl, unit string) float64 { return median(g.vals[impl][unit]) }

// native is the binding compared with tswasm on a grammar source.
func native(grammar string) string {
	if grammar == "smacker" {
		return "smacker"
	}
	return "official"
}

func label(g *group) string {
	var parts []string
	for _, k := range []string{"lang", "workers", "cache", "what"} {
		if v, ok := g.keys[k]; ok {
			parts = append(parts, k+"="+v)
		}
	}
	return strings.Join(parts, " ")
}

func fmtNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.Abs(v) >= 1e9:
		return fmt.Sprintf("%.2fs", v/1e9)
	case math.Abs(v) >= 1e6:
		return fmt.Sprintf("%.2fms", v/1e6)
	case math.Abs(v) >= 1e3:
		return fmt.Sprintf("%.1fµs", v/1e3)
	default:
		return fmt.Sprintf("%.0fns", v)
	}
}

// fmtUnit prints a metric: durations for ns/ units, else 3 digits.
func fmtUnit(v float64, unit string) string {
	if math.IsNaN(v) {
		return "–"
	}
	if strings.HasPrefix(unit, "ns/") {
		return fmtNum(v)
	}
	return fmt.Sprintf("%.3g", v)
}

func report(groups map[string]*group, order []string) {
	benches := []string{"Parse", "Edit", "Keystrokes", "WalkCursor", "WalkNodes", "Query", "Batch", "ColdStart", "Memory"}
	geo := map[[2]string][]float64{} // (bench, native) -> ratios
	for _, b := range benches {
		var gs []*group
		for _, id := range order {
			if groups[id].bench == b {
				gs = append(gs, groups[id])
			}
		}
		if len(gs) == 0 {
			continue
		}
		fmt.Printf("\n### %s\n\n", b)
		if b == "Memory" {
			memoryTable(gs)
			continue
		}
		extra := ""
		switch b {
		case "Parse", "Query":
			extra = "MB/s"
		case "Edit":
			extra = "ns/edit"
		case "Keystrokes":
			extra = "ns/keystroke"
		case "WalkCursor", "WalkNodes":
			extra = "ns/node"
		case "Batch":
			extra = "speedup"
		case "ColdStart":
			extra = "ms/first-tree"
		}
		fmt.Printf("| grammar | case | tswasm | native | native time | tswasm %s | native %s | tswasm ÷ native (time) |\n", extra, extra)
		fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- |")
		for _, g := range gs {
			gr := g.keys["grammar"]
			nat := native(gr)
			t, n := g.med("tswasm", "ns/op"), g.med(nat, "ns/op")
			extraT, extraN := g.med("tswasm", extra), g.med(nat, extra)
			if b == "Batch" {
				// Speed-up from the medians of the 1-worker and this row,
				// rather than the median of per-run metrics.
				if one := groups[workersRE.ReplaceAllString(g.id, "workers=1")]; one != nil {
					extraT = one.med("tswasm", "ns/op") / t
					extraN = one.med(nat, "ns/op") / n
				}
			}
			if math.IsNaN(n) && g.keys["cache"] == "on" {
				// Native bindings have no compilation cache: compare with
				// their one cold start.
				if o := groups[strings.Replace(idOf(g), "cache=on", "cache=off", 1)]; o != nil {
					n, extraN = o.med(nat, "ns/op"), o.med(nat, extra)
				}
			}
			ratio := t / n
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | **%.2f×** |\n", gr, label(g), fmtNum(t), nat, fmtNum(n),
				fmtUnit(extraT, extra), fmtUnit(extraN, extra), ratio)
			if !math.IsNaN(ratio) && ratio > 0 {
				key := b
				if b == "ColdStart" {
					key += "/cache=" + g.keys["cache"]
				}
				geo[[2]string{key, nat}] = append(geo[[2]string{key, nat}], ratio)
			}
		}
	}
	fmt.Printf("\n### Summary: geometric mean of tswasm ÷ native time\n\n")
	fmt.Println("| workload | tswasm ÷ official (same grammar, runtime 0.25) | tswasm ÷ smacker (smacker's grammar sources, its runtime ≈0.22) |")
	fmt.Println("| --- | --- | --- |")
	var keys []string
	seen := map[string]bool{}
	for k := range geo {
		if !seen[k[0]] {
			seen[k[0]] = true
			keys = append(keys, k[0])
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return rank(keys[i], benches) < rank(keys[j], benches) })
	for _, k := range keys {
		fmt.Printf("| %s | %s | %s |\n", k, geomean(geo[[2]string{k, "official"}]), geomean(geo[[2]string{k, "smacker"}]))
	}
}

func rank(k string, benches []string) int {
	b, _, _ := strings.Cut(k, "/")
	for i, x := range benches {
		if x == b {
			return i*10 + len(k)
		}
	}
	return 1000
}

func geomean(xs []float64) string {
	if len(xs) == 0 {
		return "–"
	}
	s := 0.0
	for _, x := range xs {
		s += math.Log(x)
	}
	return fmt.Sprintf("%.2f× (%d cases)", math.Exp(s/float64(len(xs))), len(xs))
}

func memoryTable(gs []*group) {
	fmt.Println("| what | grammar | impl | metric | median |")
	fmt.Println("| --- | --- | --- | --- | --- |")
	for _, g := range gs {
		var impls []string
		for i := range g.vals {
			impls = append(impls, i)
		}
		sort.Strings(impls)
		for _, impl := range impls {
			var units []string
			for u := range g.vals[impl] {
				if u != "ns/op" {
					units = append(units, u)
				}
			}
			sort.Strings(units)
			for _, u := range units {
				fmt.Printf("| %s | %s | %s | %s | %.4g |\n", g.keys["what"], g.keys["grammar"], impl, u, g.med(impl, u))
			}
		}
	}
}
