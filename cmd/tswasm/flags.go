package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// newFlagSet returns a FlagSet for a command whose usage message is
// "usage: tswasm NAME SYNOPSIS", then about, then the flags. Errors and -h
// go to e.stderr.
func newFlagSet(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: tswasm %s %s\n\n", name, synopsis)
		if about != "" {
			fmt.Fprintln(w, strings.TrimSpace(about))
			fmt.Fprintln(w)
		}
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(w, "Flags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args with fs, allowing flags after positional arguments
// ("tswasm parse dir --stats"); "--" ends flag parsing. It returns the
// positional arguments, and an exit code with ok false when the command
// should stop: 0 after -h, exitFailure after a bad flag (the flag package
// has already printed the message and usage).
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitFailure, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, exitOK, true
		}
		// fs.Parse stops at the first non-flag or after "--". Find out
		// which: if the argument just before rest is "--", everything that
		// follows is positional.
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), exitOK, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }

// Set appends a value.
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// choice is a string flag restricted to a set of values.
type choice struct {
	value   string
	allowed []string
}

func (c *choice) String() string { return c.value }

// Set checks v against the allowed values.
func (c *choice) Set(v string) error {
	for _, a := range c.allowed {
		if v == a {
			c.value = v
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(c.allowed, ", "))
}
