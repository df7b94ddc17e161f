#!/usr/bin/env bash
# What sourcing plugin/ollama-chat.lua costs at startup: Neovim's --startuptime, RUNS runs (default
# 20) each with and without the plugin on the runtimepath, interleaved in the same run; medians of
# the plugin file's own line (self+sourced, everything it requires included) and of the whole
# startup. OC_BENCH_NVIM: 0.10 or latest (default); OC_BENCH_ROOT: another checkout to measure.
# Usage: bench/startup.sh [RUNS]
set -euo pipefail
root=${OC_BENCH_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
runs=${1:-20}
[ "$runs" -ge 15 ] || { echo "startup bench: at least 15 runs" >&2; exit 1; }
nvim="$root/.deps/bin/nvim-${OC_BENCH_NVIM:-latest}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
started() { awk '/NVIM STARTED/ { print $1 }' "$1"; }

echo "load before: $(cat /proc/loadavg)"
for i in $(seq "$runs"); do
  "$nvim" --clean --headless --startuptime "$tmp/with.$i" --cmd "set runtimepath^=$root" +qa! </dev/null
  "$nvim" --clean --headless --startuptime "$tmp/without.$i" +qa! </dev/null
  awk '/sourcing .*\/plugin\/ollama-chat\.lua$/ { print $2 }' "$tmp/with.$i" >> "$tmp/plugin"
  started "$tmp/with.$i" >> "$tmp/started-with"
  started "$tmp/without.$i" >> "$tmp/started-without"
done
echo "load after:  $(cat /proc/loadavg)"
[ "$(wc -l < "$tmp/plugin")" = "$runs" ] || { echo "startup bench: plugin/ollama-chat.lua was not sourced in every run" >&2; exit 1; }
echo "$("$nvim" --version | head -1), $runs runs each"
echo "plugin/ollama-chat.lua (self+sourced), median ms: $(median < "$tmp/plugin")  (min $(sort -n "$tmp/plugin" | head -1), max $(sort -n "$tmp/plugin" | tail -1))"
echo "startup with the plugin, median ms:    $(median < "$tmp/started-with")"
echo "startup without the plugin, median ms: $(median < "$tmp/started-without")"
