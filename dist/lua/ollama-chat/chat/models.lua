-- generated from src/ollama-chat/chat/models.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local whenMissing, lookUp, switchAfterPull, updater, MARK, NO_MARK
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
--- Lets the user pick one of the local models that can chat, each with its capabilities as badges
-- (and `extras.marked` marked); calls back with its full name (or undefined).
function ____exports.pickModel(prompt, cb, extras)
    if extras == nil then
        extras = {}
    end
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
                local marked = extras.marked
                local hasMark = marked ~= nil and __TS__ArrayFind(
                    chatModels,
                    function(____, m) return sameModel(m.name, marked) end
                ) ~= nil
                local function format(m)
                    local badges = capabilities.badges(capabilities.cached(m))
                    local row = badges == "" and base(m) or ((base(m) .. "  [") .. badges) .. "]"
                    if not hasMark then
                        return row
                    end
                    if not sameModel(m.name, marked) then
                        return NO_MARK .. row
                    end
                    return extras.markLabel ~= nil and (((MARK .. row) .. "  (") .. extras.markLabel) .. ")" or MARK .. row
                end
                pick({
                    prompt = prompt,
                    items = chatModels,
                    format = format,
                    on_choice = function(m)
                        if m == nil and extras.onCancel ~= nil then
                            return extras.onCancel()
                        end
                        cb(m and m.name)
                    end
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
function lookUp(name, cb)
    client.tags(function(err, models)
        if err ~= nil or models == nil then
            return cb(nil, err and err.message or "could not list the local models")
        end
        localModels.remember(models)
        local ____cb_15 = cb
        local ____opt_13 = __TS__ArrayFind(
            models,
            function(____, m) return sameModel(m.name, name) end
        )
        ____cb_15(____opt_13 and ____opt_13.name, nil)
    end)
end
function switchAfterPull(name, keeps, use)
    vim.api.nvim_create_autocmd(
        "User",
        {
            pattern = "OllamaUpdateDone",
            once = true,
            callback = function()
                lookUp(
                    name,
                    function(installed)
                        if installed ~= nil then
                            use(installed)
                        else
                            notify(
                                (inline(name) .. " was not pulled: ") .. keeps,
                                vim.log.levels.WARN
                            )
                        end
                    end
                )
            end
        }
    )
end
updater = lazy("ollama-chat.update.updater")
--- Names for completion: what is known now; a stale list is refreshed in the background.
function ____exports.completionNames()
    return localModels.cached()
end
MARK = "● "
NO_MARK = "  "
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
function ____exports.selectDefault(name, cb, onCancel)
    if name == nil then
        local function done(picked)
            if picked ~= nil then
                persistDefault(picked)
            end
            if cb ~= nil then
                cb(picked)
            end
        end
        local ____temp_8
        if onCancel == nil then
            ____temp_8 = nil
        else
            ____temp_8 = function()
                onCancel()
                if cb ~= nil then
                    cb(nil)
                end
            end
        end
        local cancelled = ____temp_8
        ____exports.pickModel(
            "Default model",
            done,
            {
                marked = ____exports.defaultModel(),
                markLabel = "default",
                onCancel = cancelled
            }
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
        -- The very first pick: closing it leaves the chat without a model, which the user is told.
        ____exports.selectDefault(
            nil,
            cb,
            function() return notify("no model chosen: the chat needs one; pick it with `:Ollama model` (<leader>od) or open the chat again", vim.log.levels.WARN) end
        )
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
--- Checks `name` against the local models before the chat switches to it: one in the last listing
-- is switched to at once (`use`), else Ollama is asked in the background: an installed model is
-- switched to; a missing one is offered to pull (the switch happens once
-- the pull brings it) or to keep `current`. Nothing switches on a name Ollama does not have.
-- `settled` is called once the check is over (the user answered; a pull may still be running).
function ____exports.checkSwitch(name, current, use, settled)
    -- A model the last listing had switches at once (a later 404 still offers the pull); others wait for Ollama's answer.
    local known = __TS__ArrayFind(
        localModels.cached(),
        function(____, n) return sameModel(n, name) end
    )
    if known ~= nil then
        use(known)
        return settled()
    end
    local keeps = current ~= nil and "the chat keeps " .. inline(current) or "the chat has no model yet"
    lookUp(
        name,
        function(installed, err)
            if err ~= nil then
                notify(
                    (((("could not check " .. inline(name)) .. " (") .. err) .. "); ") .. keeps,
                    vim.log.levels.ERROR
                )
                return settled()
            end
            if installed ~= nil then
                use(installed)
                return settled()
            end
            notify(
                inline(name) .. " is not installed: pull it now, or keep the current model",
                vim.log.levels.WARN
            )
            local pullIt = ("Pull " .. inline(name)) .. " now, then switch to it"
            local keep = current ~= nil and "Keep " .. inline(current) or "Keep no model"
            vim.ui.select(
                {pullIt, keep},
                {prompt = inline(name) .. " is not installed"},
                function(choice)
                    if choice ~= pullIt then
                        notify("no switch: " .. keeps)
                    else
                        switchAfterPull(name, keeps, use)
                        updater().pull(name)
                    end
                    settled()
                end
            )
        end
    )
end
return ____exports
