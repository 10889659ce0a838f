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
# Usage: grammars/update.sh [-packages DIR] [-gen]
#   -packages DIR  keep the unpacked npm packages in DIR and reuse them
#   -gen           only regenerate the Go files from manifest.json (offline)
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./grammars/internal/update "$@"
