// mem.go: typed pointers and checked reads and writes of linear memory.
package abi

import "encoding/binary"

// Ptr is an address in a store's linear memory (a wasm32 pointer). 0 is NULL.
type Ptr uint32

// Add returns p+n.
func (p Ptr) Add(n uint32) Ptr { return p + Ptr(n) }

// Arg returns p as a call argument.
func (p Ptr) Arg() uint64 { return uint64(p) }

// View is the whole linear memory of a store, as of one moment: it is valid
// until the next wasm call, which may grow (and so move) the memory. Every
// read is bounds-checked and yields zero out of range; every write reports
// whether it fit. Nothing panics.
type View []byte

// U8 reads a byte at p.
func (v View) U8(p Ptr) uint8 {
	if uint64(p) >= uint64(len(v)) {
		return 0
	}
	return v[p]
}

// U16 reads a little-endian uint16 at p.
func (v View) U16(p Ptr) uint16 {
	if uint64(p)+2 > uint64(len(v)) {
		return 0
	}
	return binary.LittleEndian.Uint16(v[p:])
}

// U32 reads a little-endian uint32 at p.
func (v View) U32(p Ptr) uint32 {
	if uint64(p)+4 > uint64(len(v)) {
		return 0
	}
	return binary.LittleEndian.Uint32(v[p:])
}

// Ptr reads a pointer at p.
func (v View) Ptr(p Ptr) Ptr { return Ptr(v.U32(p)) }

// Bit reads the one-bit field at bit index bit of the structure at p.
func (v View) Bit(p Ptr, bit uint32) bool { return v.U8(p.Add(bit/8))>>(bit%8)&1 != 0 }

// Bytes returns the n bytes at p, aliasing memory, and whether they lie
// inside it.
func (v View) Bytes(p Ptr, n uint32) ([]byte, bool) {
	if uint64(p)+uint64(n) > uint64(len(v)) {
		return nil, false
	}
	return v[p : uint64(p)+uint64(n) : uint64(p)+uint64(n)], true
}

// Copy returns a copy of the n bytes at p; NULL or out of range fails,
// except that n == 0 always succeeds with nil.
func (v View) Copy(p Ptr, n uint32) ([]byte, bool) {
	if n == 0 {
		return nil, true
	}
	if p == 0 {
		return nil, false
	}
	b, ok := v.Bytes(p, n)
	if !ok {
		return nil, false
	}
	return append([]byte(nil), b...), true
}

// U16s copies n little-endian uint16s at p (see Copy).
func (v View) U16s(p Ptr, n uint32) ([]uint16, bool) {
	b, ok := v.Copy(p, 2*n)
	if !ok {
		return nil, false
	}
	out := make([]uint16, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return out, true
}

// CString reads the NUL-terminated string at p; NULL reads as "".
func (v View) CString(p Ptr) string {
	if p == 0 || uint64(p) >= uint64(len(v)) {
		return ""
	}
	b := v[p:]
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// String copies the n bytes at p; out of range reads as "" and false.
func (v View) String(p Ptr, n uint32) (string, bool) {
	b, ok := v.Bytes(p, n)
	return string(b), ok
}

// PutU32 writes a little-endian uint32 at p and reports whether it fit.
func (v View) PutU32(p Ptr, x uint32) bool {
	if uint64(p)+4 > uint64(len(v)) {
		return false
	}
	binary.LittleEndian.PutUint32(v[p:], x)
	return true
}

// PutBytes copies b to p and reports whether it fit.
func (v View) PutBytes(p Ptr, b []byte) bool {
	if uint64(p)+uint64(len(b)) > uint64(len(v)) {
		return false
	}
	copy(v[p:], b)
	return true
}

// PutString copies s to p and reports whether it fit.
func (v View) PutString(p Ptr, s string) bool {
	if uint64(p)+uint64(len(s)) > uint64(len(v)) {
		return false
	}
	copy(v[p:], s)
	return true
}
