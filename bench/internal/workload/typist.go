package workload

import (
	"bytes"
	"fmt"
)

// Typist edits one file in place and reparses it incrementally, as an
// editor does. Edits happen at the end of the line nearest the middle of the
// file, where a trailing space or a trailing comment is valid in every
// language benchmarked.
type Typist struct {
	p        Parser
	path     string
	orig     []byte
	src      []byte // current text; capacity for the burst
	tree     Tree
	pos      int   // byte offset of the edit point (a '\n')
	at       Point // its position
	text     []byte
	typed    int  // keystrokes typed so far in the current burst
	inserted bool // the one-byte edit is in
}

// NewTypist parses f and readies the edit point.
func NewTypist(p Parser, lang Lang, f File) (*Typist, error) {
	pos := editPoint(f.Src)
	if pos < 0 {
		return nil, fmt.Errorf("workload: %s has no line to edit", f.Path)
	}
	src := make([]byte, len(f.Src), len(f.Src)+BurstLen+1)
	copy(src, f.Src)
	t := &Typist{p: p, path: f.Path, orig: f.Src, src: src, pos: pos, at: PointAt(f.Src, pos), text: BurstText(lang)}
	tree, err := p.Parse(t.src, nil)
	if err != nil {
		return nil, err
	}
	t.tree = tree
	return t, nil
}

// BurstText is what a burst types: a line comment, or spaces for a language
// without comments, BurstLen bytes long.
func BurstText(lang Lang) []byte {
	if lang.Comment == "" {
		return bytes.Repeat([]byte(" "), BurstLen)
	}
	s := " " + lang.Comment + " the quick brown fox jumps over the lazy dog"
	for len(s) < BurstLen {
		s += " and again"
	}
	return []byte(s[:BurstLen])
}

// editPoint finds the newline closest to the middle of src that does not end
// a line continued with a backslash.
func editPoint(src []byte) int {
	mid := len(src) / 2
	best := -1
	for i := 0; i < len(src); i++ {
		if src[i] != '\n' || (i > 0 && (src[i-1] == '\\' || src[i-1] == '\r')) {
			continue
		}
		if best < 0 || abs(i-mid) < abs(best-mid) {
			best = i
		}
		if i > mid && best >= 0 {
			break
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// PointAt returns the row and byte column of offset off in src.
func PointAt(src []byte, off int) Point {
	row := bytes.Count(src[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1)
	return Point{Row: uint32(row), Column: uint32(col)}
}

// insert puts c at offset off of the current text and reparses.
func (t *Typist) insert(off int, c byte) error {
	n := len(t.src)
	t.src = t.src[:n+1]
	copy(t.src[off+1:], t.src[off:n])
	t.src[off] = c
	p := Point{Row: t.at.Row, Column: t.at.Column + uint32(off-t.pos)}
	return t.reparse(Edit{
		StartByte: uint32(off), OldEndByte: uint32(off), NewEndByte: uint32(off + 1),
		StartPoint: p, OldEndPoint: p, NewEndPoint: Point{Row: p.Row, Column: p.Column + 1},
	})
}

// remove deletes the byte at offset off and reparses.
func (t *Typist) remove(off int) error {
	copy(t.src[off:], t.src[off+1:])
	t.src = t.src[:len(t.src)-1]
	p := Point{Row: t.at.Row, Column: t.at.Column + uint32(off-t.pos)}
	return t.reparse(Edit{
		StartByte: uint32(off), OldEndByte: uint32(off + 1), NewEndByte: uint32(off),
		StartPoint: p, OldEndPoint: Point{Row: p.Row, Column: p.Column + 1}, NewEndPoint: p,
	})
}

func (t *Typist) reparse(e Edit) error {
	if err := t.tree.Edit(e); err != nil {
		return err
	}
	nt, err := t.p.Parse(t.src, t.tree)
	if err != nil {
		return err
	}
	t.tree.Close()
	t.tree = nt
	return nil
}

// Toggle inserts a space at the edit point, or removes it again: a one-byte
// edit and an incremental reparse.
func (t *Typist) Toggle() error {
	var err error
	if t.inserted {
		err = t.remove(t.pos)
	} else {
		err = t.insert(t.pos, ' ')
	}
	t.inserted = !t.inserted
	return err
}

// Burst types BurstLen keystrokes at the edit point, one edit and reparse
// each; the next Burst deletes them again with as many backspaces.
func (t *Typist) Burst() error {
	if t.typed == 0 {
		for i, c := range t.text {
			if err := t.insert(t.pos+i, c); err != nil {
				return err
			}
			t.typed++
		}
		return nil
	}
	for t.typed > 0 {
		if err := t.remove(t.pos + t.typed - 1); err != nil {
			return err
		}
		t.typed--
	}
	return nil
}

// Verify checks that the current tree equals a fresh parse of the current
// text and returns its result.
func (t *Typist) Verify() (FileResult, error) {
	fresh, err := t.p.Parse(t.src, nil)
	if err != nil {
		return FileResult{}, err
	}
	defer fresh.Close()
	a, b := t.tree.Sexp(), fresh.Sexp()
	if a != b {
		return FileResult{}, fmt.Errorf("%s: incremental reparse differs from a fresh parse:\n%s\nvs\n%s", t.path, clip(a), clip(b))
	}
	return CheckTree(t.tree), nil
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

// Close closes the tree and the parser.
func (t *Typist) Close() {
	if t.tree != nil {
		t.tree.Close()
	}
	t.p.Close()
}
