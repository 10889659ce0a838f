package tswasm

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
)

// Parser turns source text into syntax trees. A Parser is not safe for
// concurrent use: give each goroutine its own (they are cheap), and spread
// them over stores with Engine.NewParser. Close it when done; a cleanup
// closes a forgotten one.
type Parser struct {
	h    *handle
	lang *Language
}

// handle is the part of a Parser or Tree that its cleanup needs: the store
// reference and the C object, without a pointer back to its owner.
type handle struct {
	store   *Store
	ptr     uint32
	closed  atomic.Bool
	cleanup runtime.Cleanup
}

func newParser(ctx context.Context, s *Store) (*Parser, error) {
	if !s.acquire() {
		return nil, ErrClosed
	}
	if err := s.lock(); err != nil {
		s.release()
		return nil, err
	}
	ptr, err := s.call(ctx, s.fn.parserNew)
	if err != nil {
		err = s.trap("ts_parser_new", "", err)
	} else if ptr == 0 {
		err = ErrMemoryLimit
	}
	s.unlock()
	if err != nil {
		s.release()
		return nil, err
	}
	s.users.Add(1)
	p := &Parser{h: &handle{store: s, ptr: uint32(ptr)}}
	p.h.cleanup = runtime.AddCleanup(p, func(h *handle) { h.closeParser() }, p.h)
	return p, nil
}

// Close frees the parser and releases its store. It is idempotent.
func (p *Parser) Close() error {
	p.h.cleanup.Stop()
	p.h.closeParser()
	return nil
}

func (h *handle) closeParser() {
	if !h.closed.CompareAndSwap(false, true) {
		return
	}
	s := h.store
	if s.lock() == nil {
		_, _ = s.call(context.Background(), s.fn.parserDelete, uint64(h.ptr))
		s.unlock()
	}
	s.users.Add(-1)
	s.release()
}

// Store returns the store the parser runs in.
func (p *Parser) Store() *Store { return p.h.store }

// Language returns the parser's language, or nil.
func (p *Parser) Language() *Language { return p.lang }

// SetLanguage selects the grammar the parser uses, linking it into the
// parser's store on first use.
func (p *Parser) SetLanguage(ctx context.Context, l *Language) error {
	if l == nil {
		return errors.New("tswasm: SetLanguage(nil)")
	}
	if p.h.closed.Load() {
		return ErrClosed
	}
	s := p.h.store
	if l.engine != s.engine {
		return fmt.Errorf("%w: language %s was loaded into another engine", ErrForeignObject, l.name)
	}
	if err := s.lock(); err != nil {
		return err
	}
	defer s.unlock()
	ptr, err := s.linkLanguage(ctx, l.g)
	if err != nil {
		return &LanguageError{Kind: LinkFailed, Name: l.name, Err: err}
	}
	ok, err := s.call(ctx, s.fn.parserSetLanguage, uint64(p.h.ptr), uint64(ptr))
	if err != nil {
		return s.trap("ts_parser_set_language", l.name, err)
	}
	if ok == 0 {
		return &LanguageError{Kind: ABIMismatch, Name: l.name, ABI: l.abi, MinABI: 13, MaxABI: 15,
			Err: errors.New("ts_parser_set_language refused the grammar")}
	}
	p.lang = l
	return nil
}

// Parse parses src and returns its tree. With old, the tree of the previous
// version of src already edited with Tree.Edit, unchanged parts are reused.
// A cancelled or expired ctx stops the parse within milliseconds; the error
// then wraps ctx.Err() and the parser is ready for the next parse.
func (p *Parser) Parse(ctx context.Context, src []byte, old *Tree) (*Tree, error) {
	if p.h.closed.Load() {
		return nil, ErrClosed
	}
	if p.lang == nil {
		return nil, ErrNoLanguage
	}
	s := p.h.store
	var oldPtr uint32
	if old != nil {
		if old.h.store != s {
			return nil, fmt.Errorf("%w: the old tree was parsed in another store", ErrForeignObject)
		}
		if old.h.closed.Load() {
			return nil, fmt.Errorf("old tree: %w", ErrClosed)
		}
		oldPtr = old.h.ptr
	}
	if uint64(len(src)) > 1<<31 {
		return nil, fmt.Errorf("tswasm: source of %d bytes is larger than wasm32 can address", len(src))
	}
	if !s.acquire() { // the tree's reference, taken before the parse can free anything
		return nil, ErrClosed
	}
	t, err := p.parseLocked(ctx, s, src, oldPtr)
	if err != nil {
		s.release()
		return nil, err
	}
	return t, nil
}

func (p *Parser) parseLocked(ctx context.Context, s *Store, src []byte, oldPtr uint32) (*Tree, error) {
	if err := s.lock(); err != nil {
		return nil, err
	}
	defer s.unlock()
	buf, err := s.writeInput(ctx, src)
	if err != nil {
		return nil, err
	}
	progress := uint64(0)
	if ctx.Done() != nil {
		progress = 1
	}
	const utf8 = 0
	ptr, err := s.call(ctx, s.fn.parse, uint64(p.h.ptr), uint64(oldPtr), uint64(buf), uint64(len(src)), utf8, progress)
	if err != nil {
		return nil, s.trap("parse", p.lang.name, err)
	}
	if ptr == 0 {
		// Cancelled: drop the partial state so the next parse starts fresh.
		if _, rerr := s.call(ctx, s.fn.parserReset, uint64(p.h.ptr)); rerr != nil {
			return nil, s.trap("ts_parser_reset", p.lang.name, rerr)
		}
		if cerr := ctx.Err(); cerr != nil {
			return nil, fmt.Errorf("tswasm: parse cancelled: %w", cerr)
		}
		return nil, errors.New("tswasm: parse returned no tree")
	}
	return newTree(s, uint32(ptr), p.lang), nil
}
