-- generated from src/ollama-chat/store/lock.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____async = require("ollama-chat.store.async")
local sleep = ____async.sleep
local ____then = ____async["then"]
local unlessMissing = ____async.unlessMissing
local ____fs = require("ollama-chat.store.fs")
local createNew = ____fs.createNew
local readFile = ____fs.readFile
local stat = ____fs.stat
local unlink = ____fs.unlink
-- A lock file shared by every Neovim on the machine: whoever creates it (O_EXCL) may read, merge
-- and rewrite the files it guards; the others retry on a timer, never blocking the editor.
-- 
-- A lock left by a Neovim that crashed is stale: its process is gone (same host), or it is older
-- than `settings.stale_s` (another host sharing the directory). Only the holder of a second lock
-- file (`<lock>.break`) may remove a stale lock, and only after reading it again under that second
-- lock, so two waiters cannot both remove it and then both take it.
____exports.settings = {timeout_ms = 10000, retry_ms = 20, stale_s = 120, break_stale_s = 10}
local tokenCounter = 0
local function newHolder()
    tokenCounter = tokenCounter + 1
    local pid = vim.uv.os_getpid()
    return {
        pid = pid,
        host = vim.uv.os_gethostname(),
        time = os.time(),
        token = (((tostring(pid) .. "-") .. tostring(vim.uv.hrtime())) .. "-") .. tostring(tokenCounter)
    }
end
local function formatHolder(h)
    return ((((((("pid=" .. tostring(h.pid)) .. "\nhost=") .. h.host) .. "\ntime=") .. tostring(h.time)) .. "\ntoken=") .. h.token) .. "\n"
end
local function parseHolder(text)
    local pid = string.match(text, "pid=(%d+)")
    local host = string.match(text, "host=([^\n]*)")
    local time = string.match(text, "time=(%d+)")
    local token = string.match(text, "token=([^\n]*)")
    if pid == nil or host == nil or time == nil or token == nil then
        return nil
    end
    return {
        pid = tonumber(pid),
        host = host,
        time = tonumber(time),
        token = token
    }
end
--- The lock's holder as last written, or undefined when the lock is gone.
local function readLock(path, cb)
    readFile(
        path,
        unlessMissing(
            nil,
            ____then(
                cb,
                function(text)
                    local ____cb_1 = cb
                    local ____temp_0
                    if text == nil then
                        ____temp_0 = nil
                    else
                        ____temp_0 = {
                            holder = parseHolder(text),
                            text = text
                        }
                    end
                    return ____cb_1(nil, ____temp_0)
                end
            )
        )
    )
end
local function processExists(pid)
    return type(vim.api.nvim_get_proc(pid)) == "table"
end
local function isStale(path, holder, cb)
    if holder ~= nil and holder.host == vim.uv.os_gethostname() and not processExists(holder.pid) then
        return cb(nil, true)
    end
    if holder ~= nil then
        return cb(
            nil,
            os.time() - holder.time > ____exports.settings.stale_s
        )
    end
    stat(
        path,
        ____then(
            cb,
            function(info) return cb(
                nil,
                os.time() - info.mtime.sec > ____exports.settings.stale_s
            ) end
        )
    )
end
--- Removes the lock at `path` when it still holds `seen` and is stale; under the `.break` lock.
local function breakStale(path, seen, cb)
    local breakPath = path .. ".break"
    createNew(
        breakPath,
        formatHolder(newHolder()),
        ____then(
            cb,
            function(mine)
                if not mine then
                    return stat(
                        breakPath,
                        function(_err, info)
                            local age = os.time() - (info ~= nil and info.mtime.sec or os.time())
                            if age > ____exports.settings.break_stale_s then
                                unlink(
                                    breakPath,
                                    function() return cb() end
                                )
                            else
                                sleep(
                                    ____exports.settings.retry_ms,
                                    function() return cb() end
                                )
                            end
                        end
                    )
                end
                local function done(err)
                    return unlink(
                        breakPath,
                        function() return cb(err) end
                    )
                end
                readLock(
                    path,
                    ____then(
                        done,
                        function(again)
                            if again == nil or again.text ~= seen then
                                return done()
                            end
                            isStale(
                                path,
                                again.holder,
                                ____then(
                                    done,
                                    function(stale)
                                        local ____stale_2
                                        if stale then
                                            ____stale_2 = unlink(path, done)
                                        else
                                            ____stale_2 = done()
                                        end
                                        return ____stale_2
                                    end
                                )
                            )
                        end
                    )
                )
            end
        )
    )
end
local function busyMessage(path, holder)
    local who = holder == nil and "another Neovim" or ((((("another Neovim (pid " .. tostring(holder.pid)) .. " on ") .. holder.host) .. ", since ") .. os.date("%H:%M:%S", holder.time)) .. ")"
    return ((((vim.fs.dirname(path) .. " is locked by ") .. who) .. ". Try again in a moment; if no other Neovim is running, delete ") .. path) .. "."
end
--- Takes the lock at `path`, retrying until `settings.timeout_ms`; `cb` gets its holder record.
local function acquire(path, cb)
    local mine = formatHolder(newHolder())
    local started = vim.uv.now()
    local attempt
    attempt = function()
        createNew(
            path,
            mine,
            ____then(
                cb,
                function(created)
                    if created then
                        return cb(nil, mine)
                    end
                    readLock(
                        path,
                        ____then(
                            cb,
                            function(current)
                                -- A lock gone meanwhile is simply tried again.
                                if current == nil then
                                    return attempt()
                                end
                                isStale(
                                    path,
                                    current.holder,
                                    ____then(
                                        cb,
                                        function(stale)
                                            if stale then
                                                breakStale(
                                                    path,
                                                    current.text,
                                                    ____then(cb, attempt)
                                                )
                                            elseif vim.uv.now() - started > ____exports.settings.timeout_ms then
                                                cb(busyMessage(path, current.holder))
                                            else
                                                sleep(
                                                    ____exports.settings.retry_ms + math.random(0, ____exports.settings.retry_ms),
                                                    attempt
                                                )
                                            end
                                        end
                                    )
                                )
                            end
                        )
                    )
                end
            )
        )
    end
    attempt()
end
--- Removes our lock, unless it is no longer ours (broken as stale while we held it far too long).
local function release(path, mine, cb)
    readLock(
        path,
        function(_err, current)
            if current ~= nil and current.text == mine then
                unlink(
                    path,
                    function() return cb() end
                )
            else
                cb()
            end
        end
    )
end
--- Runs `work` while holding the lock file `path`; the lock is released however `work` ends.
function ____exports.withLock(path, work, cb)
    acquire(
        path,
        ____then(
            cb,
            function(mine)
                work(function(err, result) return release(
                    path,
                    mine,
                    function() return cb(err, result) end
                ) end)
            end
        )
    )
end
return ____exports
