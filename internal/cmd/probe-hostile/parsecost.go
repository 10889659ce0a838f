// Probe: what WithCloseOnContextDone costs a parse (the interruption price).
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// parseCost parses GOROOT/src/net/http/server.go with a plain engine and
// with WithCloseOnContextDone, alternating, and compares the best of 7.
func parseCost(ctx context.Context) (string, error) {
	src, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "src", "net", "http", "server.go"))
	if err != nil {
		return "", err
	}
	var ps [2]*tswasm.Parser
	for i, opts := range [][]tswasm.Option{nil, {tswasm.WithCloseOnContextDone()}} {
		e, l, err := engineAndLang(ctx, golang.Spec, opts...)
		if err != nil {
			return "", err
		}
		if ps[i], err = e.NewParser(ctx); err != nil {
			return "", err
		}
		if err := ps[i].SetLanguage(ctx, l); err != nil {
			return "", err
		}
	}
	best := [2]time.Duration{time.Hour, time.Hour}
	for range 7 {
		for i, p := range ps {
			start := time.Now()
			t, err := p.Parse(ctx, src, nil)
			if err != nil {
				return "", err
			}
			best[i] = min(best[i], time.Since(start))
			t.Close()
		}
	}
	return fmt.Sprintf("net/http/server.go (%d KiB), best of 7: plain %.1f ms, close-on-done %.1f ms (x%.2f)",
		len(src)>>10, ms(best[0]), ms(best[1]), float64(best[1])/float64(best[0])), nil
}

func init() {
	register("parse-cod-cost", "Parse cost of WithCloseOnContextDone (the interruption price)", 5*time.Minute, parseCost)
}
