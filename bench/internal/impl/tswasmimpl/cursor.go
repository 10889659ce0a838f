package tswasmimpl

import "github.com/tswasm/tswasm/bench/internal/workload"

func (t *tree) WalkCursor() (workload.Digest, error) {
	d := workload.NewDigest()
	root := t.t.RootNode()
	c := root.Walk()
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
