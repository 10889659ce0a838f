// Package languages is the registry of tree-sitter grammars known to a
// program: the bundled ones, each in its own package under languages/ that
// registers itself when imported, and any a program registers at run time.
//
// Import only the grammars you need, so that the program carries only their
// wasm:
//
//	import "github.com/tswasm/tswasm/languages/golang"
//
//	lang, err := golang.Language(ctx, engine)
//
// or every bundled grammar, for a tool that detects the language of a file:
//
//	import _ "github.com/tswasm/tswasm/languages/all"
//
//	spec, ok := languages.Detect(path, head) // name, modeline, shebang, C/C++ content
//	lang, err := languages.Load(ctx, engine, spec)
//
// grammars/manifest.json records where each bundled grammar comes from
// (npm package, version, license, sha256); grammars/update.sh refreshes them
// and regenerates the packages' spec_gen.go files.
package languages

//go:generate go run ../grammars/internal/update -gen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tswasm/tswasm"
)

// Spec describes one grammar: how to recognise its files, its wasm, and its
// query files. Treat a registered Spec as read-only.
type Spec struct {
	// Name is the canonical name, lower case: "go", "javascript", "c_sharp".
	Name string
	// Title is the display name: "Go", "C#". Optional.
	Title string
	// Grammar is the <name> of the wasm's tree_sitter_<name> export.
	Grammar string
	// Aliases are other names Lookup accepts: "golang", "js", "c#".
	Aliases []string
	// Extensions are file name suffixes with their dot: ".go", ".d.ts".
	Extensions []string
	// Filenames are whole base names: "Gemfile", ".bashrc".
	Filenames []string
	// Shebangs are interpreter names after #! (or after env): "python3",
	// "node".
	Shebangs []string
	// Wasm is the grammar side module.
	Wasm []byte
	// SHA256 is the lower-case hex digest of Wasm. Load refuses a Wasm that
	// does not match it; Register fills it in when empty.
	SHA256 string
	// Version and Package say where the grammar comes from, such as npm
	// package "tree-sitter-go" version "0.25.0". Optional.
	Version string
	Package string
	// ABI is the grammar's ABI version. When not zero, Load checks it.
	ABI uint32
	// License is the grammar's SPDX license expression. Optional.
	License string
	// Origin is "shipped" for a wasm copied from the package, "built" for
	// one compiled from its C sources. Optional.
	Origin string
	// Queries maps a query kind ("highlights", "injections", "locals",
	// "tags") to its source. Queries a grammar inherits from another (as
	// TypeScript's highlights include JavaScript's) are already joined in.
	Queries map[string]string
}

// String returns the spec's name.
func (s *Spec) String() string {
	if s == nil {
		return "<nil>"
	}
	return s.Name
}

// ErrConflict is wrapped by Register's error when a name, alias, extension,
// file name or shebang is already taken by another grammar.
var ErrConflict = errors.New("languages: already registered")

// ErrChecksum is wrapped by Load's error when a spec's Wasm does not match
// its SHA256.
var ErrChecksum = errors.New("languages: wasm does not match its SHA256")

type registry struct {
	mu        sync.RWMutex
	specs     []*Spec          // sorted by Name
	names     map[string]*Spec // lower-cased name and aliases
	exts      map[string]*Spec // as given
	extsLower map[string]*Spec // lower-cased; first registered wins
	files     map[string]*Spec
	shebangs  map[string]*Spec
}

var reg = &registry{
	names:     map[string]*Spec{},
	exts:      map[string]*Spec{},
	extsLower: map[string]*Spec{},
	files:     map[string]*Spec{},
	shebangs:  map[string]*Spec{},
}

var (
	nameRE    = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	grammarRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	hexRE     = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// validate checks s's fields on their own.
func validate(s *Spec) error {
	if s == nil {
		return errors.New("languages: nil Spec")
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("languages: spec %q: %s", s.Name, fmt.Sprintf(format, args...))
	}
	switch {
	case !nameRE.MatchString(s.Name):
		return bad("name must be lower case letters, digits and _, starting with a letter")
	case !grammarRE.MatchString(s.Grammar):
		return bad("grammar %q is not a C identifier", s.Grammar)
	case len(s.Wasm) < 8 || !bytes.Equal(s.Wasm[:4], []byte("\x00asm")):
		return bad("Wasm is not a WebAssembly module")
	case s.SHA256 != "" && !hexRE.MatchString(s.SHA256):
		return bad("SHA256 %q is not 64 lower-case hex digits", s.SHA256)
	}
	for _, a := range s.Aliases {
		if strings.TrimSpace(a) != a || a == "" {
			return bad("bad alias %q", a)
		}
	}
	for _, x := range s.Extensions {
		if len(x) < 2 || x[0] != '.' || strings.ContainsAny(x, "/\\ ") {
			return bad("extension %q must start with a dot and hold no separators", x)
		}
	}
	for _, f := range s.Filenames {
		if f == "" || strings.ContainsAny(f, "/\\") {
			return bad("file name %q must be a base name", f)
		}
	}
	for _, i := range s.Shebangs {
		if i == "" || strings.ContainsAny(i, "/\\ \t") {
			return bad("shebang interpreter %q must be a bare name", i)
		}
	}
	for k := range s.Queries {
		if k == "" {
			return bad("empty query kind")
		}
	}
	return nil
}

// Register adds s to the registry. Its name and aliases (case-insensitive),
// extensions, file names and shebang interpreters must not be taken by
// another registered spec (the error wraps ErrConflict), and must not repeat
// within s. When s.SHA256 is empty, Register computes it from s.Wasm.
// Bundled grammar packages call Register from init; programs may register
// their own grammars at any time.
func Register(s *Spec) error {
	if err := validate(s); err != nil {
		return err
	}
	sumHex := s.SHA256
	if sumHex == "" {
		sumHex = wasmSum(s.Wasm)
	}
	reg.mu.Lock()
	defer reg.mu.Unlock()
	if slices.Contains(reg.specs, s) {
		return fmt.Errorf("%w: spec %q is registered", ErrConflict, s.Name)
	}
	type claim struct {
		m    map[string]*Spec
		key  string
		what string
	}
	var claims []claim
	for _, n := range append([]string{s.Name}, s.Aliases...) {
		claims = append(claims, claim{reg.names, strings.ToLower(n), "name"})
	}
	for _, x := range s.Extensions {
		claims = append(claims, claim{reg.exts, x, "extension"})
	}
	for _, f := range s.Filenames {
		claims = append(claims, claim{reg.files, f, "file name"})
	}
	for _, i := range s.Shebangs {
		claims = append(claims, claim{reg.shebangs, i, "shebang interpreter"})
	}
	seen := map[string]bool{}
	for _, c := range claims {
		if o := c.m[c.key]; o != nil {
			return fmt.Errorf("%w: %s %q of %q belongs to %q", ErrConflict, c.what, c.key, s.Name, o.Name)
		}
		if seen[c.what+"\x00"+c.key] {
			return fmt.Errorf("languages: spec %q lists %s %q twice", s.Name, c.what, c.key)
		}
		seen[c.what+"\x00"+c.key] = true
	}
	for _, c := range claims {
		c.m[c.key] = s
	}
	for _, x := range s.Extensions {
		if _, ok := reg.extsLower[strings.ToLower(x)]; !ok {
			reg.extsLower[strings.ToLower(x)] = s
		}
	}
	s.SHA256 = sumHex
	i, _ := slices.BinarySearchFunc(reg.specs, s.Name, func(a *Spec, n string) int { return strings.Compare(a.Name, n) })
	reg.specs = slices.Insert(reg.specs, i, s)
	return nil
}

// Unregister removes s from the registry, so that its names and file
// patterns can be given to another spec. It reports whether s was
// registered. Languages already loaded from s stay usable.
func Unregister(s *Spec) bool {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	i := slices.Index(reg.specs, s)
	if i < 0 {
		return false
	}
	reg.specs = slices.Delete(reg.specs, i, i+1)
	for _, m := range []map[string]*Spec{reg.names, reg.exts, reg.files, reg.shebangs} {
		for k, v := range m {
			if v == s {
				delete(m, k)
			}
		}
	}
	// Rebuild the case-folded extension index in registration-independent
	// (name) order.
	clear(reg.extsLower)
	for _, o := range reg.specs {
		for _, x := range o.Extensions {
			if _, ok := reg.extsLower[strings.ToLower(x)]; !ok {
				reg.extsLower[strings.ToLower(x)] = o
			}
		}
	}
	return true
}

// Lookup returns the spec whose name or alias is name, ignoring case.
// A name with "-" in place of "_" also matches ("c-sharp").
func Lookup(name string) (*Spec, bool) {
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	n := strings.ToLower(strings.TrimSpace(name))
	if s := reg.names[n]; s != nil {
		return s, true
	}
	if s := reg.names[strings.ReplaceAll(n, "-", "_")]; s != nil {
		return s, true
	}
	return nil, false
}

// ForExtension returns the spec for a file extension, such as ".go" (the
// leading dot is optional). An exact match wins; otherwise case is ignored.
func ForExtension(ext string) (*Spec, bool) {
	if ext == "" {
		return nil, false
	}
	if ext[0] != '.' {
		ext = "." + ext
	}
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	return reg.forExt(ext)
}

func (r *registry) forExt(ext string) (*Spec, bool) {
	if s := r.exts[ext]; s != nil {
		return s, true
	}
	if s := r.extsLower[strings.ToLower(ext)]; s != nil {
		return s, true
	}
	return nil, false
}

// ForFilename returns the spec for a file path by its base name: a whole
// name ("Makefile", ".bashrc") first, then its extensions, longest first
// ("x.d.ts" tries ".d.ts", then ".ts"). Both / and \ separate directories.
func ForFilename(p string) (*Spec, bool) {
	base := p
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if base == "" {
		return nil, false
	}
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	if s := reg.files[base]; s != nil {
		return s, true
	}
	// A leading dot starts a hidden file's name, not an extension.
	for i := 1; i < len(base); i++ {
		if base[i] == '.' && i+1 < len(base) {
			if s, ok := reg.forExt(base[i:]); ok {
				return s, true
			}
		}
	}
	return nil, false
}

// ForShebang returns the spec for a script's first line, such as
// "#!/usr/bin/env python3" or "#!/bin/sh -e". Only the text up to the first
// newline is read. After env, options and VAR=value assignments are skipped
// ("#!/usr/bin/env -S node --flag"). An interpreter with a version suffix
// ("python3.12", "ruby2.7") also matches its bare name.
func ForShebang(firstLine []byte) (*Spec, bool) {
	line, _, _ := bytes.Cut(firstLine, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	rest, ok := bytes.CutPrefix(line, []byte("#!"))
	if !ok {
		return nil, false
	}
	fields := strings.Fields(string(rest))
	if len(fields) == 0 {
		return nil, false
	}
	interp := path.Base(fields[0])
	if interp == "env" {
		interp = ""
		for _, f := range fields[1:] {
			if strings.HasPrefix(f, "-") || strings.Contains(f, "=") {
				continue
			}
			interp = path.Base(f)
			break
		}
	}
	if interp == "" {
		return nil, false
	}
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	if s := reg.shebangs[interp]; s != nil {
		return s, true
	}
	if bare := strings.TrimRight(interp, "0123456789.-"); bare != interp && bare != "" {
		if s := reg.shebangs[bare]; s != nil {
			return s, true
		}
	}
	return nil, false
}

// All returns the registered specs sorted by Name.
func All() []*Spec {
	reg.mu.RLock()
	defer reg.mu.RUnlock()
	return slices.Clone(reg.specs)
}

func wasmSum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Load loads s into e (tswasm.DefaultEngine() when e is nil): it checks s.Wasm against s.SHA256 (when set), loads
// it with e.LoadLanguage(ctx, s.Wasm, s.Grammar), and checks the ABI (when
// s.ABI is set). The result is cached per (engine, spec), so later calls
// return the same *tswasm.Language at once; concurrent first calls load
// once. Errors are not cached. A closed engine's entries are dropped, and
// Load on it returns tswasm.ErrClosed. s need not be registered.
func Load(ctx context.Context, e *tswasm.Engine, s *Spec) (*tswasm.Language, error) {
	if s == nil {
		return nil, errors.New("languages: Load: nil Spec")
	}
	if e == nil {
		var err error
		if e, err = tswasm.DefaultEngine(); err != nil {
			return nil, err
		}
	}
	k := cacheKey{e, s}
	for {
		cache.mu.Lock()
		ent := cache.m[k]
		if ent == nil {
			break
		}
		cache.mu.Unlock()
		select {
		case <-ent.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if ent.err == nil {
			if e.Stats().Closed {
				dropEngine(e)
				return nil, tswasm.ErrClosed
			}
			return ent.lang, nil
		}
		// The loader failed and removed the entry; try again ourselves.
	}
	ent := &cacheEntry{done: make(chan struct{})}
	cache.m[k] = ent
	cache.mu.Unlock()

	ent.lang, ent.err = load(ctx, e, s)
	if ent.err != nil {
		cache.mu.Lock()
		delete(cache.m, k)
		cache.mu.Unlock()
		close(ent.done)
		if errors.Is(ent.err, tswasm.ErrClosed) {
			dropEngine(e)
		}
		return nil, ent.err
	}
	close(ent.done)
	dropClosedEngines()
	return ent.lang, nil
}

func load(ctx context.Context, e *tswasm.Engine, s *Spec) (*tswasm.Language, error) {
	if s.SHA256 != "" {
		if got := wasmSum(s.Wasm); got != s.SHA256 {
			return nil, fmt.Errorf("%w: %s: got %s, want %s", ErrChecksum, s.Name, got, s.SHA256)
		}
	}
	l, err := e.LoadLanguage(ctx, s.Wasm, s.Grammar)
	if err != nil {
		return nil, fmt.Errorf("languages: loading %s: %w", s.Name, err)
	}
	if s.ABI != 0 && l.ABIVersion() != s.ABI {
		return nil, fmt.Errorf("languages: %s: wasm has ABI %d, spec says %d", s.Name, l.ABIVersion(), s.ABI)
	}
	return l, nil
}

type cacheKey struct {
	e *tswasm.Engine
	s *Spec
}

type cacheEntry struct {
	done chan struct{}
	lang *tswasm.Language
	err  error
}

var cache = struct {
	mu sync.Mutex
	m  map[cacheKey]*cacheEntry
}{m: map[cacheKey]*cacheEntry{}}

// dropEngine forgets e's cached languages.
func dropEngine(e *tswasm.Engine) {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	for k, ent := range cache.m {
		if k.e == e && isDone(ent) {
			delete(cache.m, k)
		}
	}
}

// dropClosedEngines forgets the languages of engines closed since; it runs
// after each load, so the cache holds closed engines only until then.
func dropClosedEngines() {
	cache.mu.Lock()
	engines := map[*tswasm.Engine]bool{}
	for k := range cache.m {
		engines[k.e] = false
	}
	cache.mu.Unlock()
	for e := range engines {
		if e.Stats().Closed {
			dropEngine(e)
		}
	}
}

func isDone(ent *cacheEntry) bool {
	select {
	case <-ent.done:
		return true
	default:
		return false
	}
}

// cached reports how many specs the cache holds for e; for tests.
func cached(e *tswasm.Engine) int {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	n := 0
	for k := range cache.m {
		if k.e == e {
			n++
		}
	}
	return n
}
