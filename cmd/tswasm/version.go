// The version command.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

func init() { register(newVersionCmd) }

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print the versions of tswasm, its tree-sitter runtime, wazero and Go",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprint(e.stdout, versionString()+"\n")
			return nil
		},
	}
}

// versionString is what 'tswasm version' and 'tswasm --version' print.
func versionString() string {
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
	return fmt.Sprintf("tswasm %s\ntree-sitter runtime %s (grammar ABI %d–%d), compiled to wasm32\nwazero %s (%s)\n%s %s/%s",
		version, tsrt.Version, tsrt.MinABI, tsrt.MaxABI, wazero, wazeroMode(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
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
