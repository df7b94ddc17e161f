-- generated from src/ollama-chat/ui/picker/models.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Rows for a model picker: full name with tag, size and modification date, in aligned columns.
local UNITS = {
    "B",
    "KB",
    "MB",
    "GB",
    "TB",
    "PB"
}
--- Decimal units as `ollama list` shows them: 2019393189 → "2.0 GB", 274302450 → "274 MB".
function ____exports.humanSize(bytes)
    local value = bytes
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
--- "2025-01-23T14:30:22.1+01:00" → "2025-01-23"; anything else is shown as it is.
function ____exports.shortDate(timestamp)
    local date = (string.match(timestamp, "^(%d%d%d%d%-%d%d%-%d%d)"))
    return date or timestamp
end
local function padRight(text, width)
    return text .. string.rep(
        " ",
        width - vim.fn.strdisplaywidth(text)
    )
end
local function padLeft(text, width)
    return string.rep(
        " ",
        width - vim.fn.strdisplaywidth(text)
    ) .. text
end
--- A `format` for pick() that aligns the columns across `models` (the list being shown).
function ____exports.modelFormatter(models)
    local nameWidth = 0
    local sizeWidth = 0
    for ____, model in ipairs(models) do
        nameWidth = math.max(
            nameWidth,
            vim.fn.strdisplaywidth(model.name)
        )
        sizeWidth = math.max(
            sizeWidth,
            #____exports.humanSize(model.size)
        )
    end
    return function(model) return (((padRight(model.name, nameWidth) .. "  ") .. padLeft(
        ____exports.humanSize(model.size),
        sizeWidth
    )) .. "  ") .. ____exports.shortDate(model.modified_at) end
end
return ____exports
