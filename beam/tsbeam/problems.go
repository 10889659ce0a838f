// Counting ERROR and MISSING nodes, and the tree as JSON.
package tsbeam

import (
	"strings"

	"github.com/tswasm/tswasm"
)

// countProblems counts the ERROR and MISSING nodes under root the way
// `tswasm parse --stats` does: it descends only into subtrees that contain
// an error, and counts the MISSING tokens that are hidden (such as a
// statement terminator at the end of a file) from the node's S-expression.
func countProblems(root tswasm.Node) (errNodes, missing int64) {
	if !root.HasError() {
		return 0, 0
	}
	var visit func(n tswasm.Node)
	visit = func(n tswasm.Node) {
		if n.IsMissing() {
			missing++
			return
		}
		if n.IsError() {
			errNodes++
		}
		found := false
		for i := range n.ChildCount() {
			if c := n.Child(i); c.HasError() {
				found = true
				visit(c)
			}
		}
		if !found && !n.IsError() {
			missing += int64(hiddenMissing(n.String()))
		}
	}
	visit(root)
	return errNodes, missing
}

// hiddenMissing counts the "(MISSING …)" items directly inside the outer
// list of an S-expression. Quoted names may hold parentheses and escapes.
func hiddenMissing(sexp string) int {
	n, depth := 0, 0
	inQuote := false
	for i := 0; i < len(sexp); i++ {
		switch c := sexp[i]; {
		case inQuote:
			if c == '\\' {
				i++
			} else if c == '"' {
				inQuote = false
			}
		case c == '"':
			inQuote = true
		case c == '(':
			depth++
			if depth == 2 && strings.HasPrefix(sexp[i:], "(MISSING ") {
				n++
			}
		case c == ')':
			depth--
		}
	}
	return n
}

// treeNode is one node of a tree in JSON (the shape `tswasm parse --format
// json` prints).
type treeNode struct {
	Kind       string      `json:"kind"`
	Named      bool        `json:"named"`
	Field      string      `json:"field,omitempty"`
	Missing    bool        `json:"missing,omitempty"`
	Extra      bool        `json:"extra,omitempty"`
	StartByte  uint        `json:"start_byte"`
	EndByte    uint        `json:"end_byte"`
	StartPoint treePoint   `json:"start_point"`
	EndPoint   treePoint   `json:"end_point"`
	Children   []*treeNode `json:"children,omitempty"`
}

// treePoint is a zero-based row and byte column.
type treePoint struct {
	Row    uint `json:"row"`
	Column uint `json:"column"`
}

// buildTree converts the tree under root with a TreeCursor.
func buildTree(root tswasm.Node) *treeNode {
	c := root.Walk()
	defer c.Close()
	var build func() *treeNode
	build = func() *treeNode {
		n := c.Node()
		sp, ep := n.StartPosition(), n.EndPosition()
		j := &treeNode{
			Kind: n.Kind(), Named: n.IsNamed(), Missing: n.IsMissing(), Extra: n.IsExtra(),
			StartByte: n.StartByte(), EndByte: n.EndByte(),
			StartPoint: treePoint{sp.Row, sp.Column}, EndPoint: treePoint{ep.Row, ep.Column},
		}
		if c.GotoFirstChild() {
			for {
				child := build()
				child.Field = c.FieldName()
				j.Children = append(j.Children, child)
				if !c.GotoNextSibling() {
					break
				}
			}
			c.GotoParent()
		}
		return j
	}
	return build()
}
