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
--- What a failed pull of `name` tells the user: Ollama's "file does not exist" names no model.
-- `installed`: the model is local (created with `ollama create`, say), only the registry lacks it.
function ____exports.failureText(name, ____error, installed)
    if (string.find(____error, "file does not exist", 1, true)) == nil then
        return ____error
    end
    if installed then
        return ("\"" .. name) .. "\" is not in the registry (created locally?): nothing to pull"
    end
    return ("no model \"" .. name) .. "\" in the registry: check the name and tag (https://ollama.com/library lists them)"
end
return ____exports
