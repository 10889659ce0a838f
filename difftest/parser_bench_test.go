package difftest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"
)

// BenchmarkParseNetHTTP parses every .go file of GOROOT/src/net/http (not
// testdata) with tswasm and with smacker's native runtime, on the same
// grammar source. Compare the rows with benchstat -col /impl.
func BenchmarkParseNetHTTP(b *testing.B) {
	var srcs [][]byte
	var total int64
	for _, f := range goFiles(b, "net/http", 0) {
		if filepath.Base(filepath.Dir(f)) == "testdata" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	ctx := context.Background()

	b.Run("impl=tswasm", func(b *testing.B) {
		e := newTestEngine(b)
		p := newTestParser(b, e, loadTestGrammar(b, e, "smacker-go.wasm"))
		b.SetBytes(total)
		b.ResetTimer()
		for b.Loop() {
			for _, src := range srcs {
				tree, err := p.Parse(ctx, src, nil)
				if err != nil {
					b.Fatal(err)
				}
				_ = tree.Close()
			}
		}
	})
	b.Run("impl=smacker", func(b *testing.B) {
		p := sitter.NewParser()
		defer p.Close()
		p.SetLanguage(golang.GetLanguage())
		b.SetBytes(total)
		b.ResetTimer()
		for b.Loop() {
			for _, src := range srcs {
				tree, err := p.ParseCtx(ctx, nil, src)
				if err != nil {
					b.Fatal(err)
				}
				tree.Close()
			}
		}
	})
}
