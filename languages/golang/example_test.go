package golang_test

import (
	"context"
	"fmt"
	"log"

	"github.com/tswasm/tswasm"
	"github.com/tswasm/tswasm/languages/golang"
)

// Parse a Go file with the bundled grammar.
func Example() {
	ctx := context.Background()
	engine, err := tswasm.NewEngine(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer engine.Close()

	lang, err := golang.Language(ctx, engine)
	if err != nil {
		log.Fatal(err)
	}
	parser, err := engine.NewParser(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer parser.Close()
	if err := parser.SetLanguage(ctx, lang); err != nil {
		log.Fatal(err)
	}
	tree, err := parser.Parse(ctx, []byte("package main\n\nfunc main() {}\n"), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tree.Close()

	fmt.Println(golang.Spec.Package, golang.Spec.Version, "ABI", lang.ABIVersion())
	fmt.Println(tree.RootNode())
	// Output:
	// tree-sitter-go 0.25.0 ABI 15
	// (source_file (package_clause (package_identifier)) (function_declaration name: (identifier) parameters: (parameter_list) body: (block)))
}
