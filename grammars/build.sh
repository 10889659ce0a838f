#!/usr/bin/env bash
# Checks that the bundled grammars built here (manifest origin "built": the
# benchmarked languages, compiled at -O2 from their npm packages' src/ with
# internal/grammarbuild) rebuild byte for byte. Needs npm and clang-19
# (apt-get install clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32).
#
# Usage: grammars/build.sh --check [-packages DIR] [-only NAME,...] [-o DIR]
#
# grammars/update.sh is what rebuilds them and rewrites the manifest: set a
# grammar's "origin" to "built" and its "opt" (e.g. "-O2") in
# grammars/manifest.json, then run it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--check" ]; then
	echo "usage: grammars/build.sh --check [-packages DIR] [-only NAME,...] [-o DIR] (grammars/update.sh rebuilds)" >&2
	exit 2
fi
shift
exec go run ./grammars/internal/rebuild "$@"
