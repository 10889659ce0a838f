// A runnable example: per-language totals of a directory on prism.
package tsbeam_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/tswasm/tswasm/beam/tsbeam"
	_ "github.com/tswasm/tswasm/languages/all"
)

func Example() {
	dir, err := os.MkdirTemp("", "tsbeam-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644)
	os.WriteFile(filepath.Join(src, "bad.go"), []byte("package main\n\nfunc (\n"), 0o644)

	p, s := beam.NewPipelineWithRoot()
	var o tsbeam.Options
	files := tsbeam.MatchFiles(s, []string{src}, o)
	sources, readDead := tsbeam.ReadSources(s, files, o)
	results, parseDead := tsbeam.Parse(s, sources, o)
	stats := filepath.Join(dir, "out", "stats")
	tsbeam.WriteJSONL(s.Scope("stats"), stats, 1, tsbeam.Stats(s, results))
	tsbeam.WriteJSONL(s.Scope("failures"), filepath.Join(dir, "out", "failures"), 1, beam.Flatten(s, readDead, parseDead))
	if _, err := beam.Run(context.Background(), "prism", p); err != nil {
		panic(err)
	}

	b, err := os.ReadFile(tsbeam.ShardName(stats, 0, 1))
	if err != nil {
		panic(err)
	}
	var ls tsbeam.LangStats
	if err := json.Unmarshal(b, &ls); err != nil {
		panic(err)
	}
	fmt.Printf("%s: %d files, %d bytes, %d with errors\n", ls.Language, ls.Files, ls.Bytes, ls.WithErrors)
	// Output:
	// go: 2 files, 50 bytes, 1 with errors
}
