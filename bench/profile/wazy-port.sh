#!/usr/bin/env bash
# wazy-port.sh DIR: copy this repository to DIR with wazero replaced by
# github.com/samyfodil/wazy v0.8.0, for the engine comparison of
# bench/PROFILE.md (a throwaway copy; nothing here is meant to be committed
# there). Then: cd DIR/bench && go build -o tsprof-wazy ./profile
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dst=$1
rm -rf "$dst" && cp -r "$repo" "$dst" && rm -rf "$dst/.git"
cd "$dst"
grep -rl "tetratelabs/wazero" --include=*.go . | xargs sed -i -E \
	-e 's#^(\s*)"github.com/tetratelabs/wazero"$#\1wazero "github.com/samyfodil/wazy"#' \
	-e 's#github.com/tetratelabs/wazero#github.com/samyfodil/wazy#g' \
	-e 's/experimental\.WithImportResolver/api.WithImportResolver/g; s/experimental\.ImportResolver/api.ImportResolver/g'
for f in $(grep -rl '"github.com/samyfodil/wazy/experimental"' --include=*.go .); do
	grep -q 'experimental\.' "$f" || sed -i '/"github.com\/samyfodil\/wazy\/experimental"/d' "$f"
done
# bench/profile's memory allocator hook lives in wazy's api package.
sed -i 's#"github.com/samyfodil/wazy/experimental"#"github.com/samyfodil/wazy/api"#; s/experimental\./api./g' bench/profile/*.go
# wazy has no WithCloseOnContextDone: its compiled code checks Go's preemption word.
sed -i 's/^\(\s*\)rc = rc.WithCloseOnContextDone(true)$/\1_ = rc/' wasmstore.go
go mod edit -droprequire github.com/tetratelabs/wazero -require github.com/samyfodil/wazy@v0.8.0 && go mod tidy
(cd bench && go mod edit -droprequire github.com/tetratelabs/wazero && go get github.com/samyfodil/wazy@v0.8.0 && go mod tidy)
go build ./... && echo "wazy-port: $dst builds"
