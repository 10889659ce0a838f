// Registration of the DoFns and functions, so that runners call them
// without reflection.
package tsbeam

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, string, func(File), error](&matchFn{})
	register.DoFn4x0[context.Context, File, func(Source), func(Failure)](&readFn{})
	register.DoFn4x0[context.Context, Source, func(Result), func(Failure)](&parseFn{})
	register.DoFn4x0[context.Context, Source, func(Capture), func(Failure)](&queryFn{})
	register.DoFn4x0[context.Context, Source, func(Tag), func(Failure)](&tagsFn{})
	register.DoFn1x3[beam.X, int, string, error](&encodeFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Function1x2[Result, string, LangStats](resultStats)
	register.Function2x1[string, LangStats, LangStats](dropStatsKey)
	register.Combiner1[LangStats](&statsFn{})
	register.Emitter1[File]()
	register.Emitter1[Source]()
	register.Emitter1[Result]()
	register.Emitter1[Failure]()
	register.Emitter1[Capture]()
	register.Emitter1[Tag]()
	register.Iter1[string]()
}
