// parser_stores.go: one Parser for trees of any store of its engine: a parse whose old tree lives in another store runs there, in a sibling C parser the Parser keeps per store.
package tswasm

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// inStore returns the parser that parses in s on p's behalf: p itself for
// its own store, else a sibling created on first use and brought up to p's
// settings (language, encoding, timeout, logger, included ranges).
func (p *Parser) inStore(ctx context.Context, s *Store) (*Parser, error) {
	if s == p.h.store {
		return p, nil
	}
	if s.engine != p.h.store.engine {
		return nil, fmt.Errorf("%w: the old tree was parsed in another engine", ErrForeignObject)
	}
	sib := p.others[s]
	if sib == nil || sib.h.closed.Load() {
		var err error
		if sib, err = newParser(ctx, s); err != nil {
			return nil, err
		}
		if p.others == nil {
			p.others = map[*Store]*Parser{}
		}
		p.others[s] = sib
	}
	sib.encoding, sib.timeout = p.encoding, p.timeout
	sib.logger, sib.slogger = p.logger, p.slogger
	if lang := p.lang.Load(); sib.lang.Load() != lang {
		if err := sib.SetLanguage(ctx, lang); err != nil {
			return nil, err
		}
	}
	want, err := p.IncludedRanges()
	if err != nil {
		return nil, err
	}
	have, err := sib.IncludedRanges()
	if err != nil {
		return nil, err
	}
	if !slices.Equal(want, have) {
		if err := sib.SetIncludedRanges(ctx, want); err != nil {
			return nil, err
		}
	}
	return sib, nil
}

// closeOthers frees the sibling parsers.
func (p *Parser) closeOthers() error {
	var errs []error
	for s, sib := range p.others {
		errs = append(errs, sib.Close())
		delete(p.others, s)
	}
	return errors.Join(errs...)
}
