// wasm.go: checking a built grammar module, with internal/wasmbin's reader.
package grammarbuild

import (
	"fmt"

	"github.com/tswasm/tswasm/internal/wasmbin"
)

// wasmInfo is what Build checks in its output (and the tests look at).
type wasmInfo struct {
	customs []string // custom section names, in order
	imports []string // "module.name"
	exports []string // names of exported functions
}

// parseWasm reads the custom section names, the import names and the
// function export names of a wasm module.
func parseWasm(b []byte) (*wasmInfo, error) {
	m, err := wasmbin.Parse(b)
	if err != nil {
		return nil, err
	}
	info := &wasmInfo{}
	for _, c := range m.Customs {
		info.customs = append(info.customs, c.Name)
	}
	for _, im := range m.Imports {
		info.imports = append(info.imports, im.Module+"."+im.Name)
	}
	for _, e := range m.Exports {
		if e.Kind == wasmbin.KindFunc {
			info.exports = append(info.exports, e.Name)
		}
	}
	return info, nil
}

// checkSideModule verifies that b is a side module exporting function fn.
func checkSideModule(b []byte, fn string) error {
	info, err := parseWasm(b)
	if err != nil {
		return err
	}
	if len(info.customs) == 0 || info.customs[0] != "dylink.0" {
		return fmt.Errorf("no dylink.0 section first (custom sections: %q)", info.customs)
	}
	for _, e := range info.exports {
		if e == fn {
			return nil
		}
	}
	return fmt.Errorf("no function %s is defined, so none is exported (exports: %q)", fn, info.exports)
}
