package tswasm

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/internal/grammarbuild"
)

// smackerDir is the module directory of the smacker/go-tree-sitter sources.
func smackerDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/smacker/go-tree-sitter").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		skipOrFail(t, "smacker/go-tree-sitter sources not in the module cache (go mod download)")
	}
	return dir
}

// findClang returns clang-19, or skips.
func findClang(t testing.TB) string {
	t.Helper()
	c, err := grammarbuild.FindClang()
	if err != nil {
		skipOrFail(t, err.Error())
	}
	return c
}

// buildGrammar compiles sources into a grammar side module at out.
func buildGrammar(t testing.TB, clang, name string, sources []string, out string) {
	t.Helper()
	err := grammarbuild.Build(context.Background(), grammarbuild.Options{Name: name, Sources: sources, Clang: clang, Out: out})
	require.NoError(t, err)
}
