-- generated from src/ollama-chat/ui/picker/float.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local function sizeFor(itemCount, promptWidth)
    -- fzf in a terminal inside a floating window. The window closes and its buffer is wiped when fzf
    -- exits; focus returns to the window the picker was opened from.
    local columns = vim.o.columns
    local lines = vim.o.lines - vim.o.cmdheight
    local width = math.min(
        columns - 4,
        math.max(
            60,
            promptWidth + 20,
            math.floor(columns * 0.6)
        )
    )
    -- fzf needs a line for the prompt and one per item, plus some room to breathe.
    local height = math.min(
        lines - 4,
        math.max(8, itemCount + 2),
        math.floor(lines * 0.7)
    )
    return {
        width = math.max(width, 10),
        height = math.max(height, 3)
    }
end
local function openWindow(buf, title, size)
    return vim.api.nvim_open_win(
        buf,
        true,
        {
            relative = "editor",
            width = size.width,
            height = size.height,
            row = math.max(
                0,
                math.floor((vim.o.lines - vim.o.cmdheight - size.height) / 2) - 1
            ),
            col = math.floor((vim.o.columns - size.width) / 2),
            style = "minimal",
            border = "rounded",
            title = (" " .. title) .. " ",
            title_pos = "center"
        }
    )
end
--- Starts `argv` as a terminal job in the current buffer (termopen is deprecated from 0.11).
local function startTerminal(argv, env, onExit)
    local opts = {
        env = env,
        on_exit = function() return onExit() end
    }
    if vim.fn.has("nvim-0.11") == 1 then
        return vim.fn.jobstart(
            argv,
            __TS__ObjectAssign({}, opts, {term = true})
        )
    end
    return vim.fn.termopen(argv, opts)
end
local function close(win, buf, previous)
    if vim.api.nvim_win_is_valid(win) then
        vim.api.nvim_win_close(win, true)
    end
    if vim.api.nvim_buf_is_valid(buf) then
        vim.api.nvim_buf_delete(buf, {force = true})
    end
    if vim.api.nvim_win_is_valid(previous) then
        vim.api.nvim_set_current_win(previous)
    end
end
--- Runs the fzf job in a floating terminal; `done` runs once, after the float is gone.
function ____exports.run(job, title, done)
    local previous = vim.api.nvim_get_current_win()
    local buf = vim.api.nvim_create_buf(false, true)
    -- Closing the float by hand wipes the buffer, which ends fzf and so still calls `done`.
    vim.api.nvim_set_option_value("bufhidden", "wipe", {buf = buf})
    local win = openWindow(
        buf,
        title,
        sizeFor(
            #job.items,
            vim.fn.strdisplaywidth(title)
        )
    )
    local function finish()
        close(win, buf, previous)
        done()
    end
    local id = startTerminal(
        job.argv,
        job.env,
        function() return vim.schedule(finish) end
    )
    if id <= 0 then
        finish()
        return
    end
    vim.api.nvim_set_option_value("filetype", "ollama_chat_picker", {buf = buf})
    vim.cmd("startinsert")
end
return ____exports
