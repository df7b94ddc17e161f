-- generated from src/ollama-chat/chat/fold.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local ____transcript = require("ollama-chat.format.transcript")
local THINKING_CLOSE = ____transcript.THINKING_CLOSE
local THINKING_OPEN = ____transcript.THINKING_OPEN
-- Folds each reply's thinking block once the reply has ended (`chat.fold_thinking`); `za` opens it.
-- 
-- Why a 'foldexpr' and not manual folds: the folds come from the chat's own text (the thinking
-- fence opens a fold, its closing fence ends it), set local to each window showing a chat buffer.
-- So they are per window, are there again when the pane is reopened or toggled, and a resumed or
-- loaded chat is folded with no extra step; undoing a reply takes its fold with it. 'foldlevel' 0
-- closes every new fold. The reply still streaming is kept out of the folds (its block would close
-- while the thinking arrives) until it ends; then the folds are recomputed, which keeps the state
-- of the folds the user opened and closes only the new one.
local NS = vim.api.nvim_create_namespace("ollama-chat-fold")
--- Per buffer with a reply streaming: an extmark where that reply begins (no fold from there on).
local streamingFrom = {}
local FOLDEXPR = "v:lua.require'ollama-chat.chat.fold'.level(v:lnum)"
local FOLDTEXT = "v:lua.require'ollama-chat.chat.fold'.text()"
--- The fold level of line `lnum` of the current buffer ('foldexpr'): cheap, it runs for every changed line.
function ____exports.level(lnum)
    local line = vim.api.nvim_buf_get_lines(0, lnum - 1, lnum, false)[1]
    if line ~= THINKING_OPEN and line ~= THINKING_CLOSE then
        return "="
    end
    local mark = streamingFrom[vim.api.nvim_get_current_buf()]
    if mark ~= nil then
        local pos = vim.api.nvim_buf_get_extmark_by_id(0, NS, mark, {})
        if #pos == 2 and lnum - 1 >= pos[1] then
            return "="
        end
    end
    return line == THINKING_OPEN and ">1" or "<1"
end
--- What a closed thinking fold shows ('foldtext'): dimmed, with its size and the key that opens it.
function ____exports.text()
    local lines = vim.v.foldend - vim.v.foldstart - 1
    return {{
        ((("▸ thinking · " .. tostring(lines)) .. " line") .. (lines == 1 and "" or "s")) .. " · za opens",
        "OllamaChatThinking"
    }}
end
local function windowsOf(buf)
    local wins = {}
    for ____, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_buf(win) == buf then
            wins[#wins + 1] = win
        end
    end
    return wins
end
--- Makes `win` (showing a chat buffer) fold thinking blocks; local to that window and buffer.
local function setUp(win)
    if not config.get().chat.fold_thinking then
        return
    end
    local opts = {win = win, scope = "local"}
    if vim.api.nvim_get_option_value("foldexpr", opts) == FOLDEXPR then
        return
    end
    vim.api.nvim_set_option_value("foldexpr", FOLDEXPR, opts)
    vim.api.nvim_set_option_value("foldtext", FOLDTEXT, opts)
    vim.api.nvim_set_option_value("foldlevel", 0, opts)
    vim.api.nvim_set_option_value("foldenable", true, opts)
    vim.api.nvim_set_option_value("foldmethod", "expr", opts)
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
    local lines = vim.api.nvim_buf_get_lines(buf, start, -1, false)
    local fence = -1
    do
        local i = 0
        while i < #lines and fence < 0 do
            if lines[i + 1] == THINKING_OPEN then
                fence = start + i
            end
            i = i + 1
        end
    end
    for ____, win in ipairs(windowsOf(buf)) do
        local opts = {win = win, scope = "local"}
        -- Setting 'foldexpr' again recomputes the folds, keeping the state of those the user opened;
        -- a new fold would open like them once the user opened one (Neovim), so the reply's is closed.
        if vim.api.nvim_get_option_value("foldexpr", opts) == FOLDEXPR then
            vim.api.nvim_set_option_value("foldexpr", FOLDEXPR, opts)
            if fence >= 0 then
                vim.api.nvim_win_call(
                    win,
                    function() return vim.cmd(("silent! " .. tostring(fence + 1)) .. "foldclose") end
                )
            end
        end
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
                for ____, win in ipairs(windowsOf(args.buf)) do
                    setUp(win)
                end
            end
        }
    )
end
return ____exports
