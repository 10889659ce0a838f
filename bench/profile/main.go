// Command profile parses a corpus over and over with tswasm, for perf(1).
//
//	go build -tags perfmap -o /tmp/tsprof ./profile
//	perf record -e cpu-clock -g -o perf.data /tmp/tsprof -runtime rt.wasm -grammar go.wasm -name go -dir $(go env GOROOT)/src/net/http -ext .go -rounds 20
//
// -runtime swaps the embedded runtime module (internal/runtime.Wasm) for
// another build before the engine is created, so that a runtime built with its
// name section (see profile/build-runtime.sh) can be profiled without touching
// the library. With the build tag perfmap, wazero writes /tmp/perf-<pid>.map
// naming every compiled wasm function; perf report reads it. No compile cache
// is used: a cache hit would skip the map entries.
//
// -hash prints an FNV-1a hash of every tree's S-expression, in file order, so
// that two grammar or runtime builds can be compared for identical trees.
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/tetratelabs/wazero/experimental"

	"github.com/tswasm/tswasm"
	tsrt "github.com/tswasm/tswasm/internal/runtime"
)

func main() {
	rtPath := flag.String("runtime", "", "runtime .wasm to use instead of the embedded one")
	grammar := flag.String("grammar", "", "grammar .wasm (required)")
	name := flag.String("name", "", "grammar name: the module exports tree_sitter_<name> (required)")
	dir := flag.String("dir", "", "corpus directory, walked recursively (required)")
	ext := flag.String("ext", "", "comma-separated file extensions to parse, e.g. .go or .js,.mjs")
	maxFile := flag.Int("max", 1<<20, "skip files larger than this many bytes")
	rounds := flag.Int("rounds", 10, "how many times to parse the whole corpus")
	hash := flag.Bool("hash", false, "print path, node count and S-expression hash of every tree (one round)")
	mmapMem := flag.Bool("mmap", false, "back the store's linear memory with an mmap reservation (mmap_linux.go) instead of a Go slice")
	flag.Parse()
	if *grammar == "" || *name == "" || *dir == "" {
		flag.Usage()
		os.Exit(2)
	}
	if *rtPath != "" {
		b, err := os.ReadFile(*rtPath)
		if err != nil {
			log.Fatal(err)
		}
		tsrt.Wasm = b
	}
	files, total := corpus(*dir, strings.Split(*ext, ","), *maxFile)
	ctx := context.Background()
	e, err := tswasm.NewEngine(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	l, err := e.LoadLanguageFile(ctx, *grammar, *name)
	if err != nil {
		log.Fatal(err)
	}
	pctx := ctx
	if *mmapMem {
		pctx = experimental.WithMemoryAllocator(ctx, newMmapAllocator())
	}
	p, err := e.NewParser(pctx)
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	if err := p.SetLanguage(ctx, l); err != nil {
		log.Fatal(err)
	}
	if *hash {
		*rounds = 1
	}
	start, cpu0 := time.Now(), cpuTime()
	for r := 0; r < *rounds; r++ {
		for _, f := range files {
			t, err := p.Parse(ctx, f.src, nil)
			if err != nil {
				log.Fatalf("%s: %v", f.path, err)
			}
			if *hash {
				root := t.RootNode()
				h := fnv.New64a()
				h.Write([]byte(root.String()))
				fmt.Printf("%s %d %016x %v\n", f.rel, root.DescendantCount(), h.Sum64(), root.HasError())
			}
			t.Close()
		}
	}
	d, cpu := time.Since(start), cpuTime()-cpu0
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "%d files, %d bytes, %d rounds: wall %v, cpu %v, %d GCs, peak RSS %d MB, %.2f MB/s of CPU time\n",
		len(files), total, *rounds, d.Round(time.Millisecond), cpu.Round(time.Millisecond), ms.NumGC, peakRSS()>>20,
		float64(total)*float64(*rounds)/cpu.Seconds()/1e6)
}

// cpuTime is the process's user+system CPU time: on a shared machine it is a
// steadier measure than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		log.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type file struct {
	path, rel string
	src       []byte
}

func corpus(dir string, exts []string, maxFile int) ([]file, int) {
	var files []file
	total := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ok := false
		for _, x := range exts {
			ok = ok || (x != "" && strings.HasSuffix(path, x))
		}
		if !ok {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) > maxFile {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, file{path, rel, b})
		total += len(b)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return files, total
}

// peakRSS is the process's peak resident set size in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss << 10
}
