#!/usr/bin/env bash
# make screenshots: the README's pictures, taken from the real plugin against the bundled Ollama
# test server. Each scene runs a fresh Neovim (headless, with a --remote-ui client inside tmux, as
# scripts/demo.sh does), is driven with tmux send-keys, captured with `tmux capture-pane -e -p`,
# turned into HTML with aha and into PNG with headless Chromium.
#   scripts/screenshots.sh                 every scene into docs/images/
#   scripts/screenshots.sh --out DIR chat  some scenes into DIR
#   scripts/screenshots.sh --quick --keep-html --out DIR   one quick scene, its HTML kept beside
#                                          the PNG (what spec/screenshots_spec.lua runs)
# Without chromium, only the HTML is written (and it says so). A scene is one function, scene_NAME,
# listed in SCENES; it leaves the screen to capture and names nothing else.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

SCENES=(chat update models apply)
QUICK_SCENE=update
COLS=120
ROWS=32
FONT_PX=15
LINE_PX=19
WAIT_S=${OC_SHOTS_WAIT:-20}

out="$root/docs/images"
scenes=()
keep_html=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --quick) scenes=("$QUICK_SCENE"); shift ;;
    --keep-html) keep_html=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) scenes+=("$1"); shift ;;
  esac
done
[ ${#scenes[@]} -gt 0 ] || scenes=("${SCENES[@]}")
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in tmux aha node; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (make setup installs it)" >&2; exit 1; }
done
chromium=$(command -v chromium || command -v chromium-browser || true)
nvim=${OC_NVIM:-$(scripts/pick-nvim.sh)}
[ -f .build/server/main.js ] || node_modules/.bin/tsc -p tsconfig.server.json

work=$(mktemp -d "${TMPDIR:-/tmp}/ollama-chat-shots.XXXXXX")
tmux_=(tmux -L "oc-shots-$$" -f /dev/null)
server_pid=
cleanup() {
  "${tmux_[@]}" kill-server 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  [ -z "$server_pid" ] || wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The test server; it exits when its stdin (held open here) closes.
mkfifo "$work/server.stdin"
node .build/server/main.js --scenario scripts/screenshots-scenario.json --exit-on-stdin-close \
  <"$work/server.stdin" >"$work/server.log" 2>&1 &
server_pid=$!
exec 3>"$work/server.stdin"
url=
for _ in $(seq 200); do
  url=$(sed -n 's/^listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$work/server.log")
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { echo "screenshots: the test server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

# --- driving one editor -------------------------------------------------------------------------

sock=
# Starts a fresh editor for a scene: own XDG folders, the given default model, `file` open.
editor() {
  local name=$1 model=$2 file=$3 opts=${4:-}
  local home="$work/$name"
  mkdir -p "$home/config" "$home/data" "$home/state" "$home/cache"
  sample >"$home/$file"
  printf 'return { default_model = "%s", split_preference = "vertical" }\n' "$model" >"$home/ollama_config.lua"
  sock="$home/nvim.sock"
  (cd "$home" && exec env XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" \
    XDG_CACHE_HOME="$home/cache" COLORTERM=truecolor \
    "$nvim" --clean --headless --listen "$sock" --cmd "let mapleader = ' '" --cmd "set runtimepath^=$root" \
    -c "set termguicolors noswapfile laststatus=2 shortmess+=I" -c "luafile $root/scripts/screenshots.lua" \
    -c "lua require('ollama-chat').setup({ host = '$url', config_file = '$home/ollama_config.lua', data_dir = '$home/data/ollama' $opts })" \
    "$file" >"$home/nvim.log" 2>&1 </dev/null) &
  for _ in $(seq 200); do [ -S "$sock" ] && break; sleep 0.05; done
  [ -S "$sock" ] || { echo "screenshots: Neovim did not start:" >&2; cat "$home/nvim.log" >&2; exit 1; }
  "${tmux_[@]}" kill-session -t shot 2>/dev/null || true
  "${tmux_[@]}" new-session -d -s shot -x "$COLS" -y "$ROWS" \
    "env COLORTERM=truecolor TERM=tmux-256color '$nvim' --remote-ui --server '$sock'"
  "${tmux_[@]}" set -g status off
  "${tmux_[@]}" set -g default-terminal tmux-256color
  "${tmux_[@]}" set -as terminal-features ',*:RGB'
  wait_lua "#vim.api.nvim_list_uis() > 0" "the remote UI to attach"
}

keys() { "${tmux_[@]}" send-keys -t shot "$@"; }

# Waits until the Lua expression is true in the editor (asked over its socket, not typed).
wait_lua() {
  local expr=$1 what=$2
  local deadline=$((SECONDS + WAIT_S))
  while [ $SECONDS -lt $deadline ]; do
    [ "$("$nvim" --server "$sock" --remote-expr "luaeval('($expr) and 1 or 0')" 2>/dev/null)" = 1 ] && return 0
    sleep 0.1
  done
  echo "screenshots: timed out waiting for $what" >&2
  exit 1
}

# Lua for: the text appears in a window of the current tab (the text holds no "]]").
shown() { printf 'shot_shown([[%s]])' "$1"; }
# Lua for: a buffer of the current tab has marks of the namespace (the apply's diff).
marked() { printf 'shot_marked([[%s]])' "$1"; }
# Lua for: a line of a window of the current tab matches the Lua pattern.
matched() { printf 'shot_match([[%s]])' "$1"; }

# The screen as it is now → $out/NAME.html, and $out/NAME.png when chromium is there.
capture() {
  local name=$1
  sleep 0.3 # let the remote UI draw the last update
  "${tmux_[@]}" capture-pane -t shot -e -p >"$work/$name.ansi"
  {
    printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>ollama-chat.nvim: %s</title><style>\n' "$name"
    printf 'html,body{margin:0;background:#14161b}\n'
    printf 'pre{margin:0;padding:12px 14px;color:#e0e2ea;font:%spx/%spx "DejaVu Sans Mono","Liberation Mono",monospace;white-space:pre}\n' "$FONT_PX" "$LINE_PX"
    printf '</style></head><body><pre>'
    aha --no-header <"$work/$name.ansi"
    printf '</pre></body></html>\n'
  } >"$out/$name.html"
  if [ -n "$chromium" ]; then
    # DejaVu Sans Mono advances 0.602 em per character.
    local width height
    width=$(awk -v c="$COLS" -v f="$FONT_PX" 'BEGIN { printf "%d", c * f * 0.602 + 28 + 0.999 }')
    height=$((ROWS * LINE_PX + 24))
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
      --user-data-dir="$work/chromium" --screenshot="$out/$name.png" --window-size="$width,$height" \
      "file://$out/$name.html" >"$work/chromium.log" 2>&1 || { cat "$work/chromium.log" >&2; exit 1; }
    [ -s "$out/$name.png" ] || { echo "screenshots: chromium wrote no $name.png" >&2; cat "$work/chromium.log" >&2; exit 1; }
    [ -n "$keep_html" ] || rm -f "$out/$name.html"
    echo "screenshots: $out/$name.png"
  else
    echo "screenshots: $out/$name.html (no chromium: HTML only)"
  fi
}

quit() { "$nvim" --server "$sock" --remote-send '<C-\><C-N>:qa!<CR>' >/dev/null 2>&1 || true; sleep 0.2; }

# --- scenes -------------------------------------------------------------------------------------

# A file to talk about, on stdout.
sample() {
  cat <<'EOF'
-- Streams a reply from Ollama into a buffer.
local M = {}

local URL = "http://127.0.0.1:11434/api/generate"

function M.stream(buf, prompt)
  local body = vim.json.encode({
    model = "qwen3:8b",
    prompt = prompt,
  })
  local chunks = {}
  vim.system({ "curl", "-sN", URL, "-d", body }, {
    stdout = function(_, data)
      if not data then
        return
      end
      table.insert(chunks, data)
      vim.schedule(function()
        local n = vim.api.nvim_buf_line_count(buf)
        local lines = { data }
        vim.api.nvim_buf_set_lines(buf, n, n, false, lines)
      end)
    end,
  })
  return chunks
end

return M
EOF
}

# The chat, streaming a thinking model's reply: its winbar (model, state, context), its thinking block above the answer.
scene_chat() {
  editor chat "qwen3:8b" stream.lua
  keys Space o o
  wait_lua "#vim.api.nvim_tabpage_list_wins(0) > 1" "the chat to open"
  sleep 0.5
  keys i "How would you make this stream without blocking the editor?" C-s
  wait_lua "$(shown "buffered until a newline")" "the reply to stream"
  capture chat
  quit
}

# :OllamaUpdate while models download: progress bars, sizes, speeds, queued and finished lines.
scene_update() {
  editor update "llama3.2:3b" stream.lua
  keys ":OllamaUpdate" Enter
  wait_lua "$(shown "updated")" "an updated model in the update view"
  wait_lua "$(matched " [2-9]%d%% ")" "a download a good part done"
  capture update
  quit
}

# :Ollama models: every local model with its size, parameters, quantization and capabilities, the
# loaded one with its memory, GPU share and context, the default marked, the keys in the winbar.
scene_models() {
  editor models "qwen3:8b" stream.lua
  keys ":Ollama preload qwen3:8b" Enter
  keys ":Ollama models" Enter
  wait_lua "$(shown "nomic-embed-text")" "the model manager to list the models"
  wait_lua "$(matched "GPU")" "the loaded model in the manager"
  capture models
  quit
}

# Ask about the code, then :Ollama apply: the reply's code block as a diff against the buffer,
# hunk by hunk, to accept (ga) or reject (gr).
scene_apply() {
  editor apply "codellama:7b" stream.lua
  keys ":Ollama ask Keep partial lines until their newline arrives" Enter
  wait_lua "$(shown "hunk by hunk")" "the reply with its code block"
  wait_lua 'require("ollama-chat").status().state == "idle"' "the reply to end"
  keys ":Ollama apply" Enter
  wait_lua "$(marked ollama-chat-diff)" "the diff of the apply"
  capture apply
  quit
}

for scene in "${scenes[@]}"; do
  declare -F "scene_$scene" >/dev/null || { echo "screenshots: no scene '$scene' (scenes: ${SCENES[*]})" >&2; exit 1; }
  "scene_$scene"
done
