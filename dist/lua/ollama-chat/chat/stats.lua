-- generated from src/ollama-chat/chat/stats.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____text = require("ollama-chat.ui.text")
local oneLine = ____text.oneLine
function ____exports.tokensPerSecond(result)
    if result.eval_count == nil or result.eval_duration == nil or result.eval_duration <= 0 then
        -- The lines shown under a finished reply: speed, tokens, time and why it ended; or that it was
        -- stopped, failed, or cut off by a limit.
        return nil
    end
    return result.eval_count / result.eval_duration * 1000000000
end
--- Why the reply ended, in plain words; nothing for the ordinary end (the model finished its answer),
-- which the stats line itself says.
local function endedBecause(reason)
    if reason == nil or reason == "stop" then
        return nil
    end
    if reason == "length" then
        return "cut off at the length limit"
    end
    if reason == "load" or reason == "unload" then
        return "ended: the model was " .. (reason == "load" and "loaded" or "unloaded")
    end
    return "ended: " .. reason
end
function ____exports.metaLines(err, result, stopped)
    if stopped then
        return {{"■ stopped: the reply above is what arrived before you stopped it", "OllamaChatStopped"}}
    end
    if err ~= nil then
        return {{
            "✗ " .. oneLine(err.message),
            "OllamaChatError"
        }}
    end
    local parts = {}
    local tps = ____exports.tokensPerSecond(result)
    if tps ~= nil then
        parts[#parts + 1] = string.format("%.1f tokens/s", tps)
    end
    if result.eval_count ~= nil then
        parts[#parts + 1] = tostring(result.eval_count) .. " tokens"
    end
    if result.total_duration ~= nil then
        parts[#parts + 1] = string.format("%.1f s", result.total_duration / 1000000000)
    end
    -- A reply that waited for its model to load says so: the first one after a cold start.
    if result.load_duration ~= nil and result.load_duration > 500000000 then
        parts[#parts + 1] = string.format("loaded in %.1f s", result.load_duration / 1000000000)
    end
    local ended = endedBecause(result.done_reason)
    if ended ~= nil then
        parts[#parts + 1] = ended
    end
    local lines = {{
        table.concat(parts, " · "),
        "OllamaChatStats"
    }}
    if result.done_reason == "length" then
        lines[#lines + 1] = {"⚠ cut off: the reply reached the context or length limit (raise chat.options.num_ctx or num_predict)", "OllamaChatWarning"}
    end
    return lines
end
return ____exports
