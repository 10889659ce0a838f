// Command child runs benchmark workloads for the bench package in a process
// of its own. It is built three times: without tags (tswasm, pure Go), with
// -tags official (github.com/tree-sitter/go-tree-sitter, cgo) and with -tags
// smacker (smacker/go-tree-sitter, cgo). The two cgo bindings each link a
// tree-sitter C runtime under the same symbol names, so they cannot share a
// binary, and the bench package measures them here.
//
// Modes:
//
//	child serve                 read JSON requests on stdin, one per line; answer each on stdout
//	child first-tree -lang L    load the grammar, parse one file, print its node count, exit
//	child mem -what W -lang L   measure memory (store, nodes, batch) and print JSON metrics
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/tswasm/tswasm/bench/internal/workload"
)

// Request asks the server to run a workload.
type Request struct {
	Grammar string        `json:"grammar"`
	Spec    workload.Spec `json:"spec"`
	N       int           `json:"n"`
	Check   bool          `json:"check"`
}

// Reply answers a Request.
type Reply struct {
	Ns      int64           `json:"ns"`
	Bytes   int64           `json:"bytes"`
	Items   float64         `json:"items"`
	Unit    string          `json:"unit"`
	Check   *workload.Check `json:"check,omitempty"`
	Paths   []string        `json:"paths,omitempty"`
	Err     string          `json:"err,omitempty"`
	Skip    bool            `json:"skip,omitempty"`
	Impl    string          `json:"impl"`
	Version string          `json:"version,omitempty"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: child serve | first-tree | mem")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "serve":
		err = serve()
	case "first-tree":
		err = firstTree(os.Args[2:])
	case "mem":
		err = mem(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(1)
	}
}

type key struct {
	grammar string
	spec    workload.Spec
}

func serve() error {
	impls := map[string]workload.Impl{}
	prepared := map[key]workload.Prepared{}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req Request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			return err
		}
		rep := run(impls, prepared, req)
		if err := out.Encode(rep); err != nil {
			return err
		}
	}
	return in.Err()
}

func run(impls map[string]workload.Impl, prepared map[key]workload.Prepared, req Request) (rep Reply) {
	fail := func(err error) Reply {
		return Reply{Err: err.Error(), Skip: errors.Is(err, workload.ErrUnsupported), Impl: implName}
	}
	impl := impls[req.Grammar]
	if impl == nil {
		var err error
		if impl, err = newImpl(req.Grammar, ""); err != nil {
			return fail(err)
		}
		impls[req.Grammar] = impl
	}
	k := key{req.Grammar, req.Spec}
	w := prepared[k]
	if w == nil {
		var err error
		if w, err = workload.Prepare(impl, req.Spec); err != nil {
			return fail(err)
		}
		if req.Check {
			c, err := w.Check()
			if err != nil {
				w.Close()
				return fail(err)
			}
			rep.Check = &c
			rep.Paths = w.Paths()
		}
		if err := w.Op(); err != nil { // warm up
			w.Close()
			return fail(err)
		}
		prepared[k] = w
	} else if req.Check {
		return fail(errors.New("check requested on a workload already run"))
	}
	runtime.GC()
	start := time.Now()
	for i := 0; i < req.N; i++ {
		if err := w.Op(); err != nil {
			return fail(err)
		}
	}
	rep.Ns = time.Since(start).Nanoseconds()
	rep.Bytes = w.Bytes()
	rep.Items, rep.Unit = w.Items()
	rep.Impl = implName
	return rep
}

// firstTree is the cold-start program: everything from process start to
// the first tree.
func firstTree(args []string) error {
	fs := flag.NewFlagSet("first-tree", flag.ExitOnError)
	lang := fs.String("lang", "go", "language")
	grammar := fs.String("grammar", "official", "grammar variant")
	cache := fs.String("cache", "", "compilation cache directory (tswasm)")
	file := fs.String("file", "", "file to parse")
	_ = fs.Parse(args)
	src, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	impl, err := newImpl(*grammar, *cache)
	if err != nil {
		return err
	}
	p, err := impl.NewParser(*lang)
	if err != nil {
		return err
	}
	t, err := p.Parse(src, nil)
	if err != nil {
		return err
	}
	fmt.Println(t.NodeCount())
	return nil
}

// statusKB reads a "kB" field of /proc/self/status.
func statusKB(field string) (float64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				return strconv.ParseFloat(f[0], 64)
			}
		}
	}
	return 0, fmt.Errorf("%s not in /proc/self/status", field)
}

// MemReply carries memory metrics.
type MemReply struct {
	Metrics map[string]float64 `json:"metrics"`
}

func mem(args []string) error {
	fs := flag.NewFlagSet("mem", flag.ExitOnError)
	lang := fs.String("lang", "go", "language")
	grammar := fs.String("grammar", "official", "grammar variant")
	what := fs.String("what", "nodes", "store | nodes | batch")
	short := fs.Bool("short", false, "small inputs")
	k := fs.Int("k", 8, "instances for -what store")
	_ = fs.Parse(args)
	impl, err := newImpl(*grammar, "")
	if err != nil {
		return err
	}
	m := map[string]float64{}
	switch *what {
	case "store":
		err = memInstances(impl, *lang, *short, *k, m)
	case "nodes":
		err = memNodes(impl, *lang, *short, m)
	case "batch":
		err = memBatch(impl, *lang, *short, m)
	default:
		err = fmt.Errorf("unknown -what %q", *what)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(MemReply{Metrics: m})
}

// snapshot returns the resident set size and the live Go heap after a
// full collection.
func snapshot() (rss, heap float64) {
	runtime.GC()
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b, err := os.ReadFile("/proc/self/statm")
	if err == nil {
		f := strings.Fields(string(b))
		if len(f) > 1 {
			pages, _ := strconv.ParseFloat(f[1], 64)
			rss = pages * float64(os.Getpagesize())
		}
	}
	return rss, float64(ms.HeapAlloc)
}

// memInstances measures what one more parsing instance costs: for tswasm a
// store (runtime instance with its linear memory, the grammar linked in)
// with a parser; for a cgo binding a parser. Each parses a small file once.
func memInstances(impl workload.Impl, lang string, short bool, k int, m map[string]float64) error {
	set, err := workload.ParseSet(lang, true)
	if err != nil {
		return err
	}
	src := set.Files[0].Src
	// The first instance pays for one-time costs (compiling, language tables).
	first, err := newInstance(impl, lang)
	if err != nil {
		return err
	}
	if t, err := first.Parse(src, nil); err == nil {
		t.Close()
	}
	rss0, heap0 := snapshot()
	var keep []workload.Parser
	for i := 0; i < k; i++ {
		p, err := newInstance(impl, lang)
		if err != nil {
			return err
		}
		t, err := p.Parse(src, nil)
		if err != nil {
			return err
		}
		t.Close()
		keep = append(keep, p)
	}
	rss1, heap1 := snapshot()
	m["rss-B/instance"] = (rss1 - rss0) / float64(k)
	m["heap-B/instance"] = (heap1 - heap0) / float64(k)
	runtime.KeepAlive(keep)
	runtime.KeepAlive(first)
	return nil
}

// memNodes keeps the trees of a language's largest input file alive and
// divides the memory they take by their node count.
func memNodes(impl workload.Impl, lang string, short bool, m map[string]float64) error {
	f, err := workload.LargestFile(lang, short)
	if err != nil {
		return err
	}
	p, err := impl.NewParser(lang)
	if err != nil {
		return err
	}
	// Parse once and drop it, so parser stacks and buffers are in place.
	t, err := p.Parse(f.Src, nil)
	if err != nil {
		return err
	}
	t.Close()
	const copies = 2
	rss0, heap0 := snapshot()
	var trees []workload.Tree
	var nodes uint64
	for i := 0; i < copies; i++ {
		t, err := p.Parse(f.Src, nil)
		if err != nil {
			return err
		}
		nodes += t.NodeCount()
		trees = append(trees, t)
	}
	rss1, heap1 := snapshot()
	m["rss-B/node"] = (rss1 - rss0) / float64(nodes)
	m["heap-B/node"] = (heap1 - heap0) / float64(nodes)
	m["nodes/tree"] = float64(nodes / copies)
	m["file-bytes"] = float64(len(f.Src))
	runtime.KeepAlive(trees)
	return nil
}

// memBatch runs the parse sample over GOMAXPROCS workers three times and
// reports the peak resident set size of the process.
func memBatch(impl workload.Impl, lang string, short bool, m map[string]float64) error {
	set, err := workload.ParseSet(lang, short)
	if err != nil {
		return err
	}
	b, err := workload.NewBatch(impl, lang, set, runtime.GOMAXPROCS(0))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if err := b.Op(); err != nil {
			return err
		}
	}
	// VmHWM, not getrusage: Linux carries ru_maxrss over an exec from the
	// parent's address space, which would report the benchmark process.
	hwm, err := statusKB("VmHWM")
	if err != nil {
		return err
	}
	m["peak-RSS-MB"] = hwm / 1024
	b.Close()
	return nil
}
