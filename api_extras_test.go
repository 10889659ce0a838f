// api_extras_test.go: tests of the version constants, NewPoint, UTF16Text, RootNodeWithOffset, ParseWithOptions and SatisfiesTextPredicate.
package tswasm

import (
	"context"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
)

func TestAPIExtras(t *testing.T) {
	ctx := context.Background()
	require.Equal(t, 15, LanguageVersion)
	require.Equal(t, 13, MinCompatibleLanguageVersion)
	require.Equal(t, Point{Row: 2, Column: 3}, NewPoint(2, 3))

	e, lang := goQueryLang(t)
	p := newTestParser(t, e, lang)
	tree := mustParse(t, p, goSnippet)
	root := tree.RootNode()
	off := tree.RootNodeWithOffset(100, NewPoint(7, 4))
	require.Equal(t, root.StartByte()+100, off.StartByte())
	require.Equal(t, root.EndByte()+100, off.EndByte())
	require.Equal(t, root.Kind(), off.Kind())
	require.Equal(t, uint(7), off.StartPosition().Row)

	// UTF-16: the text of an identifier.
	src := "package main\n\nfunc héllo() {}\n"
	units := utf16.Encode([]rune(src))
	p16 := newTestParser(t, e, lang)
	require.NoError(t, p16.SetEncoding(InputEncodingUTF16LE))
	buf := make([]byte, 2*len(units))
	for i, u := range units {
		buf[2*i], buf[2*i+1] = byte(u), byte(u>>8)
	}
	t16, err := p16.Parse(ctx, buf, nil)
	require.NoError(t, err)
	defer t16.Close()
	name := t16.RootNode().NamedChild(1).ChildByFieldName("name")
	require.Equal(t, "héllo", string(utf16.Decode(name.UTF16Text(units))))
	require.Nil(t, Node{}.UTF16Text(units))

	// ParseWithOptions: a callback that stops the parse.
	big := bigGoSource(2000)
	read := func(off uint, _ Point) []byte {
		if off >= uint(len(big)) {
			return nil
		}
		return big[off:min(off+4096, uint(len(big)))]
	}
	calls := 0
	_, err = p.ParseWithOptions(ctx, read, nil, &ParseOptions{ProgressCallback: func(s ParseState) bool {
		calls++
		return s.CurrentByteOffset > uint32(len(big)/2)
	}})
	require.ErrorIs(t, err, ErrStopped)
	require.Positive(t, calls)
	full, err := p.ParseWithOptions(ctx, read, nil, &ParseOptions{ProgressCallback: func(ParseState) bool { return false }})
	require.NoError(t, err, "the parser works after a stopped parse")
	require.False(t, full.RootNode().HasError())
	require.NoError(t, full.Close())

	// SatisfiesTextPredicate: the same match against two texts.
	q := mustQuery(t, lang, `((identifier) @id (#eq? @id "main"))`)
	qc := newTestCursor(t)
	plain := mustQuery(t, lang, `(identifier) @id`)
	srcB := []byte(goSnippet)
	checked := 0
	for m, err := range qc.Matches(ctx, plain, root, srcB) {
		require.NoError(t, err)
		m.PatternIndex = 0 // evaluate q's pattern 0 on this match
		require.Equal(t, m.Captures[0].Node.UTF8Text(srcB) == "main", m.SatisfiesTextPredicate(q, srcB))
		checked++
	}
	require.Positive(t, checked)
}
