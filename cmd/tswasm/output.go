// Output decisions: colour (--color, NO_COLOR, TERM=dumb) and when the progress bar may draw.
package main

// colorOn reports whether output to a stream that is (or is not) a
// terminal gets ANSI colours: --color always or never decide; auto colours
// a terminal unless NO_COLOR is set (to anything but "") or TERM is "dumb".
func colorOn(e *env, tty bool) bool {
	switch colorFlag.value {
	case "always":
		return true
	case "never":
		return false
	}
	return tty && !plainTerminal(e)
}

// plainTerminal reports whether the environment asks for no colour and no
// cursor control: NO_COLOR set, or TERM=dumb.
func plainTerminal(e *env) bool {
	return e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb"
}

// startProgressFor starts the bar for a pipeline run when it cannot tangle
// with other output: only with stderr on a terminal that is not dumb, more
// than one input, and either no per-file output on stdout or a stdout that
// is not a pipe. (A pipe's reader may print to the same terminal at any
// time, and its lines would land inside the bar; a terminal stdout is
// ours, and the bar is cleared before each write.)
func (p *pipeline) startProgressFor(stdoutPerFile, quiet bool) {
	e := p.env
	if quiet || !e.stderrTTY || e.getenv("TERM") == "dumb" || len(p.inputs) < 2 {
		return
	}
	if stdoutPerFile && e.stdoutPipe {
		return
	}
	p.prog = startProgress(e.stderr, len(p.inputs))
}

// sgr wraps s in an ANSI SGR sequence when on.
func sgr(on bool, code, s string) string {
	if !on || code == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}
