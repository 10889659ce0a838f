package runtime

import (
	"os"
	"os/exec"
	"testing"
)

// TestReproducible rebuilds tree-sitter.wasm from its pinned inputs and
// checks that the bytes match the committed file.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("rebuild skipped in -short mode")
	}
	if _, err := exec.LookPath("clang-19"); err != nil {
		if os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" {
			t.Fatal("clang-19 is required (TSWASM_REQUIRE_TOOLCHAIN=1) but not found")
		}
		t.Skip("clang-19 not found; install clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 to run this test")
	}
	if _, err := exec.LookPath("npm"); err != nil && os.Getenv("TS_SRC") == "" {
		if os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" {
			t.Fatal("npm (or TS_SRC) is required to fetch the tree-sitter sources")
		}
		t.Skip("npm not found and TS_SRC unset")
	}
	out, err := exec.Command("bash", "build.sh", "--check").CombinedOutput()
	if err != nil {
		t.Fatalf("build.sh --check: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
