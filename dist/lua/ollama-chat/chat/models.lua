-- generated from src/ollama-chat/chat/models.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local whenMissing, updater
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local ____lazy = require("ollama-chat.lazy")
local lazy = ____lazy.lazy
local capabilities = require("ollama-chat.ollama.capabilities")
local client = require("ollama-chat.ollama.client")
local localModels = require("ollama-chat.ollama.localmodels")
local ____names = require("ollama-chat.ollama.names")
local fullName = ____names.fullName
local sameModel = ____names.sameModel
local prefs = require("ollama-chat.store.prefs")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____picker = require("ollama-chat.ui.picker")
local pick = ____picker.pick
local ____models = require("ollama-chat.ui.picker.models")
local modelFormatter = ____models.modelFormatter
--- Local models, fetched now; errors and "none installed" are told to the user.
function ____exports.fetch(cb)
    client.tags(function(err, models)
        if err ~= nil or models == nil then
            notify(err and err.message or "could not list the local models", vim.log.levels.ERROR)
            return cb(nil)
        end
        localModels.remember(models)
        if #models == 0 then
            notify("no models are installed: pull one with `:Ollama pull llama3.2` (or `ollama pull llama3.2`)", vim.log.levels.WARN)
            return cb(nil)
        end
        cb(models)
    end)
end
--- Lets the user pick one of the local models that can chat, each with its capabilities as badges;
-- calls back with its full name (or undefined).
function ____exports.pickModel(prompt, cb)
    ____exports.fetch(function(models)
        if models == nil then
            return cb(nil)
        end
        capabilities.ofAll(
            models,
            function(caps)
                local chatModels = {}
                do
                    local i = 0
                    while i < #models do
                        local c = caps[i + 1]
                        if c == nil or capabilities.canChat(c) then
                            chatModels[#chatModels + 1] = models[i + 1]
                        end
                        i = i + 1
                    end
                end
                if #chatModels == 0 then
                    notify("none of the installed models can chat (embedding models only): pull one with `:Ollama pull llama3.2`", vim.log.levels.WARN)
                    return cb(nil)
                end
                local base = modelFormatter(chatModels)
                local function format(m)
                    local badges = capabilities.badges(capabilities.cached(m))
                    return badges == "" and base(m) or ((base(m) .. "  [") .. badges) .. "]"
                end
                pick({
                    prompt = prompt,
                    items = chatModels,
                    format = format,
                    on_choice = function(m) return cb(m and m.name) end
                })
            end
        )
    end)
end
function whenMissing(model, missing)
    client.tags(function(err, models)
        if err ~= nil or models == nil then
            return
        end
        localModels.remember(models)
        if __TS__ArrayFind(
            models,
            function(____, m) return sameModel(m.name, model) end
        ) == nil then
            missing()
        end
    end)
end
--- After a 404: offers to pull the model (with progress) or to pick another.
function ____exports.offerMissing(model, onPicked)
    local pullIt = ("Pull " .. inline(model)) .. " now"
    local other = "Choose another model"
    vim.ui.select(
        {pullIt, other},
        {prompt = inline(model) .. " is not installed"},
        function(choice)
            if choice == pullIt then
                updater().pull(model)
            elseif choice == other then
                ____exports.pickModel(
                    "Chat model",
                    function(name)
                        if name ~= nil then
                            onPicked(name)
                        end
                    end
                )
            end
        end
    )
end
updater = lazy("ollama-chat.update.updater")
--- Names for completion: what is known now; a stale list is refreshed in the background.
function ____exports.completionNames()
    return localModels.cached()
end
function ____exports.defaultModel()
    local m = prefs.get("default_model")
    return type(m) == "string" and m or nil
end
--- Persists the default; it is announced once written, or the one-line write error is shown instead.
local function persistDefault(name)
    local err = prefs.set(
        {default_model = name},
        function(werr)
            if werr ~= nil then
                notify(werr, vim.log.levels.ERROR)
            else
                notify("default model: " .. inline(name))
            end
        end
    )
    if err ~= nil then
        notify(err, vim.log.levels.ERROR)
    end
end
--- Sets the default model: `name` when given (set at once, with its tag, then checked against the
-- local models in the background), else the one picked. Calls back with the model set.
function ____exports.selectDefault(name, cb)
    if name == nil then
        ____exports.pickModel(
            "Default model",
            function(picked)
                if picked ~= nil then
                    persistDefault(picked)
                end
                if cb ~= nil then
                    cb(picked)
                end
            end
        )
        return
    end
    local model = fullName(name)
    persistDefault(model)
    if cb ~= nil then
        cb(model)
    end
    whenMissing(
        model,
        function() return ____exports.offerMissing(
            model,
            function(picked) return persistDefault(picked) end
        ) end
    )
end
--- The model for a new chat: the default when there is one (checked in the background: a default
-- that is no longer installed is reported and the picker offered), else the one the user picks.
function ____exports.resolve(cb, onReplaced)
    local current = ____exports.defaultModel()
    if current == nil then
        ____exports.selectDefault(nil, cb)
        return
    end
    cb(current)
    whenMissing(
        current,
        function()
            notify(
                ("the default model " .. inline(current)) .. " is no longer installed: pick another",
                vim.log.levels.WARN
            )
            ____exports.selectDefault(
                nil,
                function(picked)
                    if picked ~= nil then
                        onReplaced(picked)
                    end
                end
            )
        end
    )
end
return ____exports
