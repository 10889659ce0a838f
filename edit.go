package tswasm

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
)

// InputEdit describes one change of the text: the bytes [StartByte,
// OldEndByte) of the old text were replaced by the bytes [StartByte,
// NewEndByte) of the new text. The positions are the rows and byte columns
// of those offsets, StartPosition and OldEndPosition in the old text,
// NewEndPosition in the new one.
type InputEdit struct {
	StartByte      uint
	OldEndByte     uint
	NewEndByte     uint
	StartPosition  Point
	OldEndPosition Point
	NewEndPosition Point
}

// inputEditSize is sizeof(TSInputEdit) on wasm32.
const inputEditSize = 36

func (e *InputEdit) validate() error {
	if e == nil {
		return fmt.Errorf("tswasm: nil InputEdit")
	}
	if e.StartByte > e.OldEndByte || e.StartByte > e.NewEndByte {
		return fmt.Errorf("tswasm: invalid edit: start byte %d after old end %d or new end %d",
			e.StartByte, e.OldEndByte, e.NewEndByte)
	}
	for _, v := range []uint{e.OldEndByte, e.NewEndByte,
		e.StartPosition.Row, e.StartPosition.Column, e.OldEndPosition.Row, e.OldEndPosition.Column,
		e.NewEndPosition.Row, e.NewEndPosition.Column} {
		if v > math.MaxUint32 {
			return fmt.Errorf("tswasm: invalid edit: %d does not fit in 32 bits", v)
		}
	}
	return nil
}

// writeEdit stores e as a TSInputEdit at p.
func (s *Store) writeEdit(p uint32, e *InputEdit) {
	b, _ := s.mem.Read(p, inputEditSize)
	le := binary.LittleEndian
	le.PutUint32(b[0:], uint32(e.StartByte))
	le.PutUint32(b[4:], uint32(e.OldEndByte))
	le.PutUint32(b[8:], uint32(e.NewEndByte))
	putPoint(b[12:], e.StartPosition)
	putPoint(b[20:], e.OldEndPosition)
	putPoint(b[28:], e.NewEndPosition)
}

func putPoint(b []byte, p Point) {
	binary.LittleEndian.PutUint32(b[0:], uint32(p.Row))
	binary.LittleEndian.PutUint32(b[4:], uint32(p.Column))
}

func getPoint(b []byte) Point {
	return Point{Row: uint(binary.LittleEndian.Uint32(b[0:])), Column: uint(binary.LittleEndian.Uint32(b[4:]))}
}

// Edit adjusts the tree to an edit of its text, so that it can be passed
// as the old tree to the parse of the new text, which then reuses what the
// edit left intact. Call it once per edit, in order. Positions of nodes
// taken from the tree afterwards reflect the edit; nodes taken before keep
// their old start positions (see Node.Edit). Edit changes the tree: do not
// call it while another goroutine reads the same tree. To keep the
// unedited tree as well, Edit a Clone.
func (t *Tree) Edit(edit *InputEdit) error {
	if err := edit.validate(); err != nil {
		return err
	}
	if err := t.lockOpen(); err != nil {
		return err
	}
	s := t.h.store
	defer s.unlock()
	s.writeEdit(s.scratch+scratchExtra, edit)
	if _, err := s.call(context.Background(), s.export("ts_tree_edit"), uint64(t.h.ptr), uint64(s.scratch+scratchExtra)); err != nil {
		return s.trap("ts_tree_edit", t.lang.name, err)
	}
	return nil
}

// Edit returns n with its start position adjusted to edit, for a node
// obtained before Tree.Edit was called with the same edit. Its other
// properties are read from the (edited) tree. It returns the zero Node if
// the tree is closed or the edit is invalid.
func (n Node) Edit(edit *InputEdit) Node {
	if n.id == 0 || n.tree == nil || edit.validate() != nil || n.tree.lockOpen() != nil {
		return Node{}
	}
	s := n.tree.h.store
	defer s.unlock()
	s.writeNode(s.scratch+scratchArg, &n)
	s.writeEdit(s.scratch+scratchExtra, edit)
	if _, err := s.call(context.Background(), s.export("ts_node_edit"), uint64(s.scratch+scratchArg), uint64(s.scratch+scratchExtra)); err != nil {
		s.trap("ts_node_edit", n.tree.lang.name, err)
		return Node{}
	}
	return s.readNode(s.scratch+scratchArg, n.tree)
}
