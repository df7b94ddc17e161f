local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local ____exports = {}
local ____ollama_2Dchat_2Ekeys = require("ollama-chat.keys")
local keys = ____ollama_2Dchat_2Ekeys.keys
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
--- The actions with a default keymap (the `keymaps` option's names): suffix after the prefix.
____exports.KEYMAP_ACTIONS = {}
for ____, key in ipairs(keys) do
    ____exports.KEYMAP_ACTIONS[key.plug] = key.suffix
end
function ____exports.defaults()
    return {
        host = nil,
        headers = {},
        config_file = vim.fn.stdpath("config") .. "/ollama_config.lua",
        data_dir = vim.fn.stdpath("data") .. "/ollama",
        retention_days = 30,
        keymaps = {prefix = "<leader>o"},
        picker = "auto",
        chat = {
            split = "horizontal",
            size = 0.5,
            system = nil,
            options = {num_ctx = "auto"},
            keep_alive = nil,
            think = nil,
            max_ctx = 32768
        },
        update = {concurrency = 2, registry = "https://registry.ollama.ai"},
        timeouts = {connect = 5, stream_idle = 300, request_idle = 30}
    }
end
local function isString(v)
    return type(v) == "string"
end
local function isNonEmptyString(v)
    return type(v) == "string" and #v > 0
end
local function isTable(v)
    return type(v) == "table"
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
    return function(v) return __TS__ArrayIncludes(values, v) end
end
local function isInteger(min)
    return function(v) return type(v) == "number" and v >= min and math.floor(v) == v end
end
local function isNumCtx(v)
    return v == nil or v == "auto" or isInteger(1)(v)
end
local FIELDS = {
    host = {expects = "a URL such as http://127.0.0.1:11434", check = isNonEmptyString},
    headers = {expects = "a table of header names to string values", check = isStringMap},
    config_file = {expects = "a file path", check = isNonEmptyString},
    data_dir = {expects = "a directory path", check = isNonEmptyString},
    retention_days = {
        expects = "a whole number of days, 0 to keep all",
        check = isInteger(0)
    },
    keymaps = {
        expects = "true, false or a table",
        check = function(v) return type(v) == "boolean" or isTable(v) end
    },
    picker = {
        expects = "\"auto\", \"tmux\", \"fzf\" or \"select\"",
        check = oneOf("auto", "tmux", "fzf", "select")
    },
    chat = {expects = "a table", check = isTable},
    ["chat.split"] = {
        expects = "\"horizontal\" or \"vertical\"",
        check = oneOf("horizontal", "vertical")
    },
    ["chat.size"] = {
        expects = "a number between 0.1 and 0.9",
        check = function(v) return type(v) == "number" and v >= 0.1 and v <= 0.9 end
    },
    ["chat.system"] = {expects = "a string", check = isString},
    ["chat.options"] = {
        expects = "a table of Ollama model options (num_ctx a number or \"auto\")",
        check = function(v) return isTable(v) and isNumCtx(v.num_ctx) end
    },
    ["chat.max_ctx"] = {
        expects = "a whole number of tokens, at least 4096",
        check = isInteger(4096)
    },
    ["chat.keep_alive"] = {
        expects = "a duration string (\"5m\") or a number of seconds",
        check = function(v) return type(v) == "string" or type(v) == "number" end
    },
    ["chat.think"] = {
        expects = "true, false, \"low\", \"medium\" or \"high\"",
        check = function(v) return type(v) == "boolean" or oneOf("low", "medium", "high")(v) end
    },
    update = {expects = "a table", check = isTable},
    ["update.concurrency"] = {
        expects = "a whole number from 1 to 16",
        check = function(v) return isInteger(1)(v) and v <= 16 end
    },
    timeouts = {expects = "a table", check = isTable},
    ["timeouts.connect"] = {
        expects = "a number of seconds above 0",
        check = function(v) return type(v) == "number" and v > 0 end
    },
    ["timeouts.stream_idle"] = {
        expects = "a number of seconds above 0",
        check = function(v) return type(v) == "number" and v > 0 end
    },
    ["timeouts.request_idle"] = {
        expects = "a number of seconds above 0",
        check = function(v) return type(v) == "number" and v > 0 end
    },
    ["update.registry"] = {
        expects = "a URL such as https://registry.ollama.ai",
        check = function(v) return isNonEmptyString(v) and (__TS__StringStartsWith(v, "http://") or __TS__StringStartsWith(v, "https://")) end
    }
}
local current = ____exports.defaults()
function ____exports.get()
    return current
end
local function warnOption(path, field, value)
    local what = field == nil and "is not an option of ollama-chat" or (("expects " .. field.expects) .. ", got ") .. vim.inspect(value)
    notify(((("setup(): option `" .. path) .. "` ") .. what) .. "; using the default.", vim.log.levels.WARN)
end
local function applyKeymaps(target, value)
    if value == true then
        target.keymaps = {prefix = "<leader>o"}
        return
    end
    if value == false then
        target.keymaps = false
        return
    end
    local keymaps = {prefix = "<leader>o"}
    for k, v in pairs(value) do
        local key = k
        if key == "prefix" then
            if isString(v) then
                keymaps.prefix = v
            else
                warnOption("keymaps.prefix", {expects = "a string", check = isString}, v)
            end
        elseif ____exports.KEYMAP_ACTIONS[key] == nil then
            warnOption("keymaps." .. key, nil, v)
        elseif v == false or isNonEmptyString(v) then
            keymaps[key] = v
        else
            warnOption("keymaps." .. key, {expects = "a key sequence or false", check = isString}, v)
        end
    end
    target.keymaps = keymaps
end
--- Merges user options over the defaults; a wrong option is reported and left at its default.
function ____exports.resolve(opts)
    local result = ____exports.defaults()
    if opts == nil then
        return result
    end
    if type(opts) ~= "table" then
        notify(
            ("setup() expects a table of options, got " .. vim.inspect(opts)) .. "; using the defaults.",
            vim.log.levels.WARN
        )
        return result
    end
    local target = result
    for k, v in pairs(opts) do
        local key = k
        local field = FIELDS[key]
        if field == nil or not field.check(v) then
            warnOption(key, field, v)
        elseif key == "keymaps" then
            applyKeymaps(result, v)
        elseif key == "chat" or key == "update" or key == "timeouts" then
            local section = target[key]
            for sk, sv in pairs(v) do
                local path = (key .. ".") .. sk
                local sub = FIELDS[path]
                if sub == nil or not sub.check(sv) then
                    warnOption(path, sub, sv)
                else
                    section[sk] = sv
                end
            end
        else
            target[key] = v
        end
    end
    return result
end
function ____exports.set(opts)
    current = ____exports.resolve(opts)
    return current
end
return ____exports
