#!/usr/bin/env bash
# Cross-checks the bundled grammars and golden trees on tree-sitter's own
# web binding (npm web-tree-sitter, pinned below) under Node: same wasm
# files, independent runtime. Needs node and npm; not part of go test.
# --update rewrites each language's testdata/highlights.golden from it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund web-tree-sitter@0.25.10 >/dev/null
cp "$root/grammars/crosscheck.mjs" .
node crosscheck.mjs "$root" "$@"
