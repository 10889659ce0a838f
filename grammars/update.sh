#!/usr/bin/env bash
# Refreshes the bundled grammars from npm at the versions pinned in
# grammars/manifest.json: npm-packs each package (and those whose queries it
# inherits) into a temporary directory, copies the shipped .wasm or rebuilds
# it from the package's src/ with internal/grammarbuild (origin "built",
# needs clang-19: apt-get install clang-19 lld-19 wasi-libc
# libclang-rt-19-dev-wasm32), copies LICENSE and query files into
# languages/<goPackage>/, loads every wasm with tswasm to record its ABI,
# rewrites the manifest's computed fields and regenerates
# languages/*/spec_gen*.go and languages/all/all_gen.go.
#
# To add a grammar or change a version, edit the hand-written fields of its
# entry in manifest.json (name .. snippet), add languages/<goPackage>/<snippet>,
# run this script, then `go test ./languages/... -run Snippet -update` and read
# the new testdata/snippet.sexp.
#
# Usage: grammars/update.sh [-packages DIR] [-gen] | --check
#   -packages DIR  keep the unpacked npm packages in DIR and reuse them
#   -gen           only regenerate the Go files from manifest.json (offline)
#   --check        (offline) fail if the generated Go files differ from what
#                  -gen writes from manifest.json; the tree is left as it was
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--check" ]; then
  generated() { git ls-files --cached --others --exclude-standard -- 'languages/*/spec_gen*.go' 'languages/all/all_gen.go'; }
  snap=$(mktemp -d)
  before=$(generated)
  for f in $before; do mkdir -p "$snap/$(dirname "$f")"; cp "$f" "$snap/$f"; done
  restore() {
    for f in $(generated); do [ -e "$snap/$f" ] || rm -f "$f"; done
    for f in $before; do cp "$snap/$f" "$f"; done
    rm -rf "$snap"
  }
  trap restore EXIT
  if ! out=$(go run ./grammars/internal/update -gen 2>&1); then echo "$out" >&2; exit 1; fi
  stale=()
  for f in $(generated); do
    if [ ! -e "$snap/$f" ] || ! cmp -s "$f" "$snap/$f"; then stale+=("$f"); fi
  done
  for f in $before; do [ -e "$f" ] || stale+=("$f (no longer generated)"); done
  if [ ${#stale[@]} -gt 0 ]; then
    echo "update.sh --check: generated files differ from grammars/manifest.json; run grammars/update.sh -gen:" >&2
    printf '  %s\n' "${stale[@]}" >&2
    exit 1
  fi
  echo "update.sh --check: $(echo "$before" | wc -w) generated files match grammars/manifest.json"
  exit 0
fi
exec go run ./grammars/internal/update "$@"
