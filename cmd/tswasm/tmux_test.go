package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A real terminal, driven through tmux (send-keys, capture-pane): the
// progress bar draws on it, never shares a line with other output, and
// stays off when stdout is a pipe; colours follow --color, NO_COLOR and
// TERM=dumb.

// tmuxPane is a detached tmux session on a private server.
type tmuxPane struct {
	t      *testing.T
	socket string
}

func newTmuxPane(t *testing.T, env ...string) *tmuxPane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		skipOrFail(t, "tmux is not installed (apt-get install tmux): the terminal tests need it")
	}
	p := &tmuxPane{t: t, socket: fmt.Sprintf("tswasm-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	args := []string{"-L", p.socket, "-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50"}
	for _, kv := range append([]string{"PS1=$ ", "TSWASM_CACHE_DIR=" + os.Getenv("TSWASM_CACHE_DIR"), "NO_COLOR="}, env...) {
		args = append(args, "-e", kv)
	}
	args = append(args, "sh")
	out, err := exec.Command("tmux", args...).CombinedOutput()
	require.NoError(t, err, "tmux: %s", out)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

// send types a command line and Enter.
func (p *tmuxPane) send(line string) {
	out, err := exec.Command("tmux", "-L", p.socket, "send-keys", "-t", "0", line, "Enter").CombinedOutput()
	require.NoError(p.t, err, "%s", out)
}

// capture returns the pane's text, with escape sequences when esc.
func (p *tmuxPane) capture(esc bool) string {
	args := []string{"-L", p.socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "0"}
	if esc {
		args = append(args, "-e")
	}
	out, err := exec.Command("tmux", args...).Output()
	require.NoError(p.t, err)
	return string(out)
}

// run types cmd followed by a marker, and returns the screens captured
// every 50 ms until the marker shows, the last one complete.
func (p *tmuxPane) run(cmd string, esc bool) (screens []string) {
	marker := fmt.Sprintf("__done_%d__", time.Now().UnixNano())
	p.send(cmd + "; echo " + marker)
	deadline := time.Now().Add(150 * time.Second)
	for time.Now().Before(deadline) {
		s := p.capture(esc)
		screens = append(screens, s)
		for _, line := range strings.Split(s, "\n") {
			if strings.HasSuffix(line, marker) && !strings.Contains(line, "echo") {
				return screens
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("%q did not finish; screen:\n%s", cmd, screens[len(screens)-1])
	return nil
}

// clear empties the screen and the scrollback, and waits for the prompt.
func (p *tmuxPane) clear() {
	p.run("clear", false)
	out, err := exec.Command("tmux", "-L", p.socket, "clear-history", "-t", "0").CombinedOutput()
	require.NoError(p.t, err, "%s", out)
}

// tmuxFiles is the size of the corpus the bar tests parse.
const tmuxFiles = 16

var barRE = regexp.MustCompile(`\[[= ]{30}\] \d+/\d+ files`)

// tmuxCorpus is a directory of Go files with syntax errors, enough to take
// a second or two to parse on one worker.
func tmuxCorpus(t *testing.T) string {
	dir := t.TempDir()
	big, err := os.ReadFile(filepath.Join(goroot(), "src", "net", "http", "server.go"))
	require.NoError(t, err)
	for i := range tmuxFiles {
		body := string(big) + fmt.Sprintf("\nfunc broken%d() { x := ; }\n", i)
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.go", i)), []byte(body), 0o644))
	}
	return dir
}

func goroot() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func TestTerminalProgressAndColor(t *testing.T) {
	p := newTmuxPane(t)
	p.run("stty -echoctl", false)
	dir := tmuxCorpus(t)
	bin := binary
	errLine := regexp.MustCompile(`f\d\d\.go:\d+:\d+: (syntax error|missing)`)

	t.Run("bar on a terminal, gone at the end", func(t *testing.T) {
		screens := p.run(fmt.Sprintf("%s parse -j 1 --format none --stats %s", bin, dir), false)
		seen := false
		for _, s := range screens {
			seen = seen || barRE.MatchString(s)
		}
		assert.True(t, seen, "the progress bar never showed; last screen:\n%s", screens[len(screens)-1])
		last := screens[len(screens)-1]
		assert.False(t, barRE.MatchString(last), "the bar was left on screen:\n%s", last)
		assert.Contains(t, last, fmt.Sprintf("files:       %d parsed", tmuxFiles))
	})

	t.Run("stdout on the terminal: bar cleared before each line", func(t *testing.T) {
		p.clear()
		screens := p.run(fmt.Sprintf("%s parse -j 1 %s", bin, dir), false)
		last := screens[len(screens)-1]
		n := 0
		for _, line := range strings.Split(last, "\n") {
			if errLine.MatchString(line) {
				n++
				assert.Regexp(t, `^/\S+/f\d\d\.go:\d+:\d+: (syntax error|missing) [^\[]*$`, line, "an error line shares its line")
			}
			assert.False(t, barRE.MatchString(line), "bar left in %q", line)
		}
		assert.Equal(t, tmuxFiles, n, last)
		seen := false
		for _, s := range screens {
			seen = seen || barRE.MatchString(s)
		}
		assert.True(t, seen, "the bar never showed between the lines")
	})

	t.Run("stdout piped: no bar at all", func(t *testing.T) {
		p.clear()
		screens := p.run(fmt.Sprintf("%s parse -j 1 %s | cat", bin, dir), false)
		for _, s := range screens {
			assert.False(t, barRE.MatchString(s), "bar drawn with stdout piped:\n%s", s)
		}
		last := screens[len(screens)-1]
		n := 0
		for _, line := range strings.Split(last, "\n") {
			if errLine.MatchString(line) {
				n++
				assert.Regexp(t, `^/\S+/f\d\d\.go:\d+:\d+: (syntax error|missing) [^\[]*$`, line)
			}
		}
		assert.Equal(t, tmuxFiles, n, last)
	})

	hello := filepath.Join(t.TempDir(), "hello.go")
	require.NoError(t, os.WriteFile(hello, []byte(helloGo), 0o644))
	colored := regexp.MustCompile("\x1b\\[[0-9;]*m")
	for _, tc := range []struct {
		env   string
		color bool
	}{{"", true}, {"NO_COLOR=1 ", false}, {"TERM=dumb ", false}} {
		t.Run("colour "+tc.env, func(t *testing.T) {
			p.clear()
			screens := p.run(fmt.Sprintf("%s%s highlight %s", tc.env, bin, hello), true)
			last := screens[len(screens)-1]
			i, j := strings.LastIndex(last, "package"), strings.LastIndex(last, "__done_")
			require.True(t, i >= 0 && j > i, last)
			body := last[max(0, i-20):j]
			assert.Equal(t, tc.color, colored.MatchString(body), "%q", body)
			assert.Contains(t, colored.ReplaceAllString(body, ""), `fmt.Println("héllo", 42)`)
		})
	}

	t.Run("TERM=dumb: no bar", func(t *testing.T) {
		p.clear()
		screens := p.run(fmt.Sprintf("TERM=dumb %s parse -j 1 --format none %s", bin, dir), false)
		for _, s := range screens {
			assert.False(t, barRE.MatchString(s))
		}
	})
}
