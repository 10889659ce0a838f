// Package grammarbuild compiles a tree-sitter grammar's C sources (parser.c,
// and scanner.c or scanner.cc) into a WebAssembly side module that tswasm can
// link: a wasm32 position-independent shared library with a dylink.0 section
// that exports tree_sitter_<name>.
//
// It needs no tree-sitter CLI and no emscripten, only clang 19 or newer with
// the wasm32 target, wasm-ld, and the wasi-libc headers. On Debian those come
// from the packages clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32.
//
// The output depends only on the source files' contents and the compiler
// version: inputs are compiled in a fixed order, source and temporary paths
// are mapped away with -ffile-prefix-map, and the link strips every custom
// section except dylink.0.
package grammarbuild

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Packages names the Debian packages that provide the toolchain Build needs.
const Packages = "clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32"

// ClangEnv is the environment variable that, when set, names the clang
// executable FindClang returns (a path or a name looked up in PATH).
const ClangEnv = "TSWASM_CLANG"

// MinClangMajor is the oldest clang major version that can build tree-sitter
// grammars as wasm32 PIC side modules. Older versions fail on ABI 15 grammars.
const MinClangMajor = 19

// ErrNoClang is returned, wrapped, when no suitable clang is found.
var ErrNoClang = errors.New("grammarbuild: no clang with wasm32 support found")

// CompileFlags are the flags passed to clang for every source file, before
// include directories, defines and Options.ExtraFlags.
//
// The ts_malloc family is defined to the plain libc names because some
// scanners (smacker/go-tree-sitter's python, for one) include the runtime's
// own alloc.h, which otherwise routes allocations through the runtime-private
// globals ts_current_malloc etc. and makes the module import them as GOT.mem
// entries that no runtime exports. Grammar-side alloc.h files default to the
// plain libc names already, so this only changes such stray includes.
var CompileFlags = []string{
	"--target=wasm32-wasi",
	"-fPIC",
	"-Os",
	"-fno-exceptions",
	"-fvisibility=hidden",
	"-fno-ident",
	"-Dts_malloc=malloc",
	"-Dts_calloc=calloc",
	"-Dts_realloc=realloc",
	"-Dts_free=free",
}

// LinkFlags are the flags passed to clang to link the objects into a side
// module; Build adds -Wl,--export=tree_sitter_<name>. --strip-all drops the
// name, producers and target_features sections but keeps dylink.0.
var LinkFlags = []string{
	"--target=wasm32-wasi",
	"-fPIC",
	"-shared",
	"-nostdlib",
	"-Wl,--experimental-pic",
	"-Wl,--allow-undefined",
	"-Wl,--no-entry",
	"-Wl,--strip-all",
}

// Options describes one grammar build.
type Options struct {
	// Name is the grammar name: the module exports tree_sitter_<Name>.
	// It must be a C identifier.
	Name string
	// Sources are the C (.c) or C++ (.cc, .cpp, .cxx) files to compile,
	// usually parser.c and an optional scanner. They are compiled and
	// linked in sorted order, whatever order they are given in. C++ files
	// also get -fno-rtti and -fno-sized-deallocation, so that they import
	// only operator new (_Znwm) and delete (_ZdlPv), as older builds do;
	// no C++ standard library is available.
	Sources []string
	// IncludeDirs are extra -I directories. Quoted includes are found next
	// to the including file without them.
	IncludeDirs []string
	// Clang is the clang executable. Empty means FindClang.
	Clang string
	// ExtraFlags are appended to every compile command.
	ExtraFlags []string
	// Out is the output .wasm path. Its directory is created if needed;
	// the file is replaced atomically.
	Out string
	// Log, if not nil, receives each command line and clang's diagnostics.
	Log io.Writer
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// FindClang returns the clang to use: $TSWASM_CLANG if set, else clang-19 from
// PATH, else clang from PATH if its major version is at least MinClangMajor.
// The error wraps ErrNoClang and says which Debian packages to install.
func FindClang() (string, error) {
	if c := os.Getenv(ClangEnv); c != "" {
		p, err := exec.LookPath(c)
		if err != nil {
			return "", fmt.Errorf("%w: $%s=%q: %v", ErrNoClang, ClangEnv, c, err)
		}
		return p, nil
	}
	if p, err := exec.LookPath("clang-19"); err == nil {
		return p, nil
	}
	p, err := exec.LookPath("clang")
	if err != nil {
		return "", fmt.Errorf("%w: neither clang-19 nor clang is in PATH; install the Debian packages %s (apt-get install -y %s), or set $%s",
			ErrNoClang, Packages, Packages, ClangEnv)
	}
	out, err := exec.Command(p, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%w: %s --version: %v", ErrNoClang, p, err)
	}
	major := clangMajor(string(out))
	if major < MinClangMajor {
		return "", fmt.Errorf("%w: %s is clang %d, need %d or newer (older versions cannot build ABI 15 grammars as PIC side modules); install the Debian packages %s, or set $%s",
			ErrNoClang, p, major, MinClangMajor, Packages, ClangEnv)
	}
	return p, nil
}

var clangVersionRE = regexp.MustCompile(`clang version (\d+)\.`)

// clangMajor returns the major version in `clang --version` output, or 0.
func clangMajor(s string) int {
	m := clangVersionRE.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Build compiles o.Sources and links them into the side module o.Out.
func Build(ctx context.Context, o Options) error {
	if !identRE.MatchString(o.Name) {
		return fmt.Errorf("grammarbuild: grammar name %q is not a C identifier", o.Name)
	}
	if len(o.Sources) == 0 {
		return errors.New("grammarbuild: no sources")
	}
	if o.Out == "" {
		return errors.New("grammarbuild: no output path")
	}
	clang := o.Clang
	if clang == "" {
		var err error
		if clang, err = FindClang(); err != nil {
			return err
		}
	}
	srcs := make([]string, len(o.Sources))
	for i, s := range o.Sources {
		a, err := filepath.Abs(s)
		if err != nil {
			return fmt.Errorf("grammarbuild: %v", err)
		}
		if _, err := os.Stat(a); err != nil {
			return fmt.Errorf("grammarbuild: source: %w", err)
		}
		srcs[i] = a
	}
	slices.Sort(srcs)
	srcs = slices.Compact(srcs)
	incs := make([]string, len(o.IncludeDirs))
	for i, d := range o.IncludeDirs {
		a, err := filepath.Abs(d)
		if err != nil {
			return fmt.Errorf("grammarbuild: %v", err)
		}
		incs[i] = a
	}

	tmp, err := os.MkdirTemp("", "grammarbuild-")
	if err != nil {
		return fmt.Errorf("grammarbuild: %v", err)
	}
	defer os.RemoveAll(tmp)

	shimDir := filepath.Join(tmp, "include")
	extraIncs, err := includeShim(srcs, incs, shimDir)
	if err != nil {
		return err
	}
	incs = append(incs, extraIncs...)

	// Map every directory that can show up in __FILE__ (assert messages) to
	// ".", so the output does not depend on where the sources live.
	// Clang tries the longest prefix first.
	var prefixes []string
	for _, s := range srcs {
		prefixes = append(prefixes, filepath.Dir(s))
	}
	prefixes = append(prefixes, incs...)
	prefixes = append(prefixes, tmp)
	slices.Sort(prefixes)
	prefixes = slices.Compact(prefixes)

	var common []string
	common = append(common, CompileFlags...)
	for _, p := range prefixes {
		common = append(common, "-ffile-prefix-map="+p+"=.")
	}
	for _, d := range incs {
		common = append(common, "-I", d)
	}

	objs := make([]string, len(srcs))
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for i, src := range srcs {
		objs[i] = filepath.Join(tmp, fmt.Sprintf("%d.o", i))
		args := slices.Clone(common)
		if isCXX(src) {
			args = append(args, "-x", "c++", "-fno-rtti", "-fno-sized-deallocation")
		} else {
			args = append(args, "-x", "c")
		}
		args = append(args, o.ExtraFlags...)
		args = append(args, "-c", src, "-o", objs[i])
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = run(ctx, clang, tmp, args, o.Log, &logMu)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}

	if err := os.MkdirAll(filepath.Dir(o.Out), 0o755); err != nil {
		return fmt.Errorf("grammarbuild: %v", err)
	}
	linked := filepath.Join(tmp, "out.wasm")
	args := slices.Clone(LinkFlags)
	args = append(args, "-Wl,--export=tree_sitter_"+o.Name)
	args = append(args, objs...)
	args = append(args, "-o", linked)
	if err := run(ctx, clang, tmp, args, o.Log, &logMu); err != nil {
		return err
	}
	data, err := os.ReadFile(linked)
	if err != nil {
		return fmt.Errorf("grammarbuild: %v", err)
	}
	// --allow-undefined lets a wrong name link silently, with no export.
	if err := checkSideModule(data, "tree_sitter_"+o.Name); err != nil {
		return fmt.Errorf("grammarbuild: output for %q: %v", o.Name, err)
	}
	return writeAtomic(o.Out, data)
}

func isCXX(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".cc", ".cpp", ".cxx", ".c++":
		return true
	}
	return false
}

// run runs clang and turns a failure into an error that carries clang's
// output and, for the usual missing-toolchain symptoms, what to install.
func run(ctx context.Context, clang, dir string, args []string, log io.Writer, mu *sync.Mutex) error {
	cmd := exec.CommandContext(ctx, clang, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	if log != nil {
		mu.Lock()
		fmt.Fprintf(log, "%s %s\n%s", clang, strings.Join(args, " "), out.Bytes())
		mu.Unlock()
	}
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("grammarbuild: %w", ctx.Err())
	}
	msg := strings.TrimSpace(out.String())
	return fmt.Errorf("grammarbuild: %s failed: %v\n%s%s", filepath.Base(clang), err, msg, hint(msg))
}

// hint recognises a missing piece of the toolchain in clang's output.
func hint(msg string) string {
	switch {
	case strings.Contains(msg, "wasm-ld") && strings.Contains(msg, "unable to execute"):
		return "\nhint: the wasm linker is missing; install the Debian package lld-19 (all of: " + Packages + ")"
	case strings.Contains(msg, "file not found") && strings.Contains(msg, "#include <"):
		return "\nhint: the wasi-libc headers may be missing; install the Debian package wasi-libc (all of: " + Packages + ")"
	case strings.Contains(msg, "No available targets") || strings.Contains(msg, "unknown target"):
		return "\nhint: this clang lacks the wasm32 target; install the Debian packages " + Packages
	}
	return ""
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("grammarbuild: %v", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("grammarbuild: %v", err)
	}
	return nil
}

var quotedIncludeRE = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"`)

func quotedIncludes(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("grammarbuild: %v", err)
	}
	var incs []string
	for _, m := range quotedIncludeRE.FindAllSubmatch(b, -1) {
		incs = append(incs, string(m[1]))
	}
	return incs, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// includeShim makes the two usual header layouts interchangeable. Generated
// parsers include either "parser.h" (flat copies, as in smacker/go-tree-sitter)
// or "tree_sitter/parser.h" (the grammar repository layout, src/tree_sitter/).
//
//   - An unresolved "tree_sitter/X" is satisfied by copying X from the
//     source's directory or its parent into shimDir/tree_sitter/ (with the
//     quoted headers X itself includes); shimDir is then returned as an
//     include directory.
//   - An unresolved "X" with X present in the source's tree_sitter/
//     subdirectory adds that subdirectory as an include directory.
//
// Includes that neither rule resolves are left for clang to report.
func includeShim(srcs, incs []string, shimDir string) ([]string, error) {
	resolved := func(dir, inc string) bool {
		if exists(filepath.Join(dir, inc)) {
			return true
		}
		for _, d := range incs {
			if exists(filepath.Join(d, inc)) {
				return true
			}
		}
		return false
	}
	var extra []string
	useShim := false
	copied := map[string]bool{}
	var copyHeader func(from, name string) error
	copyHeader = func(from, name string) error {
		dst := filepath.Join(shimDir, "tree_sitter", name)
		if copied[dst] {
			return nil
		}
		copied[dst] = true
		data, err := os.ReadFile(from)
		if err != nil {
			return fmt.Errorf("grammarbuild: %v", err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("grammarbuild: %v", err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return fmt.Errorf("grammarbuild: %v", err)
		}
		nested, err := quotedIncludes(from)
		if err != nil {
			return err
		}
		for _, n := range nested {
			n = filepath.Clean(n)
			if filepath.IsAbs(n) || strings.HasPrefix(n, "..") {
				continue
			}
			if p := filepath.Join(filepath.Dir(from), n); exists(p) {
				if err := copyHeader(p, filepath.Join(filepath.Dir(name), n)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, src := range srcs {
		dir := filepath.Dir(src)
		incList, err := quotedIncludes(src)
		if err != nil {
			return nil, err
		}
		for _, inc := range incList {
			if resolved(dir, inc) {
				continue
			}
			if rest, ok := strings.CutPrefix(inc, "tree_sitter/"); ok {
				for _, cand := range []string{filepath.Join(dir, rest), filepath.Join(dir, "..", rest)} {
					if exists(cand) {
						if err := copyHeader(cand, rest); err != nil {
							return nil, err
						}
						useShim = true
						break
					}
				}
				continue
			}
			if sub := filepath.Join(dir, "tree_sitter"); exists(filepath.Join(sub, inc)) && !slices.Contains(extra, sub) {
				extra = append(extra, sub)
			}
		}
	}
	if useShim {
		extra = append(extra, shimDir)
	}
	return extra, nil
}
