--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
local client = require("ollama-chat.ollama.client")
function ____exports.compare(localDigest, err, manifest)
    if err ~= nil or manifest == nil then
        if err == nil then
            return {state = "unknown", unreachable = false, error = "the registry gave no answer"}
        end
        return {state = "unknown", unreachable = err.kind == "unreachable" or err.kind == "timeout", error = err.message}
    end
    if not manifest.found then
        return {state = "not_in_registry"}
    end
    local ____local = string.lower(localDigest)
    for ____, digest in ipairs(manifest.digests) do
        if string.lower(digest) == ____local then
            return {state = "current"}
        end
    end
    return {state = "available"}
end
--- Asks `registry` about one installed model; `cb` gets the verdict on the main loop.
function ____exports.check(name, localDigest, registry, cb)
    return client.registryManifest(
        name,
        registry,
        function(err, manifest)
            cb(
                ____exports.compare(localDigest, err, manifest),
                err ~= nil and err.kind == "cancelled"
            )
        end
    )
end
return ____exports
