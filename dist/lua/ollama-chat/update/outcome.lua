-- generated from src/ollama-chat/update/outcome.ts by TypeScriptToLua; do not edit
local ____exports = {}
function ____exports.decide(f)
    if f.error ~= nil then
        if f.error.kind == "cancelled" then
            -- How a pull ended, decided from facts: the model's digest in /api/tags before and after the pull.
            -- The stream's own evidence (bytes downloaded, old layers removed) only counts when /api/tags
            -- could not be asked after the pull.
            return {state = "cancelled"}
        end
        return {state = "failed", error = f.error.message}
    end
    if f.after == nil then
        if f.before == nil then
            return {state = "updated", installed = true}
        end
        return f.streamChanged and ({state = "updated", installed = false}) or ({state = "current"})
    end
    if f.after == "" then
        return {state = "failed", error = "the pull ended, but Ollama does not list the model: run the update again"}
    end
    if f.before == nil then
        return {state = "updated", installed = true}
    end
    return f.after ~= f.before and ({state = "updated", installed = false}) or ({state = "current"})
end
return ____exports
