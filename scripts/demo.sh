#!/usr/bin/env bash
# make demo: the plugin against the bundled Ollama test server, in a Neovim with its own config
# and data folders (nothing of yours is read or written). Quit Neovim to stop the server. The
# bundled server is also the registry, so `:Ollama outdated` and its `u` work offline.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
nvim=$(scripts/pick-nvim.sh)
demo=$(mktemp -d "${TMPDIR:-/tmp}/ollama-chat-demo.XXXXXX")
mkfifo "$demo/stdin"
# The server exits when its stdin closes: held open by this script, closed when it ends.
node .build/server/main.js --scenario scripts/demo-scenario.json --exit-on-stdin-close <"$demo/stdin" >"$demo/server.log" 2>&1 &
exec 3>"$demo/stdin"
trap 'exec 3>&-; rm -rf "$demo"' EXIT
for _ in $(seq 100); do
  url=$(sed -n 's/^listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$demo/server.log")
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "${url:-}" ] || { echo "demo: the test server did not start:" >&2; cat "$demo/server.log" >&2; exit 1; }
echo "demo: Ollama test server at $url; Neovim: $nvim"
export XDG_CONFIG_HOME="$demo/config" XDG_DATA_HOME="$demo/data" XDG_STATE_HOME="$demo/state" XDG_CACHE_HOME="$demo/cache"
args=(--clean --cmd "let mapleader = ' '" --cmd "set runtimepath^=$root"
  -c "lua require('ollama-chat').setup({ host = '$url', update = { registry = '$url' } })"
  -c "lua vim.defer_fn(function() vim.notify('ollama-chat demo: press <Space>oo to chat (pick a default model first), :Ollama for every command, :OllamaUpdate to update the models. Leader is <Space>.') end, 300)")
case "$nvim" in
  "$root"/.deps/*)
    # The unpacked Neovim runs through its loader, so its TUI cannot re-execute itself as the
    # editor process: run the editor headless and attach a remote UI to it instead.
    "$nvim" --headless --listen "$demo/nvim.sock" "${args[@]}" &
    for _ in $(seq 100); do [ -S "$demo/nvim.sock" ] && break; sleep 0.05; done
    "$nvim" --remote-ui --server "$demo/nvim.sock"
    ;;
  *) "$nvim" "${args[@]}" ;;
esac
