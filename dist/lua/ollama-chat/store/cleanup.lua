local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local __TS__ArrayEvery = ____lualib.__TS__ArrayEvery
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local ____exports = {}
local config = require("ollama-chat.config")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____async = require("ollama-chat.store.async")
local deliver = ____async.deliver
local errorText = ____async.errorText
local ____chatdir = require("ollama-chat.store.chatdir")
local chatsDir = ____chatdir.chatsDir
local dataDir = ____chatdir.dataDir
local scan = ____chatdir.scan
local withChatsLock = ____chatdir.withChatsLock
local ____fs = require("ollama-chat.store.fs")
local appendFile = ____fs.appendFile
local unlink = ____fs.unlink
local DAY = 24 * 60 * 60
local function logLine(now, file, mtime, days)
    local stamp = os.date("%Y-%m-%d %H:%M:%S", now)
    return ((((((stamp .. " deleted ") .. file) .. " (last saved ") .. os.date("%Y-%m-%d", mtime)) .. ", older than retention_days = ") .. tostring(days)) .. ")\n"
end
local function cleanup()
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local result = {deleted = {}, failed = {}, disabled = false}
        local days = config.get().retention_days
        if days <= 0 then
            result.disabled = true
            return ____awaiter_resolve(nil, result)
        end
        local dir = chatsDir()
        local function cutoff()
            return os.time() - days * DAY
        end
        if __TS__ArrayEvery(
            __TS__Await(scan(dir)),
            function(____, chat) return chat.mtime >= cutoff() end
        ) then
            return ____awaiter_resolve(nil, result)
        end
        return ____awaiter_resolve(
            nil,
            withChatsLock(
                dir,
                function()
                    return __TS__AsyncAwaiter(function(____awaiter_resolve)
                        local lines = {}
                        for ____, chat in ipairs(__TS__ArrayFilter(
                            __TS__Await(scan(dir)),
                            function(____, c) return c.mtime < cutoff() end
                        )) do
                            local ____try = __TS__AsyncAwaiter(function()
                                __TS__Await(unlink(chat.path))
                                local ____result_deleted_0 = result.deleted
                                ____result_deleted_0[#____result_deleted_0 + 1] = chat.file
                                lines[#lines + 1] = logLine(
                                    os.time(),
                                    chat.file,
                                    chat.mtime,
                                    days
                                )
                            end)
                            ____try = ____try.catch(
                                ____try,
                                function(____, e)
                                    return __TS__AsyncAwaiter(function()
                                        local ____result_failed_1 = result.failed
                                        ____result_failed_1[#____result_failed_1 + 1] = ((chat.file .. " (") .. errorText(e)) .. ")"
                                    end)
                                end
                            )
                            __TS__Await(____try)
                        end
                        if #lines > 0 then
                            __TS__Await(appendFile(
                                dataDir() .. "/cleanup.log",
                                table.concat(lines, "")
                            ))
                        end
                        return ____awaiter_resolve(nil, result)
                    end)
                end
            )
        )
    end)
end
local function report(err, result)
    if err ~= nil then
        notify("cleanup of old saved chats failed: " .. err, vim.log.levels.WARN)
        return
    end
    if result == nil then
        return
    end
    if #result.deleted > 0 then
        local n = #result.deleted
        notify(((((((("deleted " .. tostring(n)) .. " saved chat") .. (n == 1 and "" or "s")) .. " older than ") .. tostring(config.get().retention_days)) .. " days (listed in ") .. vim.fn.fnamemodify(
            dataDir() .. "/cleanup.log",
            ":~"
        )) .. ").")
    end
    if #result.failed > 0 then
        notify(
            ("could not delete old saved chats: " .. table.concat(result.failed, ", ")) .. ".",
            vim.log.levels.WARN
        )
    end
end
--- Deletes the saved chats older than retention_days. Without `cb`, the outcome is notified.
function ____exports.run(cb)
    deliver(
        cleanup(),
        cb or report
    )
end
--- Runs the cleanup `delay_ms` after now (default 1 s), off the startup path.
function ____exports.schedule(delay_ms)
    if delay_ms == nil then
        delay_ms = 1000
    end
    vim.defer_fn(
        function() return ____exports.run() end,
        delay_ms
    )
end
return ____exports
