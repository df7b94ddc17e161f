-- generated from src/ollama-chat/chat/context.ts by TypeScriptToLua; do not edit
local ____exports = {}
--- The smallest context "auto" asks for (Ollama's own default on small machines).
____exports.MIN_CTX = 4096
--- Room kept for the reply when sizing the context (tokens).
____exports.REPLY_ROOM = 1024
--- What an image costs a vision model (Ollama's truncation counts it so).
____exports.IMAGE_TOKENS = 768
--- Tokens of framing around each message (role, separators) in a chat template.
____exports.MESSAGE_OVERHEAD = 4
--- The byte-based estimate of one message, before calibration: about 4 bytes a token.
function ____exports.rawCost(m)
    return ____exports.MESSAGE_OVERHEAD + math.ceil(#m.content / 4) + (m.images or 0) * ____exports.IMAGE_TOKENS
end
function ____exports.rawTotal(messages)
    local total = 0
    for ____, m in ipairs(messages) do
        total = total + ____exports.rawCost(m)
    end
    return total
end
--- The estimate of the whole prompt, scaled by the model's measured ratio (1 before any reply).
function ____exports.estimate(messages, factor)
    return math.ceil(____exports.rawTotal(messages) * factor)
end
--- The ratio to use from now on, from a reply's real `prompt_eval_count`: undefined when the
-- figure says nothing reliable (tiny prompts, or a prompt Ollama truncated).
function ____exports.calibrate(raw, promptEvalCount, truncated)
    if promptEvalCount == nil or promptEvalCount <= 0 or truncated or raw < 64 then
        return nil
    end
    return math.min(
        4,
        math.max(0.25, promptEvalCount / raw)
    )
end
--- The most num_ctx may be: the model's context_length and, for "auto", chat.max_ctx.
function ____exports.limit(contextLength, maxCtx)
    local most = contextLength or math.huge
    if maxCtx ~= nil then
        most = math.min(most, maxCtx)
    end
    return most == math.huge and ____exports.MIN_CTX * 8 or most
end
--- The next power of two holding `need`, at least MIN_CTX (unless the model holds less), at most `most`.
function ____exports.sizeFor(need, most)
    local size = ____exports.MIN_CTX
    while size < need do
        size = size * 2
    end
    return math.min(size, most)
end
--- What to ask for, and whether the conversation fits in it.
function ____exports.plan(input)
    local est = ____exports.estimate(input.messages, input.factor)
    local need = est + input.reply_room
    local numCtx = input.fixed or ____exports.sizeFor(
        need,
        ____exports.limit(input.context_length, input.max_ctx)
    )
    local result = {estimate = est, num_ctx = numCtx, fits = est <= numCtx, model_limit = input.context_length}
    if not result.fits then
        -- Raising goes past chat.max_ctx (the user asks for it) but never past the model.
        local most = ____exports.limit(input.context_length, nil)
        local raised = ____exports.sizeFor(need, most)
        if raised > numCtx then
            result.raise = raised
        end
    end
    return result
end
--- The oldest turns to leave out so that the rest fits in `budget` tokens: indices into
-- `messages`, oldest first. System messages and the last message are always kept; a user turn
-- goes with the replies that follow it. Undefined when even the kept messages do not fit.
function ____exports.oldestToDrop(messages, factor, budget)
    local total = ____exports.estimate(messages, factor)
    local dropped = {}
    local last = #messages - 1
    local i = 0
    while total > budget and i < last do
        if messages[i + 1].role == "system" then
            i = i + 1
        else
            -- A turn: this message and the non-user messages after it (the replies), never the last.
            local j = i
            repeat
                do
                    total = total - math.ceil(____exports.rawCost(messages[j + 1]) * factor)
                    dropped[#dropped + 1] = j
                    j = j + 1
                end
            until not (j < last and messages[j + 1].role ~= "user" and messages[j + 1].role ~= "system")
            i = j
        end
    end
    local ____temp_0
    if total > budget then
        ____temp_0 = nil
    else
        ____temp_0 = dropped
    end
    return ____temp_0
end
--- Whether Ollama cut the prompt: it was sent over the context and measured within it, or it was
-- sent near the context and measured clearly fewer tokens than estimated.
function ____exports.wasTruncated(expected, promptEvalCount, numCtx)
    if promptEvalCount == nil then
        return false
    end
    if expected > numCtx and promptEvalCount <= numCtx then
        return true
    end
    return expected > numCtx * 0.8 and promptEvalCount < expected * 0.8
end
--- "15,200": thousands separated, as the user reads figures.
function ____exports.figure(n)
    local s = string.format(
        "%d",
        math.floor(n + 0.5)
    )
    local out = ""
    while #s > 3 do
        out = ("," .. string.sub(s, -3)) .. out
        s = string.sub(s, 1, -4)
    end
    return s .. out
end
return ____exports
