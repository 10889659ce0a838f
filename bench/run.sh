#!/usr/bin/env bash
# Runs the benchmark suite and prints benchstat tables (tswasm against each
# native binding, on the same grammar source) and ratio tables.
#
# Usage: bench/run.sh [-count N] [-benchtime T] [-coldtime T] [-bench REGEXP] [-short] [-o DIR]
#
#   -count N       runs of each benchmark (default 6; benchstat wants >= 6)
#   -benchtime T   per run of the throughput workloads (default 1s)
#   -coldtime T    per run of ColdStart, which starts processes (default 5x);
#                  Memory runs one child process per run (-benchtime 1x)
#   -bench REGEXP  which benchmarks (default: all)
#   -short         small inputs, as CI runs it
#   -o DIR         where raw.txt, benchstat-*.txt and ratios.md go (default bench/results)
#
# Needs cgo and a C compiler for the native rows (they are built as child
# programs: the two cgo bindings cannot share a binary); without them those
# rows skip. Not for CI: it takes about 25 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"

count=6
benchtime=1s
coldtime=5x
bench=.
short=
out=results
while [ $# -gt 0 ]; do
	case "$1" in
	-count) count=$2; shift 2 ;;
	-benchtime) benchtime=$2; shift 2 ;;
	-coldtime) coldtime=$2; shift 2 ;;
	-bench) bench=$2; shift 2 ;;
	-short) short=-short; shift ;;
	-o) out=$2; shift 2 ;;
	*) echo "usage: $0 [-count N] [-benchtime T] [-coldtime T] [-bench REGEXP] [-short] [-o DIR]" >&2; exit 2 ;;
	esac
done

# Pinned: the module proxy refuses @latest for some modules.
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20250813145418-2f7363a06fe1

mkdir -p "$out"
raw="$out/raw.txt"
: >"$raw"
# The load average goes with the results (RESULTS.md quotes it).
echo "start: $(date -u +%FT%TZ) $(uptime)" | tee "$out/uptime.txt"
hot='^Benchmark(Parse|Edit|Keystrokes|WalkCursor|WalkNodes|Query|Batch)$'
run() { # regexp benchtime
	go test -run '^$' -bench "$1" -count "$count" -benchtime "$2" $short -timeout 0 . | tee -a "$raw"
}
if [ "$bench" = . ]; then
	run "$hot" "$benchtime"
	run '^BenchmarkColdStart$' "$coldtime"
	run '^BenchmarkMemory$' 1x
else
	run "$bench" "$benchtime"
fi

{
	echo "# tswasm vs official go-tree-sitter v0.25.0 (same grammar sources, same runtime line)"
	go run "$BENCHSTAT" -filter '/grammar:official' -col '/impl@(official tswasm)' "$raw"
} | tee "$out/benchstat-official.txt"
{
	echo "# tswasm vs smacker/go-tree-sitter (smacker's grammar sources built to wasm; runtime 0.25 vs ≈0.22)"
	go run "$BENCHSTAT" -filter '/grammar:smacker' -col '/impl@(smacker tswasm)' "$raw"
} | tee "$out/benchstat-smacker.txt"
go run ./internal/cmd/benchratio "$raw" | tee "$out/ratios.md"
echo "end: $(date -u +%FT%TZ) $(uptime)" | tee -a "$out/uptime.txt"
