// The cobra command tree: registration, exit codes, one-line usage errors.
package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// constructors builds every subcommand for an env; files add to it from
// init functions through register.
var constructors []func(e *env) *cobra.Command

// register adds a subcommand constructor.
func register(c func(e *env) *cobra.Command) { constructors = append(constructors, c) }

// exitCode is the error a command returns to end with a status other than 0
// after it has printed its own messages.
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit status %d", int(c)) }

// usageError is a bad flag or argument: execute prints it on one line with a
// pointer to the command's help.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (u *usageError) Error() string { return u.err.Error() }

// usagef returns a usageError for cmd.
func usagef(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd, fmt.Errorf(format, args...)}
}

// newRoot builds the command tree for e.
func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "tswasm",
		Short: "parse, query, tag and highlight source code with tree-sitter grammars in WebAssembly",
		Long: `tswasm parses, queries, tags and highlights source code with tree-sitter
grammars compiled to WebAssembly, in pure Go.

Exit codes: 0 success; 1 problems found that a flag asked to fail on
(parse --fail-on-error); 2 the command failed (usage, unknown language,
grammar that does not load, unreadable file, failed build).`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		Version:           versionString(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SuggestionsMinimumDistance = 2
	root.PersistentFlags().Var(newEnum(&colorFlag, "auto", "auto", "always", "never"), "color",
		"colours: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never")
	_ = root.RegisterFlagCompletionFunc("color", colorFlag.complete)
	root.PersistentFlags().BoolVarP(&e.verbose, "verbose", "v", false, "print full errors, wasm stack traces included")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{c, err} })
	for _, c := range constructors {
		sub := c(e)
		if sub.Args == nil {
			sub.Args = cobra.ArbitraryArgs
		}
		wrapArgs(sub)
		root.AddCommand(sub)
	}
	return root
}

// colorFlag is the --color value shared by every command.
var colorFlag enumValue

// wrapArgs turns cmd's argument validation errors into usage errors.
func wrapArgs(cmd *cobra.Command) {
	check := cmd.Args
	cmd.Args = func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return &usageError{c, err}
		}
		return nil
	}
}

// execute runs the command line args and returns the exit status.
func execute(ctx context.Context, e *env, args []string) int {
	colorFlag = enumValue{}
	root := newRoot(e)
	root.SetArgs(args)
	if len(args) == 0 {
		root.SetOut(e.stderr)
		_ = root.Help()
		return exitFailure
	}
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var code exitCode
	if errors.As(err, &code) {
		return int(code)
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "tswasm %s: %v\n", ue.cmd.Name(), ue.err)
		fmt.Fprintf(e.stderr, "see `%s --help`\n", ue.cmd.CommandPath())
		return exitFailure
	}
	// cobra's own errors: an unknown command (with "did you mean"), or a
	// bad flag before the command name.
	msg := strings.ReplaceAll(strings.TrimRight(err.Error(), "\n"), "\n\n", "\n")
	fmt.Fprintf(e.stderr, "tswasm: %s\n", msg)
	if !strings.Contains(msg, "Did you mean") {
		fmt.Fprintln(e.stderr, "see `tswasm --help`")
	}
	return exitFailure
}

// runWith adapts a command body returning an exit status to cobra's RunE.
func runWith(e *env, f func(ctx context.Context, cmd *cobra.Command, args []string) int) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if c := f(cmd.Context(), cmd, args); c != exitOK {
			return exitCode(c)
		}
		return nil
	}
}

// needArgs requires at least n positional arguments, naming what is missing.
func needArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return fmt.Errorf("missing %s", what)
		}
		return nil
	}
}
