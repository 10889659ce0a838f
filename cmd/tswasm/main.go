// Command tswasm parses, queries, tags and highlights source files with
// tree-sitter grammars compiled to WebAssembly, run by a pure-Go host (no
// cgo).
//
// Usage:
//
//	tswasm <command> [flags] [arguments]
//
// Commands:
//
//	parse          parse files or directories; print trees, error lists or statistics
//	query          run a tree-sitter query over files, grep-like
//	tags           list definitions and references from the grammars' tags.scm
//	highlight      syntax-highlight files as ANSI text or HTML pages
//	langs          list the bundled languages
//	build-grammar  compile a grammar's C sources into a .wasm side module
//	bench          measure parse, edit, walk and query speed on files
//	completion     print a shell completion script (bash, zsh, fish)
//	version        print version information
//
// Exit codes: 0 success; 1 the input has problems the command was asked to
// report (parse --fail-on-error on a tree with syntax errors); 2 the command
// could not do its job (bad usage, unknown language, a grammar that does not
// load, an unreadable file, a failed build).
//
// Flags are GNU style (spf13/cobra and pflag): --long, -s, --flag=value,
// flags after arguments, "--" to end them. Each command lives in its own
// file and registers a constructor from an init function:
//
//	func init() { register(newTagsCmd) }
//
// A file's work runs as a pipeline of small stages (pipeline.go): walk the
// arguments (walk.go), read and detect each file (read.go, detect.go),
// parse it (pipeline.go), and format the tree (one per command), with
// results emitted in input order.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// Exit codes shared by every command.
const (
	exitOK       = 0 // success
	exitFindings = 1 // the input has the problems the command was asked to report
	exitFailure  = 2 // usage error, unknown language, unreadable file, failed build...
)

// env is what a command talks to: standard streams and whether they are
// terminals, and the environment variables that change output. Commands
// never use os.Stdout and friends directly.
type env struct {
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	stdoutTTY bool
	stderrTTY bool
	// stdoutPipe says stdout is a pipe or socket (another program reads it,
	// maybe printing to the terminal the progress bar uses).
	stdoutPipe bool
	getenv     func(string) string
	verbose    bool
	// exit ends the process at once (the watchdog's last resort).
	exit func(code int)
}

// errorf prints "tswasm: ..." on stderr.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "tswasm: "+format+"\n", args...)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	e := &env{
		stdin:      os.Stdin,
		stdout:     out,
		stderr:     os.Stderr,
		stdoutTTY:  isTerminal(os.Stdout),
		stderrTTY:  isTerminal(os.Stderr),
		stdoutPipe: isPipe(os.Stdout),
		getenv:     os.Getenv,
		exit:       os.Exit,
	}
	code := execute(ctx, e, os.Args[1:])
	if err := out.Flush(); err != nil && code == exitOK {
		fmt.Fprintln(os.Stderr, "tswasm: writing output:", err)
		code = exitFailure
	}
	stop()
	os.Exit(code)
}

// isPipe reports whether f is a pipe or a socket.
func isPipe(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0
}
