// Command update refreshes the bundled grammars from npm and regenerates the
// language packages. Run it through grammars/update.sh, from anywhere inside
// the repository:
//
//	go run ./grammars/internal/update [-packages DIR] [-gen]
//
// For every grammar in grammars/manifest.json it npm-packs the pinned
// package (and the packages whose queries it inherits), copies the shipped
// wasm or builds it from the package's C sources with internal/grammarbuild
// (origin "built"), copies the license and query files into
// languages/<goPackage>/, loads each wasm with tswasm to read its ABI, and
// rewrites the manifest's computed fields. Then it writes the generated Go
// files of every language package and of languages/all.
//
// -gen only regenerates the Go files from the manifest, offline.
// -packages keeps the unpacked npm packages in DIR and reuses them.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/grammars/internal/manifest"
	"github.com/tswasm/tswasm/internal/grammarbuild"
)

func main() {
	pkgDir := flag.String("packages", "", "directory to unpack npm packages into and reuse (default: a temporary directory)")
	genOnly := flag.Bool("gen", false, "only regenerate the Go files from grammars/manifest.json")
	flag.Parse()
	if err := run(context.Background(), *pkgDir, *genOnly); err != nil {
		fmt.Fprintln(os.Stderr, "update:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, pkgDir string, genOnly bool) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	mpath := filepath.Join(root, "grammars", "manifest.json")
	m, err := manifest.Read(mpath)
	if err != nil {
		return err
	}
	if !genOnly {
		if pkgDir == "" {
			tmp, err := os.MkdirTemp("", "tswasm-grammars-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			pkgDir = tmp
		}
		u := &updater{root: root, pkgDir: pkgDir, pkgs: map[string]string{}}
		e, err := tswasm.NewEngine(ctx)
		if err != nil {
			return err
		}
		defer e.Close()
		u.engine = e
		for _, g := range m.Grammars {
			fmt.Fprintf(os.Stderr, "%s: %s@%s\n", g.Name, g.Package, g.Version)
			if err := u.refresh(ctx, g); err != nil {
				return fmt.Errorf("%s: %v", g.Name, err)
			}
		}
		if err := m.Validate(); err != nil {
			return err
		}
		b, err := m.Marshal()
		if err != nil {
			return err
		}
		if err := os.WriteFile(mpath, b, 0o644); err != nil {
			return err
		}
	}
	files, err := manifest.Generate(m)
	if err != nil {
		return err
	}
	for p, b := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "wrote %d grammars, %d Go files\n", len(m.Grammars), len(files))
	return nil
}

// repoRoot finds the directory of the module's go.mod.
func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run inside the tswasm module")
	}
	return filepath.Dir(gomod), nil
}

type updater struct {
	root   string
	pkgDir string
	engine *tswasm.Engine
	pkgs   map[string]string // package@version → unpacked root
}

// fetch npm-packs pkg@version and unpacks it, once.
func (u *updater) fetch(ctx context.Context, pkg, version string) (string, error) {
	key := pkg + "@" + version
	if d, ok := u.pkgs[key]; ok {
		return d, nil
	}
	dir := filepath.Join(u.pkgDir, strings.ReplaceAll(pkg, "/", "+")+"@"+version)
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		cmd := exec.CommandContext(ctx, "npm", "pack", "--json", "--pack-destination", u.pkgDir, key)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("npm pack %s: %v", key, err)
		}
		var res []struct {
			Filename string `json:"filename"`
		}
		if err := json.Unmarshal(out, &res); err != nil || len(res) != 1 {
			return "", fmt.Errorf("npm pack %s: unexpected output %q", key, out)
		}
		tgz := filepath.Join(u.pkgDir, res[0].Filename)
		if err := untar(tgz, dir); err != nil {
			return "", fmt.Errorf("unpacking %s: %v", tgz, err)
		}
		_ = os.Remove(tgz)
	}
	var pj struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := readJSON(filepath.Join(dir, "package.json"), &pj); err != nil {
		return "", err
	}
	if pj.Name != pkg || pj.Version != version {
		return "", fmt.Errorf("%s holds %s@%s, want %s", dir, pj.Name, pj.Version, key)
	}
	u.pkgs[key] = dir
	return dir, nil
}

// untar unpacks an npm tarball, dropping its leading "package/" directory.
func untar(tgz, dir string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	tmp := dir + ".tmp"
	_ = os.RemoveAll(tmp)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := path.Clean(h.Name)
		_, rest, ok := strings.Cut(name, "/")
		if !ok || rest == "" || strings.HasPrefix(rest, "../") || path.IsAbs(rest) {
			continue
		}
		out := filepath.Join(tmp, filepath.FromSlash(rest))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		w, err := os.Create(out)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, tr); err != nil {
			w.Close()
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
	_ = os.RemoveAll(dir)
	return os.Rename(tmp, dir)
}

func readJSON(p string, v any) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", p, err)
	}
	return nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// copyPart copies from (relative to the package root pdir) to rel (relative
// to the language directory) and describes the copy.
func (u *updater) copyPart(g *manifest.Grammar, pdir, pkg, version, from, rel string) (manifest.Part, error) {
	b, err := os.ReadFile(filepath.Join(pdir, filepath.FromSlash(from)))
	if err != nil {
		return manifest.Part{}, err
	}
	out := filepath.Join(u.root, g.Dir(), filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return manifest.Part{}, err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return manifest.Part{}, err
	}
	return manifest.Part{Path: rel, Package: pkg, Version: version, From: from, SHA256: sum(b)}, nil
}

// licenseFile names the license text in an unpacked package.
func licenseFile(pdir string) (string, error) {
	for _, n := range []string{"LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING"} {
		if _, err := os.Stat(filepath.Join(pdir, n)); err == nil {
			return n, nil
		}
	}
	return "", fmt.Errorf("no license file in %s", pdir)
}

// queryPaths returns the query files tree-sitter.json lists for g, by kind.
func queryPaths(pdir string, g *manifest.Grammar) (map[string][]string, error) {
	var tj struct {
		Grammars []map[string]json.RawMessage `json:"grammars"`
	}
	out := map[string][]string{}
	b, err := os.ReadFile(filepath.Join(pdir, "tree-sitter.json"))
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	} else if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &tj); err != nil {
		return nil, fmt.Errorf("tree-sitter.json: %v", err)
	}
	var entry map[string]json.RawMessage
	for _, e := range tj.Grammars {
		var name string
		_ = json.Unmarshal(e["name"], &name)
		if strings.ReplaceAll(name, "-", "_") == g.Grammar {
			entry = e
			break
		}
	}
	if entry == nil {
		return nil, fmt.Errorf("tree-sitter.json has no grammar named %s", g.Grammar)
	}
	for _, k := range manifest.QueryKinds {
		raw, ok := entry[k]
		if !ok {
			continue
		}
		var one string
		var many []string
		if err := json.Unmarshal(raw, &one); err == nil {
			many = []string{one}
		} else if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("tree-sitter.json: %s: %v", k, err)
		}
		out[k] = many
	}
	return out, nil
}

func (u *updater) refresh(ctx context.Context, g *manifest.Grammar) error {
	pdir, err := u.fetch(ctx, g.Package, g.Version)
	if err != nil {
		return err
	}
	dir := filepath.Join(u.root, g.Dir())
	// Remove what an earlier run copied; Go files and testdata stay.
	for _, sub := range []string{"queries", "inherited"} {
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
			return err
		}
	}
	olds, _ := filepath.Glob(filepath.Join(dir, "*.wasm"))
	for _, p := range olds {
		_ = os.Remove(p)
	}

	var pj struct {
		License string `json:"license"`
	}
	if err := readJSON(filepath.Join(pdir, "package.json"), &pj); err != nil {
		return err
	}
	g.License = pj.License
	lf, err := licenseFile(pdir)
	if err != nil {
		return err
	}
	lic, err := u.copyPart(g, pdir, g.Package, g.Version, lf, "LICENSE")
	if err != nil {
		return err
	}
	g.LicenseFiles = []manifest.Part{lic}

	// The wasm.
	if g.WasmFrom == "" {
		g.WasmFrom = "tree-sitter-" + g.Grammar + ".wasm"
	}
	wasmRel := path.Base(g.WasmFrom)
	wasmOut := filepath.Join(dir, wasmRel)
	shipped, err := os.ReadFile(filepath.Join(pdir, filepath.FromSlash(g.WasmFrom)))
	if err != nil {
		return err
	}
	shippedABI, err := u.abi(ctx, g, shipped)
	if err != nil {
		return fmt.Errorf("shipped wasm: %v", err)
	}
	switch g.Origin {
	case manifest.OriginShipped:
		if err := os.WriteFile(wasmOut, shipped, 0o644); err != nil {
			return err
		}
		g.Build = nil
	case manifest.OriginBuilt:
		src := filepath.Join(pdir, filepath.FromSlash(g.SrcDir))
		if err := grammarbuild.BuildDirOptions(ctx, src, grammarbuild.Options{Name: g.Grammar, Out: wasmOut, ExtraFlags: g.BuildFlags()}); err != nil {
			return err
		}
		clang, err := grammarbuild.FindClang()
		if err != nil {
			return err
		}
		ver, err := exec.Command(clang, "--version").Output()
		if err != nil {
			return fmt.Errorf("%s --version: %v", clang, err)
		}
		srcArg := fmt.Sprintf("<unpacked %s@%s>", g.Package, g.Version)
		if g.SrcDir != "" {
			srcArg += "/" + g.SrcDir
		}
		first, _, _ := strings.Cut(string(ver), "\n")
		g.Build = &manifest.Build{
			Command:       g.BuildCommand(srcArg),
			Compiler:      strings.TrimSpace(first),
			CompileFlags:  append(slices.Clone(grammarbuild.CompileFlags), g.BuildFlags()...),
			LinkFlags:     append(slices.Clone(grammarbuild.LinkFlags), "-Wl,--export=tree_sitter_"+g.Grammar),
			ShippedABI:    shippedABI,
			ShippedSHA256: sum(shipped),
		}
		if parserABI, err := parserABI(src); err == nil && parserABI != shippedABI {
			g.Build.Reason = fmt.Sprintf("the shipped wasm is ABI %d but the package's parser.c is ABI %d", shippedABI, parserABI)
		}
	}
	wasm, err := os.ReadFile(wasmOut)
	if err != nil {
		return err
	}
	if g.ABI, err = u.abi(ctx, g, wasm); err != nil {
		return err
	}
	g.Wasm = manifest.File{Path: wasmRel, Size: int64(len(wasm)), SHA256: sum(wasm)}

	// Queries.
	paths := g.QueryPaths
	if paths == nil {
		if paths, err = queryPaths(pdir, g); err != nil {
			return err
		}
		for _, k := range manifest.QueryKinds {
			if _, ok := paths[k]; ok {
				continue
			}
			p := "queries/" + k + ".scm"
			if _, err := os.Stat(filepath.Join(pdir, p)); err == nil {
				paths[k] = []string{p}
			}
		}
	}
	g.Queries = map[string][]manifest.Part{}
	g.Inherits = nil
	depLicense := map[string]bool{}
	for _, k := range manifest.QueryKinds {
		for _, p := range paths[k] {
			p = path.Clean(p)
			if strings.HasPrefix(p, "../") || path.IsAbs(p) {
				return fmt.Errorf("query path %q leaves the package", p)
			}
			var part manifest.Part
			if rest, ok := strings.CutPrefix(p, "node_modules/"); ok {
				dep, from, err := splitDep(rest)
				if err != nil {
					return err
				}
				ver, ok := g.Deps[dep]
				if !ok {
					return fmt.Errorf("query %s needs %s: add it to deps", p, dep)
				}
				ddir, err := u.fetch(ctx, dep, ver)
				if err != nil {
					return err
				}
				short := path.Base(dep)
				if part, err = u.copyPart(g, ddir, dep, ver, from, "inherited/"+short+"/"+from); err != nil {
					return err
				}
				key := dep + "@" + ver
				if !depLicense[key] {
					depLicense[key] = true
					g.Inherits = append(g.Inherits, key)
					lf, err := licenseFile(ddir)
					if err != nil {
						return err
					}
					lic, err := u.copyPart(g, ddir, dep, ver, lf, "inherited/"+short+"/LICENSE")
					if err != nil {
						return err
					}
					g.LicenseFiles = append(g.LicenseFiles, lic)
				}
			} else if part, err = u.copyPart(g, pdir, g.Package, g.Version, p, p); err != nil {
				return err
			}
			g.Queries[k] = append(g.Queries[k], part)
		}
	}
	return nil
}

// splitDep splits "pkg/path" or "@scope/pkg/path".
func splitDep(s string) (dep, rest string, err error) {
	parts := strings.SplitN(s, "/", 3)
	if strings.HasPrefix(s, "@") {
		if len(parts) < 3 {
			return "", "", fmt.Errorf("bad node_modules path %q", s)
		}
		return parts[0] + "/" + parts[1], parts[2], nil
	}
	dep, rest, ok := strings.Cut(s, "/")
	if !ok {
		return "", "", fmt.Errorf("bad node_modules path %q", s)
	}
	return dep, rest, nil
}

// abi loads wasm and returns its ABI, checking the export name.
func (u *updater) abi(ctx context.Context, g *manifest.Grammar, wasm []byte) (uint32, error) {
	l, err := u.engine.LoadLanguage(ctx, wasm, "")
	if err != nil {
		return 0, err
	}
	if l.Name() != g.Grammar {
		return 0, fmt.Errorf("wasm exports tree_sitter_%s, manifest says %s", l.Name(), g.Grammar)
	}
	return l.ABIVersion(), nil
}

// parserABI reads LANGUAGE_VERSION from src/parser.c.
func parserABI(dir string) (uint32, error) {
	srcs, err := grammarbuild.Sources(dir)
	if err != nil {
		return 0, err
	}
	b, err := os.ReadFile(srcs[0])
	if err != nil {
		return 0, err
	}
	const def = "#define LANGUAGE_VERSION "
	i := bytes.Index(b, []byte(def))
	if i < 0 {
		return 0, errors.New("no LANGUAGE_VERSION")
	}
	var v uint32
	_, err = fmt.Sscanf(string(b[i+len(def):]), "%d", &v)
	return v, err
}
