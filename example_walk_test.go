package tswasm_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// Walk a whole tree with a TreeCursor: every node, named or not, with its
// field name in its parent and its range. The walk reads the tree straight
// from wasm memory, without a call into wasm per node.
func ExampleTree_Walk() {
	ctx := context.Background()
	// The bundled Go grammar, loaded into the default engine (nil).
	lang, err := golang.Language(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	parser, err := tswasm.NewParser(ctx, lang)
	if err != nil {
		log.Fatal(err)
	}
	defer parser.Close()
	src := []byte("package p\n\nvar x = 1 + y\n")
	tree, err := parser.Parse(ctx, src, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tree.Close()

	c := tree.Walk()
	defer c.Close()
	for {
		n := c.Node()
		label := fmt.Sprintf("%q", n.Kind())
		if n.IsNamed() {
			label = n.Kind()
		}
		if f := c.FieldName(); f != "" {
			label = f + ": " + label
		}
		r := n.Range()
		fmt.Printf("%s%s [%d-%d]\n", strings.Repeat("  ", int(c.Depth())), label, r.StartByte, r.EndByte)
		if c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return
			}
		}
	}
	// Output:
	// source_file [0-25]
	//   package_clause [0-9]
	//     "package" [0-7]
	//     package_identifier [8-9]
	//   var_declaration [11-24]
	//     "var" [11-14]
	//     var_spec [15-24]
	//       name: identifier [15-16]
	//       "=" [17-18]
	//       value: expression_list [19-24]
	//         binary_expression [19-24]
	//           left: int_literal [19-20]
	//           operator: "+" [21-22]
	//           right: identifier [23-24]
}

// Iterate over a node's children without a call into wasm per child.
func ExampleNode_Children() {
	ctx := context.Background()
	// The bundled Go grammar, loaded into the default engine (nil).
	lang, err := golang.Language(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	parser, err := tswasm.NewParser(ctx, lang)
	if err != nil {
		log.Fatal(err)
	}
	defer parser.Close()
	src := []byte("package p\n\nfunc f(a, b int, c string) {}\n")
	tree, err := parser.Parse(ctx, src, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tree.Close()

	params := tree.RootNode().NamedChild(1).ChildByFieldName("parameters")
	for decl := range params.NamedChildren(nil) {
		var names []string
		for n := range decl.ChildrenByFieldName("name", nil) {
			names = append(names, n.UTF8Text(src))
		}
		fmt.Println(strings.Join(names, ","), decl.ChildByFieldName("type").UTF8Text(src))
	}
	// Output:
	// a,b int
	// c string
}
