// Command probe-hostile re-measures the hostile inputs of issue 11, one
// probe per subprocess with a wall-clock cap, so a probe that hangs or kills
// its process is reported instead of taking the run down.
//
//	go run ./internal/cmd/probe-hostile            # every probe
//	go run ./internal/cmd/probe-hostile -probe X   # one probe, in-process
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// probe is one hostile input and how to measure it.
type probe struct {
	desc    string
	timeout time.Duration // wall-clock cap of the subprocess
	run     func(ctx context.Context) (string, error)
}

var probes = map[string]probe{}

func register(name, desc string, timeout time.Duration, run func(ctx context.Context) (string, error)) {
	probes[name] = probe{desc, timeout, run}
}

func main() {
	one := flag.String("probe", "", "run one probe in this process")
	list := flag.String("only", "", "comma-separated probes to run (default all)")
	flag.Parse()
	if *one != "" {
		p, ok := probes[*one]
		if !ok {
			fmt.Fprintf(os.Stderr, "no probe %q\n", *one)
			os.Exit(2)
		}
		res, err := p.run(context.Background())
		if err != nil {
			fmt.Printf("RESULT error: %v\n", err)
			os.Exit(1)
		}
		fmt.Printf("RESULT %s\n", res)
		return
	}
	names := make([]string, 0, len(probes))
	for n := range probes {
		if *list == "" || strings.Contains(","+*list+",", ","+n+",") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	self, err := os.Executable()
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		p := probes[n]
		fmt.Printf("%-22s %s\n", n, p.desc)
		fmt.Printf("%-22s -> %s\n", "", runChild(self, n, p.timeout))
	}
}

// runChild runs one probe in a subprocess and summarizes how it ended.
func runChild(self, name string, timeout time.Duration) string {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, "-probe", name)
	out, _ := cmd.CombinedOutput()
	var result, fatal string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "RESULT "):
			result = strings.TrimPrefix(line, "RESULT ")
		case strings.HasPrefix(line, "fatal error:") || strings.HasPrefix(line, "panic:"):
			if fatal == "" {
				fatal = line
			}
		}
	}
	switch {
	case ctx.Err() != nil:
		return fmt.Sprintf("KILLED after %v (still running)", timeout)
	case fatal != "":
		return fmt.Sprintf("PROCESS DIED: %s (%v)", fatal, cmd.ProcessState)
	case result != "":
		return result
	default:
		return fmt.Sprintf("no result (%v): %.300s", cmd.ProcessState, out)
	}
}

// peakRSS returns the process's peak resident set (VmHWM) in MiB.
func peakRSS() float64 {
	return statusKiB("VmHWM:") / 1024
}

// rss returns the current resident set in MiB.
func rss() float64 { return statusKiB("VmRSS:") / 1024 }

func statusKiB(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, key) {
			var v float64
			fmt.Sscan(strings.TrimSpace(strings.TrimPrefix(l, key)), &v)
			return v
		}
	}
	return 0
}
