package main

import (
	"testing"
)

// The cases follow the examples and rules of gitignore(5).
func TestIgnoreRuleMatch(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		isDir   bool
		want    bool
	}{
		// Names without a slash match at any depth.
		{"*.log", "debug.log", false, true},
		{"*.log", "a/b/debug.log", false, true},
		{"*.log", "debug.log.txt", false, false},
		{"foo", "foo", true, true},
		{"foo", "x/foo", false, true},
		{"foo", "foobar", false, false},
		// A trailing slash matches directories only.
		{"frotz/", "frotz", true, true},
		{"frotz/", "a/frotz", true, true},
		{"frotz/", "frotz", false, false},
		{"doc/frotz/", "doc/frotz", true, true},
		{"doc/frotz/", "a/doc/frotz", true, false},
		// A leading or middle slash anchors the pattern.
		{"/*.c", "cat-file.c", false, true},
		{"/*.c", "mozilla-sha1/sha1.c", false, false},
		{"doc/frotz", "doc/frotz", false, true},
		{"doc/frotz", "x/doc/frotz", false, false},
		{"/build", "build", true, true},
		{"/build", "src/build", true, false},
		// "*" does not cross a slash.
		{"foo/*", "foo/test.json", false, true},
		{"foo/*", "foo/bar", true, true},
		{"foo/*", "foo/bar/hello.c", false, false},
		// "**" forms.
		{"**/foo", "foo", false, true},
		{"**/foo", "a/b/foo", true, true},
		{"**/foo/bar", "x/foo/bar", false, true},
		{"**/foo/bar", "foo/bar", false, true},
		{"**/foo/bar", "foo/baz", false, false},
		{"abc/**", "abc/x", false, true},
		{"abc/**", "abc/x/y/z", false, true},
		{"abc/**", "abc", true, false},
		{"a/**/b", "a/b", false, true},
		{"a/**/b", "a/x/b", false, true},
		{"a/**/b", "a/x/y/b", false, true},
		{"a/**/b", "a/x/y/c", false, false},
		{"a/**/b", "b", false, false},
		// "**" inside a segment is an ordinary star.
		{"a**z", "abcz", false, true},
		{"a**z", "a/z", false, false},
		// "?" and classes.
		{"?.go", "a.go", false, true},
		{"?.go", "ab.go", false, false},
		{"[abc].txt", "b.txt", false, true},
		{"[abc].txt", "d.txt", false, false},
		{"[a-c]x", "bx", false, true},
		{"[!a-c]x", "bx", false, false},
		{"[!a-c]x", "dx", false, true},
		{"[^a-c]x", "dx", false, true},
		{"[]]x", "]x", false, true},
		{"[", "[", false, true}, // unterminated class: literal
		// Escapes.
		{`\#file`, "#file", false, true},
		{`\!keep`, "!keep", false, true},
		{`\*`, "*", false, true},
		{`\*`, "x", false, false},
		{`foo\ `, "foo ", false, true},
		{"foo   ", "foo", false, true},
		// Star backtracking.
		{"*a*b", "xaxxb", false, true},
		{"*a*b", "xaxxc", false, false},
		{"*.tar.gz", "x.tar.gz", false, true},
		{"*", "anything", false, true},
	}
	for _, tt := range tests {
		r, ok := parseIgnoreLine(tt.pattern)
		if !ok {
			t.Errorf("parseIgnoreLine(%q) = not a pattern", tt.pattern)
			continue
		}
		if got := r.match(tt.path, tt.isDir); got != tt.want {
			t.Errorf("%q matches %q (dir %v) = %v, want %v", tt.pattern, tt.path, tt.isDir, got, tt.want)
		}
	}
}

func TestParseIgnoreSkips(t *testing.T) {
	rules := parseIgnore("# comment\n\n   \n/\n!\n*.o\r\n!keep.o\n")
	if len(rules) != 2 {
		t.Fatalf("got %d rules (%+v), want 2", len(rules), rules)
	}
	if rules[0].negate || !rules[1].negate {
		t.Errorf("negation flags = %v, %v; want false, true", rules[0].negate, rules[1].negate)
	}
	if got := rules[0].segs; len(got) != 1 || got[0] != "*.o" {
		t.Errorf("CRLF line parsed as %q", got)
	}
}

func TestIgnoreStack(t *testing.T) {
	st := ignoreStack{
		{base: "", rules: parseIgnore("*.log\n!important.log\nbuild/\n/top.txt\n")},
		{base: "sub", rules: parseIgnore("!*.log\n/local.txt\nimportant.log\n")},
		{base: "sub/deep", rules: parseIgnore("!build/\n")},
	}
	tests := []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"a.log", false, true},
		{"x/a.log", false, true},
		{"important.log", false, false},    // negated in the root list
		{"x/important.log", false, false},  // same
		{"sub/a.log", false, false},        // re-included by sub/.gitignore
		{"sub/important.log", false, true}, // excluded again by sub/.gitignore
		{"sub/x/important.log", false, true},
		{"build", true, true},
		{"build", false, false}, // a file named build is kept
		{"sub/build", true, true},
		{"sub/deep/build", true, false}, // deeper negation wins
		{"top.txt", false, true},
		{"x/top.txt", false, false},
		{"sub/local.txt", false, true},
		{"local.txt", false, false}, // sub's anchored rule is relative to sub
		{"sub/x/local.txt", false, false},
		{"subx/a.log", false, true}, // "subx" is not under base "sub"
		{"subx/important.log", false, false},
		{"main.go", false, false},
	}
	for _, tt := range tests {
		if got := st.ignored(tt.path, tt.isDir); got != tt.want {
			t.Errorf("ignored(%q, dir %v) = %v, want %v", tt.path, tt.isDir, got, tt.want)
		}
	}
}
