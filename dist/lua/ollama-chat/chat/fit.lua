-- generated from src/ollama-chat/chat/fit.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local capabilities = require("ollama-chat.ollama.capabilities")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____picker = require("ollama-chat.ui.picker")
local pick = ____picker.pick
local context = require("ollama-chat.chat.context")
local images = require("ollama-chat.chat.images")
-- Fitting a conversation to its model before it is sent, and learning from the reply after:
-- capabilities (a model that cannot chat is refused, `think` only reaches thinking models, images
-- only vision models), the context asked for (num_ctx "auto"), the guard offering to drop the
-- oldest turns, raise the context or send anyway, and the calibration of the token estimate.
--- The measured tokens-per-estimate ratio of each model (by name), from its last replies.
local factors = {}
function ____exports.factorOf(model)
    return factors[model] or 1
end
local function costs(messages, vision)
    local out = {}
    for ____, m in ipairs(messages) do
        out[#out + 1] = {
            role = m.role,
            content = m.content,
            images = vision and m.role == "user" and images.countIn(m.content) or 0
        }
    end
    return out
end
local function replyRoom(options)
    local predict = options.num_predict
    return type(predict) == "number" and predict > 0 and math.min(predict, 8192) or context.REPLY_ROOM
end
--- The user's num_ctx when it is a number; "auto" (or nothing) leaves the sizing to us.
local function fixedNumCtx(options)
    local n = options.num_ctx
    return type(n) == "number" and n > 0 and n or nil
end
local function planFor(model, req, caps, options)
    return context.plan({
        messages = costs(
            req,
            caps ~= nil and capabilities.has(caps, "vision")
        ),
        factor = ____exports.factorOf(model),
        fixed = fixedNumCtx(options),
        context_length = caps and caps.context_length,
        max_ctx = config.get().chat.max_ctx,
        reply_room = replyRoom(options)
    })
end
--- The context a conversation would ask for now (for the warm-up, so the first reply reuses the load).
function ____exports.numCtxFor(model, req, caps, options)
    return planFor(model, req, caps, options).num_ctx
end
local function kept(out, extra)
    local list = {}
    do
        local i = 0
        while i < #out.messages do
            if not (out.excluded[i] ~= nil) and (extra == nil or not (extra[i] ~= nil)) then
                list[#list + 1] = out.messages[i + 1]
            end
            i = i + 1
        end
    end
    return list
end
--- The transcript indices behind request indices (the request may start with a configured system prompt).
local function transcriptIndices(out, keptMessages, req, dropped)
    local offset = #req - #keptMessages
    local byKept = {}
    do
        local i = 0
        while i < #out.messages do
            if not (out.excluded[i] ~= nil) then
                byKept[#byKept + 1] = i
            end
            i = i + 1
        end
    end
    local result = {}
    for ____, r in ipairs(dropped) do
        if r >= offset then
            result[#result + 1] = byKept[r - offset + 1]
        end
    end
    return result
end
local function describe(model, p)
    local size = context.figure(p.num_ctx)
    local holds = p.model_limit ~= nil and p.num_ctx >= p.model_limit and (model .. " holds ") .. size or ("the context asked for is " .. size) .. (p.model_limit ~= nil and (((" (" .. model) .. " holds ") .. context.figure(p.model_limit)) .. ")" or "")
    return (("this chat is about " .. context.figure(p.estimate)) .. " tokens; ") .. holds
end
local function finish(out, caps, req, p, numCtx, hooks)
    local vision = caps ~= nil and capabilities.has(caps, "vision")
    images.attach(
        out.model,
        vision,
        req,
        function(err, withImages)
            if err ~= nil or withImages == nil then
                notify(err or "the images could not be attached", vim.log.levels.ERROR)
                return hooks.done(nil)
            end
            local options = {}
            for k, v in pairs(out.options) do
                options[k] = v
            end
            options.num_ctx = numCtx
            local ____temp_2
            if caps ~= nil and not capabilities.has(caps, "thinking") then
                ____temp_2 = nil
            else
                ____temp_2 = out.think
            end
            local think = ____temp_2
            local raw = context.rawTotal(costs(req, vision))
            hooks.done({messages = withImages, options = options, think = think, sent = {model = out.model, raw = raw, estimate = p.estimate, num_ctx = numCtx}})
        end
    )
end
--- Offers what can be done about a conversation that does not fit.
local function guard(out, caps, req, p, hooks)
    local keptMessages = kept(out, nil)
    local choices = {}
    local budget = p.num_ctx - math.min(
        replyRoom(out.options),
        math.floor(p.num_ctx / 4)
    )
    local dropped = context.oldestToDrop(
        costs(
            req,
            caps ~= nil and capabilities.has(caps, "vision")
        ),
        ____exports.factorOf(out.model),
        budget
    )
    if dropped ~= nil and #dropped > 0 then
        local indices = transcriptIndices(out, keptMessages, req, dropped)
        choices[#choices + 1] = {
            label = ("Leave out the " .. tostring(#indices)) .. " oldest messages (they stay in the chat, marked as not sent)",
            run = function()
                hooks.exclude(indices)
                local gone = {}
                for ____, i in ipairs(indices) do
                    gone[i] = true
                end
                local smaller = out.toRequest(kept(out, gone))
                finish(
                    out,
                    caps,
                    smaller,
                    planFor(out.model, smaller, caps, out.options),
                    p.num_ctx,
                    hooks
                )
            end
        }
    end
    if p.raise ~= nil then
        local raise = p.raise
        choices[#choices + 1] = {
            label = ("Raise the context to " .. context.figure(raise)) .. " tokens for this chat (more memory, slower to load)",
            run = function()
                hooks.setNumCtx(raise)
                finish(
                    out,
                    caps,
                    req,
                    p,
                    raise,
                    hooks
                )
            end
        }
    end
    choices[#choices + 1] = {
        label = "Send anyway (Ollama silently drops what does not fit)",
        run = function() return finish(
            out,
            caps,
            req,
            p,
            p.num_ctx,
            hooks
        ) end
    }
    pick({
        prompt = describe(out.model, p) .. ": what should be sent?",
        items = choices,
        format = function(c) return c.label end,
        kind = "ollama-chat.context",
        on_choice = function(c)
            if c == nil then
                notify("nothing sent: your message is still in the chat", vim.log.levels.INFO)
                return hooks.done(nil)
            end
            c.run()
        end
    })
end
local function withCaps(out, caps, hooks)
    if caps ~= nil and not capabilities.canChat(caps) then
        notify(
            ((out.model .. " cannot chat (its capabilities: ") .. table.concat(caps.capabilities, ", ")) .. "): switch to a chat model with :Ollama switch",
            vim.log.levels.ERROR
        )
        return hooks.done(nil)
    end
    local req = out.toRequest(kept(out, nil))
    local p = planFor(out.model, req, caps, out.options)
    if p.fits then
        return finish(
            out,
            caps,
            req,
            p,
            p.num_ctx,
            hooks
        )
    end
    guard(
        out,
        caps,
        req,
        p,
        hooks
    )
end
--- Fits `out` to its model and calls `hooks.done` with what to send. When the model's
-- capabilities cannot be read (Ollama down, model missing), the request goes as it is and the
-- chat reports what Ollama says.
function ____exports.prepare(out, hooks)
    capabilities.of(
        out.model,
        function(_err, caps) return withCaps(out, caps, hooks) end
    )
end
--- Learns from a finished reply: calibrates the model's estimate and returns a warning when Ollama
-- truncated the prompt anyway.
function ____exports.afterReply(sent, result)
    local measured = result.prompt_eval_count
    local truncated = context.wasTruncated(sent.estimate, measured, sent.num_ctx)
    local factor = context.calibrate(sent.raw, measured, truncated)
    if factor ~= nil then
        factors[sent.model] = factor
    end
    if not truncated then
        return nil
    end
    return ((((("⚠ Ollama cut this chat to fit its context: it read " .. context.figure(measured)) .. " of about ") .. context.figure(sent.estimate)) .. " tokens (num_ctx ") .. context.figure(sent.num_ctx)) .. "); the oldest part was not seen"
end
--- The context meter after a reply: tokens in use (prompt and reply) of the size asked for.
function ____exports.meter(sent, result)
    local used = (result.prompt_eval_count or sent.estimate) + (result.eval_count or 0)
    return {used = used, size = sent.num_ctx}
end
return ____exports
