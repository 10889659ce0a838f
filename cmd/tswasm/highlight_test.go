package main

import (
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	ansiRE = regexp.MustCompile(`\x1b\[[0-9;]*m`)
	tagRE  = regexp.MustCompile(`<[^>]*>`)
)

// htmlCode returns the text of the page's <code> element with the markup
// removed and entities decoded: the highlighted source.
func htmlCode(t *testing.T, page string) string {
	t.Helper()
	_, after, ok := strings.Cut(page, "<code>")
	code, _, ok2 := strings.Cut(after, "</code>")
	if !ok || !ok2 {
		t.Fatalf("no <code> element in:\n%s", clip(page))
	}
	return html.UnescapeString(tagRE.ReplaceAllString(code, ""))
}

const pageHTML = `<!DOCTYPE html>
<html>
<head>
<style>
  body { color: red; }
</style>
</head>
<body>
<p class="x">Fish &amp; chips</p>
<script>
  const answer = 42; // the answer
</script>
</body>
</html>
`

func TestHighlight(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hello.go":   helloGo,
		"page.html":  pageHTML,
		"custom.scm": "(identifier) @variable.custom\n",
		"x.unknown":  "?",
	})

	// ANSI: removing the escape sequences gives back the source.
	r := mustRun(t, 0, dir, "", "highlight", "--color", "always", "hello.go")
	if got := ansiRE.ReplaceAllString(r.stdout, ""); got != helloGo {
		t.Errorf("ANSI output without escapes:\n%q\nwant\n%q", got, helloGo)
	}
	// tree-sitter-go's highlights.scm captures "func" as @keyword and
	// comments as @comment; the theme shows them magenta and grey italic.
	for _, want := range []string{"\x1b[35mfunc", "\x1b[90;3m// main greets."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("ANSI output lacks %q:\n%q", want, r.stdout)
		}
	}
	// Piped, with the default --color auto: plain text.
	r = mustRun(t, 0, dir, "", "highlight", "hello.go")
	if r.stdout != helloGo {
		t.Errorf("piped output is not the plain source:\n%q", r.stdout)
	}

	// HTML: a standalone page whose code text is the escaped source.
	r = mustRun(t, 0, dir, "", "highlight", "--html", "hello.go")
	if !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "<style>") || !strings.Contains(r.stdout, ".hl-keyword {") {
		t.Errorf("not a standalone page:\n%s", clip(r.stdout))
	}
	if got := htmlCode(t, r.stdout); got != helloGo {
		t.Errorf("HTML code text:\n%q\nwant\n%q", got, helloGo)
	}
	for _, want := range []string{`<span class="hl-keyword">func</span>`, `<span class="hl-comment">// main greets.</span>`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("HTML lacks %s", want)
		}
	}

	// Injections: html's injections.scm hands <script> to javascript and
	// <style> to css. html's own highlights.scm has no pattern for the
	// raw_text inside them, so these spans can only come from the injected
	// languages.
	r = mustRun(t, 0, dir, "", "highlight", "--html", "page.html")
	if got := htmlCode(t, r.stdout); got != pageHTML {
		t.Errorf("HTML code text:\n%q\nwant\n%q", got, pageHTML)
	}
	for _, want := range []string{
		`<span class="hl-keyword">const</span>`,         // javascript
		`<span class="hl-number">42</span>`,             // javascript
		`<span class="hl-comment">// the answer</span>`, // javascript
		`<span class="hl-property">color</span>`,        // css
		`<span class="hl-tag">script</span>`,            // html itself
		`Fish &amp;amp; chips`,                          // escaped text
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("page.html highlighting lacks %s", want)
		}
	}

	// A custom query; nested capture names give one class per prefix.
	r = mustRun(t, 0, dir, "", "highlight", "--html", "--query", "custom.scm", "hello.go")
	if !strings.Contains(r.stdout, `<span class="hl-variable hl-variable-custom">fmt</span>`) {
		t.Errorf("custom query spans missing:\n%s", clip(r.stdout))
	}
	if strings.Contains(r.stdout, `class="hl-keyword"`) {
		t.Errorf("custom query output still has the bundled highlights")
	}

	// Failures.
	r = mustRun(t, 2, dir, "", "highlight", "x.unknown")
	if !strings.Contains(r.stderr, "cannot detect the language") {
		t.Errorf("stderr = %q", r.stderr)
	}
	mustRun(t, 2, dir, "", "highlight", "missing.go")
	mustRun(t, 2, dir, "", "highlight", "--html", "hello.go", "page.html") // several pages need --output-dir
	r = mustRun(t, 0, dir, helloGo, "highlight", "--lang", "go", "--color", "always", "-")
	if got := ansiRE.ReplaceAllString(r.stdout, ""); got != helloGo {
		t.Errorf("stdin highlighting changed the text: %q", got)
	}
}

func TestLangs(t *testing.T) {
	r := mustRun(t, 0, "", "", "langs")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "NAME ") {
		t.Fatalf("no header:\n%s", r.stdout)
	}
	goRow := regexp.MustCompile(`(?m)^go\s+0\.25\.0\s+15\s+\.go\s+.*highlights`)
	if !goRow.MatchString(r.stdout) {
		t.Errorf("no go row:\n%s", r.stdout)
	}

	r = mustRun(t, 0, "", "", "langs", "--json")
	var infos []langInfo
	if err := json.Unmarshal([]byte(r.stdout), &infos); err != nil {
		t.Fatal(err)
	}
	if len(infos) != len(lines)-1 {
		t.Errorf("--json lists %d languages, the table %d", len(infos), len(lines)-1)
	}
	var golang *langInfo
	for i := range infos {
		if infos[i].Name == "go" {
			golang = &infos[i]
		}
	}
	if golang == nil {
		t.Fatal("no go in --json")
	}
	want, err := os.ReadFile(filepath.Join(repoRoot, "languages", "golang", "tree-sitter-go.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	// The size reported is that of the bundled Go grammar (tree-sitter-go
	// 0.25.0, built here at -O2 from its npm package's sources).
	if golang.ABI != 15 || golang.WasmBytes != len(want) || golang.Grammar != "go" ||
		!strings.Contains(strings.Join(golang.Extensions, " "), ".go") || !strings.Contains(strings.Join(golang.Queries, " "), "highlights") {
		t.Errorf("go = %+v", *golang)
	}
}

func TestBuildGrammar(t *testing.T) {
	dir := t.TempDir()
	// Without a usable clang the message says what to install.
	cmd := exec.Command(binary, "build-grammar", "-o", filepath.Join(dir, "x.wasm"), filepath.Join(repoRoot, "internal", "grammarbuild", "testdata", "repo"))
	cmd.Env = append(os.Environ(), "TSWASM_CLANG=/nonexistent/clang-19")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Errorf("missing clang: err %v, want exit 2\n%s", err, out)
	}
	if !strings.Contains(string(out), "apt-get install -y clang-19") {
		t.Errorf("missing clang message:\n%s", out)
	}
	mustRun(t, 2, dir, "", "build-grammar")

	if _, err := exec.LookPath("clang-19"); err != nil {
		if os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" {
			t.Fatal("TSWASM_REQUIRE_TOOLCHAIN=1 but clang-19 is not in PATH")
		}
		t.Skip("skipping the real build: clang-19 is not in PATH")
	}
	if testing.Short() {
		t.Skip("skipping the real build in -short mode")
	}
	// A real grammar: smacker/go-tree-sitter's TOML sources, when the module
	// is in the module cache.
	modDir, _ := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/smacker/go-tree-sitter").Output()
	src := filepath.Join(strings.TrimSpace(string(modDir)), "toml")
	if _, err := os.Stat(filepath.Join(src, "parser.c")); err != nil {
		t.Skipf("smacker/go-tree-sitter sources are not in the module cache: %v", err)
	}
	// Without -o the output is NAME.wasm in the current directory.
	r := mustRun(t, 0, dir, "", "build-grammar", src)
	if !strings.HasPrefix(r.stdout, "wrote toml.wasm") || !strings.Contains(r.stdout, "grammar toml") {
		t.Errorf("stdout = %q", r.stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.toml"), []byte("[server]\nport = 8080\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = mustRun(t, 0, dir, "", "parse", "--grammar", "toml.wasm", "a.toml")
	if !strings.HasPrefix(r.stdout, "(document (table (bare_key) (pair (bare_key) (integer))))") {
		t.Errorf("tree with the built grammar = %q", r.stdout)
	}
}
