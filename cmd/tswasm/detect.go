// Stage 2 of the pipeline: which language each file is, forced or detected.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
)

// langEntry is one language a run uses, loaded at most once.
type langEntry struct {
	name   string // registry name, or the grammar's own name for a --grammar
	spec   *spec  // nil for a --grammar whose name the registry does not know
	source string // where the grammar comes from, for messages

	once sync.Once
	lang *tswasm.Language
	err  error
}

// load loads the grammar once; later calls return the same result.
func (le *langEntry) load(ctx context.Context, e *tswasm.Engine) (*tswasm.Language, error) {
	le.once.Do(func() {
		if le.lang != nil {
			return
		}
		l, err := loadLang(ctx, e, le.spec)
		if err != nil {
			le.err = &grammarLoadError{fmt.Errorf("grammar %s (%s) failed to load: %w", le.name, le.source, err)}
			return
		}
		le.lang = l
	})
	return le.lang, le.err
}

// langName returns le's name, or "" for nil.
func langName(le *langEntry) string {
	if le == nil {
		return ""
	}
	return le.name
}

// grammarLoadError is the error of a grammar that does not load.
type grammarLoadError struct{ error }

func (e *grammarLoadError) Unwrap() error { return e.error }

// resolver picks the language of each input: the one forced by --lang or
// --grammar, or the registry's detection (file name, modeline, shebang,
// C or C++ content), restricted to --only-lang's languages.
type resolver struct {
	forced      *langEntry
	grammarWasm []byte          // --grammar's module, loaded by init
	only        map[string]bool // --only-lang names; nil: any

	mu      sync.Mutex
	entries map[string]*langEntry
}

// newResolver checks --lang, --only-lang and --grammar; init loads the
// forced language once the engine exists.
func newResolver(langName, grammarPath string, only []string) (*resolver, error) {
	r := &resolver{entries: map[string]*langEntry{}}
	for _, n := range only {
		for _, n := range strings.Split(n, ",") {
			if n = strings.TrimSpace(n); n == "" {
				continue
			}
			sp, ok := lookupLang(n)
			if !ok {
				return nil, unknownLanguage(n)
			}
			if r.only == nil {
				r.only = map[string]bool{}
			}
			r.only[sp.Name] = true
		}
	}
	switch {
	case grammarPath != "":
		wasm, err := os.ReadFile(grammarPath)
		if err != nil {
			return nil, fmt.Errorf("reading grammar: %w", err)
		}
		r.grammarWasm = wasm
		r.forced = &langEntry{name: langName, source: grammarPath}
	case langName != "":
		sp, ok := lookupLang(langName)
		if !ok {
			return nil, unknownLanguage(langName)
		}
		r.forced = r.entry(sp)
	}
	return r, nil
}

// init loads the forced language into e, so that an unknown name or a
// grammar that does not load stops the command before any file is read.
func (r *resolver) init(ctx context.Context, e *tswasm.Engine) error {
	f := r.forced
	if f == nil {
		return nil
	}
	if r.grammarWasm == nil {
		_, err := f.load(ctx, e)
		return err
	}
	path, langName := f.source, f.name
	l, err := e.LoadLanguage(ctx, r.grammarWasm, langName)
	if err != nil && langName != "" {
		// --lang may be an alias of the name the module exports.
		if sp, ok := lookupLang(langName); ok && sp.Grammar != langName {
			if l2, err2 := e.LoadLanguage(ctx, r.grammarWasm, sp.Grammar); err2 == nil {
				l, err = l2, nil
			}
		}
	}
	if err != nil {
		return fmt.Errorf("grammar %s failed to load: %w", path, err)
	}
	f.lang = l
	f.once.Do(func() {})
	if f.name == "" {
		f.name = l.Name()
	}
	if sp, ok := lookupLang(f.name); ok {
		f.spec = sp
		f.name = sp.Name
	}
	return nil
}

// unknownLanguage is the error for a language name the registry does not know.
func unknownLanguage(name string) error {
	var names []string
	for _, s := range allLangs() {
		names = append(names, s.Name)
	}
	slices.Sort(names)
	return fmt.Errorf("unknown language %q (bundled: %s; or load one with --grammar FILE.wasm)",
		name, strings.Join(names, ", "))
}

// entry returns the shared entry of a registry language.
func (r *resolver) entry(sp *spec) *langEntry {
	r.mu.Lock()
	defer r.mu.Unlock()
	le := r.entries[sp.Name]
	if le == nil {
		le = &langEntry{name: sp.Name, spec: sp, source: "bundled"}
		if sp.Version != "" {
			le.source = "bundled " + sp.Version
		}
		r.entries[sp.Name] = le
	}
	return le
}

// candidate reports whether a file found in a directory may be processed,
// judging by its name; maybe means only its first bytes can tell (a
// shebang, a modeline, or the binary check for a forced language).
func (r *resolver) candidate(path string) (ok, maybe bool) {
	if r.forced != nil && r.only == nil {
		return true, false
	}
	if sp, found := languages.ForFilename(path); found {
		if r.only == nil || r.only[sp.Name] {
			return true, false
		}
		if sp.Name == "c" && r.only["cpp"] && strings.HasSuffix(strings.ToLower(path), ".h") {
			return true, true // a header that may be C++
		}
		return false, false
	}
	return true, true
}

// choose returns the language for a file given its first bytes, or nil.
func (r *resolver) choose(in input, head []byte) *langEntry {
	if r.forced != nil && (in.explicit || r.only == nil) {
		return r.forced
	}
	p := in.path
	var sp *spec
	var ok bool
	if p == "-" {
		sp, ok = detectLang("", head)
	} else {
		sp, ok = languages.DetectFile(p, head)
	}
	if !ok || (r.only != nil && !r.only[sp.Name]) {
		return nil
	}
	if r.forced != nil {
		return r.forced
	}
	return r.entry(sp)
}

// errNoLanguage is returned for an explicitly named file whose language
// cannot be detected.
var errNoLanguage = errors.New("cannot detect the language (by name, modeline or shebang); name it with --lang")
