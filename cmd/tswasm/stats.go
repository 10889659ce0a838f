// parse --stats: the summary table and the slowest files.
package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"
)

// slowFile is a --stats entry for a slow file.
type slowFile struct {
	path  string
	dur   time.Duration
	bytes int
}

const slowestShown = 5

// addSlow keeps the slowestShown slowest files, slowest first.
func addSlow(list []slowFile, f slowFile) []slowFile {
	if len(list) == slowestShown && f.dur <= list[len(list)-1].dur {
		return list
	}
	i, _ := slices.BinarySearchFunc(list, f, func(a, b slowFile) int {
		// Descending by duration.
		switch {
		case a.dur > b.dur:
			return -1
		case a.dur < b.dur:
			return 1
		}
		return 0
	})
	list = slices.Insert(list, i, f)
	if len(list) > slowestShown {
		list = list[:slowestShown]
	}
	return list
}

// parseSummary is what --stats prints.
type parseSummary struct {
	parsed, binary, failed int
	interrupted            int
	bytes                  int64
	wall, parseTime        time.Duration
	perLang                map[string]*langStats
	slowest                []slowFile
	workers, stores        int
}

func printParseStats(w io.Writer, s parseSummary) {
	mbps := func(b int64, d time.Duration) string {
		if d <= 0 {
			return "-"
		}
		v := float64(b) / 1e6 / d.Seconds()
		if v < 0.1 {
			return fmt.Sprintf("%.4f MB/s", v)
		}
		return fmt.Sprintf("%.2f MB/s", v)
	}
	fmt.Fprintf(w, "files:       %d parsed, %d binary skipped, %d failed", s.parsed, s.binary, s.failed)
	if s.interrupted > 0 {
		fmt.Fprintf(w, ", %d not parsed (interrupted)", s.interrupted)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "bytes:       %d (%s)\n", s.bytes, formatBytes(s.bytes))
	fmt.Fprintf(w, "wall time:   %s\n", roundDur(s.wall))
	fmt.Fprintf(w, "throughput:  %s (wall clock, startup included)\n", mbps(s.bytes, s.wall))
	fmt.Fprintf(w, "parse time:  %s summed over workers, %s per worker\n", roundDur(s.parseTime), mbps(s.bytes, s.parseTime))
	fmt.Fprintf(w, "workers:     %d (stores: %d, GOMAXPROCS: %d, CPUs: %d)\n", s.workers, s.stores, runtime.GOMAXPROCS(0), runtime.NumCPU())
	if len(s.perLang) > 0 {
		names := make([]string, 0, len(s.perLang))
		width := len("language")
		for n := range s.perLang {
			names = append(names, n)
			width = max(width, len(n))
		}
		slices.Sort(names)
		fmt.Fprintf(w, "\n%-*s  %7s  %12s  %11s  %11s  %13s  %10s\n", width,
			"language", "files", "bytes", "with errors", "ERROR nodes", "MISSING nodes", "parse MB/s")
		for _, n := range names {
			l := s.perLang[n]
			fmt.Fprintf(w, "%-*s  %7d  %12d  %11d  %11d  %13d  %10s\n", width,
				n, l.files, l.bytes, l.withErrors, l.errNodes, l.missing,
				strings.TrimSuffix(mbps(int64(l.bytes), l.dur), " MB/s"))
		}
	}
	if len(s.slowest) > 0 {
		fmt.Fprintln(w, "\nslowest files:")
		for _, f := range s.slowest {
			fmt.Fprintf(w, "  %10s  %9s  %s\n", roundDur(f.dur), formatBytes(int64(f.bytes)), f.path)
		}
	}
}

// roundDur rounds a duration for display.
func roundDur(d time.Duration) time.Duration {
	switch {
	case d >= 10*time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
