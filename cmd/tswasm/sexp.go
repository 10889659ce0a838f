// Tree views written from a cursor: S-expressions with ranges, and the --cst pretty tree.
package main

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/tswasm/tswasm"
)

// writeSexp writes the tree under root as an S-expression of its named
// nodes (and MISSING ones), with their ranges when ranges is set, as
// tree-sitter's CLI prints them: (kind [row, col] - [row, col] field:
// (child …)). Rows and columns are zero-based, columns in bytes. It walks
// with a cursor, without recursion, so any depth prints. Without ranges,
// on a tree without errors, it writes what Node.String (ts_node_string)
// does; MISSING tokens that are not visible nodes only String shows.
func writeSexp(ctx context.Context, b *bytes.Buffer, root tswasm.Node, ranges bool) error {
	c := root.Walk()
	defer c.Close()
	// open[d] says whether the node at depth d printed an opening paren.
	open := []bool{}
	count, base := 0, b.Len()
	for {
		if count++; count%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := c.Node()
		show := n.IsNamed() || n.IsMissing()
		if show {
			if b.Len() > base && b.Bytes()[b.Len()-1] != '(' {
				b.WriteByte(' ')
			}
			if f := c.FieldName(); f != "" {
				b.WriteString(f)
				b.WriteString(": ")
			}
			b.WriteByte('(')
			switch {
			case n.IsMissing() && n.IsNamed():
				b.WriteString("MISSING " + n.Kind())
			case n.IsMissing():
				b.WriteString("MISSING " + strconv.Quote(n.Kind()))
			default:
				b.WriteString(n.Kind())
			}
			if ranges {
				sp, ep := n.StartPosition(), n.EndPosition()
				fmt.Fprintf(b, " [%d, %d] - [%d, %d]", sp.Row, sp.Column, ep.Row, ep.Column)
			}
		}
		open = append(open, show)
		if c.GotoFirstChild() {
			continue
		}
		for {
			if open[len(open)-1] {
				b.WriteByte(')')
			}
			open = open[:len(open)-1]
			if c.GotoNextSibling() {
				break
			}
			if !c.GotoParent() {
				b.WriteByte('\n')
				return nil
			}
		}
	}
}

// writeCST writes every node of the tree, anonymous ones included, one per
// line with its range, indented by depth; leaves show their text:
//
//	0:0  - 2:0    source_file
//	0:0  - 0:12     package_clause
//	0:0  - 0:7        "package"  `package`
func writeCST(ctx context.Context, b *bytes.Buffer, root tswasm.Node, text func(tswasm.Node) string, color bool) error {
	c := root.Walk()
	defer c.Close()
	depth, count := 0, 0
	for {
		if count++; count%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := c.Node()
		sp, ep := n.StartPosition(), n.EndPosition()
		rng := fmt.Sprintf("%d:%d", sp.Row, sp.Column)
		fmt.Fprintf(b, "%-9s - %-9s ", rng, fmt.Sprintf("%d:%d", ep.Row, ep.Column))
		for range depth {
			b.WriteString("  ")
		}
		if f := c.FieldName(); f != "" {
			b.WriteString(sgr(color, "34", f+": "))
		}
		kind := n.Kind()
		switch {
		case n.IsMissing():
			b.WriteString(sgr(color, "31;1", "MISSING "+strconv.Quote(kind)))
		case n.IsError():
			b.WriteString(sgr(color, "31;1", kind))
		case n.IsNamed():
			b.WriteString(sgr(color, "1", kind))
		default:
			b.WriteString(strconv.Quote(kind))
		}
		if n.ChildCount() == 0 && !n.IsMissing() {
			t := text(n)
			if len(t) > 60 {
				t = truncateUTF8(t, 60) + "…"
			}
			if t != "" && (n.IsNamed() || t != kind) {
				b.WriteString("  ")
				b.WriteString(sgr(color, "32", "`"+strings.ReplaceAll(strings.ReplaceAll(t, "\n", `\n`), "\t", `\t`)+"`"))
			}
		}
		b.WriteByte('\n')
		if c.GotoFirstChild() {
			depth++
			continue
		}
		for !c.GotoNextSibling() {
			if depth == 0 || !c.GotoParent() {
				return nil
			}
			depth--
		}
	}
}
