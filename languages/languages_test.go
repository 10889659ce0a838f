package languages_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all"
	"github.com/tswasm/tswasm/languages/golang"
	"github.com/tswasm/tswasm/languages/python"
)

func name(s *languages.Spec, ok bool) string {
	if !ok {
		if s != nil {
			return "BUG: spec with ok=false"
		}
		return ""
	}
	return s.Name
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"go", "go"}, {"Golang", "go"}, {"GO", "go"}, {" go ", "go"},
		{"js", "javascript"}, {"JavaScript", "javascript"}, {"jsx", "javascript"},
		{"ts", "typescript"}, {"tsx", "tsx"},
		{"c#", "c_sharp"}, {"C#", "c_sharp"}, {"csharp", "c_sharp"}, {"c-sharp", "c_sharp"}, {"c_sharp", "c_sharp"},
		{"c++", "cpp"}, {"cpp", "cpp"}, {"c", "c"},
		{"py", "python"}, {"python3", "python"}, {"sh", "bash"}, {"shell", "bash"},
		{"rb", "ruby"}, {"rs", "rust"}, {"yml", "yaml"}, {"hs", "haskell"},
		{"nope", ""}, {"", ""}, {"go ", "go"}, {"g", ""}, {"golang2", ""},
	} {
		if got := name(languages.Lookup(tc.in)); got != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestForExtension(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{".go", "go"}, {"go", "go"}, {".GO", "go"},
		{".c", "c"}, {".h", "c"}, {".cc", "cpp"}, {".hpp", "cpp"}, {".C", "c"},
		{".js", "javascript"}, {".mjs", "javascript"}, {".jsx", "javascript"},
		{".ts", "typescript"}, {".tsx", "tsx"}, {".py", "python"}, {".pyi", "python"},
		{".rs", "rust"}, {".java", "java"}, {".json", "json"}, {".sh", "bash"},
		{".rb", "ruby"}, {".html", "html"}, {".css", "css"}, {".cs", "c_sharp"},
		{".php", "php"}, {".scala", "scala"}, {".hs", "haskell"}, {".lua", "lua"},
		{".toml", "toml"}, {".yaml", "yaml"}, {".yml", "yaml"},
		{".unknown", ""}, {"", ""}, {".", ""},
	} {
		if got := name(languages.ForExtension(tc.in)); got != tc.want {
			t.Errorf("ForExtension(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestForFilename(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"main.go", "go"}, {"/src/pkg/main.go", "go"}, {`C:\src\Prog.cs`, "c_sharp"},
		{"Gemfile", "ruby"}, {"/app/Rakefile", "ruby"}, {"lib/tasks/db.rake", "ruby"},
		{".bashrc", "bash"}, {"/home/u/.bash_profile", "bash"}, {"PKGBUILD", "bash"},
		{"Cargo.lock", "toml"}, {"Cargo.toml", "toml"}, {"composer.lock", "json"},
		{"types.d.ts", "typescript"}, {"jquery.min.js", "javascript"}, {"App.test.tsx", "tsx"},
		{"archive.tar.gz", ""}, {"Makefile", ""}, {"README", ""}, {".gitignore", ""},
		{"file.", ""}, {"dir/", ""}, {"", ""}, {"gemfile", ""},
		{".go", ""}, // a hidden file named ".go" has no extension
	} {
		if got := name(languages.ForFilename(tc.in)); got != tc.want {
			t.Errorf("ForFilename(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestForShebang(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"#!/bin/sh", "bash"}, {"#!/bin/bash -e\necho hi\n", "bash"}, {"#!/bin/bash\r\necho", "bash"},
		{"#!/usr/bin/env python3", "python"}, {"#!/usr/bin/python3.12 -u", "python"},
		{"#! /usr/bin/env ruby", "ruby"}, {"#!/usr/bin/env -S node --experimental-strip-types", "javascript"},
		{"#!/usr/bin/env NODE_ENV=production node", "javascript"}, {"#!/usr/local/bin/lua5.4", "lua"},
		{"#!/usr/bin/php", "php"}, {"#!/usr/bin/env deno", "typescript"}, {"#!/usr/bin/env runhaskell", "haskell"},
		{"#!/usr/bin/perl -w", ""}, {"#!/usr/bin/env", ""}, {"#!", ""}, {"# just a comment", ""},
		{"", ""}, {"python3", ""}, {"\n#!/bin/sh", ""},
	} {
		if got := name(languages.ForShebang([]byte(tc.in))); got != tc.want {
			t.Errorf("ForShebang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct{ path, head, want string }{
		{"build", "#!/usr/bin/env node\nconsole.log(1)\n", "javascript"},
		{"x.py", "#!/bin/sh\n", "python"}, // the file name wins
		{"bin/tool", "#!/usr/bin/env bash\n", "bash"},
		{"notes", "hello\n", ""},
		{"notes", "", ""},
	} {
		if got := name(languages.Detect(tc.path, []byte(tc.head))); got != tc.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", tc.path, tc.head, got, tc.want)
		}
	}
}

func TestAll(t *testing.T) {
	all := languages.All()
	if len(all) < 16 {
		t.Fatalf("All() has %d specs", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b *languages.Spec) int {
		if a.Name < b.Name {
			return -1
		}
		return 1
	}) {
		t.Error("All() is not sorted by name")
	}
	all[0] = nil // a copy: the registry is unaffected
	if languages.All()[0] == nil {
		t.Error("All() returned the registry's own slice")
	}
}

// testWasm returns the official tree-sitter-go 0.25.0 wasm from the
// repository's testdata.
func testWasm(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "grammars", "tree-sitter-go-0.25.0.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRegisterUserGrammar(t *testing.T) {
	wasm := testWasm(t)
	s := &languages.Spec{
		Name:       "mygo",
		Grammar:    "go",
		Aliases:    []string{"My-Go-Alias"},
		Extensions: []string{".mygo"},
		Filenames:  []string{"MYGOFILE"},
		Shebangs:   []string{"mygo-run"},
		Wasm:       wasm,
	}
	if err := languages.Register(s); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { languages.Unregister(s) })
	h := sha256.Sum256(wasm)
	if s.SHA256 != hex.EncodeToString(h[:]) {
		t.Errorf("Register set SHA256 %q, want %x", s.SHA256, h)
	}
	for _, got := range []*languages.Spec{
		must(languages.Lookup("MYGO")), must(languages.Lookup("my-go-alias")), must(languages.ForExtension(".mygo")),
		must(languages.ForFilename("a/b/MYGOFILE")), must(languages.ForShebang([]byte("#!/usr/bin/env mygo-run"))),
	} {
		if got != s {
			t.Errorf("lookup found %v, want the user spec", got)
		}
	}
	if !slices.Contains(languages.All(), s) {
		t.Error("All() lacks the user spec")
	}

	ctx := context.Background()
	e := newEngine(t)
	lang, err := languages.Load(ctx, e, s)
	if err != nil {
		t.Fatal(err)
	}
	p, err := e.NewParser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.SetLanguage(ctx, lang); err != nil {
		t.Fatal(err)
	}
	tree, err := p.Parse(ctx, []byte("package main\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	if got, want := tree.RootNode().String(), "(source_file (package_clause (package_identifier)))"; got != want {
		t.Errorf("parse = %s, want %s", got, want)
	}

	if !languages.Unregister(s) {
		t.Error("Unregister = false")
	}
	if languages.Unregister(s) {
		t.Error("second Unregister = true")
	}
	if _, ok := languages.Lookup("mygo"); ok {
		t.Error("mygo still registered")
	}
	if _, ok := languages.ForExtension(".mygo"); ok {
		t.Error(".mygo still registered")
	}
	// Names are free again.
	if err := languages.Register(s); err != nil {
		t.Errorf("re-Register after Unregister: %v", err)
	}
}

func must(s *languages.Spec, ok bool) *languages.Spec {
	if !ok {
		return nil
	}
	return s
}

func TestRegisterConflicts(t *testing.T) {
	wasm := testWasm(t)
	base := func(name string) *languages.Spec {
		return &languages.Spec{Name: name, Grammar: "go", Wasm: wasm}
	}
	with := func(s *languages.Spec, f func(*languages.Spec)) *languages.Spec { f(s); return s }
	for _, tc := range []struct {
		what     string
		spec     *languages.Spec
		conflict bool // the error wraps ErrConflict
	}{
		{"name taken", base("go"), true},
		{"name is another's alias", base("golang"), true},
		{"alias taken", with(base("fresh1"), func(s *languages.Spec) { s.Aliases = []string{"JS"} }), true},
		{"extension taken", with(base("fresh2"), func(s *languages.Spec) { s.Extensions = []string{".fresh2", ".go"} }), true},
		{"file name taken", with(base("fresh3"), func(s *languages.Spec) { s.Filenames = []string{"Gemfile"} }), true},
		{"shebang taken", with(base("fresh4"), func(s *languages.Spec) { s.Shebangs = []string{"python3"} }), true},
		{"registered spec again", golang.Spec, true},
		{"nil", nil, false},
		{"bad name", base("Bad Name"), false},
		{"upper-case name", base("Go2"), false},
		{"bad grammar", with(base("fresh5"), func(s *languages.Spec) { s.Grammar = "not-ident" }), false},
		{"not wasm", with(base("fresh6"), func(s *languages.Spec) { s.Wasm = []byte("not a wasm file") }), false},
		{"bad sha256", with(base("fresh7"), func(s *languages.Spec) { s.SHA256 = "XYZ" }), false},
		{"extension without dot", with(base("fresh8"), func(s *languages.Spec) { s.Extensions = []string{"fresh8"} }), false},
		{"file name with dir", with(base("fresh9"), func(s *languages.Spec) { s.Filenames = []string{"a/b"} }), false},
		{"shebang with path", with(base("fresh10"), func(s *languages.Spec) { s.Shebangs = []string{"/bin/x"} }), false},
		{"own duplicate", with(base("fresh11"), func(s *languages.Spec) { s.Extensions = []string{".f11", ".f11"} }), false},
		{"alias repeats name", with(base("fresh12"), func(s *languages.Spec) { s.Aliases = []string{"FRESH12"} }), false},
	} {
		err := languages.Register(tc.spec)
		if err == nil {
			languages.Unregister(tc.spec)
			t.Errorf("%s: Register succeeded", tc.what)
			continue
		}
		if errors.Is(err, languages.ErrConflict) != tc.conflict {
			t.Errorf("%s: error %v; wraps ErrConflict = %v, want %v", tc.what, err, !tc.conflict, tc.conflict)
		}
	}
	// A refused spec claims nothing.
	if _, ok := languages.ForExtension(".fresh2"); ok {
		t.Error(".fresh2 was registered by a refused spec")
	}
	if _, ok := languages.Lookup("fresh2"); ok {
		t.Error("fresh2 was registered by a refused spec")
	}
	if s, _ := languages.ForExtension(".go"); s != golang.Spec {
		t.Errorf(".go now maps to %v", s)
	}
}

func newEngine(t *testing.T) *tswasm.Engine {
	t.Helper()
	e, err := tswasm.NewEngine(context.Background(), tswasm.WithPoolSize(1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e
}

func TestLoadChecksum(t *testing.T) {
	ctx := context.Background()
	e := newEngine(t)
	wasm := testWasm(t)
	h := sha256.Sum256(wasm)
	good := hex.EncodeToString(h[:])

	corrupt := slices.Clone(wasm)
	corrupt[len(corrupt)/2] ^= 0xff
	_, err := languages.Load(ctx, e, &languages.Spec{Name: "x", Grammar: "go", Wasm: corrupt, SHA256: good})
	if !errors.Is(err, languages.ErrChecksum) {
		t.Errorf("corrupt wasm: err = %v, want ErrChecksum", err)
	}
	// A bundled spec whose wasm was changed after registration.
	s := *golang.Spec
	s.Wasm = corrupt
	if _, err := languages.Load(ctx, e, &s); !errors.Is(err, languages.ErrChecksum) {
		t.Errorf("modified bundled spec: err = %v, want ErrChecksum", err)
	}
	// Right hash, wrong ABI claim.
	if _, err := languages.Load(ctx, e, &languages.Spec{Name: "x", Grammar: "go", Wasm: wasm, SHA256: good, ABI: 13}); err == nil {
		t.Error("ABI 13 claim for an ABI 15 grammar: no error")
	}
	// Wrong export name.
	if _, err := languages.Load(ctx, e, &languages.Spec{Name: "x", Grammar: "python", Wasm: wasm, SHA256: good}); err == nil {
		t.Error("grammar python in a go wasm: no error")
	}
	// Right everything.
	l, err := languages.Load(ctx, e, &languages.Spec{Name: "x", Grammar: "go", Wasm: wasm, SHA256: good, ABI: 15})
	if err != nil || l.Name() != "go" {
		t.Errorf("good spec: %v, %v", l, err)
	}
	if _, err := languages.Load(ctx, e, nil); err == nil {
		t.Error("nil spec: no error")
	}
	// A nil engine is the default engine.
	dl, err := languages.Load(ctx, nil, golang.Spec)
	if err != nil || dl.Name() != "go" {
		t.Errorf("nil engine: %v, %v", dl, err)
	}
}

func TestLoadCache(t *testing.T) {
	ctx := context.Background()
	e1, e2 := newEngine(t), newEngine(t)

	l1, err := golang.Language(ctx, e1)
	if err != nil {
		t.Fatal(err)
	}
	l2, err := languages.Load(ctx, e1, golang.Spec)
	if err != nil {
		t.Fatal(err)
	}
	if l1 != l2 {
		t.Error("second Load on the same engine returned a new Language")
	}
	l3, err := golang.Language(ctx, e2)
	if err != nil {
		t.Fatal(err)
	}
	if l3 == l1 {
		t.Error("another engine got the first engine's Language")
	}

	// Concurrent first loads load once.
	var wg sync.WaitGroup
	got := make([]*tswasm.Language, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := python.Language(ctx, e1)
			if err != nil {
				t.Error(err)
			}
			got[i] = l
		}()
	}
	wg.Wait()
	for _, l := range got {
		if l == nil || l != got[0] {
			t.Fatalf("concurrent loads returned different languages: %p vs %p", l, got[0])
		}
	}
	if n1, n2 := languages.Cached(e1), languages.Cached(e2); n1 != 2 || n2 != 1 {
		t.Errorf("cache holds %d and %d entries for e1 and e2, want 2 (go, python) and 1 (go)", n1, n2)
	}

	// A closed engine: ErrClosed, and its entries are dropped.
	if err := e1.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := golang.Language(ctx, e1); !errors.Is(err, tswasm.ErrClosed) {
		t.Errorf("Load on a closed engine: %v, want ErrClosed", err)
	}
	if _, err := languages.Load(ctx, e1, python.Spec); !errors.Is(err, tswasm.ErrClosed) {
		t.Errorf("Load on a closed engine: %v, want ErrClosed", err)
	}
	if n1, n2 := languages.Cached(e1), languages.Cached(e2); n1 != 0 || n2 != 1 {
		t.Errorf("after closing e1 the cache holds %d and %d entries for e1 and e2, want 0 and 1", n1, n2)
	}
	// Closed engines are swept on the next load of any engine.
	e4 := newEngine(t)
	if _, err := golang.Language(ctx, e4); err != nil {
		t.Fatal(err)
	}
	_ = e4.Close()
	if _, err := python.Language(ctx, e2); err != nil {
		t.Fatal(err)
	}
	if n := languages.Cached(e4); n != 0 {
		t.Errorf("a closed engine keeps %d cache entries after another load", n)
	}
	// Errors are not cached: a cancelled load can be retried.
	e3 := newEngine(t)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, _ = languages.Load(cctx, e3, golang.Spec) // may or may not fail: it is not cached if it does
	if _, err := languages.Load(ctx, e3, golang.Spec); err != nil {
		t.Errorf("retry after a cancelled load: %v", err)
	}
}
