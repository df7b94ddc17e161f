-- generated from src/ollama-chat/chat/ask.ts by TypeScriptToLua; do not edit
local ____exports = {}
local source = require("ollama-chat.code.source")
local target = require("ollama-chat.code.target")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local session = require("ollama-chat.chat.session")
local window = require("ollama-chat.chat.window")
--- The message sent for `question` about lines first..last of `buf`.
function ____exports.buildMessage(buf, first, last, question)
    -- Asking about code: the current buffer or a range of it goes into the chat as the user's
    -- message (file, filetype, lines, the code in a fenced block, then the question) and is sent
    -- through the API like any message: over stdin, never on a command line.
    return (source.block(buf, first, last) .. "\n\n") .. question
end
--- The chat window follows the reply the ask started: its cursor goes to the end (the reply's).
local function followReply()
    local buf = session.current():validBuffer()
    local ____temp_0
    if buf == nil then
        ____temp_0 = nil
    else
        ____temp_0 = window.findWindow(buf)
    end
    local win = ____temp_0
    if win ~= nil then
        vim.api.nvim_win_set_cursor(
            win,
            {
                vim.api.nvim_buf_line_count(buf),
                0
            }
        )
    end
end
local function sendQuestion(buf, first, last, question)
    -- The question goes into the current conversation; code larger than the model's context is
    -- stopped before sending there, like any message (chat/fit.ts).
    local c = session.current()
    session.sendIn(
        c,
        ____exports.buildMessage(buf, first, last, question),
        function()
            -- What the reply's code is applied to (code/apply.ts), tracked while the user edits.
            target.remember(c.id, buf, first, last)
            followReply()
        end
    )
end
--- Whether lines first..last of `buf` hold only white space.
local function isBlank(buf, first, last)
    for ____, line in ipairs(vim.api.nvim_buf_get_lines(buf, first - 1, last, false)) do
        if (string.find(line, "%S")) ~= nil then
            return false
        end
    end
    return true
end
--- Asks about the buffer (or `range` of it); asks for the question when `prompt` is absent.
function ____exports.ask(opts)
    local buf = opts.buf or vim.api.nvim_get_current_buf()
    if isChatBuffer(buf) then
        notify("ask about a code buffer, not the chat itself", vim.log.levels.WARN)
        return
    end
    local ____source_lineRange_result_1 = source.lineRange(buf, opts.range)
    local first = ____source_lineRange_result_1.first
    local last = ____source_lineRange_result_1.last
    local label = ____source_lineRange_result_1.label
    if isBlank(buf, first, last) then
        local what = opts.range == nil and "the buffer is empty" or ((("lines " .. tostring(first)) .. "-") .. tostring(last)) .. " are empty"
        notify("nothing to ask about: " .. what, vim.log.levels.WARN)
        return
    end
    source.withText(
        opts.prompt,
        ("Ask about " .. label) .. ": ",
        function(question) return sendQuestion(buf, first, last, question) end
    )
end
return ____exports
