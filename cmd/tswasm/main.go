// Command tswasm parses, queries and highlights source files with tree-sitter
// grammars compiled to WebAssembly, run by a pure-Go host (no cgo).
//
// Usage:
//
//	tswasm <command> [flags] [arguments]
//
// Commands:
//
//	parse          parse files or directories; print trees, error lists or statistics
//	query          run a tree-sitter query over files, grep-like
//	highlight      syntax-highlight a file as ANSI text or a standalone HTML page
//	langs          list the bundled languages
//	build-grammar  compile a grammar's C sources into a .wasm side module
//	version        print version information
//	help           print help for tswasm or one command
//
// Exit codes: 0 success; 1 the input has problems the command was asked to
// report (parse --fail-on-error on a tree with syntax errors); 2 the command
// could not do its job (bad usage, unknown language, a grammar that does not
// load, an unreadable file, a failed build).
//
// Each command lives in its own file and registers itself from an init
// function, so that adding a command is adding a file:
//
//	func init() {
//		register("bench", command{summary: "…", run: runBench})
//	}
//
//	func runBench(ctx context.Context, e *env, args []string) int {
//		fs := newFlagSet(e, "bench", "[flags] [paths…]", benchAbout)
//		n := fs.Int("n", 3, "rounds")
//		paths, code, ok := parseFlags(fs, args) // flags may follow paths; -h handled
//		if !ok {
//			return code
//		}
//		…
//		return exitOK
//	}
//
// Commands write to e.stdout and e.stderr (never os.Stdout), and may reuse
// newEngine, newRunner (engine, language selection, per-worker parsers),
// walker (directory walking with .gitignore) and runOrdered (parallel work
// with results in input order).
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
)

// Exit codes shared by every command.
const (
	exitOK       = 0 // success
	exitFindings = 1 // the input has the problems the command was asked to report
	exitFailure  = 2 // usage error, unknown language, unreadable file, failed build...
)

// command is one tswasm subcommand.
type command struct {
	// summary is the one-line description `tswasm help` lists.
	summary string
	// run executes the command with its arguments (flags included, command
	// name excluded) and returns the process exit code. It must create its
	// own flag.FlagSet (see newFlagSet) so that -h works per command.
	run func(ctx context.Context, env *env, args []string) int
}

// commands is the registry of subcommands by name. Files add to it from
// init functions through register.
var commands = map[string]command{}

// register adds a command; it panics on a duplicate name (a programming error).
func register(name string, c command) {
	if _, dup := commands[name]; dup {
		panic("tswasm: command registered twice: " + name)
	}
	commands[name] = c
}

// env is what a command talks to: standard streams and whether they are
// terminals. Commands never use os.Stdout and friends directly.
type env struct {
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	stdoutTTY bool
	stderrTTY bool
}

// errorf prints "tswasm: ..." on stderr.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "tswasm: "+format+"\n", args...)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	e := &env{
		stdin:     os.Stdin,
		stdout:    out,
		stderr:    os.Stderr,
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	code := dispatch(ctx, e, os.Args[1:])
	if err := out.Flush(); err != nil && code == exitOK {
		fmt.Fprintln(os.Stderr, "tswasm: writing output:", err)
		code = exitFailure
	}
	stop()
	os.Exit(code)
}

// dispatch runs the command named by args[0].
func dispatch(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		printHelp(e.stderr)
		return exitFailure
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		e.errorf("unknown command %q; run 'tswasm help' for the list", name)
		return exitFailure
	}
	return c.run(ctx, e, args[1:])
}

// printHelp lists the commands.
func printHelp(w io.Writer) {
	fmt.Fprint(w, `tswasm parses, queries and highlights source code with tree-sitter grammars
compiled to WebAssembly, in pure Go.

Usage:

	tswasm <command> [flags] [arguments]

Commands:

`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, n, commands[n].summary)
	}
	fmt.Fprint(w, `
Run 'tswasm help <command>' or 'tswasm <command> -h' for a command's flags.

Exit codes: 0 success; 1 problems found that a flag asked to fail on
(parse --fail-on-error); 2 the command failed (usage, unknown language,
grammar that does not load, unreadable file, failed build).
`)
}

func init() {
	register("help", command{
		summary: "print help for tswasm or one command",
		run: func(ctx context.Context, e *env, args []string) int {
			if len(args) == 0 {
				printHelp(e.stdout)
				return exitOK
			}
			if strings.HasPrefix(args[0], "-") {
				printHelp(e.stdout)
				return exitOK
			}
			c, ok := commands[args[0]]
			if !ok || args[0] == "help" {
				if !ok {
					e.errorf("unknown command %q", args[0])
					return exitFailure
				}
				printHelp(e.stdout)
				return exitOK
			}
			// A command's -h prints its usage on stderr; help prints it on stdout.
			he := *e
			he.stderr = e.stdout
			c.run(ctx, &he, []string{"-h"})
			return exitOK
		},
	})
}

// isTerminal reports whether f is a character device (a terminal).
// golang.org/x/term is not a dependency of the module, and this is all the
// CLI needs.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
