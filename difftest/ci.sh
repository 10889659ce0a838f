#!/usr/bin/env bash
# ci.sh: vet and run the differential tests against native tree-sitter
# (smacker/go-tree-sitter, cgo). Run from anywhere; .ci/run calls it with
# TSWASM_LONG=1 and TSWASM_REQUIRE_TOOLCHAIN=1 for the full corpora.
set -euo pipefail
cd "$(dirname "$0")"
export CGO_ENABLED=1
go mod verify
go vet ./...
go test -timeout 20m ./...
# The benchmarks compile and run once (the numbers come from bench/).
go test -run XXX -bench . -benchtime=1x ./...
