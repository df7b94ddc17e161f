-- generated from src/ollama-chat/chat/codekeys.ts by TypeScriptToLua; do not edit
local ____exports = {}
local blocks = require("ollama-chat.code.blocks")
local transcript = require("ollama-chat.format.transcript")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local variables = require("ollama-chat.chat.variables")
--- The code block of the chat buffer at 0-based line `row` (the thinking block is not code).
function ____exports.blockAt(buf, row)
    -- The chat buffer's code helpers: `yc` yanks the code block under the cursor (without its
    -- fences), and the buffer's omnifunc completes chat variables (`#buf<C-x><C-o>`).
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local block = blocks.at(
        blocks.find(lines, transcript.isHeading),
        row
    )
    local ____temp_0
    if block == nil then
        ____temp_0 = nil
    else
        ____temp_0 = blocks.chatCode(lines, block)
    end
    return ____temp_0
end
--- `yc`: the block under the cursor into the register named before it (default: unnamed).
local function yank(buf)
    local block = ____exports.blockAt(
        buf,
        vim.api.nvim_win_get_cursor(0)[1] - 1
    )
    if block == nil then
        notify("no code block under the cursor", vim.log.levels.WARN)
        return
    end
    local reg = vim.api.nvim_get_vvar("register")
    vim.fn.setreg(reg, block.lines, "l")
    notify((((((("yanked the " .. (block.lang ~= "" and block.lang .. " " or "")) .. "code block (") .. tostring(#block.lines)) .. " line") .. (#block.lines == 1 and "" or "s")) .. ")") .. (reg ~= "\"" and " into register " .. reg or ""))
end
--- The chat buffer's 'omnifunc': the start of the `#word` before the cursor, then the variables
-- (and their arguments: buffer names, file paths) that complete it.
function ____exports.omnifunc(findstart, base)
    if findstart == 1 then
        local line = vim.api.nvim_get_current_line()
        local col = vim.api.nvim_win_get_cursor(0)[2]
        local before = string.sub(line, 1, col)
        local start = string.find(before, "#[%a]*:?%S*$")
        -- -3: nothing to complete here, leave completion mode quietly.
        return start == nil and -3 or start - 1
    end
    return variables.complete(base)
end
--- Binds `yc` and the omnifunc in a conversation's buffer.
function ____exports.attach(buf)
    vim.keymap.set(
        "n",
        "yc",
        function() return yank(buf) end,
        {buffer = buf, desc = "Ollama: yank the code block under the cursor", nowait = true, silent = true}
    )
    vim.api.nvim_set_option_value("omnifunc", "v:lua.require'ollama-chat.chat.codekeys'.omnifunc", {buf = buf})
end
return ____exports
