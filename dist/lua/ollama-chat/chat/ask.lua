local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local ____exports = {}
local source = require("ollama-chat.code.source")
local target = require("ollama-chat.code.target")
local config = require("ollama-chat.config")
local client = require("ollama-chat.ollama.client")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local session = require("ollama-chat.chat.session")
--- Rough token estimate for a context warning: about 4 bytes per token for code.
local BYTES_PER_TOKEN = 4
--- The message sent for `question` about lines first..last of `buf`.
function ____exports.buildMessage(buf, first, last, question)
    return (source.block(buf, first, last) .. "\n\n") .. question
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
    local c = session.current()
    session.sendIn(
        c,
        message,
        function(model)
            target.remember(c.id, buf, first, last)
            warnIfTooLarge(model, #message)
        end
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
