#!/usr/bin/env bash
# build.sh TS_LIB GRAMMAR_NAME GRAMMAR_SRC OUTDIR: the "lexer callbacks without
# call_indirect" experiment of bench/PROFILE.md. Builds OUTDIR/runtime-direct.wasm
# (the runtime with direct.c's four exports) and OUTDIR/NAME-direct.wasm (the
# grammar at -O2 with its lexer->advance/eof/mark_end/get_column calls rewritten
# to those imports). Compare with bench/profile -runtime ... -grammar ...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
ts=$1 name=$2 gsrc=$3 out=$4
mkdir -p "$out"
(cat "$repo/internal/runtime/exports.txt"; printf 'tswasm_lexer_advance\ntswasm_lexer_mark_end\ntswasm_lexer_eof\ntswasm_lexer_get_column\n') >"$out/exports.txt"
TS=$ts LIBC=$here/direct.c EXPORTS=$out/exports.txt STRIP=-Wl,--strip-all "$here/../build-runtime.sh" "$out/runtime-direct.wasm"
rm -rf "$out/$name-src" && cp -r "$gsrc" "$out/$name-src"
for f in "$out/$name-src"/parser.c "$out/$name-src"/scanner.c "$out/$name-src"/tree_sitter/parser.h; do
	[ -f "$f" ] && sed -i -E 's/lexer->advance\(lexer, */tswasm_lexer_advance(lexer, /g; s/lexer->eof\(lexer\)/tswasm_lexer_eof(lexer)/g; s/lexer->mark_end\(lexer\)/tswasm_lexer_mark_end(lexer)/g; s/lexer->get_column\(lexer\)/tswasm_lexer_get_column(lexer)/g' "$f"
done
GRSTRIP=-Wl,--strip-all "$here/../build-grammar.sh" "$name" "$out/$name-src" "$out/$name-direct.wasm" -O2 -include "$here/tswasm_lexer.h"
