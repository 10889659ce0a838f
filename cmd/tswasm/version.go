package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

func init() {
	register("version", command{
		summary: "print the versions of tswasm, its tree-sitter runtime, wazero and Go",
		run:     runVersion,
	})
}

func runVersion(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet(e, "version", "", "")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "tswasm version: unexpected argument %q\n", pos[0])
		return exitFailure
	}
	version, wazero := "(devel)", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" {
			version = v
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/tetratelabs/wazero" {
				wazero = d.Version
			}
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && version == "(devel)" {
				version += " " + s.Value
			}
		}
	}
	fmt.Fprintf(e.stdout, "tswasm %s\n", version)
	fmt.Fprintf(e.stdout, "tree-sitter runtime %s (grammar ABI %d–%d), compiled to wasm32\n", tsrt.Version, tsrt.MinABI, tsrt.MaxABI)
	fmt.Fprintf(e.stdout, "wazero %s (%s)\n", wazero, wazeroMode())
	fmt.Fprintf(e.stdout, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

// wazeroMode says which wazero engine NewRuntimeConfig picks on this
// platform: its compiler on amd64 and arm64, the interpreter elsewhere.
func wazeroMode() string {
	switch runtime.GOARCH {
	case "amd64", "arm64":
		return "compiler"
	}
	return "interpreter"
}
