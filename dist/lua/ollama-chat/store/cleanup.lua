-- generated from src/ollama-chat/store/cleanup.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____async = require("ollama-chat.store.async")
local eachSeries = ____async.eachSeries
local errorText = ____async.errorText
local ____then = ____async["then"]
local ____chatdir = require("ollama-chat.store.chatdir")
local chatsDir = ____chatdir.chatsDir
local dataDir = ____chatdir.dataDir
local scan = ____chatdir.scan
local withChatsLock = ____chatdir.withChatsLock
local ____chats = require("ollama-chat.store.chats")
local refresh_names = ____chats.refresh_names
local ____fs = require("ollama-chat.store.fs")
local appendFile = ____fs.appendFile
local unlink = ____fs.unlink
-- Startup cleanup: saved chats last saved more than `retention_days` ago are deleted (0 keeps all),
-- each deletion logged to `<data_dir>/cleanup.log`. Only saved chat files in the chats folder are
-- ever considered. Asynchronous throughout; plugin/ runs it shortly after startup, and its listing
-- of the folder also fills the cache of chat names that completion answers from.
local DAY = 24 * 60 * 60
local function logLine(now, file, mtime, days)
    local stamp = os.date("%Y-%m-%d %H:%M:%S", now)
    return ((((((stamp .. " deleted ") .. file) .. " (last saved ") .. os.date("%Y-%m-%d", mtime)) .. ", older than retention_days = ") .. tostring(days)) .. ")\n"
end
local function olderThan(files, cutoff)
    local old = {}
    for ____, chat in ipairs(files) do
        if chat.mtime < cutoff then
            old[#old + 1] = chat
        end
    end
    return old
end
local function cleanup(cb)
    local result = {deleted = {}, failed = {}, disabled = false}
    local days = config.get().retention_days
    if days <= 0 then
        result.disabled = true
        return vim.schedule(function() return cb(nil, result) end)
    end
    local dir = chatsDir()
    local function cutoff()
        return os.time() - days * DAY
    end
    scan(
        dir,
        ____then(
            cb,
            function(files)
                if #olderThan(
                    files,
                    cutoff()
                ) == 0 then
                    return cb(nil, result)
                end
                withChatsLock(
                    dir,
                    function(done)
                        -- Listed again under the lock: a chat saved meanwhile is young again.
                        scan(
                            dir,
                            ____then(
                                done,
                                function(again)
                                    local lines = {}
                                    eachSeries(
                                        olderThan(
                                            again,
                                            cutoff()
                                        ),
                                        function(chat, next) return unlink(
                                            chat.path,
                                            function(err)
                                                if err ~= nil then
                                                    local ____result_failed_0 = result.failed
                                                    ____result_failed_0[#____result_failed_0 + 1] = ((chat.file .. " (") .. errorText(err)) .. ")"
                                                else
                                                    local ____result_deleted_1 = result.deleted
                                                    ____result_deleted_1[#____result_deleted_1 + 1] = chat.file
                                                    lines[#lines + 1] = logLine(
                                                        os.time(),
                                                        chat.file,
                                                        chat.mtime,
                                                        days
                                                    )
                                                end
                                                next()
                                            end
                                        ) end,
                                        function()
                                            if #lines == 0 then
                                                return done(nil, result)
                                            end
                                            appendFile(
                                                dataDir() .. "/cleanup.log",
                                                table.concat(lines, ""),
                                                ____then(
                                                    done,
                                                    function() return done(nil, result) end
                                                )
                                            )
                                        end
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
    cleanup(function(err, result)
        refresh_names();
        (cb or report)(err, result)
    end)
end
return ____exports
