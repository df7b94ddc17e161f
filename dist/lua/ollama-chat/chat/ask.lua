local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local ____exports = {}
local config = require("ollama-chat.config")
local client = require("ollama-chat.ollama.client")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local session = require("ollama-chat.chat.session")
--- Rough token estimate for a context warning: about 4 bytes per token for code.
local BYTES_PER_TOKEN = 4
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
--- Warns (without blocking) when the context is larger than the model's context window.
local function warnIfTooLarge(model, bytes)
    local tokens = math.ceil(bytes / BYTES_PER_TOKEN)
    local numCtx = config.get().chat.options.num_ctx
    local function report(window, source)
        if tokens <= window then
            return
        end
        notify(
            ((((((((("the code sent is about " .. tostring(tokens)) .. " tokens (") .. tostring(bytes)) .. " bytes), more than ") .. model) .. "'s context of ") .. tostring(window)) .. " tokens (") .. source) .. "): the model will not see all of it. Ask about a selection, or raise chat.options.num_ctx.",
            vim.log.levels.WARN
        )
    end
    if type(numCtx) == "number" then
        report(numCtx, "chat.options.num_ctx")
        return
    end
    client.show(
        model,
        function(err, info)
            if err ~= nil or info == nil then
                return
            end
            local modelInfo = info.model_info
            if modelInfo == nil then
                return
            end
            for key, value in pairs(modelInfo) do
                if type(key) == "string" and __TS__StringEndsWith(key, ".context_length") and type(value) == "number" then
                    report(value, "its context_length")
                    return
                end
            end
        end
    )
end
local function sendQuestion(buf, first, last, question)
    local message = ____exports.buildMessage(buf, first, last, question)
    session.sendIn(
        session.current(),
        message,
        function(model) return warnIfTooLarge(model, #message) end
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
