// The probes: one per hostile input of issue 11.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/internal/wasmbin"
	"github.com/tswasm/tswasm/languages"
	"github.com/tswasm/tswasm/languages/golang"
	"github.com/tswasm/tswasm/languages/json"
)

func engineAndLang(ctx context.Context, s *languages.Spec, opts ...tswasm.Option) (*tswasm.Engine, *tswasm.Language, error) {
	e, err := tswasm.NewEngine(ctx, opts...)
	if err != nil {
		return nil, nil, err
	}
	l, err := languages.Load(ctx, e, s)
	return e, l, err
}

func parse(ctx context.Context, e *tswasm.Engine, l *tswasm.Language, src []byte) (*tswasm.Tree, error) {
	p, err := e.NewParser(ctx)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	if err := p.SetLanguage(ctx, l); err != nil {
		return nil, err
	}
	return p.Parse(ctx, src, nil)
}

// oneLine keeps the first line of an error.
func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

func parenProbe(mb int, limit uint64) func(ctx context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		var opts []tswasm.Option
		if limit > 0 {
			opts = append(opts, tswasm.WithMemoryLimit(limit))
		}
		e, l, err := engineAndLang(ctx, golang.Spec, opts...)
		if err != nil {
			return "", err
		}
		src := bytes.Repeat([]byte("("), mb<<20)
		start := time.Now()
		ctx, cancel := context.WithTimeout(ctx, 120*time.Second)
		defer cancel()
		tree, err := parse(ctx, e, l, src)
		res := "parsed"
		if err != nil {
			res = "error: " + oneLine(err)
		} else {
			tree.Close()
		}
		return fmt.Sprintf("%d MiB of '(' (Go grammar, limit %d MiB): %s in %.1fs, peak RSS %.0f MiB (%.1fx the input)",
			mb, limit>>20, res, time.Since(start).Seconds(), peakRSS(), peakRSS()/float64(mb)), nil
	}
}

// nested returns JSON arrays nested depth deep.
func nested(depth int) []byte {
	return append(bytes.Repeat([]byte("["), depth), bytes.Repeat([]byte("]"), depth)...)
}

// jsonSexpDepth finds the deepest JSON nesting whose tree prints with String().
func jsonSexpDepth(ctx context.Context) (string, error) {
	e, l, err := engineAndLang(ctx, json.Spec)
	if err != nil {
		return "", err
	}
	ok := func(d int) (bool, string) {
		tree, err := parse(ctx, e, l, nested(d))
		if err != nil {
			return false, oneLine(err)
		}
		defer tree.Close()
		s := tree.RootNode().String()
		if err := tree.Err(); err != nil {
			return false, oneLine(err)
		}
		return strings.Count(s, "(array") == d, ""
	}
	lo, hi := 1, 200000
	if good, _ := ok(hi); good {
		return fmt.Sprintf("JSON nested %d deep prints with String()", hi), nil
	}
	var why string
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if good, w := ok(mid); good {
			lo = mid
		} else {
			hi, why = mid, w
		}
	}
	return fmt.Sprintf("deepest JSON nesting String() prints: %d; at %d: %s", lo, hi, why), nil
}

// queryDepth compiles queries nested around the 8,205 limit and
// reports how each ends.
func queryDepth(ctx context.Context) (string, error) {
	_, l, err := engineAndLang(ctx, json.Spec)
	if err != nil {
		return "", err
	}
	var out []string
	for _, d := range []int{1000, 8000, 8205, 8206, 8300, 12000} {
		src := strings.Repeat("(array ", d) + ")" + strings.Repeat(")", d-1)
		start := time.Now()
		q, err := tswasm.NewQuery(ctx, l, src)
		res := "compiled"
		if err != nil {
			var te *tswasm.TrapError
			if errors.As(err, &te) {
				res = "TRAP " + oneLine(err)
			} else {
				res = "error " + oneLine(err)
			}
		} else {
			q.Close()
		}
		out = append(out, fmt.Sprintf("%d: %s (%.1fs)", d, res, time.Since(start).Seconds()))
	}
	return strings.Join(out, "; "), nil
}

// queryPatterns times NewQuery on n distinct patterns for n = 1000 … 16000.
func queryPatterns(ctx context.Context) (string, error) {
	_, l, err := engineAndLang(ctx, json.Spec)
	if err != nil {
		return "", err
	}
	var out []string
	for _, n := range []int{1000, 2000, 4000, 8000, 16000} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "(pair key: (string) @k%d value: (number) @v%d)\n", i, i)
		}
		start := time.Now()
		q, err := tswasm.NewQuery(ctx, l, b.String())
		d := time.Since(start)
		if err != nil {
			out = append(out, fmt.Sprintf("%d: error %s", n, oneLine(err)))
			break
		}
		q.Close()
		out = append(out, fmt.Sprintf("%d patterns %.2fs", n, d.Seconds()))
		if d > 30*time.Second {
			break
		}
	}
	return strings.Join(out, ", "), nil
}

// queryHang runs NewQuery on src with a 2 s deadline, with or without
// WithCloseOnContextDone.
func queryHang(src string, closeOnDone bool) func(ctx context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		var opts []tswasm.Option
		if closeOnDone {
			opts = append(opts, tswasm.WithCloseOnContextDone())
		}
		_, l, err := engineAndLang(ctx, json.Spec, opts...)
		if err != nil {
			return "", err
		}
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		start := time.Now()
		q, err := tswasm.NewQuery(ctx, l, src)
		d := time.Since(start)
		if err != nil {
			return fmt.Sprintf("NewQuery(%q) returned after %.1fs (deadline 2s, close-on-done %v): %s, peak RSS %.0f MiB", src, d.Seconds(), closeOnDone, oneLine(err), peakRSS()), nil
		}
		q.Close()
		return fmt.Sprintf("NewQuery(%q) compiled in %.1fs", src, d.Seconds()), nil
	}
}

// gcStall runs a parse loop on one engine while NewQuery("((pair)?)+")
// loops on another and a third goroutine calls runtime.GC: it reports the
// longest gap between two finished parses of the unrelated loop.
func gcStall(ctx context.Context) (string, error) {
	e1, goLang, err := engineAndLang(ctx, golang.Spec)
	if err != nil {
		return "", err
	}
	_, jsonLang, err := engineAndLang(ctx, json.Spec)
	if err != nil {
		return "", err
	}
	p, err := e1.NewParser(ctx)
	if err != nil {
		return "", err
	}
	if err := p.SetLanguage(ctx, goLang); err != nil {
		return "", err
	}
	var last atomic.Int64
	last.Store(time.Now().UnixNano())
	var maxGap atomic.Int64
	go func() {
		for {
			t, err := p.Parse(ctx, []byte("package p\nfunc f() { return }\n"), nil)
			if err == nil {
				t.Close()
			}
			now := time.Now().UnixNano()
			if g := now - last.Swap(now); g > maxGap.Load() {
				maxGap.Store(g)
			}
		}
	}()
	time.Sleep(500 * time.Millisecond)
	go func() {
		qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, _ = tswasm.NewQuery(qctx, jsonLang, "((pair)?)+")
	}()
	go func() {
		for {
			time.Sleep(100 * time.Millisecond)
			runtime.GC()
		}
	}()
	start := time.Now()
	// The watcher uses a raw timer: if the world is stopped it cannot run
	// either, and the gap it sees when it resumes is the stall.
	for time.Since(start) < 10*time.Second {
		time.Sleep(100 * time.Millisecond)
	}
	gap := time.Duration(max(maxGap.Load(), time.Now().UnixNano()-last.Load()))
	return fmt.Sprintf("unrelated parse loop, longest gap over 10s while ((pair)?)+ loops elsewhere: %.1fs", gap.Seconds()), nil
}

// deepCursor walks JSON nested 1,000,000 deep with a TreeCursor.
func deepCursor(ctx context.Context) (string, error) {
	e, l, err := engineAndLang(ctx, json.Spec)
	if err != nil {
		return "", err
	}
	const depth = 600_000 // over the 524,288 visible levels the issue saw the cursor stop at
	tree, err := parse(ctx, e, l, nested(depth))
	if err != nil {
		return "", err
	}
	defer tree.Close()
	c := tree.Walk()
	defer c.Close()
	// Depth is tracked here: TreeCursor.Depth walks the cursor's stack.
	visited, level, maxDepth := 0, 0, 0
	for {
		visited++
		maxDepth = max(maxDepth, level)
		if c.GotoFirstChild() {
			level++
			continue
		}
		for !c.GotoNextSibling() {
			level--
			if !c.GotoParent() {
				want := tree.RootNode().DescendantCount()
				return fmt.Sprintf("JSON nested %d deep: cursor visited %d of %d nodes, max depth %d, no error reported", depth, visited, want, maxDepth), nil
			}
		}
	}
}

// craftedGrammar builds a grammar-shaped module claiming memSize data bytes
// and tableSize table entries (and, with badImport, an import the runtime
// lacks, so it compiles but cannot link).
func craftedGrammar(memSize, tableSize uint32, badImport string) []byte {
	var b wasmbin.Builder
	var sub []byte
	for _, v := range []uint32{memSize, 4, tableSize, 0} {
		sub = wasmbin.AppendU32(sub, v)
	}
	b.Custom("dylink.0", append(wasmbin.AppendU32([]byte{1}, uint32(len(sub))), sub...))
	b.ImportMemory("env", "memory")
	b.ImportTable("env", "__indirect_function_table")
	memBase := b.ImportGlobal("env", "__memory_base", wasmbin.I32, false)
	if badImport != "" {
		b.ImportFunc("env", badImport, wasmbin.FuncType{})
	}
	entry := b.Func(wasmbin.FuncType{Results: []byte{wasmbin.I32}}, []byte{0, 0x23, byte(memBase), 0x0b})
	b.Export("tree_sitter_crafted", wasmbin.KindFunc, entry)
	return b.Bytes()
}

func craftedProbe(memSize, tableSize uint32, limit uint64) func(ctx context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		var opts []tswasm.Option
		if limit > 0 {
			opts = append(opts, tswasm.WithMemoryLimit(limit))
		}
		e, err := tswasm.NewEngine(ctx, opts...)
		if err != nil {
			return "", err
		}
		before := rss()
		start := time.Now()
		_, err = e.LoadLanguage(ctx, craftedGrammar(memSize, tableSize, ""), "")
		res := "loaded"
		if err != nil {
			res = "refused: " + oneLine(err)
		}
		return fmt.Sprintf("data %d B, table %d entries (limit %d MiB): %s in %.2fs, RSS +%.0f MiB", memSize, tableSize, limit>>20, res, time.Since(start).Seconds(), rss()-before), nil
	}
}

// refusedKept loads 200 distinct grammars that cannot link and reports
// how many the engine keeps compiled.
func refusedKept(ctx context.Context) (string, error) {
	e, err := tswasm.NewEngine(ctx)
	if err != nil {
		return "", err
	}
	for i := range 100 {
		if _, err := e.LoadLanguage(ctx, craftedGrammar(64, 1, fmt.Sprintf("missing_%d", i)), ""); err == nil {
			return "", errors.New("a grammar with a missing import loaded")
		}
		if _, err := e.LoadLanguage(ctx, craftedGrammar(64, 1<<20+uint32(i), ""), ""); err == nil {
			return "", errors.New("a grammar with a 2^20-entry table loaded")
		}
	}
	return fmt.Sprintf("after 100 unlinkable + 100 table-over-limit (2^20 entries) refusals: Stats().Grammars = %d", e.Stats().Grammars), nil
}

// cancelLatency parses 40 MiB of Go, cancels after 200 ms and reports how
// late the parse returns.
func cancelLatency(ctx context.Context) (string, error) {
	e, l, err := engineAndLang(ctx, golang.Spec)
	if err != nil {
		return "", err
	}
	src := bytes.Repeat([]byte("func f() { x := []int{1, 2, 3}; if x != nil { return } }\n"), (40<<20)/58)
	src = append([]byte("package p\n"), src...)
	var worst time.Duration
	for range 3 {
		cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		_, err := parse(cctx, e, l, src)
		late := time.Duration(0)
		if dl, ok := cctx.Deadline(); ok {
			late = time.Since(dl)
		}
		cancel()
		if err == nil {
			return "parse finished before the deadline", nil
		}
		worst = max(worst, late)
	}
	return fmt.Sprintf("40 MiB of Go, deadline 200 ms: returned up to %.0f ms late (3 runs)", float64(worst)/1e6), nil
}

func init() {
	register("paren-go-5mb", "5 MiB of '(' with the Go grammar, no limit", 3*time.Minute, parenProbe(5, 0))
	register("paren-go-20mb-limit256", "20 MiB of '(' with the Go grammar, WithMemoryLimit(256 MiB)", 3*time.Minute, parenProbe(20, 256<<20))
	register("json-sexp-depth", "deepest JSON nesting Node.String() prints", 5*time.Minute, jsonSexpDepth)
	register("query-depth", "NewQuery on queries nested 1,000 to 12,000 deep", 5*time.Minute, queryDepth)
	register("query-patterns", "NewQuery time for 1k…16k patterns", 3*time.Minute, queryPatterns)
	register("query-pair-plus", "NewQuery(((pair)?)+) with a 2 s deadline", 20*time.Second, queryHang("((pair)?)+", false))
	register("query-pair-plus-cod", "same with WithCloseOnContextDone", 20*time.Second, queryHang("((pair)?)+", true))
	register("query-27-byte", "NewQuery on the 27-byte fuzz finding, 2 s deadline", 60*time.Second, queryHang(`(((pair)?+))(#matcl?@p"0pma`, false))
	register("gc-stall", "unrelated parse loop while ((pair)?)+ loops on another engine", 30*time.Second, gcStall)
	register("deep-cursor", "TreeCursor over JSON nested 600,000 deep", 10*time.Minute, deepCursor)
	register("crafted-table-f0", "grammar declaring a 0xF0000000-entry table", 60*time.Second, craftedProbe(64, 0xF0000000, 0))
	register("crafted-table-2e26", "grammar declaring a 2^26-entry table, 64 MiB limit", 60*time.Second, craftedProbe(64, 1<<26, 64<<20))
	register("crafted-data-1g", "grammar declaring 1 GiB of data", 60*time.Second, craftedProbe(1<<30, 1, 0))
	register("refused-kept", "grammars refused at link time stay compiled in the Engine", 3*time.Minute, refusedKept)
	register("cancel-latency", "how late a cancelled parse of a big input returns", 3*time.Minute, cancelLatency)
}
