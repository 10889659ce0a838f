// store_mem.go: the Store's allocation and the conversions between Go values and the runtime's structs in its memory.
package tswasm

import (
	"context"
	"errors"
	"fmt"

	"github.com/tswasm/tswasm/internal/abi"
)

// malloc allocates n bytes in wasm memory; the caller holds s.mu.
func (s *Store) malloc(ctx context.Context, n uint32) (abi.Ptr, error) {
	p, err := s.call1(ctx, "", abi.Malloc, uint64(n))
	if err != nil {
		return 0, err
	}
	if p == 0 {
		return 0, fmt.Errorf("tswasm: allocating %d bytes: %w", n, ErrMemoryLimit)
	}
	return abi.Ptr(p), nil
}

func (s *Store) free(ctx context.Context, p abi.Ptr) error {
	if p == 0 {
		return nil
	}
	_, err := s.call1(ctx, "", abi.Free, p.Arg())
	return err
}

// mallocCopy allocates max(len(b), 1) bytes and copies b there.
func (s *Store) mallocCopy(ctx context.Context, b string) (abi.Ptr, error) {
	p, err := s.malloc(ctx, uint32(max(len(b), 1)))
	if err != nil {
		return 0, err
	}
	if !s.view().PutString(p, b) {
		_ = s.free(ctx, p)
		return 0, errors.New("tswasm: allocated block out of range")
	}
	return p, nil
}

// writeInput copies src into the store's reusable input buffer.
func (s *Store) writeInput(ctx context.Context, src []byte) (abi.Ptr, error) {
	n := uint32(len(src))
	if n > s.inCap || s.inBuf == 0 {
		if err := s.free(ctx, s.inBuf); err != nil {
			return 0, err
		}
		s.inBuf, s.inCap = 0, 0
		c := max(n, 4096)
		p, err := s.malloc(ctx, c)
		if err != nil {
			return 0, err
		}
		s.inBuf, s.inCap = p, c
	}
	if !s.view().PutBytes(s.inBuf, src) {
		return 0, errors.New("tswasm: input buffer out of range")
	}
	return s.inBuf, nil
}

// cString reads the NUL-terminated string at p.
func (s *Store) cString(p abi.Ptr) string { return s.view().CString(p) }

// u32 reads a uint32 at p (0 out of range).
func (s *Store) u32(p abi.Ptr) uint32 { return s.view().U32(p) }

// writeNode stores n as a TSNode at p and reports whether it fit.
func (s *Store) writeNode(p abi.Ptr, n *Node) bool {
	raw := n.raw()
	return s.view().PutNode(p, &raw)
}

// readNode loads the TSNode at p as a node of t (the zero Node for NULL).
func (s *Store) readNode(p abi.Ptr, t *Tree) Node { return nodeFrom(t, s.view().Node(p)) }

// writePoint stores a TSPoint at p; values beyond uint32 saturate.
func (s *Store) writePoint(p abi.Ptr, pt Point) bool { return s.view().PutPoint(p, pt.raw()) }

// writeEdit stores e as a TSInputEdit at p.
func (s *Store) writeEdit(p abi.Ptr, e *InputEdit) bool {
	raw := e.raw()
	return s.view().PutInputEdit(p, &raw)
}

// readRanges copies n TSRanges at p out of wasm memory.
func (s *Store) readRanges(p abi.Ptr, n uint32) ([]Range, error) {
	raw, ok := s.view().Ranges(p, n)
	if !ok {
		return nil, fmt.Errorf("tswasm: %d ranges at %#x lie outside wasm memory", n, p)
	}
	out := make([]Range, n)
	for i, r := range raw {
		out[i] = rangeFrom(r)
	}
	return out, nil
}

// takeRanges reads the array of ranges at p, whose count is in the scratch
// out-parameter, and frees it.
func (s *Store) takeRanges(p abi.Ptr) ([]Range, error) {
	out, rerr := s.readRanges(p, s.u32(s.at(abi.ScratchOut0)))
	if err := s.free(context.Background(), p); err != nil {
		return nil, err
	}
	return out, rerr
}
