// Syntax problems of a tree (ERROR and MISSING nodes), found in one linear cursor walk.
package main

import (
	"fmt"
	"strings"

	"github.com/tswasm/tswasm"
)

// syntaxProblem is one ERROR or MISSING node, for --format errors.
type syntaxProblem struct {
	point   tswasm.Point
	message string
}

// findProblems lists the outermost ERROR nodes and the MISSING nodes, and
// counts every ERROR and MISSING node. It walks the tree once with a
// TreeCursor (children are stepped through, never indexed, so an ERROR
// node with 100,000 children costs 100,000 steps), and descends only into
// subtrees that contain errors. It uses no recursion, so any depth works.
func findProblems(root tswasm.Node, text func(tswasm.Node) string) (list []syntaxProblem, errNodes, missing int) {
	// handle records n and says whether to look inside it, and whether its
	// descendants are inside an ERROR node.
	handle := func(n tswasm.Node, inError bool) (descend, childInError bool) {
		switch {
		case n.IsMissing():
			missing++
			if !inError {
				what := n.Kind()
				if !n.IsNamed() {
					what = fmt.Sprintf("%q", what)
				}
				list = append(list, syntaxProblem{n.StartPosition(), "missing " + what})
			}
			return false, inError
		case n.IsError():
			errNodes++
			if !inError {
				list = append(list, syntaxProblem{n.StartPosition(), "syntax error" + near(text(n))})
			}
			return true, true
		}
		return true, inError
	}
	type frame struct {
		node    tswasm.Node
		inError bool // the node is inside an ERROR node (or is one)
		found   bool // a child shows an error
	}
	// finish handles a node whose children showed no error: the error is
	// then a MISSING token that is hidden (such as the statement terminator
	// of a file without a final newline), which only its S-expression shows.
	finish := func(f frame) {
		if f.found || f.node.IsError() {
			return
		}
		for _, hm := range hiddenMissing(f.node) {
			missing++
			if !f.inError {
				list = append(list, hm)
			}
		}
	}
	if !root.HasError() {
		return nil, 0, 0
	}
	descend, ie := handle(root, false)
	if !descend {
		return list, errNodes, missing
	}
	c := root.Walk()
	defer c.Close()
	stack := []frame{{node: root, inError: ie}}
	if !c.GotoFirstChild() {
		finish(stack[0])
		return list, errNodes, missing
	}
	for {
		n := c.Node()
		top := &stack[len(stack)-1]
		if n.HasError() {
			top.found = true
			if d, ie := handle(n, top.inError); d {
				if c.GotoFirstChild() {
					stack = append(stack, frame{node: n, inError: ie})
					continue
				}
				finish(frame{node: n, inError: ie})
			}
		}
		for !c.GotoNextSibling() {
			if len(stack) == 1 || !c.GotoParent() {
				finish(stack[0])
				return list, errNodes, missing
			}
			finish(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
		}
	}
}

// hiddenMissing finds the MISSING tokens that n's S-expression lists among
// its direct items but that are not visible children. Each is placed at the
// end of the named child before it (or at n's start).
func hiddenMissing(n tswasm.Node) []syntaxProblem {
	var out []syntaxProblem
	named := uint(0)
	for _, item := range sexpItems(n.String()) {
		name, ok := strings.CutPrefix(item, "(MISSING ")
		if !ok {
			named++
			continue
		}
		pos := n.StartPosition()
		if named > 0 {
			pos = n.NamedChild(named - 1).EndPosition()
		}
		out = append(out, syntaxProblem{pos, "missing " + strings.TrimSuffix(name, ")")})
	}
	return out
}

// sexpItems returns the parenthesized items directly inside the outer list
// of an S-expression such as `(a f: (b (c)) (MISSING ")"))`: "(b (c))" and
// "(MISSING \")\")". Field labels are dropped; quoted names may hold
// parentheses and backslash escapes.
func sexpItems(s string) []string {
	var items []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
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
			if depth == 2 {
				start = i
			}
		case c == ')':
			if depth == 2 {
				items = append(items, s[start:i+1])
			}
			depth--
		}
	}
	return items
}

// near formats the start of an erroneous text for a message.
func near(text string) string {
	text = firstLine(text)
	if text == "" {
		return ""
	}
	if len(text) > 40 {
		text = truncateUTF8(text, 40) + "…"
	}
	return fmt.Sprintf(" at %q", text)
}

// firstLine returns the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// truncateUTF8 cuts s to at most n bytes without splitting a character.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
