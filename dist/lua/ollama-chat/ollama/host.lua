-- generated from src/ollama-chat/ollama/host.ts by TypeScriptToLua; do not edit
local ____exports = {}
local twoColons, cleanPath
function twoColons(s)
    local at = string.find(s, ":[^:]*:")
    return at ~= nil
end
function cleanPath(path)
    local segments = {}
    for segment in string.gmatch(path, "[^/]+") do
        if segment == ".." then
            table.remove(segments)
        elseif segment ~= "." then
            segments[#segments + 1] = segment
        end
    end
    return #segments == 0 and "" or "/" .. table.concat(segments, "/")
end
-- The Ollama base URL, read from OLLAMA_HOST exactly as the ollama CLI reads it.
____exports.DEFAULT_HOST = "http://127.0.0.1:11434"
local DEFAULT_PORT = 11434
local function trimQuotes(s)
    local out = vim.trim(s)
    do
        while true do
            local first = string.sub(out, 1, 1)
            local last = string.sub(out, -1)
            if #out >= 2 and first == last and (first == "\"" or first == "'") then
                out = vim.trim(string.sub(out, 2, -2))
            else
                return out
            end
        end
    end
end
local function validPort(p)
    local n = tonumber(p)
    if n == nil or math.floor(n) ~= n or n < 1 or n > 65535 then
        return nil
    end
    return n
end
--- Base URL (scheme://host:port[/path]) for an OLLAMA_HOST value; empty or unset → the default.
function ____exports.parseHost(value)
    local raw = trimQuotes(value or "")
    if raw == "" then
        return ____exports.DEFAULT_HOST
    end
    local scheme = "http"
    local port = DEFAULT_PORT
    local rest = raw
    local s, after = string.match(raw, "^(%a[%w+.-]*)://(.*)$")
    if s ~= nil then
        scheme = string.lower(s)
        rest = after
        port = scheme == "https" and 443 or 80
    elseif raw == "ollama.com" then
        return "https://ollama.com:443"
    end
    -- Anything after the first "/" is a path prefix (a reverse proxy's). The CLI joins it with the
    -- API path as a clean path: no empty segments, no trailing "/" ("/proxy/" + "/api/tags").
    local path = ""
    local slash = string.find(rest, "/", 1, true)
    if slash ~= nil then
        path = cleanPath(string.sub(rest, slash))
        rest = string.sub(rest, 1, slash - 1)
    end
    local host = rest
    local v6, v6rest = string.match(rest, "^(%[[^%]]*%])(.*)$")
    if v6 ~= nil then
        host = v6
        local p = string.match(v6rest, "^:(.*)$")
        if p ~= nil then
            port = validPort(p) or port
        end
    elseif twoColons(rest) then
        -- Two colons and no brackets: an IPv6 address without a port (`::1`), bracketed for the URL.
        host = ("[" .. rest) .. "]"
    else
        local h, p = string.match(rest, "^([^:]*):([^:]*)$")
        if h ~= nil then
            host = h
            port = validPort(p) or port
        end
    end
    -- Bind-all addresses mean "this machine" to a client.
    if host == "" or host == "0.0.0.0" then
        host = "127.0.0.1"
    elseif host == "[::]" or host == "[0:0:0:0:0:0:0:0]" then
        host = "[::1]"
    end
    return ((((scheme .. "://") .. host) .. ":") .. tostring(port)) .. path
end
--- The host name of a base URL, without scheme, port or path ("[::1]" keeps its brackets).
function ____exports.hostName(base)
    local authority = string.match(base, "^%a[%w+.-]*://([^/]*)")
    local rest = authority or base
    local v6 = string.match(rest, "^(%[[^%]]*%])")
    if v6 ~= nil then
        return v6
    end
    local name = string.match(rest, "^([^:]*)")
    return name or rest
end
return ____exports
