// store_link.go: linking grammars into a store, and the lock-and-link step every language operation starts with.
package tswasm

import (
	"context"
	"errors"

	"github.com/tswasm/tswasm/internal/abi"
	"github.com/tswasm/tswasm/internal/link"
)

type linkedLanguage struct {
	inst *link.Instance
	ptr  abi.Ptr
}

// linkLanguage links g into the store (once) and returns its TSLanguage
// address; the caller holds s.mu.
func (s *Store) linkLanguage(ctx context.Context, g *grammar) (abi.Ptr, error) {
	if l := s.langs[g]; l != nil {
		return l.ptr, nil
	}
	t := link.Target{
		Runtime:  s.engine.rt,
		Instance: s.in.Module(),
		AllocData: func(ctx context.Context, size, align uint32) (uint32, error) {
			r, err := s.in.Call2(ctx, abi.TswasmAllocData, uint64(size), uint64(align))
			return uint32(r), err
		},
		TableGrow: func(ctx context.Context, n uint32) (uint32, error) {
			r, err := s.in.Call1(ctx, abi.TswasmTableGrow, uint64(n))
			return uint32(r), err
		},
	}
	inst, err := link.Link(ctx, t, g.info, g.compiled)
	if err != nil {
		var ie *link.ImportError
		if errors.As(err, &ie) {
			return 0, err // nothing ran: the store is intact
		}
		// A trap in relocation or constructors may have written anywhere.
		s.trap("link", g.info.Name, err)
		return 0, err
	}
	ptr := abi.Ptr(inst.Language)
	s.langs[g] = &linkedLanguage{inst: inst, ptr: ptr}
	return ptr, nil
}

// linkLocked links l into the store, whose lock the caller holds, and
// returns its TSLanguage address; a failure is a *LanguageError.
func (s *Store) linkLocked(ctx context.Context, l *Language) (abi.Ptr, error) {
	ptr, err := s.linkLanguage(ctx, l.g)
	if err != nil {
		return 0, &LanguageError{Kind: LinkFailed, Name: l.name, Err: err}
	}
	return ptr, nil
}

// withLanguage locks s, links l into it and runs f with its TSLanguage
// address, then unlocks.
func (s *Store) withLanguage(ctx context.Context, l *Language, f func(ptr abi.Ptr) error) error {
	if err := s.lock(); err != nil {
		return err
	}
	defer s.unlock()
	ptr, err := s.linkLocked(ctx, l)
	if err != nil {
		return err
	}
	return f(ptr)
}
