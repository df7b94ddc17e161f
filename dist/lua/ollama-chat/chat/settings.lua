-- generated from src/ollama-chat/chat/settings.ts by TypeScriptToLua; do not edit
local ____exports = {}
local thinkWord, setField, command, THINK_WORDS
function thinkWord(t)
    return t == true and "on" or (t == false and "off" or t)
end
--- An option's value as typed: a number, true/false, JSON ([..], {..}, "..") or else the text.
function ____exports.parseValue(text)
    local n = tonumber(text)
    if n ~= nil then
        return n
    end
    if text == "true" then
        return true
    end
    if text == "false" then
        return false
    end
    local c = string.sub(text, 1, 1)
    if c == "[" or c == "{" or c == "\"" then
        local ok, v = pcall(vim.json.decode, text)
        if ok then
            return v
        end
    end
    return text
end
function setField(s, key, value)
    if key == "model" then
        if value == "" then
            return "a model name is needed"
        end
        s.model = value
    elseif key == "system" then
        local v = ____exports.parseValue(value)
        s.system = type(v) == "string" and v or value
    elseif key == "think" then
        local t = THINK_WORDS[value]
        if t == nil then
            return "think is on, off, low, medium or high"
        end
        s.think = t
    else
        local name = string.match(key, "^option%s+([%w_]+)$")
        if name == nil then
            return "known settings are model, system, think and option <name>"
        end
        if value == "" then
            return ("option " .. name) .. " needs a value"
        end
        s.options[name] = ____exports.parseValue(value)
    end
    return nil
end
function command(s, word, arg, done)
    if word == "model" then
        if arg == "" then
            return "/model needs a model name: /model llama3.2:3b"
        end
        s.model = arg
        done[#done + 1] = "model: " .. arg
    elseif word == "system" then
        local ____s_1 = s
        local ____temp_0
        if arg == "" then
            ____temp_0 = nil
        else
            ____temp_0 = arg
        end
        ____s_1.system = ____temp_0
        done[#done + 1] = arg == "" and "system prompt: the configured one" or "system prompt set"
    elseif word == "think" then
        local t = THINK_WORDS[arg == "" and "on" or arg]
        if t == nil then
            return ("/think takes on, off, low, medium or high, not \"" .. arg) .. "\""
        end
        s.think = t
        done[#done + 1] = "think: " .. thinkWord(t)
    elseif word == "option" then
        local name, value = string.match(arg, "^([%w_]+)%s*(.-)$")
        if name == nil then
            return "/option needs a name and a value: /option temperature 0.2 (no value: back to the default)"
        end
        if value == "" then
            s.options[name] = nil
            done[#done + 1] = ("option " .. name) .. ": default"
        else
            s.options[name] = ____exports.parseValue(value)
            done[#done + 1] = (("option " .. name) .. ": ") .. value
        end
    else
        return ("unknown chat command /" .. word) .. ": the commands are /model, /system, /think and /option"
    end
    return nil
end
function ____exports.copy(s)
    local options = {}
    for k, v in pairs(s.options) do
        options[k] = v
    end
    return {model = s.model, system = s.system, think = s.think, options = options}
end
function ____exports.empty()
    return {options = {}}
end
function ____exports.isEmpty(s)
    return s.model == nil and s.system == nil and s.think == nil and (next(s.options)) == nil
end
____exports.COMMANDS = {"model", "system", "think", "option"}
THINK_WORDS = {
    on = true,
    off = false,
    ["true"] = true,
    ["false"] = false,
    low = "low",
    medium = "medium",
    high = "high"
}
local function showValue(v)
    if type(v) == "string" then
        local s = v
        -- Text that would read back as something else is written as JSON.
        return ____exports.parseValue(s) == s and (string.find(s, "\n", 1, true)) == nil and s or vim.json.encode(s)
    end
    if type(v) == "table" then
        return vim.json.encode(v)
    end
    return tostring(v)
end
--- The front matter's text (the content of the settings section).
function ____exports.render(s)
    local lines = {}
    if s.model ~= nil then
        lines[#lines + 1] = "model: " .. s.model
    end
    if s.system ~= nil then
        lines[#lines + 1] = "system: " .. showValue(s.system)
    end
    if s.think ~= nil then
        lines[#lines + 1] = "think: " .. thinkWord(s.think)
    end
    local names = {}
    for name in pairs(s.options) do
        names[#names + 1] = name
    end
    table.sort(names)
    for ____, name in ipairs(names) do
        lines[#lines + 1] = (("option " .. name) .. ": ") .. showValue(s.options[name])
    end
    return table.concat(lines, "\n")
end
--- Reads the front matter's text back; unreadable lines are reported, the others kept.
function ____exports.parse(text)
    local settings = ____exports.empty()
    local errors = {}
    for ____, raw in ipairs(vim.split(text, "\n", {plain = true})) do
        local line = vim.trim(raw)
        if line ~= "" then
            local key, value = string.match(line, "^([%w_ ]-)%s*:%s*(.*)$")
            local err = key == nil and "not a setting" or setField(
                settings,
                vim.trim(key),
                value
            )
            if err ~= nil then
                errors[#errors + 1] = (("chat settings: \"" .. line) .. "\": ") .. err
            end
        end
    end
    return {settings = settings, errors = errors}
end
--- Whether `text` starts with a chat command line (`/word`, the word alone or then a space).
function ____exports.startsWithCommand(text)
    local word = string.match(text, "^%s*/(%a+)%f[%s%z]")
    return word ~= nil
end
function ____exports.runCommands(s, text)
    local next = ____exports.copy(s)
    local done = {}
    local lines = vim.split(text, "\n", {plain = true})
    local i = 0
    while i < #lines and vim.trim(lines[i + 1]) == "" do
        i = i + 1
    end
    while i < #lines and ____exports.startsWithCommand(lines[i + 1]) do
        local line = vim.trim(lines[i + 1])
        local word, arg = string.match(line, "^/(%a+)%s*(.-)$")
        local err = command(next, word, arg, done)
        if err ~= nil then
            return {error = err, settings = s}
        end
        i = i + 1
    end
    local rest = {}
    do
        local j = i
        while j < #lines do
            rest[#rest + 1] = lines[j + 1]
            j = j + 1
        end
    end
    return {
        result = {
            done = done,
            rest = vim.trim(table.concat(rest, "\n"))
        },
        settings = next
    }
end
return ____exports
