-- generated from src/ollama-chat/chat/saved.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayConcat = ____lualib.__TS__ArrayConcat
local ____exports = {}
local pickChat, choose, closeReadOnly, isPrefix, mostRecent, resumeFrom, OLDER
local chats = require("ollama-chat.store.chats")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____picker = require("ollama-chat.ui.picker")
local pick = ____picker.pick
local ____autosave = require("ollama-chat.chat.autosave")
local isAuto = ____autosave.isAuto
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local ____render = require("ollama-chat.chat.render")
local NS = ____render.NS
local dimThinkingBlocks = ____render.dimThinkingBlocks
local setLinesInSlices = ____render.setLinesInSlices
local saving = require("ollama-chat.chat.saving")
local session = require("ollama-chat.chat.session")
local sliced = require("ollama-chat.format.sliced")
local transcript = require("ollama-chat.format.transcript")
local window = require("ollama-chat.chat.window")
function pickChat(prompt, list, chosen)
    local width = 0
    for ____, c in ipairs(list) do
        if c ~= OLDER then
            width = math.max(
                width,
                vim.fn.strdisplaywidth(c.name)
            )
        end
    end
    pick({
        prompt = prompt,
        items = list,
        format = function(c) return c == OLDER and "… older saved chats" or (((((((isAuto(c.name) and "·" or "★") .. " ") .. c.name) .. string.rep(
            " ",
            width - vim.fn.strdisplaywidth(c.name)
        )) .. "  ") .. (c.exact_model or c.model)) .. "  ") .. c.saved end,
        on_choice = function(c)
            if c ~= nil then
                chosen(c)
            end
        end
    })
end
function choose(name, prompt, cb)
    if name ~= nil and vim.trim(name) ~= "" then
        cb(vim.trim(name))
        return
    end
    local all = {}
    local complete = false
    local failed
    local shown = false
    --- Waiting for the whole list, to show it.
    local wanted = false
    local function showAll()
        return pickChat(
            prompt,
            all,
            function(c) return c ~= OLDER and cb(c.path) end
        )
    end
    chats.list_slices(function(err, part, done)
        if err ~= nil or part == nil then
            failed = err or "could not list the saved chats"
            if not shown or wanted then
                notify(failed, vim.log.levels.ERROR)
            end
            shown = true
            return
        end
        for ____, c in ipairs(part) do
            all[#all + 1] = c
        end
        complete = done
        if wanted and done then
            return showAll()
        end
        if shown then
            return
        end
        shown = true
        if #all == 0 then
            notify("no saved chats yet: save one with <leader>os or :Ollama save")
            return
        end
        if done then
            return showAll()
        end
        local items = __TS__ArrayConcat(all, {OLDER})
        pickChat(
            prompt,
            items,
            function(c)
                if c ~= OLDER then
                    return cb(c.path)
                end
                if failed ~= nil then
                    return notify(failed, vim.log.levels.ERROR)
                end
                if complete then
                    return showAll()
                end
                wanted = true
                notify("listing the older saved chats…")
            end
        )
    end)
end
function closeReadOnly(win, buf)
    if vim.api.nvim_win_is_valid(win) and vim.api.nvim_win_get_buf(win) == buf and #vim.api.nvim_list_wins() > 1 then
        vim.api.nvim_win_close(win, true)
    end
    if vim.api.nvim_buf_is_valid(buf) and vim.fn.bufwinid(buf) == -1 then
        vim.api.nvim_buf_delete(buf, {force = true})
    end
end
function isPrefix(current, saved)
    if #current > #saved then
        return false
    end
    do
        local i = 0
        while i < #current do
            if table.concat(
                transcript.renderMessage(current[i + 1]),
                "\n"
            ) ~= table.concat(
                transcript.renderMessage(saved[i + 1]),
                "\n"
            ) then
                return false
            end
            i = i + 1
        end
    end
    return true
end
function mostRecent(cb)
    local answered = false
    chats.list_slices(
        function(err, part)
            -- The first slice holds the newest; the others follow.
            if answered then
                return
            end
            answered = true
            if err ~= nil or part == nil then
                notify(err or "could not list the saved chats", vim.log.levels.ERROR)
                return
            end
            if #part == 0 then
                notify("no conversation to resume yet: chats are kept after each reply")
                return
            end
            cb(part[1].path)
        end,
        {first = 1}
    )
end
function resumeFrom(name, resumed)
    choose(
        name,
        "Resume chat",
        function(target)
            chats.read(
                target,
                function(err, messages, chat)
                    if err ~= nil or messages == nil or chat == nil then
                        notify(err or "could not read " .. target, vim.log.levels.ERROR)
                        return
                    end
                    local function replace()
                        session.replaceConversation(
                            messages,
                            transcript.lastModel(messages),
                            chat.name
                        )
                        notify(("resumed \"" .. chat.name) .. "\": saving it again appends to it")
                        if resumed ~= nil then
                            resumed()
                        end
                    end
                    local current = session.conversation()
                    if isPrefix(current, messages) then
                        replace()
                        return
                    end
                    local yes = ("Replace the current chat (" .. tostring(#current)) .. " messages)"
                    vim.ui.select(
                        {yes, "Keep the current chat"},
                        {prompt = ("Resume \"" .. chat.name) .. "\"?"},
                        function(choice)
                            if choice == yes then
                                replace()
                            end
                        end
                    )
                end
            )
        end
    )
end
-- Saved chats as the user meets them: save the active chat under a name, load one into a new
-- read-only buffer, resume one as the active conversation, delete them all after a confirmation.
-- Storage (file names, atomic writes, locking) is store/chats.ts.
local LOADED_PREFIX = "ollama-chat://saved/"
--- Saves the active chat under `name` (asked for when absent, its own name suggested).
function ____exports.save(name)
    saving.save(
        session.current(),
        name,
        ""
    )
end
OLDER = "older"
--- The buffer named exactly `name` (bufnr() would read it as a pattern: `[ab]` matches `a`).
local function bufferNamed(name)
    for ____, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_get_name(buf) == name then
            return buf
        end
    end
    return nil
end
local function showReadOnly(chat, messages)
    -- Rendered and set in slices: a chat of 10 MB never holds the editor.
    local lines = {}
    sliced.renderInto(
        lines,
        messages,
        function()
            local name = LOADED_PREFIX .. chat.file
            local existing = bufferNamed(name)
            local buf = existing or vim.api.nvim_create_buf(true, true)
            if existing == nil then
                vim.api.nvim_buf_set_name(buf, name)
            end
            vim.api.nvim_set_option_value("modifiable", true, {buf = buf})
            vim.api.nvim_set_option_value("readonly", false, {buf = buf})
            vim.api.nvim_buf_clear_namespace(buf, NS, 0, -1)
            vim.api.nvim_set_option_value("buftype", "nofile", {buf = buf})
            vim.api.nvim_set_option_value("swapfile", false, {buf = buf})
            -- Highlighted (or not) before the text comes: the parser starts on an empty buffer.
            vim.api.nvim_buf_set_lines(
                buf,
                0,
                -1,
                false,
                {}
            )
            window.highlightUnlessLong(buf, lines)
            setLinesInSlices(
                buf,
                lines,
                function()
                    if not vim.api.nvim_buf_is_valid(buf) then
                        return
                    end
                    dimThinkingBlocks(buf)
                    vim.api.nvim_set_option_value("modifiable", false, {buf = buf})
                    vim.api.nvim_set_option_value("readonly", true, {buf = buf})
                    vim.keymap.set(
                        "n",
                        "r",
                        function()
                            local win = vim.api.nvim_get_current_win()
                            resumeFrom(
                                chat.path,
                                function() return closeReadOnly(win, buf) end
                            )
                        end,
                        {buffer = buf, desc = "Ollama: resume this chat", nowait = true}
                    )
                    -- The chat pane is the active conversation: a saved chat opens beside it, never in it.
                    local current = vim.api.nvim_get_current_win()
                    if isChatBuffer(vim.api.nvim_win_get_buf(current)) then
                        vim.cmd("aboveleft split")
                    end
                    vim.api.nvim_win_set_buf(
                        vim.api.nvim_get_current_win(),
                        buf
                    )
                    notify(("loaded \"" .. chat.name) .. "\" (read-only): press r or run :Ollama resume to continue it")
                end
            )
        end
    )
end
--- Opens a saved chat in a new read-only buffer; the active chat is untouched.
function ____exports.load(name)
    choose(
        name,
        "Load chat",
        function(target)
            chats.read(
                target,
                function(err, messages, chat)
                    if err ~= nil or messages == nil or chat == nil then
                        notify(err or "could not read " .. target, vim.log.levels.ERROR)
                        return
                    end
                    showReadOnly(chat, messages)
                end
            )
        end
    )
end
--- Makes a saved chat the active conversation, to continue it. The current one is replaced, after
-- a confirmation unless the saved chat holds all of it.
function ____exports.resume(name)
    if name == nil or vim.trim(name) == "" then
        mostRecent(function(target) return resumeFrom(target) end)
        return
    end
    resumeFrom(vim.trim(name))
end
--- Deletes every saved chat after a confirmation that says how many (`force` skips it).
function ____exports.clear(opts)
    chats.count(function(err, n)
        if err ~= nil or n == nil then
            notify(err or "could not count the saved chats", vim.log.levels.ERROR)
            return
        end
        if n == 0 then
            notify("there are no saved chats to delete")
            return
        end
        if (opts and opts.force) == true then
            chats.delete_all()
            return
        end
        local yes = (("Delete all " .. tostring(n)) .. " saved chat") .. (n == 1 and "" or "s")
        vim.ui.select(
            {yes, "Keep them"},
            {prompt = ((("Delete " .. tostring(n)) .. " saved chat") .. (n == 1 and "" or "s")) .. "? This cannot be undone."},
            function(choice)
                if choice == yes then
                    chats.delete_all()
                else
                    notify("nothing deleted")
                end
            end
        )
    end)
end
return ____exports
