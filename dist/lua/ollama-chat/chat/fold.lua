-- generated from src/ollama-chat/chat/fold.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local config = require("ollama-chat.config")
local ____transcript = require("ollama-chat.format.transcript")
local THINKING_CLOSE = ____transcript.THINKING_CLOSE
local THINKING_OPEN = ____transcript.THINKING_OPEN
local thinkingBlocks = ____transcript.thinkingBlocks
-- Folds each reply's thinking block once the reply has ended (`chat.fold_thinking`); `za` opens it.
-- 
-- Why manual folds and not a 'foldexpr': an expression is evaluated again for every line around
-- each change, and one that depends on the lines before it (a thinking block has no marker on its
-- inner lines) is evaluated back over the whole chat: 43-63 ms per streamed write in a
-- 13,000-line chat (docs/benchmarks.md). Manual folds cost nothing while a reply streams. They are
-- made in each window showing a chat buffer: for every finished block when the window shows it
-- (so a toggled pane and a resumed or loaded chat are folded again), and for the new block when a
-- reply ends (the folds the user opened stay open). Undoing a reply deletes its lines and its fold.
local NS = vim.api.nvim_create_namespace("ollama-chat-fold")
--- Per buffer with a reply streaming: an extmark where that reply begins (no fold from there on).
local streamingFrom = {}
local FOLDTEXT = "v:lua.require'ollama-chat.chat.fold'.text()"
--- The buffer each window was last given folds for.
local folded = {}
--- Closed folds over `found` in `win` (rows 0-based).
local function foldIn(win, found)
    if #found == 0 then
        return
    end
    folded[win] = vim.api.nvim_win_get_buf(win)
    vim.api.nvim_win_call(
        win,
        function()
            for ____, ____value in ipairs(found) do
                local a = ____value[1]
                local b = ____value[2]
                vim.cmd(((("silent! " .. tostring(a + 1)) .. ",") .. tostring(b + 1)) .. "fold")
            end
        end
    )
end
--- What a closed thinking fold shows ('foldtext'): dimmed, with its size and the key that opens it.
function ____exports.text()
    local lines = vim.v.foldend - vim.v.foldstart - 1
    return {{
        ((("▸ thinking · " .. tostring(lines)) .. " line") .. (lines == 1 and "" or "s")) .. " · za opens",
        "OllamaChatThinking"
    }}
end
--- Makes `win` (showing a chat buffer) fold its finished thinking blocks; local to that window.
local function setUp(win, buf)
    if not config.get().chat.fold_thinking then
        return
    end
    local opts = {win = win, scope = "local"}
    vim.api.nvim_set_option_value("foldmethod", "manual", opts)
    vim.api.nvim_set_option_value("foldtext", FOLDTEXT, opts)
    vim.api.nvim_set_option_value("foldenable", true, opts)
    -- The window may have shown the chat before: its folds are made again from the text. (Only
    -- then: zE in a window showing a line of megabytes costs 30 ms.)
    if folded[win] == buf then
        vim.api.nvim_win_call(
            win,
            function() return vim.cmd("silent! normal! zE") end
        )
    end
    folded[win] = nil
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local mark = streamingFrom[buf]
    if mark ~= nil then
        local pos = vim.api.nvim_buf_get_extmark_by_id(buf, NS, mark, {})
        if #pos == 2 then
            lines = __TS__ArraySlice(lines, 0, pos[1])
        end
    end
    foldIn(
        win,
        thinkingBlocks(lines)
    )
end
--- Rows read at a time while looking for the end of a reply's thinking block.
local CHUNK = 2000
--- The thinking block of the reply that begins at row `start`: it can only come right after the
-- reply's heading, so a few rows are read, then the block's own (not the whole reply: 10 MB).
local function replyThinking(buf, start)
    local head = vim.api.nvim_buf_get_lines(buf, start, start + 6, false)
    local open = -1
    do
        local i = 0
        while i < #head and open < 0 do
            if head[i + 1] == THINKING_OPEN then
                open = start + i
            end
            i = i + 1
        end
    end
    if open < 0 then
        return {}
    end
    local n = vim.api.nvim_buf_line_count(buf)
    do
        local from = open + 1
        while from < n do
            local chunk = vim.api.nvim_buf_get_lines(
                buf,
                from,
                math.min(n, from + CHUNK),
                false
            )
            do
                local i = 0
                while i < #chunk do
                    if chunk[i + 1] == THINKING_CLOSE then
                        return {{open, from + i}}
                    end
                    i = i + 1
                end
            end
            from = from + CHUNK
        end
    end
    return {}
end
--- A reply begins streaming into `buf` at its end: its thinking is not folded until it ends.
function ____exports.replyStarted(buf)
    local row = vim.api.nvim_buf_line_count(buf) - 1
    local col = #(vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or "")
    streamingFrom[buf] = vim.api.nvim_buf_set_extmark(
        buf,
        NS,
        row,
        col,
        {right_gravity = false}
    )
end
--- The reply in `buf` has ended: its thinking block folds in every window showing the chat.
function ____exports.replyEnded(buf)
    if buf == nil then
        return
    end
    local mark = streamingFrom[buf]
    streamingFrom[buf] = nil
    if mark == nil or not vim.api.nvim_buf_is_valid(buf) then
        return
    end
    local start = vim.api.nvim_buf_get_extmark_by_id(buf, NS, mark, {})[1] or 0
    vim.api.nvim_buf_del_extmark(buf, NS, mark)
    if not config.get().chat.fold_thinking then
        return
    end
    local found = replyThinking(buf, start)
    for ____, win in ipairs(vim.fn.win_findbuf(buf)) do
        if vim.api.nvim_get_option_value("foldtext", {win = win, scope = "local"}) == FOLDTEXT then
            foldIn(win, found)
        end
    end
end
--- The chat's text was replaced (a resumed chat taking over the pane): its folds are made again.
function ____exports.refold(buf)
    for ____, win in ipairs(vim.fn.win_findbuf(buf)) do
        setUp(win, buf)
    end
end
local installed = false
--- Every window that shows a chat buffer (the pane, a loaded chat, a split of either) folds its thinking.
function ____exports.setup()
    if installed then
        return
    end
    installed = true
    vim.api.nvim_create_autocmd(
        "BufWinEnter",
        {
            group = vim.api.nvim_create_augroup("ollama-chat-fold", {clear = true}),
            pattern = "ollama-chat://*",
            callback = function(args)
                -- The window the buffer enters (the others showing it keep the folds their user opened).
                local win = vim.api.nvim_get_current_win()
                if vim.api.nvim_win_get_buf(win) == args.buf then
                    setUp(win, args.buf)
                end
            end
        }
    )
end
return ____exports
