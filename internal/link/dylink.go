// Package link links tree-sitter grammar side modules (PIC wasm with a
// dylink.0 or legacy dylink section) into a running instance of the
// tree-sitter runtime module: memory and table placement, a generated env
// glue module, GOT entries, data relocations and constructors.
package link

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tswasm/tswasm/internal/wasmbin"
)

// Dylink is the memory and table layout a side module asks for.
type Dylink struct {
	MemSize, MemAlign     uint32 // bytes; alignment as log2
	TableSize, TableAlign uint32 // entries; alignment as log2
	Needed                []string
	Legacy                bool // the section was the old "dylink" one
}

// ErrNotSideModule means the binary has no dylink section.
var ErrNotSideModule = errors.New("not a wasm side module (no dylink.0 or dylink section)")

const subMemInfo, subNeeded = 1, 2

// ParseDylink reads the dylink.0 section, or the legacy dylink one.
func ParseDylink(m *wasmbin.Module) (Dylink, error) {
	if data, ok := m.CustomSection("dylink.0"); ok {
		var d Dylink
		r := wasmbin.NewReader(data)
		for !r.EOF() {
			kind := r.Byte()
			body := wasmbin.NewReader(r.Bytes(int(r.U32())))
			switch kind {
			case subMemInfo:
				d.MemSize, d.MemAlign, d.TableSize, d.TableAlign = body.U32(), body.U32(), body.U32(), body.U32()
			case subNeeded:
				n := body.U32()
				for i := uint32(0); i < n && body.Err() == nil; i++ {
					d.Needed = append(d.Needed, body.Name())
				}
			}
			if err := body.Err(); err != nil {
				return d, fmt.Errorf("dylink.0 subsection %d: %w", kind, err)
			}
		}
		if err := r.Err(); err != nil {
			return d, fmt.Errorf("dylink.0: %w", err)
		}
		return d, nil
	}
	if data, ok := m.CustomSection("dylink"); ok {
		r := wasmbin.NewReader(data)
		d := Dylink{Legacy: true}
		d.MemSize, d.MemAlign, d.TableSize, d.TableAlign = r.U32(), r.U32(), r.U32(), r.U32()
		n := r.U32()
		for i := uint32(0); i < n && r.Err() == nil; i++ {
			d.Needed = append(d.Needed, r.Name())
		}
		if err := r.Err(); err != nil {
			return d, fmt.Errorf("dylink: %w", err)
		}
		return d, nil
	}
	return Dylink{}, ErrNotSideModule
}

// Grammar is what is known about a grammar binary before linking it.
type Grammar struct {
	Module *wasmbin.Module
	Dylink Dylink
	Name   string // "go" for tree_sitter_go
	Entry  string // the exported function returning the TSLanguage pointer

	gotFuncs        uint64 // distinct GOT.func imports (table slots)
	definedTableMin uint64 // entries of tables the module defines itself
	definedMemBytes uint64 // bytes of memories the module defines itself
}

// Inspect checks that wasm is a grammar side module within DefaultLimits and
// finds its entry point. name selects tree_sitter_<name> when the module
// exports several; empty means the only one. A grammar over the limits gets a
// *LimitError before anything is compiled or allocated.
func Inspect(wasm []byte, name string) (*Grammar, error) {
	return InspectWithLimits(wasm, name, DefaultLimits)
}

// InspectWithLimits is Inspect with caller-chosen limits.
func InspectWithLimits(wasm []byte, name string, lim Limits) (*Grammar, error) {
	m, err := wasmbin.Parse(wasm)
	if err != nil {
		return nil, err
	}
	d, err := ParseDylink(m)
	if err != nil {
		return nil, err
	}
	if len(d.Needed) > 0 {
		return nil, fmt.Errorf("grammar needs other shared libraries %q, which tswasm does not load", d.Needed)
	}
	var entries []string
	for _, e := range m.Exports {
		if e.Kind != wasmbin.KindFunc || !strings.HasPrefix(e.Name, "tree_sitter_") || isScannerFunc(e.Name) {
			continue
		}
		t, ok := m.FuncTypeOf(e.Index)
		if ok && len(t.Params) == 0 && len(t.Results) == 1 && t.Results[0] == wasmbin.I32 {
			entries = append(entries, e.Name)
		}
	}
	g := &Grammar{Module: m, Dylink: d, gotFuncs: countGOTFuncs(m)}
	if err := g.scanDefined(wasm); err != nil {
		return nil, err
	}
	if err := g.Check(lim); err != nil {
		return nil, err
	}
	switch {
	case name != "":
		want := "tree_sitter_" + name
		for _, e := range entries {
			if e == want {
				g.Name, g.Entry = name, want
				return g, nil
			}
		}
		return nil, fmt.Errorf("module does not export %s() (it exports %s)", want, listOrNone(entries))
	case len(entries) == 1:
		g.Entry = entries[0]
		g.Name = strings.TrimPrefix(entries[0], "tree_sitter_")
		return g, nil
	case len(entries) == 0:
		return nil, errors.New("module exports no tree_sitter_<name>() function: not a tree-sitter grammar")
	default:
		return nil, fmt.Errorf("module exports several languages (%s): name one", strings.Join(entries, ", "))
	}
}

func isScannerFunc(name string) bool {
	return strings.Contains(name, "_external_scanner_")
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "no tree_sitter_<name> function"
	}
	return strings.Join(s, ", ")
}
