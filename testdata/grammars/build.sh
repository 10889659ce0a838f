#!/usr/bin/env bash
# build.sh: rebuild the grammar .wasm files in this directory, byte for byte,
# and verify every file against SHA256SUMS.
#
#   testdata/grammars/build.sh           # rebuild/re-download into this directory
#   testdata/grammars/build.sh --check   # build into a temp dir, compare with the
#                                        # committed files, exit 1 on any difference
#
# Environment:
#   TGZ_DIR   directory holding already downloaded npm tarballs
#             (tree-sitter-go-0.25.0.tgz, tree-sitter-wasms-0.1.13.tgz); when a
#             tarball is missing there, `npm pack` fetches it.
#   TSWASM_CLANG  clang to use (default: clang-19 from PATH).
#
# Needs: Go, npm (unless TGZ_DIR has the tarballs), sha256sum, and Debian's
# clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 (1:19.1.7-3~deb12u1 made
# the committed files; another clang release may produce different bytes).
# See MANIFEST.md for where each file comes from.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

SMACKER_MOD=github.com/smacker/go-tree-sitter
SMACKER_VERSION=v0.0.0-20240827094217-dd81d9e9be82
NPM_FILES=(
  # package@version  path-in-package  output-name
  "tree-sitter-go@0.25.0      tree-sitter-go.wasm                 tree-sitter-go-0.25.0.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-javascript.wasm     tree-sitter-wasms-0.1.13-javascript.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-json.wasm           tree-sitter-wasms-0.1.13-json.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-python.wasm         tree-sitter-wasms-0.1.13-python.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-ruby.wasm           tree-sitter-wasms-0.1.13-ruby.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-ql.wasm             tree-sitter-wasms-0.1.13-ql.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-yaml.wasm           tree-sitter-wasms-0.1.13-yaml.wasm"
  "tree-sitter-wasms@0.1.13   out/tree-sitter-elm.wasm            tree-sitter-wasms-0.1.13-elm.wasm"
)
SMACKER_FILES=(
  # smacker-dir  output-name
  "golang      smacker-go.wasm"
  "javascript  smacker-javascript.wasm"
  "python      smacker-python.wasm"
)

check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$check" = 1 ]; then
  out=$work/out
  mkdir -p "$out"
else
  out=$here
fi

# smacker/go-tree-sitter sources: the module from go.mod if it is the pinned
# version, otherwise the pinned version from the module cache/proxy.
smacker=$(cd "$root" && go list -m -f '{{.Version}} {{.Dir}}' "$SMACKER_MOD" 2>/dev/null || true)
if [ "${smacker%% *}" = "$SMACKER_VERSION" ] && [ -n "${smacker#* }" ] && [ -d "${smacker#* }" ]; then
  smacker=${smacker#* }
else
  smacker=$(cd "$root" && go mod download -json "$SMACKER_MOD@$SMACKER_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
fi
if [ -z "$smacker" ] || [ ! -d "$smacker" ]; then
  echo "build.sh: cannot find $SMACKER_MOD@$SMACKER_VERSION" >&2
  exit 1
fi

(cd "$root" && go build -o "$work/build-grammar" ./internal/cmd/build-grammar)
for entry in "${SMACKER_FILES[@]}"; do
  read -r dir name <<<"$entry"
  "$work/build-grammar" -o "$out/$name" "$smacker/$dir"
done

mkdir -p "$work/npm"
for entry in "${NPM_FILES[@]}"; do
  read -r pkg path name <<<"$entry"
  tgz=$(echo "$pkg" | sed 's/@/-/').tgz
  if [ ! -f "$work/npm/$tgz" ]; then
    if [ -n "${TGZ_DIR:-}" ] && [ -f "$TGZ_DIR/$tgz" ]; then
      cp "$TGZ_DIR/$tgz" "$work/npm/$tgz"
    else
      (cd "$work/npm" && npm pack --silent "$pkg" >/dev/null)
    fi
  fi
  tar -xzf "$work/npm/$tgz" -C "$work/npm" -O "package/$path" >"$out/$name"
done

# Every file listed in SHA256SUMS must match, and MANIFEST.md must quote the
# same hashes.
(cd "$out" && sha256sum -c --quiet "$here/SHA256SUMS")
while read -r sum name; do
  grep -q "$sum" "$here/MANIFEST.md" || { echo "build.sh: MANIFEST.md lacks the sha256 of $name" >&2; exit 1; }
done <"$here/SHA256SUMS"

if [ "$check" = 1 ]; then
  status=0
  for f in "$out"/*.wasm; do
    name=$(basename "$f")
    if ! cmp -s "$f" "$here/$name"; then
      echo "build.sh: $name differs from the committed file" >&2
      status=1
    fi
  done
  for f in "$here"/*.wasm; do
    [ -f "$out/$(basename "$f")" ] || { echo "build.sh: $(basename "$f") is not produced by build.sh" >&2; status=1; }
  done
  [ "$status" = 0 ] && echo "build.sh: all grammar files match"
  exit "$status"
fi
echo "build.sh: all grammar files rebuilt and verified"
