//go:build cgo

// Package officialimpl runs the workloads on the official cgo bindings,
// github.com/tree-sitter/go-tree-sitter v0.25.0, with the official grammar
// Go bindings at the versions tswasm bundles as wasm. Its C (runtime and
// grammars) is compiled natively by cgo with -O2: this is the native limit
// of the same runtime and grammar sources.
package officialimpl

import (
	"fmt"
	"unsafe"

	ts "github.com/tree-sitter/go-tree-sitter"
	tsc "github.com/tree-sitter/tree-sitter-c/bindings/go"
	tsgo "github.com/tree-sitter/tree-sitter-go/bindings/go"
	tsjs "github.com/tree-sitter/tree-sitter-javascript/bindings/go"
	tsjson "github.com/tree-sitter/tree-sitter-json/bindings/go"
	tspy "github.com/tree-sitter/tree-sitter-python/bindings/go"
	tsrust "github.com/tree-sitter/tree-sitter-rust/bindings/go"
	tsts "github.com/tree-sitter/tree-sitter-typescript/bindings/go"

	"github.com/tswasm/tswasm/bench/internal/workload"
)

var grammars = map[string]func() unsafe.Pointer{
	"go":         tsgo.Language,
	"python":     tspy.Language,
	"javascript": tsjs.Language,
	"c":          tsc.Language,
	"rust":       tsrust.Language,
	"typescript": tsts.LanguageTypescript,
	"json":       tsjson.Language,
}

// Impl is the official binding.
type Impl struct{}

// New returns the implementation.
func New() *Impl { return &Impl{} }

// Name is "official".
func (*Impl) Name() string { return "official" }

// Close does nothing.
func (*Impl) Close() error { return nil }

// Language returns lang's grammar.
func Language(lang string) (*ts.Language, error) {
	f := grammars[lang]
	if f == nil {
		return nil, fmt.Errorf("%w: official binding has no %s grammar", workload.ErrUnsupported, lang)
	}
	return ts.NewLanguage(f()), nil
}

// NewParser returns a parser for lang.
func (*Impl) NewParser(lang string) (workload.Parser, error) {
	l, err := Language(lang)
	if err != nil {
		return nil, err
	}
	p := ts.NewParser()
	if err := p.SetLanguage(l); err != nil {
		p.Close()
		return nil, err
	}
	return &parser{p: p}, nil
}

type parser struct{ p *ts.Parser }

func (p *parser) Parse(src []byte, old workload.Tree) (workload.Tree, error) {
	var ot *ts.Tree
	if old != nil {
		ot = old.(*tree).t
	}
	t := p.p.Parse(src, ot)
	if t == nil {
		return nil, fmt.Errorf("official: parse returned no tree")
	}
	return &tree{t: t}, nil
}

func (p *parser) Close() { p.p.Close() }

type tree struct{ t *ts.Tree }

func pt(p workload.Point) ts.Point { return ts.Point{Row: uint(p.Row), Column: uint(p.Column)} }

func (t *tree) Edit(e workload.Edit) error {
	t.t.Edit(&ts.InputEdit{
		StartByte: uint(e.StartByte), OldEndByte: uint(e.OldEndByte), NewEndByte: uint(e.NewEndByte),
		StartPosition: pt(e.StartPoint), OldEndPosition: pt(e.OldEndPoint), NewEndPosition: pt(e.NewEndPoint),
	})
	return nil
}

func (t *tree) NodeCount() uint64 { return uint64(t.t.RootNode().DescendantCount()) }
func (t *tree) HasError() bool    { return t.t.RootNode().HasError() }
func (t *tree) Sexp() string      { return t.t.RootNode().ToSexp() }
func (t *tree) Close()            { t.t.Close() }

func visit(d *workload.Digest, n *ts.Node, field string) {
	sp, ep := n.StartPosition(), n.EndPosition()
	d.Node(n.Kind(), uint32(n.StartByte()), uint32(n.EndByte()),
		workload.Point{Row: uint32(sp.Row), Column: uint32(sp.Column)},
		workload.Point{Row: uint32(ep.Row), Column: uint32(ep.Column)}, field)
}

func (t *tree) WalkCursor() (workload.Digest, error) {
	d := workload.NewDigest()
	c := t.t.Walk()
	defer c.Close()
	for {
		visit(&d, c.Node(), c.FieldName())
		if c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return d, nil
			}
		}
	}
}

func (t *tree) WalkNodes() workload.Digest {
	d := workload.NewDigest()
	walkNode(&d, t.t.RootNode(), "")
	return d
}

func walkNode(d *workload.Digest, n *ts.Node, field string) {
	visit(d, n, field)
	c := n.ChildCount()
	for i := uint(0); i < c; i++ {
		walkNode(d, n.Child(i), n.FieldNameForChild(uint32(i)))
	}
}

// NewQuery compiles src for lang.
func (*Impl) NewQuery(lang string, src []byte) (workload.Query, error) {
	l, err := Language(lang)
	if err != nil {
		return nil, err
	}
	q, qerr := ts.NewQuery(l, string(src))
	if qerr != nil {
		return nil, qerr
	}
	return &query{q: q, qc: ts.NewQueryCursor()}, nil
}

type query struct {
	q  *ts.Query
	qc *ts.QueryCursor
}

func (q *query) Captures(t workload.Tree, src []byte) (workload.Digest, error) {
	d := workload.NewDigest()
	caps := q.qc.Captures(q.q, t.(*tree).t.RootNode(), src)
	for {
		m, i := caps.Next()
		if m == nil {
			break
		}
		c := m.Captures[i]
		d.N++
		d.Mix(uint64(c.Index))
		d.Mix(uint64(c.Node.StartByte())<<32 | uint64(c.Node.EndByte()))
	}
	return d, nil
}

func (q *query) Close() {
	q.qc.Close()
	q.q.Close()
}
