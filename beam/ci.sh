#!/bin/sh
# ci.sh: what CI runs for the beam module: vet, then the short tests (the
# pipeline on prism over net/http and over a directory of bad inputs).
set -eu
cd "$(dirname "$0")"
test -z "$(gofmt -l .)" || { gofmt -l .; echo "beam: gofmt needed" >&2; exit 1; }
go vet ./...
go test -short -count=1 ./...
