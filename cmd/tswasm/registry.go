package main

import (
	"context"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all" // every bundled grammar
)

// The CLI reaches the language registry only through these names.

// spec describes one registered language.
type spec = languages.Spec

// lookupLang finds a language by name or alias.
func lookupLang(name string) (*spec, bool) { return languages.Lookup(name) }

// detectLang picks a language from a file path and its first bytes.
func detectLang(path string, head []byte) (*spec, bool) { return languages.Detect(path, head) }

// allLangs lists the registered languages.
func allLangs() []*spec { return languages.All() }

// loadLang loads a language's grammar into e.
func loadLang(ctx context.Context, e *tswasm.Engine, s *spec) (*tswasm.Language, error) {
	return languages.Load(ctx, e, s)
}
