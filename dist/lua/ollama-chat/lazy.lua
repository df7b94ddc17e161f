-- generated from src/ollama-chat/lazy.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Loads a module of the plugin on first use. A variable module name keeps tstl from resolving it
-- at build time; callers name the same module path the importers use (one instance per module).
function ____exports.lazy(name)
    local mod
    return function()
        if mod == nil then
            mod = require(name)
        end
        return mod
    end
end
return ____exports
