// probe.go: the start-up check that the runtime's struct layouts are the ones in layout.go.
package abi

import (
	"context"
	"errors"
	"fmt"
)

// LayoutField is one constant of layout.go with the C expression it stands for.
type LayoutField struct {
	Name  string
	Value uint32
	C     string
}

// LayoutError reports a runtime whose struct layouts are not those of
// layout.go: a runtime built from another tree-sitter release, or a layout
// file edited without rebuilding the runtime.
type LayoutError struct {
	Field   LayoutField
	Runtime uint32 // what the runtime's probe reports
}

// Error names the field and both values.
func (e *LayoutError) Error() string {
	return fmt.Sprintf("runtime layout mismatch: %s (%s) is %d in internal/abi/layout.go but %d in the runtime",
		e.Field.Name, e.Field.C, e.Field.Value, e.Runtime)
}

// CheckLayout asks the runtime's tswasm_layout_probe for every layout value
// and compares them with layout.go, using buf (4×len(layoutFields) bytes of
// runtime memory) for the answer.
func (in *Instance) CheckLayout(ctx context.Context, buf Ptr) error {
	n, err := in.Call2(ctx, TswasmLayoutProbe, buf.Arg(), uint64(len(layoutFields)))
	if err != nil {
		return err
	}
	if n != uint64(len(layoutFields)) {
		return fmt.Errorf("runtime layout mismatch: the runtime probes %d values, internal/abi/layout.go has %d", n, len(layoutFields))
	}
	v := in.View()
	if _, ok := v.Bytes(buf, LayoutProbeSize); !ok {
		return errors.New("runtime layout probe: buffer outside memory")
	}
	for i, f := range layoutFields {
		if got := v.U32(buf + Ptr(4*i)); got != f.Value {
			return &LayoutError{Field: f, Runtime: got}
		}
	}
	return nil
}

// LayoutProbeSize is the size of the buffer CheckLayout needs.
const LayoutProbeSize = 4 * uint32(len(layoutFields))
