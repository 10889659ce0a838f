//go:build !official && !smacker

package main

import (
	"context"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/bench/internal/impl/tswasmimpl"
	"github.com/tswasm/tswasm/bench/internal/workload"
)

const implName = "tswasm"

func newImpl(grammar, cacheDir string) (workload.Impl, error) {
	var opts []tswasm.Option
	if cacheDir != "" {
		opts = append(opts, tswasm.WithCompilationCacheDir(cacheDir))
	}
	return tswasmimpl.New(context.Background(), grammar, opts...)
}

// newInstance creates a store of its own with a parser on it.
func newInstance(impl workload.Impl, lang string) (workload.Parser, error) {
	return impl.(*tswasmimpl.Impl).NewStoreParser(lang)
}
