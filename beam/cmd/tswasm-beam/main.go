// Command tswasm-beam parses source files with tswasm as an Apache Beam
// pipeline: in-process on the prism runner by default, or on Flink, Spark or
// Google Cloud Dataflow with Beam's own flags.
//
//	tswasm-beam --input '/src/**' --output /tmp/out/parse --mode stats
//	tswasm-beam --input 'gs://corpus/**' --output gs://bucket/out/tags --mode tags \
//	    --runner dataflow --project P --region R --staging_location gs://bucket/staging
//
// Outputs are sharded JSON Lines: PREFIX-results-SSSSS-of-NNNNN.jsonl (Result,
// Capture, Tag or LangStats records, by mode) and
// PREFIX-failures-SSSSS-of-NNNNN.jsonl (the dead letters: files that were
// unreadable, binary, too large, of no known language, or that timed out,
// trapped or hit the memory limit).
//
// Local files and gs:// are linked in. For s3://, add
// _ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" to the
// imports (it is left out because the AWS SDK doubles the build time).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/tswasm/tswasm/beam/tsbeam"
	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all"
)

// patterns is the repeatable --input flag.
type patterns []string

func (p *patterns) String() string     { return strings.Join(*p, ",") }
func (p *patterns) Set(v string) error { *p = append(*p, v); return nil }

var (
	inputs      patterns
	output      = flag.String("output", "", "output `PREFIX` (local path or gs://); sharded .jsonl files are written under it")
	mode        = flag.String("mode", "parse", "what to compute: parse, query, tags or stats")
	queryFile   = flag.String("query", "", "tree-sitter query `FILE` for --mode query")
	lang        = flag.String("lang", "", "only this language (`NAME`); files a plain glob names are parsed as it")
	shards      = flag.Int("shards", 4, "number of output shards")
	maxBytes    = flag.Int64("max_bytes", tsbeam.DefaultMaxBytes, "dead-letter files larger than this many `bytes` (negative: no limit)")
	timeout     = flag.Duration("timeout", 0, "give up on a file after this `duration` (0: no limit)")
	memoryLimit = flag.Uint64("memory_limit", 0, "cap each wasm store's memory at this many `bytes` (0: no cap)")
	cacheDirF   = flag.String("cache_dir", "", "compiled-grammar cache `DIR` on each worker (default $TSWASM_CACHE_DIR or the user cache dir; off: none)")
	tree        = flag.Bool("tree", false, "include each tree as JSON in --mode parse results")
	references  = flag.Bool("references", false, "include references as well as definitions in --mode tags")
)

func init() {
	flag.Var(&inputs, "input", "file `PATTERN`: a directory, a glob (** recurses), gs://… (repeatable)")
}

func main() {
	flag.Parse()
	// On a distributed runner the same binary runs as the worker: Init
	// then never returns.
	beam.Init()
	ctx := context.Background()
	p, err := build()
	if err != nil {
		fmt.Fprintf(os.Stderr, "tswasm-beam: %v\n", err)
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	if err := beamx.Run(ctx, p); err != nil {
		log.Exitf(ctx, "tswasm-beam: pipeline failed: %v", err)
	}
	fmt.Fprintf(os.Stderr, "tswasm-beam: done in %v; outputs: %s-results-*.jsonl, %s-failures-*.jsonl\n",
		time.Since(start).Round(time.Millisecond), *output, *output)
}

// build constructs the pipeline from the flags.
func build() (*beam.Pipeline, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("no --input")
	}
	if *output == "" {
		return nil, fmt.Errorf("no --output")
	}
	if *lang != "" {
		if _, ok := languages.Lookup(*lang); !ok {
			return nil, fmt.Errorf("unknown --lang %q", *lang)
		}
	}
	o := tsbeam.Options{Lang: *lang, MaxBytes: *maxBytes, Timeout: *timeout, MemoryLimit: *memoryLimit,
		CacheDir: *cacheDirF, Tree: *tree, References: *references}
	var query string
	switch *mode {
	case "parse", "tags", "stats":
	case "query":
		if *queryFile == "" {
			return nil, fmt.Errorf("--mode query needs --query FILE")
		}
		b, err := os.ReadFile(*queryFile)
		if err != nil {
			return nil, err
		}
		query = string(b)
	default:
		return nil, fmt.Errorf("unknown --mode %q (parse, query, tags or stats)", *mode)
	}
	p, s := beam.NewPipelineWithRoot()
	files := tsbeam.MatchFiles(s, inputs, o)
	srcs, readDead := tsbeam.ReadSources(s, files, o)
	var out, dead beam.PCollection
	switch *mode {
	case "parse":
		out, dead = tsbeam.Parse(s, srcs, o)
	case "stats":
		var results beam.PCollection
		results, dead = tsbeam.Parse(s, srcs, o)
		out = tsbeam.Stats(s, results)
	case "query":
		out, dead = tsbeam.Query(s, srcs, query, o)
	case "tags":
		out, dead = tsbeam.Tags(s, srcs, o)
	}
	tsbeam.WriteJSONL(s.Scope("results"), *output+"-results", *shards, out)
	tsbeam.WriteJSONL(s.Scope("failures"), *output+"-failures", *shards, beam.Flatten(s, readDead, dead))
	return p, nil
}
