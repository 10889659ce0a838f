package tswasm_test

import (
	"context"
	"fmt"
	"log"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// Load a grammar, parse a file and look at its syntax tree.
func Example() {
	ctx := context.Background()
	// The bundled Go grammar, loaded into the default engine (nil).
	lang, err := golang.Language(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(lang.Name(), lang.Metadata(), "ABI", lang.ABIVersion())

	parser, err := tswasm.NewParser(ctx, lang)
	if err != nil {
		log.Fatal(err)
	}
	defer parser.Close()
	src := []byte("package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n")
	tree, err := parser.Parse(ctx, src, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tree.Close()

	root := tree.RootNode()
	fmt.Println(root)
	fn := root.NamedChild(1)
	name := fn.ChildByFieldName("name")
	fmt.Printf("%s %q at %v-%v\n", fn.Kind(), name.UTF8Text(src), fn.StartPosition(), fn.EndPosition())
	call := root.NamedDescendantForByteRange(30, 30) // inside "println"
	fmt.Println(call.Kind(), call.Parent().Kind(), call.Parent().UTF8Text(src))
	// Output:
	// go 0.25.0 ABI 15
	// (source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list) body: (block (statement_list (expression_statement (call_expression function: (identifier) arguments: (argument_list (interpreted_string_literal (interpreted_string_literal_content)))))))))
	// function_declaration "main" at {2 0}-{4 1}
	// identifier call_expression println("hi")
}
