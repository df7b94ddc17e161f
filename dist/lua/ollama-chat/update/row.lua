-- generated from src/ollama-chat/update/row.ts by TypeScriptToLua; do not edit
local ____exports = {}
function ____exports.newRow(name, digest)
    -- One model of a run, as the view shows it and the summary counts it.
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
