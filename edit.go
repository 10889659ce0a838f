// edit.go: InputEdit, and editing trees and nodes to follow a change of the text.
package tswasm

import (
	"context"
	"fmt"
	"math"

	"github.com/tswasm/tswasm/internal/abi"
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

// raw converts a validated edit to a TSInputEdit.
func (e *InputEdit) raw() abi.InputEdit {
	return abi.InputEdit{
		StartByte: uint32(e.StartByte), OldEndByte: uint32(e.OldEndByte), NewEndByte: uint32(e.NewEndByte),
		StartPoint: e.StartPosition.raw(), OldEndPoint: e.OldEndPosition.raw(), NewEndPoint: e.NewEndPosition.raw(),
	}
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
	if !s.writeEdit(s.at(abi.ScratchEdit), edit) {
		return fmt.Errorf("tswasm: scratch memory out of range")
	}
	_, err := s.call2(context.Background(), t.lang.name, abi.TsTreeEdit, t.h.ptr.Arg(), s.arg(abi.ScratchEdit))
	return err
}

// Edit adjusts n in place to edit, for a node obtained before Tree.Edit
// was called with the same edit: its start position moves, and its other
// properties are read from the (edited) tree. If the edit is invalid or the
// tree is closed, n becomes the zero Node (n.IsZero() reports it), so that a
// node that could not follow the edit is never used with stale positions.
func (n *Node) Edit(edit *InputEdit) {
	*n = n.edited(edit)
}

// edited returns n adjusted to edit, or the zero Node.
func (n Node) edited(edit *InputEdit) Node {
	if edit.validate() != nil {
		return Node{}
	}
	s, ok := n.lockArg()
	if !ok {
		return Node{}
	}
	defer s.unlock()
	if !s.writeEdit(s.at(abi.ScratchEdit), edit) {
		return Node{}
	}
	if _, err := s.call2(context.Background(), n.tree.lang.name, abi.TsNodeEdit, s.arg(abi.ScratchArg), s.arg(abi.ScratchEdit)); err != nil {
		return Node{}
	}
	return s.readNode(s.at(abi.ScratchArg), n.tree)
}
