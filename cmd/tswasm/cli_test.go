package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// End-to-end tests of the CLI's options grammar, detection, output and
// limits. TestMain (main_test.go) builds the binary.

// skipOrFail skips with msg, or fails when CI requires every tool
// (TSWASM_REQUIRE_TOOLCHAIN=1).
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" {
		t.Fatalf("%s (TSWASM_REQUIRE_TOOLCHAIN=1: nothing may skip)", msg)
	}
	t.Skip(msg)
}

// runEnv is run with extra environment variables.
func runEnv(t *testing.T, env []string, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee)
		code = ee.ExitCode()
	}
	return result{out.String(), errb.String(), code}
}

// languagesOf parses dir as jsonl and returns each path's language.
func languagesOf(t *testing.T, dir string, args ...string) map[string]string {
	t.Helper()
	r := mustRun(t, 0, dir, "", append([]string{"parse", "--format", "jsonl"}, args...)...)
	got := map[string]string{}
	for line := range strings.Lines(r.stdout) {
		var d jsonDoc
		require.NoError(t, json.Unmarshal([]byte(line), &d))
		got[filepath.ToSlash(d.Path)] = d.Language
	}
	return got
}

func TestDetection(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"c/plain.h":       "int add(int a, int b);\n",
		"c/plain.c":       "int add(int a, int b) { return a + b; }\n",
		"c/templ.h":       "template <typename T> T id(T x) { return x; }\n",
		"c/klass.h":       "class Widget {\n public:\n  int size() const;\n};\n",
		"c/vector":        "// <vector> -*- C++ -*-\n#include <bits/stl_vector.h>\n",
		"c/impl.tcc":      "// -*- C++ -*-\nnamespace std {\n}\n",
		"cc/util.h":       "int twice(int x);\n",
		"cc/util.cc":      "int twice(int x) { return 2 * x; }\n",
		"bin/tool":        "#!/usr/bin/env python3\nprint(1)\n",
		"bin/script":      "# vim: set ft=ruby:\nputs 1\n",
		"bin/notes":       "just words\n",
		"docs/README.txt": "text\n",
	})
	got := languagesOf(t, dir, ".")
	assert.Equal(t, map[string]string{
		"c/plain.h": "c", "c/plain.c": "c", "c/templ.h": "cpp", "c/klass.h": "cpp", "c/vector": "cpp",
		"c/impl.tcc": "cpp", "cc/util.h": "cpp", "cc/util.cc": "cpp", "bin/tool": "python", "bin/script": "ruby",
	}, got)

	// A file named on the command line is detected by its modeline too.
	r := mustRun(t, 0, dir, "", "parse", "c/vector")
	assert.True(t, strings.HasPrefix(r.stdout, "(translation_unit"), r.stdout)

	// --lang forces the language on every file of a directory.
	got = languagesOf(t, dir, "--lang", "cpp", "c", "cc")
	assert.Len(t, got, 8)
	for p, l := range got {
		assert.Equal(t, "cpp", l, p)
	}
	// --only-lang restricts the walk to detected languages.
	got = languagesOf(t, dir, "--only-lang", "cpp", ".")
	assert.ElementsMatch(t, []string{"c/templ.h", "c/klass.h", "c/vector", "c/impl.tcc", "cc/util.h", "cc/util.cc"}, keys(got))
	got = languagesOf(t, dir, "--only-lang", "python,ruby", ".")
	assert.ElementsMatch(t, []string{"bin/tool", "bin/script"}, keys(got))
	r = mustRun(t, 2, dir, "", "parse", "--only-lang", "cobol", ".")
	assert.Contains(t, r.stderr, `unknown language "cobol"`)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// encodeUTF16 encodes s as UTF-16 with a byte order mark.
func encodeUTF16(s string, bigEndian bool) []byte {
	var b []byte
	put := func(u uint16) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	put(0xFEFF)
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			put(uint16(0xD800 + r>>10))
			put(uint16(0xDC00 + r&0x3FF))
			continue
		}
		put(uint16(r))
	}
	return b
}

func TestEncodings(t *testing.T) {
	dir := t.TempDir()
	le, be := encodeUTF16(helloGo, false), encodeUTF16(helloGo, true)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "le.go"), le, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "be.go"), be, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "nobom.go"), le[2:], 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hello.go"), []byte(helloGo), 0o644))

	utf8Tree := mustRun(t, 0, dir, "", "parse", "hello.go").stdout
	for _, f := range []string{"le.go", "be.go"} {
		r := mustRun(t, 0, dir, "", "parse", f)
		assert.Equal(t, utf8Tree, r.stdout, "%s: a UTF-16 file with a BOM parses as the UTF-8 one", f)
	}
	// Without a BOM it looks binary, unless --encoding says.
	r := mustRun(t, 0, dir, "", "parse", "nobom.go")
	assert.Contains(t, r.stderr, "binary file skipped")
	r = mustRun(t, 0, dir, "", "parse", "--encoding", "UTF-16LE", "nobom.go")
	assert.Equal(t, utf8Tree, r.stdout)
	// Captured text is decoded to UTF-8.
	q := filepath.Join(dir, "q.scm")
	require.NoError(t, os.WriteFile(q, []byte(`(interpreted_string_literal) @s`), 0o644))
	r = mustRun(t, 0, dir, "", "query", "q.scm", "le.go", "be.go")
	// Columns count bytes of the text as given: two per UTF-16 code unit.
	assert.Equal(t, "le.go:3:15: @s \"fmt\"\nle.go:7:27: @s \"héllo\"\nbe.go:3:15: @s \"fmt\"\nbe.go:7:27: @s \"héllo\"\n", r.stdout)
	r = mustRun(t, 2, dir, "", "parse", "--encoding", "latin1", "le.go")
	assert.Contains(t, r.stderr, "must be one of auto, utf-8, utf-16le, utf-16be")
}

func TestSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	dir := writeFiles(t, map[string]string{"ok.go": goodGo})
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "pipe.go"), 0o644))
	require.NoError(t, os.Symlink("pipe.go", filepath.Join(dir, "link.go")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.go")))
	done := make(chan result, 1)
	go func() { done <- run(t, dir, "", "parse", "--format", "jsonl", ".") }()
	select {
	case r := <-done:
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, 1, strings.Count(r.stdout, "\n"), "only ok.go is parsed")
		assert.Contains(t, r.stderr, "pipe.go: not a regular file (named pipe); skipped")
		assert.Contains(t, r.stderr, "link.go: not a regular file (named pipe); skipped")
		assert.Contains(t, r.stderr, "zero.go: not a regular file (character device); skipped")
	case <-time.After(60 * time.Second):
		t.Fatal("tswasm blocked on a FIFO in a directory")
	}
	for _, name := range []string{"pipe.go", "link.go"} {
		go func() { done <- run(t, dir, "", "parse", name) }()
		select {
		case r := <-done:
			assert.Equal(t, 2, r.code)
			assert.Contains(t, r.stderr, name+": not a regular file (named pipe); skipped")
		case <-time.After(60 * time.Second):
			t.Fatalf("tswasm blocked on FIFO %s", name)
		}
	}
}

func TestSizeAndMemoryLimits(t *testing.T) {
	var big strings.Builder
	big.WriteString("package p\n\nvar x = []int{")
	for i := range 200000 {
		if i > 0 {
			big.WriteString(", ")
		}
		big.WriteString("12345")
	}
	big.WriteString("}\n")
	dir := writeFiles(t, map[string]string{"big.go": big.String(), "small.go": goodGo})
	r := mustRun(t, 2, dir, "", "parse", "--max-size", "1MiB", "--format", "none", "big.go", "small.go")
	assert.Contains(t, r.stderr, "big.go: file is 1.4 MB, over the --max-size of 1MiB; skipped")
	assert.Equal(t, 1, strings.Count(r.stderr, "\n"), r.stderr)
	r = mustRun(t, 2, dir, big.String(), "parse", "--lang", "go", "--max-size", "64k", "-")
	assert.Contains(t, r.stderr, "over the --max-size of 64KiB")
	// A memory limit too small for the tree fails that file, on one line.
	r = mustRun(t, 2, dir, "", "parse", "--memory-limit", "16MiB", "--format", "none", "big.go", "small.go")
	assert.Contains(t, r.stderr, "big.go: ")
	assert.Contains(t, r.stderr, "memory limit reached")
	assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line per error: %s", r.stderr)
	// The default (max(256MiB, 64 × the file)) parses it.
	mustRun(t, 0, dir, "", "parse", "--format", "none", "big.go")
	r = mustRun(t, 2, dir, "", "parse", "--memory-limit", "lots", "small.go")
	assert.Contains(t, r.stderr, `"lots" is not a size`)
}

// deepJSON nests n arrays.
func deepJSON(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) + "\n" }

func TestDeepJSONOutput(t *testing.T) {
	depth := 100_000
	if os.Getenv("TSWASM_LONG") == "1" {
		depth = 500_000
	}
	dir := writeFiles(t, map[string]string{"deep.json": deepJSON(depth), "shallow.json": deepJSON(300)})
	// 220 MB of output at depth 500,000: more than the default 30s on a
	// loaded machine.
	r := mustRun(t, 0, dir, "", "parse", "--timeout", "10m", "--format", "jsonl", "deep.json")
	assert.Equal(t, 1, strings.Count(r.stdout, "\n"))
	// Check the nesting without a recursive decoder: count the depth.
	maxDepth, d := 0, 0
	for _, c := range []byte(r.stdout) {
		switch c {
		case '[', '{':
			d++
			maxDepth = max(maxDepth, d)
		case ']', '}':
			d--
		}
	}
	assert.Equal(t, 0, d)
	// document { tree { children [ node { children [ ... : 2 per level.
	assert.GreaterOrEqual(t, maxDepth, 2*depth)
	r = mustRun(t, 0, dir, "", "parse", "--format", "errors", "deep.json")
	assert.Empty(t, r.stdout)
	// So does the S-expression (the runtime's ts_node_string would run out
	// of wasm stack past depth 819).
	r = mustRun(t, 0, dir, "", "parse", "--timeout", "10m", "deep.json")
	sexp := "(document " + strings.Repeat("(array ", depth-1) + "(array)" + strings.Repeat(")", depth) + "\n"
	assert.True(t, sexp == r.stdout, "deep S-expression: %d bytes, want %d; starts %.100q, ends %.100q",
		len(r.stdout), len(sexp), r.stdout, r.stdout[max(0, len(r.stdout)-100):])

	// The indented document matches encoding/json's on a tree it can handle.
	r = mustRun(t, 0, dir, "", "parse", "--format", "json", "shallow.json")
	var doc struct {
		parseDoc
		Tree json.RawMessage `json:"tree"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	var tree jsonNode
	require.NoError(t, json.Unmarshal(doc.Tree, &tree))
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(parseDoc{Path: "shallow.json", Language: "json", Bytes: 601, Tree: &tree}))
	assert.Equal(t, want.String(), r.stdout)
}

func TestOneGrammarOfOptions(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hello.go": helloGo, "q.scm": "(identifier) @id\n"})
	empty := t.TempDir()
	// "-" is standard input everywhere.
	fromFile := mustRun(t, 0, dir, "", "parse", "hello.go").stdout
	assert.Equal(t, fromFile, mustRun(t, 0, dir, helloGo, "parse", "-l", "go", "-").stdout)
	qf := mustRun(t, 0, dir, "", "query", "q.scm", "hello.go").stdout
	assert.Equal(t, strings.ReplaceAll(qf, "hello.go", "<stdin>"), mustRun(t, 0, dir, helloGo, "query", "--lang", "go", "q.scm", "-").stdout)
	assert.Equal(t, qf, mustRun(t, 0, dir, "(identifier) @id", "query", "-", "hello.go").stdout)
	tf := mustRun(t, 0, dir, "", "tags", "hello.go").stdout
	assert.Equal(t, strings.ReplaceAll(tf, "hello.go", "<stdin>"), mustRun(t, 0, dir, helloGo, "tags", "--lang", "go", "-").stdout)
	hf := mustRun(t, 0, dir, "", "highlight", "--color", "never", "hello.go").stdout
	assert.Equal(t, hf, mustRun(t, 0, dir, helloGo, "highlight", "--color", "never", "--lang", "go", "-").stdout)
	// A shebang or modeline is enough for standard input.
	r := mustRun(t, 0, dir, "#!/usr/bin/env python3\nx = 1\n", "parse", "-")
	assert.True(t, strings.HasPrefix(r.stdout, "(module"), r.stdout)

	// The same default path (".") everywhere.
	for _, c := range []string{"parse", "tags"} {
		r := mustRun(t, 0, dir, "", c, "--format", "jsonl")
		assert.Contains(t, r.stdout, `"path":"hello.go"`, c)
	}
	assert.Contains(t, mustRun(t, 0, dir, "", "query", "q.scm").stdout, "hello.go:")

	// Nothing to parse is said on stderr, by every file command.
	for _, args := range [][]string{{"parse"}, {"query", filepath.Join(dir, "q.scm")}, {"tags"}, {"highlight", "."}} {
		r := mustRun(t, 0, empty, "", args...)
		assert.Contains(t, r.stderr, "nothing to parse in .", args)
		assert.Empty(t, r.stdout)
	}

	// json is one indented document, jsonl one object per line, everywhere.
	for _, args := range [][]string{{"parse", "hello.go"}, {"query", "q.scm", "hello.go"}, {"tags", "hello.go"}, {"langs"}} {
		j := mustRun(t, 0, dir, "", append(args, "--format", "json")...).stdout
		assert.True(t, json.Valid([]byte(j)), "%v json: %s", args, clip(j))
		assert.Contains(t, j, "\n  ", "%v json is indented", args)
		l := mustRun(t, 0, dir, "", append(args, "--format", "JSONL")...).stdout
		n := 0
		for line := range strings.Lines(l) {
			assert.True(t, json.Valid([]byte(line)), "%v jsonl line %q", args, line)
			assert.False(t, strings.HasPrefix(line, " "))
			n++
		}
		assert.Positive(t, n, args)
	}
}

func TestQueryMixedDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"src/a.go":     helloGo,
		"src/b.go":     goodGo,
		"src/s.css":    "a { color: red; }\n",
		"src/i.html":   "<p>x</p>\n",
		"src/more.css": "b { color: blue; }\n",
		"funcs.scm":    "(function_declaration name: (identifier) @name)\n",
	})
	r := mustRun(t, 0, dir, "", "query", "funcs.scm", "src")
	assert.Equal(t, "src/a.go:6:6: @name main\nsrc/b.go:3:6: @name main\n", r.stdout)
	assert.Equal(t, 1, strings.Count(r.stderr, "skipping every css file"), r.stderr)
	assert.Equal(t, 1, strings.Count(r.stderr, "skipping every html file"), r.stderr)
	assert.Equal(t, 2, strings.Count(r.stderr, "\n"), r.stderr)
	// Strict with --lang, and for a file named on the command line.
	r = mustRun(t, 2, dir, "", "query", "--lang", "css", "funcs.scm", "src")
	assert.Contains(t, r.stderr, "funcs.scm does not compile for css")
	mustRun(t, 2, dir, "", "query", "funcs.scm", "src/s.css")
}

func TestQueryCaptures(t *testing.T) {
	src := "package p\n\nfunc f() { g(h()) }\n"
	dir := writeFiles(t, map[string]string{"x.go": src,
		// Pattern 0 captures the outer call; pattern 1 the identifiers.
		"q.scm": "(call_expression function: (identifier) @callee) @call\n(identifier) @id\n"})
	byMatch := mustRun(t, 0, dir, "", "query", "q.scm", "x.go").stdout
	byPos := mustRun(t, 0, dir, "", "query", "--captures", "q.scm", "x.go").stdout
	assert.Equal(t, strings.Join([]string{
		"x.go:3:6: @id f",
		"x.go:3:12: @call g(h())",
		"x.go:3:12: @callee g",
		"x.go:3:12: @id g",
		"x.go:3:14: @call h()",
		"x.go:3:14: @callee h",
		"x.go:3:14: @id h",
	}, "\n")+"\n", byPos)
	// Match by match holds the same lines (here in the same order: each
	// match's captures are in pattern order, @call before @callee).
	assert.ElementsMatch(t, strings.Split(byPos, "\n"), strings.Split(byMatch, "\n"))
}

func TestParseCSTAndRanges(t *testing.T) {
	dir := writeFiles(t, map[string]string{"x.go": "package p\n\nvar v = 1\n"})
	r := mustRun(t, 0, dir, "", "parse", "--ranges", "x.go")
	assert.Equal(t, "(source_file [0, 0] - [3, 0] (package_clause [0, 0] - [0, 9] (package_identifier [0, 8] - [0, 9])) "+
		"(var_declaration [2, 0] - [2, 9] (var_spec [2, 4] - [2, 9] name: (identifier [2, 4] - [2, 5]) "+
		"value: (expression_list [2, 8] - [2, 9] (int_literal [2, 8] - [2, 9])))))\n", r.stdout)
	r = mustRun(t, 0, dir, "", "parse", "--cst", "x.go")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	assert.Equal(t, "0:0       - 3:0       source_file", lines[0])
	assert.Equal(t, "0:0       - 0:7           \"package\"", lines[2])
	assert.Contains(t, r.stdout, "2:4       - 2:5             name: identifier  `v`\n")
	assert.Equal(t, r.stdout, mustRun(t, 0, dir, "", "parse", "--format", "cst", "x.go").stdout)
	mustRun(t, 2, dir, "", "parse", "--cst", "--format", "json", "x.go")
}

func TestTagsGolden(t *testing.T) {
	for format, golden := range map[string]string{"ctags": "tagsproj.ctags", "text": "tagsproj.tags.txt"} {
		want, err := os.ReadFile(filepath.Join("testdata", golden))
		require.NoError(t, err)
		r := mustRun(t, 0, "testdata", "", "tags", "--format", format, "tagsproj")
		assert.Equal(t, string(want), r.stdout, format)
	}
	// jsonl carries the docs, the role and the name's range.
	r := mustRun(t, 0, "testdata/tagsproj", "", "tags", "--format", "jsonl", "shapes.go")
	var total tag
	for line := range strings.Lines(r.stdout) {
		var tg tag
		require.NoError(t, json.Unmarshal([]byte(line), &tg))
		if tg.Name == "Total" {
			total = tg
		}
	}
	assert.Equal(t, tag{Path: "shapes.go", Language: "go", Name: "Total", Kind: "function", Role: "definition",
		StartByte: 331, EndByte: 336, StartPoint: jsonPoint{21, 5}, EndPoint: jsonPoint{21, 10},
		Line: "func Total(shapes []Shape) float64 {", Docs: "Total sums the areas of shapes."}, total)
	// etags: one section per file (its size in bytes), each line's text
	// ends with the name, then the line number and the line's byte offset.
	r = mustRun(t, 0, "testdata", "", "tags", "--format", "etags", "tagsproj/shapes.go")
	assert.Equal(t, "\f\ntagsproj/shapes.go,105\ntype Shape\x7fShape\x017,87\ntype Circle\x7fCircle\x0112,157\n"+
		"func (c Circle) Area\x7fArea\x0117,227\nfunc Total\x7fTotal\x0122,326\n", r.stdout)
}

// TestTagsVim opens the ctags file with Vim, when it is installed.
func TestTagsVim(t *testing.T) {
	vim, err := exec.LookPath("vim")
	if err != nil {
		skipOrFail(t, "vim is not installed (apt-get install vim)")
	}
	dir := t.TempDir()
	proj, err := filepath.Abs("testdata/tagsproj")
	require.NoError(t, err)
	r := mustRun(t, 0, "", "", "tags", "--format", "ctags", proj)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tags"), []byte(r.stdout), 0o644))
	for name, want := range map[string]string{
		"Total":    proj + "/shapes.go:22:func Total(shapes []Shape) float64 {",
		"distance": proj + "/geo/points.py:15:    def distance(self, other):",
	} {
		out := filepath.Join(dir, name+".out")
		cmd := exec.Command(vim, "-es", "-N", "-u", "NONE", "-i", "NONE", "-c", "set tags=./tags", "-c", "tag "+name,
			"-c", "redir! > "+out, "-c", `echo expand("%:p") . ":" . line(".") . ":" . getline(".")`, "-c", "redir END", "-c", "qa!")
		cmd.Dir = dir
		_ = cmd.Run() // vim -es exits 1 after any message; the output file tells
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, want, strings.TrimSpace(string(got)), name)
	}
}

// TestTagsNetHTTP checks every ctags line of GOROOT/src/net/http against
// the file it names: the line holds the name. Slow: TSWASM_LONG=1.
func TestTagsNetHTTP(t *testing.T) {
	if os.Getenv("TSWASM_LONG") != "1" {
		t.Skip("slow; set TSWASM_LONG=1")
	}
	r := mustRun(t, 0, "", "", "tags", "--format", "ctags", filepath.Join(runtime.GOROOT(), "src", "net", "http"))
	files := map[string][]string{}
	n, serve := 0, 0
	for line := range strings.Lines(r.stdout) {
		if strings.HasPrefix(line, "!_TAG_") {
			continue
		}
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		require.GreaterOrEqual(t, len(f), 4, line)
		name, path, addr := f[0], f[1], strings.TrimSuffix(f[2], `;"`)
		if files[path] == nil {
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			files[path] = strings.Split(string(b), "\n")
		}
		var ln int
		_, err := fmtSscan(addr, &ln)
		require.NoError(t, err)
		assert.Contains(t, files[path][ln-1], name, line)
		n++
		if name == "ServeHTTP" {
			serve++
		}
	}
	assert.Greater(t, n, 2000)
	assert.Greater(t, serve, 10)
}

func TestHighlightMany(t *testing.T) {
	dir := writeFiles(t, map[string]string{"src/a.go": helloGo, "src/web/i.html": "<p>x</p>\n", "b.py": "x = 1\n"})
	out := filepath.Join(t.TempDir(), "site")
	r := mustRun(t, 0, dir, "", "highlight", "--html", "-o", out, "src", "b.py")
	assert.Contains(t, r.stderr, "wrote 3 page(s) and index.html")
	for _, p := range []string{"src/a.go.html", "src/web/i.html.html", "b.py.html", "index.html"} {
		b, err := os.ReadFile(filepath.Join(out, p))
		require.NoError(t, err, p)
		assert.True(t, strings.HasPrefix(string(b), "<!DOCTYPE html>"), p)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	assert.Contains(t, string(index), `<a href="src/a.go.html">src/a.go</a> (go)`)
	page, _ := os.ReadFile(filepath.Join(out, "src/a.go.html"))
	assert.Contains(t, string(page), `<span class="hl-keyword">func</span>`)
	// As text, each file follows a header.
	r = mustRun(t, 0, dir, "", "highlight", "--color", "never", "src/a.go", "b.py")
	assert.Equal(t, "==> src/a.go <==\n"+helloGo+"==> b.py <==\nx = 1\n", r.stdout)
	mustRun(t, 2, dir, "", "highlight", "--output-dir", out, "b.py")
}

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestColorEnvironment(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hello.go": helloGo, "bad.go": badGo})
	for _, tc := range []struct {
		env   []string
		args  []string
		color bool
	}{
		{nil, []string{"--color", "always"}, true},
		{[]string{"NO_COLOR=1"}, []string{"--color", "always"}, true}, // the flag beats the environment
		{nil, []string{"--color", "never"}, false},
		{nil, nil, false}, // auto: stdout is not a terminal
		{[]string{"NO_COLOR=1"}, nil, false},
		{[]string{"TERM=dumb"}, nil, false},
	} {
		for _, cmd := range [][]string{{"highlight", "hello.go"}, {"parse", "--format", "errors", "bad.go"}, {"parse", "--cst", "hello.go"}} {
			r := runEnv(t, tc.env, dir, "", append(cmd, tc.args...)...)
			assert.Equal(t, tc.color, sgrRE.MatchString(r.stdout), "%v %v %v", tc.env, cmd, tc.args)
		}
	}
	r := mustRun(t, 2, dir, "", "highlight", "--color=sometimes", "hello.go")
	assert.Contains(t, r.stderr, "must be one of auto, always, never")
}

func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		r := mustRun(t, 0, "", "", "completion", sh)
		assert.Contains(t, r.stdout, "tswasm", sh)
	}
	r := mustRun(t, 0, "", "", "__complete", "parse", "--format", "")
	assert.True(t, strings.HasPrefix(r.stdout, "sexp\ncst\njson\njsonl\nerrors\nnone\n:4\n"), r.stdout)
	r = mustRun(t, 0, "", "", "__complete", "query", "--lang", "")
	assert.Contains(t, r.stdout, "\ngo\n")
	assert.Contains(t, r.stdout, "\npython\n")
	r = mustRun(t, 0, "", "", "__complete", "pa")
	assert.True(t, strings.HasPrefix(r.stdout, "parse\t"), r.stdout)
}

func TestOneLineErrorsUnit(t *testing.T) {
	e := &env{}
	err := errors.New("tswasm: parse trapped in go grammar: wasm error: unreachable\nwasm stack trace:\n\tfoo()\n\tbar()")
	assert.Equal(t, "parse trapped in go grammar: wasm error: unreachable (--verbose for details)", oneLine(e, err))
	e.verbose = true
	assert.Equal(t, err.Error(), oneLine(e, err))
}

// fmtSscan reads one integer.
func fmtSscan(s string, n *int) (int, error) {
	v, err := strconv.Atoi(s)
	*n = v
	return 1, err
}

// TestTimeoutStopsHangingQuery: ((pair)?)+ makes tree-sitter's query
// compiler loop forever (upstream bug), inside one wasm call that the
// context cannot stop. --timeout still ends the run: by a typed error if
// the library learns to stop it, else by the watchdog (exit 2), else by the
// kernel timer behind it (SIGTERM) when the stuck call stalls Go itself.
func TestTimeoutStopsHangingQuery(t *testing.T) {
	dir := writeFiles(t, map[string]string{"h.json": `{"a": 1}` + "\n", "hang.scm": "((pair)?)+\n"})
	for _, args := range [][]string{{"query", "--timeout", "1s", "hang.scm", "h.json"}, {"query", "--lang", "json", "--timeout", "1s", "hang.scm", "h.json"}} {
		done := make(chan result, 1)
		go func() { done <- run(t, dir, "", args...) }()
		select {
		case r := <-done:
			assert.NotEqual(t, 0, r.code, "%v: %s", args, r.stderr)
		case <-time.After(90 * time.Second):
			t.Fatalf("%v still running after 90s", args)
		}
	}
}
