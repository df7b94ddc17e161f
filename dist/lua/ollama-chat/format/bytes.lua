-- generated from src/ollama-chat/format/bytes.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Byte counts for people, the way the ollama CLI writes them (`ollama list`, `ollama pull`):
-- decimal units, one decimal below 10, whole units (cut, not rounded up) from 10 on.
local UNITS = {
    "B",
    "KB",
    "MB",
    "GB",
    "TB",
    "PB"
}
--- 512 → "512 B", 274302450 → "274 MB", 2019393189 → "2.0 GB", 39969745349 → "39 GB".
function ____exports.bytes(n)
    local value = n
    local unit = 0
    while value >= 1000 and unit < #UNITS - 1 do
        value = value / 1000
        unit = unit + 1
    end
    if unit == 0 then
        return tostring(math.floor(value)) .. " B"
    end
    return value < 10 and string.format("%.1f %s", value, UNITS[unit + 1]) or (tostring(math.floor(value)) .. " ") .. UNITS[unit + 1]
end
return ____exports
