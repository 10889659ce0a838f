// query_iter_test.go: the query iterators deliver their errors as the last element, and honour the progress callback.
package tswasm

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestQueryIterErrorIsLastElement(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	src := bigGoSource(50)
	tree, err := p.Parse(context.Background(), src, nil)
	require.NoError(t, err)
	q := mustQuery(t, lang, `(identifier) @id`)
	qc := newTestCursor(t)

	// A cancelled context: the iteration ends with an error element.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, sawErr := 0, error(nil)
	for m, err := range qc.Matches(ctx, q, tree.RootNode(), src) {
		if err != nil {
			require.Nil(t, m)
			sawErr = err
			continue
		}
		n++
		if n == 3 {
			cancel()
		}
	}
	require.ErrorIs(t, sawErr, context.Canceled)

	// A closed tree: the only element is the error.
	root := tree.RootNode()
	require.NoError(t, tree.Close())
	var errs []error
	for r, err := range qc.Captures(context.Background(), q, root, src) {
		require.Nil(t, r.Match)
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	require.ErrorIs(t, errs[0], ErrClosed)
}

func TestQueryIterProgressCallbackStops(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	src := bigGoSource(3000)
	tree := mustParse(t, p, string(src))
	q := mustQuery(t, lang, `(identifier) @id`)
	qc := newTestCursor(t)

	calls, matches := 0, 0
	var last error
	opts := &QueryCursorOptions{ProgressCallback: func(s QueryCursorState) bool {
		calls++
		return s.CurrentByteOffset > uint32(len(src)/4)
	}}
	for m, err := range qc.MatchesWithOptions(context.Background(), q, tree.RootNode(), src, opts) {
		if err != nil {
			last = err
			continue
		}
		require.NotNil(t, m)
		matches++
	}
	require.Positive(t, calls)
	require.ErrorIs(t, last, ErrStopped)
	require.Positive(t, matches)
	require.Less(t, matches, 3000*goIdentsPerFunc, "the run stopped early")

	// Without a stop, the same run sees every identifier and no error.
	matches = 0
	opts.ProgressCallback = func(QueryCursorState) bool { return false }
	for r, err := range qc.CapturesWithOptions(context.Background(), q, tree.RootNode(), src, opts) {
		require.NoError(t, err)
		require.Equal(t, "identifier", r.Capture().Node.Kind())
		matches++
	}
	require.Equal(t, 3000*goIdentsPerFunc, matches)
}

func TestQueryIterSupersededIsAnError(t *testing.T) {
	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	src := bigGoSource(400)
	tree := mustParse(t, p, string(src))
	q := mustQuery(t, lang, `(identifier) @id`)
	qc := newTestCursor(t)
	var outer error
	for _, err := range qc.Matches(context.Background(), q, tree.RootNode(), src) {
		if err != nil {
			outer = err
			break
		}
		for _, err := range qc.Matches(context.Background(), q, tree.RootNode(), src) {
			require.NoError(t, err)
			break
		}
	}
	require.ErrorIs(t, outer, errSuperseded)
}
