-- generated from src/ollama-chat/chat/ask.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local ____exports = {}
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local session = require("ollama-chat.chat.session")
local window = require("ollama-chat.chat.window")
--- A fence longer than any run of backticks in the code, so the code cannot close it.
function ____exports.fenceFor(lines)
    -- Asking about code: the current buffer or a range of it goes into the chat as the user's
    -- message (file, filetype, lines, the code in a fenced block, then the question) and is sent
    -- through the API like any message: over stdin, never on a command line.
    local longest = 0
    for ____, line in ipairs(lines) do
        for run in string.gmatch(line, "(`+)") do
            longest = math.max(longest, #run)
        end
    end
    return string.rep(
        "`",
        math.max(3, longest + 1)
    )
end
local function describe(buf, first, last, total)
    local name = vim.api.nvim_buf_get_name(buf)
    local file = name == "" and "[No Name]" or vim.fn.fnamemodify(name, ":~:.")
    local ft = vim.api.nvim_get_option_value("filetype", {buf = buf})
    local where = first == 1 and last == total and ("all " .. tostring(total)) .. " lines" or (((("lines " .. tostring(first)) .. "-") .. tostring(last)) .. " of ") .. tostring(total)
    return ((("File: " .. file) .. (ft ~= "" and (" (" .. ft) .. ")" or "")) .. ", ") .. where
end
--- The message sent for `question` about lines first..last of `buf`.
function ____exports.buildMessage(buf, first, last, question)
    local total = vim.api.nvim_buf_line_count(buf)
    local code = vim.api.nvim_buf_get_lines(buf, first - 1, last, false)
    local ft = vim.api.nvim_get_option_value("filetype", {buf = buf})
    local fence = ____exports.fenceFor(code)
    local parts = {
        describe(buf, first, last, total),
        "",
        fence .. ft
    }
    for ____, line in ipairs(code) do
        parts[#parts + 1] = line
    end
    __TS__ArrayPush(parts, fence, "", question)
    return table.concat(parts, "\n")
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
    session.sendIn(
        session.current(),
        ____exports.buildMessage(buf, first, last, question),
        function() return followReply() end
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
    local total = vim.api.nvim_buf_line_count(buf)
    local ____math_max_4 = math.max
    local ____math_min_3 = math.min
    local ____opt_1 = opts.range
    local first = ____math_max_4(
        1,
        ____math_min_3(____opt_1 and ____opt_1[1] or 1, total)
    )
    local ____math_max_8 = math.max
    local ____math_min_7 = math.min
    local ____opt_5 = opts.range
    local last = ____math_max_8(
        first,
        ____math_min_7(____opt_5 and ____opt_5[2] or total, total)
    )
    if isBlank(buf, first, last) then
        local what = opts.range == nil and "the buffer is empty" or ((("lines " .. tostring(first)) .. "-") .. tostring(last)) .. " are empty"
        notify("nothing to ask about: " .. what, vim.log.levels.WARN)
        return
    end
    if opts.prompt ~= nil and vim.trim(opts.prompt) ~= "" then
        sendQuestion(
            buf,
            first,
            last,
            vim.trim(opts.prompt)
        )
        return
    end
    vim.ui.input(
        {prompt = ("Ask about " .. (first == 1 and last == total and "the buffer" or (("lines " .. tostring(first)) .. "-") .. tostring(last))) .. ": "},
        function(input)
            if input == nil or vim.trim(input) == "" then
                return
            end
            sendQuestion(
                buf,
                first,
                last,
                vim.trim(input)
            )
        end
    )
end
return ____exports
