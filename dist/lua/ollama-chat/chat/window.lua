-- generated from src/ollama-chat/chat/window.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____render = require("ollama-chat.chat.render")
local prepareParser = ____render.prepareParser
local function setWinOptions(win)
    -- The chat pane: a split along the whole editor taking `chat.size` of it, below or to the right.
    local opts = {
        {"wrap", true},
        {"linebreak", true},
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
--- The chat buffers shown plain because of a long line.
local plain = {}
--- `buf` now holds `lines`: markdown (highlighted), or plain text (told once) when a line is longer
-- than LONG_LINE; highlighted again once it no longer has such a line.
function ____exports.highlightUnlessLong(buf, lines)
    local longest = 0
    for ____, l in ipairs(lines) do
        if #l > longest then
            longest = #l
        end
    end
    local markdown = vim.api.nvim_get_option_value("filetype", {buf = buf}) == "markdown"
    if longest <= ____exports.LONG_LINE then
        if not markdown or plain[buf] ~= nil then
            ____exports.setMarkdown(buf)
        end
        plain[buf] = nil
        return
    end
    if plain[buf] ~= nil then
        return
    end
    plain[buf] = true
    if markdown then
        pcall(vim.treesitter.stop, buf)
        vim.api.nvim_set_option_value("syntax", "OFF", {buf = buf})
    end
    vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            buffer = buf,
            once = true,
            callback = function()
                plain[buf] = nil
                return nil
            end
        }
    )
    notify(("this chat is shown without highlighting: it holds a line of " .. string.format("%.1f", longest / 1048576)) .. " MB, too long to highlight without freezing the editor")
end
return ____exports
