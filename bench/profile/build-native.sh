#!/usr/bin/env bash
# build-native.sh OUT NAME GRAMMAR_SRC [CC]: native.c + the tree-sitter runtime
# + a grammar's parser.c and scanner.c, compiled natively at -O2 with symbols
# (-g, frame pointers for perf --call-graph), as the cgo bindings compile them.
#   TS_LIB   the runtime's lib/ directory (default: npm tree-sitter@0.25.1's
#            vendor/tree-sitter/lib, unpacked by fetch-sources.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1 name=$2 gsrc=$3 cc=${4:-gcc}
TS_LIB=${TS_LIB:?TS_LIB must name tree-sitter lib/}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
flags=(-O2 -g -fno-omit-frame-pointer -DNDEBUG)
"$cc" "${flags[@]}" -I "$TS_LIB/include" -I "$TS_LIB/src" -c -o "$w/lib.o" "$TS_LIB/src/lib.c"
objs=("$w/lib.o")
for f in "$gsrc/parser.c" "$gsrc/scanner.c"; do
  [ -f "$f" ] || continue
  "$cc" "${flags[@]}" -I "$gsrc" -c -o "$w/$(basename "$f").o" "$f"
  objs+=("$w/$(basename "$f").o")
done
"$cc" "${flags[@]}" -I "$TS_LIB/include" -DLANG_FN="tree_sitter_$name" -c -o "$w/native.o" "$here/native/native.c"
"$cc" -o "$out" "$w/native.o" "${objs[@]}"
