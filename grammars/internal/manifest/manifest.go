// Package manifest reads and writes grammars/manifest.json, the record of
// every grammar bundled under languages/, and generates the Go files of the
// per-language packages from it.
//
// The manifest is both the input and the output of grammars/update.sh: the
// fields marked "input" below are edited by hand (which npm package, which
// version, how to detect the language); the update tool fills in the rest
// (hashes, ABI, license, resolved query files) from the npm packages.
package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"regexp"
	"slices"
)

// Origins of a bundled wasm file.
const (
	OriginShipped = "shipped" // copied unchanged from the npm package
	OriginBuilt   = "built"   // compiled here from the npm package's src/
)

// QueryKinds are the query files bundled, in the order they are listed.
var QueryKinds = []string{"highlights", "injections", "locals", "tags"}

// Manifest is the whole of grammars/manifest.json.
type Manifest struct {
	// Comment is free text for humans reading the file.
	Comment []string `json:"comment,omitempty"`
	// Grammars are sorted by Name.
	Grammars []*Grammar `json:"grammars"`
}

// Grammar is one bundled language.
type Grammar struct {
	// Name is the canonical registry name (input).
	Name string `json:"name"`
	// Grammar is the <name> of the tree_sitter_<name> export (input).
	Grammar string `json:"grammar"`
	// Title is the display name, such as "C#" (input).
	Title string `json:"title"`
	// GoPackage is the package under languages/ (input).
	GoPackage string `json:"goPackage"`
	// Package and Version pin the npm package (input).
	Package string `json:"package"`
	Version string `json:"version"`
	// WasmFrom is the path of the shipped .wasm inside the package (input).
	WasmFrom string `json:"wasmFrom"`
	// Origin is OriginShipped or OriginBuilt (input).
	Origin string `json:"origin"`
	// SrcDir is the grammar directory inside the package, holding src/
	// and, for multi-grammar packages, the grammar's tree-sitter.json path
	// (input; "" is the package root).
	SrcDir string `json:"srcDir,omitempty"`
	// Opt is the clang optimisation flag for a built wasm, appended to
	// internal/grammarbuild's flags (input; "" keeps grammarbuild's -Os).
	// The benchmarked grammars use -O2: wazero does no inlining of its own.
	Opt string `json:"opt,omitempty"`
	// Deps pins the npm packages whose query files this grammar's
	// tree-sitter.json pulls in through node_modules/ (input).
	Deps map[string]string `json:"deps,omitempty"`
	// QueryPaths overrides the query files taken from tree-sitter.json,
	// per kind, in the same path syntax (input, optional).
	QueryPaths map[string][]string `json:"queryPaths,omitempty"`
	// Detection data (input).
	Aliases    []string `json:"aliases,omitempty"`
	Extensions []string `json:"extensions,omitempty"`
	Filenames  []string `json:"filenames,omitempty"`
	Shebangs   []string `json:"shebangs,omitempty"`
	// Snippet is the test input, relative to the Go package directory
	// (input).
	Snippet string `json:"snippet"`

	// License is the package.json license field.
	License string `json:"license"`
	// ABI is the grammar's ABI version, read by loading the wasm.
	ABI uint32 `json:"abi"`
	// Wasm is the bundled wasm file.
	Wasm File `json:"wasm"`
	// Build records how a built wasm was made; nil for shipped ones.
	Build *Build `json:"build,omitempty"`
	// LicenseFiles are the package's license texts, and those of Deps.
	LicenseFiles []Part `json:"licenseFiles"`
	// Queries maps a query kind to its parts, concatenated in order.
	Queries map[string][]Part `json:"queries,omitempty"`
	// Inherits lists the package@version of Deps that Queries use.
	Inherits []string `json:"inherits,omitempty"`
}

// File is a bundled file, relative to the Go package directory.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Part is a file copied unchanged from an npm package.
type Part struct {
	// Path is where the copy lives, relative to the Go package directory.
	Path string `json:"path"`
	// Package, Version and From say where it was copied from.
	Package string `json:"package"`
	Version string `json:"version"`
	From    string `json:"from"`
	SHA256  string `json:"sha256"`
}

// Build is the recipe of a built wasm.
type Build struct {
	// Command rebuilds the wasm from the unpacked npm package.
	Command string `json:"command"`
	// Compiler is the first line of `clang --version`.
	Compiler string `json:"compiler"`
	// CompileFlags and LinkFlags are internal/grammarbuild's flags.
	CompileFlags []string `json:"compileFlags"`
	LinkFlags    []string `json:"linkFlags"`
	// Shipped describes the wasm the package ships, and Reason why it was
	// not used.
	ShippedABI    uint32 `json:"shippedAbi"`
	ShippedSHA256 string `json:"shippedSha256"`
	Reason        string `json:"reason"`
}

// Dir is the grammar's Go package directory relative to the repository root.
func (g *Grammar) Dir() string { return "languages/" + g.GoPackage }

// Files lists every bundled file of g: wasm, license texts and queries.
func (g *Grammar) Files() []File {
	fs := []File{g.Wasm}
	for _, p := range g.LicenseFiles {
		fs = append(fs, File{Path: p.Path, SHA256: p.SHA256, Size: -1})
	}
	for _, k := range QueryKinds {
		for _, p := range g.Queries[k] {
			fs = append(fs, File{Path: p.Path, SHA256: p.SHA256, Size: -1})
		}
	}
	return fs
}

var (
	nameRE  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	pkgRE   = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	hexRE   = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// Validate checks the input fields of every grammar, and the output fields
// that are present.
func (m *Manifest) Validate() error {
	names := map[string]bool{}
	pkgs := map[string]bool{}
	for i, g := range m.Grammars {
		where := fmt.Sprintf("grammar %d (%q)", i, g.Name)
		switch {
		case !nameRE.MatchString(g.Name):
			return fmt.Errorf("%s: bad name", where)
		case !identRE.MatchString(g.Grammar):
			return fmt.Errorf("%s: bad grammar %q", where, g.Grammar)
		case !pkgRE.MatchString(g.GoPackage):
			return fmt.Errorf("%s: bad goPackage %q", where, g.GoPackage)
		case g.Package == "" || g.Version == "" || g.Title == "" || g.Snippet == "":
			return fmt.Errorf("%s: package, version, title and snippet are required", where)
		case g.Origin != OriginShipped && g.Origin != OriginBuilt:
			return fmt.Errorf("%s: origin %q is neither %q nor %q", where, g.Origin, OriginShipped, OriginBuilt)
		case names[g.Name] || pkgs[g.GoPackage]:
			return fmt.Errorf("%s: duplicate name or goPackage", where)
		case g.Wasm.SHA256 != "" && !hexRE.MatchString(g.Wasm.SHA256):
			return fmt.Errorf("%s: bad wasm sha256", where)
		case (g.Origin == OriginBuilt) != (g.Build != nil) && g.Wasm.SHA256 != "":
			return fmt.Errorf("%s: build recipe present iff origin is built", where)
		}
		names[g.Name] = true
		pkgs[g.GoPackage] = true
		if i > 0 && m.Grammars[i-1].Name >= g.Name {
			return fmt.Errorf("%s: grammars must be sorted by name", where)
		}
	}
	return nil
}

// Read parses and validates the manifest at path.
func Read(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &m, nil
}

// Marshal renders m as indented JSON with a final newline.
func (m *Manifest) Marshal() ([]byte, error) {
	slices.SortFunc(m.Grammars, func(a, b *Grammar) int {
		if a.Name < b.Name {
			return -1
		} else if a.Name > b.Name {
			return 1
		}
		return 0
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// BuildFlags are the clang flags a built wasm adds to internal/grammarbuild's
// CompileFlags: Opt, if set.
func (g *Grammar) BuildFlags() []string {
	if g.Opt == "" {
		return nil
	}
	return []string{g.Opt}
}

// BuildCommand is the command that rebuilds g's wasm from the npm package
// unpacked at src.
func (g *Grammar) BuildCommand(src string) string {
	opt := ""
	if g.Opt != "" {
		opt = " -opt " + g.Opt
	}
	return fmt.Sprintf("go run ./internal/cmd/build-grammar -name %s%s -o %s/%s %s", g.Grammar, opt, g.Dir(), path.Base(g.WasmFrom), src)
}
