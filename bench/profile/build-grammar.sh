#!/usr/bin/env bash
# build-grammar.sh NAME SRC_DIR OUT OPT [extra cflags...]: a grammar side module
# built with internal/grammarbuild's flags at optimisation OPT (-Os, -O2),
# keeping the name section unless GRSTRIP=-Wl,--strip-all.
set -euo pipefail
name=$1 src=$2 out=$3 opt=$4
shift 4
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
objs=()
for f in "$src/parser.c" "$src/scanner.c"; do
	[ -f "$f" ] || continue
	clang-19 --target=wasm32-wasi --sysroot=/usr -fPIC "$opt" -fno-exceptions -fvisibility=hidden -fno-ident \
		-Dts_malloc=malloc -Dts_calloc=calloc -Dts_realloc=realloc -Dts_free=free -I "$src" "$@" \
		-c -o "$w/$(basename "$f").o" "$f"
	objs+=("$w/$(basename "$f").o")
done
clang-19 --target=wasm32-wasi -fPIC -shared -nostdlib -Wl,--experimental-pic -Wl,--allow-undefined -Wl,--no-entry \
	${GRSTRIP:-} "-Wl,--export=tree_sitter_$name" -o "$out" "${objs[@]}"
