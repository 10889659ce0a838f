//go:build cgo

// Package smackerimpl runs the workloads on smacker/go-tree-sitter (cgo,
// tree-sitter runtime ≈0.22, its vendored grammars).
package smackerimpl

import (
	"context"
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/python"

	"github.com/tswasm/tswasm/bench/internal/workload"
)

var grammars = map[string]func() *sitter.Language{
	"go":         golang.GetLanguage,
	"python":     python.GetLanguage,
	"javascript": javascript.GetLanguage,
}

// Impl is smacker/go-tree-sitter.
type Impl struct{}

// New returns the implementation.
func New() *Impl { return &Impl{} }

// Name is "smacker".
func (*Impl) Name() string { return "smacker" }

// Close does nothing.
func (*Impl) Close() error { return nil }

func language(lang string) (*sitter.Language, error) {
	f := grammars[lang]
	if f == nil {
		return nil, fmt.Errorf("%w: no smacker %s grammar built to wasm to compare with", workload.ErrUnsupported, lang)
	}
	return f(), nil
}

// NewParser returns a parser for lang.
func (*Impl) NewParser(lang string) (workload.Parser, error) {
	l, err := language(lang)
	if err != nil {
		return nil, err
	}
	p := sitter.NewParser()
	p.SetLanguage(l)
	return &parser{p: p}, nil
}

type parser struct{ p *sitter.Parser }

func (p *parser) Parse(src []byte, old workload.Tree) (workload.Tree, error) {
	var ot *sitter.Tree
	if old != nil {
		ot = old.(*tree).t
	}
	t, err := p.p.ParseCtx(context.Background(), ot, src)
	if err != nil {
		return nil, err
	}
	return &tree{t: t}, nil
}

func (p *parser) Close() { p.p.Close() }

type tree struct{ t *sitter.Tree }

func pt(p workload.Point) sitter.Point { return sitter.Point{Row: p.Row, Column: p.Column} }

func (t *tree) Edit(e workload.Edit) error {
	t.t.Edit(sitter.EditInput{
		StartIndex: e.StartByte, OldEndIndex: e.OldEndByte, NewEndIndex: e.NewEndByte,
		StartPoint: pt(e.StartPoint), OldEndPoint: pt(e.OldEndPoint), NewEndPoint: pt(e.NewEndPoint),
	})
	return nil
}

// NodeCount walks the tree with a cursor: runtime 0.22's API has no
// descendant count in smacker's binding.
func (t *tree) NodeCount() uint64 {
	c := sitter.NewTreeCursor(t.t.RootNode())
	defer c.Close()
	var n uint64
	for {
		n++
		if c.GoToFirstChild() {
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return n
			}
		}
	}
}

func (t *tree) HasError() bool { return t.t.RootNode().HasError() }
func (t *tree) Sexp() string   { return t.t.RootNode().String() }
func (t *tree) Close()         { t.t.Close() }

func visit(d *workload.Digest, n *sitter.Node, field string) {
	sp, ep := n.StartPoint(), n.EndPoint()
	d.Node(n.Type(), n.StartByte(), n.EndByte(),
		workload.Point{Row: sp.Row, Column: sp.Column},
		workload.Point{Row: ep.Row, Column: ep.Column}, field)
}

func (t *tree) WalkCursor() (workload.Digest, error) {
	d := workload.NewDigest()
	c := sitter.NewTreeCursor(t.t.RootNode())
	defer c.Close()
	for {
		visit(&d, c.CurrentNode(), c.CurrentFieldName())
		if c.GoToFirstChild() {
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
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

func walkNode(d *workload.Digest, n *sitter.Node, field string) {
	visit(d, n, field)
	c := int(n.ChildCount())
	for i := 0; i < c; i++ {
		walkNode(d, n.Child(i), n.FieldNameForChild(i))
	}
}

// NewQuery compiles src for lang.
func (*Impl) NewQuery(lang string, src []byte) (workload.Query, error) {
	l, err := language(lang)
	if err != nil {
		return nil, err
	}
	q, err := sitter.NewQuery(src, l)
	if err != nil {
		return nil, err
	}
	return &query{q: q, qc: sitter.NewQueryCursor()}, nil
}

type query struct {
	q  *sitter.Query
	qc *sitter.QueryCursor
}

// Captures runs the query; smacker applies text predicates only on
// request, per match, which is done here as its README shows.
func (q *query) Captures(t workload.Tree, src []byte) (workload.Digest, error) {
	d := workload.NewDigest()
	q.qc.Exec(q.q, t.(*tree).t.RootNode())
	for {
		m, i, ok := q.qc.NextCapture()
		if !ok {
			break
		}
		c := m.Captures[i]
		if len(q.qc.FilterPredicates(m, src).Captures) == 0 {
			continue
		}
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
