local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local ____exports = {}
local tooLarge, flushAtExit, queueWrite, startFlush, backupName, readForUpdate, flush, ORDER, HEADER, state, pending, waiters, flushing, inflight, exitHook
local config = require("ollama-chat.config")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____async = require("ollama-chat.store.async")
local deliver = ____async.deliver
local isMissing = ____async.isMissing
local unlessMissing = ____async.unlessMissing
local ____fs = require("ollama-chat.store.fs")
local exists = ____fs.exists
local mkdirp = ____fs.mkdirp
local readFile = ____fs.readFile
local readFileSync = ____fs.readFileSync
local rename = ____fs.rename
local stat = ____fs.stat
local writeFileAtomic = ____fs.writeFileAtomic
local writeFileAtomicSync = ____fs.writeFileAtomicSync
local ____lock = require("ollama-chat.store.lock")
local withLock = ____lock.withLock
local ____luadata = require("ollama-chat.store.luadata")
local decode = ____luadata.decode
local encode = ____luadata.encode
local isScalar = ____luadata.isScalar
function ____exports.path()
    return config.get().config_file
end
function tooLarge(file, size)
    return ((((file .. " is ") .. string.format("%.1f", size / 1048576)) .. " MB, more than the ") .. tostring(____exports.MAX_BYTES / 1048576)) .. " MB a preferences file may hold"
end
function flushAtExit()
    local changes = {}
    for ____, part in ipairs({inflight, pending}) do
        if part ~= nil then
            for k, v in pairs(part) do
                changes[k] = v
            end
        end
    end
    if (next(changes)) == nil then
        return
    end
    local file = ____exports.path()
    vim.fn.mkdir(
        vim.fs.dirname(file),
        "p"
    )
    local text = readFileSync(file)
    local ____temp_1
    if text == nil then
        ____temp_1 = nil
    else
        ____temp_1 = decode(
            text,
            vim.fs.basename(file)
        )
    end
    local decoded = ____temp_1
    local data = decoded ~= nil and decoded.ok and decoded.value or ({})
    for k, v in pairs(changes) do
        data[k] = v
    end
    writeFileAtomicSync(
        file,
        encode(data, ORDER, HEADER)
    )
end
function queueWrite(changes, cb)
    if not exitHook then
        exitHook = true
        vim.api.nvim_create_autocmd(
            "VimLeavePre",
            {callback = function() return flushAtExit() end}
        )
    end
    pending = pending or ({})
    for k, v in pairs(changes) do
        pending[k] = v
    end
    if cb ~= nil then
        waiters[#waiters + 1] = cb
    end
    if not flushing then
        startFlush()
    end
end
function startFlush()
    local file = ____exports.path()
    local changes = pending or ({})
    local cbs = waiters
    pending = nil
    waiters = {}
    flushing = true
    inflight = changes
    local function done(err, written)
        flushing = false
        inflight = nil
        if written ~= nil and state ~= nil and state.path == file then
            for k, v in pairs(pending or ({})) do
                written[k] = v
            end
            state.values = written
        end
        if err ~= nil and #cbs == 0 then
            notify("could not save preferences: " .. err, vim.log.levels.ERROR)
        end
        for ____, cb in ipairs(cbs) do
            cb(err)
        end
        if pending ~= nil then
            startFlush()
        end
    end
    deliver(
        flush(file, changes),
        done
    )
end
function backupName(file)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local base = (file .. ".corrupt-") .. os.date("%Y%m%d-%H%M%S")
        local name = base
        do
            local n = 2
            while __TS__Await(exists(name)) do
                name = (base .. "-") .. tostring(n)
                n = n + 1
            end
        end
        return ____awaiter_resolve(nil, name)
    end)
end
function readForUpdate(file)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local info = __TS__Await(unlessMissing(
            stat(file),
            nil
        ))
        if info == nil then
            return ____awaiter_resolve(nil, {})
        end
        local problem
        if info.size > ____exports.MAX_BYTES then
            problem = tooLarge(file, info.size)
        else
            local text = __TS__Await(unlessMissing(
                readFile(file),
                nil
            ))
            if text == nil then
                return ____awaiter_resolve(nil, {})
            end
            local decoded = decode(
                text,
                vim.fs.basename(file)
            )
            if decoded.ok then
                return ____awaiter_resolve(nil, decoded.value)
            end
            problem = ((file .. " is not a valid preferences file (") .. decoded.error) .. ")"
        end
        local backup = __TS__Await(backupName(file))
        __TS__Await(rename(file, backup))
        notify(((problem .. ". It was kept as ") .. backup) .. " and replaced with fresh preferences; copy any setting you still need from the backup.", vim.log.levels.WARN)
        return ____awaiter_resolve(nil, {})
    end)
end
function flush(file, changes)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        __TS__Await(mkdirp(vim.fs.dirname(file)))
        return ____awaiter_resolve(
            nil,
            withLock(
                file .. ".lock",
                function()
                    return __TS__AsyncAwaiter(function(____awaiter_resolve)
                        local data = __TS__Await(readForUpdate(file))
                        for k, v in pairs(changes) do
                            data[k] = v
                        end
                        __TS__Await(writeFileAtomic(
                            file,
                            encode(data, ORDER, HEADER)
                        ))
                        return ____awaiter_resolve(nil, data)
                    end)
                end
            )
        )
    end)
end
local RULES = {
    default_model = {
        expects = "a model name such as \"llama3.2:3b\"",
        check = function(v) return type(v) == "string" and v ~= "" end
    },
    split_preference = {
        expects = "\"horizontal\" or \"vertical\"",
        check = function(v) return v == "horizontal" or v == "vertical" end
    },
    last_updated = {
        expects = "a date such as \"2025-01-23\"",
        check = function(v) return type(v) == "string" and (string.find(v, "^%d%d%d%d%-%d%d%-%d%d$")) ~= nil end
    }
}
ORDER = {"default_model", "split_preference", "last_updated"}
HEADER = {"ollama-chat.nvim preferences. Read as plain data, never run: only `key = value` lines with", "strings, numbers or booleans. The plugin rewrites this file when a preference changes."}
waiters = {}
flushing = false
exitHook = false
local function warnInvalid(file, values)
    for key, rule in pairs(RULES) do
        local v = values[key]
        if v ~= nil and not rule.check(v) then
            notify(
                ((((((file .. ": `") .. key) .. "` expects ") .. rule.expects) .. ", got ") .. vim.inspect(v)) .. "; it is ignored until it is set again.",
                vim.log.levels.WARN
            )
        end
    end
end
--- The largest preferences file read: a bigger one is kept aside, like a corrupt one.
____exports.MAX_BYTES = 1024 * 1024
local function load(file)
    local info = vim.uv.fs_stat(file)
    if info ~= nil and info.size > ____exports.MAX_BYTES then
        queueWrite({}, nil)
        return {path = file, values = {}}
    end
    local text, err = readFileSync(file)
    if text == nil then
        if not isMissing(err) then
            notify(
                ((("could not read " .. file) .. " (") .. tostring(err)) .. "); using default preferences.",
                vim.log.levels.WARN
            )
        end
        return {path = file, values = {}}
    end
    local decoded = decode(
        text,
        vim.fs.basename(file)
    )
    if not decoded.ok then
        queueWrite({}, nil)
        return {path = file, values = {}}
    end
    warnInvalid(file, decoded.value)
    return {path = file, values = decoded.value}
end
local function current()
    local file = ____exports.path()
    if state == nil or state.path ~= file then
        state = load(file)
    end
    return state
end
--- A preference, or undefined when unset or invalid.
function ____exports.get(key)
    local v = current().values[key]
    local rule = RULES[key]
    local ____temp_0
    if rule ~= nil and not rule.check(v) then
        ____temp_0 = nil
    else
        ____temp_0 = v
    end
    return ____temp_0
end
--- All valid preferences (a copy).
function ____exports.all()
    local out = {}
    for k in pairs(current().values) do
        local v = ____exports.get(k)
        if v ~= nil then
            out[k] = v
        end
    end
    return out
end
--- Forgets what was read: the next `get` reads the file again.
function ____exports.reload()
    state = nil
end
local function validate(values)
    if type(values) ~= "table" then
        return "prefs.set() expects a table of preferences, got " .. vim.inspect(values)
    end
    for k, v in pairs(values) do
        if type(k) ~= "string" or k == "" then
            return "prefs.set(): keys must be non-empty strings, got " .. vim.inspect(k)
        end
        local rule = RULES[k]
        if rule ~= nil and not rule.check(v) then
            return (((("prefs.set(): `" .. k) .. "` expects ") .. rule.expects) .. ", got ") .. vim.inspect(v)
        end
        if not isScalar(v) then
            return (("prefs.set(): `" .. k) .. "` must be a string, a number or a boolean, got ") .. vim.inspect(v)
        end
    end
    return nil
end
--- Changes preferences: applied at once, written to the file in the background (`cb` once written).
-- A new default_model also sets last_updated to today. Returns an error and changes nothing when a
-- value is invalid.
function ____exports.set(values, cb)
    local invalid = validate(values)
    if invalid ~= nil then
        return invalid .. "; nothing was changed."
    end
    local changes = {}
    for k, v in pairs(values) do
        changes[k] = v
    end
    if changes.default_model ~= nil and changes.last_updated == nil and changes.default_model ~= ____exports.get("default_model") then
        changes.last_updated = os.date("%Y-%m-%d")
    end
    local s = current()
    for k, v in pairs(changes) do
        s.values[k] = v
    end
    queueWrite(changes, cb)
    return nil
end
return ____exports
