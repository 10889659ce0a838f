package tswasm

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// repeatedGoFile returns a few megabytes of valid Go: one file of GOROOT
// repeated (tree-sitter-go accepts repeated package clauses).
func repeatedGoFile(t *testing.T, size int) []byte {
	t.Helper()
	files := pickSourceFiles(t, goSrcDir(t), ".go", 20_000, 60_000, 1)
	require.NotEmpty(t, files)
	one, err := os.ReadFile(files[0])
	require.NoError(t, err)
	return bytes.Repeat(one, size/len(one)+1)
}

// requireParserWorks parses a small file with p and compares it with the
// parse of a parser that never saw a cancellation.
func requireParserWorks(t *testing.T, p, ref *Parser, src string) {
	t.Helper()
	got := mustParse(t, p, src)
	want := mustParse(t, ref, src)
	require.Equal(t, want.RootNode().String(), got.RootNode().String())
	require.False(t, got.RootNode().HasError())
}

// TestParseCancelledWhileReading cancels from inside the read callback once
// the parser has read 256 KB of 4 MB: the parse must fail with
// context.Canceled having read at most a chunk or two more, which shows it
// stopped soon after the cancellation without measuring time.
func TestParseCancelledWhileReading(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, ref := newTestParser(t, e, lang), newTestParser(t, e, lang)
	src := repeatedGoFile(t, 4<<20)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const cancelAt = 256 << 10
	var maxEnd uint
	readsAfter := 0
	start := time.Now()
	_, err := p.ParseWith(ctx, func(off uint, _ Point) []byte {
		if ctx.Err() != nil {
			readsAfter++
		}
		end := min(uint(len(src)), off+4096)
		maxEnd = max(maxEnd, end)
		if off >= cancelAt {
			cancel()
		}
		return src[off:end]
	}, nil)
	t.Logf("cancelled after reading %d of %d bytes, %d reads after the cancellation, in %v",
		maxEnd, len(src), readsAfter, time.Since(start))
	require.ErrorIs(t, err, context.Canceled)
	// The read that cancelled fills one 64 KiB buffer; the parser stops
	// within 100 operations, well inside the next buffer.
	require.Less(t, maxEnd, uint(cancelAt+3*inputChunkSize))
	requireParserWorks(t, p, ref, nonASCIIGo)
}

// TestParseCancelledFromLogger cancels a Parse of an 8 MB string from the
// logger after 20,000 log lines and counts the lines logged afterwards:
// tree-sitter asks for progress every 100 operations, so only a few
// thousand at most may follow, against millions for the whole parse.
func TestParseCancelledFromLogger(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, ref := newTestParser(t, e, lang), newTestParser(t, e, lang)
	src := repeatedGoFile(t, 8<<20)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lines, after := 0, 0
	p.SetLogger(func(LogType, string) {
		lines++
		if ctx.Err() != nil {
			after++
		}
		if lines == 20_000 {
			cancel()
		}
	})
	_, err := p.Parse(ctx, src, nil)
	require.ErrorIs(t, err, context.Canceled)
	t.Logf("%d log lines after the cancellation", after)
	require.Less(t, after, 20_000)
	p.SetLogger(nil)
	requireParserWorks(t, p, ref, nonASCIIGo)
}

// TestParseCancelAsync cancels an 8 MB parse from another goroutine a few
// milliseconds in. Whatever the timing, the parse must either fail with
// context.Canceled or (on an impossibly fast machine) succeed, and the
// parser must work afterwards; the test logs how long the parse took.
func TestParseCancelAsync(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, ref := newTestParser(t, e, lang), newTestParser(t, e, lang)
	src := repeatedGoFile(t, 8<<20)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	timer := time.AfterFunc(5*time.Millisecond, cancel)
	defer timer.Stop()
	start := time.Now()
	tree, err := p.Parse(ctx, src, nil)
	elapsed := time.Since(start)
	if err == nil {
		t.Logf("the parse of %d bytes finished in %v, before the cancellation", len(src), elapsed)
		require.NoError(t, tree.Close())
	} else {
		require.ErrorIs(t, err, context.Canceled)
		t.Logf("cancelled after 5ms; Parse returned after %v", elapsed)
	}
	requireParserWorks(t, p, ref, nonASCIIGo)
}

// TestParseDeadline covers expired contexts and the parser's own timeout.
func TestParseDeadline(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, ref := newTestParser(t, e, lang), newTestParser(t, e, lang)
	src := repeatedGoFile(t, 4<<20)

	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	tree, err := p.Parse(expired, []byte("package main\n"), nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Nil(t, tree)
	_, err = p.ParseWith(expired, func(uint, Point) []byte { t.Error("read called"); return nil }, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)

	cancelled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	_, err = p.Parse(cancelled, []byte("package main\n"), nil)
	require.ErrorIs(t, err, context.Canceled)

	// The parser's timeout: 1ms cannot parse 4 MB.
	p.SetTimeout(time.Millisecond)
	require.Equal(t, time.Millisecond, p.Timeout())
	_, err = p.Parse(context.Background(), src, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.False(t, errors.Is(err, context.Canceled))
	_, err = p.ParseReaderAt(context.Background(), bytes.NewReader(src), int64(len(src)), nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)

	// A generous timeout lets a parse finish; 0 removes it.
	p.SetTimeout(time.Hour)
	requireParserWorks(t, p, ref, nonASCIIGo)
	p.SetTimeout(-time.Second)
	require.Zero(t, p.Timeout())
	requireParserWorks(t, p, ref, nonASCIIGo)
}

// TestParseCancelThenIncremental cancels an incremental parse and then
// repeats it: the old tree is intact and the result is right.
func TestParseCancelThenIncremental(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, ref := newTestParser(t, e, lang), newTestParser(t, e, lang)
	src := repeatedGoFile(t, 512<<10)
	old, err := p.Parse(context.Background(), src, nil)
	require.NoError(t, err)
	defer old.Close()

	// Insert a declaration in the middle and edit the old tree.
	at := bytes.Index(src[len(src)/2:], []byte("\nfunc ")) + len(src)/2 + 1
	edit := textEdit{start: at, ins: []byte("var inserted = 1\n\n")}
	newSrc, ie := edit.apply(src)
	require.NoError(t, old.Edit(&ie))

	// Cancel as soon as the parser starts working with the old tree: the
	// thousands of declarations it then reuses take more than the 100
	// operations between two progress checks.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sawEdit := false
	p.SetLogger(func(_ LogType, msg string) {
		if strings.HasPrefix(msg, "parse_after_edit") {
			sawEdit = true
			cancel()
		}
	})
	_, err = p.ParseWith(ctx, func(off uint, _ Point) []byte {
		return newSrc[off:min(uint(len(newSrc)), off+4096)]
	}, old)
	require.True(t, sawEdit, "tree-sitter logs parse_after_edit when given an old tree")
	require.ErrorIs(t, err, context.Canceled)
	p.SetLogger(nil)

	got, err := p.Parse(context.Background(), newSrc, old)
	require.NoError(t, err)
	defer got.Close()
	want, err := ref.Parse(context.Background(), newSrc, nil)
	require.NoError(t, err)
	defer want.Close()
	require.Equal(t, want.RootNode().String(), got.RootNode().String())
	require.False(t, got.RootNode().HasError())
}

// TestParserResetAndClose covers Reset and the calls of this file on a
// closed parser.
func TestParserResetAndClose(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	p, ref := newTestParser(t, e, lang), newTestParser(t, e, lang)
	require.NoError(t, p.Reset())
	requireParserWorks(t, p, ref, nonASCIIGo)
	old := mustParse(t, p, "package main\n")

	require.NoError(t, p.Close())
	ctx := context.Background()
	require.ErrorIs(t, p.Reset(), ErrClosed)
	_, err := p.Parse(ctx, []byte("package main\n"), nil)
	require.ErrorIs(t, err, ErrClosed)
	_, err = p.ParseWith(ctx, func(uint, Point) []byte { return nil }, old)
	require.ErrorIs(t, err, ErrClosed)
	_, err = p.ParseReaderAt(ctx, bytes.NewReader(nil), 0, nil)
	require.ErrorIs(t, err, ErrClosed)
	require.ErrorIs(t, p.SetIncludedRanges(ctx, nil), ErrClosed)
	_, err = p.IncludedRanges()
	require.ErrorIs(t, err, ErrClosed)

	// A closed old tree is refused.
	require.NoError(t, old.Close())
	_, err = ref.Parse(ctx, []byte("package main\n"), old)
	require.ErrorIs(t, err, ErrClosed)
}
