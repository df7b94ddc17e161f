local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____picker = require("ollama-chat.ui.picker")
local pick = ____picker.pick
local completers = {}
--- Registers the source of model names or saved chat names for completion.
function ____exports.set_completer(kind, fn)
    completers[kind] = fn
end
local API_MODULE = "ollama-chat"
local LAYOUTS = {"horizontal", "vertical"}
--- By default, completion asks the public API, which answers from its caches.
local function apiCompleter(kind)
    return function() return require(API_MODULE).completions(kind) end
end
local function candidates(kind)
    local source = completers[kind] or apiCompleter(kind)
    local ok, names = pcall(source)
    return ok and type(names) == "table" and names or ({})
end
local function withPrefix(names, lead, exclude)
    if exclude == nil then
        exclude = {}
    end
    local out = {}
    for ____, name in ipairs(names) do
        if vim.startswith(name, lead) and not __TS__ArrayIncludes(exclude, name) then
            out[#out + 1] = name
        end
    end
    return out
end
--- The words typed after `:{command}` (range and name skipped), the one being typed excluded.
local function typedArgs(argLead, cmdLine, command)
    if command == nil then
        command = "Ollama"
    end
    local rest = (string.match(cmdLine, ("^.-" .. command) .. "%s+(.*)$")) or ""
    local words = vim.split(rest, "%s+", {trimempty = true})
    if argLead ~= "" and #words > 0 then
        table.remove(words)
    end
    return words
end
--- Completes the subcommand's first argument only.
local function firstArgFrom(source)
    return function(argLead, cmdLine) return #typedArgs(argLead, cmdLine) == 1 and withPrefix(
        source(),
        argLead
    ) or ({}) end
end
local function models()
    return candidates("models")
end
--- Calls require("ollama-chat")[name](...args), or says it is not there.
local function callApi(name, ...)
    local api = require(API_MODULE)
    local fn = api[name]
    if type(fn) ~= "function" then
        notify(name .. "() is not available in this version of ollama-chat.", vim.log.levels.ERROR)
        return nil
    end
    return fn(...)
end
local function setLayout(layout)
    if layout == nil then
        pick({
            prompt = "Layout",
            items = LAYOUTS,
            format = function(l) return l end,
            on_choice = function(l)
                if l ~= nil then
                    callApi("set_layout", l)
                end
            end
        })
    elseif __TS__ArrayIncludes(LAYOUTS, layout) then
        callApi("set_layout", layout)
    else
        notify((":Ollama layout expects horizontal or vertical, got \"" .. layout) .. "\".", vim.log.levels.ERROR)
    end
end
local function pull(name)
    if name ~= nil then
        callApi("pull", name)
        return
    end
    vim.ui.input(
        {prompt = "Model to pull (name:tag): "},
        function(input)
            local trimmed = vim.trim(input or "")
            if trimmed ~= "" then
                callApi("pull", trimmed)
            end
        end
    )
end
local function showStatus()
    local status = callApi("status")
    if status == nil then
        return
    end
    local parts = {"model " .. (status.model or "none"), "state " .. (status.state or "unknown")}
    if type(status.tokens_per_second) == "number" then
        parts[#parts + 1] = string.format("%.1f tokens/s", status.tokens_per_second)
    end
    notify(table.concat(parts, ", "))
end
local function orNil(text)
    local ____temp_0
    if text == "" then
        ____temp_0 = nil
    else
        ____temp_0 = text
    end
    return ____temp_0
end
--- The subcommands, in the order completion and the bare-:Ollama picker show them.
____exports.ORDER = {
    "open",
    "model",
    "switch",
    "toggle",
    "close",
    "layout",
    "save",
    "load",
    "resume",
    "clear",
    "ask",
    "stop",
    "update",
    "outdated",
    "pull",
    "status"
}
____exports.SUBCOMMANDS = {
    open = {
        desc = "open the chat with the default model",
        impl = function() return callApi("open") end
    },
    model = {
        desc = "set the default model (persistent)",
        single = "one model name",
        impl = function(args) return callApi("select_model", args[1]) end,
        complete = firstArgFrom(models)
    },
    switch = {
        desc = "switch the model of the open chat",
        single = "one model name",
        impl = function(args) return callApi("switch_model", args[1]) end,
        complete = firstArgFrom(models)
    },
    toggle = {
        desc = "show or hide the chat pane",
        impl = function() return callApi("toggle") end
    },
    close = {
        desc = "close the chat session",
        impl = function() return callApi("close") end
    },
    layout = {
        desc = "chat in a horizontal or vertical split (persistent)",
        single = "horizontal or vertical",
        impl = function(args) return setLayout(args[1]) end,
        complete = firstArgFrom(function() return LAYOUTS end)
    },
    save = {
        desc = "save the chat under a name",
        impl = function(_args, inv) return callApi(
            "save",
            orNil(inv.rest)
        ) end
    },
    load = {
        desc = "load a saved chat (read-only)",
        impl = function(_args, inv) return callApi(
            "load",
            orNil(inv.rest)
        ) end,
        complete = firstArgFrom(function() return candidates("chats") end)
    },
    resume = {
        desc = "continue a saved chat as the active one",
        impl = function(_args, inv) return callApi(
            "resume",
            orNil(inv.rest)
        ) end,
        complete = firstArgFrom(function() return candidates("chats") end)
    },
    clear = {
        desc = "delete all saved chats, after confirmation",
        impl = function() return callApi("clear_saved", {}) end
    },
    ask = {
        desc = "ask about the buffer or the lines of a range",
        impl = function(_args, inv) return callApi(
            "ask",
            {
                prompt = orNil(inv.rest),
                range = inv.range
            }
        ) end
    },
    stop = {
        desc = "stop the reply being generated",
        impl = function() return callApi("stop") end
    },
    update = {
        desc = "update all local models, or the ones named",
        impl = function(args) return callApi("update", {models = #args > 0 and args or nil, check_only = false}) end,
        complete = function(argLead, cmdLine) return withPrefix(
            models(),
            argLead,
            typedArgs(argLead, cmdLine)
        ) end
    },
    outdated = {
        desc = "list the models that have a newer version",
        impl = function() return callApi("update", {check_only = true}) end
    },
    pull = {
        desc = "download a model",
        single = "one model name",
        impl = function(args) return pull(args[1]) end,
        complete = firstArgFrom(models)
    },
    status = {
        desc = "show the model, state and speed of the chat",
        impl = function() return showStatus() end
    }
}
local function runSubcommand(name, args, invocation)
    local sub = ____exports.SUBCOMMANDS[name]
    if sub == nil then
        notify(
            ((("unknown subcommand \"" .. name) .. "\". Valid subcommands: ") .. table.concat(____exports.ORDER, ", ")) .. ".",
            vim.log.levels.ERROR
        )
        return
    end
    if sub.single ~= nil and #args > 1 then
        notify(
            ((((((":Ollama " .. name) .. " takes ") .. sub.single) .. ", got ") .. tostring(#args)) .. " arguments: ") .. table.concat(args, " "),
            vim.log.levels.ERROR
        )
        return
    end
    sub.impl(args, invocation)
end
local function pickSubcommand()
    local width = 0
    for ____, name in ipairs(____exports.ORDER) do
        width = math.max(width, #name)
    end
    pick({
        prompt = "Ollama",
        items = ____exports.ORDER,
        format = function(name) return ((name .. string.rep(" ", width - #name)) .. "  ") .. ____exports.SUBCOMMANDS[name].desc end,
        on_choice = function(name)
            if name ~= nil then
                runSubcommand(name, {}, {rest = ""})
            end
        end
    })
end
--- :Ollama [subcommand [args]]
function ____exports.run(cmd)
    local name, rest = string.match(cmd.args, "^%s*(%S*)%s*(.-)%s*$")
    if name == nil or name == "" then
        return pickSubcommand()
    end
    local invocation = {rest = rest or ""}
    if cmd.range > 0 then
        invocation.range = {cmd.line1, cmd.line2}
    end
    runSubcommand(
        name,
        __TS__ArraySlice(cmd.fargs, 1),
        invocation
    )
end
--- Completion for :Ollama: subcommands, then what the subcommand takes.
function ____exports.complete(argLead, cmdLine, _cursorPos)
    local typed = typedArgs(argLead, cmdLine)
    if #typed == 0 then
        return withPrefix(____exports.ORDER, argLead)
    end
    local sub = ____exports.SUBCOMMANDS[typed[1]]
    if sub == nil or sub.complete == nil then
        return {}
    end
    return sub.complete(argLead, cmdLine)
end
--- :OllamaUpdate [model ...]
function ____exports.run_update(cmd)
    callApi("update", {models = #cmd.fargs > 0 and cmd.fargs or nil, check_only = false})
end
--- Completion for :OllamaUpdate: local model names not typed yet.
function ____exports.complete_update(argLead, cmdLine, _cursorPos)
    return withPrefix(
        models(),
        argLead,
        typedArgs(argLead, cmdLine, "OllamaUpdate")
    )
end
return ____exports
