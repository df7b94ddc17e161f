local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArraySort = ____lualib.__TS__ArraySort
local ____exports = {}
local config = require("ollama-chat.config")
local ____chatfile = require("ollama-chat.store.chatfile")
local parseFileName = ____chatfile.parseFileName
local ____fs = require("ollama-chat.store.fs")
local listDir = ____fs.listDir
local stat = ____fs.stat
local ____lock = require("ollama-chat.store.lock")
local withLock = ____lock.withLock
function ____exports.dataDir()
    return config.get().data_dir
end
function ____exports.chatsDir()
    return ____exports.dataDir() .. "/chats"
end
--- Runs `work` holding the lock of the chats folder, which must exist.
function ____exports.withChatsLock(dir, work)
    return withLock(dir .. "/.ollama-chat.lock", work)
end
local function newestFirst(a, b)
    if a.mtime ~= b.mtime then
        return b.mtime - a.mtime
    end
    if a.timestamp ~= b.timestamp then
        return a.timestamp < b.timestamp and 1 or -1
    end
    return a.file < b.file and 1 or (a.file > b.file and -1 or 0)
end
--- The saved chat files in `dir` (regular files only), newest first; none when `dir` is missing.
function ____exports.scan(dir)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local found = {}
        for ____, entry in ipairs(__TS__Await(listDir(dir))) do
            local parsed = parseFileName(entry.name)
            if parsed ~= nil and (entry.type == "file" or entry.type == "unknown") then
                local path = (dir .. "/") .. entry.name
                local info = __TS__Await(stat(path):catch(function() return nil end))
                if info ~= nil and info.type == "file" then
                    found[#found + 1] = __TS__ObjectAssign({}, parsed, {file = entry.name, path = path, mtime = info.mtime.sec})
                end
            end
        end
        __TS__ArraySort(
            found,
            function(____, a, b) return newestFirst(a, b) end
        )
        return ____awaiter_resolve(nil, found)
    end)
end
return ____exports
