-- generated from src/ollama-chat/chat/window.ts by TypeScriptToLua; do not edit
local ____exports = {}
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
return ____exports
