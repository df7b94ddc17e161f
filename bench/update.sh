#!/usr/bin/env bash
# The :OllamaUpdate benchmark (bench/update.lua): the plugin's update against a synchronous
# reference, same run, same test server; input latency measured from outside the editor.
# OC_BENCH_ROUNDS (default 3) rounds; OC_BENCH_NVIM (default latest: .deps/bin/nvim-latest).
exec "$(dirname "$0")/../scripts/bench.sh" update
