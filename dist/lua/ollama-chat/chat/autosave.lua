-- generated from src/ollama-chat/chat/autosave.ts by TypeScriptToLua; do not edit
local ____exports = {}
local store, autoNames, autoPaths
local transcript = require("ollama-chat.format.transcript")
local chats = require("ollama-chat.store.chats")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____buffer = require("ollama-chat.chat.buffer")
local markSaved = ____buffer.markSaved
local registry = require("ollama-chat.chat.registry")
local ____conversation = require("ollama-chat.chat.conversation")
local changes = ____conversation.changes
--- Whether a saved chat's name is an automatic one.
function ____exports.isAuto(name)
    return vim.startswith(name, ____exports.AUTO_PREFIX)
end
--- The name the conversation is kept under.
function ____exports.nameOf(c)
    if c.savedName ~= nil then
        return c.savedName
    end
    local name = autoNames[c.id]
    if name == nil then
        name = ____exports.AUTO_PREFIX .. os.date("%Y%m%d-%H%M%S")
        autoNames[c.id] = name
    end
    return name
end
function store(c, messages, tick)
    local name = ____exports.nameOf(c)
    local buf = c:validBuffer()
    chats.save(
        name,
        transcript.lastModel(messages) or c.model or "unknown",
        messages,
        function(err, result)
            -- Kept on disk as the buffer still says: nothing to lose by closing or quitting it.
            if err == nil and buf ~= nil and vim.api.nvim_buf_is_valid(buf) and vim.api.nvim_buf_get_changedtick(buf) == tick then
                markSaved(buf)
            end
            if err ~= nil then
                notify("the conversation was not kept: " .. err, vim.log.levels.WARN)
            elseif result ~= nil and c.savedName == nil then
                autoNames[c.id] = result.name
                local previous = autoPaths[c.id]
                autoPaths[c.id] = result.path
                -- A history rewritten (regenerate, undo, a retried turn) is kept in a new file: the one
                -- this conversation was kept in before is an older state of it, not another conversation.
                if previous ~= nil and previous ~= result.path then
                    vim.uv.fs_unlink(
                        previous,
                        function() return nil end
                    )
                end
            elseif result ~= nil and ____exports.isAuto(name) and c.savedName ~= nil and not ____exports.isAuto(c.savedName) then
                -- Saved under a name while this was being written: the named file holds it all.
                vim.uv.fs_unlink(
                    result.path,
                    function() return nil end
                )
            end
        end
    )
end
-- Conversations are never lost: after each reply, a conversation with a reply is kept in the
-- chats folder (atomically, as a saved chat) under its saved name, else an automatic one
-- (`auto-<when it began>`). Saving it under a name makes that its name from then on.
--- Automatic chats are named with this prefix (the picker shows them apart).
____exports.AUTO_PREFIX = "auto-"
autoNames = {}
autoPaths = {}
local function hasReply(messages)
    for ____, m in ipairs(messages) do
        if m.role == "assistant" and vim.trim(m.content) ~= "" then
            return true
        end
    end
    return false
end
--- Keeps `c` in the chats folder now (a failure is told once, in one line).
function ____exports.keep(c)
    c:readLater(function(messages, tick)
        -- A reply began while the chat was read: it is kept when it ends.
        if c:isStreaming() or not hasReply(messages) then
            return
        end
        store(c, messages, tick)
    end)
end
--- The conversation was saved under a name: its automatic file goes (the named one holds it all).
function ____exports.renamed(c, done)
    local path = autoPaths[c.id]
    autoPaths[c.id] = nil
    autoNames[c.id] = nil
    if path == nil then
        return done()
    end
    vim.uv.fs_unlink(
        path,
        function() return vim.schedule(done) end
    )
end
local done = false
--- Subscribes once: each reply that ends (well, stopped or failed after some text) is kept.
function ____exports.setup()
    if done then
        return
    end
    done = true
    changes:subscribe(function(p)
        if p.state ~= "idle" and p.state ~= "error" then
            return
        end
        local c = registry.get(p.conversation)
        if c ~= nil then
            vim.schedule(function() return ____exports.keep(c) end)
        end
    end)
end
return ____exports
