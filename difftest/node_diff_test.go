package difftest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm"
)

// walkStep is what the differential walk compares for each node.
type walkStep struct {
	Kind, Field          string
	Named                bool
	StartByte, EndByte   uint
	StartPoint, EndPoint tswasm.Point
	Depth                int
}

// nativeWalk walks a tree with smacker's native (cgo) TSTreeCursor.
func nativeWalk(root *sitter.Node) []walkStep {
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	var out []walkStep
	depth := 0
	for {
		n := c.CurrentNode()
		sp, ep := n.StartPoint(), n.EndPoint()
		out = append(out, walkStep{n.Type(), c.CurrentFieldName(), n.IsNamed(), uint(n.StartByte()), uint(n.EndByte()),
			tswasm.Point{Row: uint(sp.Row), Column: uint(sp.Column)}, tswasm.Point{Row: uint(ep.Row), Column: uint(ep.Column)}, depth})
		if c.GoToFirstChild() {
			depth++
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return out
			}
			depth--
		}
	}
}

// wasmWalk walks a tree with tswasm's TreeCursor.
func wasmWalk(tree *tswasm.Tree) []walkStep {
	c := tree.Walk()
	defer c.Close()
	var out []walkStep
	depth := 0
	for {
		n := c.Node()
		r := n.Range()
		out = append(out, walkStep{n.Kind(), c.FieldName(), n.IsNamed(), r.StartByte, r.EndByte, r.StartPoint, r.EndPoint, depth})
		if c.GotoFirstChild() {
			depth++
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return out
			}
			depth--
		}
	}
}

// TestCursorWalkMatchesSmacker walks trees of real source files with
// smacker's native cursor and with tswasm's (on the same grammar sources
// compiled to wasm) and requires identical (kind, field, named, byte and
// point range, depth) sequences.
func TestCursorWalkMatchesSmacker(t *testing.T) {
	n := 25
	switch {
	case longTests():
		n = 100
	case testing.Short():
		n = 5
	}
	goroot := commandDir(t, "Go source tree", "go", "env", "GOROOT")
	npm := commandDir(t, "global npm installation", "npm", "root", "-g")
	py := commandDir(t, "Python standard library", "python3", "-c", `import sysconfig;print(sysconfig.get_paths()["stdlib"])`)
	corpora := []struct {
		wasm   string
		native *sitter.Language
		files  []string
	}{
		{"smacker-go.wasm", golang.GetLanguage(), append(
			sampleFiles(t, filepath.Join(goroot, "src", "go"), ".go", n, 256<<10),
			sampleFiles(t, filepath.Join(goroot, "src", "net", "http"), ".go", n, 256<<10)...)},
		{"smacker-javascript.wasm", javascript.GetLanguage(), sampleFiles(t, filepath.Join(npm, "npm"), ".js", n, 128<<10)},
		{"smacker-python.wasm", python.GetLanguage(), sampleFiles(t, py, ".py", n, 128<<10)},
	}
	e := newTestEngine(t)
	ctx := context.Background()
	for _, c := range corpora {
		p := newTestParser(t, e, loadTestGrammar(t, e, c.wasm))
		np := sitter.NewParser()
		np.SetLanguage(c.native)
		nodes := 0
		for _, f := range c.files {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			ntree, err := np.ParseCtx(ctx, nil, src)
			require.NoError(t, err, f)
			want := nativeWalk(ntree.RootNode())
			ntree.Close()
			tree, err := p.Parse(ctx, src, nil)
			require.NoError(t, err, f)
			got := wasmWalk(tree)
			require.NoError(t, tree.Close())
			require.Equal(t, len(want), len(got), f)
			for i := range want {
				if want[i] != got[i] {
					require.Equal(t, want[i], got[i], fmt.Sprintf("%s: node %d", f, i))
				}
			}
			nodes += len(got)
		}
		np.Close()
		t.Logf("%s: %d files, %d nodes identical", c.wasm, len(c.files), nodes)
	}
}

// BenchmarkSmackerCursorWalk is BenchmarkCursorWalk with smacker's native
// cursor on the same file, for comparison.
func BenchmarkSmackerCursorWalk(b *testing.B) {
	goroot := commandDir(b, "Go source tree", "go", "env", "GOROOT")
	src, err := os.ReadFile(filepath.Join(goroot, "src", "go", "parser", "parser.go"))
	require.NoError(b, err)
	np := sitter.NewParser()
	defer np.Close()
	np.SetLanguage(golang.GetLanguage())
	tree, err := np.ParseCtx(context.Background(), nil, src)
	require.NoError(b, err)
	defer tree.Close()
	c := sitter.NewTreeCursor(tree.RootNode())
	defer c.Close()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	nodes := 0
	for range b.N {
		c.Reset(tree.RootNode())
		nodes = 0
		for {
			n := c.CurrentNode()
			_ = n.Type()
			_, _, _, _ = n.StartByte(), n.EndByte(), n.StartPoint(), n.EndPoint()
			nodes++
			if c.GoToFirstChild() {
				continue
			}
			for !c.GoToNextSibling() {
				if !c.GoToParent() {
					goto done
				}
			}
		}
	done:
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*nodes), "ns/node")
}
