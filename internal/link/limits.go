// Limits on what a grammar binary may ask the host for, checked before any growth.
package link

import (
	"errors"
	"fmt"

	"github.com/tswasm/tswasm/internal/wasmbin"
)

// Limits caps the host resources one grammar may declare. The zero value of a
// field means the DefaultLimits value.
type Limits struct {
	// MaxDataBytes caps the grammar's data block (dylink memory size plus
	// alignment padding, plus any memory the module defines itself).
	MaxDataBytes uint64
	// MaxTableEntries caps the function-table slots the grammar takes
	// (dylink table size plus alignment padding, GOT.func slots, and any
	// table the module defines itself).
	MaxTableEntries uint64
}

// DefaultLimits leaves generous headroom over every grammar measured: of the
// 34 bundled and test grammars (languages/*/, testdata/grammars/), the largest
// data block is C#'s 5,242,044 bytes (64 MiB is 12.8x that) and the largest
// table 8 entries plus 0 GOT.func slots (4096 is 512x that).
var DefaultLimits = Limits{MaxDataBytes: 64 << 20, MaxTableEntries: 4096}

// maxAlign is the largest alignment (log2) honoured for the data block and
// the table; real grammars use 4 and 0.
const maxAlign = 16

// tableEntryBytes is what one table slot costs the host: wazero keeps
// a table as a slice of pointer-sized references.
const tableEntryBytes = 8

// ErrLimit is matched (errors.Is) by every *LimitError.
var ErrLimit = errors.New("grammar exceeds a host limit")

// LimitError means a grammar declares more than the host allows. Nothing was
// allocated or grown when it is returned.
type LimitError struct {
	What  string // "data bytes", "table entries", "data alignment", ...
	Asked uint64
	Limit uint64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("grammar declares %d %s, over the limit of %d", e.Asked, e.What, e.Limit)
}

// Is makes errors.Is(err, ErrLimit) true.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// Footprint is the worst case a grammar costs the host once linked.
type Footprint struct {
	DataBytes    uint64 // linear memory taken for its data (with alignment padding)
	TableEntries uint64 // function-table slots (with alignment padding)
}

// HostBytes is the footprint in host bytes: data plus table slots at the
// host's per-slot cost. A store counts it against its memory limit.
func (f Footprint) HostBytes() uint64 { return f.DataBytes + f.TableEntries*tableEntryBytes }

// Footprint returns the worst-case host cost of linking g.
func (g *Grammar) Footprint() Footprint {
	d := g.Dylink
	var f Footprint
	if d.MemSize > 0 {
		f.DataBytes = uint64(d.MemSize)
		if d.MemAlign <= maxAlign {
			f.DataBytes += uint64(1)<<d.MemAlign - 1
		}
	}
	f.DataBytes += g.definedMemBytes
	f.TableEntries = uint64(d.TableSize) + g.gotFuncs + g.definedTableMin
	if d.TableAlign > 0 && d.TableAlign <= maxAlign {
		f.TableEntries += uint64(1)<<d.TableAlign - 1
	}
	return f
}

// Check returns a *LimitError if g declares more than l allows.
func (g *Grammar) Check(l Limits) error {
	l = l.withDefaults()
	d := g.Dylink
	if d.MemAlign > maxAlign {
		return &LimitError{What: "data alignment (log2)", Asked: uint64(d.MemAlign), Limit: maxAlign}
	}
	if d.TableAlign > maxAlign {
		return &LimitError{What: "table alignment (log2)", Asked: uint64(d.TableAlign), Limit: maxAlign}
	}
	f := g.Footprint()
	if f.DataBytes > l.MaxDataBytes {
		return &LimitError{What: "data bytes", Asked: f.DataBytes, Limit: l.MaxDataBytes}
	}
	if f.TableEntries > l.MaxTableEntries {
		return &LimitError{What: "table entries", Asked: f.TableEntries, Limit: l.MaxTableEntries}
	}
	return nil
}

func (l Limits) withDefaults() Limits {
	if l.MaxDataBytes == 0 {
		l.MaxDataBytes = DefaultLimits.MaxDataBytes
	}
	if l.MaxTableEntries == 0 {
		l.MaxTableEntries = DefaultLimits.MaxTableEntries
	}
	return l
}

// scanDefined adds up the tables and memories the module defines itself
// (grammar side modules import both, but a crafted one may define a huge
// table or memory that instantiation would allocate).
func (g *Grammar) scanDefined(wasm []byte) error {
	r := wasmbin.NewReader(wasm[8:]) // Parse has checked the header
	for !r.EOF() {
		id := r.Byte()
		body := wasmbin.NewReader(r.Bytes(int(r.U32())))
		switch id {
		case 4: // table section: n × (reftype, limits)
			for n := body.U32(); n > 0 && body.Err() == nil; n-- {
				body.Byte()
				g.definedTableMin += uint64(readMin(body))
			}
		case 5: // memory section: n × limits
			for n := body.U32(); n > 0 && body.Err() == nil; n-- {
				g.definedMemBytes += uint64(readMin(body)) << 16
			}
		default:
			continue
		}
		if err := body.Err(); err != nil {
			return fmt.Errorf("wasm: section %d: %w", id, err)
		}
	}
	return r.Err()
}

// readMin reads wasm limits and returns the minimum.
func readMin(r *wasmbin.Reader) uint32 {
	flags := r.Byte()
	min := r.U32()
	if flags&1 != 0 {
		r.U32()
	}
	return min
}

// countGOTFuncs counts the distinct GOT.func imports, each a table slot.
func countGOTFuncs(m *wasmbin.Module) uint64 {
	seen := map[string]bool{}
	for _, im := range m.Imports {
		if im.Module == "GOT.func" {
			seen[im.Name] = true
		}
	}
	return uint64(len(seen))
}
