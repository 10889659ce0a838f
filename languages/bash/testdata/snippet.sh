#!/usr/bin/env bash
# Back up a directory into a dated tarball, keeping the newest $KEEP.
set -euo pipefail

src=${1:?usage: backup.sh DIR [DEST]}
dest=${2:-$HOME/backups}
KEEP=${KEEP:-5}

mkdir -p "$dest"
name="$(basename "$src")-$(date +%Y%m%d-%H%M%S).tar.gz"

if ! tar -czf "$dest/$name" -C "$(dirname "$src")" "$(basename "$src")"; then
  echo "backup of $src failed" >&2
  exit 1
fi

count=0
for f in $(ls -1t "$dest"/*.tar.gz); do
  count=$((count + 1))
  if [[ $count -gt $KEEP ]]; then
    rm -- "$f"
  fi
done

case "$name" in
  *.tar.gz) echo "wrote $dest/$name" ;;
  *) echo "unexpected name: $name" ;;
esac
