package main

import "testing"

func TestSplitDep(t *testing.T) {
	for _, tc := range []struct{ in, dep, rest string }{
		{"tree-sitter-javascript/queries/highlights.scm", "tree-sitter-javascript", "queries/highlights.scm"},
		{"@tree-sitter-grammars/tree-sitter-lua/queries/x.scm", "@tree-sitter-grammars/tree-sitter-lua", "queries/x.scm"},
		{"nodir", "", ""},
		{"@scope/only", "", ""},
	} {
		dep, rest, err := splitDep(tc.in)
		if dep != tc.dep || rest != tc.rest || (err != nil) != (tc.dep == "") {
			t.Errorf("splitDep(%q) = %q, %q, %v", tc.in, dep, rest, err)
		}
	}
}
