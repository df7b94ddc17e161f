-- generated from src/ollama-chat/commands.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local actions = require("ollama-chat.actions")
local ____completion = require("ollama-chat.completion")
local typedArgs = ____completion.typedArgs
local withPrefix = ____completion.withPrefix
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____picker = require("ollama-chat.ui.picker")
local pick = ____picker.pick
-- :Ollama {subcommand} and :OllamaUpdate, driven by the action table (actions.ts): parsing,
-- argument checks, completion and the bare-:Ollama picker. No action is named here.
do
    local ____completion = require("ollama-chat.completion")
    ____exports.set_completer = ____completion.set_completer
end
--- The subcommands, in the order completion and the bare-:Ollama picker show them.
____exports.ORDER = actions.names()
local function runAction(action, invocation)
    if action.single ~= nil and #invocation.args > 1 then
        local args = invocation.args
        notify(
            ((((((":Ollama " .. action.name) .. " takes ") .. action.single) .. ", got ") .. tostring(#args)) .. " arguments: ") .. table.concat(args, " "),
            vim.log.levels.ERROR
        )
        return
    end
    action.run(invocation)
end
local function runSubcommand(name, invocation)
    local action = actions.find(name)
    if action == nil then
        notify(
            ((("unknown subcommand \"" .. name) .. "\". Valid subcommands: ") .. table.concat(____exports.ORDER, ", ")) .. ".",
            vim.log.levels.ERROR
        )
        return
    end
    if action.range ~= true then
        invocation.range = nil
    end
    runAction(action, invocation)
end
local function pickSubcommand()
    local width = 0
    for ____, action in ipairs(actions.ACTIONS) do
        width = math.max(width, #action.name)
    end
    pick({
        prompt = "Ollama",
        items = actions.ACTIONS,
        format = function(action) return ((action.name .. string.rep(" ", width - #action.name)) .. "  ") .. action.desc end,
        on_choice = function(action)
            if action ~= nil then
                runAction(action, {args = {}, rest = ""})
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
    local invocation = {
        args = __TS__ArraySlice(cmd.fargs, 1),
        rest = rest or ""
    }
    if cmd.range > 0 then
        invocation.range = {cmd.line1, cmd.line2}
    end
    runSubcommand(name, invocation)
end
--- Completion for :Ollama: subcommands, then what the subcommand takes.
function ____exports.complete(argLead, cmdLine, _cursorPos)
    local typed = typedArgs(argLead, cmdLine, "Ollama")
    if #typed == 0 then
        return withPrefix(____exports.ORDER, argLead)
    end
    local action = actions.find(typed[1])
    if action == nil or action.complete == nil then
        return {}
    end
    return action.complete(
        argLead,
        __TS__ArraySlice(typed, 1)
    )
end
--- :OllamaUpdate [model ...]: the `update` action under its own command.
function ____exports.run_update(cmd)
    runSubcommand("update", {args = cmd.fargs, rest = cmd.args})
end
--- Completion for :OllamaUpdate: local model names not typed yet.
function ____exports.complete_update(argLead, cmdLine, _cursorPos)
    local ____opt_2 = actions.find("update")
    local ____opt_0 = ____opt_2 and ____opt_2.complete
    return ____opt_0 and ____opt_0(
        argLead,
        typedArgs(argLead, cmdLine, "OllamaUpdate")
    ) or ({})
end
return ____exports
