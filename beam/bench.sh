#!/bin/sh
# bench.sh: the tswasm-beam pipeline on prism against `tswasm parse -j 2` over
# the same files (default: GOROOT/src), alternating runs; prints wall time,
# CPU time, MB/s and MB/s per CPU-second for each, and the ratio.
#   usage: beam/bench.sh [DIR] [RUNS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$(go env GOROOT)/src}
runs=${2:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$here/.." && go build -o "$tmp/tswasm" ./cmd/tswasm)
(cd "$here" && go build -o "$tmp/tswasm-beam" ./cmd/tswasm-beam)
# Warm the compilation cache for every grammar the tree uses.
"$tmp/tswasm" parse --quiet --no-ignore -j 2 "$src" >/dev/null 2>&1 || true
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs; $(uptime | sed 's/.*load/load/')"
for i in $(seq "$runs"); do
	/usr/bin/time -o "$tmp/cli.time" -f '%e %U %S' \
		"$tmp/tswasm" parse --stats --format none --no-ignore -j 2 "$src" >"$tmp/cli.out" 2>/dev/null || true
	/usr/bin/time -o "$tmp/beam.time" -f '%e %U %S' \
		"$tmp/tswasm-beam" --input "$src" --output "$tmp/out$i/stats" --mode stats >/dev/null 2>"$tmp/beam.err" ||
		{ cat "$tmp/beam.err"; exit 1; }
	cli_bytes=$(awk '/^bytes:/ {print $2}' "$tmp/cli.out")
	beam_bytes=$(cat "$tmp/out$i"/stats-results-*.jsonl | jq -s 'map(.bytes) | add')
	beam_files=$(cat "$tmp/out$i"/stats-results-*.jsonl | jq -s 'map(.files) | add')
	dead=$(cat "$tmp/out$i"/stats-failures-*.jsonl 2>/dev/null | wc -l)
	awk -v cb="$cli_bytes" -v bb="$beam_bytes" -v bf="$beam_files" -v d="$dead" \
		-v ct="$(cat "$tmp/cli.time")" -v bt="$(cat "$tmp/beam.time")" -v run="$i" 'BEGIN {
		split(ct, c, " "); split(bt, b, " ")
		cm = cb / 1e6 / c[1]; bm = bb / 1e6 / b[1]
		printf "run %d: tswasm parse -j 2: %.1f MB in %.1fs wall, %.1fs CPU: %.2f MB/s, %.2f MB/CPU-s\n", run, cb/1e6, c[1], c[2]+c[3], cm, cb/1e6/(c[2]+c[3])
		printf "run %d: pipeline (prism):  %.1f MB in %.1fs wall, %.1fs CPU: %.2f MB/s, %.2f MB/CPU-s (%d files, %d dead letters)\n", run, bb/1e6, b[1], b[2]+b[3], bm, bb/1e6/(b[2]+b[3]), bf, d
		printf "run %d: pipeline / CLI throughput: %.2f\n", run, bm / cm
	}'
done
echo "after: $(uptime | sed 's/.*load/load/')"
