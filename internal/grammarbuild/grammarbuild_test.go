package grammarbuild

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// requireClang returns the clang to use, or skips the test when there is
// none; with TSWASM_REQUIRE_TOOLCHAIN=1 a missing toolchain fails instead.
func requireClang(t *testing.T) string {
	t.Helper()
	clang, err := FindClang()
	if err != nil {
		if os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" {
			t.Fatalf("TSWASM_REQUIRE_TOOLCHAIN=1 but: %v", err)
		}
		t.Skipf("skipping: no wasm32 toolchain (set TSWASM_REQUIRE_TOOLCHAIN=1 to fail instead): %v", err)
	}
	return clang
}

// copyFixture copies testdata/<name> to a fresh directory at a distinct path.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "somewhere", name)
	src := filepath.Join("testdata", name)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestBuildDir(t *testing.T) {
	requireClang(t)
	baseImports := []string{"env.memory", "env.__indirect_function_table", "env.__memory_base", "env.__table_base"}
	tests := []struct {
		fixture     string
		name        string   // passed to BuildDir
		wantImports []string // besides baseImports
		wantErr     string   // substring; no build expected
	}{
		{fixture: "flat", wantImports: []string{"env.calloc", "env.free", "env.iswspace", "env.__assert_fail"}},
		{fixture: "flat", name: "tiny", wantImports: []string{"env.calloc", "env.free", "env.iswspace", "env.__assert_fail"}},
		{fixture: "repo", wantImports: []string{"env.calloc", "env.free", "env.iswspace", "env.__assert_fail"}},
		{fixture: "cxx", wantImports: []string{"env._Znwm", "env._ZdlPv"}},
		{fixture: "flat", name: "other", wantErr: `name "other" does not match`},
		{fixture: "flat", name: "not-an-identifier", wantErr: "does not match"},
		{fixture: "cxx/..", wantErr: "no parser.c"},
	}
	for _, tc := range tests {
		t.Run(tc.fixture+"/"+tc.name, func(t *testing.T) {
			dir := copyFixture(t, tc.fixture)
			out := filepath.Join(t.TempDir(), "new", "dir", "out.wasm")
			err := BuildDir(context.Background(), dir, tc.name, out)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("BuildDir error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			info, err := parseWasm(b)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(info.customs, []string{"dylink.0"}) {
				t.Errorf("custom sections = %q, want only dylink.0 (first)", info.customs)
			}
			slices.Sort(info.exports)
			if want := []string{"__wasm_apply_data_relocs", "tree_sitter_tiny"}; !slices.Equal(info.exports, want) {
				t.Errorf("exports = %q, want %q (scanner functions must stay internal)", info.exports, want)
			}
			want := append(slices.Clone(baseImports), tc.wantImports...)
			slices.Sort(want)
			slices.Sort(info.imports)
			if !slices.Equal(info.imports, want) {
				t.Errorf("imports = %q, want %q", info.imports, want)
			}
			if bytes.Contains(b, []byte(dir)) || bytes.Contains(b, []byte(os.TempDir())) {
				t.Errorf("output contains a build path")
			}
			if v, err := exec.LookPath("wasm-validate"); err == nil {
				if out, err := exec.Command(v, "--enable-all", out).CombinedOutput(); err != nil {
					t.Errorf("wasm-validate: %v\n%s", err, out)
				}
			}
		})
	}
}

// TestReproducible builds the same grammar from two locations, with sources
// given in different orders, and wants identical bytes.
func TestReproducible(t *testing.T) {
	requireClang(t)
	var outs [][]byte
	for i, order := range [][]string{{"parser.c", "scanner.c"}, {"scanner.c", "parser.c"}} {
		dir := copyFixture(t, "flat")
		var srcs []string
		for _, s := range order {
			srcs = append(srcs, filepath.Join(dir, s))
		}
		out := filepath.Join(t.TempDir(), fmt.Sprintf("out%d.wasm", i))
		if err := Build(context.Background(), Options{Name: "tiny", Sources: srcs, Out: out}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("two builds differ: %d and %d bytes", len(outs[0]), len(outs[1]))
	}
	// The output check must not panic on a truncated module (a cut at a
	// section boundary is a well-formed prefix, so it may pass).
	for i := range outs[0] {
		_ = checkSideModule(outs[0][:i], "tree_sitter_tiny")
	}
}

const (
	smackerModule  = "github.com/smacker/go-tree-sitter"
	smackerVersion = "v0.0.0-20240827094217-dd81d9e9be82"
)

// TestSmacker builds grammars vendored by github.com/smacker/go-tree-sitter
// when that module is in the module cache.
func TestSmacker(t *testing.T) {
	requireClang(t)
	if testing.Short() {
		t.Skip("skipping in -short mode")
	}
	// The module as go.mod requires it, else the version testdata/grammars
	// pins, if it is already in the module cache (no download here).
	out, _ := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", smackerModule).Output()
	smacker := strings.TrimSpace(string(out))
	if smacker == "" {
		cache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
		smacker = filepath.Join(strings.TrimSpace(string(cache)), smackerModule+"@"+smackerVersion)
	}
	if _, err := os.Stat(filepath.Join(smacker, "golang", "parser.c")); err != nil {
		t.Skipf("skipping: %s@%s is not in the module cache (go mod download %[1]s@%[2]s): %v", smackerModule, smackerVersion, err)
	}
	for _, tc := range []struct{ dir, name string }{
		{"golang", "go"},
		{"javascript", "javascript"},
		{"python", "python"},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), tc.name+".wasm")
			if err := BuildDir(context.Background(), filepath.Join(smacker, tc.dir), "", out); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			info, err := parseWasm(b)
			if err != nil {
				t.Fatal(err)
			}
			if len(info.customs) == 0 || info.customs[0] != "dylink.0" {
				t.Errorf("custom sections = %q, want dylink.0 first", info.customs)
			}
			if !slices.Contains(info.exports, "tree_sitter_"+tc.name) {
				t.Errorf("exports = %q, want tree_sitter_%s", info.exports, tc.name)
			}
			for _, imp := range info.imports {
				if !strings.HasPrefix(imp, "env.") {
					t.Errorf("import %s: want only env imports (no GOT.mem/GOT.func)", imp)
				}
			}
		})
	}
}

func TestFindClangMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(ClangEnv, "")
	_, err := FindClang()
	if !errors.Is(err, ErrNoClang) {
		t.Fatalf("FindClang error = %v, want ErrNoClang", err)
	}
	if !strings.Contains(err.Error(), Packages) {
		t.Errorf("error %q does not name the packages %q", err, Packages)
	}
	if err := Build(context.Background(), Options{Name: "x", Sources: []string{"testdata/flat/parser.c"}, Out: filepath.Join(t.TempDir(), "x.wasm")}); !errors.Is(err, ErrNoClang) {
		t.Errorf("Build error = %v, want ErrNoClang", err)
	}
}

func TestClangMajor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"Debian clang version 19.1.7 (3~deb12u1)\nTarget: x86_64-pc-linux-gnu", 19},
		{"clang version 22.0.0git (https://github.com/llvm/llvm-project abc)", 22},
		{"Apple clang version 15.0.0 (clang-1500.3.9.4)", 15},
		{"gcc (Debian 12.2.0-14) 12.2.0", 0},
	} {
		if got := clangMajor(tc.in); got != tc.want {
			t.Errorf("clangMajor(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestBuildWrongName: Build (unlike BuildDir) does not read parser.c, so a
// wrong name is caught only in the linked output.
func TestBuildWrongName(t *testing.T) {
	requireClang(t)
	dir := copyFixture(t, "flat")
	out := filepath.Join(t.TempDir(), "out.wasm")
	err := Build(context.Background(), Options{Name: "nope", Sources: []string{filepath.Join(dir, "parser.c"), filepath.Join(dir, "scanner.c")}, Out: out})
	if err == nil || !strings.Contains(err.Error(), "tree_sitter_nope") {
		t.Fatalf("Build error = %v, want one naming tree_sitter_nope", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("Build wrote %s despite the error", out)
	}
}

func TestOptionsErrors(t *testing.T) {
	for _, tc := range []struct {
		o    Options
		want string
	}{
		{Options{Name: "1x", Sources: []string{"a.c"}, Out: "o", Clang: "clang"}, "not a C identifier"},
		{Options{Name: "x", Out: "o", Clang: "clang"}, "no sources"},
		{Options{Name: "x", Sources: []string{"a.c"}, Clang: "clang"}, "no output"},
		{Options{Name: "x", Sources: []string{"testdata/missing.c"}, Out: "o", Clang: "clang"}, "source"},
	} {
		err := Build(context.Background(), tc.o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Build(%+v) = %v, want error containing %q", tc.o, err, tc.want)
		}
	}
}

func TestNameFromParser(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"TS_PUBLIC const TSLanguage *tree_sitter_go(void) {\n", "go"},
		{"extern const TSLanguage *tree_sitter_c_sharp(void) {\n", "c_sharp"},
		{"const TSLanguage * tree_sitter_x ( void )\n{", "x"},
		{"void *tree_sitter_x_external_scanner_create(void) {}", ""},
	} {
		p := filepath.Join(t.TempDir(), "parser.c")
		if err := os.WriteFile(p, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := NameFromParser(p)
		if got != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("NameFromParser(%q) = %q, %v; want %q", tc.src, got, err, tc.want)
		}
	}
}
