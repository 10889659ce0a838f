#!/usr/bin/env bash
# difftrees.sh NAME A.wasm B.wasm EXT DIR...: parse every *EXT file under each
# DIR with grammar build A and grammar build B (same runtime) and compare the
# trees: node count, FNV-1a of the S-expression and has-error per file
# (bench/profile -hash). Exits 1 on any difference.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=$1 a=$2 b=$3 ext=$4
shift 4
bin=${TSPROF:-$(mktemp -d)/tsprof}
[ -x "$bin" ] || (cd "$here/.." && go build -o "$bin" ./profile)
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
files=0 bytes=0
for d in "$@"; do
	"$bin" -hash -grammar "$a" -name "$name" -dir "$d" -ext "$ext" -max "${MAX:-1048576}" ${RUNTIME:+-runtime "$RUNTIME"} >"$w/a" 2>"$w/a.err"
	"$bin" -hash -grammar "$b" -name "$name" -dir "$d" -ext "$ext" -max "${MAX:-1048576}" ${RUNTIME:+-runtime "$RUNTIME"} >"$w/b" 2>/dev/null
	if ! cmp -s "$w/a" "$w/b"; then
		echo "difftrees: $name: trees differ under $d:" >&2
		diff "$w/a" "$w/b" | head >&2
		exit 1
	fi
	n=$(wc -l <"$w/a")
	files=$((files + n))
	bytes=$((bytes + $(sed -E 's/^([0-9]+) files, ([0-9]+) bytes.*/\2/' "$w/a.err")))
	echo "difftrees: $name: $n files under $d: identical ($(awk '$4=="true"' "$w/a" | wc -l) with errors)"
done
echo "difftrees: $name: $files files, $bytes bytes: all trees identical"
