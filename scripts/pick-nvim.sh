#!/usr/bin/env bash
# Prints the Neovim to use for `make demo`: nvim on PATH when it is 0.10 or newer, else the newest
# one scripts/nvim.sh unpacked.
root=$(cd "$(dirname "$0")/.." && pwd)
if command -v nvim >/dev/null 2>&1; then
  v=$(nvim --version 2>/dev/null | head -1 | sed -n 's/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
  set -- $v
  if [ -n "${1:-}" ] && { [ "$1" -gt 0 ] || [ "$2" -ge 10 ]; }; then command -v nvim; exit 0; fi
fi
echo "$root/.deps/bin/nvim-latest"
