package workload

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/c"
	_ "github.com/tswasm/tswasm/languages/golang"
	_ "github.com/tswasm/tswasm/languages/javascript"
	_ "github.com/tswasm/tswasm/languages/json"
	_ "github.com/tswasm/tswasm/languages/python"
	_ "github.com/tswasm/tswasm/languages/rust"
	_ "github.com/tswasm/tswasm/languages/typescript"
)

// Lang describes one benchmarked language.
type Lang struct {
	Name string // key used in benchmark names: lang=<Name>
	// Comment starts a line comment; the keystroke burst types one. Empty
	// means the language has none and the burst types spaces.
	Comment string
	// Smacker is true when smacker/go-tree-sitter vendors this grammar and
	// testdata/grammars holds the same source built to wasm.
	Smacker bool
	// Main languages get every workload; the others get parse and query.
	Main bool
}

// Langs lists the benchmarked languages in report order.
var Langs = []Lang{
	{Name: "go", Comment: "//", Smacker: true, Main: true},
	{Name: "python", Comment: "#", Smacker: true, Main: true},
	{Name: "javascript", Comment: "//", Smacker: true, Main: true},
	{Name: "c", Comment: "//", Main: true},
	{Name: "rust", Comment: "//"},
	{Name: "typescript", Comment: "//"},
	{Name: "json"},
}

// LangByName returns the language called name.
func LangByName(name string) (Lang, bool) {
	for _, l := range Langs {
		if l.Name == name {
			return l, true
		}
	}
	return Lang{}, false
}

// File is one input.
type File struct {
	Path string // absolute path, or a path under bench/testdata
	Src  []byte
}

// Set is the input of one language.
type Set struct {
	Lang  string
	Files []File
	Bytes int64
}

// Sizes of the samples.
const (
	fullBudget   = 1 << 20   // bytes of source in a full parse set
	fullMaxFile  = 128 << 10 // larger files are left out of the sample
	shortBudget  = 24 << 10
	shortMaxFile = 8 << 10
	fullEdit     = 100 << 10 // the incremental, walk and query file size aimed at
	shortEdit    = 6 << 10
	editMaxFile  = 256 << 10
)

var (
	candMu    sync.Mutex
	candCache = map[string][]candidate{}
)

type candidate struct {
	path string
	rel  string
	size int64
}

// ParseSet returns the deterministic sample of lang's source files for the
// parse and batch workloads: files taken in the order of a hash of their
// path relative to their root until the budget is reached, which spreads
// the sample over the whole tree and does not move when unrelated files
// come and go.
func ParseSet(lang string, short bool) (*Set, error) {
	cands, err := candidates(lang)
	if err != nil {
		return nil, err
	}
	budget, maxFile := int64(fullBudget), int64(fullMaxFile)
	if short {
		budget, maxFile = shortBudget, shortMaxFile
	}
	fixed := isFixed(lang)
	order := append([]candidate(nil), cands...)
	sort.Slice(order, func(i, j int) bool {
		hi, hj := hashPath(order[i].rel), hashPath(order[j].rel)
		if hi != hj {
			return hi < hj
		}
		return order[i].rel < order[j].rel
	})
	set := &Set{Lang: lang}
	for _, c := range order {
		if set.Bytes >= budget {
			break
		}
		if !fixed && (c.size > maxFile || c.size < 64) {
			continue
		}
		src, err := os.ReadFile(c.path)
		if err != nil {
			return nil, err
		}
		set.Files = append(set.Files, File{Path: c.path, Src: src})
		set.Bytes += int64(len(src))
	}
	if len(set.Files) == 0 {
		return nil, fmt.Errorf("workload: no %s input files", lang)
	}
	return set, nil
}

// EditFile returns the file for the incremental, walk and query workloads:
// the candidate whose size is closest to 100 KiB (6 KiB in short mode).
func EditFile(lang string, short bool) (File, error) {
	cands, err := candidates(lang)
	if err != nil {
		return File{}, err
	}
	target := int64(fullEdit)
	if short {
		target = shortEdit
	}
	var best *candidate
	var bestDist int64
	for i := range cands {
		c := &cands[i]
		if c.size > editMaxFile && !isFixed(lang) {
			continue
		}
		d := c.size - target
		if d < 0 {
			d = -d
		}
		if best == nil || d < bestDist || (d == bestDist && c.rel < best.rel) {
			best, bestDist = c, d
		}
	}
	if best == nil {
		return File{}, fmt.Errorf("workload: no %s input files", lang)
	}
	src, err := os.ReadFile(best.path)
	if err != nil {
		return File{}, err
	}
	return File{Path: best.path, Src: src}, nil
}

func hashPath(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}

// fixedInputs are the files committed under bench/testdata/inputs (see
// testdata/README.md for their origin and license).
var fixedInputs = map[string][]string{
	"rust":       {"ast.rs"},
	"typescript": {"parser.ts"},
	"json":       {"package-lock.json"},
}

func isFixed(lang string) bool { _, ok := fixedInputs[lang]; return ok }

// candidates lists every input file of lang, sorted by path.
func candidates(lang string) ([]candidate, error) {
	candMu.Lock()
	defer candMu.Unlock()
	if c, ok := candCache[lang]; ok {
		return c, nil
	}
	var (
		cands []candidate
		err   error
	)
	if files, ok := fixedInputs[lang]; ok {
		dir, derr := BenchDir()
		if derr != nil {
			return nil, derr
		}
		for _, f := range files {
			p := filepath.Join(dir, "testdata", "inputs", f)
			st, serr := os.Stat(p)
			if serr != nil {
				return nil, serr
			}
			cands = append(cands, candidate{path: p, rel: f, size: st.Size()})
		}
	} else {
		var root string
		var keep func(rel string) bool
		root, keep, err = corpus(lang)
		if err != nil {
			return nil, err
		}
		cands, err = walkCorpus(root, keep)
		if err != nil {
			return nil, err
		}
		if len(cands) == 0 {
			return nil, fmt.Errorf("workload: no %s files under %s", lang, root)
		}
	}
	candCache[lang] = cands
	return cands, nil
}

func walkCorpus(root string, keep func(rel string) bool) ([]candidate, error) {
	var out []candidate
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable corners of system directories
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if !keep(rel) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		out = append(out, candidate{path: p, rel: rel, size: info.Size()})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out, err
}

// corpus returns where lang's inputs live on this machine and which files
// to take. Environment variables override the locations:
// TSWASM_BENCH_GOROOT, TSWASM_BENCH_PYTHON, TSWASM_BENCH_NPM,
// TSWASM_BENCH_INCLUDE.
func corpus(lang string) (string, func(string) bool, error) {
	switch lang {
	case "go":
		root := os.Getenv("TSWASM_BENCH_GOROOT")
		if root == "" {
			root = goEnv("GOROOT")
		}
		if root == "" {
			return "", nil, errors.New("workload: GOROOT not found")
		}
		return filepath.Join(root, "src"), func(rel string) bool {
			return strings.HasSuffix(rel, ".go") && !hasDir(rel, "testdata")
		}, nil
	case "python":
		root := os.Getenv("TSWASM_BENCH_PYTHON")
		if root == "" {
			root = pythonStdlib()
		}
		if root == "" {
			return "", nil, errors.New("workload: Python standard library not found (set TSWASM_BENCH_PYTHON)")
		}
		return root, func(rel string) bool {
			// Tests hold files with deliberate syntax errors and Python 2 code.
			return strings.HasSuffix(rel, ".py") && !hasDir(rel, "test") && !hasDir(rel, "tests") &&
				!hasDir(rel, "site-packages") && !hasDir(rel, "dist-packages") && !hasDir(rel, "lib2to3")
		}, nil
	case "javascript":
		root := os.Getenv("TSWASM_BENCH_NPM")
		if root == "" {
			if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
				root = filepath.Join(strings.TrimSpace(string(out)), "npm")
			}
		}
		if root == "" {
			return "", nil, errors.New("workload: npm not found (set TSWASM_BENCH_NPM)")
		}
		return root, func(rel string) bool {
			return strings.HasSuffix(rel, ".js") && !strings.HasSuffix(rel, ".min.js")
		}, nil
	case "c":
		root := os.Getenv("TSWASM_BENCH_INCLUDE")
		if root == "" {
			root = "/usr/include"
		}
		return root, func(rel string) bool { return strings.HasSuffix(rel, ".h") }, nil
	}
	return "", nil, fmt.Errorf("workload: unknown language %q", lang)
}

func hasDir(rel, dir string) bool {
	return strings.HasPrefix(rel, dir+"/") || strings.Contains(rel, "/"+dir+"/")
}

func goEnv(key string) string {
	out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "env", key).Output()
	if err != nil {
		out, err = exec.Command("go", "env", key).Output()
	}
	if err != nil {
		return ""
	}
	return string(bytes.TrimSpace(out))
}

func pythonStdlib() string {
	out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
	if err == nil {
		if p := strings.TrimSpace(string(out)); p != "" {
			return p
		}
	}
	m, _ := filepath.Glob("/usr/lib/python3.*")
	sort.Strings(m)
	if len(m) > 0 {
		return m[len(m)-1]
	}
	return ""
}

var (
	benchDirOnce sync.Once
	benchDir     string
	benchDirErr  error
)

// BenchDir is the directory of the bench module: $TSWASM_BENCH_DIR, or the
// nearest parent of the working directory whose go.mod declares it.
func BenchDir() (string, error) {
	benchDirOnce.Do(func() {
		if d := os.Getenv("TSWASM_BENCH_DIR"); d != "" {
			benchDir = d
			return
		}
		d, err := os.Getwd()
		if err != nil {
			benchDirErr = err
			return
		}
		for {
			b, err := os.ReadFile(filepath.Join(d, "go.mod"))
			if err == nil && bytes.Contains(b, []byte("module github.com/tswasm/tswasm/bench\n")) {
				benchDir = d
				return
			}
			if b != nil && bytes.Contains(b, []byte("module github.com/tswasm/tswasm\n")) {
				benchDir = filepath.Join(d, "bench")
				return
			}
			parent := filepath.Dir(d)
			if parent == d {
				benchDirErr = errors.New("workload: bench directory not found (set TSWASM_BENCH_DIR)")
				return
			}
			d = parent
		}
	})
	return benchDir, benchDirErr
}

// HighlightsQuery returns the highlights.scm that tswasm bundles for lang
// (languages/<lang>, inherited queries included), without its
// "(#is-not? local)" predicates: those are for a highlighter's scope
// tracking, no binding filters captures on them, and smacker's query parser
// rejects them.
func HighlightsQuery(lang string) ([]byte, error) {
	spec, ok := languages.Lookup(lang)
	if !ok {
		return nil, fmt.Errorf("workload: no bundled language %q", lang)
	}
	q, ok := spec.Queries["highlights"]
	if !ok {
		return nil, fmt.Errorf("workload: language %s bundles no highlights query", lang)
	}
	return isNotLocal.ReplaceAll([]byte(q), nil), nil
}

var isNotLocal = regexp.MustCompile(`\(#is-not\? local\)`)

// LargestFile returns lang's largest input file of at most 512 KiB (in
// short mode, the edit file), for the bytes-per-node measure.
func LargestFile(lang string, short bool) (File, error) {
	if short {
		return EditFile(lang, true)
	}
	cands, err := candidates(lang)
	if err != nil {
		return File{}, err
	}
	var best *candidate
	for i := range cands {
		c := &cands[i]
		if c.size <= 512<<10 && (best == nil || c.size > best.size) {
			best = c
		}
	}
	if best == nil {
		return File{}, fmt.Errorf("workload: no %s input files", lang)
	}
	src, err := os.ReadFile(best.path)
	if err != nil {
		return File{}, err
	}
	return File{Path: best.path, Src: src}, nil
}
