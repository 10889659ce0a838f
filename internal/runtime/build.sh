#!/usr/bin/env bash
# build.sh: rebuild tree-sitter.wasm, byte for byte, from pinned inputs.
#
#   internal/runtime/build.sh            # writes internal/runtime/tree-sitter.wasm
#   internal/runtime/build.sh --check    # builds into a temp dir and compares
#   TS_SRC=/path/to/tree-sitter/lib internal/runtime/build.sh   # use an unpacked source tree
#
# Inputs: the tree-sitter C runtime 0.25.10, src/stack-node-new.patch, src/glue.c, src/layout.h
# (generated from internal/abi/layout.go), src/table.s and exports.txt beside
# this script, and Debian's clang-19, lld-19, wasi-libc and
# libclang-rt-19-dev-wasm32.
#
# The C sources come from the npm package of the Node binding,
# tree-sitter@0.25.1 (sha256 of the tarball pinned below): its
# vendor/tree-sitter/lib is byte for byte the lib/ of tree-sitter's v0.25.10
# tag (src/ and include/; checked with diff -r against the tag). The
# binding's own version number is not the C runtime's. No npm package carries
# a later 0.25.x lib/ whole (web-tree-sitter ships lib/*.c without the
# headers).
#
# To move to another tree-sitter release: change the package and hash here,
# rebuild, then follow ARCHITECTURE.md ("A new tree-sitter release").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
TS_VERSION=0.25.10 # the C runtime's release
NPM_PACKAGE=tree-sitter@0.25.1
NPM_TARBALL=tree-sitter-0.25.1.tgz
NPM_SHA256=07aeba8dd71630e7e72b2d4ca3bd2680c3471824100cc5ebff44e78a6ed0b6d3

check=0
[ "${1:-}" = "--check" ] && check=1

CLANG=${CLANG:-$(command -v clang-19 || true)}
if [ -z "$CLANG" ]; then
  echo "build.sh: clang-19 not found; install: apt-get install -y clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32" >&2
  exit 3
fi
SYSROOT=${WASI_SYSROOT:-/usr}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${TS_SRC:-}" ]; then
  (cd "$work" && npm pack --silent "$NPM_PACKAGE" >/dev/null)
  echo "$NPM_SHA256  $work/$NPM_TARBALL" | sha256sum -c --quiet
  tar xzf "$work/$NPM_TARBALL" -C "$work"
  TS_SRC=$work/package/vendor/tree-sitter/lib
fi

# Copy every input to one fixed path so that nothing in the output depends on
# where this ran.
src=$work/src
mkdir -p "$src"
cp -r "$TS_SRC/src" "$src/lib"
cp -r "$TS_SRC/include" "$src/include"
cp "$here/src/glue.c" "$here/src/layout.h" "$here/src/table.s" "$src/"
# Our one change to tree-sitter's C: stack_node_new sets fields one by one
# instead of zero-filling the whole node (a memset per stack push on wasm32;
# see bench/PROFILE.md). Trees are unchanged (difftest/).
patch -s -p2 -d "$src/lib" < "$here/src/stack-node-new.patch"

exports=()
while read -r sym _; do
  case "$sym" in ''|'#'*) continue ;; esac
  exports+=("-Wl,--export=$sym")
done < "$here/exports.txt"

out=$work/tree-sitter.wasm
cd "$src"
# Compile and link in separate steps: given an -O flag at link time, clang
# runs wasm-opt from PATH when binaryen is installed, which would make the
# output depend on whether binaryen is present.
cflags=(--target=wasm32-wasi --sysroot="$SYSROOT" -O2 -DNDEBUG -ffile-prefix-map="$src"=. -fno-ident -I include -I lib)
"$CLANG" "${cflags[@]}" -c -o lib.o lib/lib.c
"$CLANG" "${cflags[@]}" -c -o glue.o glue.c
"$CLANG" --target=wasm32-wasi -c -o table.o table.s
"$CLANG" --target=wasm32-wasi --sysroot="$SYSROOT" \
  -mexec-model=reactor \
  -Wl,--export-table -Wl,--growable-table \
  -Wl,-z,stack-size=262144 -Wl,--stack-first \
  -Wl,--strip-all \
  "${exports[@]}" \
  -o "$out" lib.o glue.o table.o

if [ "$check" = 1 ]; then
  if cmp -s "$out" "$here/tree-sitter.wasm"; then
    echo "build.sh: tree-sitter.wasm (tree-sitter $TS_VERSION) is reproducible ($(wc -c < "$out") bytes)"
  else
    echo "build.sh: rebuilt tree-sitter.wasm differs from the committed one" >&2
    exit 1
  fi
else
  cp "$out" "$here/tree-sitter.wasm"
  echo "build.sh: wrote $here/tree-sitter.wasm (tree-sitter $TS_VERSION, $(wc -c < "$out") bytes)"
fi
