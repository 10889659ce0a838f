#!/usr/bin/env bash
# build-runtime.sh OUT [extra cflags...]: the runtime as internal/runtime/build.sh
# builds it (same sources, exports and flags) but with its name section, for
# profiling. Compiling and linking are separate steps: given an -O flag at
# link time clang runs wasm-opt when binaryen is installed, which the
# committed runtime was not built with.
#   TS     the runtime's lib/ (tree-sitter@0.25.1 vendor/tree-sitter/lib)
#   GLUE   glue.c to use (default internal/runtime/src/glue.c)
#   LIBC   the runtime's amalgamation to compile (default $TS/src/lib.c)
#   EXTRA_SRC  more C files; EXPORTS  exports list; STRIP=-Wl,--strip-all
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=$1
shift
TS=${TS:?TS must name tree-sitter lib/}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
exports=()
while read -r sym; do
	case "$sym" in '' | '#'*) continue ;; esac
	exports+=("-Wl,--export=$sym")
done <"${EXPORTS:-$repo/internal/runtime/exports.txt}"
cf=(--target=wasm32-wasi --sysroot=/usr -O2 -DNDEBUG -I "$TS/include" -I "$TS/src" "$@")
clang-19 "${cf[@]}" -c -o "$w/lib.o" "${LIBC:-$TS/src/lib.c}"
clang-19 "${cf[@]}" -c -o "$w/glue.o" "${GLUE:-$repo/internal/runtime/src/glue.c}"
clang-19 --target=wasm32-wasi -c -o "$w/table.o" "$repo/internal/runtime/src/table.s"
objs=("$w/lib.o" "$w/glue.o" "$w/table.o")
for x in ${EXTRA_SRC:-}; do
	clang-19 "${cf[@]}" -c -o "$w/$(basename "$x").o" "$x"
	objs+=("$w/$(basename "$x").o")
done
clang-19 --target=wasm32-wasi --sysroot=/usr -mexec-model=reactor \
	-Wl,--export-table -Wl,--growable-table -Wl,-z,stack-size=262144 \
	${STRIP:-} "${exports[@]}" -o "$out" "${objs[@]}"
