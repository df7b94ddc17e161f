-- generated from src/ollama-chat/update/check.ts by TypeScriptToLua; do not edit
local ____exports = {}
local client = require("ollama-chat.ollama.client")
function ____exports.compare(localDigest, err, manifest)
    if err ~= nil or manifest == nil then
        if err == nil then
            -- Whether a newer version of a model exists, without downloading it: the registry's manifest
            -- digest against the local one. A registry that cannot be asked never makes a model "outdated".
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
--- Asks `registry` about one installed model; `cb` gets the verdict on the main loop. A header
-- digest that differs is checked against the manifest's body before saying "available": the
-- local digest of a model stored by an old server is that of the re-serialised body.
function ____exports.check(name, localDigest, registry, cb)
    local function cancelled(err)
        return err ~= nil and err.kind == "cancelled"
    end
    local current
    current = client.registryManifest(
        name,
        registry,
        function(err, manifest)
            local verdict = ____exports.compare(localDigest, err, manifest)
            if verdict.state ~= "available" or cancelled(err) then
                return cb(
                    verdict,
                    cancelled(err)
                )
            end
            current = client.registryManifest(
                name,
                registry,
                function(err2, full)
                    -- The header already said "different": a body that cannot be read does not undo that.
                    cb(
                        err2 ~= nil and verdict or ____exports.compare(localDigest, err2, full),
                        cancelled(err2)
                    )
                end,
                {get = true}
            )
        end
    )
    return {cancel = function() return current:cancel() end}
end
return ____exports
