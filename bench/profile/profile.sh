#!/usr/bin/env bash
# profile.sh LANG: profile a tswasm parse against the same C compiled natively.
#
#   bench/profile/profile.sh go          # tree-sitter-go on $(go env GOROOT)/src/net/http
#   bench/profile/profile.sh javascript  # tree-sitter-javascript on npm's own .js ($(npm root -g)/npm)
#
# Steps (all outputs in $OUT, default /tmp/tswasm-profile/out):
#  1. npm pack tree-sitter@0.25.1 and the grammar package (as pinned in
#     grammars/manifest.json) into $SRC_DIR (default /tmp/tswasm-profile).
#  2. Build the runtime exactly as internal/runtime/build.sh does, but keep the
#     name section (no --strip-all), and the grammar as internal/grammarbuild
#     does (-Os, as the npm .wasm files are built), with its name section.
#  3. Build bench/profile with -tags perfmap (wazero then writes
#     /tmp/perf-<pid>.map naming every compiled wasm function and block) and
#     the native driver (native/native.c + runtime + grammar, $CC -O2).
#  4. Check that both produce identical trees (-hash), then perf record -e
#     cpu-clock -g both over the same files and rounds, and print the table
#     (perftable.py).
# Environment: ROUNDS (default 6), CC (native compiler, default clang-19 so
# that inlining matches the wasm build; gcc is what cgo uses), OPT (grammar
# optimisation, default -Os), RUNTIME (a runtime .wasm to profile instead of
# building one), GRAMMAR_WASM (likewise for the grammar).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
lang=${1:?usage: profile.sh go|javascript}
SRC_DIR=${SRC_DIR:-/tmp/tswasm-profile}
OUT=${OUT:-$SRC_DIR/out}
ROUNDS=${ROUNDS:-6}
CC=${CC:-clang-19}
OPT=${OPT:--Os}
mkdir -p "$SRC_DIR" "$OUT"
export SRC_DIR

case "$lang" in
go) pkg=tree-sitter-go@0.25.0 dir=$(go env GOROOT)/src/net/http ext=.go ;;
javascript) pkg=tree-sitter-javascript@0.25.0 dir=$(npm root -g)/npm ext=.js ;;
*) echo "profile.sh: unknown language $lang" >&2; exit 2 ;;
esac
MAX=${MAX:-1048576}

fetch() { # npm-spec -> unpacked dir
	local spec=$1 d="$SRC_DIR/${1/@/-}"
	if [ ! -d "$d/package" ]; then
		mkdir -p "$d"
		(cd "$d" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
	fi
	echo "$d/package"
}
ts=$(fetch tree-sitter@0.25.1)/vendor/tree-sitter/lib
gsrc=$(fetch "$pkg")/src

rt=${RUNTIME:-$OUT/runtime-named.wasm}
if [ -z "${RUNTIME:-}" ]; then
	TS="$ts" "$here/build-runtime.sh" "$rt"
fi
gw=${GRAMMAR_WASM:-$OUT/$lang$OPT-named.wasm}
if [ -z "${GRAMMAR_WASM:-}" ]; then
	"$here/build-grammar.sh" "$lang" "$gsrc" "$gw" "$OPT"
fi
(cd "$here/.." && go build -tags perfmap -o "$OUT/tsprof" ./profile)
TS_LIB="$ts" "$here/build-native.sh" "$OUT/native-$lang" "$lang" "$gsrc" "$CC"
for f in "$gsrc/parser.c" "$gsrc/scanner.c"; do
	[ -f "$f" ] && "$CC" -O0 -c -I "$gsrc" -o "$OUT/syms.o" "$f" && nm --defined-only "$OUT/syms.o" | awk '$2 ~ /[tTdD]/ {print $3}'
done >"$OUT/syms-$lang.txt"

find "$dir" -name "*$ext" -type f -size -$((MAX + 1))c | LC_ALL=C sort >"$OUT/files-$lang.txt"
"$OUT/native-$lang" -hash -base "$dir" <"$OUT/files-$lang.txt" | LC_ALL=C sort >"$OUT/native-$lang.hash"
"$OUT/tsprof" -hash -runtime "$rt" -grammar "$gw" -name "$lang" -dir "$dir" -ext "$ext" -max "$MAX" | LC_ALL=C sort >"$OUT/wasm-$lang.hash"
if ! cmp -s "$OUT/native-$lang.hash" "$OUT/wasm-$lang.hash"; then
	echo "profile.sh: native and wasm trees differ:" >&2
	diff "$OUT/native-$lang.hash" "$OUT/wasm-$lang.hash" | head >&2
	exit 1
fi
echo "trees identical on $(wc -l <"$OUT/files-$lang.txt") files; load: $(uptime)"

perf record -q -e cpu-clock -F 999 -g -o "$OUT/wasm-$lang.data" \
	"$OUT/tsprof" -runtime "$rt" -grammar "$gw" -name "$lang" -dir "$dir" -ext "$ext" -max "$MAX" -rounds "$ROUNDS"
perf record -q -e cpu-clock -F 999 -g -o "$OUT/native-$lang.data" \
	"$OUT/native-$lang" -rounds "$ROUNDS" <"$OUT/files-$lang.txt"
python3 "$here/perftable.py" --grammar-syms "$OUT/syms-$lang.txt" "$OUT/wasm-$lang.data" "$OUT/native-$lang.data" | tee "$OUT/table-$lang.md"
