#!/usr/bin/env bash
# Fails when the committed dist/lua differs from a fresh build of src/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
scripts/build.sh "$fresh/lua" >/dev/null
if ! diff -r "$fresh/lua" dist/lua > "$fresh/diff" 2>&1; then
  echo "check-dist: dist/lua is not what src/ builds; run \`make build\` and commit dist/lua:" >&2
  head -n 40 "$fresh/diff" >&2
  exit 1
fi
