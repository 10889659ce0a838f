//go:build official

package main

import (
	"fmt"

	"github.com/tswasm/tswasm/bench/internal/impl/officialimpl"
	"github.com/tswasm/tswasm/bench/internal/workload"
)

const implName = "official"

func newImpl(grammar, _ string) (workload.Impl, error) {
	if grammar != "official" {
		return nil, fmt.Errorf("%w: the official binding has only the official grammars", workload.ErrUnsupported)
	}
	return officialimpl.New(), nil
}

func newInstance(impl workload.Impl, lang string) (workload.Parser, error) {
	return impl.NewParser(lang)
}
