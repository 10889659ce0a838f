// Command build-grammar compiles a tree-sitter grammar directory into a wasm
// side module that tswasm can load.
//
//	go run ./internal/cmd/build-grammar [-name go] [-opt -O2] [-v] -o out.wasm DIR
//
// DIR is a grammar repository (with src/parser.c) or a flat directory with
// parser.c, as in smacker/go-tree-sitter. Without -name the name comes from
// the tree_sitter_<name> function in parser.c. Needs clang 19 (Debian:
// clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32); $TSWASM_CLANG
// overrides which clang is used.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/tswasm/tswasm/internal/grammarbuild"
)

func main() {
	name := flag.String("name", "", "grammar name; the module exports tree_sitter_<name> (default: from parser.c)")
	out := flag.String("o", "", "output .wasm file (required)")
	verbose := flag.Bool("v", false, "print clang commands and diagnostics")
	opt := flag.String("opt", "", "clang optimisation flag appended to grammarbuild's -Os, e.g. -O2")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: build-grammar [-name NAME] [-opt -O2] [-v] -o OUT.wasm DIR\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	o := grammarbuild.Options{Name: *name, Out: *out}
	if *opt != "" {
		o.ExtraFlags = []string{*opt}
	}
	if *verbose {
		o.Log = os.Stderr
	}
	if err := grammarbuild.BuildDirOptions(ctx, flag.Arg(0), o); err != nil {
		fmt.Fprintln(os.Stderr, "build-grammar:", err)
		os.Exit(1)
	}
}
