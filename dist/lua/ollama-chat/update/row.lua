--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
function ____exports.newRow(name, digest)
    return {
        name = name,
        digest = digest,
        state = "queued",
        detail = "",
        tracker = nil,
        ended = nil
    }
end
local FINAL = {}
for ____, s in ipairs({
    "current",
    "updated",
    "installed",
    "failed",
    "cancelled",
    "available",
    "not_in_registry",
    "unreachable",
    "unknown"
}) do
    FINAL[s] = true
end
function ____exports.isFinal(row)
    return FINAL[row.state] ~= nil
end
return ____exports
