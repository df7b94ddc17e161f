-- generated from src/ollama-chat/store/prefs.ts by TypeScriptToLua; do not edit
local ____exports = {}
local assign, tooLarge, notSavedMessage, flushAtExit, queueWrite, startFlush, backupName, keepAside, readForUpdate, flush, RULES, ORDER, HEADER, state, pending, waiters, flushing, inflight, exitHook
local config = require("ollama-chat.config")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____async = require("ollama-chat.store.async")
local isMissing = ____async.isMissing
local reason = ____async.reason
local ____then = ____async["then"]
local unlessMissing = ____async.unlessMissing
local ____fs = require("ollama-chat.store.fs")
local exists = ____fs.exists
local mkdirp = ____fs.mkdirp
local readFile = ____fs.readFile
local readFileSync = ____fs.readFileSync
local rename = ____fs.rename
local stat = ____fs.stat
local statSync = ____fs.statSync
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
function assign(into, from)
    if from ~= nil then
        for k, v in pairs(from) do
            into[k] = v
        end
    end
    return into
end
function tooLarge(file, size)
    return ((((file .. " is ") .. string.format("%.1f", size / 1048576)) .. " MB, more than the ") .. tostring(____exports.MAX_BYTES / 1048576)) .. " MB a preferences file may hold"
end
function notSavedMessage(changes, cb)
    return function(err)
        if err == nil then
            return cb()
        end
        -- last_updated comes with default_model: name the one the user chose.
        local keys = {}
        for k in pairs(changes) do
            if k ~= "last_updated" or changes.default_model == nil then
                keys[#keys + 1] = k
            end
        end
        local what = #keys == 1 and RULES[keys[1]] ~= nil and RULES[keys[1]].what or "preferences"
        local file = vim.fn.fnamemodify(
            ____exports.path(),
            ":~"
        )
        cb(((((("could not save " .. what) .. " to ") .. file) .. ": ") .. reason(err)) .. "; it applies to this session only.")
    end
end
function flushAtExit()
    local changes = assign(
        assign({}, inflight),
        pending
    )
    if (next(changes)) == nil then
        return
    end
    local file = ____exports.path()
    vim.fn.mkdir(
        vim.fs.dirname(file),
        "p"
    )
    local info = statSync(file)
    local decoded
    if info ~= nil and info.size <= ____exports.MAX_BYTES then
        local text = readFileSync(file)
        if text ~= nil then
            decoded = decode(text)
        end
    end
    -- A file too large or corrupt is kept aside here too, never written over.
    if info ~= nil and (decoded == nil or not decoded.ok) then
        vim.uv.fs_rename(
            file,
            ((file .. ".corrupt-") .. os.date("%Y%m%d-%H%M%S")) .. "-exit"
        )
    end
    local data = decoded ~= nil and decoded.ok and decoded.value or ({})
    writeFileAtomicSync(
        file,
        encode(
            assign(data, changes),
            ORDER,
            HEADER
        )
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
    pending = assign(pending or ({}), changes)
    waiters[#waiters + 1] = cb or notSavedMessage(
        changes,
        function(err)
            if err ~= nil then
                notify(err, vim.log.levels.ERROR)
            end
        end
    )
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
    flush(
        file,
        changes,
        function(err, written)
            flushing = false
            inflight = nil
            -- What is on disk now, plus what was set while we were writing.
            if written ~= nil and state ~= nil and state.path == file then
                state.values = assign(written, pending)
            end
            for ____, cb in ipairs(cbs) do
                cb(err)
            end
            if pending ~= nil then
                startFlush()
            end
        end
    )
end
function backupName(file, cb)
    local base = (file .. ".corrupt-") .. os.date("%Y%m%d-%H%M%S")
    local tryName
    tryName = function(n)
        local name = n == 1 and base or (base .. "-") .. tostring(n)
        exists(
            name,
            ____then(
                cb,
                function(taken)
                    local ____taken_3
                    if taken then
                        ____taken_3 = tryName(n + 1)
                    else
                        ____taken_3 = cb(nil, name)
                    end
                    return ____taken_3
                end
            )
        )
    end
    tryName(1)
end
function keepAside(file, problem, cb)
    backupName(
        file,
        ____then(
            cb,
            function(backup) return rename(
                file,
                backup,
                ____then(
                    cb,
                    function()
                        notify(((problem .. ". It was kept as ") .. backup) .. " and replaced with fresh preferences; copy any setting you still need from the backup.", vim.log.levels.WARN)
                        cb(nil, {})
                    end
                )
            ) end
        )
    )
end
function readForUpdate(file, cb)
    stat(
        file,
        unlessMissing(
            nil,
            ____then(
                cb,
                function(info)
                    if info == nil then
                        return cb(nil, {})
                    end
                    if info.size > ____exports.MAX_BYTES then
                        return keepAside(
                            file,
                            tooLarge(file, info.size),
                            cb
                        )
                    end
                    readFile(
                        file,
                        unlessMissing(
                            nil,
                            ____then(
                                cb,
                                function(text)
                                    if text == nil then
                                        return cb(nil, {})
                                    end
                                    local decoded = decode(text)
                                    if decoded.ok then
                                        return cb(nil, decoded.value)
                                    end
                                    keepAside(file, ((file .. " is not a valid preferences file (") .. decoded.error) .. ")", cb)
                                end
                            )
                        )
                    )
                end
            )
        )
    )
end
function flush(file, changes, cb)
    mkdirp(
        vim.fs.dirname(file),
        ____then(
            cb,
            function()
                withLock(
                    file .. ".lock",
                    function(done)
                        readForUpdate(
                            file,
                            ____then(
                                done,
                                function(data)
                                    assign(data, changes)
                                    writeFileAtomic(
                                        file,
                                        encode(data, ORDER, HEADER),
                                        ____then(
                                            done,
                                            function() return done(nil, data) end
                                        )
                                    )
                                end
                            )
                        )
                    end,
                    cb
                )
            end
        )
    )
end
RULES = {
    default_model = {
        expects = "a model name such as \"llama3.2:3b\"",
        what = "the default model",
        check = function(v) return type(v) == "string" and v ~= "" end
    },
    split_preference = {
        expects = "\"horizontal\" or \"vertical\"",
        what = "the split preference",
        check = function(v) return v == "horizontal" or v == "vertical" end
    },
    last_updated = {
        expects = "a date such as \"2025-01-23\"",
        what = "the date of the last change",
        check = function(v) return type(v) == "string" and (string.find(v, "^%d%d%d%d%-%d%d%-%d%d$")) ~= nil end
    }
}
ORDER = {"default_model", "split_preference", "last_updated"}
HEADER = {"ollama-chat.nvim preferences. Read as plain data, never run: only `key = value` lines with", "strings, numbers or booleans. The plugin rewrites this file when a preference changes."}
--- The largest preferences file read: a bigger one is kept aside, like a corrupt one.
____exports.MAX_BYTES = 1024 * 1024
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
local function load(file)
    -- Synchronous: a file of a few hundred bytes, read once, when a preference is first needed; its
    -- size is checked first, so a huge file is never read here.
    local info = statSync(file)
    if info ~= nil and info.size > ____exports.MAX_BYTES then
        -- The next write finds it still too large, keeps it aside and says so.
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
    local decoded = decode(text)
    if not decoded.ok then
        -- The next write finds the file still corrupt, keeps it aside and says so.
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
--- Changes preferences: applied at once, written to the file in the background (`cb` once written,
-- with a one-line message when it could not be: "could not save the default model to <file>:
-- permission denied; it applies to this session only."). Without `cb`, that message is notified.
-- A new default_model also sets last_updated to today. Returns an error and changes nothing when
-- a value is invalid.
function ____exports.set(values, cb)
    local invalid = validate(values)
    if invalid ~= nil then
        return invalid .. "; nothing was changed."
    end
    local changes = assign({}, values)
    if changes.default_model ~= nil and changes.last_updated == nil and changes.default_model ~= ____exports.get("default_model") then
        changes.last_updated = os.date("%Y-%m-%d")
    end
    assign(
        current().values,
        changes
    )
    local ____queueWrite_2 = queueWrite
    local ____temp_1
    if cb == nil then
        ____temp_1 = nil
    else
        ____temp_1 = notSavedMessage(changes, cb)
    end
    ____queueWrite_2(changes, ____temp_1)
    return nil
end
return ____exports
