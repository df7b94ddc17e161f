-- generated from src/ollama-chat/chat/pane.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local prefs = require("ollama-chat.store.prefs")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local window = require("ollama-chat.chat.window")
-- The chat pane: the one split that shows the current conversation, in the layout this instance
-- chose, else the persisted preference, else the configured first-run split.
--- This instance's choice (set by setLayout).
local chosen
local function layout()
    local saved = prefs.get("split_preference")
    return chosen or ((saved == "horizontal" or saved == "vertical") and saved or config.get().chat.split)
end
--- The window showing the conversation in the current tab.
function ____exports.windowOf(conversation)
    local buf = conversation:validBuffer()
    local ____temp_0
    if buf == nil then
        ____temp_0 = nil
    else
        ____temp_0 = window.findWindow(buf)
    end
    return ____temp_0
end
local function focusInput(win)
    local buf = vim.api.nvim_win_get_buf(win)
    vim.api.nvim_win_set_cursor(
        win,
        {
            vim.api.nvim_buf_line_count(buf),
            0
        }
    )
end
--- Shows the conversation (creating or rebuilding its buffer); `enter` puts the cursor where the user types.
function ____exports.show(conversation, enter)
    local buf = conversation:buffer()
    local win = window.findWindow(buf)
    if win == nil then
        win = window.openSplit(
            buf,
            layout(),
            config.get().chat.size,
            enter
        )
    elseif enter then
        vim.api.nvim_set_current_win(win)
    end
    if enter then
        focusInput(win)
    end
    return win
end
--- Hides the conversation's window; its buffer and any reply streaming into it stay.
function ____exports.hide(conversation)
    local win = ____exports.windowOf(conversation)
    if win ~= nil then
        window.hide(win)
    end
end
--- Remembers the layout for this and future instances and re-splits the pane showing `shown`.
function ____exports.setLayout(l, shown)
    chosen = l
    local err = prefs.set({split_preference = l})
    if err ~= nil then
        notify(err, vim.log.levels.ERROR)
    end
    if shown == nil then
        return
    end
    local win = ____exports.windowOf(shown)
    if win == nil then
        return
    end
    local cursor = vim.api.nvim_win_get_cursor(win)
    local wasCurrent = vim.api.nvim_get_current_win() == win
    window.hide(win)
    local newWin = ____exports.show(shown, wasCurrent)
    vim.api.nvim_win_set_cursor(newWin, cursor)
end
return ____exports
