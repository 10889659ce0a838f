// parser.go: the Parser type: its settings, its language, and running a parse in its store.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sync/atomic"
	"time"

	"github.com/tswasm/tswasm/internal/abi"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

// Parser turns source text into syntax trees. A Parser is not safe for
// concurrent use: give each goroutine its own (they are cheap), and spread
// them over stores with Engine.NewParser. A call that overlaps another on
// the same Parser (SetLanguage, a parse, Reset) fails with ErrConcurrentUse.
// Close it when done; a cleanup closes a forgotten one.
type Parser struct {
	h    *handle
	lang atomic.Pointer[Language]
	use  useGuard

	encoding InputEncoding
	timeout  time.Duration
	logger   func(LogType, string) // what Logger returns
	slogger  *slog.Logger          // set by SetSlogLogger; logger then adapts it
	loggerOn bool                  // the C parser has the host logger installed

	others map[*Store]*Parser // parsers in other stores, for old trees that live there
}

func newParser(ctx context.Context, s *Store) (*Parser, error) {
	if !s.acquire() {
		return nil, ErrClosed
	}
	if err := s.lock(); err != nil {
		s.release()
		return nil, err
	}
	ptr, err := s.call0(ctx, "", abi.TsParserNew)
	if err == nil && ptr == 0 {
		err = ErrMemoryLimit
	}
	s.unlock()
	if err != nil {
		s.release()
		return nil, err
	}
	s.users.Add(1)
	p := &Parser{}
	p.h = newHandle(p, s, abi.Ptr(ptr), abi.TsParserDelete)
	p.h.user = true
	return p, nil
}

// Close frees the parser and releases its store. It is idempotent.
func (p *Parser) Close() error { return errors.Join(p.closeOthers(), p.h.Close()) }

// Store returns the store the parser runs in.
func (p *Parser) Store() *Store { return p.h.store }

// Language returns the parser's language, or nil.
func (p *Parser) Language() *Language { return p.lang.Load() }

// SetLanguage selects the grammar the parser uses, linking it into the
// parser's store on first use.
func (p *Parser) SetLanguage(ctx context.Context, l *Language) error {
	if l == nil {
		return errors.New("tswasm: SetLanguage(nil)")
	}
	if p.h.closed.Load() {
		return ErrClosed
	}
	if !p.use.enter() {
		return ErrConcurrentUse
	}
	defer p.use.exit()
	s := p.h.store
	if l.engine != s.engine {
		return fmt.Errorf("%w: language %s was loaded into another engine", ErrForeignObject, l.name)
	}
	return s.withLanguage(ctx, l, func(ptr abi.Ptr) error {
		ok, err := s.call2(ctx, l.name, abi.TsParserSetLanguage, p.h.ptr.Arg(), ptr.Arg())
		if err != nil {
			return err
		}
		if ok == 0 {
			return &LanguageError{Kind: ABIMismatch, Name: l.name, ABI: l.abi, MinABI: tsrt.MinABI, MaxABI: tsrt.MaxABI,
				Err: errors.New("ts_parser_set_language refused the grammar")}
		}
		p.lang.Store(l)
		return nil
	})
}

// SetTimeout limits how long each later parse may run: Parse, ParseWith and
// ParseReaderAt then use a context derived from theirs with that timeout,
// and a parse that exceeds it fails with an error wrapping
// context.DeadlineExceeded. Zero or a negative d removes the limit.
func (p *Parser) SetTimeout(d time.Duration) { p.timeout = max(d, 0) }

// Timeout returns the limit set by SetTimeout, or 0.
func (p *Parser) Timeout() time.Duration { return p.timeout }

// SetLogger makes later parses send tree-sitter's debug log to fn: one call
// per line, with LogTypeParse for parser actions and LogTypeLex for lexer
// actions. nil removes the logger. Logging is verbose and slows parsing
// down considerably.
//
// fn runs on the parsing goroutine in the middle of a wasm call, while the
// parser's store is locked: tswasm objects of the same store (parser, tree,
// node, query cursor) refuse to work from inside it (calls fail with
// ErrReentrant, Node methods return zero values). Objects of other stores
// work. If fn panics, the parse is stopped and the
// panic is re-raised from the parse call once the store is unlocked.
func (p *Parser) SetLogger(fn func(t LogType, msg string)) {
	p.logger, p.slogger = fn, nil
}

// SetSlogLogger makes later parses send tree-sitter's debug log to l at
// slog.LevelDebug, with the parse's context and a "type" attribute ("parse"
// or "lex"). The log is produced only while l is enabled for
// slog.LevelDebug. nil removes the logger. The handler is called as
// SetLogger's fn is, with the same restrictions.
func (p *Parser) SetSlogLogger(l *slog.Logger) {
	if l == nil {
		p.logger, p.slogger = nil, nil
		return
	}
	p.slogger = l
	p.logger = func(t LogType, msg string) { slogLine(context.Background(), l, t, msg) }
}

func slogLine(ctx context.Context, l *slog.Logger, t LogType, msg string) {
	l.LogAttrs(ctx, slog.LevelDebug, msg, slog.String("type", t.String()))
}

// Logger returns the function log lines go to, or nil. After SetSlogLogger
// it is a function that forwards to the slog.Logger.
func (p *Parser) Logger() func(t LogType, msg string) { return p.logger }

// activeLogger returns the log function for a parse under ctx, or nil.
func (p *Parser) activeLogger(ctx context.Context) func(context.Context, LogType, string) {
	if l := p.slogger; l != nil {
		if !l.Enabled(ctx, slog.LevelDebug) {
			return nil
		}
		return func(ctx context.Context, t LogType, msg string) { slogLine(ctx, l, t, msg) }
	}
	if fn := p.logger; fn != nil {
		return func(_ context.Context, t LogType, msg string) { fn(t, msg) }
	}
	return nil
}

// Reset discards the state of an unfinished parse, so that the next parse
// starts from the beginning. Parse calls it itself after a cancelled parse;
// calling it otherwise is harmless.
func (p *Parser) Reset() error {
	if !p.use.enter() {
		return ErrConcurrentUse
	}
	defer p.use.exit()
	if err := p.h.lock(); err != nil {
		return err
	}
	defer p.h.store.unlock()
	_, err := p.h.store.call1(context.Background(), p.langName(), abi.TsParserReset, p.h.ptr.Arg())
	return err
}

func (p *Parser) langName() string {
	if l := p.lang.Load(); l != nil {
		return l.name
	}
	return ""
}

// Parse parses src and returns its tree. src is read in the parser's
// encoding (SetEncoding; UTF-8 by default). With old, the tree of the
// previous version of the text already edited with Tree.Edit, unchanged
// parts are reused. old may come from any parser of the same engine: the
// parse then runs in old's store (the parser keeps a sibling C parser
// there, created on first use), and the new tree lives in that store too.
//
// A cancelled or expired ctx (or the parser's timeout) stops the parse
// within milliseconds; the error then wraps ctx.Err() and the parser is
// ready for the next parse. A ctx that is already done when Parse is called
// fails at once.
func (p *Parser) Parse(ctx context.Context, src []byte, old *Tree) (*Tree, error) {
	if uint64(len(src)) > math.MaxUint32 {
		return nil, fmt.Errorf("tswasm: source of %d bytes is larger than wasm32 can address", len(src))
	}
	return p.run(ctx, parseRequest{src: src}, old)
}

// parseRequest is what a parse reads: src copied into the store, or input
// read chunk by chunk through the host's read import.
type parseRequest struct {
	src   []byte
	input *inputReader
}

// run is the common part of every parse: checks, timeout, host callbacks,
// and the handling of cancellation, reader errors and callback panics.
func (p *Parser) run(ctx context.Context, req parseRequest, old *Tree) (*Tree, error) {
	if p.h.closed.Load() {
		return nil, ErrClosed
	}
	if !p.use.enter() {
		return nil, ErrConcurrentUse
	}
	defer p.use.exit()
	lang := p.lang.Load()
	if lang == nil {
		return nil, ErrNoLanguage
	}
	s := p.h.store
	var oldPtr abi.Ptr
	if old != nil {
		if old.h.store != s {
			// Parse where the old tree lives, with a sibling parser there.
			sib, err := p.inStore(ctx, old.h.store)
			if err != nil {
				return nil, err
			}
			return sib.run(ctx, req, old)
		}
		if old.lang.g != lang.g {
			return nil, fmt.Errorf("tswasm: the old tree is of language %s, the parser's is %s", old.lang.name, lang.name)
		}
		if old.h.closed.Load() {
			return nil, fmt.Errorf("old tree: %w", ErrClosed)
		}
		oldPtr = old.h.ptr
	}
	if p.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, p.timeout)
		defer cancel()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("tswasm: parse cancelled: %w", err)
	}
	hc := &hostCalls{log: p.activeLogger(ctx), store: s, progress: parseProgress(ctx)}
	if req.input != nil {
		hc.read = req.input.fill
	}
	if !s.acquire() { // the tree's reference, taken before the parse can free anything
		return nil, ErrClosed
	}
	t, err := p.parseLocked(context.WithValue(ctx, hostKey{}, hc), s, req, old, oldPtr, hc)
	if err != nil {
		s.release()
		if hc.panicked {
			panic(hc.panicVal)
		}
		return nil, err
	}
	if hc.panicked {
		_ = t.Close()
		panic(hc.panicVal)
	}
	if req.input != nil && req.input.err != nil {
		_ = t.Close()
		return nil, fmt.Errorf("tswasm: reading the input: %w", req.input.err)
	}
	return t, nil
}

func (p *Parser) parseLocked(ctx context.Context, s *Store, req parseRequest, old *Tree, oldPtr abi.Ptr, hc *hostCalls) (*Tree, error) {
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.unlock()
	if p.h.closed.Load() {
		return nil, ErrClosed
	}
	if old != nil && old.h.closed.Load() { // closed by another goroutine meanwhile
		return nil, fmt.Errorf("old tree: %w", ErrClosed)
	}
	lang := p.lang.Load()
	name := lang.name
	if on := hc.log != nil; on != p.loggerOn {
		if _, err := s.call2(ctx, name, abi.TswasmParserSetLogger, p.h.ptr.Arg(), b2u64(on)); err != nil {
			return nil, err
		}
		p.loggerOn = on
	}
	// The progress callback answers from ctx, and stops a parse whose Go
	// callback panicked.
	progress := b2u64(ctx.Done() != nil || hc.read != nil || hc.log != nil || hc.progress != nil)
	ptr, err := p.parseCall(ctx, s, req, oldPtr, progress)
	if err != nil {
		return nil, err
	}
	if ptr == 0 {
		// Cancelled: drop the partial state so the next parse starts fresh.
		if _, err := s.call1(context.Background(), name, abi.TsParserReset, p.h.ptr.Arg()); err != nil {
			return nil, err
		}
		if hc.panicked {
			return nil, errors.New("tswasm: parse stopped by a panicking callback")
		}
		if hc.stopped {
			return nil, ErrStopped
		}
		if cerr := ctx.Err(); cerr != nil {
			return nil, fmt.Errorf("tswasm: parse cancelled: %w", cerr)
		}
		return nil, errors.New("tswasm: parse returned no tree (the grammar's external scanner failed)")
	}
	return newTree(s, ptr, lang), nil
}

// parseCall runs the parse itself, from the input buffer or through the
// host's read import, and returns the TSTree (NULL when stopped).
func (p *Parser) parseCall(ctx context.Context, s *Store, req parseRequest, old abi.Ptr, progress uint64) (abi.Ptr, error) {
	name, enc := p.lang.Load().name, uint64(p.encoding)
	if req.input == nil {
		buf, err := s.writeInput(ctx, req.src)
		if err != nil {
			return 0, err
		}
		ptr, err := s.call6(ctx, name, abi.TswasmParse, p.h.ptr.Arg(), old.Arg(), buf.Arg(), uint64(len(req.src)), enc, progress)
		return abi.Ptr(ptr), err
	}
	buf, err := s.malloc(ctx, inputChunkSize)
	if err != nil {
		return 0, err
	}
	ptr, err := s.call6(ctx, name, abi.TswasmParseInput, p.h.ptr.Arg(), old.Arg(), buf.Arg(), inputChunkSize, enc, progress)
	if err != nil {
		return 0, err
	}
	return abi.Ptr(ptr), s.free(ctx, buf)
}

func b2u64(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
