#!/usr/bin/env bash
# make helptags: writes doc/tags from doc/ollama-chat.txt with Neovim's own :helptags. doc/tags is
# committed so that :help ollama-chat works for installs no plugin manager indexes (a native
# package, lazy.nvim's `dir =`), and so that `:helptags ALL` leaves a clone unchanged;
# spec/help_spec.lua fails when it is stale.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
nvim=$(scripts/pick-nvim.sh)
"$nvim" --clean --headless -c "helptags $root/doc" -c "qall!"
echo "helptags: wrote doc/tags ($(wc -l <doc/tags) tags)"
