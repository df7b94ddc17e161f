-- generated from src/ollama-chat/ollama/capabilities.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local client = require("ollama-chat.ollama.client")
local ____names = require("ollama-chat.ollama.names")
local sameModel = ____names.sameModel
-- What each model can do and hold (/api/show: capabilities, context_length), cached per model
-- digest: a model pulled anew (new digest) is asked again, an unchanged one never twice.
local byDigest = {}
function ____exports.has(caps, capability)
    return __TS__ArrayIncludes(caps.capabilities, capability)
end
--- Servers before 0.6.4 list no capabilities: every model there chats.
function ____exports.canChat(caps)
    return #caps.capabilities == 0 or ____exports.has(caps, "completion")
end
local function fromShow(s)
    return {capabilities = s.capabilities, context_length = s.context_length}
end
--- The cached capabilities of a listed model, if known.
function ____exports.cached(model)
    return byDigest[model.digest]
end
--- Capabilities of a listed model (its digest from /api/tags), asked once per digest.
function ____exports.ofListed(model, cb)
    local hit = byDigest[model.digest]
    if hit ~= nil then
        cb(nil, hit)
        return {cancel = function() return nil end}
    end
    return client.showModel(
        model.name,
        function(err, v)
            if err ~= nil or v == nil then
                return cb(err, nil)
            end
            local caps = fromShow(v)
            if model.digest ~= nil and model.digest ~= "" then
                byDigest[model.digest] = caps
            end
            cb(nil, caps)
        end
    )
end
--- Capabilities of `name`: its digest looked up in /api/tags, then the cache or /api/show. A model
-- that is not installed is reported as /api/show reports it (kind "not_found").
function ____exports.of(name, cb)
    client.tags(function(err, models)
        local ____opt_0 = models
        local listed = ____opt_0 and __TS__ArrayFind(
            models,
            function(____, m) return sameModel(m.name, name) end
        )
        if err ~= nil or listed == nil then
            -- Not listed (or no list): /api/show says why, uncached.
            client.showModel(
                name,
                function(serr, v)
                    local ____cb_4 = cb
                    local ____serr_3 = serr
                    local ____temp_2
                    if v == nil then
                        ____temp_2 = nil
                    else
                        ____temp_2 = fromShow(v)
                    end
                    return ____cb_4(____serr_3, ____temp_2)
                end
            )
            return
        end
        ____exports.ofListed(listed, cb)
    end)
end
--- Capabilities of every listed model (in order; undefined where /api/show failed), at most 4 asked at once.
function ____exports.ofAll(models, cb)
    local out = {}
    local next = 0
    local pending = #models
    if pending == 0 then
        return cb(out)
    end
    local start
    start = function()
        local ____next_5 = next
        next = ____next_5 + 1
        local i = ____next_5
        if i >= #models then
            return
        end
        ____exports.ofListed(
            models[i + 1],
            function(_err, caps)
                out[i + 1] = caps
                pending = pending - 1
                if pending == 0 then
                    cb(out)
                else
                    start()
                end
            end
        )
    end
    do
        local k = 0
        while k < 4 do
            start()
            k = k + 1
        end
    end
end
--- Short marks for a picker line: "thinking · vision · tools".
function ____exports.badges(caps)
    if caps == nil then
        return ""
    end
    local shown = {}
    for ____, c in ipairs(caps.capabilities) do
        if c ~= "completion" then
            shown[#shown + 1] = c
        end
    end
    return table.concat(shown, " · ")
end
return ____exports
