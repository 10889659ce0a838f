// MIGRATING.md covers every exported function and method of the official
// go-tree-sitter binding and of smacker's: a check against their source.
package difftest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The bindings MIGRATING.md maps, the heading of each one's section, and the
// number of exported functions and methods `go doc -all` lists for each.
var migratingBindings = []struct {
	module, heading string
	want            int
}{
	{"github.com/tree-sitter/go-tree-sitter@v0.25.0", "## From github.com/tree-sitter/go-tree-sitter v0.25.0", 176},
	{"github.com/smacker/go-tree-sitter@v0.0.0-20240827094217-dd81d9e9be82", "## From github.com/smacker/go-tree-sitter", 86},
}

// moduleDir downloads module@version into the module cache (go.mod and
// go.sum unchanged) and returns its directory.
func moduleDir(t *testing.T, modVersion string) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", modVersion).Output()
	var info struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &info)
	}
	if err != nil || info.Dir == "" {
		skipOrFail(t, fmt.Sprintf("go mod download %s failed: %v %s", modVersion, err, info.Error))
	}
	return info.Dir
}

// exportedFuncs returns the exported functions and the exported methods of
// exported types of the package in dir, as "Name" and "Type.Method", for
// the files that build on this platform with cgo.
func exportedFuncs(t *testing.T, dir string) []string {
	t.Helper()
	ctx := build.Default
	ctx.CgoEnabled = true
	pkg, err := ctx.ImportDir(dir, 0)
	require.NoError(t, err)
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, name := range append(pkg.GoFiles, pkg.CgoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		require.NoError(t, err, name)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			key := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				typ := fd.Recv.List[0].Type
				if star, ok := typ.(*ast.StarExpr); ok {
					typ = star.X
				}
				id, ok := typ.(*ast.Ident)
				if !ok || !id.IsExported() {
					continue
				}
				key = id.Name + "." + key
			}
			seen[key] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// migratingRow matches a table row whose first cell is one backquoted name.
var migratingRow = regexp.MustCompile("^\\| `([A-Za-z_][A-Za-z0-9_.]*)` \\|")

// migratingNames returns the first-column names of the table rows in the
// section of MIGRATING.md under heading (up to the next "## " heading).
func migratingNames(t *testing.T, heading string) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "MIGRATING.md"))
	require.NoError(t, err)
	defer f.Close()
	names := map[string]bool{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			in = line == heading
			continue
		}
		if m := migratingRow.FindStringSubmatch(line); in && m != nil {
			names[m[1]] = true
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, names, "no table rows under %q in MIGRATING.md", heading)
	return names
}

// TestMigratingCoversBindings fails when an exported function or method of
// either binding has no row in MIGRATING.md, or when a row names something
// the binding does not have.
func TestMigratingCoversBindings(t *testing.T) {
	for _, b := range migratingBindings {
		t.Run(b.module, func(t *testing.T) {
			api := exportedFuncs(t, moduleDir(t, b.module))
			require.Len(t, api, b.want, "exported functions and methods (go doc -all lists %d)", b.want)
			doc := migratingNames(t, b.heading)
			var missing []string
			for _, name := range api {
				if !doc[name] {
					missing = append(missing, name)
				}
				delete(doc, name)
			}
			require.Empty(t, missing, "MIGRATING.md does not map these names of %s", b.module)
			// Rows that are not functions or methods: types and constants.
			for name := range doc {
				require.NotContains(t, name, ".", "MIGRATING.md maps %s, which %s does not export", name, b.module)
			}
			t.Logf("%s: all %d exported functions and methods mapped", b.module, len(api))
		})
	}
}

// tswasmNames returns the exported names of the root package: functions,
// types, constants, variables, and Type.Member for methods and struct fields.
func tswasmNames(t *testing.T) map[string]bool {
	t.Helper()
	pkg, err := build.Default.ImportDir("..", 0)
	require.NoError(t, err)
	fset := token.NewFileSet()
	names := map[string]bool{}
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join("..", name), nil, parser.SkipObjectResolution)
		require.NoError(t, err, name)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				key := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					typ := d.Recv.List[0].Type
					if star, ok := typ.(*ast.StarExpr); ok {
						typ = star.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						key = id.Name + "." + key
					}
				}
				names[key] = true
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						names[sp.Name.Name] = true
						if st, ok := sp.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									names[sp.Name.Name+"."+n.Name] = true
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return names
}

// migratingCode matches a backquoted span; migratingIdent an exported
// identifier, or Type.Member, not preceded by a package qualifier.
var (
	migratingCode  = regexp.MustCompile("`([^`]*)`")
	migratingIdent = regexp.MustCompile(`(^|[^A-Za-z0-9_./])([A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)?)`)
)

// TestMigratingNamesExist fails when the tswasm column of MIGRATING.md's
// tables names something the root package does not export.
func TestMigratingNamesExist(t *testing.T) {
	api := tswasmNames(t)
	data, err := os.ReadFile(filepath.Join("..", "MIGRATING.md"))
	require.NoError(t, err)
	var missing []string
	checked := 0
	for line := range strings.Lines(string(data)) {
		cells := strings.Split(line, "|")
		if !strings.HasPrefix(line, "| `") || len(cells) < 4 {
			continue
		}
		for _, code := range migratingCode.FindAllStringSubmatch(cells[2], -1) {
			span := strings.TrimPrefix(code[1], "tswasm.")
			if strings.Contains(span, "languages/") || strings.Contains(span, "{") {
				continue // a package path, or a struct literal's field list
			}
			for _, m := range migratingIdent.FindAllStringSubmatch(span, -1) {
				if strings.Contains(m[2], "_") && m[2] == strings.ToUpper(m[2]) {
					continue // an environment variable or a C constant
				}
				checked++
				if !api[m[2]] {
					missing = append(missing, m[2]+" (in "+code[1]+")")
				}
			}
		}
	}
	require.Positive(t, checked)
	require.Empty(t, missing, "MIGRATING.md names these, which tswasm does not export")
	t.Logf("%d tswasm names in MIGRATING.md, all exported", checked)
}
