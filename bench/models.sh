#!/usr/bin/env bash
# The :Ollama models benchmark (bench/models.lua): 200 local models against the test server;
# editor time to open the view and per refresh, input latency while it polls.
# OC_BENCH_ROUNDS (default 10 refreshes); OC_BENCH_NVIM (default latest: .deps/bin/nvim-latest).
exec "$(dirname "$0")/../scripts/bench.sh" models
