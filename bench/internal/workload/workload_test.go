package workload

import "testing"

func digestOf(fields ...string) Digest {
	d := NewDigest()
	for i, f := range fields {
		d.Node("identifier", uint32(i), uint32(i+1), Point{0, uint32(i)}, Point{0, uint32(i + 1)}, f)
	}
	return d
}

func TestDigestFieldNames(t *testing.T) {
	a, b := digestOf("name", ""), digestOf("name", "consequence")
	if a.N != 2 || b.N != 2 {
		t.Fatalf("counts %d, %d", a.N, b.N)
	}
	if a.H == b.H {
		t.Error("field names do not change H")
	}
	if a.K != b.K {
		t.Error("field names change K")
	}
	ca, cb := Check{Digest: a}, Check{Digest: b}
	if ca.Compare(cb, [2]string{"a", "b"}, nil, false) == nil {
		t.Error("strict comparison accepted different field names")
	}
	if err := ca.Compare(cb, [2]string{"a", "b"}, nil, true); err != nil {
		t.Errorf("lax comparison: %v", err)
	}
	// Ranges still count in lax mode.
	c := NewDigest()
	c.Node("identifier", 0, 2, Point{}, Point{0, 2}, "name")
	c.Node("identifier", 1, 2, Point{0, 1}, Point{0, 2}, "")
	if ca.Compare(Check{Digest: c}, [2]string{"a", "c"}, nil, true) == nil {
		t.Error("lax comparison accepted different ranges")
	}
}

func TestCheckCompareFiles(t *testing.T) {
	a := Check{Files: []FileResult{{Nodes: 3, Sexp: 1}, {Nodes: 5, Sexp: 2}}}
	b := Check{Files: []FileResult{{Nodes: 3, Sexp: 1}, {Nodes: 5, Sexp: 9}}}
	if err := a.Compare(a, [2]string{"x", "y"}, nil, false); err != nil {
		t.Errorf("equal checks: %v", err)
	}
	if err := a.Compare(b, [2]string{"x", "y"}, []string{"f1", "f2"}, true); err == nil {
		t.Error("different S-expressions accepted")
	}
	if err := a.Compare(Check{Files: a.Files[:1]}, [2]string{"x", "y"}, nil, false); err == nil {
		t.Error("different file counts accepted")
	}
}

func TestEditPoint(t *testing.T) {
	cases := []struct {
		src  string
		want int
	}{
		{"a\nb\nc\n", 3},    // newlines at 1, 3, 5; middle is 3
		{"abc", -1},         // no newline
		{"x \\\ny\nz\n", 5}, // the newline after a backslash is skipped
		{"aaaaaa\nb\n", 6},  // nearest to 4
	}
	for _, c := range cases {
		if got := editPoint([]byte(c.src)); got != c.want {
			t.Errorf("editPoint(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}
