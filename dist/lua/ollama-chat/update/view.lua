-- generated from src/ollama-chat/update/view.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local bufValid, setKeymaps, createBuffer, ensureBuffer, frame, cancelLinger, render, BUF_NAME, NS, state
local highlights = require("ollama-chat.highlights")
local ____lines = require("ollama-chat.ui.lines")
local viewBuffer = ____lines.viewBuffer
local writeLines = ____lines.writeLines
local ____throttle = require("ollama-chat.ui.throttle")
local stopTimer = ____throttle.stopTimer
local Throttle = ____throttle.Throttle
local ____run = require("ollama-chat.update.run")
local runChanges = ____run.runChanges
function bufValid()
    return state.buf ~= nil and vim.api.nvim_buf_is_valid(state.buf)
end
function ____exports.isVisible()
    local win = state.win
    return win ~= nil and vim.api.nvim_win_is_valid(win) and state.buf ~= nil and vim.api.nvim_win_get_buf(win) == state.buf
end
function setKeymaps(buf)
    local function opts(desc)
        return {buffer = buf, desc = desc, nowait = true, silent = true}
    end
    vim.keymap.set(
        "n",
        "q",
        function() return ____exports.hide() end,
        opts("Ollama update: close the view (the update goes on)")
    )
    vim.keymap.set(
        "n",
        "<Esc>",
        function() return ____exports.hide() end,
        opts("Ollama update: close the view (the update goes on)")
    )
    vim.keymap.set(
        "n",
        "x",
        function()
            local ____opt_1 = state.run
            return ____opt_1 and ____opt_1:stopFromView()
        end,
        opts("Ollama update: stop the running and queued pulls")
    )
    vim.keymap.set(
        "n",
        "<C-c>",
        function()
            local ____opt_3 = state.run
            return ____opt_3 and ____opt_3:stopFromView()
        end,
        opts("Ollama update: stop the running and queued pulls")
    )
    vim.keymap.set(
        "n",
        "u",
        function()
            local ____opt_5 = state.run
            return ____opt_5 and ____opt_5:updateOutdated()
        end,
        opts("Ollama update: update the outdated models")
    )
end
function createBuffer()
    local buf = viewBuffer(BUF_NAME, "ollama-update")
    setKeymaps(buf)
    return buf
end
function ensureBuffer()
    if not bufValid() then
        state.buf = createBuffer()
        state.shown = {}
    end
    return state.buf
end
function frame(lineCount)
    local source = state.run
    local height = math.max(
        1,
        math.min(lineCount, vim.o.lines - vim.o.cmdheight - 6)
    )
    local width = math.max(
        1,
        math.min(state.width, vim.o.columns - 4)
    )
    local statusline = vim.o.laststatus > 0 and 1 or 0
    return {
        relative = "editor",
        anchor = "SE",
        row = math.max(0, vim.o.lines - vim.o.cmdheight - statusline),
        col = vim.o.columns,
        width = width,
        height = height,
        border = "rounded",
        title = source ~= nil and source:title() or " Ollama ",
        title_pos = "left",
        footer = source ~= nil and source:footer() or "",
        footer_pos = "right"
    }
end
--- Closes the window; the buffer and the run behind it stay.
function ____exports.hide()
    cancelLinger()
    local win = state.win
    state.win = nil
    if win == nil or not vim.api.nvim_win_is_valid(win) then
        return
    end
    if #vim.api.nvim_list_wins() == 1 then
        return
    end
    vim.api.nvim_win_close(win, true)
end
function cancelLinger()
    stopTimer(state.lingerTimer)
    state.lingerTimer = nil
end
function render()
    local source = state.run
    if source == nil then
        return
    end
    local buf = ensureBuffer()
    local lines = source:lines(vim.uv.hrtime())
    -- A new run (or a model added to it) writes the whole text once; then only what changed.
    state.shown = writeLines(
        buf,
        NS,
        state.shown,
        lines,
        function(text)
            state.width = math.max(
                state.width,
                vim.fn.strdisplaywidth(text) + 1
            )
        end
    )
    if ____exports.isVisible() then
        vim.api.nvim_win_set_config(
            state.win,
            frame(math.max(1, #lines))
        )
    end
end
-- The live progress view: one scratch buffer in a floating window at the bottom right, updated in
-- place (only the lines that changed) at most every RENDER_MS. It listens to the runs (runChanges):
-- a run that starts is shown, taking the cursor from normal mode so the keys its footer shows work
-- at once (`<C-w>p` goes back to typing; the run goes on); its changes are redrawn throttled, its
-- end at once. Closing the view leaves the run going; it can be shown again.
--- How often the view is redrawn while a run streams progress (ms): one redraw per batch.
____exports.RENDER_MS = 100
--- After a run ends, an unfocused view stays this long (ms), then hides.
____exports.LINGER_MS = 10000
BUF_NAME = "ollama-chat://update"
NS = vim.api.nvim_create_namespace("ollama-chat-update")
local MIN_WIDTH = 40
highlights.setup()
state = {
    buf = nil,
    win = nil,
    run = nil,
    shown = {},
    width = MIN_WIDTH,
    lingerTimer = nil
}
function ____exports.isFocused()
    return ____exports.isVisible() and vim.api.nvim_get_current_win() == state.win
end
--- The view's buffer, if it exists (for tests and :ls).
function ____exports.buffer()
    local ____bufValid_result_0
    if bufValid() then
        ____bufValid_result_0 = state.buf
    else
        ____bufValid_result_0 = nil
    end
    return ____bufValid_result_0
end
--- Shows `run` from now on (a new run), replacing what the view showed.
local function attach(run)
    cancelLinger()
    state.run = run
    state.width = MIN_WIDTH
    render()
end
--- Opens the window; `focus` moves the cursor into it, from normal mode only: typing in insert
-- mode (or a command line being typed) is never taken over.
function ____exports.show(focus)
    cancelLinger()
    focus = focus and vim.api.nvim_get_mode().mode == "n"
    local buf = ensureBuffer()
    render()
    if ____exports.isVisible() then
        if focus then
            vim.api.nvim_set_current_win(state.win)
        end
        return
    end
    local config = frame(math.max(1, #state.shown))
    config.style = "minimal"
    config.focusable = true
    config.zindex = 45
    config.noautocmd = true
    -- Not everywhere can a window open (the command-line window): the run goes on, reopen shows it.
    local ok, opened = pcall(vim.api.nvim_open_win, buf, focus, config)
    if not ok then
        return
    end
    local win = opened
    state.win = win
    vim.api.nvim_set_option_value("wrap", false, {win = win})
    vim.api.nvim_set_option_value("cursorline", false, {win = win})
    vim.api.nvim_set_option_value("winhighlight", "Normal:NormalFloat,FloatBorder:FloatBorder", {win = win})
end
--- After a run: hides the view in LINGER_MS unless the user went into it.
local function linger(ms)
    if ms == nil then
        ms = ____exports.LINGER_MS
    end
    cancelLinger()
    if not ____exports.isVisible() or ____exports.isFocused() then
        return
    end
    local timer = vim.uv.new_timer()
    state.lingerTimer = timer
    timer:start(
        ms,
        0,
        function()
            vim.schedule(function()
                if state.lingerTimer ~= timer then
                    return
                end
                cancelLinger()
                if not ____exports.isFocused() then
                    ____exports.hide()
                end
            end)
        end
    )
end
--- Redraws within RENDER_MS of a change: progress lines arrive far more often than that.
local renderSoon = __TS__New(
    Throttle,
    ____exports.RENDER_MS,
    function()
        if ____exports.isVisible() then
            render()
        end
    end
)
vim.api.nvim_create_autocmd(
    "VimResized",
    {
        group = vim.api.nvim_create_augroup("ollama-chat-update-view", {clear = true}),
        callback = function()
            if ____exports.isVisible() then
                vim.api.nvim_win_set_config(
                    state.win,
                    frame(math.max(1, #state.shown))
                )
            end
        end
    }
)
runChanges:subscribe(function(____bindingPattern0)
    local phase
    local run
    run = ____bindingPattern0.run
    phase = ____bindingPattern0.phase
    if phase == "started" then
        attach(run)
        ____exports.show(true)
        return
    end
    if run ~= state.run then
        return
    end
    if phase == "changed" then
        renderSoon:request()
        return
    end
    render()
    linger()
end)
return ____exports
