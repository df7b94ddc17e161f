-- generated from src/ollama-chat/models/lifecycle.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local config = require("ollama-chat.config")
local ____lazy = require("ollama-chat.lazy")
local lazy = ____lazy.lazy
local client = require("ollama-chat.ollama.client")
local ____names = require("ollama-chat.ollama.names")
local fullName = ____names.fullName
local invalidName = ____names.invalidName
local sameModel = ____names.sameModel
local prefs = require("ollama-chat.store.prefs")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local listing = require("ollama-chat.models.listing")
local ____bytes = require("ollama-chat.format.bytes")
local bytes = ____bytes.bytes
-- What can be done to a local model: delete, copy, load into memory, unload. Shared by the
-- model manager's keys, the :Ollama subcommands and the API. Each asks before it destroys
-- anything, says what happened in one line, and then refreshes the listing.
-- Choosing a new default belongs to the chat feature, loaded when a default model is deleted.
local chatModels = lazy("ollama-chat.chat.models")
local ERROR = vim.log.levels.ERROR
local function defaultModel()
    local m = prefs.get("default_model")
    return type(m) == "string" and m or nil
end
--- The name as typed, trimmed, or undefined (and told) when there is none.
local function named(name, what)
    if type(name) ~= "string" or vim.trim(name) == "" then
        notify(what .. " needs a model name, such as llama3.2:3b", ERROR)
        return nil
    end
    local trimmed = vim.trim(name)
    local bad = invalidName(trimmed)
    if bad ~= nil then
        notify((("cannot " .. what) .. ": ") .. bad, ERROR)
        return nil
    end
    return trimmed
end
--- The local model `name` denotes, from a fresh listing; told when it is not installed.
local function findLocal(name, what, cb)
    listing.refreshTags(function(err)
        if err ~= nil then
            return notify(err.message, ERROR)
        end
        local models = listing.tags() or ({})
        local found = __TS__ArrayFind(
            models,
            function(____, m) return m.name == name end
        )
        if found == nil then
            found = __TS__ArrayFind(
                models,
                function(____, m) return sameModel(m.name, name) end
            )
        end
        if found == nil then
            return notify(((("cannot " .. what) .. " ") .. name) .. ": it is not installed (`:Ollama models` lists the local models)", ERROR)
        end
        cb(found)
    end)
end
--- Asks yes or no with vim.ui.select; `yes` only on the first choice.
local function confirm(prompt, yes, onYes)
    vim.ui.select(
        {yes, "Cancel"},
        {prompt = prompt},
        function(choice)
            if choice == yes then
                onYes()
            end
        end
    )
end
local function refreshAll()
    listing.refreshTags()
    listing.refreshRunning()
end
local function afterDelete(model, err)
    if err ~= nil and err.kind == "not_found" then
        notify(model.name .. " was already deleted (by another client?): removed from the list", vim.log.levels.WARN)
        listing.forget(model.name)
        return refreshAll()
    end
    if err ~= nil then
        return notify((("could not delete " .. model.name) .. ": ") .. err.message, ERROR)
    end
    listing.forget(model.name)
    refreshAll()
    local def = defaultModel()
    if def ~= nil and sameModel(def, model.name) then
        notify(
            ((("deleted " .. model.name) .. " (") .. bytes(model.size)) .. "), the default model: pick a new default",
            vim.log.levels.WARN
        )
        chatModels().selectDefault(nil)
    else
        notify(((("deleted " .. model.name) .. " (") .. bytes(model.size)) .. ")")
    end
end
--- Deletes a model after a confirmation naming it and its size; `force` skips the question.
function ____exports.deleteModel(name, opts)
    local wanted = named(name, "delete")
    if wanted == nil then
        return
    end
    findLocal(
        wanted,
        "delete",
        function(model)
            local function remove()
                return client.remove(
                    model.name,
                    function(err) return afterDelete(model, err) end
                )
            end
            if opts ~= nil and type(opts) == "table" and opts.force == true then
                remove()
                return nil
            end
            local def = defaultModel()
            local isDefault = def ~= nil and sameModel(def, model.name)
            local prompt = (((("Delete " .. model.name) .. " (") .. bytes(model.size)) .. ")?") .. (isDefault and " It is the default model: you will pick a new one." or "")
            confirm(
                prompt,
                "Delete " .. model.name,
                function()
                    remove()
                    return nil
                end
            )
        end
    )
end
--- Copies `from` to `to` (checked against Ollama's name rules); an existing `to` is asked about.
function ____exports.copyModel(from, to, done)
    local source = named(from, "copy")
    if source == nil then
        return
    end
    if type(to) ~= "string" or vim.trim(to) == "" then
        return notify("copy needs the new name, such as `:Ollama copy llama3.2:3b mine:latest`", ERROR)
    end
    local target = vim.trim(to)
    local bad = invalidName(target)
    if bad ~= nil then
        return notify("cannot copy: " .. bad, ERROR)
    end
    findLocal(
        source,
        "copy",
        function(model)
            local dest = fullName(target)
            if sameModel(model.name, dest) then
                return notify(((model.name .. " and ") .. target) .. " are the same model: give another name", ERROR)
            end
            local function run()
                return client.copy(
                    model.name,
                    dest,
                    function(err)
                        if err ~= nil then
                            return notify((((("could not copy " .. model.name) .. " to ") .. dest) .. ": ") .. err.message, ERROR)
                        end
                        notify((("copied " .. model.name) .. " to ") .. dest)
                        listing.refreshTags(function() return done and done(dest) end)
                    end
                )
            end
            local existing = __TS__ArrayFind(
                listing.tags() or ({}),
                function(____, m) return sameModel(m.name, dest) end
            )
            if existing == nil then
                run()
                return nil
            end
            confirm(
                ((((existing.name .. " exists (") .. bytes(existing.size)) .. "). Overwrite it with a copy of ") .. model.name) .. "?",
                "Overwrite " .. existing.name,
                function()
                    run()
                    return nil
                end
            )
        end
    )
end
--- Loads a model into memory for the chat's keep_alive (an empty chat request, as Ollama documents).
function ____exports.preloadModel(name)
    local wanted = named(name, "preload")
    if wanted == nil then
        return
    end
    local keepAlive = config.get().chat.keep_alive
    notify(("loading " .. wanted) .. " into memory…")
    client.load(
        wanted,
        keepAlive,
        function(err)
            if err ~= nil then
                return notify((("could not load " .. wanted) .. ": ") .. err.message, ERROR)
            end
            notify((wanted .. " is loaded") .. (keepAlive ~= nil and (" (keep_alive " .. tostring(keepAlive)) .. ")" or ""))
            listing.refreshRunning()
        end
    )
end
local function unloadOne(name)
    client.unload(
        name,
        function(err)
            if err ~= nil then
                return notify((("could not unload " .. name) .. ": ") .. err.message, ERROR)
            end
            notify(name .. " is unloaded from memory")
            listing.refreshRunning()
        end
    )
end
--- Unloads a model from memory (keep_alive 0); without a name, every loaded model.
function ____exports.unloadModel(name)
    if name ~= nil and name ~= nil and (type(name) ~= "string" or vim.trim(name) ~= "") then
        local wanted = named(name, "unload")
        if wanted ~= nil then
            unloadOne(wanted)
        end
        return
    end
    listing.refreshRunning(function(err)
        if err ~= nil then
            return notify(err.message, ERROR)
        end
        local loaded = listing.running()
        if #loaded == 0 then
            return notify("no model is loaded in memory")
        end
        if #loaded == 1 then
            return unloadOne(loaded[1].name)
        end
        -- Several: one message once all have answered (one each would hide all but the last).
        local unloaded = {}
        local failed = {}
        local pending = #loaded
        for ____, m in ipairs(loaded) do
            client.unload(
                m.name,
                function(uerr)
                    if uerr ~= nil then
                        failed[#failed + 1] = ((m.name .. " (") .. uerr.message) .. ")"
                    else
                        unloaded[#unloaded + 1] = m.name
                    end
                    pending = pending - 1
                    if pending > 0 then
                        return
                    end
                    listing.refreshRunning()
                    if #unloaded > 0 then
                        notify("unloaded from memory: " .. table.concat(unloaded, ", "))
                    end
                    if #failed > 0 then
                        notify(
                            "could not unload " .. table.concat(failed, "; "),
                            ERROR
                        )
                    end
                end
            )
        end
    end)
end
--- Calls `cb` with the models loaded in memory (/api/ps), or undefined and the error message.
function ____exports.running(cb)
    if type(cb) ~= "function" then
        return notify("running() expects a function, such as running(function(models) print(#models) end)", ERROR)
    end
    listing.refreshRunning(function(err)
        local fn = cb
        if err ~= nil then
            fn(nil, err.message)
        else
            fn(listing.running())
        end
    end)
end
return ____exports
