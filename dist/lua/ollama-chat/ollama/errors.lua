-- generated from src/ollama-chat/ollama/errors.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____host = require("ollama-chat.ollama.host")
local hostName = ____host.hostName
local function make(kind, message, status, model)
    -- Turns what curl and Ollama said into an OllamaError whose message tells the user what to do.
    local err = {kind = kind, message = message}
    if status ~= nil and status ~= 0 then
        err.status = status
    end
    if model ~= nil then
        err.model = model
    end
    return err
end
function ____exports.cancelled()
    return make("cancelled", "request cancelled")
end
function ____exports.notRunning(host)
    return make("unreachable", ("Ollama is not running at " .. host) .. ": start it with `ollama serve`")
end
--- curl exit 6: the name did not resolve, so nothing was asked; `ollama serve` would not help.
function ____exports.unresolved(host)
    return make(
        "unreachable",
        ((("could not resolve the host name \"" .. hostName(host)) .. "\" of ") .. host) .. ": check `host` in setup() or $OLLAMA_HOST"
    )
end
function ____exports.notFound(model, status)
    if status == nil then
        status = 404
    end
    return make("not_found", ((((("model \"" .. model) .. "\" is not installed: pull it with `:Ollama pull ") .. model) .. "` (or `ollama pull ") .. model) .. "`)", status, model)
end
function ____exports.serverSaid(message, status, model)
    return make("server", "Ollama: " .. message, status, model)
end
function ____exports.incomplete(host, detail)
    local why = detail ~= nil and detail ~= "" and (" (" .. detail) .. ")" or ""
    return make("incomplete", (("incomplete response from Ollama at " .. host) .. ": the stream ended before its final line") .. why)
end
function ____exports.invalid(host, what)
    return make("invalid_response", (("unexpected answer from Ollama at " .. host) .. ": ") .. what)
end
local function excerpt(text)
    local line = vim.trim(vim.split(text, "\n", {plain = true})[1] or "")
    return #line > 120 and string.sub(line, 1, 120) .. "..." or line
end
--- The error of a request that got no usable HTTP answer, or undefined when it got one.
function ____exports.transport(res, host, idleSeconds)
    if res.cancelled then
        return ____exports.cancelled()
    end
    if res.line_error ~= nil then
        return make("invalid_response", (("could not handle the answer of Ollama at " .. host) .. ": ") .. res.line_error)
    end
    if res.idle_timeout then
        return make(
            "timeout",
            ((("Ollama at " .. host) .. " sent nothing for ") .. tostring(idleSeconds)) .. " s: it may be stuck or overloaded (check `ollama ps`)"
        )
    end
    if res.status ~= 0 then
        return nil
    end
    repeat
        local ____switch18 = res.curl_code
        local ____cond18 = ____switch18 == 6
        if ____cond18 then
            return ____exports.unresolved(host)
        end
        ____cond18 = ____cond18 or ____switch18 == 7
        if ____cond18 then
            return ____exports.notRunning(host)
        end
        ____cond18 = ____cond18 or ____switch18 == 28
        if ____cond18 then
            return make("timeout", ("could not connect to Ollama at " .. host) .. " in time: is the host right and reachable?")
        end
        ____cond18 = ____cond18 or ____switch18 == 52
        if ____cond18 then
            return make("http", ("Ollama at " .. host) .. " closed the connection without answering")
        end
        do
            return make(
                "http",
                (("request to " .. host) .. " failed: ") .. (res.curl_error ~= "" and res.curl_error or "curl exit code " .. tostring(res.curl_code))
            )
        end
    until true
end
--- The error body of a non-2xx answer: {"error": ...} from Ollama, or text from something else.
function ____exports.fromStatus(res, host, model, modelEndpoint)
    if modelEndpoint == nil then
        modelEndpoint = false
    end
    local ok, decoded = pcall(vim.json.decode, res.body, {luanil = {object = true, array = true}})
    local ____temp_0
    if ok and type(decoded) == "table" then
        ____temp_0 = decoded.error
    else
        ____temp_0 = nil
    end
    local message = ____temp_0
    if type(message) == "string" then
        -- Key on the status, not the text: its wording changed across Ollama versions.
        if res.status == 404 and modelEndpoint and model ~= nil then
            return ____exports.notFound(model)
        end
        return ____exports.serverSaid(message, res.status, model)
    end
    local body = excerpt(res.body)
    return make(
        "http",
        (((host .. " answered HTTP ") .. tostring(res.status)) .. (body ~= "" and (" \"" .. body) .. "\"" or "")) .. ", not an Ollama reply: is `host` right, and is a proxy in the way?",
        res.status,
        model
    )
end
return ____exports
