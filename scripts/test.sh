#!/usr/bin/env bash
# The whole test run: set-up, type-check, build, check-dist, Lua 5.1 parse check, the test
# server's conformance tests (official ollama client), and the busted specs on Neovim 0.10 and the
# newest. Ends with `tests: N passed, N failed`; non-zero exit on any failure.
# OC_SPEC=spec/foo_spec.lua limits the busted run; OC_NVIMS="latest" limits the versions.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
passed=0
failed=0
logs="$root/.build/test-logs"
mkdir -p "$logs"

check() {
  local name=$1; shift
  if "$@" >"$logs/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; tail -n 30 "$logs/$name.log"
  fi
}

scripts/setup.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

check typecheck make -s typecheck
check build make -s build
check check-dist scripts/check-dist.sh
check luac5.1 bash -c 'find dist/lua -name "*.lua" -print0 | xargs -0 -n1 luac5.1 -p'
node_modules/.bin/tstl -p tsconfig.spec.json >"$logs/spec-ts.log" 2>&1 || { failed=$((failed + 1)); cat "$logs/spec-ts.log"; }
[ ! -d server ] || node_modules/.bin/tsc -p tsconfig.server.json >"$logs/server-build.log" 2>&1 || { failed=$((failed + 1)); cat "$logs/server-build.log"; }

# Node tests of the Ollama test server, driven by the official `ollama` client.
if [ -d test ]; then
  node --test --test-reporter=spec test/ >"$logs/node.log" 2>&1
  np=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/node.log" | tail -1)
  nf=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/node.log" | tail -1)
  if [ -z "$np" ]; then np=0; nf=1; fi
  passed=$((passed + np)); failed=$((failed + nf))
  echo "node test server: $np passed, $nf failed"
  [ "$nf" = 0 ] || grep -B2 -A20 "✖" "$logs/node.log" | head -80
fi

# busted specs, inside each Neovim, each run with its own XDG directories.
for v in ${OC_NVIMS:-0.10 latest}; do
  nvim="$root/.deps/bin/nvim-$v"
  xdg=$(mktemp -d)
  log="$logs/busted-$v.log"
  XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" \
    XDG_CACHE_HOME="$xdg/cache" XDG_RUNTIME_DIR="$xdg/run" OC_NVIM="$nvim" TMUX= TMUX_PANE= \
    timeout 1200 "$nvim" -l spec/runner.lua -o utfTerminal ${OC_SPEC:-spec} >"$log" 2>&1 </dev/null
  rm -rf "$xdg"
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^[0-9]+ success(es)? / [0-9]+ failures? / [0-9]+ errors? / [0-9]+ pending' | tail -1)
  if [ -z "$summary" ]; then
    failed=$((failed + 1)); echo "FAIL busted on nvim-$v did not finish:"; tail -n 40 "$log"; continue
  fi
  read -r s _ _ f _ _ e _ _ p _ <<<"$summary"
  passed=$((passed + s)); failed=$((failed + f + e + p))
  echo "nvim-$v: $summary"
  [ $((f + e + p)) = 0 ] || sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -A25 -E '^(Failure|Error|Pending) (->|→)' | head -150
done

echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
