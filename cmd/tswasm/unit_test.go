package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunOrdered(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 3}, {1, 1}, {1, 8}, {7, 2}, {200, 4}, {50, 100}} {
		var busy, maxBusy atomic.Int32
		work := func(w, i int) int {
			if w < 0 || w >= max(1, tc.workers) {
				t.Errorf("worker index %d out of range", w)
			}
			b := busy.Add(1)
			for {
				m := maxBusy.Load()
				if b <= m || maxBusy.CompareAndSwap(m, b) {
					break
				}
			}
			// Uneven work so that items finish out of order.
			time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
			busy.Add(-1)
			return i * i
		}
		var got []int
		runOrdered(tc.n, tc.workers, work, func(i, r int) {
			if r != i*i {
				t.Errorf("emit(%d, %d): result of another item", i, r)
			}
			got = append(got, i)
		})
		if len(got) != tc.n || !slices.IsSorted(got) {
			t.Errorf("n=%d workers=%d: emitted %v, want 0..%d in order", tc.n, tc.workers, got, tc.n-1)
		}
		if int(maxBusy.Load()) > max(1, tc.workers) {
			t.Errorf("n=%d: %d items ran at once with %d workers", tc.n, maxBusy.Load(), tc.workers)
		}
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		name     string
		head     string
		complete bool
		want     bool
	}{
		{"empty", "", true, false},
		{"ascii", "package main\n", true, false},
		{"utf8", "// héllo wörld ✓ 日本語\n", true, false},
		{"nul", "package main\x00", true, true},
		{"mostly invalid", strings.Repeat("\xff\xfe\xe9", 20), true, true},
		{"a few latin-1 bytes", "caf\xe9 " + strings.Repeat("plain text ", 10), true, false},
		// A multi-byte rune cut at the end of an incomplete head is not an error...
		{"cut rune", "ab\xe6\x97", false, false},
		// ...but at the end of a whole file it is (2 of 4 bytes bad).
		{"cut rune at EOF", "ab\xe6\x97", true, true},
	}
	for _, tt := range tests {
		if got := isBinary([]byte(tt.head), tt.complete); got != tt.want {
			t.Errorf("%s: isBinary = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEnumValue(t *testing.T) {
	var e enumValue
	newEnum(&e, "text", "text", "json", "jsonl")
	for in, want := range map[string]string{"JSON": "json", "Jsonl": "jsonl", "text": "text"} {
		if err := e.Set(in); err != nil || e.value != want {
			t.Errorf("Set(%q) = %v, value %q; want %q", in, err, e.value, want)
		}
	}
	if err := e.Set("yaml"); err == nil || !strings.Contains(err.Error(), "text, json, jsonl") {
		t.Errorf("Set(yaml) = %v", err)
	}
}

func TestSizeValue(t *testing.T) {
	for in, want := range map[string]uint64{"64MiB": 64 << 20, "512k": 512 << 10, "1g": 1 << 30, "100": 100, "1.5MB": 3 << 19, "2 GiB": 2 << 30} {
		var s sizeValue
		if err := s.Set(in); err != nil || uint64(s) != want {
			t.Errorf("Set(%q) = %v, %d; want %d", in, err, s, want)
		}
	}
	var s sizeValue
	if err := s.Set("lots"); err == nil {
		t.Error("Set(lots) accepted")
	}
}

// TestRender checks span nesting with hand-made spans over a short text.
func TestRender(t *testing.T) {
	src := []byte("abcdefghij")
	tests := []struct {
		name  string
		spans []span
		want  string
	}{
		{"none", nil, "abcdefghij"},
		{"one", []span{{2, 4, "k", 1}}, "ab[k:cd]efghij"},
		{"nested", []span{{1, 9, "o", 1}, {3, 5, "i", 2}}, "a[o:bc[i:de]fghi]j"},
		{"same range, later inside", []span{{0, 3, "b", 2}, {0, 3, "a", 1}}, "[a:[b:abc]]defghij"},
		{"adjacent", []span{{0, 2, "x", 1}, {2, 4, "y", 2}}, "[x:ab][y:cd]efghij"},
		{"overlap is clipped", []span{{0, 5, "p", 1}, {3, 8, "q", 2}}, "[p:abc[q:de]]fghij"},
		{"past the end", []span{{8, 20, "z", 1}, {30, 40, "w", 2}}, "abcdefgh[z:ij]"},
	}
	for _, tt := range tests {
		var r testRenderer
		render(&r, src, slices.Clone(tt.spans))
		if got := r.b.String(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

type testRenderer struct{ b strings.Builder }

func (r *testRenderer) begin(string, string) {}
func (r *testRenderer) open(name string)     { r.b.WriteString("[" + name + ":") }
func (r *testRenderer) close()               { r.b.WriteString("]") }
func (r *testRenderer) text(b []byte)        { r.b.Write(b) }
func (r *testRenderer) end()                 {}

func TestThemeKey(t *testing.T) {
	for name, want := range map[string]string{
		"keyword":                "keyword",
		"keyword.control.repeat": "keyword",
		"function.builtin":       "function.builtin",
		"function.method.call":   "function",
		"punctuation.bracket":    "punctuation.bracket",
		"nothing.known":          "",
	} {
		if got := themeKey(name); got != want {
			t.Errorf("themeKey(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSexpItems(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`(a)`, nil},
		{`(a (b) (c))`, []string{"(b)", "(c)"}},
		{`(a f: (b (c) (d)) g: (e))`, []string{"(b (c) (d))", "(e)"}},
		{`(a (b) (MISSING ")") (MISSING identifier))`, []string{"(b)", `(MISSING ")")`, "(MISSING identifier)"}},
		{`(a (MISSING "(") (MISSING "\"") (c))`, []string{`(MISSING "(")`, `(MISSING "\"")`, "(c)"}},
	}
	for _, tt := range tests {
		if got := sexpItems(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("sexpItems(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
