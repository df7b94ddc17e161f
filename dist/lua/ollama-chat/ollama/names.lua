-- generated from src/ollama-chat/ollama/names.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
-- Model names: [host/][namespace/]model[:tag]. Updating must use full names with their tag:
-- llama3.2:3b and llama3.2:latest are different models.
____exports.DEFAULT_REGISTRY_HOST = "registry.ollama.ai"
____exports.DEFAULT_NAMESPACE = "library"
____exports.DEFAULT_TAG = "latest"
function ____exports.parseName(name)
    local rest = vim.trim(name)
    -- A digest suffix (name@sha256:...) does not change which model is meant.
    local at = string.find(rest, "@", 1, true)
    if at ~= nil then
        rest = string.sub(rest, 1, at - 1)
    end
    local parts = vim.split(rest, "/", {plain = true})
    local last = parts[#parts]
    local tag = ____exports.DEFAULT_TAG
    local model, t = string.match(last, "^(.*):([^:]*)$")
    if model ~= nil and t ~= "" then
        last = model
        tag = t
    end
    local n = #parts
    return {
        host = n >= 3 and table.concat(
            __TS__ArraySlice(parts, 0, n - 2),
            "/"
        ) or ____exports.DEFAULT_REGISTRY_HOST,
        namespace = n >= 2 and parts[n - 2 + 1] or ____exports.DEFAULT_NAMESPACE,
        model = last,
        tag = tag
    }
end
--- The name as Ollama lists it and as it is shown: default host and `library/` dropped, tag always
-- present (it names a different model).
function ____exports.fullName(name)
    local p = ____exports.parseName(name)
    local prefix = ""
    if p.host ~= ____exports.DEFAULT_REGISTRY_HOST then
        prefix = ((p.host .. "/") .. p.namespace) .. "/"
    elseif p.namespace ~= ____exports.DEFAULT_NAMESPACE then
        prefix = p.namespace .. "/"
    end
    return ((prefix .. p.model) .. ":") .. p.tag
end
--- Whether two names denote the same model (llama3.2 == llama3.2:latest == library/llama3.2).
function ____exports.sameModel(a, b)
    return ____exports.fullName(a) == ____exports.fullName(b)
end
--- The registry URL of a model's manifest; `registry` replaces the default registry host.
function ____exports.manifestUrl(name, registry)
    local p = ____exports.parseName(name)
    local base = registry
    if p.host ~= ____exports.DEFAULT_REGISTRY_HOST then
        base = (string.find(p.host, "://", 1, true)) ~= nil and p.host or "https://" .. p.host
    end
    while string.sub(base, -1) == "/" do
        base = string.sub(base, 1, -2)
    end
    return (((((base .. "/v2/") .. p.namespace) .. "/") .. p.model) .. "/manifests/") .. p.tag
end
--- One part of a name as Ollama's model.ParseName accepts it: a letter, digit or _ first.
local function validPart(kind, part)
    if #part < 1 or #part > (kind == "host" and 350 or 80) then
        return false
    end
    if (string.find(part, "^[%w_]")) == nil then
        return false
    end
    local allowed = kind == "host" and "^[%w_.:%-]*$" or (kind == "namespace" and "^[%w_%-]*$" or "^[%w_.%-]*$")
    return (string.find(part, allowed)) ~= nil
end
--- Why Ollama would refuse `name` as a model name, or undefined when it accepts it. Names come
-- from users (copy, pull) and go into JSON bodies only, never a shell: this is Ollama's rule,
-- checked first so the user hears it in plain words.
function ____exports.invalidName(name)
    local shown = vim.inspect(name)
    local rule = "letters, digits, _, - and . (a letter, digit or _ first), then an optional :tag"
    if vim.trim(name) == "" then
        return "a model name is needed, such as llama3.2:3b"
    end
    local rest = name
    local at = string.find(rest, "@", 1, true)
    if at ~= nil then
        rest = string.sub(rest, 1, at - 1)
    end
    local parts = vim.split(rest, "/", {plain = true})
    if #parts > 3 then
        return shown .. " is not a valid model name: at most host/namespace/model:tag"
    end
    local last = parts[#parts]
    local colon = string.find(last, ":[^:]*$")
    if colon ~= nil then
        local tag = string.sub(last, colon + 1)
        last = string.sub(last, 1, colon - 1)
        if not validPart("tag", tag) then
            return ((shown .. " is not a valid model name: the tag takes ") .. rule) .. ", at most 80 characters"
        end
    end
    local kinds = #parts == 3 and ({"host", "namespace", "model"}) or (#parts == 2 and ({"namespace", "model"}) or ({"model"}))
    do
        local i = 0
        while i < #parts do
            local part = i == #parts - 1 and last or parts[i + 1]
            if not validPart(kinds[i + 1], part) then
                return (shown .. " is not a valid model name: use ") .. rule
            end
            i = i + 1
        end
    end
    return nil
end
return ____exports
