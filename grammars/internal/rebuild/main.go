// Command rebuild checks that every bundled grammar whose manifest origin is
// "built" rebuilds byte for byte from its pinned npm package: it npm-packs
// the package, compiles the grammar with internal/grammarbuild and the
// manifest's opt flag, and compares the result with the committed wasm and
// with the sha256 in grammars/manifest.json. grammars/build.sh runs it.
//
//	go run ./grammars/internal/rebuild [-packages DIR] [-only NAME,...] [-o DIR]
//
// -o writes the rebuilt files into DIR as well (to look at a difference);
// grammars/update.sh is what rewrites the bundled files and the manifest.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tswasm/tswasm/grammars/internal/manifest"
	"github.com/tswasm/tswasm/internal/grammarbuild"
)

func main() {
	pkgDir := flag.String("packages", "", "directory to unpack npm packages into and reuse (default: a temporary directory)")
	only := flag.String("only", "", "comma-separated grammar names to check (default: every built grammar)")
	outDir := flag.String("o", "", "also write the rebuilt wasm files into this directory")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *pkgDir, *only, *outDir); err != nil {
		fmt.Fprintln(os.Stderr, "rebuild:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, pkgDir, only, outDir string) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	m, err := manifest.Read(filepath.Join(root, "grammars", "manifest.json"))
	if err != nil {
		return err
	}
	if pkgDir == "" {
		tmp, err := os.MkdirTemp("", "tswasm-rebuild-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		pkgDir = tmp
	}
	var names []string
	if only != "" {
		names = strings.Split(only, ",")
	}
	tmpOut, err := os.MkdirTemp("", "tswasm-rebuilt-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpOut)
	var bad []string
	checked := 0
	for _, g := range m.Grammars {
		if g.Origin != manifest.OriginBuilt || (names != nil && !slices.Contains(names, g.Name)) {
			continue
		}
		pdir, err := unpack(ctx, pkgDir, g.Package, g.Version)
		if err != nil {
			return fmt.Errorf("%s: %w", g.Name, err)
		}
		wasmRel := path.Base(g.WasmFrom)
		out := filepath.Join(tmpOut, g.Name+".wasm")
		o := grammarbuild.Options{Name: g.Grammar, Out: out, ExtraFlags: g.BuildFlags()}
		if err := grammarbuild.BuildDirOptions(ctx, filepath.Join(pdir, filepath.FromSlash(g.SrcDir)), o); err != nil {
			return fmt.Errorf("%s: %w", g.Name, err)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		if outDir != "" {
			if err := os.MkdirAll(outDir, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(outDir, wasmRel), got, 0o644); err != nil {
				return err
			}
		}
		committed, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(g.Dir()), wasmRel))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(got)
		switch {
		case !bytes.Equal(got, committed):
			bad = append(bad, fmt.Sprintf("%s: rebuilt %s/%s differs from the committed file (%d vs %d bytes)", g.Name, g.Dir(), wasmRel, len(got), len(committed)))
		case hex.EncodeToString(sum[:]) != g.Wasm.SHA256:
			bad = append(bad, fmt.Sprintf("%s: rebuilt wasm matches the committed file but not the manifest's sha256", g.Name))
		default:
			fmt.Printf("%s: %s/%s rebuilds byte for byte (%d bytes, %s)\n", g.Name, g.Dir(), wasmRel, len(got), strings.Join(g.BuildFlags(), " "))
		}
		checked++
	}
	if len(bad) > 0 {
		return fmt.Errorf("%d of %d built grammars differ:\n%s", len(bad), checked, strings.Join(bad, "\n"))
	}
	if checked == 0 {
		return fmt.Errorf("no built grammar matched")
	}
	return nil
}

// unpack npm-packs pkg@version into dir/<pkg>@<version>/ once and returns the
// package root.
func unpack(ctx context.Context, dir, pkg, version string) (string, error) {
	d := filepath.Join(dir, strings.ReplaceAll(pkg, "/", "+")+"@"+version)
	root := filepath.Join(d, "package")
	if _, err := os.Stat(filepath.Join(root, "package.json")); err == nil {
		return root, nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "npm", "pack", "--silent", pkg+"@"+version)
	cmd.Dir = d
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s@%s: %w", pkg, version, err)
	}
	tgz := strings.TrimSpace(string(name))
	if i := strings.LastIndexByte(tgz, '\n'); i >= 0 {
		tgz = tgz[i+1:]
	}
	tar := exec.CommandContext(ctx, "tar", "xzf", tgz)
	tar.Dir = d
	tar.Stderr = os.Stderr
	if err := tar.Run(); err != nil {
		return "", fmt.Errorf("unpacking %s: %w", tgz, err)
	}
	return root, nil
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/tswasm/tswasm").Output()
	if err != nil {
		return "", fmt.Errorf("finding the repository root: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}
