// Package tswasmimpl runs the workloads on tswasm (tree-sitter on wazero).
package tswasmimpl

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/bench/internal/workload"
)

// Grammar variants.
const (
	Official = "official" // the grammar's own release, as the official Go bindings compile it
	Smacker  = "smacker"  // the sources smacker/go-tree-sitter vendors, built to wasm
)

// Impl is tswasm with one grammar variant.
type Impl struct {
	variant string
	e       *tswasm.Engine
	mu      sync.Mutex
	langs   map[string]*tswasm.Language
	sources map[string]string
}

// New starts an engine; opts are passed to tswasm.NewEngine.
func New(ctx context.Context, variant string, opts ...tswasm.Option) (*Impl, error) {
	e, err := tswasm.NewEngine(ctx, opts...)
	if err != nil {
		return nil, err
	}
	return &Impl{variant: variant, e: e, langs: map[string]*tswasm.Language{}, sources: map[string]string{}}, nil
}

// Name is "tswasm".
func (i *Impl) Name() string { return "tswasm" }

// Engine returns the engine.
func (i *Impl) Engine() *tswasm.Engine { return i.e }

// Close closes the engine.
func (i *Impl) Close() error { return i.e.Close() }

// Language loads lang's grammar on first use.
func (i *Impl) Language(lang string) (*tswasm.Language, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if l := i.langs[lang]; l != nil {
		return l, nil
	}
	wasm, src, err := GrammarWasm(i.variant, lang)
	if err != nil {
		return nil, err
	}
	l, err := i.e.LoadLanguage(context.Background(), wasm, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	i.langs[lang] = l
	i.sources[lang] = src
	return l, nil
}

// GrammarSource says where lang's grammar came from (after Language).
func (i *Impl) GrammarSource(lang string) string {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.sources[lang]
}

// bundled maps a language to its embedded official grammar (languages.go).
var bundled = map[string]func() []byte{}

// GrammarWasm returns the wasm of lang's grammar in variant, and a
// description of where it came from. Official grammars come from the
// bundled languages packages, else testdata/grammars/tree-sitter-<lang>-*.wasm,
// else $TSWASM_BENCH_WASM_DIR/tree-sitter-<lang>.wasm; smacker ones from
// testdata/grammars/smacker-<lang>.wasm.
func GrammarWasm(variant, lang string) ([]byte, string, error) {
	dir, err := workload.BenchDir()
	if err != nil {
		return nil, "", err
	}
	grammars := filepath.Join(dir, "..", "testdata", "grammars")
	switch variant {
	case Smacker:
		p := filepath.Join(grammars, "smacker-"+lang+".wasm")
		b, err := os.ReadFile(p)
		return b, p, err
	case Official:
		if f := bundled[lang]; f != nil {
			return f(), "languages/" + lang + " (bundled)", nil
		}
		m, _ := filepath.Glob(filepath.Join(grammars, "tree-sitter-"+lang+"-[0-9]*.wasm"))
		sort.Strings(m)
		if len(m) > 0 {
			p := m[len(m)-1]
			b, err := os.ReadFile(p)
			return b, p, err
		}
		if d := os.Getenv("TSWASM_BENCH_WASM_DIR"); d != "" {
			p := filepath.Join(d, "tree-sitter-"+lang+".wasm")
			if b, err := os.ReadFile(p); err == nil {
				return b, p, nil
			}
		}
		return nil, "", fmt.Errorf("%w: no official %s grammar wasm (no bundled package, none in testdata/grammars, none in $TSWASM_BENCH_WASM_DIR)", workload.ErrUnsupported, lang)
	}
	return nil, "", fmt.Errorf("unknown grammar variant %q", variant)
}

// NewParser returns a parser on one of the engine's pooled stores.
func (i *Impl) NewParser(lang string) (workload.Parser, error) {
	l, err := i.Language(lang)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	p, err := i.e.NewParser(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.SetLanguage(ctx, l); err != nil {
		_ = p.Close()
		return nil, err
	}
	return &parser{p: p}, nil
}

type parser struct{ p *tswasm.Parser }

func (p *parser) Parse(src []byte, old workload.Tree) (workload.Tree, error) {
	var ot *tswasm.Tree
	if old != nil {
		ot = old.(*tree).t
	}
	t, err := p.p.Parse(context.Background(), src, ot)
	if err != nil {
		return nil, err
	}
	return &tree{t: t}, nil
}

func (p *parser) Close() { _ = p.p.Close() }

type tree struct{ t *tswasm.Tree }

func (t *tree) NodeCount() uint64 { return uint64(t.t.RootNode().DescendantCount()) }
func (t *tree) HasError() bool    { return t.t.RootNode().HasError() }
func (t *tree) Sexp() string      { return t.t.RootNode().ToSexp() }
func (t *tree) Close()            { _ = t.t.Close() }

func (t *tree) WalkNodes() workload.Digest {
	d := workload.NewDigest()
	walkNode(&d, t.t.RootNode(), "")
	return d
}

func walkNode(d *workload.Digest, n tswasm.Node, field string) {
	visit(d, n, field)
	c := n.ChildCount()
	for i := uint(0); i < c; i++ {
		walkNode(d, n.Child(i), n.FieldNameForChild(i))
	}
}

func visit(d *workload.Digest, n tswasm.Node, field string) {
	sp, ep := n.StartPosition(), n.EndPosition()
	d.Node(n.Kind(), uint32(n.StartByte()), uint32(n.EndByte()),
		workload.Point{Row: uint32(sp.Row), Column: uint32(sp.Column)},
		workload.Point{Row: uint32(ep.Row), Column: uint32(ep.Column)}, field)
}

// NewStoreParser returns a parser on a store of its own, which closing the
// parser closes too.
func (i *Impl) NewStoreParser(lang string) (workload.Parser, error) {
	l, err := i.Language(lang)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	s, err := i.e.NewStore(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.NewParser(ctx)
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	if err := p.SetLanguage(ctx, l); err != nil {
		_ = p.Close()
		_ = s.Close()
		return nil, err
	}
	return &storeParser{parser: parser{p: p}, s: s}, nil
}

type storeParser struct {
	parser
	s *tswasm.Store
}

func (p *storeParser) Close() {
	_ = p.p.Close()
	_ = p.s.Close()
}
