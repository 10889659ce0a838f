package grammarbuild

import (
	"bytes"
	"errors"
	"fmt"
)

// wasmInfo is what Build checks in its output (and the tests look at).
type wasmInfo struct {
	customs []string // custom section names, in order
	imports []string // "module.name"
	exports []string // names of exported functions
}

var errTruncated = errors.New("truncated wasm module")

type wasmReader struct {
	b []byte
	i int
}

func (r *wasmReader) byte() (byte, error) {
	if r.i >= len(r.b) {
		return 0, errTruncated
	}
	r.i++
	return r.b[r.i-1], nil
}

func (r *wasmReader) leb() (uint32, error) {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v, nil
		}
	}
	return 0, errors.New("LEB128 too long")
}

func (r *wasmReader) bytes(n uint32) ([]byte, error) {
	if uint64(r.i)+uint64(n) > uint64(len(r.b)) {
		return nil, errTruncated
	}
	r.i += int(n)
	return r.b[r.i-int(n) : r.i], nil
}

func (r *wasmReader) name() (string, error) {
	n, err := r.leb()
	if err != nil {
		return "", err
	}
	b, err := r.bytes(n)
	return string(b), err
}

func (r *wasmReader) limits() error {
	flags, err := r.byte()
	if err == nil {
		_, err = r.leb()
	}
	if err == nil && flags&1 != 0 {
		_, err = r.leb()
	}
	return err
}

// parseWasm reads the custom section names, the import names and the
// function export names of a wasm module.
func parseWasm(b []byte) (*wasmInfo, error) {
	if !bytes.HasPrefix(b, []byte("\x00asm\x01\x00\x00\x00")) {
		return nil, errors.New("not a wasm 1 module")
	}
	info := &wasmInfo{}
	r := &wasmReader{b: b, i: 8}
	for r.i < len(b) {
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.leb()
		if err != nil {
			return nil, err
		}
		sec, err := r.bytes(size)
		if err != nil {
			return nil, err
		}
		s := &wasmReader{b: sec}
		switch id {
		case 0:
			name, err := s.name()
			if err != nil {
				return nil, err
			}
			info.customs = append(info.customs, name)
		case 2:
			if err := parseImports(s, info); err != nil {
				return nil, err
			}
		case 7:
			if err := parseExports(s, info); err != nil {
				return nil, err
			}
		}
	}
	return info, nil
}

func parseImports(s *wasmReader, info *wasmInfo) error {
	n, err := s.leb()
	if err != nil {
		return err
	}
	for range n {
		mod, err := s.name()
		if err != nil {
			return err
		}
		name, err := s.name()
		if err != nil {
			return err
		}
		info.imports = append(info.imports, mod+"."+name)
		kind, err := s.byte()
		if err != nil {
			return err
		}
		switch kind {
		case 0: // func: type index
			_, err = s.leb()
		case 1: // table: reftype, limits
			if _, err = s.byte(); err == nil {
				err = s.limits()
			}
		case 2: // memory: limits
			err = s.limits()
		case 3: // global: valtype, mutability
			_, err = s.bytes(2)
		default:
			err = fmt.Errorf("unknown import kind %d", kind)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseExports(s *wasmReader, info *wasmInfo) error {
	n, err := s.leb()
	if err != nil {
		return err
	}
	for range n {
		name, err := s.name()
		if err != nil {
			return err
		}
		kind, err := s.byte()
		if err != nil {
			return err
		}
		if _, err := s.leb(); err != nil {
			return err
		}
		if kind == 0 {
			info.exports = append(info.exports, name)
		}
	}
	return nil
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
