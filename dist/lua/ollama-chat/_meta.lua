---@meta
-- generated from src/ollama-chat/schema.ts and src/ollama-chat/actions.ts by scripts/gen-docs.lua; do not edit
-- Types for lua-language-server, which finds this file on the runtimepath; nothing requires it.
-- local opts = {} ---@type ollama-chat.Opts

---@class ollama-chat.Opts
---@field host? string Ollama's address. When unset, `$OLLAMA_HOST` is read as the ollama CLI reads it (scheme `http`, port 11434, `0.0.0.0` means this machine, a path is a proxy prefix). Default: $OLLAMA_HOST, else http://127.0.0.1:11434.
---@field headers? table<string, string> Extra HTTP headers on every request, e.g. a proxy's `Authorization`. Default: {}.
---@field config_file? string Preferences kept across sessions (default model, split). See ollama-chat-files. Default: stdpath("config") .. "/ollama_config.lua".
---@field data_dir? string Saved chats live in `<data_dir>/chats/`. Default: stdpath("data") .. "/ollama".
---@field retention_days? integer Saved chats older than this many days are deleted after startup (each deletion logged in `<data_dir>/cleanup.log`). `0` keeps all. Default: 30.
---@field keymaps? boolean|ollama-chat.KeymapOpts `true` for the default keymaps, `false` for none, or a table: `prefix` (default `"<leader>o"`) and, per action, a key sequence or `false`. Actions: `open`, `default_model`, `switch_model`, `toggle`, `close`, `horizontal`, `vertical`, `save`, `load`, `clear`, `ask`, `update`. Default: true.
---@field picker? "auto"|"tmux"|"fzf"|"select" `"auto"`: fzf in a tmux popup inside tmux, else fzf in a floating terminal when fzf is installed, else vim.ui.select(). `"tmux"`, `"fzf"` or `"select"` force one (`"select"` lets telescope, fzf-lua or snacks users get their own UI). Default: "auto".
---@field chat? ollama-chat.ChatOpts
---@field update? ollama-chat.UpdateOpts
---@field timeouts? ollama-chat.TimeoutOpts How long to wait, in seconds, for:

---@class ollama-chat.ChatOpts
---@field split? "horizontal"|"vertical" The first split; once you change it (ollama-chat-keymaps `h`/`v`), your choice is remembered. Default: "horizontal".
---@field size? number Share of the editor the chat split takes. Default: 0.5.
---@field system? string A system prompt for new chats. Default: unset.
---@field options? table<string, any> Ollama model options (`temperature`, `num_ctx`, ...). `num_ctx` is a number of tokens, or `"auto"`: each request asks for a context sized for the conversation (a power of two, at least 4096, at most the model's `context_length` and `chat.max_ctx`). A conversation that will not fit is not sent before you choose: leave out its oldest turns (they stay in the chat, marked "not sent"), raise the context for this chat, or send it anyway. Default: { num_ctx = "auto" }.
---@field max_ctx? integer The largest context `num_ctx = "auto"` asks for. Default: 32768.
---@field keep_alive? string|number How long Ollama keeps the model loaded (`"5m"`, seconds). Default: unset.
---@field think? boolean|"low"|"medium"|"high" `true`/`false` (or `"low"`, `"medium"`, `"high"`) for reasoning models. Sent only to models with the `thinking` capability. Default: unset (the model's default).
---@field fold_thinking? boolean Fold a reply's thinking block once the reply ends. Default: true.

---@class ollama-chat.UpdateOpts
---@field concurrency? integer Models pulled at once by :OllamaUpdate. Default: 2.
---@field registry? string Where :Ollama `outdated` asks for manifests. Default: "https://registry.ollama.ai".

---@class ollama-chat.TimeoutOpts
---@field connect? number To establish the connection. Default: 5.
---@field stream_idle? number How long a stream (chat, pull) may stay silent: a large model can take minutes to load before its first token. Default: 300.
---@field request_idle? number How long a plain request (tags, show, ...) may stay silent. Default: 30.

---@class ollama-chat.KeymapOpts
---@field prefix? string Typed before each key's suffix. Default: "<leader>o".
---@field open? string|false Open the chat with the default model (default: prefix .. "o").
---@field default_model? string|false Set the default model (persistent) (default: prefix .. "d").
---@field switch_model? string|false Switch the model of the open chat (default: prefix .. "m").
---@field toggle? string|false Hide or show the chat pane (default: prefix .. "t").
---@field close? string|false Close the chat session (default: prefix .. "c").
---@field horizontal? string|false Chat in a horizontal split (persistent) (default: prefix .. "h").
---@field vertical? string|false Chat in a vertical split (persistent) (default: prefix .. "v").
---@field save? string|false Save the chat under a name (default: prefix .. "s").
---@field load? string|false Load a saved chat (read-only) (default: prefix .. "l").
---@field clear? string|false Delete all saved chats, after confirmation (default: prefix .. "x").
---@field ask? string|false Ask about the buffer or the selection (default: prefix .. "a").
---@field update? string|false Update all models (default: prefix .. "u").
