#!/usr/bin/env bash
# Compiles src/ into the given folder (default dist/lua). Type errors fail the build before any
# file is written: tstl would otherwise still write Lua for code that does not type-check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-dist/lua}
cd "$root"
node_modules/.bin/tsc --noEmit -p tsconfig.json
mkdir -p "$root/.build"; stage=$(mktemp -d "$root/.build/stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
node_modules/.bin/tstl -p tsconfig.json --outDir "$stage"
[ -f "$stage/ollama-chat/lualib_bundle.lua" ] || [ -z "$(grep -rl lualib_bundle "$stage" || true)" ] || {
  echo "build: lualib_bundle was not moved under ollama-chat/" >&2; exit 1; }
# keys.lua and _meta.lua come from the compiled action table and option schema.
nvim=${OC_NVIM:-$(scripts/pick-nvim.sh)}
"$nvim" --clean -l scripts/gen-docs.lua dist "$stage"
[ ! -e "$stage/lualib_bundle.lua" ] || { echo "build: a global lualib_bundle.lua was emitted" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -r "$stage" "$out"
