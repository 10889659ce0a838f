// Soak tests (TSWASM_LONG=1): 100k parse-and-close cycles keep RSS and wasm memory flat.
package tswasm

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longOnly skips a test unless TSWASM_LONG=1 (CI sets it).
func longOnly(t *testing.T) {
	t.Helper()
	if os.Getenv("TSWASM_LONG") != "1" {
		t.Skip("long test: set TSWASM_LONG=1")
	}
}

// rssBytes reads the process's resident set size from /proc/self/statm.
func rssBytes(t *testing.T) uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip("no /proc/self/statm on this system")
	}
	f := strings.Fields(string(b))
	pages, err := strconv.ParseUint(f[1], 10, 64)
	require.NoError(t, err)
	return pages * uint64(os.Getpagesize())
}

// storeMemBytes is the store's wasm linear memory size.
func storeMemBytes(s *Store) uint64 { return uint64(len(s.view())) }

// soakSample is one point of a soak curve.
type soakSample struct {
	cycles    int
	rss, wasm uint64
}

// soakSource is the Go file every cycle parses.
func soakSource(t *testing.T) []byte {
	b, err := os.ReadFile(filepath.Join("languages", "golang", "testdata", "snippet.go"))
	require.NoError(t, err)
	return b
}

// runSoak parses src n times with one parser, calling each(tree) after each
// parse, and samples RSS and the store's wasm memory every 10k cycles.
func runSoak(t *testing.T, n int, each func(i int, tree *Tree)) []soakSample {
	ctx := context.Background()
	e := newTestEngine(t)
	l, err := e.LoadLanguageFile(ctx, filepath.Join("languages", "golang", "tree-sitter-go.wasm"), "")
	require.NoError(t, err)
	p, err := e.NewParser(ctx)
	require.NoError(t, err)
	defer p.Close()
	require.NoError(t, p.SetLanguage(ctx, l))
	src := soakSource(t)
	var out []soakSample
	for i := 1; i <= n; i++ {
		tree, err := p.Parse(ctx, src, nil)
		require.NoError(t, err)
		each(i, tree)
		if i%10000 == 0 {
			runtime.GC()
			s := soakSample{i, rssBytes(t), storeMemBytes(p.Store())}
			out = append(out, s)
			t.Logf("%6d cycles: RSS %6.1f MiB, wasm memory %6.1f MiB", s.cycles, mib(s.rss), mib(s.wasm))
		}
	}
	writeSoakCSV(t, out)
	return out
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// writeSoakCSV appends the curve to $TSWASM_SOAK_CSV when set.
func writeSoakCSV(t *testing.T, s []soakSample) {
	p := os.Getenv("TSWASM_SOAK_CSV")
	if p == "" {
		return
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	require.NoError(t, err)
	defer f.Close()
	for _, x := range s {
		fmt.Fprintf(f, "%s,%d,%d,%d\n", t.Name(), x.cycles, x.rss, x.wasm)
	}
}

// TestSoakParseClose: 100k parse-and-close cycles. After the first 10k
// (warm-up), wasm memory does not grow at all and RSS grows by less than
// 16 MiB.
func TestSoakParseClose(t *testing.T) {
	longOnly(t)
	t.Parallel()
	s := runSoak(t, 100_000, func(_ int, tree *Tree) { require.NoError(t, tree.Close()) })
	first, last := s[0], s[len(s)-1]
	assert.Equal(t, first.wasm, last.wasm, "wasm memory is flat")
	assert.Less(t, int64(last.rss)-int64(first.rss), int64(16<<20), "RSS is flat")
}

// TestSoakTreesLeftForCleanup: 100k parses whose trees are never closed,
// only dropped, with runtime.GC every 1000: the cleanups free them, so wasm
// memory stays under 64 MiB and RSS grows by less than 64 MiB after the
// first 10k.
func TestSoakTreesLeftForCleanup(t *testing.T) {
	longOnly(t)
	t.Parallel()
	s := runSoak(t, 100_000, func(i int, _ *Tree) {
		if i%1000 == 0 {
			runtime.GC()
		}
	})
	first, last := s[0], s[len(s)-1]
	for _, x := range s {
		assert.Less(t, x.wasm, uint64(64<<20), "wasm memory is bounded at %d cycles", x.cycles)
	}
	assert.Less(t, int64(last.rss)-int64(first.rss), int64(64<<20), "RSS is bounded")
}
