package languages_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/languages"
)

func TestForModeline(t *testing.T) {
	for _, tc := range []struct{ head, want string }{
		{"// <vector> -*- C++ -*-\n", "cpp"},
		{"/* -*- mode: c++; tab-width: 4 -*- */\n", "cpp"},
		{"#!/bin/sh\n# -*- mode: python -*-\n", "python"},
		{"# -*- mode: shell-script -*-\n", "bash"},
		{"# -*- coding: utf-8 -*-\n", ""},
		{"x = 1\n# vim: set ft=python:\n", "python"},
		{"// vim: filetype=javascript\n", "javascript"},
		{"# vi: syntax=sh\n", "bash"},
		{"# ex: ft=ruby\n", "ruby"},
		{"# vim: set ft=unknownthing:\n", ""},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n# vim: ft=lua\n", "lua"}, // last lines
		{"1\n2\n3\n4\n5\n6\n# vim: ft=lua\n7\n8\n9\n10\n11\n12\n", ""},    // not first or last five
		{"-*- C++ -*- on the third line\n", "cpp"},
		{"a\nb\n// -*- C++ -*-\n", ""}, // Emacs reads only the first two lines
		{"", ""},
	} {
		got, _ := languages.ForModeline([]byte(tc.head))
		assert.Equal(t, tc.want, name(got, got != nil), "ForModeline(%q)", tc.head)
	}
}

func TestLooksLikeCpp(t *testing.T) {
	cpp := []string{
		"template <typename T>\nstruct X {};\n",
		"namespace foo {\nint x;\n}\n",
		"class Widget : public Base {\n",
		"class Widget\n{\n",
		"  public:\n",
		"#include <vector>\n",
		"using namespace std;\n",
		"std::string s;\n",
		"extern \"C++\" {\n",
		"bool operator==(const A&, const A&);\n",
		"void f() noexcept;\n",
	}
	for _, src := range cpp {
		assert.True(t, languages.LooksLikeCpp([]byte(src)), "%q", src)
	}
	c := []string{
		"#ifndef X_H\n#define X_H\n#ifdef __cplusplus\nextern \"C\" {\n#endif\nint f(void);\n",
		"struct point { int x, y; };\ntypedef struct point point;\n",
		"#include <stdio.h>\n#include <sys/types.h>\n",
		"/* template <T> in a comment\n * class Foo {\n */\nint x;\n",
		"// std::vector mentioned in a comment\nint y;\n",
		"static int public_count;\n",
	}
	for _, src := range c {
		assert.False(t, languages.LooksLikeCpp([]byte(src)), "%q", src)
	}
}

func TestDetectHeaders(t *testing.T) {
	for _, tc := range []struct{ path, head, want string }{
		{"a.h", "int f(void);\n", "c"},
		{"a.h", "template <class T> T id(T);\n", "cpp"},
		{"a.h", "// -*- C++ -*-\nint f();\n", "cpp"},
		{"a.hpp", "int f();\n", "cpp"},
		{"vector", "// <vector> -*- C++ -*-\n", "cpp"},
		{"bits/stl_vector.tcc", "// -*- C++ -*-\n", "cpp"}, // unknown extension, modeline
		{"script", "# vim: ft=python\nprint(1)\n", "python"},
		{"x.c", "// vim: ft=cpp\n", "cpp"}, // the modeline wins, as in editors
		{"a.h", "", "c"},
	} {
		assert.Equal(t, tc.want, name(languages.Detect(tc.path, []byte(tc.head))), "Detect(%q, %q)", tc.path, tc.head)
	}
}

func TestDetectFileSiblings(t *testing.T) {
	cppDir, cDir, mixed := t.TempDir(), t.TempDir(), t.TempDir()
	write := func(dir, name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	plain := "int f(int);\n"
	hc := write(cppDir, "util.h", plain)
	write(cppDir, "util.cc", "int f(int x) { return x; }\n")
	hC := write(cDir, "util.h", plain)
	write(cDir, "util.c", plain)
	hm := write(mixed, "util.h", plain)
	write(mixed, "a.c", plain)
	write(mixed, "b.cpp", plain)
	assert.Equal(t, "cpp", name(languages.DetectFile(hc, []byte(plain))))
	assert.Equal(t, "c", name(languages.DetectFile(hC, []byte(plain))))
	assert.Equal(t, "c", name(languages.DetectFile(hm, []byte(plain))))
	// The modeline beats the siblings.
	assert.Equal(t, "c", name(languages.DetectFile(hc, []byte("// vim: ft=c\n"+plain))))
}
