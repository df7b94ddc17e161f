-- generated from src/ollama-chat/code/edit.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
local models = require("ollama-chat.chat.models")
local registry = require("ollama-chat.chat.registry")
local source = require("ollama-chat.code.source")
local client = require("ollama-chat.ollama.client")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____throttle = require("ollama-chat.ui.throttle")
local Throttle = ____throttle.Throttle
local ____apply = require("ollama-chat.code.apply")
local announce = ____apply.announce
local focus = ____apply.focus
local ____diffview = require("ollama-chat.code.diffview")
local DiffView = ____diffview.DiffView
local unwritable = ____diffview.unwritable
local ____indent = require("ollama-chat.code.indent")
local codeOnly = ____indent.codeOnly
local keepLayout = ____indent.keepLayout
-- Edit: lines of a buffer, their filetype and an instruction go to the chat's model, which is
-- asked for the replacement only; the new text streams into the diff view, laid out like the
-- original (indentation and surrounding blank lines kept when the model drops them).
--- How often streamed text is laid out and redrawn (the editor stays responsive meanwhile).
local REDRAW_MS = 50
local SYSTEM = "You rewrite code. Reply with the rewritten code only: no explanation, no markdown fence, " .. "nothing before or after it. Keep the language, the style and the indentation of the original."
--- The request's messages for an edit of lines first..last of `buf`.
function ____exports.messages(buf, first, last, instruction)
    local ft = vim.api.nvim_get_option_value("filetype", {buf = buf})
    local user = ((((source.block(buf, first, last) .. "\n\nRewrite these lines") .. (ft ~= "" and " of " .. ft or "")) .. ": ") .. instruction) .. "\nReply with the replacement lines only."
    return {{role = "system", content = SYSTEM}, {role = "user", content = user}}
end
local function start(model, buf, first, last, instruction)
    local old = vim.api.nvim_buf_get_lines(buf, first - 1, last, false)
    local chat = registry.peek()
    local settings = chat and chat:effectiveSettings()
    local content = ""
    local finished = false
    local function laidOut()
        return keepLayout(
            old,
            codeOnly(vim.split(content, "\n", {plain = true}))
        )
    end
    focus(buf)
    local handle
    local view = __TS__New(
        DiffView,
        buf,
        first,
        last,
        old,
        {},
        true,
        {
            done = function(accepted, f, l) return announce(buf, f, l, accepted) end,
            stop = function() return handle and handle:cancel() end
        },
        "editing with " .. model
    )
    local redrawSoon = __TS__New(
        Throttle,
        REDRAW_MS,
        function()
            if not finished then
                view:update(
                    laidOut(),
                    false
                )
            end
        end
    )
    handle = client.chat(
        {
            model = model,
            messages = ____exports.messages(buf, first, last, instruction),
            options = settings and settings.options,
            keep_alive = settings and settings.keep_alive,
            think = false
        },
        {
            on_delta = function(delta)
                content = content .. delta.content
                if not finished then
                    redrawSoon:request()
                end
            end,
            on_done = function(err, result)
                finished = true
                redrawSoon:cancel()
                if err ~= nil then
                    view:abort()
                    if err.kind ~= "cancelled" then
                        notify("the edit failed: " .. err.message, vim.log.levels.ERROR)
                    end
                    return
                end
                content = result.content
                view:update(
                    laidOut(),
                    true
                )
                view:jump(0)
            end
        }
    )
end
local function withModel(cb)
    local ____opt_8 = registry.peek()
    local model = ____opt_8 and ____opt_8.model
    if model ~= nil then
        cb(model)
        return
    end
    models.resolve(
        function(m)
            if m ~= nil then
                cb(m)
            end
        end,
        function()
        end
    )
end
--- Rewrites the range (or the whole buffer) following `prompt` (asked for when absent).
function ____exports.edit(opts)
    local buf = opts.buf or vim.api.nvim_get_current_buf()
    if isChatBuffer(buf) then
        notify("edit a code buffer, not the chat itself", vim.log.levels.WARN)
        return
    end
    local refusal = unwritable(buf)
    if refusal ~= nil then
        notify("cannot edit: " .. refusal, vim.log.levels.ERROR)
        return
    end
    local ____source_lineRange_result_10 = source.lineRange(buf, opts.range)
    local first = ____source_lineRange_result_10.first
    local last = ____source_lineRange_result_10.last
    local label = ____source_lineRange_result_10.label
    source.withText(
        opts.prompt,
        ("Edit " .. label) .. ": ",
        function(instruction) return withModel(function(model) return start(
            model,
            buf,
            first,
            last,
            instruction
        ) end) end
    )
end
return ____exports
