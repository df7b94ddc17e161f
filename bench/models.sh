#!/usr/bin/env bash
# The :Ollama models benchmark (bench/models.lua): 200 local models against the test server;
# editor time to open the view and per refresh, input latency while it polls.
# OC_BENCH_ROUNDS (default 10 refreshes); OC_BENCH_NVIM (default latest: .deps/bin/nvim-latest).
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
  "$nvim" -l bench/models.lua </dev/null
