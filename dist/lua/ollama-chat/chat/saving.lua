-- generated from src/ollama-chat/chat/saving.ts by TypeScriptToLua; do not edit
local ____exports = {}
local saveAs, unsaveable, askName, ownName, ask, STREAMING
local transcript = require("ollama-chat.format.transcript")
local chats = require("ollama-chat.store.chats")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local autosave = require("ollama-chat.chat.autosave")
local ____autosave = require("ollama-chat.chat.autosave")
local isAuto = ____autosave.isAuto
local ____buffer = require("ollama-chat.chat.buffer")
local markSaved = ____buffer.markSaved
function saveAs(c, name)
    -- Saving a conversation under a name, as `:w` in its buffer and `:Ollama save` do: asked the
    -- first time (a name suggested), then under that name, appending what is new (store/chats.ts).
    -- 'modified' is cleared once the buffer's text is saved.
    local check = chats.sanitize_name(name)
    if not check.ok then
        notify(check.reason, vim.log.levels.ERROR)
        return
    end
    -- Read in slices: a chat of any size is saved without holding the editor.
    c:readLater(function(messages, tick)
        local why = unsaveable(c, messages)
        if why ~= nil then
            return notify(why, vim.log.levels.WARN)
        end
        local buf = c:validBuffer()
        chats.save(
            check.name,
            transcript.lastModel(messages) or c.model or "unknown",
            messages,
            function(err, result)
                if err ~= nil or result == nil then
                    notify(err or "the chat was not saved", vim.log.levels.ERROR)
                    return
                end
                local named = c.savedName == nil or isAuto(c.savedName)
                c.savedName = result.name
                if buf ~= nil and vim.api.nvim_buf_is_valid(buf) and vim.api.nvim_buf_get_changedtick(buf) == tick then
                    markSaved(buf)
                end
                if named then
                    autosave.renamed(
                        c,
                        function() return notify(result.message) end
                    )
                else
                    notify(result.message)
                end
            end
        )
    end)
end
function unsaveable(c, messages)
    -- Half a reply saved now would stop the finished one from being appended to it later.
    if c:isStreaming() then
        return STREAMING
    end
    if #messages == 0 then
        return "nothing to save: the chat is empty"
    end
    return nil
end
function askName(c, suggested)
    -- <Tab> completes the saved names (vim.ui.input hands `completion` to input()).
    vim.ui.input(
        {prompt = "Save chat as: ", default = suggested, completion = "customlist,v:lua.require'ollama-chat.completion'.savedNames"},
        function(input)
            if input == nil or vim.trim(input) == "" then
                notify("not saved: no name given")
                return
            end
            saveAs(c, input)
        end
    )
end
function ownName(c)
    return c.savedName ~= nil and not isAuto(c.savedName) and c.savedName or nil
end
function ask(c, name, suggest)
    if c:isStreaming() then
        return notify(STREAMING, vim.log.levels.WARN)
    end
    if name ~= nil and vim.trim(name) ~= "" then
        return saveAs(c, name)
    end
    c:readLater(function(messages)
        local why = unsaveable(c, messages)
        if why ~= nil then
            return notify(why, vim.log.levels.WARN)
        end
        askName(
            c,
            ownName(c) or suggest(messages)
        )
    end)
end
STREAMING = "a reply is still streaming: save when it is done, or stop it first with <C-c> or :Ollama stop"
--- A name for a chat never saved: the first words of its first message, else the date.
local function suggestName(messages)
    for ____, m in ipairs(messages) do
        if m.role == "user" and type(m.content) == "string" then
            -- Letters, digits, spaces and dashes only: whatever the message holds, the name is accepted.
            local words = vim.split((string.gsub(m.content, "[^%w%s%-]", "")), "%s+", {trimempty = true})
            local name = ""
            for ____, w in ipairs(words) do
                local next = name == "" and w or (name .. " ") .. w
                if #next > 40 then
                    break
                end
                name = next
            end
            if name ~= "" then
                return name
            end
            break
        end
    end
    return "chat " .. os.date("%Y-%m-%d %H-%M")
end
--- Saves `c` under `name`; without one, asks for it: the first time (no name of its own yet) with
-- `suggestion` typed in, later with its name.
function ____exports.save(c, name, suggestion)
    ask(
        c,
        name,
        function() return suggestion end
    )
end
--- `:w` in a conversation's buffer: saved under its name (appending what is new), else asked.
function ____exports.write(c)
    ask(
        c,
        ownName(c),
        suggestName
    )
end
return ____exports
