-- generated from src/ollama-chat/ui/picker/models.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____bytes = require("ollama-chat.format.bytes")
local bytes = ____bytes.bytes
--- "2025-01-23T14:30:22.1+01:00" → "2025-01-23"; anything else is shown as it is.
function ____exports.shortDate(timestamp)
    -- Rows for a model picker: full name with tag, size and modification date, in aligned columns.
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
            #bytes(model.size)
        )
    end
    return function(model) return (((padRight(model.name, nameWidth) .. "  ") .. padLeft(
        bytes(model.size),
        sizeWidth
    )) .. "  ") .. ____exports.shortDate(model.modified_at) end
end
return ____exports
