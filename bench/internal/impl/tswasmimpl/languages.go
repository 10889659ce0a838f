package tswasmimpl

import (
	"github.com/tswasm/tswasm/languages"
	"github.com/tswasm/tswasm/languages/c"
	"github.com/tswasm/tswasm/languages/golang"
	"github.com/tswasm/tswasm/languages/javascript"
	"github.com/tswasm/tswasm/languages/json"
	"github.com/tswasm/tswasm/languages/python"
	"github.com/tswasm/tswasm/languages/rust"
	"github.com/tswasm/tswasm/languages/typescript"
)

// The official grammars come from tswasm's bundled languages packages: the
// same npm releases whose C sources the official Go bindings compile.
func init() {
	for name, s := range map[string]*languages.Spec{
		"go":         golang.Spec,
		"python":     python.Spec,
		"javascript": javascript.Spec,
		"c":          c.Spec,
		"rust":       rust.Spec,
		"typescript": typescript.Spec,
		"json":       json.Spec,
	} {
		bundled[name] = func() []byte { return s.Wasm }
	}
}
