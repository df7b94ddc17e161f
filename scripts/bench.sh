#!/usr/bin/env bash
# Runs a benchmark inside Neovim: scripts/bench.sh chat|update [nvim-version]. Benchmarks use
# the spec helpers (child Neovim, test server, latency) and print a markdown report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
name=${1:?usage: scripts/bench.sh NAME [0.10|latest]}
v=${2:-latest}
nvim="$root/.deps/bin/nvim-$v"
xdg=$(mktemp -d)
trap 'rm -rf "$xdg"' EXIT
XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" \
  XDG_CACHE_HOME="$xdg/cache" XDG_RUNTIME_DIR="$xdg/run" OC_NVIM="$nvim" OC_ROOT="$root" TMUX= \
  "$nvim" -l "bench/$name.lua"
