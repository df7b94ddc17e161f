-- generated from src/ollama-chat/ollama/client.ts by TypeScriptToLua; do not edit
local ____exports = {}
local DECODER_BASE
local config = require("ollama-chat.config")
local ____curl = require("ollama-chat.http.curl")
local request = ____curl.request
local errors = require("ollama-chat.ollama.errors")
local ____host = require("ollama-chat.ollama.host")
local parseHost = ____host.parseHost
local ____names = require("ollama-chat.ollama.names")
local manifestUrl = ____names.manifestUrl
-- The typed Ollama client. Every call returns a Handle at once and reports through callbacks on
-- the main loop; nothing here blocks the editor.
local JSON_OPTS = {luanil = {object = true, array = true}}
--- The base URL in effect: setup({ host }) or else OLLAMA_HOST.
function ____exports.host()
    return parseHost(config.get().host or vim.env.OLLAMA_HOST)
end
local function headers()
    return config.get().headers
end
local function decode(text)
    local ok, value = pcall(vim.json.decode, text, JSON_OPTS)
    return ok and ({true, value}) or ({
        false,
        tostring(value)
    })
end
--- A request answered by one JSON body (or none).
local function call(spec, done)
    local base = ____exports.host()
    local ____config_get_result_timeouts_0 = config.get().timeouts
    local connect = ____config_get_result_timeouts_0.connect
    local request_idle = ____config_get_result_timeouts_0.request_idle
    local ____request_5 = request
    local ____spec_method_2 = spec.method
    local ____temp_3 = base .. spec.path
    local ____headers_result_4 = headers()
    local ____temp_1
    if spec.body == nil then
        ____temp_1 = nil
    else
        ____temp_1 = vim.json.encode(spec.body)
    end
    return ____request_5({
        method = ____spec_method_2,
        url = ____temp_3,
        headers = ____headers_result_4,
        body = ____temp_1,
        connect_timeout = connect,
        idle_timeout_ms = request_idle * 1000,
        on_done = function(res)
            local err = errors.transport(res, base, request_idle)
            if err ~= nil then
                return done(err, res)
            end
            if res.status < 200 or res.status >= 300 then
                return done(
                    errors.fromStatus(res, base, spec.model, spec.model ~= nil),
                    res
                )
            end
            done(nil, res)
        end
    })
end
--- A request answered by one JSON object, handed to `pick`.
local function callJson(spec, pick, what, cb)
    local base = ____exports.host()
    return call(
        spec,
        function(err, res)
            if err ~= nil then
                return cb(err, nil)
            end
            local ok, value = unpack(
                decode(res.body),
                1,
                2
            )
            local ____temp_6
            if ok and type(value) == "table" then
                ____temp_6 = pick(value)
            else
                ____temp_6 = nil
            end
            local picked = ____temp_6
            if picked == nil then
                return cb(
                    errors.invalid(base, what .. " was not the JSON expected"),
                    nil
                )
            end
            cb(nil, picked)
        end
    )
end
--- What a stream does with its lines and its end: all of a stream request but curl, so the
-- fuzzing spec can drive it with every cut of a recorded stream.
local function streamDecoder(spec, base, idleSeconds, cancel)
    local finished = false
    local failure
    return {
        on_line = function(line)
            if finished or failure ~= nil then
                return
            end
            local ok, value = unpack(
                decode(line),
                1,
                2
            )
            -- A JSON array decodes to a table too: an object has no element 1.
            if not ok or type(value) ~= "table" or value[1] ~= nil then
                failure = errors.invalid(
                    base,
                    "a streamed line is not a JSON object: " .. string.sub(line, 1, 80)
                )
                cancel()
                return
            end
            local obj = value
            local message = obj.error
            if message ~= nil then
                -- Status stays 200 for errors mid-stream; nothing follows the error line.
                failure = errors.serverSaid(
                    type(message) == "string" and message or vim.json.encode(message),
                    nil,
                    spec.model
                )
                return
            end
            finished = spec.on_object(obj)
        end,
        on_done = function(res)
            local err = errors.transport(res, base, idleSeconds)
            if failure ~= nil then
                return spec.on_end(failure)
            end
            if err ~= nil then
                return spec.on_end(err)
            end
            if res.status < 200 or res.status >= 300 then
                return spec.on_end(errors.fromStatus(res, base, spec.model, spec.model ~= nil))
            end
            if not finished then
                return spec.on_end(errors.incomplete(base, res.curl_code ~= 0 and res.curl_error or nil))
            end
            spec.on_end(nil)
        end
    }
end
--- A request answered by an NDJSON stream.
local function stream(spec)
    local base = ____exports.host()
    local handle = nil
    local ____config_get_result_timeouts_7 = config.get().timeouts
    local connect = ____config_get_result_timeouts_7.connect
    local stream_idle = ____config_get_result_timeouts_7.stream_idle
    local decoder = streamDecoder(
        spec,
        base,
        stream_idle,
        function() return handle and handle:cancel() end
    )
    local h = request({
        method = spec.method,
        url = base .. spec.path,
        headers = headers(),
        body = vim.json.encode(spec.body),
        connect_timeout = connect,
        idle_timeout_ms = stream_idle * 1000,
        on_waiting = spec.on_waiting,
        on_line = decoder.on_line,
        on_done = decoder.on_done
    })
    handle = h
    return h
end
local function num(v)
    return type(v) == "number" and v or nil
end
local function str(v)
    return type(v) == "string" and v or ""
end
function ____exports.version(cb)
    return callJson(
        {method = "GET", path = "/api/version"},
        function(v)
            local s = v.version
            return type(s) == "string" and s or nil
        end,
        "/api/version",
        cb
    )
end
function ____exports.tags(cb)
    return callJson(
        {method = "GET", path = "/api/tags"},
        function(v)
            local models = v.models
            if models == nil then
                return {}
            end
            if type(models) ~= "table" then
                return nil
            end
            local out = {}
            for ____, m in ipairs(models) do
                if type(m) == "table" and type(m.name) == "string" then
                    out[#out + 1] = m
                end
            end
            return out
        end,
        "/api/tags",
        cb
    )
end
function ____exports.show(model, cb)
    return callJson(
        {method = "POST", path = "/api/show", body = {model = model}, model = model},
        function(v) return v end,
        "/api/show",
        cb
    )
end
function ____exports.ps(cb)
    return callJson(
        {method = "GET", path = "/api/ps"},
        function(v)
            local models = v.models
            return type(models) == "table" and models or (models == nil and ({}) or nil)
        end,
        "/api/ps",
        cb
    )
end
--- Deletes a model (200 with an empty body).
function ____exports.remove(model, cb)
    return call(
        {method = "DELETE", path = "/api/delete", body = {model = model}, model = model},
        function(err) return cb(err) end
    )
end
--- The models loaded in memory, typed (/api/ps).
function ____exports.running(cb)
    return ____exports.ps(function(err, list)
        if err ~= nil or list == nil then
            return cb(err, nil)
        end
        local out = {}
        for ____, m in ipairs(list) do
            local ____temp_11
            if type(m) == "table" then
                local ____m_name_10 = m.name
                if ____m_name_10 == nil then
                    ____m_name_10 = m.model
                end
                ____temp_11 = ____m_name_10
            else
                ____temp_11 = nil
            end
            local name = ____temp_11
            if type(name) == "string" then
                out[#out + 1] = {
                    name = name,
                    size = num(m.size) or 0,
                    size_vram = num(m.size_vram) or 0,
                    expires_at = str(m.expires_at),
                    context_length = num(m.context_length)
                }
            end
        end
        cb(nil, out)
    end)
end
--- Copies a model under another name (200 with an empty body); an existing destination is replaced.
function ____exports.copy(source, destination, cb)
    return call(
        {method = "POST", path = "/api/copy", body = {source = source, destination = destination}, model = source},
        function(err) return cb(err) end
    )
end
--- Chat requests ended (replies, loads, unloads) (each may have loaded, kept or unloaded a model): /api/ps answers before are stale.
local repliesEnded = 0
--- How many chat/generate requests ended so far (a preload and an unload are such requests).
function ____exports.memoryChanges()
    return repliesEnded
end
--- Loads a model into memory for `keep_alive` (Ollama's default when undefined): a chat request with
-- no messages; `options` (num_ctx) as the next chat will ask, so it does not load it again.
function ____exports.load(model, keep_alive, cb, options)
    local body = {}
    body.model = model
    body.messages = {}
    if keep_alive ~= nil then
        body.keep_alive = keep_alive
    end
    if options ~= nil then
        body.options = options
    end
    return call(
        {method = "POST", path = "/api/chat", body = body, model = model},
        function(err)
            repliesEnded = repliesEnded + 1
            cb(err)
        end
    )
end
--- Unloads a model from memory: a chat request with no messages and keep_alive 0.
function ____exports.unload(model, cb)
    return ____exports.load(model, 0, cb)
end
local function contextLength(info)
    if type(info) ~= "table" then
        return nil
    end
    for key, value in pairs(info) do
        if type(key) == "string" and vim.endswith(key, ".context_length") and type(value) == "number" then
            return value
        end
    end
    return nil
end
--- A model's capabilities, context length and texts (/api/show).
function ____exports.showModel(model, cb)
    return ____exports.show(
        model,
        function(err, v)
            if err ~= nil or v == nil then
                return cb(err, nil)
            end
            local caps = {}
            local listed = v.capabilities
            if type(listed) == "table" then
                for ____, c in ipairs(listed) do
                    if type(c) == "string" then
                        caps[#caps + 1] = c
                    end
                end
            end
            local details = v.details
            cb(
                nil,
                {
                    capabilities = caps,
                    context_length = contextLength(v.model_info),
                    modelfile = str(v.modelfile),
                    parameters = str(v.parameters),
                    template = str(v.template),
                    license = str(v.license),
                    details = type(details) == "table" and details or nil
                }
            )
        end
    )
end
local function chatResult(model)
    return {model = model, content = "", thinking = "", done = false}
end
local function applyFinal(result, obj)
    result.done = true
    local reason = obj.done_reason
    if type(reason) == "string" then
        result.done_reason = reason
    end
    result.total_duration = num(obj.total_duration)
    result.load_duration = num(obj.load_duration)
    result.prompt_eval_count = num(obj.prompt_eval_count)
    result.prompt_eval_duration = num(obj.prompt_eval_duration)
    result.eval_count = num(obj.eval_count)
    result.eval_duration = num(obj.eval_duration)
end
-- Text arrives in many small pieces: kept in a list and joined once at the end.
local function collect(result, content, thinking)
    result.content = table.concat(content)
    result.thinking = table.concat(thinking)
    return result
end
--- The options as Ollama takes them: num_ctx "auto" is the plugin's (chat/fit.ts sizes it), never sent.
local function ollamaOptions(options)
    if options == nil then
        return nil
    end
    local out = {}
    local any = false
    for k, v in pairs(options) do
        if k ~= "num_ctx" or type(v) == "number" then
            out[k] = v
            any = true
        end
    end
    return any and out or nil
end
--- Model options and loading hints shared by chat and generate requests.
local function setCommon(body, req)
    local options = ollamaOptions(req.options)
    if options ~= nil then
        body.options = options
    end
    if req.keep_alive ~= nil then
        body.keep_alive = req.keep_alive
    end
    if req.think ~= nil then
        body.think = req.think
    end
end
--- A streamed reply: deltas as they come, then the whole text and the final line's metrics.
local function replySpec(path, body, model, textOf, handlers)
    local result = chatResult(model)
    local content = {}
    local thinking = {}
    local onDelta = handlers.on_delta
    return {
        method = "POST",
        path = path,
        body = body,
        model = model,
        on_waiting = handlers.on_waiting,
        on_object = function(obj)
            local c, t = textOf(obj)
            if c ~= "" then
                content[#content + 1] = c
            end
            if t ~= "" then
                thinking[#thinking + 1] = t
            end
            if (c ~= "" or t ~= "") and onDelta ~= nil then
                onDelta({content = c, thinking = t})
            end
            if obj.done == true then
                applyFinal(result, obj)
                return true
            end
            return false
        end,
        on_end = function(err)
            repliesEnded = repliesEnded + 1
            handlers.on_done(
                err,
                collect(result, content, thinking)
            )
        end
    }
end
local function chatText(obj)
    local message = obj.message
    if type(message) ~= "table" then
        return "", ""
    end
    local m = message
    return str(m.content), str(m.thinking)
end
local function generateText(obj)
    return str(obj.response), str(obj.thinking)
end
--- Streams a chat reply. The final chunk may carry text too; metrics may be absent.
function ____exports.chat(req, handlers)
    local body = {}
    body.model = req.model
    body.messages = req.messages
    body.stream = true
    setCommon(body, req)
    if req.format ~= nil then
        body.format = req.format
    end
    return stream(replySpec(
        "/api/chat",
        body,
        req.model,
        chatText,
        handlers
    ))
end
--- Streams a completion; `response` is the content, `thinking` at top level.
function ____exports.generate(req, handlers)
    local body = {}
    body.model = req.model
    body.prompt = req.prompt
    body.stream = true
    if req.system ~= nil then
        body.system = req.system
    end
    setCommon(body, req)
    return stream(replySpec(
        "/api/generate",
        body,
        req.model,
        generateText,
        handlers
    ))
end
local function pullSpec(model, handlers)
    local onProgress = handlers.on_progress
    return {
        method = "POST",
        path = "/api/pull",
        body = {model = model, stream = true},
        on_waiting = handlers.on_waiting,
        on_object = function(obj)
            local status = str(obj.status)
            if onProgress ~= nil then
                local p = {status = status}
                local digest = obj.digest
                if type(digest) == "string" then
                    p.digest = digest
                end
                p.total = num(obj.total)
                p.completed = num(obj.completed)
                onProgress(p)
            end
            return status == "success"
        end,
        on_end = function(err) return handlers.on_done(err) end
    }
end
--- Pulls a model (full name with tag), streaming progress; any status string may appear.
function ____exports.pull(model, handlers)
    return stream(pullSpec(model, handlers))
end
--- The decoder a chat, generate or pull stream runs, without the request: on_line for each line
-- as curl's output is split, on_done with the response. For specs (stream fuzzing).
function ____exports.decoder(kind, model, handlers, base)
    if base == nil then
        base = DECODER_BASE
    end
    local body = {}
    local spec = kind == "pull" and pullSpec(model, handlers) or replySpec(
        "/api/" .. kind,
        body,
        model,
        kind == "chat" and chatText or generateText,
        handlers
    )
    return streamDecoder(
        spec,
        base,
        config.get().timeouts.stream_idle,
        function()
        end
    )
end
DECODER_BASE = "http://127.0.0.1:11434"
-- Go's encoding of a JSON string (what Ollama hashed): <, > and & escaped, other text raw.
local function goString(s)
    local escaped = string.gsub(
        s,
        "[%c\"\\<>&]",
        function(c)
            if c == "\"" then
                return "\\\""
            end
            if c == "\\" then
                return "\\\\"
            end
            if c == "\n" then
                return "\\n"
            end
            if c == "\r" then
                return "\\r"
            end
            if c == "\t" then
                return "\\t"
            end
            return string.format(
                "\\u%04x",
                string.byte(c)
            )
        end
    )
    return ("\"" .. escaped) .. "\""
end
local function goLayer(layer)
    local parts = {
        "\"mediaType\":" .. goString(str(layer.mediaType)),
        "\"digest\":" .. goString(str(layer.digest)),
        "\"size\":" .. string.format(
            "%d",
            num(layer.size) or 0
        )
    }
    local from = str(layer.from)
    if from ~= "" then
        parts[#parts + 1] = "\"from\":" .. goString(from)
    end
    return ("{" .. table.concat(parts, ",")) .. "}"
end
--- The compact form servers before 0.19 wrote (and hashed) for a pulled manifest.
function ____exports.reserializeManifest(body)
    local ok, value = unpack(
        decode(body),
        1,
        2
    )
    if not ok or type(value) ~= "table" then
        return nil
    end
    local m = value
    local config = m.config
    local layers = m.layers
    if type(config) ~= "table" or type(layers) ~= "table" then
        return nil
    end
    local encodedLayers = {}
    for ____, layer in ipairs(layers) do
        encodedLayers[#encodedLayers + 1] = goLayer(layer)
    end
    return ((((((("{\"schemaVersion\":" .. string.format(
        "%d",
        num(m.schemaVersion) or 0
    )) .. ",\"mediaType\":") .. goString(str(m.mediaType))) .. ",\"config\":") .. goLayer(config)) .. ",\"layers\":[") .. table.concat(encodedLayers, ",")) .. "]}"
end
local MANIFEST_ACCEPT = "application/vnd.docker.distribution.manifest.v2+json"
local function registryError(registry, res)
    if res.status == 0 then
        return {
            kind = "unreachable",
            message = (("registry " .. registry) .. " is unreachable: ") .. (res.curl_error ~= "" and res.curl_error or "curl exit code " .. tostring(res.curl_code))
        }
    end
    return {
        kind = "http",
        message = (("registry " .. registry) .. " answered HTTP ") .. tostring(res.status),
        status = res.status
    }
end
--- Asks the registry for a model's manifest digest without downloading the model: HEAD gives
-- ollama-content-digest; without it, GET the manifest (about 1 KiB) and hash it. `opts.get`
-- always GETs and adds the body's hashes to the header's digest: a model stored by a server
-- before 0.19 only matches the re-serialised body.
function ____exports.registryManifest(model, registry, cb, opts)
    local url = manifestUrl(model, registry)
    local accept = {Accept = MANIFEST_ACCEPT}
    local current
    local finish
    finish = function(res, get)
        if res.cancelled then
            return cb(
                errors.cancelled(),
                nil
            )
        end
        if res.status == 404 then
            return cb(nil, {found = false, digests = {}})
        end
        if res.status < 200 or res.status >= 300 then
            return cb(
                registryError(registry, res),
                nil
            )
        end
        local digests = {}
        local header = res.headers["ollama-content-digest"]
        if header ~= nil and header ~= "" then
            local hex = string.gsub(header, "^sha256:", "")
            digests[#digests + 1] = string.lower(hex)
        end
        if not get then
            if #digests > 0 then
                return cb(nil, {found = true, digests = digests})
            end
            current = request({
                method = "GET",
                url = url,
                headers = accept,
                connect_timeout = 10,
                idle_timeout_ms = 15000,
                on_done = function(r) return finish(r, true) end
            })
            return
        end
        digests[#digests + 1] = vim.fn.sha256(res.body)
        local legacy = ____exports.reserializeManifest(res.body)
        if legacy ~= nil then
            digests[#digests + 1] = vim.fn.sha256(legacy)
        end
        cb(nil, {found = true, digests = digests})
    end
    local get = opts ~= nil and opts.get == true
    current = request({
        method = get and "GET" or "HEAD",
        url = url,
        headers = accept,
        connect_timeout = 10,
        idle_timeout_ms = 15000,
        on_done = function(r) return finish(r, get) end
    })
    return {cancel = function() return current:cancel() end}
end
return ____exports
