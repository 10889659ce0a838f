// Flag types and the flags that every file-reading command shares.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// enumValue is a string flag restricted to a set of values, matched without
// regard to case ("--format=JSON" is "json").
type enumValue struct {
	value   string
	allowed []string
}

// newEnum points e at a fresh enum with a default and its allowed values.
func newEnum(e *enumValue, def string, allowed ...string) *enumValue {
	*e = enumValue{value: def, allowed: allowed}
	return e
}

func (e *enumValue) String() string { return e.value }

// Set checks v against the allowed values, ignoring case.
func (e *enumValue) Set(v string) error {
	for _, a := range e.allowed {
		if strings.EqualFold(v, a) {
			e.value = a
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(e.allowed, ", "))
}

// Type names the value in help.
func (e *enumValue) Type() string { return strings.Join(e.allowed, "|") }

// complete offers the allowed values to shell completion.
func (e *enumValue) complete(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return e.allowed, cobra.ShellCompDirectiveNoFileComp
}

// sizeValue is a byte count flag: "64MiB", "1g", "500k", "1048576".
type sizeValue uint64

func (s *sizeValue) String() string {
	if *s == 0 {
		return "0"
	}
	return formatIEC(uint64(*s))
}

// Set parses a size with an optional K, M or G suffix (powers of 1024;
// "KB", "KiB" and "k" all mean 1024).
func (s *sizeValue) Set(v string) error {
	t := strings.ToLower(strings.TrimSpace(v))
	mult := uint64(1)
	for _, suf := range []struct {
		s string
		m uint64
	}{{"gib", 1 << 30}, {"gb", 1 << 30}, {"g", 1 << 30}, {"mib", 1 << 20}, {"mb", 1 << 20}, {"m", 1 << 20},
		{"kib", 1 << 10}, {"kb", 1 << 10}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, suf.s) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, suf.s)), suf.m
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("%q is not a size such as 64MiB, 512k or 1g", v)
	}
	*s = sizeValue(n * float64(mult))
	return nil
}

// Type names the value in help.
func (s *sizeValue) Type() string { return "size" }

// formatIEC prints a byte count in KiB, MiB or GiB.
func formatIEC(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	case n >= 1<<20:
		return fmt.Sprintf("%.1fMiB", float64(n)/(1<<20))
	}
	return strconv.FormatUint(n, 10)
}

// Defaults of the input flags.
const (
	defaultTimeout = 30 * time.Second
	defaultMaxSize = 64 << 20
)

// inputOptions are the flags of every command that reads source files.
type inputOptions struct {
	lang        string // --lang: force this language for every file
	onlyLangs   []string
	grammar     string
	encoding    enumValue
	jobs        int
	timeout     time.Duration
	memoryLimit sizeValue // 0: sized from the input
	maxSize     sizeValue
	excludes    []string
	noIgnore    bool
}

// addInputFlags declares the input flags on fs.
func addInputFlags(cmd *cobra.Command, o *inputOptions) {
	fs := cmd.Flags()
	fs.StringVarP(&o.lang, "lang", "l", "", "parse every file as language `NAME`, in directories too (see 'tswasm langs')")
	fs.StringSliceVar(&o.onlyLangs, "only-lang", nil, "in directories, take only files detected as these `NAMES` (comma-separated)")
	fs.StringVar(&o.grammar, "grammar", "", "load the grammar from `FILE.wasm` instead of a bundled one (untrusted: every wasm call stops at --timeout)")
	fs.Var(newEnum(&o.encoding, "auto", "auto", "utf-8", "utf-16le", "utf-16be"), "encoding",
		"source encoding: auto (a UTF-16 byte order mark selects UTF-16, else UTF-8), utf-8, utf-16le or utf-16be")
	fs.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "number of parallel workers")
	fs.DurationVar(&o.timeout, "timeout", defaultTimeout, "give up on a file after this `duration`: reading, parsing and output (0: no limit)")
	o.maxSize = defaultMaxSize
	fs.Var(&o.maxSize, "max-size", "refuse files bigger than this")
	fs.Var(&o.memoryLimit, "memory-limit", "wasm memory limit per store (default: max(256MiB, 64 × the largest file))")
	fs.StringArrayVar(&o.excludes, "exclude", nil, "skip paths matching this gitignore-style `GLOB` in directories (repeatable)")
	fs.BoolVar(&o.noIgnore, "no-ignore", false, "do not read .gitignore files")
	_ = cmd.RegisterFlagCompletionFunc("lang", completeLangs)
	_ = cmd.RegisterFlagCompletionFunc("only-lang", completeLangs)
	_ = cmd.RegisterFlagCompletionFunc("encoding", o.encoding.complete)
	_ = cmd.MarkFlagFilename("grammar", "wasm")
}

// completeLangs offers the bundled language names.
func completeLangs(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var names []string
	for _, s := range allLangs() {
		names = append(names, s.Name)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// flagChanged reports whether the user set the flag.
func flagChanged(fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Changed
}
