// FuzzGrammar: a mutated grammar .wasm loads with an error or a working language, never a panic or a hang.
package tswasm_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/json"
	"github.com/tswasm/tswasm/languages/regex"
)

// grammarFuzz holds the engine FuzzGrammar loads into; it is replaced
// every grammarFuzzRecycle loads, since an engine keeps every grammar it
// compiled.
var grammarFuzz struct {
	mu    sync.Mutex
	eng   *tswasm.Engine
	loads int
}

const grammarFuzzRecycle = 50

func grammarFuzzEngine(t *testing.T) *tswasm.Engine {
	grammarFuzz.mu.Lock()
	defer grammarFuzz.mu.Unlock()
	if grammarFuzz.eng == nil || grammarFuzz.loads >= grammarFuzzRecycle {
		if grammarFuzz.eng != nil {
			_ = grammarFuzz.eng.Close()
		}
		e, err := newFuzzEngine(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		grammarFuzz.eng, grammarFuzz.loads = e, 0
	}
	grammarFuzz.loads++
	return grammarFuzz.eng
}

// FuzzGrammar loads data as a grammar. A load error is fine; a language
// that loads must parse a JSON and a regex sample (the seed grammars'
// languages) within the deadline, or stop with an error there, and its
// tree must be walkable. Seeds: the bundled JSON and regex grammars and
// testdata/fuzz/FuzzGrammar (the crafted table and data sizes).
func FuzzGrammar(f *testing.F) {
	f.Add(json.Spec.Wasm)
	f.Add(regex.Spec.Wasm)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		e := grammarFuzzEngine(t)
		withDeadline("load grammar", nil, func(ctx context.Context) {
			l, err := e.LoadLanguage(ctx, data, "")
			if err != nil {
				var te *tswasm.TrapError
				if isStop(err) || errors.As(err, &te) {
					noteSlow("load grammar", nil, err)
				}
				return
			}
			p, err := e.NewParser(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.SetLanguage(ctx, l); err != nil {
				return // e.g. an ABI version the runtime refuses
			}
			for _, src := range []string{`{"a": [1, 2.5, null, "x\n"]}`, `^(a|b)*[c-d]+\d{2,3}$`} {
				tree, err := p.Parse(ctx, []byte(src), nil)
				if err != nil {
					noteSlow("parse with mutated grammar", nil, err)
					return // a trap, the deadline or the memory limit: typed and contained
				}
				c := tree.Walk()
				for n := 0; n < 1<<16; n++ {
					if !c.GotoFirstChild() && !c.GotoNextSibling() {
						for c.GotoParent() && !c.GotoNextSibling() {
						}
						if c.Depth() == 0 {
							break
						}
					}
				}
				c.Close()
				tree.Close()
			}
		})
	})
}
