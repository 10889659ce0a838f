// JSON documents of trees, written node by node from a cursor: no recursion, any depth.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"

	"github.com/tswasm/tswasm"
)

// The fields of a parse document and its nodes, in output order, are those
// of these types; encoding/json would write the same bytes for shallow
// trees (a test checks it), but recurses on the Go stack for deep ones.

// parseDoc is the JSON document of one parsed file.
type parseDoc struct {
	Path     string    `json:"path"`
	Language string    `json:"language"`
	HasError bool      `json:"has_error"`
	Bytes    int       `json:"bytes"`
	Tree     *jsonNode `json:"tree"`
}

// jsonPoint is a zero-based row and byte column.
type jsonPoint struct {
	Row    uint `json:"row"`
	Column uint `json:"column"`
}

// jsonNode is one syntax node in JSON output.
type jsonNode struct {
	Kind       string      `json:"kind"`
	Named      bool        `json:"named"`
	Field      string      `json:"field,omitempty"`
	Missing    bool        `json:"missing,omitempty"`
	Extra      bool        `json:"extra,omitempty"`
	StartByte  uint        `json:"start_byte"`
	EndByte    uint        `json:"end_byte"`
	StartPoint jsonPoint   `json:"start_point"`
	EndPoint   jsonPoint   `json:"end_point"`
	Children   []*jsonNode `json:"children,omitempty"`
}

// jsonWriter writes JSON compactly or indented by two spaces, like
// encoding/json's Encoder with SetEscapeHTML(false) (and SetIndent("", "  ")).
type jsonWriter struct {
	w       *bytes.Buffer
	indent  bool
	strings map[string][]byte // encoded strings, by value (node kinds repeat)
	enc     *json.Encoder
	scratch bytes.Buffer
}

func newJSONWriter(w *bytes.Buffer, indent bool) *jsonWriter {
	j := &jsonWriter{w: w, indent: indent, strings: map[string][]byte{}}
	j.enc = json.NewEncoder(&j.scratch)
	j.enc.SetEscapeHTML(false)
	return j
}

// nl starts a new line at an indentation level (nothing when compact).
func (j *jsonWriter) nl(level int) {
	if !j.indent {
		return
	}
	j.w.WriteByte('\n')
	for range level {
		j.w.WriteString("  ")
	}
}

// key writes `"name":` (and a space when indented) on a new line, after a
// comma unless first.
func (j *jsonWriter) key(level int, name string, first bool) {
	if !first {
		j.w.WriteByte(',')
	}
	j.nl(level)
	j.w.WriteByte('"')
	j.w.WriteString(name)
	j.w.WriteString(`":`)
	if j.indent {
		j.w.WriteByte(' ')
	}
}

// str writes a JSON string.
func (j *jsonWriter) str(s string) {
	if b, ok := j.strings[s]; ok {
		j.w.Write(b)
		return
	}
	j.scratch.Reset()
	_ = j.enc.Encode(s)
	b := bytes.TrimSuffix(j.scratch.Bytes(), []byte("\n"))
	if len(s) <= 64 && len(j.strings) < 4096 {
		j.strings[s] = bytes.Clone(b)
	}
	j.w.Write(b)
}

func (j *jsonWriter) uint(v uint) { j.w.WriteString(strconv.FormatUint(uint64(v), 10)) }

func (j *jsonWriter) bool(v bool) { j.w.WriteString(strconv.FormatBool(v)) }

// point writes {"row":R,"column":C} with its members at level+1.
func (j *jsonWriter) point(level int, p tswasm.Point) {
	j.w.WriteByte('{')
	j.key(level+1, "row", true)
	j.uint(p.Row)
	j.key(level+1, "column", false)
	j.uint(p.Column)
	j.nl(level)
	j.w.WriteByte('}')
}

// nodeFields writes the members of a node object (no children, no closing
// brace) at level.
func (j *jsonWriter) nodeFields(level int, n tswasm.Node, field string) {
	j.key(level, "kind", true)
	j.str(n.Kind())
	j.key(level, "named", false)
	j.bool(n.IsNamed())
	if field != "" {
		j.key(level, "field", false)
		j.str(field)
	}
	if n.IsMissing() {
		j.key(level, "missing", false)
		j.bool(true)
	}
	if n.IsExtra() {
		j.key(level, "extra", false)
		j.bool(true)
	}
	j.key(level, "start_byte", false)
	j.uint(n.StartByte())
	j.key(level, "end_byte", false)
	j.uint(n.EndByte())
	j.key(level, "start_point", false)
	j.point(level, n.StartPosition())
	j.key(level, "end_point", false)
	j.point(level, n.EndPosition())
}

// ctxCheckEvery is how many nodes the writers go between context checks.
const ctxCheckEvery = 4096

// tree writes the tree under root as a node object whose closing brace is at
// level (its members at level+1), walking it with a TreeCursor. Output is
// flushed to out whenever the buffer passes 1 MiB, when out is not nil.
func (j *jsonWriter) tree(ctx context.Context, root tswasm.Node, level int, out io.Writer) error {
	c := root.Walk()
	defer c.Close()
	depth, count := 0, 0
	lvl := func(d int) int { return level + 2*d } // closing-brace level of a node at depth d
	j.w.WriteByte('{')
	j.nodeFields(lvl(0)+1, root, "")
	if !c.GotoFirstChild() {
		j.nl(lvl(0))
		j.w.WriteByte('}')
		return nil
	}
	// At a first child: open its parent's "children" array.
	openChildren := func(d int) {
		j.key(lvl(d-1)+1, "children", false)
		j.w.WriteByte('[')
	}
	depth = 1
	openChildren(1)
	first := true
	for {
		if count++; count%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if out != nil && j.w.Len() > 1<<20 {
				if _, err := out.Write(j.w.Bytes()); err != nil {
					return err
				}
				j.w.Reset()
			}
		}
		if !first {
			j.w.WriteByte(',')
		}
		j.nl(lvl(depth))
		j.w.WriteByte('{')
		j.nodeFields(lvl(depth)+1, c.Node(), c.FieldName())
		if c.GotoFirstChild() {
			depth++
			openChildren(depth)
			first = true
			continue
		}
		j.nl(lvl(depth))
		j.w.WriteByte('}')
		first = false
		for !c.GotoNextSibling() {
			// Close the children array and the parent object.
			if !c.GotoParent() {
				return nil
			}
			j.nl(lvl(depth-1) + 1)
			j.w.WriteByte(']')
			depth--
			j.nl(lvl(depth))
			j.w.WriteByte('}')
			if depth == 0 {
				return nil
			}
		}
	}
}

// parseDocument writes a parse document: path, language, has_error, bytes
// and the tree, then a newline.
func (j *jsonWriter) parseDocument(ctx context.Context, doc parseDoc, root tswasm.Node, out io.Writer) error {
	j.w.WriteByte('{')
	j.key(1, "path", true)
	j.str(doc.Path)
	j.key(1, "language", false)
	j.str(doc.Language)
	j.key(1, "has_error", false)
	j.bool(doc.HasError)
	j.key(1, "bytes", false)
	j.uint(uint(doc.Bytes))
	j.key(1, "tree", false)
	if err := j.tree(ctx, root, 1, out); err != nil {
		return err
	}
	j.nl(0)
	j.w.WriteString("}\n")
	return nil
}
