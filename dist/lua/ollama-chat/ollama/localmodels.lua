-- generated from src/ollama-chat/ollama/localmodels.ts by TypeScriptToLua; do not edit
local ____exports = {}
local client = require("ollama-chat.ollama.client")
-- The names of the local models as of the last /api/tags answer. Command-line completion must
-- answer at once, so it reads this list; every part of the plugin that lists the models (the
-- chat's picker and checks, an update run) feeds it, so there is one list with one lifetime.
--- A list older than this (ms) is refreshed in the background when read.
____exports.TTL_MS = 5000
local names = {}
local updatedAt = -1
local refreshing = false
--- Called once the refresh under way has answered (completion waiting for its first names).
local waiters = {}
--- Records an /api/tags answer.
function ____exports.remember(models)
    local list = {}
    for ____, m in ipairs(models) do
        list[#list + 1] = m.name
    end
    names = list
    updatedAt = vim.uv.now()
end
--- The names known now (a copy); a stale list is refreshed in the background for the next call.
function ____exports.cached()
    if not refreshing and (updatedAt < 0 or vim.uv.now() - updatedAt > ____exports.TTL_MS) then
        refreshing = true
        client.tags(function(err, models)
            refreshing = false
            if err == nil and models ~= nil then
                ____exports.remember(models)
            else
                updatedAt = vim.uv.now()
            end
            local called = waiters
            waiters = {}
            for ____, cb in ipairs(called) do
                cb()
            end
        end)
    end
    local copy = {}
    for ____, name in ipairs(names) do
        copy[#copy + 1] = name
    end
    return copy
end
--- Calls `cb` when the refresh under way has answered; false (and no call) when none is under way.
function ____exports.afterRefresh(cb)
    if not refreshing then
        return false
    end
    waiters[#waiters + 1] = cb
    return true
end
return ____exports
