#!/usr/bin/env bash
# Runs a benchmark inside Neovim: scripts/bench.sh NAME [0.10|latest] runs bench/NAME.lua (chat,
# update, models, apply, ...) in its own XDG directories, the test server built first when its
# sources are newer. Benchmarks use the spec helpers (child Neovim, test server, latency) and print
# a markdown report. The version defaults to $OC_BENCH_NVIM, else latest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
name=${1:?usage: scripts/bench.sh NAME [0.10|latest]}
v=${2:-${OC_BENCH_NVIM:-latest}}
[ -f .build/server/main.js ] && [ -z "$(find server -name '*.ts' -newer .build/server/main.js)" ] \
  || node_modules/.bin/tsc -p tsconfig.server.json
nvim="$root/.deps/bin/nvim-$v"
xdg=$(mktemp -d)
trap 'rm -rf "$xdg"' EXIT
XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" \
  XDG_CACHE_HOME="$xdg/cache" XDG_RUNTIME_DIR="$xdg/run" OC_NVIM="$nvim" OC_ROOT="$root" TMUX= \
  "$nvim" -l "bench/$name.lua" </dev/null
