-- generated from src/ollama-chat/actions.ts by TypeScriptToLua; do not edit
local ____exports = {}
local leaveVisual
local ____completion = require("ollama-chat.completion")
local candidates = ____completion.candidates
local withPrefix = ____completion.withPrefix
local ____lazy = require("ollama-chat.lazy")
local lazy = ____lazy.lazy
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____picker = require("ollama-chat.ui.picker")
local pick = ____picker.pick
function leaveVisual()
    local a, b = vim.fn.line("v"), vim.fn.line(".")
    vim.api.nvim_feedkeys("", "nx", false)
    return a <= b and ({a, b}) or ({b, a})
end
-- The actions: one entry per thing a user asks of the plugin. From this table come the :Ollama
-- subcommands and their completion (commands.ts), the bare-:Ollama picker, the
-- <Plug>(ollama-chat-*) mappings and the default keymaps (keymaps.ts, through the generated
-- keys.lua), the `keymaps` option's names (config.ts) and the commands and keymaps sections of
-- doc/ollama-chat.txt (scripts/gen-docs.lua). Adding a subcommand is adding an entry here.
local api = lazy("ollama-chat")
local health = lazy("ollama-chat.health")
local updater = lazy("ollama-chat.update.updater")
____exports.LAYOUTS = {"horizontal", "vertical"}
local function models()
    return candidates("models")
end
local function chats()
    return candidates("chats")
end
--- Completes the action's first argument only.
local function firstArg(source)
    return function(lead, typed) return #typed == 0 and withPrefix(
        source(),
        lead
    ) or ({}) end
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
local function setLayout(layout)
    if layout == nil then
        pick({
            prompt = "Layout",
            items = ____exports.LAYOUTS,
            format = function(l) return l end,
            on_choice = function(l)
                if l ~= nil then
                    api().set_layout(l)
                end
            end
        })
    elseif layout == "horizontal" or layout == "vertical" then
        api().set_layout(layout)
    else
        notify((":Ollama layout expects horizontal or vertical, got \"" .. layout) .. "\".", vim.log.levels.ERROR)
    end
end
local function pull(name)
    if name ~= nil then
        api().pull(name)
        return
    end
    updater().askToPull(function(picked) return api().pull(picked) end)
end
local function copy(args)
    if #args ~= 2 then
        notify(
            ((":Ollama copy takes two model names, {from} and {to}, got " .. tostring(#args)) .. ": ") .. table.concat(args, " "),
            vim.log.levels.ERROR
        )
        return
    end
    api().copy_model(args[1], args[2])
end
--- The chat's model, state and speed, then what Ollama answers now (asked asynchronously).
local function showStatus()
    -- Partial: a spy (or an older statusline helper) may return fewer fields.
    local status = api().status()
    if status == nil then
        return
    end
    local parts = {"model " .. (status.model or "none"), "state " .. (status.state or "unknown")}
    if type(status.tokens_per_second) == "number" then
        parts[#parts + 1] = string.format("%.1f tokens/s", status.tokens_per_second)
    end
    health().status(table.concat(parts, ", "))
end
--- Every action, in the order completion, the bare-:Ollama picker and the help show them.
____exports.ACTIONS = {
    {
        name = "open",
        desc = "open the chat with the default model",
        keys = {{suffix = "o"}},
        run = function() return api().open() end
    },
    {
        name = "model",
        synopsis = "[name]",
        desc = "set the default model (persistent)",
        help = "Set the default model (persistent); without a name, pick one.",
        single = "one model name",
        keys = {{plug = "default_model", suffix = "d"}},
        complete = firstArg(models),
        run = function(inv) return api().select_model(inv.args[1]) end
    },
    {
        name = "switch",
        synopsis = "[name]",
        desc = "switch the model of the open chat",
        single = "one model name",
        keys = {{plug = "switch_model", suffix = "m"}},
        complete = firstArg(models),
        run = function(inv) return api().switch_model(inv.args[1]) end
    },
    {
        name = "toggle",
        desc = "hide or show the chat pane",
        keys = {{suffix = "t"}},
        run = function() return api().toggle() end
    },
    {
        name = "close",
        desc = "close the chat session",
        help = "End the chat session (stops any reply).",
        keys = {{suffix = "c"}},
        run = function() return api().close() end
    },
    {
        name = "layout",
        synopsis = "{horizontal|vertical}",
        desc = "chat in a horizontal or vertical split (persistent)",
        help = "Re-split the chat pane (persistent); without a layout, pick one.",
        single = "horizontal or vertical",
        keys = {{plug = "horizontal", suffix = "h", args = {"horizontal"}, desc = "chat in a horizontal split (persistent)"}, {plug = "vertical", suffix = "v", args = {"vertical"}, desc = "chat in a vertical split (persistent)"}},
        complete = firstArg(function() return ____exports.LAYOUTS end),
        run = function(inv) return setLayout(inv.args[1]) end
    },
    {
        name = "save",
        synopsis = "[name]",
        desc = "save the chat under a name",
        keys = {{suffix = "s"}},
        complete = firstArg(chats),
        run = function(inv) return api().save(orNil(inv.rest)) end
    },
    {
        name = "load",
        synopsis = "[name]",
        desc = "load a saved chat (read-only)",
        help = "Open a saved chat in a read-only buffer.",
        keys = {{suffix = "l"}},
        complete = firstArg(chats),
        run = function(inv) return api().load(orNil(inv.rest)) end
    },
    {
        name = "resume",
        synopsis = "[name]",
        desc = "continue a saved chat as the active one",
        complete = firstArg(chats),
        run = function(inv) return api().resume(orNil(inv.rest)) end
    },
    {
        name = "clear",
        desc = "delete all saved chats, after confirmation",
        keys = {{suffix = "x"}},
        run = function() return api().clear_saved({}) end
    },
    {
        name = "ask",
        synopsis = "[prompt]",
        desc = "ask about the buffer or the lines of a range",
        help = "Ask about the buffer, or the lines of range (asks for the question when none is given).",
        range = true,
        keys = {{suffix = "a", modes = {"n", "x"}, desc = "ask about the buffer or the selection"}},
        run = function(inv) return api().ask({
            prompt = orNil(inv.rest),
            range = inv.range
        }) end
    },
    {
        name = "apply",
        desc = "apply the chat's code block through a diff",
        help = "Apply the code block under the cursor in the chat (else the last reply's last block) to the lines asked about (else the buffer the chat came from), shown first as a diff: ga/<CR> accept, gr/q reject, ]c/[c hunks.",
        keys = {{suffix = "p"}},
        run = function() return api().apply() end
    },
    {
        name = "edit",
        synopsis = "{instruction}",
        desc = "rewrite the buffer or the lines of a range with the chat's model",
        help = "Rewrite the buffer, or the lines of range, as the instruction says (asked for when none is given); the new text streams into a diff to accept or reject.",
        range = true,
        keys = {{suffix = "e", modes = {"x"}, desc = "rewrite the selection with the chat's model"}},
        run = function(inv) return api().edit({
            prompt = orNil(inv.rest),
            range = inv.range
        }) end
    },
    {
        name = "regenerate",
        desc = "replace the last reply with a new one",
        help = "Replace the last reply with a new one from the same history and the chat's model; a failed or stopped turn is retried.",
        keys = {{suffix = "r"}},
        run = function() return api().regenerate() end
    },
    {
        name = "stop",
        desc = "stop the reply being generated",
        help = "Stop the reply, and a running update.",
        run = function() return api().stop() end
    },
    {
        name = "update",
        synopsis = "[model ...]",
        desc = "update all local models, or the ones named",
        help = "Same as |:OllamaUpdate|.",
        keys = {{suffix = "u", desc = "update all models"}},
        complete = function(lead, typed) return withPrefix(
            models(),
            lead,
            typed
        ) end,
        run = function(inv) return api().update({models = #inv.args > 0 and inv.args or nil, check_only = false}) end
    },
    {
        name = "outdated",
        desc = "list the models that have a newer version",
        help = "Which models have a newer version (downloads nothing).",
        run = function() return api().update({check_only = true}) end
    },
    {
        name = "pull",
        synopsis = "{model}",
        desc = "download a model",
        help = "Download a model, with progress; without a name, asks for one.",
        single = "one model name",
        complete = firstArg(models),
        run = function(inv) return pull(inv.args[1]) end
    },
    {
        name = "models",
        desc = "manage the local models",
        help = "List the local models (size, details, capabilities, loaded or not); keys in it delete, copy, load, unload, update, pull and chat (|ollama-chat-models|).",
        keys = {{suffix = "i"}},
        run = function() return api().models() end
    },
    {
        name = "delete",
        synopsis = "{model}",
        desc = "delete a local model, after confirmation",
        single = "one model name",
        complete = firstArg(models),
        run = function(inv) return api().delete_model(inv.args[1]) end
    },
    {
        name = "copy",
        synopsis = "{from} {to}",
        desc = "copy a local model under a new name",
        help = "Copy a local model under a new name; an existing {to} is asked about first.",
        complete = firstArg(models),
        run = function(inv) return copy(inv.args) end
    },
    {
        name = "preload",
        synopsis = "{model}",
        desc = "load a model into memory",
        help = "Load a model into memory for `chat.keep_alive` (an empty request, as Ollama documents).",
        single = "one model name",
        complete = firstArg(models),
        run = function(inv) return api().preload_model(inv.args[1]) end
    },
    {
        name = "unload",
        synopsis = "[model]",
        desc = "unload a model from memory (all without a name)",
        help = "Unload a model from memory (`keep_alive` 0); without a name, every loaded model.",
        single = "one model name",
        complete = firstArg(models),
        run = function(inv) return api().unload_model(inv.args[1]) end
    },
    {
        name = "status",
        desc = "show the chat's model and state, and ask Ollama how it is",
        help = "The chat's model, state and speed, and what Ollama answers now: its version, the number of models, whether the default model is installed.",
        run = function() return showStatus() end
    }
}
local byName = {}
for ____, action in ipairs(____exports.ACTIONS) do
    byName[action.name] = action
end
--- The action of subcommand `name`, if there is one.
function ____exports.find(name)
    return byName[name]
end
--- The names of the subcommands, in table order.
function ____exports.names()
    local out = {}
    for ____, action in ipairs(____exports.ACTIONS) do
        out[#out + 1] = action.name
    end
    return out
end
--- The <Plug> name of a key: its own, else its action's.
function ____exports.plugOf(action, key)
    return key.plug or action.name
end
--- Runs the action behind <Plug>(ollama-chat-<plug>) as typed in `mode` (keymaps.ts calls it).
function ____exports.press(plug, mode)
    for ____, action in ipairs(____exports.ACTIONS) do
        for ____, key in ipairs(action.keys or ({})) do
            if ____exports.plugOf(action, key) == plug then
                local invocation = {args = key.args or ({}), rest = ""}
                if mode == "x" and action.range == true then
                    invocation.range = leaveVisual()
                end
                action.run(invocation)
                return
            end
        end
    end
end
return ____exports
