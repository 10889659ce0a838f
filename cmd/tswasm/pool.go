// Parallel work with results in input order, and the progress bar.
package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// runOrdered calls work(worker, i) for every i in [0, n) on `workers`
// goroutines, and emit(i, result) on the calling goroutine in index order,
// whatever order the work finishes in. worker is in [0, workers): it indexes
// per-goroutine state such as a parser. At most a bounded window of results
// waits for its turn, so memory stays flat when one item is slow.
func runOrdered[R any](n, workers int, work func(worker, i int) R, emit func(i int, r R)) {
	if n == 0 {
		return
	}
	workers = max(1, min(workers, n))
	window := 4*workers + 16
	type done struct {
		i int
		r R
	}
	jobs := make(chan int)
	results := make(chan done, workers)
	slots := make(chan struct{}, window) // one per dispatched, not yet emitted item
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- done{i, work(w, i)}
			}
		}()
	}
	go func() {
		for i := range n {
			slots <- struct{}{}
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]R{}
	next := 0
	for d := range results {
		pending[d.i] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(next, r)
			<-slots
			next++
		}
	}
}

// progress draws a one-line progress bar on a terminal's stderr. All
// methods are no-ops on a nil *progress. Output to stdout or stderr while it
// runs goes through write, which clears the bar first.
type progress struct {
	w     io.Writer
	total int
	start time.Time

	mu    sync.Mutex
	done  int
	bytes int64
	shown bool

	stop chan struct{}
	wg   sync.WaitGroup
}

// progressDelay is how long a run goes before the bar first shows, so that
// quick runs never draw it.
const progressDelay = 250 * time.Millisecond

// startProgress starts redrawing the bar ten times a second.
func startProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now(), stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				if time.Since(p.start) >= progressDelay {
					p.draw()
				}
			}
		}
	}()
	return p
}

// add counts one finished item of size bytes.
func (p *progress) add(bytes int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.done++
	p.bytes += int64(bytes)
	p.mu.Unlock()
}

// write runs f, which writes output, with the bar cleared.
func (p *progress) write(f func()) {
	if p == nil {
		f()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	f()
}

func (p *progress) clearLocked() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	const width = 30
	frac := 1.0
	if p.total > 0 {
		frac = float64(p.done) / float64(p.total)
	}
	fill := int(frac * width)
	secs := time.Since(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(p.bytes) / 1e6 / secs
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d files  %s  %.1f MB/s",
		strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.done, p.total, formatBytes(p.bytes), rate)
	p.shown = true
}

// finish stops the bar and erases it.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.mu.Lock()
	p.clearLocked()
	p.mu.Unlock()
}

// formatBytes prints a byte count in B, KB, MB or GB (powers of 1000).
func formatBytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}
