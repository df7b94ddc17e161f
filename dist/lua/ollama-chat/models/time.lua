-- generated from src/ollama-chat/models/time.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Ollama's times (RFC 3339, as Go writes them) as epoch seconds, fractions kept: /api/ps says
-- when a model unloads, /api/tags when a model was modified.
local function daysFromCivil(y, m, d)
    local yy = m <= 2 and y - 1 or y
    local era = math.floor(yy / 400)
    local yoe = yy - era * 400
    local mp = m > 2 and m - 3 or m + 9
    local doy = math.floor((153 * mp + 2) / 5) + d - 1
    local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
    return era * 146097 + doe - 719468
end
--- Epoch seconds of an RFC 3339 time ("2025-05-04T17:37:44.706015396-07:00"), or undefined.
function ____exports.parseTime(text)
    local y, mo, d, h, mi, s, rest = string.match(text, "^(%d%d%d%d)%-(%d%d)%-(%d%d)[Tt ](%d%d):(%d%d):(%d%d)(.*)$")
    if y == nil then
        return nil
    end
    local days = daysFromCivil(
        tonumber(y),
        tonumber(mo),
        tonumber(d)
    )
    local t = days * 86400 + tonumber(h) * 3600 + tonumber(mi) * 60 + tonumber(s)
    local fraction = string.match(rest or "", "^(%.%d+)")
    if fraction ~= nil then
        t = t + tonumber("0" .. fraction)
    end
    local sign, oh, om = string.match(rest or "", "([+-])(%d%d):?(%d%d)$")
    if sign ~= nil then
        local offset = tonumber(oh) * 3600 + tonumber(om) * 60
        t = sign == "+" and t - offset or t + offset
    end
    return t
end
--- Now as epoch seconds, with microseconds (the clock Ollama's times are on).
function ____exports.epochNow()
    local s, us = vim.uv.gettimeofday()
    return s + us / 1000000
end
return ____exports
