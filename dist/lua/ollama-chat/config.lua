-- generated from src/ollama-chat/config.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____ollama_2Dchat_2Ekeys = require("ollama-chat.keys")
local keys = ____ollama_2Dchat_2Ekeys.keys
local ____schema = require("ollama-chat.schema")
local OPTIONS = ____schema.OPTIONS
local defaultOf = ____schema.defaultOf
local find = ____schema.find
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
-- Options: the defaults and validation come from the schema (schema.ts: one entry per option); a
-- wrong option gets one clear message and falls back to its default. Every module reads the merged
-- configuration through `get()`.
--- The actions with a default keymap (the `keymaps` option's names): suffix after the prefix.
____exports.KEYMAP_ACTIONS = {}
for ____, key in ipairs(keys) do
    ____exports.KEYMAP_ACTIONS[key.plug] = key.suffix
end
--- The defaults, from the schema: a fresh table each call.
function ____exports.defaults()
    local result = {}
    for ____, option in ipairs(OPTIONS) do
        local group, name = string.match(option.path, "^([^.]+)%.(.+)$")
        if group == nil then
            result[option.path] = option.group == true and ({}) or defaultOf(option)
        else
            result[group][name] = defaultOf(option)
        end
    end
    return result
end
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
            if type(v) == "string" then
                keymaps.prefix = v
            else
                warnOption("keymaps.prefix", {expects = "a string"}, v)
            end
        elseif ____exports.KEYMAP_ACTIONS[key] == nil then
            warnOption("keymaps." .. key, nil, v)
        elseif v == false or type(v) == "string" and v ~= "" then
            keymaps[key] = v
        else
            warnOption("keymaps." .. key, {expects = "a key sequence or false"}, v)
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
        local option = find(key)
        if option == nil or not option.check(v) then
            warnOption(key, option, v)
        elseif key == "keymaps" then
            applyKeymaps(result, v)
        elseif option.group == true then
            local section = target[key]
            for sk, sv in pairs(v) do
                local path = (key .. ".") .. sk
                local sub = find(path)
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
