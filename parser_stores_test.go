// parser_stores_test.go: any parser of an engine reparses any tree of that engine: 4 parsers, 8 documents, round-robin edits, concurrently.
package tswasm

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParserPoolReparsesAnyTree(t *testing.T) {
	ctx := context.Background()
	e := newTestEngine(t, WithPoolSize(4))
	lang := loadTestGrammar(t, e, "tree-sitter-go-0.25.0.wasm")
	const nParsers, nDocs, rounds = 4, 8, 6
	parsers := make([]*Parser, nParsers)
	stores := map[*Store]bool{}
	for i := range parsers {
		parsers[i] = newTestParser(t, e, lang)
		stores[parsers[i].Store()] = true
	}
	require.Len(t, stores, nParsers, "one store per parser")
	fresh := newTestParser(t, e, lang) // the reference: always a parse from scratch

	type doc struct {
		src  []byte
		tree *Tree
	}
	docs := make([]*doc, nDocs)
	for j := range docs {
		src := []byte(fmt.Sprintf("package d%d\n\nfunc f%d(a int) int {\n\treturn a + %d\n}\n", j, j, j))
		tr, err := parsers[j%nParsers].Parse(ctx, src, nil)
		require.NoError(t, err)
		docs[j] = &doc{src: src, tree: tr}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	crossStore := 0
	var mu sync.Mutex
	for r := range rounds {
		// Plan the edits serially (rng is not shared), run them in parallel:
		// in round r, parser i takes the documents j with (j+r)%nParsers == i,
		// so each document moves to another parser every round.
		type job struct {
			d       *doc
			newSrc  []byte
			edit    InputEdit
			parserI int
		}
		jobs := make([]job, nDocs)
		for j, d := range docs {
			at := rng.IntN(len(d.src) + 1)
			ins := []byte(fmt.Sprintf("\nvar v%d_%d = %d\n", r, j, r))
			newSrc, edit := textEdit{start: at, ins: ins}.apply(d.src)
			jobs[j] = job{d: d, newSrc: newSrc, edit: edit, parserI: (j + r) % nParsers}
		}
		var wg sync.WaitGroup
		for i := range nParsers {
			wg.Go(func() {
				for _, jb := range jobs {
					if jb.parserI != i {
						continue
					}
					require.NoError(t, jb.d.tree.Edit(&jb.edit))
					nt, err := parsers[i].Parse(ctx, jb.newSrc, jb.d.tree)
					require.NoError(t, err)
					mu.Lock()
					if jb.d.tree.h.store != parsers[i].Store() {
						crossStore++
					}
					mu.Unlock()
					require.NoError(t, jb.d.tree.Close())
					jb.d.tree, jb.d.src = nt, jb.newSrc
				}
			})
		}
		wg.Wait()
		for j, d := range docs {
			want := mustParse(t, fresh, string(d.src))
			require.Equal(t, want.RootNode().String(), d.tree.RootNode().String(), "round %d doc %d", r, j)
		}
	}
	require.Positive(t, crossStore, "some reparses ran in another parser's store")
	for _, d := range docs {
		require.NoError(t, d.tree.Close())
	}
}
