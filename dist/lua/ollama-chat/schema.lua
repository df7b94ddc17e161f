-- generated from src/ollama-chat/schema.ts by TypeScriptToLua; do not edit
local ____exports = {}
local function isString(v)
    return type(v) == "string"
end
local function isNonEmptyString(v)
    return type(v) == "string" and #v > 0
end
local function isTable(v)
    return type(v) == "table"
end
local function isBoolean(v)
    return type(v) == "boolean"
end
local function isStringMap(v)
    if type(v) ~= "table" then
        return false
    end
    for k, val in pairs(v) do
        if type(k) ~= "string" or type(val) ~= "string" then
            return false
        end
    end
    return true
end
local function oneOf(...)
    local values = {...}
    return function(v)
        for ____, value in ipairs(values) do
            if v == value then
                return true
            end
        end
        return false
    end
end
local function isInteger(min, max)
    if max == nil then
        max = math.huge
    end
    return function(v) return type(v) == "number" and v >= min and v <= max and math.floor(v) == v end
end
local function isNumCtx(v)
    return v == nil or v == "auto" or isInteger(1)(v)
end
local function isPositive(v)
    return type(v) == "number" and v > 0
end
local function isUrl(v)
    return isNonEmptyString(v) and (vim.startswith(v, "http://") or vim.startswith(v, "https://"))
end
____exports.OPTIONS = {
    {
        path = "host",
        type = "string",
        shown = "`$OLLAMA_HOST`, else `http://127.0.0.1:11434`",
        expects = "a URL such as http://127.0.0.1:11434",
        check = isNonEmptyString,
        desc = "Ollama's address. When unset, `$OLLAMA_HOST` is read as the ollama CLI reads it (scheme `http`, port 11434, `0.0.0.0` means this machine, a path is a proxy prefix)."
    },
    {
        path = "headers",
        type = "table<string, string>",
        default = {},
        expects = "a table of header names to string values",
        check = isStringMap,
        desc = "Extra HTTP headers on every request, e.g. a proxy's `Authorization`."
    },
    {
        path = "config_file",
        type = "string",
        computed = {
            value = function() return vim.fn.stdpath("config") .. "/ollama_config.lua" end,
            shown = "`stdpath(\"config\") .. \"/ollama_config.lua\"`"
        },
        expects = "a file path",
        check = isNonEmptyString,
        desc = "Preferences kept across sessions (default model, split). See |ollama-chat-files|."
    },
    {
        path = "data_dir",
        type = "string",
        computed = {
            value = function() return vim.fn.stdpath("data") .. "/ollama" end,
            shown = "`stdpath(\"data\") .. \"/ollama\"`"
        },
        expects = "a directory path",
        check = isNonEmptyString,
        desc = "Saved chats live in `<data_dir>/chats/`."
    },
    {
        path = "retention_days",
        type = "integer",
        default = 30,
        expects = "a whole number of days, 0 to keep all",
        check = isInteger(0),
        desc = "Saved chats older than this many days are deleted after startup (each deletion logged in `<data_dir>/cleanup.log`). `0` keeps all."
    },
    {
        path = "keymaps",
        type = "boolean|ollama-chat.KeymapOpts",
        default = {prefix = "<leader>o"},
        shown = "`true`",
        expects = "true, false or a table",
        check = function(v) return type(v) == "boolean" or isTable(v) end,
        desc = "`true` for the default keymaps, `false` for none, or a table: `prefix` (default `\"<leader>o\"`) and, per action, a key sequence or `false`. Actions: {keymap_actions}.",
        example = {"keymaps = { prefix = \"<leader>a\", clear = false, open = \"<leader>c\" }"}
    },
    {
        path = "picker",
        type = "\"auto\"|\"tmux\"|\"fzf\"|\"select\"",
        default = "auto",
        expects = "\"auto\", \"tmux\", \"fzf\" or \"select\"",
        check = oneOf("auto", "tmux", "fzf", "select"),
        desc = "`\"auto\"`: fzf in a tmux popup inside tmux, else fzf in a floating terminal when fzf is installed, else |vim.ui.select()|. `\"tmux\"`, `\"fzf\"` or `\"select\"` force one (`\"select\"` lets telescope, fzf-lua or snacks users get their own UI)."
    },
    {
        path = "chat",
        type = "ollama-chat.ChatOpts",
        group = true,
        expects = "a table",
        check = isTable,
        desc = ""
    },
    {
        path = "chat.split",
        type = "\"horizontal\"|\"vertical\"",
        default = "horizontal",
        expects = "\"horizontal\" or \"vertical\"",
        check = oneOf("horizontal", "vertical"),
        desc = "The first split; once you change it (|ollama-chat-keymaps| `h`/`v`), your choice is remembered."
    },
    {
        path = "chat.size",
        type = "number",
        default = 0.5,
        expects = "a number between 0.1 and 0.9",
        check = function(v) return type(v) == "number" and v >= 0.1 and v <= 0.9 end,
        desc = "Share of the editor the chat split takes."
    },
    {
        path = "chat.system",
        type = "string",
        expects = "a string",
        check = isString,
        desc = "A system prompt for new chats."
    },
    {
        path = "chat.options",
        type = "table<string, any>",
        default = {num_ctx = "auto"},
        expects = "a table of Ollama model options (num_ctx a number or \"auto\")",
        check = function(v) return isTable(v) and isNumCtx(v.num_ctx) end,
        shown = "`{ num_ctx = \"auto\" }`",
        desc = "Ollama model options (`temperature`, `num_ctx`, ...). `num_ctx` is a number of tokens, or `\"auto\"`: each request asks for a context sized for the conversation (a power of two, at least 4096, at most the model's `context_length` and `chat.max_ctx`). A conversation that will not fit is not sent before you choose: leave out its oldest turns (they stay in the chat, marked \"not sent\"), raise the context for this chat, or send it anyway."
    },
    {
        path = "chat.max_ctx",
        type = "integer",
        default = 32768,
        expects = "a whole number of tokens, at least 4096",
        check = isInteger(4096),
        desc = "The largest context `num_ctx = \"auto\"` asks for."
    },
    {
        path = "chat.keep_alive",
        type = "string|number",
        expects = "a duration string (\"5m\") or a number of seconds",
        check = function(v) return type(v) == "string" or type(v) == "number" end,
        desc = "How long Ollama keeps the model loaded (`\"5m\"`, seconds)."
    },
    {
        path = "chat.think",
        type = "boolean|\"low\"|\"medium\"|\"high\"",
        shown = "unset (the model's default)",
        expects = "true, false, \"low\", \"medium\" or \"high\"",
        check = function(v) return isBoolean(v) or oneOf("low", "medium", "high")(v) end,
        desc = "`true`/`false` (or `\"low\"`, `\"medium\"`, `\"high\"`) for reasoning models. Sent only to models with the `thinking` capability."
    },
    {
        path = "chat.fold_thinking",
        type = "boolean",
        default = true,
        expects = "true or false",
        check = isBoolean,
        desc = "Fold a reply's thinking block once the reply ends."
    },
    {
        path = "update",
        type = "ollama-chat.UpdateOpts",
        group = true,
        expects = "a table",
        check = isTable,
        desc = ""
    },
    {
        path = "update.concurrency",
        type = "integer",
        default = 2,
        expects = "a whole number from 1 to 16",
        check = isInteger(1, 16),
        desc = "Models pulled at once by |:OllamaUpdate|."
    },
    {
        path = "update.registry",
        type = "string",
        default = "https://registry.ollama.ai",
        expects = "a URL such as https://registry.ollama.ai",
        check = isUrl,
        desc = "Where |:Ollama| `outdated` asks for manifests."
    },
    {
        path = "timeouts",
        type = "ollama-chat.TimeoutOpts",
        group = true,
        expects = "a table",
        check = isTable,
        desc = "How long to wait, in seconds, for:"
    },
    {
        path = "timeouts.connect",
        type = "number",
        default = 5,
        expects = "a number of seconds above 0",
        check = isPositive,
        desc = "To establish the connection."
    },
    {
        path = "timeouts.stream_idle",
        type = "number",
        default = 300,
        expects = "a number of seconds above 0",
        check = isPositive,
        desc = "How long a stream (chat, pull) may stay silent: a large model can take minutes to load before its first token."
    },
    {
        path = "timeouts.request_idle",
        type = "number",
        default = 30,
        expects = "a number of seconds above 0",
        check = isPositive,
        desc = "How long a plain request (tags, show, ...) may stay silent."
    }
}
local byPath = {}
for ____, option in ipairs(____exports.OPTIONS) do
    byPath[option.path] = option
end
--- The entry of option `path` (`chat.split`), if there is one.
function ____exports.find(path)
    return byPath[path]
end
--- A fresh copy of option's default (tables are never shared between configurations).
function ____exports.defaultOf(option)
    if option.computed ~= nil then
        return option.computed.value()
    end
    local ____temp_0
    if type(option.default) == "table" then
        ____temp_0 = vim.deepcopy(option.default)
    else
        ____temp_0 = option.default
    end
    return ____temp_0
end
return ____exports
