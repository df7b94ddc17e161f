#!/usr/bin/env bash
# The :OllamaUpdate benchmark (bench/update.lua): the plugin's update against a synchronous
# reference, same run, same test server; input latency measured from outside the editor.
# OC_BENCH_ROUNDS (default 3) rounds; OC_BENCH_NVIM (default latest: .deps/bin/nvim-latest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f .build/server/main.js ] && [ -z "$(find server -name '*.ts' -newer .build/server/main.js)" ] \
  || node_modules/.bin/tsc -p tsconfig.server.json
nvim="$root/.deps/bin/nvim-${OC_BENCH_NVIM:-latest}"
xdg=$(mktemp -d)
trap 'rm -rf "$xdg"' EXIT
XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" \
  XDG_CACHE_HOME="$xdg/cache" XDG_RUNTIME_DIR="$xdg/run" OC_ROOT="$root" OC_NVIM="$nvim" TMUX= \
  "$nvim" -l bench/update.lua </dev/null
