// Probe: NewQuery time of every bundled highlights query, with and without close-on-done.
package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all"
)

// highlightsCompile reports the slowest highlights queries to compile,
// with a plain engine and with WithCloseOnContextDone (the price of
// interruption on ts_query_new).
func highlightsCompile(ctx context.Context) (string, error) {
	plain, err := tswasm.NewEngine(ctx)
	if err != nil {
		return "", err
	}
	cod, err := tswasm.NewEngine(ctx, tswasm.WithCloseOnContextDone())
	if err != nil {
		return "", err
	}
	type row struct {
		name       string
		plain, cod time.Duration
	}
	var rows []row
	var sumP, sumC time.Duration
	for _, s := range languages.All() {
		src := s.Queries["highlights"]
		if src == "" {
			continue
		}
		r := row{name: s.Name}
		for i, e := range []*tswasm.Engine{plain, cod} {
			l, err := languages.Load(ctx, e, s)
			if err != nil {
				return "", err
			}
			start := time.Now()
			q, err := tswasm.NewQuery(ctx, l, src)
			d := time.Since(start)
			if err != nil {
				return "", fmt.Errorf("%s: %v", s.Name, err)
			}
			q.Close()
			if i == 0 {
				r.plain, sumP = d, sumP+d
			} else {
				r.cod, sumC = d, sumC+d
			}
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].plain > rows[j].plain })
	var out []string
	for _, r := range rows[:min(4, len(rows))] {
		out = append(out, fmt.Sprintf("%s %.0f/%.0f ms", r.name, ms(r.plain), ms(r.cod)))
	}
	return fmt.Sprintf("highlights NewQuery, plain/close-on-done: total %.0f/%.0f ms (x%.2f); slowest: %s",
		ms(sumP), ms(sumC), float64(sumC)/float64(sumP), strings.Join(out, ", ")), nil
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func init() {
	register("highlights-compile", "NewQuery time of every bundled highlights query, plain vs close-on-done", 5*time.Minute, highlightsCompile)
}
