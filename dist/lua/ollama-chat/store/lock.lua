local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local ____exports = {}
local ____async = require("ollama-chat.store.async")
local sleep = ____async.sleep
local unlessMissing = ____async.unlessMissing
local ____fs = require("ollama-chat.store.fs")
local createNew = ____fs.createNew
local readFile = ____fs.readFile
local stat = ____fs.stat
local unlink = ____fs.unlink
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
local function readLock(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local text = __TS__Await(unlessMissing(
            readFile(path),
            nil
        ))
        local ____temp_0
        if text == nil then
            ____temp_0 = nil
        else
            ____temp_0 = {
                holder = parseHolder(text),
                text = text
            }
        end
        return ____awaiter_resolve(nil, ____temp_0)
    end)
end
local function processExists(pid)
    return type(vim.api.nvim_get_proc(pid)) == "table"
end
local function isStale(path, holder)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        if holder ~= nil and holder.host == vim.uv.os_gethostname() and not processExists(holder.pid) then
            return ____awaiter_resolve(nil, true)
        end
        local since = holder ~= nil and holder.time or __TS__Await(stat(path)).mtime.sec
        return ____awaiter_resolve(
            nil,
            os.time() - since > ____exports.settings.stale_s
        )
    end)
end
--- Removes the lock at `path` when it still holds `seen` and is stale; under the `.break` lock.
local function breakStale(path, seen)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local breakPath = path .. ".break"
        if not __TS__Await(createNew(
            breakPath,
            formatHolder(newHolder())
        )) then
            local ____os_time_result_2 = os.time()
            local ____self_1 = stat(breakPath)
            local age = ____os_time_result_2 - __TS__Await(____self_1["then"](
                ____self_1,
                function(____, s) return s.mtime.sec end,
                function() return os.time() end
            ))
            if age > ____exports.settings.break_stale_s then
                __TS__Await(unlink(breakPath):catch(function() return nil end))
            else
                __TS__Await(sleep(____exports.settings.retry_ms))
            end
            return ____awaiter_resolve(nil)
        end
        local ____try = __TS__AsyncAwaiter(function()
            local again = __TS__Await(readLock(path))
            if again ~= nil and again.text == seen and __TS__Await(isStale(path, again.holder)) then
                __TS__Await(unlink(path))
            end
        end)
        ____try = ____try.finally(
            ____try,
            function()
                return __TS__AsyncAwaiter(function()
                    __TS__Await(unlink(breakPath):catch(function() return nil end))
                end)
            end
        )
        __TS__Await(____try)
    end)
end
local function busyMessage(path, holder)
    local who = holder == nil and "another Neovim" or ((((("another Neovim (pid " .. tostring(holder.pid)) .. " on ") .. holder.host) .. ", since ") .. os.date("%H:%M:%S", holder.time)) .. ")"
    return ((((vim.fs.dirname(path) .. " is locked by ") .. who) .. ". Try again in a moment; if no other Neovim is running, delete ") .. path) .. "."
end
--- Takes the lock at `path`, retrying until `settings.timeout_ms`; resolves to its holder record.
local function acquire(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local mine = formatHolder(newHolder())
        local started = vim.uv.now()
        do
            while true do
                if __TS__Await(createNew(path, mine)) then
                    return ____awaiter_resolve(nil, mine)
                end
                local current = __TS__Await(readLock(path))
                if current ~= nil then
                    if __TS__Await(isStale(path, current.holder)) then
                        __TS__Await(breakStale(path, current.text))
                    elseif vim.uv.now() - started > ____exports.settings.timeout_ms then
                        error(
                            busyMessage(path, current.holder),
                            0
                        )
                    else
                        __TS__Await(sleep(____exports.settings.retry_ms + math.random(0, ____exports.settings.retry_ms)))
                    end
                end
            end
        end
    end)
end
--- Removes our lock, unless it is no longer ours (broken as stale while we held it far too long).
local function release(path, mine)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local current = __TS__Await(readLock(path):catch(function() return nil end))
        if current ~= nil and current.text == mine then
            __TS__Await(unlink(path):catch(function() return nil end))
        end
    end)
end
--- Runs `work` while holding the lock file `path`; the lock is released however `work` ends.
function ____exports.withLock(path, work)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local mine = __TS__Await(acquire(path))
        local ____hasReturned, ____returnValue
        local ____try = __TS__AsyncAwaiter(function()
            ____hasReturned = true
            ____returnValue = __TS__Await(work())
            return
        end)
        ____try = ____try.finally(
            ____try,
            function()
                return __TS__AsyncAwaiter(function()
                    __TS__Await(release(path, mine))
                end)
            end
        )
        __TS__Await(____try)
        if ____hasReturned then
            return ____awaiter_resolve(nil, ____returnValue)
        end
    end)
end
return ____exports
