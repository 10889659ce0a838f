// The build-grammar command.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/tswasm/tswasm/internal/grammarbuild"
)

func init() { register(newBuildGrammarCmd) }

func newBuildGrammarCmd(e *env) *cobra.Command {
	var out, name string
	cmd := &cobra.Command{
		Use:   "build-grammar [-o OUT.wasm] [--name NAME] [-v] DIR",
		Short: "compile a grammar's C sources (parser.c, scanner) into a .wasm tswasm can load",
		Long: `Compiles the grammar in DIR, a grammar repository (src/parser.c and an
optional src/scanner.c or scanner.cc) or a flat directory holding parser.c,
into a WebAssembly side module, then loads it to check it. The result can be
used with 'tswasm parse --grammar OUT.wasm'. -v prints the clang commands
and diagnostics.

Needs clang 19 or newer with the wasm32 target, wasm-ld and wasi-libc (Debian:
` + grammarbuild.Packages + `); $` + grammarbuild.ClangEnv + ` names another clang.`,
		Args: cobra.ExactArgs(1), // "accepts 1 arg(s), received N"
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "output `FILE` (default: NAME.wasm in the current directory)")
	cmd.Flags().StringVar(&name, "name", "", "grammar `NAME`: the module exports tree_sitter_NAME (default: from parser.c)")
	_ = cmd.MarkFlagDirname("output")
	cmd.RunE = runWith(e, func(ctx context.Context, _ *cobra.Command, args []string) int {
		return runBuildGrammar(ctx, e, args[0], &out, &name, &e.verbose)
	})
	return cmd
}

func runBuildGrammar(ctx context.Context, e *env, dir string, out, name *string, verbose *bool) int {
	clang, err := grammarbuild.FindClang()
	if err != nil {
		if errors.Is(err, grammarbuild.ErrNoClang) {
			e.errorf("build-grammar needs clang %d or newer with wasm32 support, and none was found.\n"+
				"  On Debian/Ubuntu: apt-get install -y %s\n  Or point $%s at a suitable clang.\n  (%v)",
				grammarbuild.MinClangMajor, grammarbuild.Packages, grammarbuild.ClangEnv, err)
		} else {
			e.errorf("%v", err)
		}
		return exitFailure
	}
	if *out == "" {
		n := *name
		if n == "" {
			srcs, err := grammarbuild.Sources(dir)
			if err != nil {
				e.errorf("%v", err)
				return exitFailure
			}
			if n, err = grammarbuild.NameFromParser(srcs[0]); err != nil {
				e.errorf("%v (name the grammar with --name)", err)
				return exitFailure
			}
		}
		*out = n + ".wasm"
	}
	o := grammarbuild.Options{Name: *name, Out: *out, Clang: clang}
	if *verbose {
		o.Log = e.stderr
	}
	if err := grammarbuild.BuildDirOptions(ctx, dir, o); err != nil {
		e.errorf("building %s: %v", dir, err)
		return exitFailure
	}
	// Load the result, so that a module tswasm cannot use fails here rather
	// than at its first parse.
	engine, err := newEngine(ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	defer engine.Close()
	wasm, err := os.ReadFile(*out)
	if err != nil {
		e.errorf("%v", err)
		return exitFailure
	}
	lang, err := engine.LoadLanguage(ctx, wasm, *name)
	if err != nil {
		e.errorf("built %s, but it does not load: %v", *out, err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s): grammar %s, ABI %d, %d symbols, %d fields\n",
		*out, formatBytes(int64(len(wasm))), lang.Name(), lang.ABIVersion(), lang.NodeKindCount(), lang.FieldCount())
	return exitOK
}
