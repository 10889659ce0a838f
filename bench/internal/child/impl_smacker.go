//go:build smacker

package main

import (
	"fmt"

	"github.com/tswasm/tswasm/bench/internal/impl/smackerimpl"
	"github.com/tswasm/tswasm/bench/internal/workload"
)

const implName = "smacker"

func newImpl(grammar, _ string) (workload.Impl, error) {
	if grammar != "smacker" {
		return nil, fmt.Errorf("%w: smacker has only its own grammars", workload.ErrUnsupported)
	}
	return smackerimpl.New(), nil
}

func newInstance(impl workload.Impl, lang string) (workload.Parser, error) {
	return impl.NewParser(lang)
}
