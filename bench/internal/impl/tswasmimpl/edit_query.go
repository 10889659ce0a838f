package tswasmimpl

import (
	"context"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/bench/internal/workload"
)

func (t *tree) Edit(e workload.Edit) error {
	return t.t.Edit(&tswasm.InputEdit{
		StartByte: uint(e.StartByte), OldEndByte: uint(e.OldEndByte), NewEndByte: uint(e.NewEndByte),
		StartPosition:  tswasm.Point{Row: uint(e.StartPoint.Row), Column: uint(e.StartPoint.Column)},
		OldEndPosition: tswasm.Point{Row: uint(e.OldEndPoint.Row), Column: uint(e.OldEndPoint.Column)},
		NewEndPosition: tswasm.Point{Row: uint(e.NewEndPoint.Row), Column: uint(e.NewEndPoint.Column)},
	})
}

// NewQuery compiles src for lang.
func (i *Impl) NewQuery(lang string, src []byte) (workload.Query, error) {
	l, err := i.Language(lang)
	if err != nil {
		return nil, err
	}
	q, err := tswasm.NewQuery(context.Background(), l, string(src))
	if err != nil {
		return nil, err
	}
	return &query{q: q, qc: tswasm.NewQueryCursor()}, nil
}

type query struct {
	q  *tswasm.Query
	qc *tswasm.QueryCursor
}

func (q *query) Captures(t workload.Tree, src []byte) (workload.Digest, error) {
	d := workload.NewDigest()
	var qerr error
	for qr, err := range q.qc.Captures(context.Background(), q.q, t.(*tree).t.RootNode(), src) {
		if err != nil {
			qerr = err
			break
		}
		m, i := qr.Match, qr.Index
		c := m.Captures[i]
		d.N++
		d.Mix(uint64(c.Index))
		d.Mix(uint64(c.Node.StartByte())<<32 | uint64(c.Node.EndByte()))
	}
	return d, qerr
}

func (q *query) Close() {
	_ = q.qc.Close()
	_ = q.q.Close()
}
