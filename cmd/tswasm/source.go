package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tswasm/tswasm"
)

// newEngine starts the one engine a command uses. Compiled code is cached
// in $TSWASM_CACHE_DIR, by default the user cache directory's "tswasm"
// folder, so that later runs start faster; TSWASM_CACHE_DIR=off disables it.
func newEngine(ctx context.Context) (*tswasm.Engine, error) {
	var opts []tswasm.Option
	dir := os.Getenv("TSWASM_CACHE_DIR")
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "tswasm", "wazero")
		}
	}
	if dir != "" && dir != "off" {
		if err := os.MkdirAll(dir, 0o755); err == nil {
			opts = append(opts, tswasm.WithCompilationCacheDir(dir))
		}
	}
	e, err := tswasm.NewEngine(ctx, opts...)
	if err != nil && len(opts) > 0 {
		// A broken cache directory must not stop the tool.
		e, err = tswasm.NewEngine(ctx)
	}
	return e, err
}

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

// grammarLoadError is the error of a grammar that does not load.
type grammarLoadError struct{ error }

func (e *grammarLoadError) Unwrap() error { return e.error }

// resolver picks the language of each input: the one forced by --lang or
// --grammar, or the registry's detection.
type resolver struct {
	engine *tswasm.Engine
	forced *langEntry

	mu      sync.Mutex
	entries map[string]*langEntry
}

// newResolver sets up language selection for --lang and --grammar. A forced
// language is loaded here, so that an unknown name or a grammar that does not
// load stops the command before any file is read.
func newResolver(ctx context.Context, e *tswasm.Engine, langName, grammarPath string) (*resolver, error) {
	r := &resolver{engine: e, entries: map[string]*langEntry{}}
	switch {
	case grammarPath != "":
		wasm, err := os.ReadFile(grammarPath)
		if err != nil {
			return nil, fmt.Errorf("reading grammar: %w", err)
		}
		l, err := e.LoadLanguage(ctx, wasm, langName)
		if err != nil && langName != "" {
			// --lang may be an alias of the name the module exports.
			if sp, ok := lookupLang(langName); ok && sp.Grammar != langName {
				if l2, err2 := e.LoadLanguage(ctx, wasm, sp.Grammar); err2 == nil {
					l, err = l2, nil
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("grammar %s failed to load: %w", grammarPath, err)
		}
		le := &langEntry{name: l.Name(), source: grammarPath, lang: l}
		if langName != "" {
			le.name = langName
		}
		if sp, ok := lookupLang(le.name); ok {
			le.spec = sp
			le.name = sp.Name
		}
		r.forced = le
	case langName != "":
		sp, ok := lookupLang(langName)
		if !ok {
			return nil, unknownLanguage(langName)
		}
		le := r.entry(sp)
		if _, err := le.load(ctx, e); err != nil {
			return nil, err
		}
		r.forced = le
	}
	return r, nil
}

// unknownLanguage is the error for a --lang the registry does not know.
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
// judging by its name; maybe means only its first line can tell.
func (r *resolver) candidate(path string) (ok, maybe bool) {
	if f := r.forced; f != nil && f.spec == nil {
		return strings.EqualFold(filepath.Ext(path), "."+f.name), false
	}
	if sp, found := detectLang(path, nil); found {
		return r.forced == nil || sp.Name == r.forced.name, false
	}
	if filepath.Ext(path) == "" {
		return true, true // maybe a script with a shebang line
	}
	return false, false
}

// choose returns the language for a file given its first bytes, or nil.
func (r *resolver) choose(in input, head []byte) *langEntry {
	f := r.forced
	if f != nil && in.explicit {
		return f
	}
	if f != nil && f.spec == nil {
		if strings.EqualFold(filepath.Ext(in.path), "."+f.name) {
			return f
		}
		return nil
	}
	sp, ok := detectLang(in.path, head)
	if !ok {
		return nil
	}
	if f != nil {
		if sp.Name == f.name {
			return f
		}
		return nil
	}
	return r.entry(sp)
}

// skipKind says why an input was not processed.
type skipKind int

const (
	notSkipped skipKind = iota
	skipBinary          // NUL bytes or mostly invalid UTF-8
	skipNoLang          // found in a directory, but no language applies
)

// headSize is how much of a file language detection and the binary check see.
const headSize = 8 << 10

// errNoLanguage is returned for an explicitly named file whose language
// cannot be detected.
var errNoLanguage = errors.New("cannot detect the language; name it with --lang")

// readInput reads an input and picks its language. A skipped input returns
// its skipKind and no error; a failure returns the error.
func (r *resolver) readInput(in input, stdin io.Reader) (src []byte, le *langEntry, skip skipKind, err error) {
	if in.path == "-" {
		if r.forced == nil {
			return nil, nil, 0, errors.New("standard input needs --lang or --grammar")
		}
		src, err = io.ReadAll(stdin)
		return src, r.forced, notSkipped, err
	}
	f, err := os.Open(in.path)
	if err != nil {
		if in.maybe {
			return nil, nil, skipNoLang, nil
		}
		return nil, nil, 0, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return nil, nil, 0, errors.New("is a directory")
		}
		size = fi.Size()
	}
	buf := make([]byte, min(max(size, 0)+1, headSize))
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		if in.maybe {
			return nil, nil, skipNoLang, nil
		}
		return nil, nil, 0, err
	}
	head := buf[:n]
	le = r.choose(in, head)
	if le == nil {
		if in.explicit {
			return nil, nil, 0, errNoLanguage
		}
		return nil, nil, skipNoLang, nil
	}
	if isBinary(head, n < len(buf)) {
		return nil, le, skipBinary, nil
	}
	if n < len(buf) {
		return head, le, notSkipped, nil
	}
	var all bytes.Buffer
	all.Grow(int(size) + 512)
	all.Write(head)
	if _, err := all.ReadFrom(f); err != nil {
		return nil, nil, 0, err
	}
	return all.Bytes(), le, notSkipped, nil
}

// isBinary reports whether a file's first bytes look binary: a NUL byte, or
// more than 10% of bytes in invalid UTF-8 sequences. complete says head is
// the whole file (otherwise a rune cut at its end is not counted).
func isBinary(head []byte, complete bool) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			if !complete && len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) {
				break
			}
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}
