-- generated from src/ollama-chat/chat/buffer.ts by TypeScriptToLua; do not edit
local ____exports = {}
local writeCopy
local fs = require("ollama-chat.store.fs")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local oneLine = ____text.oneLine
local window = require("ollama-chat.chat.window")
function writeCopy(buf, file)
    local path = vim.fn.fnamemodify(file, ":p")
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    -- Written in the background (temp file, then rename), as the chats folder is.
    fs.writeFileAtomic(
        path,
        table.concat(lines, "\n") .. "\n",
        function(err)
            if err ~= nil then
                return notify(
                    (("could not write " .. inline(file)) .. ": ") .. oneLine(err),
                    vim.log.levels.ERROR
                )
            end
            notify(((("the chat's text is written to " .. inline(vim.fn.fnamemodify(path, ":~:."))) .. " (") .. tostring(#lines)) .. " lines); :w alone saves the chat")
        end
    )
end
--- Clears 'modified' (the chat is in the chats folder); edits set it again.
function ____exports.markSaved(buf)
    if vim.api.nvim_buf_is_valid(buf) then
        vim.api.nvim_set_option_value("modified", false, {buf = buf})
    end
end
-- A conversation's buffer: an ordinary editable markdown buffer with its keys (send, stop) and
-- its `:w` (save the chat) bound to whichever conversation owns it. It is never a file: `acwrite`
-- makes `:w`, `:write` and `:update` run BufWriteCmd (a "nofile" buffer refuses them, E382), and
-- 'modified' says whether the chat has changes not yet in the chats folder. The chat pane's is named BUF_NAME; a conversation
-- beside it (its buffer not shown) gets BUF_NAME/<n>.
____exports.BUF_NAME = "ollama-chat://chat"
--- Whether `buf` is a conversation's buffer (not a code buffer one can ask about).
function ____exports.isChatBuffer(buf)
    local name = vim.api.nvim_buf_get_name(buf)
    return name == ____exports.BUF_NAME or vim.startswith(name, ____exports.BUF_NAME .. "/")
end
--- BUF_NAME when no buffer has it, else the first free BUF_NAME/<n>.
local function freeName()
    local taken = {}
    for ____, b in ipairs(vim.api.nvim_list_bufs()) do
        taken[vim.api.nvim_buf_get_name(b)] = true
    end
    local name = ____exports.BUF_NAME
    do
        local n = 2
        while taken[name] ~= nil do
            name = (____exports.BUF_NAME .. "/") .. tostring(n)
            n = n + 1
        end
    end
    return name
end
--- Creates a conversation's buffer holding `lines` (not an undoable edit).
function ____exports.create(lines)
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(
        buf,
        freeName()
    )
    vim.api.nvim_set_option_value("buftype", "acwrite", {buf = buf})
    vim.api.nvim_set_option_value("bufhidden", "hide", {buf = buf})
    vim.api.nvim_set_option_value("swapfile", false, {buf = buf})
    window.setMarkdown(buf)
    -- The initial text is not an edit the user can undo.
    local undolevels = vim.api.nvim_get_option_value("undolevels", {buf = buf})
    vim.api.nvim_set_option_value("undolevels", -1, {buf = buf})
    vim.api.nvim_buf_set_lines(
        buf,
        0,
        -1,
        false,
        lines
    )
    vim.api.nvim_set_option_value("undolevels", undolevels, {buf = buf})
    window.highlightUnlessLong(buf, lines)
    return buf
end
--- Binds the buffer's keys and wipeout to `owner`, replacing a previous owner's.
function ____exports.attach(buf, owner)
    local function opts(desc)
        return {buffer = buf, desc = desc, nowait = true, silent = true}
    end
    vim.keymap.set(
        "n",
        "<CR>",
        function() return owner.send() end,
        opts("Ollama: send the message")
    )
    vim.keymap.set(
        {"n", "i"},
        "<C-s>",
        function()
            vim.cmd("stopinsert")
            owner.send()
        end,
        opts("Ollama: send the message")
    )
    vim.keymap.set(
        {"n", "i"},
        "<C-c>",
        function() return owner.stop() end,
        opts("Ollama: stop the reply")
    )
    local group = vim.api.nvim_create_augroup(
        "ollama-chat-buffer-" .. tostring(buf),
        {clear = true}
    )
    vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            group = group,
            buffer = buf,
            once = true,
            callback = function() return owner.wiped(buf) end
        }
    )
    vim.api.nvim_create_autocmd(
        "BufWriteCmd",
        {
            group = group,
            buffer = buf,
            callback = function(args)
                -- `:w notes.md` writes the chat's text to that file, as Vim would; `:w` saves the chat.
                -- Scheduled: the prompt and messages come after the autocommand, not as its "Error in
                -- BufWriteCmd" output.
                local file = args.file
                vim.schedule(function()
                    if not vim.api.nvim_buf_is_valid(buf) then
                        return
                    end
                    if file ~= "" and file ~= vim.api.nvim_buf_get_name(buf) then
                        writeCopy(buf, file)
                    else
                        owner.write()
                    end
                end)
            end
        }
    )
    -- What the new owner was given is its conversation as it stands: nothing unsaved yet.
    ____exports.markSaved(buf)
end
--- Deletes the buffer; a window left alone with it shows an empty buffer instead.
function ____exports.destroy(buf)
    if not vim.api.nvim_buf_is_valid(buf) then
        return
    end
    local win = window.findWindow(buf)
    if win ~= nil and #vim.api.nvim_list_wins() == 1 then
        vim.api.nvim_win_call(
            win,
            function() return vim.cmd("enew") end
        )
    end
    vim.api.nvim_buf_delete(buf, {force = true})
end
return ____exports
