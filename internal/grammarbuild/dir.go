package grammarbuild

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// Sources finds a grammar's sources in dir, which is either a grammar
// repository (src/parser.c) or a flat directory holding parser.c, as in
// smacker/go-tree-sitter. It returns parser.c plus scanner.c, or scanner.cc
// when there is no scanner.c.
func Sources(dir string) ([]string, error) {
	src := filepath.Join(dir, "src")
	if !exists(filepath.Join(src, "parser.c")) {
		src = dir
	}
	parser := filepath.Join(src, "parser.c")
	if !exists(parser) {
		return nil, fmt.Errorf("grammarbuild: no parser.c in %s or %s", dir, filepath.Join(dir, "src"))
	}
	srcs := []string{parser}
	for _, s := range []string{"scanner.c", "scanner.cc"} {
		if p := filepath.Join(src, s); exists(p) {
			srcs = append(srcs, p)
			break
		}
	}
	return srcs, nil
}

var languageFuncRE = regexp.MustCompile(`TSLanguage\s*\*\s*tree_sitter_([A-Za-z0-9_]+)\s*\(\s*void\s*\)\s*\{`)

// NameFromParser returns the <name> of the tree_sitter_<name> function that
// parser.c defines.
func NameFromParser(parserC string) (string, error) {
	b, err := os.ReadFile(parserC)
	if err != nil {
		return "", fmt.Errorf("grammarbuild: %v", err)
	}
	ms := languageFuncRE.FindAllSubmatch(b, -1)
	if len(ms) != 1 {
		return "", fmt.Errorf("grammarbuild: %s defines %d tree_sitter_<name>(void) functions, want 1", parserC, len(ms))
	}
	return string(ms[0][1]), nil
}

// nameFromJSON reads the grammar name from tree-sitter.json (single grammar)
// or src/grammar.json in dir.
func nameFromJSON(dir string) (string, error) {
	if b, err := os.ReadFile(filepath.Join(dir, "tree-sitter.json")); err == nil {
		var tj struct {
			Grammars []struct {
				Name string `json:"name"`
			} `json:"grammars"`
		}
		if err := json.Unmarshal(b, &tj); err == nil && len(tj.Grammars) == 1 && tj.Grammars[0].Name != "" {
			return tj.Grammars[0].Name, nil
		}
	}
	for _, p := range []string{filepath.Join(dir, "src", "grammar.json"), filepath.Join(dir, "grammar.json")} {
		if b, err := os.ReadFile(p); err == nil {
			var g struct {
				Name string `json:"name"`
			}
			if err := json.Unmarshal(b, &g); err == nil && g.Name != "" {
				return g.Name, nil
			}
		}
	}
	return "", errors.New("grammarbuild: no grammar name in tree-sitter.json or grammar.json")
}

// BuildDir builds the grammar in srcDir (see Sources) into out. When name is
// empty it is taken from the tree_sitter_<name> function in parser.c, or
// failing that from tree-sitter.json or grammar.json. A name that does not
// match parser.c's function is an error.
func BuildDir(ctx context.Context, srcDir, name, out string) error {
	return BuildDirOptions(ctx, srcDir, Options{Name: name, Out: out})
}

// BuildDirOptions is BuildDir with the remaining Options (Clang, IncludeDirs,
// ExtraFlags, Log) taken from o. o.Sources must be empty.
func BuildDirOptions(ctx context.Context, srcDir string, o Options) error {
	if len(o.Sources) != 0 {
		return errors.New("grammarbuild: BuildDirOptions: Options.Sources must be empty")
	}
	srcs, err := Sources(srcDir)
	if err != nil {
		return err
	}
	parserName, perr := NameFromParser(srcs[0])
	switch {
	case o.Name == "" && perr == nil:
		o.Name = parserName
	case o.Name == "":
		if o.Name, err = nameFromJSON(srcDir); err != nil {
			return fmt.Errorf("%v; and %v", perr, err)
		}
	case perr == nil && o.Name != parserName:
		return fmt.Errorf("grammarbuild: name %q does not match %s, which defines tree_sitter_%s", o.Name, srcs[0], parserName)
	}
	o.Sources = srcs
	// parser.c's directory, for headers outside it that include
	// "tree_sitter/parser.h" (tree-sitter-typescript's common/scanner.h).
	o.IncludeDirs = append(o.IncludeDirs, filepath.Dir(srcs[0]))
	return Build(ctx, o)
}
