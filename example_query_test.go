package tswasm_test

import (
	"context"
	"fmt"
	"log"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// Run a query over a parsed Go file and print each capture in document
// order, with its name and position. The third pattern uses a predicate:
// only calls of the listed builtins match.
func ExampleQueryCursor_Captures() {
	ctx := context.Background()
	// The bundled Go grammar, loaded into the default engine (nil).
	lang, err := golang.Language(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	p, err := tswasm.NewParser(ctx, lang)
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	src := []byte("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(len(\"hi\"), max(1, 2))\n}\n")
	tree, err := p.Parse(ctx, src, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tree.Close()

	q, err := tswasm.NewQuery(ctx, lang, `
(function_declaration name: (identifier) @function)
(call_expression function: (selector_expression field: (field_identifier) @method))
((call_expression function: (identifier) @builtin) (#any-of? @builtin "len" "cap" "append"))
(interpreted_string_literal) @string
`)
	if err != nil {
		log.Fatal(err)
	}
	defer q.Close()
	qc := tswasm.NewQueryCursor()
	defer qc.Close()

	for r, err := range qc.Captures(ctx, q, tree.RootNode(), src) {
		if err != nil {
			log.Fatal(err)
		}
		c := r.Capture()
		pos := c.Node.StartPosition()
		fmt.Printf("%-8s %-10q %d:%d\n", q.CaptureNameForID(c.Index), c.Node.UTF8Text(src), pos.Row, pos.Column)
	}
	// Output:
	// string   "\"fmt\""  2:7
	// function "main"     4:5
	// method   "Println"  5:5
	// builtin  "len"      5:13
	// string   "\"hi\""   5:17
}
