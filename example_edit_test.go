package tswasm_test

import (
	"context"
	"fmt"
	"log"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// Edit a parsed text, reparse it reusing the old tree, and ask which parts
// of the syntax tree changed.
func ExampleTree_Edit() {
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

	src := "package main\n\nfunc main() {\n}\n"
	tree, err := p.Parse(ctx, []byte(src), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tree.Close()
	fmt.Println(tree.RootNode())

	// Insert a statement at the start of row 3 (byte 28): 12 bytes that
	// end at the start of row 4.
	const at, stmt = 28, "\tprintln(1)\n"
	newSrc := src[:at] + stmt + src[at:]
	err = tree.Edit(&tswasm.InputEdit{
		StartByte:      at,
		OldEndByte:     at,
		NewEndByte:     at + uint(len(stmt)),
		StartPosition:  tswasm.Point{Row: 3, Column: 0},
		OldEndPosition: tswasm.Point{Row: 3, Column: 0},
		NewEndPosition: tswasm.Point{Row: 4, Column: 0},
	})
	if err != nil {
		log.Fatal(err)
	}
	newTree, err := p.Parse(ctx, []byte(newSrc), tree)
	if err != nil {
		log.Fatal(err)
	}
	defer newTree.Close()
	fmt.Println(newTree.RootNode())

	// The kinds of the nodes around each byte differ only where the new
	// statement_list lies: from "println" to the newline that ends it. The
	// tab before it is padding inside the block, as before the edit.
	ranges, err := tree.ChangedRanges(newTree)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range ranges {
		fmt.Printf("changed: bytes %d-%d, rows %d-%d: %q\n",
			r.StartByte, r.EndByte, r.StartPoint.Row, r.EndPoint.Row, newSrc[r.StartByte:r.EndByte])
	}
	// Output:
	// (source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list) body: (block)))
	// (source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list) body: (block (statement_list (expression_statement (call_expression function: (identifier) arguments: (argument_list (int_literal))))))))
	// changed: bytes 29-40, rows 3-4: "println(1)\n"
}
