-- generated from src/ollama-chat/update/updater.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local start, state
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local localModelNames = require("ollama-chat.ollama.localmodels")
local ____names = require("ollama-chat.ollama.names")
local invalidName = ____names.invalidName
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____report = require("ollama-chat.update.report")
local outdated = ____report.outdated
local ____run = require("ollama-chat.update.run")
local Run = ____run.Run
local view = require("ollama-chat.update.view")
function start(request)
    local run
    run = __TS__New(
        Run,
        request,
        {
            on_end = function()
                if state.active == run then
                    state.active = nil
                end
            end,
            update_outdated = function() return ____exports.updateOutdated() end
        }
    )
    state.active = run
    state.last = run
    run:start()
end
--- Downloads a model (new or installed) with the same progress view; joins a running update.
function ____exports.pull(model)
    if type(model) ~= "string" or vim.trim(model) == "" then
        notify("pull needs a model name, such as `:Ollama pull llama3.2:3b`", vim.log.levels.ERROR)
        return
    end
    local name = vim.trim(model)
    local active = state.active
    if active ~= nil then
        if active:add(name) then
            view.show(true)
            return
        end
        notify(
            ("a check for outdated models is running: pull " .. inline(name)) .. " when it ends (x in its view stops it)",
            vim.log.levels.WARN
        )
        return
    end
    start({mode = "update", names = {name}, install = true})
end
--- Shows the progress view of the running (or last) run and moves into it; false when there is none.
function ____exports.reopen()
    if state.last == nil then
        notify("no update to show: run `:OllamaUpdate` or `:Ollama outdated` first")
        return false
    end
    view.show(true)
    return true
end
--- After `:Ollama outdated`: updates just the models it found outdated.
function ____exports.updateOutdated()
    local last = state.last
    if state.active ~= nil then
        notify("wait for the running check or update to end, or stop it with x")
        return
    end
    local names = last ~= nil and last.request.mode == "check" and outdated(last.rows) or ({})
    if #names == 0 then
        notify("no outdated models to update: `:Ollama outdated` checks which have a newer version")
        return
    end
    start({mode = "update", names = names, install = false})
end
state = {active = nil, last = nil}
--- The model names of `opts.models` (a list, or one name).
local function readModels(value)
    if value == nil then
        return {}
    end
    local list = type(value) == "string" and ({value}) or value
    if type(list) ~= "table" then
        return {error = "update(): `models` expects a list of model names, got " .. vim.inspect(value)}
    end
    local names = {}
    for ____, name in ipairs(list) do
        if type(name) ~= "string" or vim.trim(name) == "" then
            return {error = "update(): `models` expects model names such as \"llama3.2:3b\", got " .. vim.inspect(name)}
        end
        names[#names + 1] = vim.trim(name)
    end
    return #names > 0 and ({names = names}) or ({})
end
--- Updates the local models (all, or `opts.models`) a few at a time, or with `check_only` asks the
-- registry which ones are outdated. While a run is going, shows its progress instead.
function ____exports.update(opts)
    if opts ~= nil and type(opts) ~= "table" then
        notify(
            "update() expects a table such as { models = { \"llama3.2:3b\" }, check_only = true }, got " .. vim.inspect(opts),
            vim.log.levels.ERROR
        )
        return
    end
    if state.active ~= nil then
        notify((state.active:noun() == "pull" and "a pull" or (state.active:noun() == "check" and "a check" or "an update")) .. " is already running: showing its progress")
        ____exports.reopen()
        return
    end
    local models = readModels(opts and opts.models)
    if models.error ~= nil then
        notify(models.error, vim.log.levels.ERROR)
        return
    end
    start({mode = (opts and opts.check_only) == true and "check" or "update", names = models.names, install = false})
end
--- Asks the name of a model to pull, then pulls it (with `pullWith` when given: the public API's
-- pull); an empty or cancelled answer pulls nothing, and says so.
function ____exports.askToPull(pullWith)
    if pullWith == nil then
        pullWith = ____exports.pull
    end
    vim.ui.input(
        {prompt = "Model to pull (name:tag): "},
        function(input)
            local name = vim.trim(input or "")
            if name == "" then
                return notify("pull cancelled: no model name given")
            end
            local bad = invalidName(name)
            if bad ~= nil then
                return notify("cannot pull: " .. bad, vim.log.levels.ERROR)
            end
            pullWith(name)
        end
    )
end
--- Cancels the running and queued pulls (or checks); true when something was cancelled.
function ____exports.stop()
    return state.active ~= nil and state.active:stop()
end
--- True while a pull, update or check runs (the API's stop() says when nothing does).
function ____exports.isRunning()
    return state.active ~= nil
end
--- The local model names from the last /api/tags answer (for completion, which cannot wait).
function ____exports.localModels()
    return localModelNames.cached()
end
return ____exports
