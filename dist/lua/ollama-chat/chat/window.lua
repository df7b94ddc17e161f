-- generated from src/ollama-chat/chat/window.ts by TypeScriptToLua; do not edit
local ____exports = {}
local mb, largeOn010, forgetOnWipe, plain, longLines, watched
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____render = require("ollama-chat.chat.render")
local prepareParser = ____render.prepareParser
function mb(bytes)
    return string.format("%.1f", bytes / 1048576) .. " MB"
end
function largeOn010(bytes)
    return ("at " .. mb(bytes)) .. " it is too large for Neovim 0.10 to highlight without freezing the editor (0.11 and later can)"
end
function forgetOnWipe(buf)
    if watched[buf] ~= nil then
        return
    end
    watched[buf] = true
    vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            buffer = buf,
            once = true,
            callback = function()
                watched[buf] = nil
                plain[buf] = nil
                longLines[buf] = nil
            end
        }
    )
end
local function setWinOptions(win)
    -- The chat pane: a split along the whole editor taking `chat.size` of it, below or to the right.
    local opts = {
        {"wrap", true},
        {
            "linebreak",
            not (longLines[vim.api.nvim_win_get_buf(win)] ~= nil)
        },
        {"number", false},
        {"relativenumber", false},
        {"signcolumn", "no"},
        {"foldcolumn", "0"},
        {"spell", false},
        {"winfixheight", true},
        {"winfixwidth", true}
    }
    for ____, ____value in ipairs(opts) do
        local name = ____value[1]
        local value = ____value[2]
        vim.api.nvim_set_option_value(name, value, {win = win})
    end
end
--- Opens `buf` in a new split of the whole editor; returns the window.
function ____exports.openSplit(buf, layout, size, enter)
    local vertical = layout == "vertical"
    local total = vertical and vim.o.columns or vim.o.lines - vim.o.cmdheight
    local extent = math.max(
        1,
        math.floor(total * size)
    )
    -- win = -1: a split of the whole editor (like :botright), not of the current window.
    local config = vertical and ({split = "right", win = -1, width = extent}) or ({split = "below", win = -1, height = extent})
    local win = vim.api.nvim_open_win(buf, enter, config)
    setWinOptions(win)
    return win
end
--- A window of the current tab showing `buf`, if any.
function ____exports.findWindow(buf)
    for ____, win in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
        if vim.api.nvim_win_get_buf(win) == buf then
            return win
        end
    end
    return nil
end
--- Hides the window; its buffer (bufhidden=hide) and everything in it stay.
function ____exports.hide(win)
    if not vim.api.nvim_win_is_valid(win) then
        return
    end
    if #vim.api.nvim_list_wins() == 1 then
        -- The last window cannot close: show another buffer in it instead.
        vim.api.nvim_win_call(
            win,
            function() return vim.cmd("enew") end
        )
        return
    end
    vim.api.nvim_win_hide(win)
end
--- Marks `buf` as markdown. A broken markdown ftplugin or parser in the user's setup must not
-- break the chat: the error is reported and the buffer stays plain text.
function ____exports.setMarkdown(buf)
    prepareParser(buf)
    local ok, err = pcall(vim.api.nvim_set_option_value, "filetype", "markdown", {buf = buf})
    if not ok then
        vim.notify(
            "ollama-chat: markdown support failed for the chat, shown as plain text: " .. tostring(err),
            vim.log.levels.WARN
        )
    end
end
--- A line longer than this (bytes) turns a chat's highlighting off. Tree-sitter parses such a line
-- in steps its timeout cannot cut (an 8 MB line: the markdown parse 180 ms, the inline one 100 ms,
-- docs/benchmarks.md), and Vim's markdown syntax, its fallback, is slower still (600 ms a redraw).
____exports.LONG_LINE = 256 * 1024
--- Neovim 0.10 parses a chat's whole document (every injection) synchronously: on a change, and
-- once a reply's parse is released. A chat larger than this (bytes) is shown plain there: a 10 MB
-- chat blocked 440 ms after its reply and 6 s when loaded (docs/benchmarks.md). 0.11+ parses
-- what is shown, asynchronously.
____exports.LARGE_ON_010 = 1024 * 1024
local SYNC_PARSE = vim.fn.has("nvim-0.11") == 0
plain = {}
longLines = {}
--- Why `lines` are shown plain, if they are, and whether one is longer than LONG_LINE.
local function tooBig(lines)
    local longest = 0
    local total = 0
    for ____, l in ipairs(lines) do
        if #l > longest then
            longest = #l
        end
        total = total + (#l + 1)
    end
    if longest > ____exports.LONG_LINE then
        return {
            why = ("it holds a line of " .. mb(longest)) .. ", too long to highlight without freezing the editor",
            longLine = true
        }
    end
    return {
        why = SYNC_PARSE and total > ____exports.LARGE_ON_010 and largeOn010(total) or nil,
        longLine = false
    }
end
--- Records whether `buf` has a line over LONG_LINE; the windows showing it break lines or not.
local function setLongLines(buf, long)
    if long == (longLines[buf] ~= nil) then
        return
    end
    if long then
        forgetOnWipe(buf)
        longLines[buf] = true
    else
        longLines[buf] = nil
    end
    for ____, win in ipairs(vim.fn.win_findbuf(buf)) do
        if vim.api.nvim_get_option_value("linebreak", {win = win}) == long then
            vim.api.nvim_set_option_value("linebreak", not long, {win = win})
        end
    end
end
local function showPlain(buf, why)
    if plain[buf] ~= nil then
        return
    end
    forgetOnWipe(buf)
    plain[buf] = true
    if vim.api.nvim_get_option_value("filetype", {buf = buf}) == "markdown" then
        pcall(vim.treesitter.stop, buf)
        vim.api.nvim_set_option_value("syntax", "OFF", {buf = buf})
    end
    notify("this chat is shown without highlighting: " .. why)
end
watched = {}
--- `buf` now holds `lines`: markdown (highlighted), or plain text (told once) when a line is longer
-- than LONG_LINE (or, on Neovim 0.10, the chat is larger than LARGE_ON_010); highlighted again
-- once it no longer is.
function ____exports.highlightUnlessLong(buf, lines)
    local ____tooBig_result_0 = tooBig(lines)
    local why = ____tooBig_result_0.why
    local longLine = ____tooBig_result_0.longLine
    setLongLines(buf, longLine)
    if why ~= nil then
        return showPlain(buf, why)
    end
    local markdown = vim.api.nvim_get_option_value("filetype", {buf = buf}) == "markdown"
    if not markdown or plain[buf] ~= nil then
        ____exports.setMarkdown(buf)
    end
    plain[buf] = nil
end
--- A reply grew the chat in `buf`: on Neovim 0.10, past LARGE_ON_010 it is shown plain from now on.
function ____exports.plainIfLarge(buf)
    if not SYNC_PARSE or buf == nil or not vim.api.nvim_buf_is_valid(buf) or plain[buf] ~= nil then
        return
    end
    local bytes = vim.api.nvim_buf_get_offset(
        buf,
        vim.api.nvim_buf_line_count(buf)
    )
    if bytes > ____exports.LARGE_ON_010 then
        showPlain(
            buf,
            largeOn010(bytes)
        )
    end
end
return ____exports
