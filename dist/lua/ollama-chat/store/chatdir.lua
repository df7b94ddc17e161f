-- generated from src/ollama-chat/store/chatdir.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local config = require("ollama-chat.config")
local ____async = require("ollama-chat.store.async")
local sliced = ____async.sliced
local sortSliced = ____async.sortSliced
local ____then = ____async["then"]
local ____chatfile = require("ollama-chat.store.chatfile")
local parseFileName = ____chatfile.parseFileName
local ____fs = require("ollama-chat.store.fs")
local listDir = ____fs.listDir
local statSync = ____fs.statSync
local ____lock = require("ollama-chat.store.lock")
local withLock = ____lock.withLock
function ____exports.dataDir()
    -- The folder of saved chats, `<data_dir>/chats/`: where it is, its lock, and the saved chat files
    -- in it. Only files whose names this plugin writes are ever listed (and so ever changed or deleted).
    -- A folder may hold tens of thousands: it is listed and stat'ed in slices across event-loop turns.
    return config.get().data_dir
end
function ____exports.chatsDir()
    return ____exports.dataDir() .. "/chats"
end
--- Runs `work` holding the lock of the chats folder, which must exist.
function ____exports.withChatsLock(dir, work, cb)
    withLock(dir .. "/.ollama-chat.lock", work, cb)
end
--- Sorts newest first (last save, then first save, then name): keys in Lua's string order.
local function sortKey(f)
    return (string.format("%012d", f.mtime) .. f.timestamp) .. f.file
end
--- `files` newest first, in slices: sorted by their string keys (sortSliced), so that 20,000 files
-- never hold the loop for long.
local function sortNewestFirst(files, cb)
    local keys = {}
    local byKey = {}
    sliced(
        #files,
        function(i)
            local key = sortKey(files[i + 1])
            keys[#keys + 1] = key
            byKey[key] = files[i + 1]
        end,
        function() return sortSliced(
            keys,
            function(sorted)
                local out = {}
                do
                    local i = #sorted - 1
                    while i >= 0 do
                        out[#out + 1] = byKey[sorted[i + 1]]
                        i = i - 1
                    end
                end
                cb(out)
            end
        ) end
    )
end
--- The names in `dir` that are saved chat files (by name alone, no stat), in slices.
function ____exports.scanNames(dir, cb)
    listDir(
        dir,
        ____then(
            cb,
            function(entries)
                local out = {}
                sliced(
                    #entries,
                    function(i)
                        local parsed = parseFileName(entries[i + 1].name)
                        if parsed ~= nil then
                            out[#out + 1] = {entry = entries[i + 1].name, type = entries[i + 1].type, parsed = parsed}
                        end
                    end,
                    function() return cb(nil, out) end
                )
            end
        )
    )
end
--- The saved chat files in `dir` (regular files only), newest first; none when `dir` is missing.
-- `only` keeps the chats of one name (the others are not even stat'ed).
function ____exports.scan(dir, cb, only)
    ____exports.scanNames(
        dir,
        ____then(
            cb,
            function(named)
                local found = {}
                -- A stat of a local file takes microseconds: done synchronously, a slice at a time, it is far
                -- quicker than 20,000 asynchronous round trips and still never holds the loop for long.
                sliced(
                    #named,
                    function(i)
                        local n = named[i + 1]
                        -- Links and folders are left alone; "unknown" (file systems without d_type) is settled by stat.
                        if (only == nil or n.parsed.name == only) and (n.type == "file" or n.type == "unknown") then
                            local path = (dir .. "/") .. n.entry
                            local info = statSync(path)
                            if info ~= nil and info.type == "file" then
                                found[#found + 1] = __TS__ObjectAssign({}, n.parsed, {file = n.entry, path = path, mtime = info.mtime.sec, size = info.size})
                            end
                        end
                    end,
                    function() return sortNewestFirst(
                        found,
                        function(sorted) return vim.schedule(function() return cb(nil, sorted) end) end
                    ) end
                )
            end
        )
    )
end
return ____exports
