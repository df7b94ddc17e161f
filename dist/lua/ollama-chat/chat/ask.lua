local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local ____exports = {}
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local session = require("ollama-chat.chat.session")
--- A fence longer than any run of backticks in the code, so the code cannot close it.
function ____exports.fenceFor(lines)
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
local function sendQuestion(buf, first, last, question)
    session.sendIn(
        session.current(),
        ____exports.buildMessage(buf, first, last, question),
        nil
    )
end
--- Asks about the buffer (or `range` of it); asks for the question when `prompt` is absent.
function ____exports.ask(opts)
    local buf = opts.buf or vim.api.nvim_get_current_buf()
    if isChatBuffer(buf) then
        notify("ask about a code buffer, not the chat itself", vim.log.levels.WARN)
        return
    end
    local total = vim.api.nvim_buf_line_count(buf)
    local ____math_max_3 = math.max
    local ____math_min_2 = math.min
    local ____opt_0 = opts.range
    local first = ____math_max_3(
        1,
        ____math_min_2(____opt_0 and ____opt_0[1] or 1, total)
    )
    local ____math_max_7 = math.max
    local ____math_min_6 = math.min
    local ____opt_4 = opts.range
    local last = ____math_max_7(
        first,
        ____math_min_6(____opt_4 and ____opt_4[2] or total, total)
    )
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
