local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local ____exports = {}
local ____async = require("ollama-chat.store.async")
local errorText = ____async.errorText
local isExisting = ____async.isExisting
local isMissing = ____async.isMissing
local unlessMissing = ____async.unlessMissing
local uv = ____async.uv
local CHUNK = 1024 * 1024
local FILE_MODE = 420
local DIR_MODE = 493
local function open(path, flags, mode)
    return uv(function(done) return vim.uv.fs_open(path, flags, mode, done) end)
end
local function close(fd)
    return uv(function(done) return vim.uv.fs_close(fd, done) end)
end
function ____exports.rename(from, to)
    return uv(function(done) return vim.uv.fs_rename(from, to, done) end)
end
function ____exports.unlink(path)
    return uv(function(done) return vim.uv.fs_unlink(path, done) end)
end
function ____exports.stat(path)
    return uv(function(done) return vim.uv.fs_stat(path, done) end)
end
--- Whether `path` exists (anything that is not "no such file" counts as existing).
function ____exports.exists(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        return ____awaiter_resolve(
            nil,
            __TS__Await(unlessMissing(
                ____exports.stat(path),
                nil
            )) ~= nil
        )
    end)
end
--- The whole content of a file.
function ____exports.readFile(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local fd = __TS__Await(open(path, "r", 0))
        local parts = {}
        local ____try = __TS__AsyncAwaiter(function()
            local offset = 0
            do
                while true do
                    local chunk = __TS__Await(uv(function(done) return vim.uv.fs_read(fd, CHUNK, offset, done) end))
                    if chunk == nil or chunk == "" then
                        break
                    end
                    parts[#parts + 1] = chunk
                    offset = offset + #chunk
                    if #chunk < CHUNK then
                        break
                    end
                end
            end
        end)
        ____try = ____try.finally(
            ____try,
            function()
                return __TS__AsyncAwaiter(function()
                    __TS__Await(close(fd))
                end)
            end
        )
        __TS__Await(____try)
        return ____awaiter_resolve(
            nil,
            table.concat(parts, "")
        )
    end)
end
--- The whole content of a file, read synchronously: [text] or [undefined, error]. Only for the
-- preferences file, a few hundred bytes read once on first use.
function ____exports.readFileSync(path)
    local fd, err = vim.uv.fs_open(path, "r", 0)
    if fd == nil then
        return nil, err
    end
    local parts = {}
    local offset = 0
    local failure
    do
        while true do
            local chunk, rerr = vim.uv.fs_read(fd, CHUNK, offset)
            if chunk == nil then
                failure = rerr
                break
            end
            if chunk == "" then
                break
            end
            parts[#parts + 1] = chunk
            offset = offset + #chunk
        end
    end
    vim.uv.fs_close(fd)
    if failure ~= nil then
        return nil, failure
    end
    return table.concat(parts, ""), nil
end
local function writeAll(fd, data, append)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local written = 0
        while written < #data do
            local rest = written == 0 and data or string.sub(data, written + 1)
            local offset = append and -1 or written
            local n = __TS__Await(uv(function(done) return vim.uv.fs_write(fd, rest, offset, done) end))
            if n == nil or n <= 0 then
                error(
                    ((("could not write to the file (wrote " .. tostring(written)) .. " of ") .. tostring(#data)) .. " bytes)",
                    0
                )
            end
            written = written + n
        end
    end)
end
local tempCounter = 0
--- A temp file next to `path`: a dot file, unique to this process and call.
local function tempPathFor(path)
    tempCounter = tempCounter + 1
    return (((((vim.fs.dirname(path) .. "/.") .. vim.fs.basename(path)) .. ".tmp-") .. tostring(vim.uv.os_getpid())) .. "-") .. tostring(tempCounter)
end
--- Creates a new temp file next to `path` (never an existing one).
local function createTemp(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        do
            local attempt = 1
            while true do
                local temp = tempPathFor(path)
                local ____hasReturned, ____returnValue
                local ____try = __TS__AsyncAwaiter(function()
                    ____hasReturned = true
                    ____returnValue = {
                        fd = __TS__Await(open(temp, "wx", FILE_MODE)),
                        temp = temp
                    }
                    return
                end)
                ____try = ____try.catch(
                    ____try,
                    function(____, e)
                        return __TS__AsyncAwaiter(function()
                            if not isExisting(e) or attempt >= 5 then
                                error(e, 0)
                            end
                        end)
                    end
                )
                __TS__Await(____try)
                if ____hasReturned then
                    return ____awaiter_resolve(nil, ____returnValue)
                end
                attempt = attempt + 1
            end
        end
    end)
end
local function writeThroughTemp(path, data)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local ____TS__Await_result_0 = __TS__Await(createTemp(path))
        local fd = ____TS__Await_result_0.fd
        local temp = ____TS__Await_result_0.temp
        local closed = false
        local ____try = __TS__AsyncAwaiter(function()
            __TS__Await(writeAll(fd, data, false))
            __TS__Await(uv(function(done) return vim.uv.fs_fsync(fd, done) end))
            closed = true
            __TS__Await(close(fd))
            __TS__Await(____exports.rename(temp, path))
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    if not closed then
                        __TS__Await(close(fd):catch(function() return nil end))
                    end
                    __TS__Await(____exports.unlink(temp):catch(function() return nil end))
                    error(e, 0)
                end)
            end
        )
        __TS__Await(____try)
    end)
end
--- Writes `data` to `path` so that readers only ever see the old or the new content: a temp file in
-- the same directory is written, flushed to disk and renamed over `path`.
function ____exports.writeFileAtomic(path, data)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local ____try = __TS__AsyncAwaiter(function()
            __TS__Await(writeThroughTemp(path, data))
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    error(
                        (("could not write " .. path) .. ": ") .. errorText(e),
                        0
                    )
                end)
            end
        )
        __TS__Await(____try)
    end)
end
--- Creates `path` holding `content`, unless it exists (O_EXCL): false then. A reader may see it
-- empty for a moment, between creation and write.
function ____exports.createNew(path, content)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local fd
        local ____hasReturned, ____returnValue
        local ____try = __TS__AsyncAwaiter(function()
            fd = __TS__Await(open(path, "wx", FILE_MODE))
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    if isExisting(e) then
                        ____hasReturned = true
                        ____returnValue = false
                        return
                    end
                    error(e, 0)
                end)
            end
        )
        __TS__Await(____try)
        if ____hasReturned then
            return ____awaiter_resolve(nil, ____returnValue)
        end
        local ____try = __TS__AsyncAwaiter(function()
            __TS__Await(writeAll(fd, content, false))
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    __TS__Await(close(fd):catch(function() return nil end))
                    __TS__Await(____exports.unlink(path):catch(function() return nil end))
                    error(e, 0)
                end)
            end
        )
        __TS__Await(____try)
        __TS__Await(close(fd))
        return ____awaiter_resolve(nil, true)
    end)
end
--- Appends `data` to `path`, creating it when missing.
function ____exports.appendFile(path, data)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local fd = __TS__Await(open(path, "a", FILE_MODE))
        local ____try = __TS__AsyncAwaiter(function()
            __TS__Await(writeAll(fd, data, true))
        end)
        ____try = ____try.finally(
            ____try,
            function()
                return __TS__AsyncAwaiter(function()
                    __TS__Await(close(fd))
                end)
            end
        )
        __TS__Await(____try)
    end)
end
--- Creates `path` and its missing parents (mkdir -p).
function ____exports.mkdirp(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local ____hasReturned, ____returnValue
        local ____try = __TS__AsyncAwaiter(function()
            __TS__Await(uv(function(done) return vim.uv.fs_mkdir(path, DIR_MODE, done) end))
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    if isExisting(e) then
                        if __TS__Await(____exports.stat(path)).type ~= "directory" then
                            error(path .. " exists and is not a directory", 0)
                        end
                        ____hasReturned = true
                        return
                    end
                    local parent = vim.fs.dirname(path)
                    if not isMissing(e) or parent == path then
                        error(e, 0)
                    end
                    __TS__Await(____exports.mkdirp(parent))
                    __TS__Await(____exports.mkdirp(path))
                end)
            end
        )
        __TS__Await(____try)
        if ____hasReturned then
            return ____awaiter_resolve(nil, ____returnValue)
        end
    end)
end
local function entriesOf(handle)
    local entries = {}
    do
        while true do
            local name, kind = vim.uv.fs_scandir_next(handle)
            if name == nil then
                break
            end
            entries[#entries + 1] = {name = name, type = kind or "unknown"}
        end
    end
    return entries
end
--- The entries of a directory; a missing directory has none.
function ____exports.listDir(path)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local handle = __TS__Await(unlessMissing(
            uv(function(done) return vim.uv.fs_scandir(path, done) end),
            nil
        ))
        return ____awaiter_resolve(
            nil,
            handle == nil and ({}) or entriesOf(handle)
        )
    end)
end
--- The entries of a directory, listed synchronously; a missing or unreadable directory has none.
-- Only where an answer is needed at once (command-line completion).
function ____exports.listDirSync(path)
    local handle = vim.uv.fs_scandir(path)
    return handle == nil and ({}) or entriesOf(handle)
end
--- Writes `path` whole through a temp file and a rename, synchronously. Only for Neovim's exit,
-- when an asynchronous write would never finish.
function ____exports.writeFileAtomicSync(path, text)
    local temp = ((path .. ".exit-") .. tostring(vim.fn.getpid())) .. ".tmp"
    local fd, oerr = vim.uv.fs_open(temp, "w", 420)
    if fd == nil then
        return oerr
    end
    local ____, werr = vim.uv.fs_write(fd, text, 0)
    vim.uv.fs_fsync(fd)
    vim.uv.fs_close(fd)
    if werr ~= nil then
        vim.uv.fs_unlink(temp)
        return werr
    end
    local ____, rerr = vim.uv.fs_rename(temp, path)
    return rerr
end
return ____exports
