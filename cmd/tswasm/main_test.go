package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// These are end-to-end tests: TestMain builds the tswasm binary once and
// each test runs it on real files, checking stdout, stderr and exit codes.

var (
	binary   string // the built tswasm
	repoRoot string // the module root
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "tswasm-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "tswasm")
	args := []string{"build", "-o", binary}
	if raceEnabled {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, ".")...)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building tswasm:", err)
		return 1
	}
	if repoRoot, err = filepath.Abs("../.."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// A private compilation cache: shared by the tests, so that only the
	// first run compiles the runtime and the grammars.
	os.Setenv("TSWASM_CACHE_DIR", filepath.Join(dir, "cache"))
	return m.Run()
}

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

// run executes tswasm with args in dir ("" for the package directory),
// feeding stdin.
func run(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running tswasm %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return result{out.String(), errb.String(), code}
}

// mustRun runs tswasm and fails the test unless it exits with want.
func mustRun(t *testing.T, want int, dir, stdin string, args ...string) result {
	t.Helper()
	r := run(t, dir, stdin, args...)
	if r.code != want {
		t.Fatalf("tswasm %s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), r.code, want, clip(r.stdout), clip(r.stderr))
	}
	return r
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// writeFiles creates files under a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	goodGo  = "package main\n\nfunc main() {}\n"
	badGo   = "package main\n\nfunc main() {\n\tx := 1 +\n}\n"
	helloGo = "package main\n\nimport \"fmt\"\n\n// main greets.\nfunc main() {\n\tfmt.Println(\"héllo\", 42)\n}\n"
)

var goGrammar = func() string { return filepath.Join(repoRoot, "testdata", "grammars", "tree-sitter-go-0.25.0.wasm") }

// TestParseSexp checks the default format for one file against the tree
// tree-sitter-go 0.25.0 gives for an empty main (checked by hand against the
// grammar: a block with no statements has no statement_list).
func TestParseSexp(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.go": goodGo})
	r := mustRun(t, 0, dir, "", "parse", "a.go")
	want := "(source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list) body: (block)))\n"
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want nothing", r.stderr)
	}
}

// jsonTree mirrors the JSON node the CLI prints.
type jsonTree struct {
	Kind       string      `json:"kind"`
	Named      bool        `json:"named"`
	Field      string      `json:"field"`
	Missing    bool        `json:"missing"`
	StartByte  int         `json:"start_byte"`
	EndByte    int         `json:"end_byte"`
	StartPoint jsonPoint   `json:"start_point"`
	EndPoint   jsonPoint   `json:"end_point"`
	Children   []*jsonTree `json:"children"`
}

type jsonDoc struct {
	Path     string    `json:"path"`
	Language string    `json:"language"`
	HasError bool      `json:"has_error"`
	Bytes    int       `json:"bytes"`
	Tree     *jsonTree `json:"tree"`
}

// pointAt computes the zero-based row and byte column of offset in src.
func pointAt(src string, off int) jsonPoint {
	before := src[:off]
	row := strings.Count(before, "\n")
	col := off - (strings.LastIndexByte(before, '\n') + 1)
	return jsonPoint{uint(row), uint(col)}
}

// checkTree verifies structural invariants of a JSON tree against src:
// children inside their parent, in order, points matching byte offsets,
// and a leaf's text equal to its kind for anonymous tokens.
func checkTree(t *testing.T, src string, n *jsonTree) (nodes int) {
	t.Helper()
	nodes = 1
	if n.StartByte > n.EndByte || n.EndByte > len(src) {
		t.Fatalf("%s: bad range [%d, %d) for %d bytes", n.Kind, n.StartByte, n.EndByte, len(src))
	}
	if got := pointAt(src, n.StartByte); got != n.StartPoint {
		t.Errorf("%s at byte %d: start_point %+v, want %+v", n.Kind, n.StartByte, n.StartPoint, got)
	}
	if got := pointAt(src, n.EndByte); got != n.EndPoint {
		t.Errorf("%s at byte %d: end_point %+v, want %+v", n.Kind, n.EndByte, n.EndPoint, got)
	}
	if !n.Named && len(n.Children) == 0 && !n.Missing && n.Kind != "\n" {
		if text := src[n.StartByte:n.EndByte]; text != n.Kind {
			t.Errorf("anonymous leaf %q covers %q", n.Kind, text)
		}
	}
	prev := n.StartByte
	for _, c := range n.Children {
		if c.StartByte < prev || c.EndByte > n.EndByte {
			t.Errorf("child %s [%d, %d) outside parent %s [%d, %d) or before sibling end %d",
				c.Kind, c.StartByte, c.EndByte, n.Kind, n.StartByte, n.EndByte, prev)
		}
		prev = c.EndByte
		nodes += checkTree(t, src, c)
	}
	return nodes
}

// find returns the first node of kind in pre-order.
func find(n *jsonTree, kind string) *jsonTree {
	if n.Kind == kind {
		return n
	}
	for _, c := range n.Children {
		if f := find(c, kind); f != nil {
			return f
		}
	}
	return nil
}

func TestParseJSON(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hello.go": helloGo})
	r := mustRun(t, 0, dir, "", "parse", "--format", "json", "hello.go")
	if !strings.Contains(r.stdout, "\n  \"language\": \"go\"") {
		t.Errorf("json output is not indented:\n%s", clip(r.stdout))
	}
	var doc jsonDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("decoding: %v\n%s", err, clip(r.stdout))
	}
	if doc.Path != "hello.go" || doc.Language != "go" || doc.HasError || doc.Bytes != len(helloGo) {
		t.Errorf("header = %q %q has_error=%v bytes=%d", doc.Path, doc.Language, doc.HasError, doc.Bytes)
	}
	root := doc.Tree
	if root.Kind != "source_file" || root.StartByte != 0 || root.EndByte != len(helloGo) {
		t.Fatalf("root = %s [%d, %d)", root.Kind, root.StartByte, root.EndByte)
	}
	checkTree(t, helloGo, root)
	fn := find(root, "function_declaration")
	if fn == nil {
		t.Fatal("no function_declaration")
	}
	var name *jsonTree
	for _, c := range fn.Children {
		if c.Field == "name" {
			name = c
		}
	}
	if name == nil || name.Kind != "identifier" || helloGo[name.StartByte:name.EndByte] != "main" {
		t.Errorf("function_declaration's name field = %+v", name)
	}
	var strs []string
	walkTree(root, func(n *jsonTree) {
		if n.Kind == "interpreted_string_literal" {
			strs = append(strs, helloGo[n.StartByte:n.EndByte])
		}
	})
	if !slices.Equal(strs, []string{`"fmt"`, `"héllo"`}) {
		t.Errorf("string literals = %q", strs)
	}
	if c := find(root, "comment"); c == nil || helloGo[c.StartByte:c.EndByte] != "// main greets." {
		t.Errorf("comment = %+v", c)
	}
}

func TestParseJSONLinesAndErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"b/bad.go": badGo, "a/good.go": goodGo, "c.go": helloGo, "notes.txt": "not code"})
	r := mustRun(t, 0, dir, "", "parse", "--format", "jsonl", ".")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	wantPaths := []string{"a/good.go", "b/bad.go", "c.go"}
	if len(lines) != len(wantPaths) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(wantPaths), clip(r.stdout))
	}
	for i, line := range lines {
		var doc jsonDoc
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if filepath.ToSlash(doc.Path) != wantPaths[i] {
			t.Errorf("line %d: path %q, want %q", i+1, doc.Path, wantPaths[i])
		}
		wantErr := strings.Contains(doc.Path, "bad")
		if doc.HasError != wantErr {
			t.Errorf("%s: has_error = %v, want %v", doc.Path, doc.HasError, wantErr)
		}
		src, _ := os.ReadFile(filepath.Join(dir, doc.Path))
		checkTree(t, string(src), doc.Tree)
		if wantErr && find(doc.Tree, "ERROR") == nil && !hasMissing(doc.Tree) {
			t.Errorf("%s: has_error but no ERROR or missing node in the JSON tree", doc.Path)
		}
	}

	// The default format for a directory lists syntax errors.
	r = mustRun(t, 0, dir, "", "parse", ".")
	if !regexp.MustCompile(`(?m)^b/bad\.go:4:\d+: `).MatchString(r.stdout) || strings.Contains(r.stdout, "good.go") {
		t.Errorf("errors format:\n%s", r.stdout)
	}
}

func walkTree(n *jsonTree, f func(*jsonTree)) {
	f(n)
	for _, c := range n.Children {
		walkTree(c, f)
	}
}

func hasMissing(n *jsonTree) bool {
	if n.Missing {
		return true
	}
	return slices.ContainsFunc(n.Children, hasMissing)
}

func TestParseExitCodes(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.go": goodGo, "bad.go": badGo, "readme.unknownext": "x"})
	tests := []struct {
		name string
		args []string
		want int
		msg  string // expected in stderr
	}{
		{"good", []string{"parse", "--quiet", "good.go"}, 0, ""},
		{"bad without flag", []string{"parse", "--quiet", "bad.go"}, 0, ""},
		{"fail-on-error good", []string{"parse", "--fail-on-error", "--quiet", "good.go"}, 0, ""},
		{"fail-on-error bad", []string{"parse", "--fail-on-error", "--quiet", "bad.go"}, 1, ""},
		{"fail-on-error dir", []string{"parse", "--fail-on-error", "."}, 1, ""},
		{"flags after paths", []string{"parse", "bad.go", "--fail-on-error", "--quiet"}, 1, ""},
		{"unknown language", []string{"parse", "--lang", "cobol-nonexistent", "good.go"}, 2, `unknown language "cobol-nonexistent"`},
		{"undetectable file", []string{"parse", "readme.unknownext"}, 2, "cannot detect the language"},
		{"missing file", []string{"parse", "nope.go"}, 2, "nope.go"},
		{"bad flag", []string{"parse", "--no-such-flag", "good.go"}, 2, "tswasm parse: unknown flag: --no-such-flag\nsee `tswasm parse --help`\n"},
		{"bad format", []string{"parse", "--format", "xml", "good.go"}, 2, "must be one of sexp, cst, json, jsonl, errors, none\nsee `tswasm parse --help`"},
		{"format any case", []string{"parse", "--format=JSON", "good.go"}, 0, ""},
		{"no paths: the current directory", []string{"parse", "--fail-on-error"}, 1, ""},
		{"help", []string{"parse", "-h"}, 0, ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"did you mean", []string{"pars"}, 2, "Did you mean this?\n\tparse\n"},
		{"missing query argument", []string{"query"}, 2, "tswasm query: missing PATTERN_FILE\nsee `tswasm query --help`"},
		{"stdin without lang", []string{"parse", "-"}, 2, "needs --lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, tt.want, dir, "", tt.args...)
			if tt.msg != "" && !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("stderr %q does not mention %q", r.stderr, tt.msg)
			}
		})
	}
}

func TestParseStdin(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hello.go": helloGo})
	fromFile := mustRun(t, 0, dir, "", "parse", "hello.go")
	fromStdin := mustRun(t, 0, dir, helloGo, "parse", "--lang", "go", "-")
	if fromStdin.stdout != fromFile.stdout || fromFile.stdout == "" {
		t.Errorf("stdin tree %q differs from file tree %q", fromStdin.stdout, fromFile.stdout)
	}
	// An alias works too, and JSON names the input <stdin>.
	r := mustRun(t, 0, dir, goodGo, "parse", "--lang", "golang", "--format", "jsonl", "-")
	var doc jsonDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Path != "<stdin>" || doc.Language != "go" || doc.Bytes != len(goodGo) {
		t.Errorf("stdin doc: path %q language %q bytes %d", doc.Path, doc.Language, doc.Bytes)
	}
}

func TestParseUserGrammar(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hello.go": helloGo, "not.wasm": "definitely not wasm", "sub/x.go": badGo})
	bundled := mustRun(t, 0, dir, "", "parse", "hello.go")
	user := mustRun(t, 0, dir, "", "parse", "--grammar", goGrammar(), "hello.go")
	if user.stdout != bundled.stdout {
		t.Errorf("--grammar tree differs from the bundled one:\n%s\n%s", user.stdout, bundled.stdout)
	}
	named := mustRun(t, 0, dir, "", "parse", "--grammar", goGrammar(), "--lang", "go", "hello.go")
	if named.stdout != bundled.stdout {
		t.Errorf("--grammar --lang go tree differs")
	}
	// A user grammar is forced on every file of a directory; --only-lang
	// restricts the walk to the files of a language.
	r := mustRun(t, 1, dir, "", "parse", "--grammar", goGrammar(), "--fail-on-error", "--format", "jsonl", ".")
	if n := strings.Count(r.stdout, "\n"); n != 3 {
		t.Errorf("parsed %d files with --grammar on the directory, want 3:\n%s", n, clip(r.stdout))
	}
	r = mustRun(t, 1, dir, "", "parse", "--grammar", goGrammar(), "--only-lang", "go", "--fail-on-error", "--format", "jsonl", ".")
	if n := strings.Count(r.stdout, "\n"); n != 2 {
		t.Errorf("parsed %d files with --grammar --only-lang go on the directory, want 2:\n%s", n, clip(r.stdout))
	}
	// A grammar that does not load is named, with the reason.
	r = mustRun(t, 2, dir, "", "parse", "--grammar", "not.wasm", "hello.go")
	if !strings.Contains(r.stderr, "not.wasm") || !strings.Contains(r.stderr, "failed to load") || !strings.Contains(r.stderr, "not wasm") {
		t.Errorf("stderr = %q", r.stderr)
	}
	// A wrong export name is reported too.
	r = mustRun(t, 2, dir, "", "parse", "--grammar", goGrammar(), "--lang", "nosuchexport", "hello.go")
	if !strings.Contains(r.stderr, "failed to load") {
		t.Errorf("stderr = %q", r.stderr)
	}
}

func TestParseUnreadableAndBinary(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.go":     goodGo,
		"c.go":     badGo,
		"blob.go":  "package x\x00\x01\x02binary",
		"latin.go": strings.Repeat("\xe9\xff\xfe", 100),
	})
	// A dangling symlink cannot be read even by root.
	if err := os.Symlink(filepath.Join(dir, "does-not-exist"), filepath.Join(dir, "b.go")); err != nil {
		t.Skip("no symlinks:", err)
	}
	r := mustRun(t, 2, dir, "", "parse", "--format", "jsonl", "--stats", ".")
	var paths []string
	for line := range strings.Lines(r.stdout) {
		var doc jsonDoc
		if json.Unmarshal([]byte(line), &doc) == nil {
			paths = append(paths, doc.Path)
		}
	}
	if !slices.Equal(paths, []string{"a.go", "c.go"}) {
		t.Errorf("parsed %q, want a.go and c.go (the run goes on after b.go)", paths)
	}
	if !strings.Contains(r.stderr, "b.go") {
		t.Errorf("stderr does not report b.go: %q", r.stderr)
	}
	// The stats go to stderr with jsonl.
	if !strings.Contains(r.stderr, "2 parsed, 2 binary skipped, 1 failed") {
		t.Errorf("stats in stderr:\n%s", r.stderr)
	}
	// An explicitly named binary file is skipped with a message, exit 0.
	r = mustRun(t, 0, dir, "", "parse", "blob.go")
	if r.stdout != "" || !strings.Contains(r.stderr, "binary") {
		t.Errorf("blob.go: stdout %q stderr %q", r.stdout, r.stderr)
	}
	// A directory named like a file, given explicitly, is walked, not read.
	if err := os.Mkdir(filepath.Join(dir, "d.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustRun(t, 0, dir, "", "parse", "d.go")
}

// goFiles counts the .go files under dir, independently of the CLI.
func goFiles(t *testing.T, dirs ...string) (n int, bytes int64) {
	t.Helper()
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".go") {
				fi, err := d.Info()
				if err != nil {
					return err
				}
				n++
				bytes += fi.Size()
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return n, bytes
}

func TestParseStatsGOROOT(t *testing.T) {
	goroot := runtime.GOROOT()
	dirs := []string{filepath.Join(goroot, "src", "container"), filepath.Join(goroot, "src", "unicode")}
	wantFiles, wantBytes := goFiles(t, dirs...)
	if wantFiles == 0 {
		t.Skip("no GOROOT sources")
	}
	r := mustRun(t, 0, "", "", append([]string{"parse", "--stats", "-j", "2"}, dirs...)...)
	m := regexp.MustCompile(`files:\s+(\d+) parsed, (\d+) binary skipped, (\d+) failed`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("no files line in:\n%s", r.stdout)
	}
	if got, _ := strconv.Atoi(m[1]); got != wantFiles {
		t.Errorf("parsed %d files, want %d .go files", got, wantFiles)
	}
	bm := regexp.MustCompile(`bytes:\s+(\d+) `).FindStringSubmatch(r.stdout)
	if bm == nil || bm[1] != strconv.FormatInt(wantBytes, 10) {
		t.Errorf("bytes line %q, want %d", bm, wantBytes)
	}
	lm := regexp.MustCompile(`(?m)^go\s+(\d+)\s+(\d+)\s+(\d+)`).FindStringSubmatch(r.stdout)
	if lm == nil || lm[1] != strconv.Itoa(wantFiles) {
		t.Errorf("go row %q, want %d files", lm, wantFiles)
	}
	for _, want := range []string{"throughput:", "MB/s", "workers:     2", "slowest files:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stats lack %q:\n%s", want, r.stdout)
		}
	}
}

// TestParseJobsDeterministic checks that -j changes neither the order nor
// the per-file results of JSON-lines output.
func TestParseJobsDeterministic(t *testing.T) {
	files := map[string]string{}
	src, err := filepath.Glob(filepath.Join(runtime.GOROOT(), "src", "container", "*", "*.go"))
	if err != nil || len(src) == 0 {
		t.Skip("no GOROOT sources")
	}
	for i, p := range src {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[fmt.Sprintf("f%02d/%s", i, filepath.Base(p))] = string(b)
		// Every other copy gets a syntax error.
		if i%2 == 0 {
			files[fmt.Sprintf("f%02d/broken_%s", i, filepath.Base(p))] = string(b) + "\nfunc {\n"
		}
	}
	dir := writeFiles(t, files)
	type entry struct {
		path     string
		hasError bool
	}
	results := func(j string) []entry {
		r := mustRun(t, 0, dir, "", "parse", "--format", "jsonl", "-j", j, ".")
		var out []entry
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var doc jsonDoc
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			out = append(out, entry{doc.Path, doc.HasError})
		}
		return out
	}
	one, two := results("1"), results("2")
	if len(one) != len(files) {
		t.Fatalf("-j 1 parsed %d files, want %d", len(one), len(files))
	}
	if !slices.Equal(one, two) {
		t.Errorf("-j 1 and -j 2 differ:\n%v\n%v", one, two)
	}
	if !slices.IsSortedFunc(one, func(a, b entry) int { return strings.Compare(a.path, b.path) }) {
		t.Errorf("output is not in path order: %v", one)
	}
	for _, e := range one {
		if want := strings.Contains(e.path, "broken_"); e.hasError != want {
			t.Errorf("%s: has_error %v, want %v", e.path, e.hasError, want)
		}
	}
}

func TestParseTimeout(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "src", "unicode", "tables.go"))
	if err != nil {
		t.Skip(err)
	}
	dir := writeFiles(t, map[string]string{"tables.go": string(src)})
	// A deadline that has passed before the parse starts is deterministic.
	r := mustRun(t, 2, dir, "", "parse", "--timeout", "1ns", "tables.go")
	if !strings.Contains(r.stderr, "timed out") {
		t.Errorf("stderr = %q", r.stderr)
	}
	mustRun(t, 0, dir, "", "parse", "--timeout", "1h", "--quiet", "tables.go")
}

func TestParseIgnoreFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".gitignore":         "vendor/\n*_gen.go\n!keep_gen.go\n/top_only.go\n",
		"main.go":            goodGo,
		"x_gen.go":           goodGo,
		"keep_gen.go":        goodGo,
		"top_only.go":        goodGo,
		"sub/top_only.go":    goodGo,
		"vendor/v.go":        goodGo,
		"sub/.gitignore":     "local.go\n",
		"sub/local.go":       goodGo,
		"sub/skipme/s.go":    goodGo,
		"sub/deep/a.go":      goodGo,
		".git/config.go":     goodGo,
		"other/local.go":     goodGo,
		"other/excluded.go":  goodGo,
		"other/zz/inside.go": goodGo,
	})
	paths := func(args ...string) []string {
		r := mustRun(t, 0, dir, "", append([]string{"parse", "--format", "jsonl"}, args...)...)
		var out []string
		for line := range strings.Lines(r.stdout) {
			var doc jsonDoc
			if err := json.Unmarshal([]byte(line), &doc); err != nil {
				t.Fatal(err)
			}
			out = append(out, filepath.ToSlash(doc.Path))
		}
		return out
	}
	got := paths("--exclude", "skipme/", "--exclude", "other/excluded.go", "--exclude", "zz", ".")
	want := []string{"keep_gen.go", "main.go", "other/local.go", "sub/deep/a.go", "sub/top_only.go"}
	if !slices.Equal(got, want) {
		t.Errorf("walked %q\nwant   %q", got, want)
	}
	got = paths("--no-ignore", ".")
	if len(got) != 12 { // every .go file but .git/config.go
		t.Errorf("--no-ignore walked %d files: %q", len(got), got)
	}
	// Explicit files are parsed even when ignored.
	if got := paths("x_gen.go"); !slices.Equal(got, []string{"x_gen.go"}) {
		t.Errorf("explicit ignored file: %q", got)
	}
}

func TestQuery(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hello.go": helloGo,
		"bad.go":   badGo,
		"q.scm": `(function_declaration name: (identifier) @function)
(call_expression function: (selector_expression field: (field_identifier) @call))
((comment) @doc (#match? @doc "^// main"))
`,
		"broken.scm": "(no_such_node) @x",
	})
	r := mustRun(t, 0, dir, "", "query", "q.scm", "hello.go", "bad.go")
	// Positions computed from the source independently.
	pos := func(file, src, needle string) string {
		i := strings.Index(src, needle)
		p := pointAt(src, i)
		return fmt.Sprintf("%s:%d:%d:", file, p.Row+1, p.Column+1)
	}
	want := strings.Join([]string{
		pos("hello.go", helloGo, "// main") + " @doc // main greets.",
		pos("hello.go", helloGo, "main()") + " @function main",
		pos("hello.go", helloGo, "Println") + " @call Println",
		pos("bad.go", badGo, "main()") + " @function main",
	}, "\n") + "\n"
	if r.stdout != want {
		t.Errorf("query output:\n%s\nwant:\n%s", r.stdout, want)
	}

	r = mustRun(t, 0, dir, "", "query", "--format", "jsonl", "--lang", "go", "q.scm", "hello.go")
	var caps []queryCapture
	for line := range strings.Lines(r.stdout) {
		var c queryCapture
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		caps = append(caps, c)
	}
	// json: one indented document holding the same captures.
	rj := mustRun(t, 0, dir, "", "query", "--format", "json", "--lang", "go", "q.scm", "hello.go")
	var docs []queryFileDoc
	if err := json.Unmarshal([]byte(rj.stdout), &docs); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rj.stdout, "[\n  {\n") || len(docs) != 1 || !slices.Equal(docs[0].Captures, caps) {
		t.Errorf("json document does not hold the jsonl captures:\n%s", rj.stdout)
	}
	if len(caps) != 3 {
		t.Fatalf("got %d captures, want 3:\n%s", len(caps), r.stdout)
	}
	for _, c := range caps {
		if helloGo[c.StartByte:c.EndByte] != c.Text || pointAt(helloGo, int(c.StartByte)) != c.StartPoint {
			t.Errorf("capture %+v does not match the source", c)
		}
	}
	if caps[2].Capture != "call" || caps[2].Pattern != 1 || caps[2].Text != "Println" {
		t.Errorf("third capture = %+v", caps[2])
	}

	r = mustRun(t, 2, dir, "", "query", "--lang", "go", "broken.scm", "hello.go")
	if !strings.Contains(r.stderr, "broken.scm") || !strings.Contains(r.stderr, "no_such_node") {
		t.Errorf("stderr = %q", r.stderr)
	}
	mustRun(t, 2, dir, "", "query", "missing.scm", "hello.go")
}

func TestVersionAndHelp(t *testing.T) {
	r := mustRun(t, 0, "", "", "version")
	for _, want := range []string{"tswasm ", "tree-sitter runtime 0.25.1", "wazero v1.12.0", runtime.Version()} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("version output lacks %q:\n%s", want, r.stdout)
		}
	}
	if v := mustRun(t, 0, "", "", "--version"); v.stdout != r.stdout {
		t.Errorf("--version = %q, version = %q", v.stdout, r.stdout)
	}
	r = mustRun(t, 0, "", "", "help")
	cmds := []string{"parse", "query", "tags", "highlight", "langs", "build-grammar", "bench", "completion", "version", "help"}
	for _, c := range cmds {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(c) + ` `).MatchString(r.stdout) {
			t.Errorf("help does not list %s:\n%s", c, r.stdout)
		}
	}
	for _, c := range cmds[:len(cmds)-1] {
		r := mustRun(t, 0, "", "", "help", c)
		if !strings.Contains(r.stdout, "Usage:\n  tswasm "+c) {
			t.Errorf("help %s:\n%s", c, r.stdout)
		}
		r2 := mustRun(t, 0, "", "", c, "--help")
		if r2.stdout != r.stdout {
			t.Errorf("%s --help differs from help %s:\n%s", c, c, r2.stdout)
		}
	}
	r = mustRun(t, 2, "", "")
	if !strings.Contains(r.stderr, "Available Commands:") {
		t.Errorf("tswasm without arguments: %s", r.stderr)
	}
}

// TestParseHiddenMissing covers a MISSING token that is not a visible node:
// tree-sitter-go inserts a hidden statement terminator when a file ends
// without a newline after a type declaration. ts_node_string shows it, no
// child does; the errors format must still report it, at the end of the
// declaration before it.
func TestParseHiddenMissing(t *testing.T) {
	src := "package p\n\ntype _ interface{ int }"
	dir := writeFiles(t, map[string]string{"m.go": src})
	r := mustRun(t, 0, dir, "", "parse", "m.go")
	if !strings.HasSuffix(r.stdout, `(MISSING "source_file_token1"))`+"\n") {
		t.Fatalf("the runtime's own S-expression changed: %s", r.stdout)
	}
	end := pointAt(src, len(src))
	want := fmt.Sprintf("m.go:%d:%d: missing \"source_file_token1\"\n", end.Row+1, end.Column+1)
	r = mustRun(t, 1, dir, "", "parse", "--format", "errors", "--fail-on-error", "m.go")
	if r.stdout != want {
		t.Errorf("errors format = %q, want %q", r.stdout, want)
	}
	r = mustRun(t, 0, dir, "", "parse", "--format", "none", "--stats", "m.go")
	if !regexp.MustCompile(`(?m)^go\s+1\s+\d+\s+1\s+0\s+1\s`).MatchString(r.stdout) {
		t.Errorf("stats row should count 1 file with errors, 0 ERROR, 1 MISSING:\n%s", r.stdout)
	}
}
