package tswasm

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

type logLine struct {
	t   LogType
	msg string
}

// The expected lines come from tree-sitter 0.25's sources: parser.c logs
// "new_parse" (or "parse_after_edit" with an old tree) first and "done"
// last as LogTypeParse; lexer.c logs "consume character:'c'" for each
// character of a token as LogTypeLex.
func TestParserLogger(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	require.Nil(t, p.Logger())
	var lines []logLine
	p.SetLogger(func(lt LogType, msg string) { lines = append(lines, logLine{lt, msg}) })
	require.NotNil(t, p.Logger())

	src := "package main\n"
	tree := mustParse(t, p, src)
	require.NotEmpty(t, lines)
	var parse, lex []string
	for _, l := range lines {
		switch l.t {
		case LogTypeParse:
			parse = append(parse, l.msg)
		case LogTypeLex:
			lex = append(lex, l.msg)
		default:
			t.Fatalf("unknown log type %d", l.t)
		}
	}
	require.Equal(t, "new_parse", parse[0])
	require.Equal(t, "done", parse[len(parse)-1])
	for _, c := range "package" {
		require.Contains(t, lex, "consume character:'"+string(c)+"'")
	}
	require.Equal(t, "parse", LogTypeParse.String())
	require.Equal(t, "lex", LogTypeLex.String())

	// With an old tree the parser says so.
	lines = nil
	edit := textEdit{start: len(src), ins: []byte("var x = 1\n")}
	newSrc, ie := edit.apply([]byte(src))
	require.NoError(t, tree.Edit(&ie))
	tree2, err := p.Parse(context.Background(), newSrc, tree)
	require.NoError(t, err)
	defer tree2.Close()
	require.Equal(t, logLine{LogTypeParse, "parse_after_edit"}, lines[0])

	// Removing the logger stops the lines.
	p.SetLogger(nil)
	require.Nil(t, p.Logger())
	lines = nil
	mustParse(t, p, src)
	require.Empty(t, lines)
}

// TestParserLoggerPanic re-raises a logger's panic from Parse and leaves
// the parser and its store usable.
func TestParserLoggerPanic(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	p.SetLogger(func(LogType, string) { panic("logger broke") })
	require.PanicsWithValue(t, "logger broke", func() {
		_, _ = p.Parse(context.Background(), []byte(nonASCIIGo), nil)
	})
	require.NoError(t, p.Store().Err())
	p.SetLogger(nil)
	tree := mustParse(t, p, nonASCIIGo)
	require.False(t, tree.RootNode().HasError())
}

// TestParserLoggerOtherStore uses a tree of another store from inside the
// logger, which the documentation allows.
func TestParserLoggerOtherStore(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(2))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	s1, err := e.NewStore(context.Background())
	require.NoError(t, err)
	defer s1.Close()
	s2, err := e.NewStore(context.Background())
	require.NoError(t, err)
	defer s2.Close()
	p1, err := s1.NewParser(context.Background())
	require.NoError(t, err)
	defer p1.Close()
	require.NoError(t, p1.SetLanguage(context.Background(), lang))
	p2, err := s2.NewParser(context.Background())
	require.NoError(t, err)
	defer p2.Close()
	require.NoError(t, p2.SetLanguage(context.Background(), lang))
	other := mustParse(t, p2, "package other\n")
	kinds := map[string]bool{}
	p1.SetLogger(func(LogType, string) { kinds[other.RootNode().Kind()] = true })
	mustParse(t, p1, "package main\n")
	require.Equal(t, map[string]bool{"source_file": true}, kinds)
}

// recordHandler is a slog.Handler that keeps its records.
type recordHandler struct {
	mu      sync.Mutex
	level   slog.Level
	records []slog.Record
	ctxs    []context.Context
}

func (h *recordHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *recordHandler) Handle(ctx context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r)
	h.ctxs = append(h.ctxs, ctx)
	return nil
}

func (h *recordHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recordHandler) WithGroup(string) slog.Handler      { return h }

type ctxMark struct{}

func TestParserSlogLogger(t *testing.T) {
	e := newTestEngine(t, WithPoolSize(1))
	p := newTestParser(t, e, loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm"))
	h := &recordHandler{level: slog.LevelDebug}
	p.SetSlogLogger(slog.New(h))
	require.NotNil(t, p.Logger())

	ctx := context.WithValue(context.Background(), ctxMark{}, "mine")
	tree, err := p.Parse(ctx, []byte("package main\n"), nil)
	require.NoError(t, err)
	defer tree.Close()
	require.NotEmpty(t, h.records)
	types := map[string]int{}
	for i, r := range h.records {
		require.Equal(t, slog.LevelDebug, r.Level)
		require.Equal(t, "mine", h.ctxs[i].Value(ctxMark{}), "the handler gets the parse's context")
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "type" {
				types[a.Value.String()]++
			}
			return true
		})
	}
	require.Equal(t, "new_parse", h.records[0].Message)
	require.Positive(t, types["parse"])
	require.Positive(t, types["lex"])
	require.Equal(t, len(h.records), types["parse"]+types["lex"])

	// Logger() forwards to the slog.Logger.
	n := len(h.records)
	p.Logger()(LogTypeLex, "by hand")
	require.Len(t, h.records, n+1)
	require.Equal(t, "by hand", h.records[n].Message)

	// A handler that is not enabled for debug gets nothing, and the parse
	// runs without the C logger.
	quiet := &recordHandler{level: slog.LevelInfo}
	p.SetSlogLogger(slog.New(quiet))
	mustParse(t, p, "package main\n")
	require.Empty(t, quiet.records)
	require.False(t, p.loggerOn)

	p.SetSlogLogger(nil)
	require.Nil(t, p.Logger())
	n = len(h.records)
	mustParse(t, p, "package main\n")
	require.Len(t, h.records, n)
	require.True(t, strings.HasPrefix(h.records[0].Message, "new_parse"))
}
