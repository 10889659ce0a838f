// query_limits_test.go: tests of NewQuery's pre-scan (pattern and nesting caps, `+` over a pattern that can match nothing).
package tswasm

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQueryLimitsAcceptBundledQueries: every bundled query passes the
// pre-scan, with room to spare under both caps.
func TestQueryLimitsAcceptBundledQueries(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("languages", "*", "queries", "*.scm"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	maxPatterns, maxDepth := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, checkQueryLimits(string(b)), f)
		sc := &queryScan{src: string(b)}
		require.NoError(t, sc.top())
		require.Equal(t, len(b), sc.pos, "%s: the pre-scan read the whole file", f)
		maxPatterns = max(maxPatterns, sc.patterns)
		maxDepth = max(maxDepth, nestingDepth(string(b)))
	}
	t.Logf("%d bundled queries: at most %d patterns, nesting at most %d", len(files), maxPatterns, maxDepth)
	assert.Less(t, 2*maxPatterns, MaxQueryPatterns)
	assert.Less(t, 4*maxDepth, MaxQueryNesting)
}

// nestingDepth counts brackets outside strings and comments.
func nestingDepth(src string) int {
	d, m := 0, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case ';':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '(', '[':
			d++
			m = max(m, d)
		case ')', ']':
			d--
		}
	}
	return m
}

func requireLimitError(t *testing.T, err error, what string) {
	t.Helper()
	var qe *QueryError
	require.True(t, errors.As(err, &qe), "%s: %v", what, err)
	assert.Equal(t, QueryErrorLimit, qe.Kind, what)
	assert.Equal(t, "limit", qe.Kind.String())
}

// TestQueryRepetitionOfNullableRefused: the queries that made ts_query_new
// loop forever (issue 11, and the 27-byte FuzzQuery finding) return a
// typed error at once; similar queries that compile still do.
func TestQueryRepetitionOfNullableRefused(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, src := range []string{
		`((pair)?)+`,
		`(((pair)?+))(#matcl?@p"0pma`,
		`(pair)?+`,
		`(pair)*+`,
		`((pair)*)+`,
		`(object ((pair)? @p)+)`,
		`(((pair)? (pair)*))+`,
	} {
		_, err := NewQuery(ctx, lang, src)
		requireLimitError(t, err, src)
	}
	for _, src := range []string{
		`((pair)+)`,
		`((pair)?)*`,
		`((pair) (pair)?)+`,
		`(object (pair)+ @p)`,
		`(array (number)* @n)`,
		`((pair)? (pair))+`,
		`"["+`,
		`[(pair) (array)]+`,
	} {
		q, err := NewQuery(ctx, lang, src)
		require.NoError(t, err, src)
		require.NoError(t, q.Close())
	}
}

// TestQueryPatternAndNestingCaps: one pattern over the cap, or one level
// too deep, is refused without compiling; at the cap's scale below, queries
// compile.
func TestQueryPatternAndNestingCaps(t *testing.T) {
	e := newTestEngine(t)
	lang := loadTestGrammar(t, e, "tree-sitter-wasms-0.1.13-json.wasm")
	ctx := context.Background()

	many := strings.Repeat("(pair key: (string) @k)\n", MaxQueryPatterns+1)
	start := time.Now()
	_, err := NewQuery(ctx, lang, many)
	requireLimitError(t, err, "too many patterns")
	t.Logf("refused %d patterns in %v", MaxQueryPatterns+1, time.Since(start))
	require.NoError(t, checkQueryLimits(strings.Repeat("(pair) ", MaxQueryPatterns)))

	deep := strings.Repeat("(array ", MaxQueryNesting+1) + strings.Repeat(")", MaxQueryNesting+1)
	_, err = NewQuery(ctx, lang, deep)
	requireLimitError(t, err, "too deep")
	ok := strings.Repeat("(array ", 100) + strings.Repeat(")", 100)
	q, err := NewQuery(ctx, lang, ok)
	require.NoError(t, err)
	require.NoError(t, q.Close())

	// A done ctx stops NewQuery before it compiles.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = NewQuery(cctx, lang, "(pair)")
	assert.ErrorIs(t, err, context.Canceled)
}
