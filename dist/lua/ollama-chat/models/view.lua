-- generated from src/ollama-chat/models/view.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayIndexOf = ____lualib.__TS__ArrayIndexOf
local ____exports = {}
local bufValid, showHelp, state
local highlights = require("ollama-chat.highlights")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____lines = require("ollama-chat.ui.lines")
local sameTexts = ____lines.sameTexts
local viewBuffer = ____lines.viewBuffer
local writeLines = ____lines.writeLines
local ____rows = require("ollama-chat.models.rows")
local KEYS = ____rows.KEYS
local footer = ____rows.footer
function bufValid()
    return state.buf ~= nil and vim.api.nvim_buf_is_valid(state.buf)
end
--- Closes the view's windows (its tab when it has it alone); the buffer stays for next time.
function ____exports.close()
    if not bufValid() then
        return
    end
    for ____, w in ipairs(vim.fn.win_findbuf(state.buf)) do
        if not vim.api.nvim_win_is_valid(w) then
        elseif #vim.api.nvim_list_wins() == 1 then
            vim.api.nvim_win_call(
                w,
                function() return vim.cmd("enew") end
            )
        else
            vim.api.nvim_win_close(w, true)
        end
    end
end
function showHelp()
    local lines = {" Keys in the model list", ""}
    for ____, ____value in ipairs(KEYS) do
        local key = ____value[1]
        local desc = ____value[2]
        lines[#lines + 1] = (("  " .. key) .. string.rep(" ", 6 - #key)) .. desc
    end
    local width = 0
    for ____, l in ipairs(lines) do
        width = math.max(
            width,
            vim.fn.strdisplaywidth(l) + 2
        )
    end
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_lines(
        buf,
        0,
        -1,
        false,
        lines
    )
    vim.api.nvim_set_option_value("modifiable", false, {buf = buf})
    vim.api.nvim_set_option_value("bufhidden", "wipe", {buf = buf})
    local win = vim.api.nvim_open_win(
        buf,
        true,
        {
            relative = "editor",
            row = math.max(
                0,
                math.floor((vim.o.lines - #lines) / 2) - 1
            ),
            col = math.max(
                0,
                math.floor((vim.o.columns - width) / 2)
            ),
            width = math.min(width, vim.o.columns),
            height = #lines,
            border = "rounded",
            style = "minimal",
            title = " Ollama models "
        }
    )
    for ____, key in ipairs({"q", "<Esc>", "g?", "<CR>"}) do
        vim.keymap.set(
            "n",
            key,
            function()
                if vim.api.nvim_win_is_valid(win) then
                    vim.api.nvim_win_close(win, true)
                end
            end,
            {buffer = buf, nowait = true, silent = true}
        )
    end
end
-- The model manager's buffer, in its own tab: the lines rows.ts makes, written in place (only the
-- lines that changed), the cursor kept on the same model when rows come and go, key hints in the
-- window bar and all keys on g?. It knows nothing of Ollama: the manager gives it lines and keys.
local BUF_NAME = "ollama-chat://models"
local NS = vim.api.nvim_create_namespace("ollama-chat-models")
highlights.setup()
state = {
    buf = nil,
    shown = {},
    names = {},
    rowStart = 0,
    hooks = nil
}
--- The view's buffer, if it exists.
function ____exports.buffer()
    local ____bufValid_result_0
    if bufValid() then
        ____bufValid_result_0 = state.buf
    else
        ____bufValid_result_0 = nil
    end
    return ____bufValid_result_0
end
--- A window showing the view, preferring the current tab's.
local function window()
    if not bufValid() then
        return nil
    end
    local wins = vim.fn.win_findbuf(state.buf)
    local tab = vim.api.nvim_get_current_tabpage()
    for ____, w in ipairs(wins) do
        if vim.api.nvim_win_get_tabpage(w) == tab then
            return w
        end
    end
    return wins[1]
end
--- Shown in a window of the current tab (a view in another tab is hidden).
function ____exports.isVisible()
    local w = window()
    return w ~= nil and vim.api.nvim_win_get_tabpage(w) == vim.api.nvim_get_current_tabpage()
end
--- The model on the cursor's line, if it is on a row.
function ____exports.modelAtCursor()
    local w = window()
    if w == nil then
        return nil
    end
    local row = unpack(
        vim.api.nvim_win_get_cursor(w),
        1,
        1
    )
    return state.names[row - 1 - state.rowStart + 1]
end
local function withModel(key)
    return function()
        local name = ____exports.modelAtCursor()
        if name == nil then
            notify("put the cursor on a model's line first", vim.log.levels.WARN)
        else
            key(name)
        end
    end
end
local function setKeymaps(buf, keys)
    local function map(lhs, fn, desc)
        return vim.keymap.set("n", lhs, fn, {buffer = buf, desc = "Ollama models: " .. desc, nowait = true, silent = true})
    end
    local actions = {
        ["<CR>"] = withModel(keys.chat),
        d = withModel(keys.delete),
        u = withModel(keys.update),
        U = function() return keys.update_all() end,
        c = withModel(keys.copy),
        l = withModel(keys.load),
        x = withModel(keys.unload),
        K = withModel(keys.details),
        p = function() return keys.pull() end,
        R = function() return keys.refresh() end,
        ["g?"] = function() return showHelp() end,
        q = function() return ____exports.close() end
    }
    for ____, ____value in ipairs(KEYS) do
        local key = ____value[1]
        local desc = ____value[2]
        map(key, actions[key], desc)
    end
end
local function createBuffer(keys)
    local buf = viewBuffer(BUF_NAME, "ollama-models")
    setKeymaps(buf, keys)
    local group = vim.api.nvim_create_augroup("ollama-chat-models-view", {clear = true})
    -- Entering the view again (its tab, or its buffer in a window) refreshes it and resumes polling.
    vim.api.nvim_create_autocmd(
        {"BufWinEnter", "BufEnter"},
        {
            group = group,
            buffer = buf,
            callback = function()
                local ____opt_1 = state.hooks
                return ____opt_1 and ____opt_1.on_shown()
            end
        }
    )
    vim.api.nvim_create_autocmd(
        "TabEnter",
        {
            group = group,
            callback = function()
                if ____exports.isVisible() then
                    local ____opt_3 = state.hooks
                    if ____opt_3 ~= nil then
                        ____opt_3.on_shown()
                    end
                end
            end
        }
    )
    vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            group = group,
            buffer = buf,
            callback = function()
                state.buf = nil
                state.shown = {}
                state.names = {}
            end
        }
    )
    return buf
end
local function setWinOptions(win)
    local opts = {
        {"wrap", false},
        {"number", false},
        {"relativenumber", false},
        {"signcolumn", "no"},
        {"foldcolumn", "0"},
        {"spell", false},
        {"list", false},
        {"cursorline", true},
        {
            "winbar",
            footer()
        }
    }
    for ____, ____value in ipairs(opts) do
        local name = ____value[1]
        local value = ____value[2]
        vim.api.nvim_set_option_value(name, value, {win = win})
    end
end
--- Opens the view in its own tab (or goes to the tab showing it); `keys` are bound once.
function ____exports.open(keys, hooks)
    state.hooks = hooks
    if not bufValid() then
        state.buf = createBuffer(keys)
        state.shown = {}
    end
    local existing = window()
    if existing ~= nil then
        vim.api.nvim_set_current_win(existing)
        return
    end
    vim.cmd("tab sbuffer " .. tostring(state.buf))
    setWinOptions(vim.api.nvim_get_current_win())
end
local function cursorMarks(buf)
    local marks = {}
    for ____, win in ipairs(vim.fn.win_findbuf(buf)) do
        local line = unpack(
            vim.api.nvim_win_get_cursor(win),
            1,
            1
        )
        local index = line - 1 - state.rowStart
        marks[#marks + 1] = {win = win, line = line, model = state.names[index + 1], index = index}
    end
    return marks
end
local function cursorLine(m, names, rowStart)
    if m.model == nil then
        return m.line
    end
    local at = __TS__ArrayIndexOf(names, m.model)
    -- A model that went away: the row that took its place, or the last one.
    local index = at >= 0 and at or math.min(m.index, #names - 1)
    return index >= 0 and rowStart + index + 1 or rowStart
end
local function restoreCursors(marks, names, rowStart, lineCount)
    for ____, m in ipairs(marks) do
        if vim.api.nvim_win_is_valid(m.win) then
            local line = cursorLine(m, names, rowStart)
            vim.api.nvim_win_set_cursor(
                m.win,
                {
                    math.max(
                        1,
                        math.min(line, lineCount)
                    ),
                    0
                }
            )
        end
    end
end
--- Shows `lines` (rows of `names` from `rowStart` on). When the same models are listed in the same
-- order only the lines that changed are written; otherwise the whole text, and each cursor goes
-- back to the model it was on.
function ____exports.render(lines, names, rowStart)
    if not bufValid() then
        return
    end
    local buf = state.buf
    local whole = #state.shown ~= #lines or state.rowStart ~= rowStart or not sameTexts(state.names, names)
    local marks = whole and cursorMarks(buf) or ({})
    state.shown = writeLines(buf, NS, whole and ({}) or state.shown, lines)
    if whole then
        restoreCursors(marks, names, rowStart, #lines)
        state.names = names
        state.rowStart = rowStart
    end
end
--- Moves the cursor to `name`'s row (after a copy, say).
function ____exports.focusModel(name)
    local w = window()
    local at = __TS__ArrayIndexOf(state.names, name)
    if w ~= nil and at >= 0 then
        vim.api.nvim_win_set_cursor(w, {state.rowStart + at + 1, 0})
    end
end
return ____exports
