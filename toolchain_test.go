package tswasm

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tswasm/tswasm/internal/grammarbuild"
)

// smackerModule is the smacker/go-tree-sitter version whose grammar sources
// the tests build (the one testdata/grammars/build.sh pins). The root module
// does not require it; the differential tests that link it live in difftest/.
const smackerModule = "github.com/smacker/go-tree-sitter@v0.0.0-20240827094217-dd81d9e9be82"

// smackerDir is the module directory of the smacker/go-tree-sitter sources,
// downloaded into the module cache if needed (go.mod and go.sum unchanged).
func smackerDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", smackerModule).Output()
	var info struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &info)
	}
	if err != nil || info.Dir == "" {
		skipOrFail(t, fmt.Sprintf("go mod download %s failed: %v %s", smackerModule, err, info.Error))
	}
	return info.Dir
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
