---@meta
-- generated from src/ollama-chat/schema.ts (options), actions.ts (keymaps) and init.ts (the API) by scripts/gen-docs.lua; do not edit
-- Types for lua-language-server, which finds this file on the runtimepath; nothing requires it.
-- local opts = {} ---@type ollama-chat.Opts
-- local oc = require("ollama-chat") ---@type ollama-chat.API

---@class ollama-chat.Opts
---@field host? string Ollama's address. When unset, `$OLLAMA_HOST` is read as the ollama CLI reads it (scheme `http`, port 11434, `0.0.0.0` means this machine, a path is a proxy prefix). Default: $OLLAMA_HOST, else http://127.0.0.1:11434.
---@field headers? table<string, string> Extra HTTP headers on every request, e.g. a proxy's `Authorization`. Default: {}.
---@field config_file? string Preferences kept across sessions (default model, split). See ollama-chat-files. Default: stdpath("config") .. "/ollama_config.lua".
---@field data_dir? string Saved chats live in `<data_dir>/chats/`. Default: stdpath("data") .. "/ollama".
---@field retention_days? integer Saved chats older than this many days are deleted after startup (each deletion logged in `<data_dir>/cleanup.log`). `0` keeps all. Default: 30.
---@field keymaps? boolean|ollama-chat.KeymapOpts `true` for the default keymaps, `false` for none, or a table: `prefix` (default `"<leader>o"`) and, per action, a key sequence or `false`. Actions: `open`, `default_model`, `switch_model`, `toggle`, `close`, `horizontal`, `vertical`, `save`, `load`, `clear`, `ask`, `apply`, `edit`, `regenerate`, `update`, `models`. Default: true.
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
---@field apply? string|false Apply the chat's code block through a diff (default: prefix .. "p").
---@field edit? string|false Rewrite the selection with the chat's model (default: prefix .. "e").
---@field regenerate? string|false Replace the last reply with a new one (default: prefix .. "r").
---@field update? string|false Update all models (default: prefix .. "u").
---@field models? string|false Manage the local models (default: prefix .. "i").

-- The API, from src/ollama-chat/init.ts: local oc = require("ollama-chat") ---@type ollama-chat.API
---@class ollama-chat.API
local M = {}

--- Configures the plugin; may be called any number of times, each call reconfiguring.
---@param opts? ollama-chat.Opts
function M.setup(opts) end

--- Opens the chat with the default model (asking for one the first time).
function M.open() end

--- Hides or shows the chat pane, keeping the conversation and any reply still streaming.
function M.toggle() end

--- Ends the chat session, stopping any reply.
function M.close() end

--- Sends `text` (or the message being typed) with the whole conversation; opens the chat first.
---@param text? string
function M.send(text) end

--- Stops the reply in progress and a running update or check (without loading either).
function M.stop() end

--- Replaces the last reply with a new one from the same history (a failed or stopped turn is retried).
function M.regenerate() end

--- Re-splits the chat pane and remembers the layout.
---@param layout "horizontal"|"vertical"
function M.set_layout(layout) end

--- For statuslines: { model, state = "idle"|"loading"|"generating"|"error", tokens_per_second, context = { used, size }, loaded } (`context`: tokens of the conversation and the context asked for, once a reply was sent; `loaded`: the model is in memory, as of an /api/ps at most a few seconds old; nil while unknown).
---@return ollama-chat.StatusResult
function M.status() end

--- Asks about the current buffer, or `range` ({first, last}) of it, in the chat.
---@param opts? ollama-chat.AskOpts
function M.ask(opts) end

--- Applies the chat's code block under the cursor (else the last reply's last block) to the lines it was asked about (else the buffer the chat came from), through a diff to accept or reject.
function M.apply() end

--- Rewrites the current buffer, or `range` of it, as `prompt` says, through the same diff.
---@param opts? ollama-chat.EditOpts
function M.edit(opts) end

--- Sets the default model (persistent): `name`, or the one picked from the local models.
---@param name? string
function M.select_model(name) end

--- Switches the model of the open chat: `name`, or the one picked. A reply in progress stops.
---@param name? string
function M.switch_model(name) end

--- Saves the chat under `name` (asked for when absent); saving again under a name appends.
---@param name? string
function M.save(name) end

--- Opens a saved chat (`name`, or picked) in a new read-only buffer.
---@param name? string
function M.load(name) end

--- Continues a saved chat (`name`, or picked) as the active conversation.
---@param name? string
function M.resume(name) end

--- Deletes all saved chats after a confirmation; `{ force = true }` skips it.
---@param opts? ollama-chat.ClearSavedOpts
function M.clear_saved(opts) end

--- Names for completion, from caches (never waits): "models", "chats", or "variables" (the chat variables with the buffer names and files they take).
---@param kind "models"|"chats"|"variables"
---@return string[]
function M.completions(kind) end

--- Updates every local model (or `models`), a few at a time, with a live view and a summary; `check_only` asks the registry which have a newer version and downloads nothing.
---@param opts? ollama-chat.UpdateOptions
function M.update(opts) end

--- Downloads a model, with the same progress view.
---@param name string
function M.pull(name) end

--- Opens the model manager: every local model, loaded or not, with keys to manage them.
function M.models() end

--- Deletes a local model after a confirmation naming it and its size; `{ force = true }` skips it.
---@param name string
---@param opts? ollama-chat.DeleteModelOpts
function M.delete_model(name, opts) end

--- Copies a local model under a new name; an existing `to` is asked about before it is replaced.
---@param from string
---@param to string
function M.copy_model(from, to) end

--- Loads a model into memory for the chat's keep_alive.
---@param name string
function M.preload_model(name) end

--- Unloads a model from memory; without a name, every loaded model.
---@param name? string
function M.unload_model(name) end

--- Calls `cb(models)` with the models loaded in memory (/api/ps), or `cb(nil, message)`.
---@param cb fun(models?: ollama-chat.RunningModel[], err?: string)
function M.running(cb) end

---@type string
M.version = nil

---@class ollama-chat.StatusResult
---@field model? string
---@field state "idle"|"loading"|"generating"|"error"
---@field tokens_per_second? number
---@field context? ollama-chat.StatusResultContext Tokens in the context (estimated, then measured by the last reply) of the size asked for.
---@field loaded? boolean Whether the model is in memory (warmed up, or it replied); undefined before either.

---@class ollama-chat.StatusResultContext
---@field used number
---@field size number

---@class ollama-chat.AskOpts
---@field prompt? string
---@field range? [number, number]

---@class ollama-chat.EditOpts
---@field prompt? string
---@field range? [number, number]

---@class ollama-chat.ClearSavedOpts
---@field force? boolean

---@class ollama-chat.UpdateOptions
---@field models? string[] Only these models (full names with tags, or short names); default: every local model.
---@field check_only? boolean Only ask the registry which models have a newer version; download nothing.

---@class ollama-chat.DeleteModelOpts
---@field force? boolean

--- A model loaded in memory (/api/ps).
---@class ollama-chat.RunningModel
---@field name string
---@field size number Bytes in memory, and how many of them on the GPU.
---@field size_vram number
---@field expires_at string RFC 3339; far in the future when the model is kept loaded.
---@field context_length? number The context it was loaded with (absent from servers before 0.6).

return M
