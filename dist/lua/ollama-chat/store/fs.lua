-- generated from src/ollama-chat/store/fs.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____async = require("ollama-chat.store.async")
local errorText = ____async.errorText
local isExisting = ____async.isExisting
local isMissing = ____async.isMissing
local ____then = ____async["then"]
local unlessMissing = ____async.unlessMissing
local uv = ____async.uv
-- File primitives of the store, asynchronous over libuv, in callbacks (store/async.ts): read,
-- atomic write (through a symbolic link, keeping the file's mode), append, mkdir -p, directory
-- listing. Synchronous reads and writes exist only for the preferences file (read once, on first
-- use, after a size check) and for Neovim's exit.
local CHUNK = 1024 * 1024
local FILE_MODE = 420
local DIR_MODE = 493
local uvx = vim.uv
local function open(path, flags, mode, cb)
    uv(
        function(done) return vim.uv.fs_open(path, flags, mode, done) end,
        cb
    )
end
local function close(fd, cb)
    uv(
        function(done) return vim.uv.fs_close(fd, done) end,
        function(err) return cb(err) end
    )
end
function ____exports.rename(from, to, cb)
    uv(
        function(done) return vim.uv.fs_rename(from, to, done) end,
        function(err) return cb(err) end
    )
end
function ____exports.unlink(path, cb)
    uv(
        function(done) return vim.uv.fs_unlink(path, done) end,
        function(err) return cb(err) end
    )
end
function ____exports.stat(path, cb)
    uv(
        function(done) return vim.uv.fs_stat(path, done) end,
        cb
    )
end
--- Whether `path` exists (anything that is not "no such file" counts as existing).
function ____exports.exists(path, cb)
    ____exports.stat(
        path,
        unlessMissing(
            nil,
            ____then(
                cb,
                function(info) return cb(nil, info ~= nil) end
            )
        )
    )
end
--- The whole content of a file.
function ____exports.readFile(path, cb)
    open(
        path,
        "r",
        0,
        ____then(
            cb,
            function(fd)
                local parts = {}
                local offset = 0
                local function finish(err)
                    return close(
                        fd,
                        function()
                            local ____temp_0
                            if err ~= nil then
                                ____temp_0 = cb(err)
                            else
                                ____temp_0 = cb(
                                    nil,
                                    table.concat(parts, "")
                                )
                            end
                            return ____temp_0
                        end
                    )
                end
                local readNext
                readNext = function()
                    uv(
                        function(done) return vim.uv.fs_read(fd, CHUNK, offset, done) end,
                        function(err, chunk)
                            if err ~= nil then
                                return finish(err)
                            end
                            if chunk == nil or chunk == "" then
                                return finish(nil)
                            end
                            parts[#parts + 1] = chunk
                            offset = offset + #chunk
                            if #chunk < CHUNK then
                                finish(nil)
                            else
                                readNext()
                            end
                        end
                    )
                end
                readNext()
            end
        )
    )
end
--- The whole content of a file, read synchronously: [text] or [undefined, error]. Only for the
-- preferences file, whose size the caller checked (at most 1 MB), read once on first use.
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
local function writeAll(fd, data, append, cb)
    local written = 0
    local writeNext
    writeNext = function()
        if written >= #data then
            return cb()
        end
        local rest = written == 0 and data or string.sub(data, written + 1)
        -- A negative offset writes at the file position (the end, for a file opened to append).
        local offset = append and -1 or written
        uv(
            function(done) return vim.uv.fs_write(fd, rest, offset, done) end,
            function(err, n)
                if err ~= nil then
                    return cb(err)
                end
                if n == nil or n <= 0 then
                    return cb(((("could not write to the file (wrote " .. tostring(written)) .. " of ") .. tostring(#data)) .. " bytes)")
                end
                written = written + n
                writeNext()
            end
        )
    end
    writeNext()
end
local tempCounter = 0
--- A temp file next to `path`: a dot file, unique to this process and call.
local function tempPathFor(path)
    tempCounter = tempCounter + 1
    return (((((vim.fs.dirname(path) .. "/.") .. vim.fs.basename(path)) .. ".tmp-") .. tostring(vim.uv.os_getpid())) .. "-") .. tostring(tempCounter)
end
--- Creates a new temp file next to `path` (never an existing one).
local function createTemp(path, attempt, cb)
    local temp = tempPathFor(path)
    open(
        temp,
        "wx",
        FILE_MODE,
        function(err, fd)
            -- A temp file left by a crashed process that had our pid: try the next name.
            if err ~= nil and isExisting(err) and attempt < 5 then
                return createTemp(path, attempt + 1, cb)
            end
            if err ~= nil then
                return cb(err)
            end
            cb(nil, {fd = fd, temp = temp})
        end
    )
end
--- `path` resolved through symbolic links (a link's target is relative to the link's folder).
local function resolveLinks(path, hops, cb)
    uvx.fs_lstat(
        path,
        function(lerr, info) return vim.schedule(function()
            if lerr ~= nil or info == nil or info.type ~= "link" then
                return cb(nil, path)
            end
            if hops >= 16 then
                return cb(path .. ": too many levels of symbolic links")
            end
            uvx.fs_readlink(
                path,
                function(rerr, target) return vim.schedule(function()
                    if rerr ~= nil or target == nil then
                        return cb(rerr or path .. ": unreadable link")
                    end
                    local next = string.sub(target, 1, 1) == "/" and target or (vim.fs.dirname(path) .. "/") .. target
                    resolveLinks(
                        vim.fs.normalize(next),
                        hops + 1,
                        cb
                    )
                end) end
            )
        end) end
    )
end
local function writeThroughTemp(path, data, mode, cb)
    createTemp(
        path,
        1,
        ____then(
            cb,
            function(____bindingPattern0)
                local temp
                local fd
                fd = ____bindingPattern0.fd
                temp = ____bindingPattern0.temp
                local function fail(err, closed)
                    local function removeTemp()
                        return ____exports.unlink(
                            temp,
                            function() return cb(err) end
                        )
                    end
                    if closed then
                        removeTemp()
                    else
                        close(fd, removeTemp)
                    end
                end
                local function write()
                    return writeAll(
                        fd,
                        data,
                        false,
                        function(werr)
                            if werr ~= nil then
                                return fail(werr, false)
                            end
                            uv(
                                function(done) return vim.uv.fs_fsync(fd, done) end,
                                function(serr)
                                    if serr ~= nil then
                                        return fail(serr, false)
                                    end
                                    close(
                                        fd,
                                        function(cerr)
                                            if cerr ~= nil then
                                                return fail(cerr, true)
                                            end
                                            ____exports.rename(
                                                temp,
                                                path,
                                                function(rerr)
                                                    local ____temp_1
                                                    if rerr ~= nil then
                                                        ____temp_1 = fail(rerr, true)
                                                    else
                                                        ____temp_1 = cb()
                                                    end
                                                    return ____temp_1
                                                end
                                            )
                                        end
                                    )
                                end
                            )
                        end
                    )
                end
                if mode == nil then
                    return write()
                end
                -- The file keeps its permissions (a private 0600 file stays private).
                uv(
                    function(done) return uvx.fs_fchmod(fd, mode, done) end,
                    function(merr)
                        local ____temp_2
                        if merr ~= nil then
                            ____temp_2 = fail(merr, false)
                        else
                            ____temp_2 = write()
                        end
                        return ____temp_2
                    end
                )
            end
        )
    )
end
--- Writes `data` to `path` so that readers only ever see the old or the new content: a temp file in
-- the same directory is written, flushed to disk and renamed over `path`. A symbolic link is
-- written through (its target is replaced, the link stays), and an existing file keeps its mode.
function ____exports.writeFileAtomic(path, data, cb)
    local function failed(err)
        return cb((("could not write " .. path) .. ": ") .. errorText(err))
    end
    resolveLinks(
        path,
        0,
        function(lerr, target)
            if lerr ~= nil then
                return failed(lerr)
            end
            ____exports.stat(
                target,
                function(serr, info)
                    if serr ~= nil and not isMissing(serr) then
                        return failed(serr)
                    end
                    local mode = info ~= nil and info.mode % 4096 or nil
                    writeThroughTemp(
                        target,
                        data,
                        mode,
                        function(err)
                            local ____temp_3
                            if err ~= nil then
                                ____temp_3 = failed(err)
                            else
                                ____temp_3 = cb()
                            end
                            return ____temp_3
                        end
                    )
                end
            )
        end
    )
end
--- Creates `path` holding `content`, unless it exists (O_EXCL): false then. A reader may see it
-- empty for a moment, between creation and write.
function ____exports.createNew(path, content, cb)
    open(
        path,
        "wx",
        FILE_MODE,
        function(err, fd)
            if err ~= nil then
                local ____isExisting_result_4
                if isExisting(err) then
                    ____isExisting_result_4 = cb(nil, false)
                else
                    ____isExisting_result_4 = cb(err)
                end
                return ____isExisting_result_4
            end
            writeAll(
                fd,
                content,
                false,
                function(werr)
                    if werr ~= nil then
                        return close(
                            fd,
                            function() return ____exports.unlink(
                                path,
                                function() return cb(werr) end
                            ) end
                        )
                    end
                    close(
                        fd,
                        function(cerr)
                            local ____temp_5
                            if cerr ~= nil then
                                ____temp_5 = cb(cerr)
                            else
                                ____temp_5 = cb(nil, true)
                            end
                            return ____temp_5
                        end
                    )
                end
            )
        end
    )
end
--- Appends `data` to `path`, creating it when missing.
function ____exports.appendFile(path, data, cb)
    open(
        path,
        "a",
        FILE_MODE,
        ____then(
            cb,
            function(fd)
                writeAll(
                    fd,
                    data,
                    true,
                    function(werr) return close(
                        fd,
                        function(cerr) return cb(werr or cerr) end
                    ) end
                )
            end
        )
    )
end
--- Creates `path` and its missing parents (mkdir -p).
function ____exports.mkdirp(path, cb)
    uv(
        function(done) return vim.uv.fs_mkdir(path, DIR_MODE, done) end,
        function(err)
            if err == nil then
                return cb()
            end
            if isExisting(err) then
                return ____exports.stat(
                    path,
                    ____then(
                        cb,
                        function(info) return cb(info.type ~= "directory" and path .. " exists and is not a directory" or nil) end
                    )
                )
            end
            local parent = vim.fs.dirname(path)
            if not isMissing(err) or parent == path then
                return cb(err)
            end
            ____exports.mkdirp(
                parent,
                ____then(
                    cb,
                    function() return ____exports.mkdirp(path, cb) end
                )
            )
        end
    )
end
--- The entries of a directory, listed in slices across event-loop turns (a folder may hold tens of
-- thousands); a missing directory has none.
function ____exports.listDir(path, cb)
    uv(
        function(done) return vim.uv.fs_scandir(path, done) end,
        unlessMissing(
            nil,
            ____then(
                cb,
                function(handle)
                    local entries = {}
                    if handle == nil then
                        return cb(nil, entries)
                    end
                    local slice
                    slice = function()
                        local started = vim.uv.hrtime()
                        do
                            while true do
                                local name, kind = vim.uv.fs_scandir_next(handle)
                                if name == nil then
                                    return cb(nil, entries)
                                end
                                entries[#entries + 1] = {name = name, type = kind or "unknown"}
                                if #entries % 256 == 0 and vim.uv.hrtime() - started > 4000000 then
                                    return vim.schedule(slice)
                                end
                            end
                        end
                    end
                    slice()
                end
            )
        )
    )
end
--- Synchronous stat: the preferences file's size, checked before its synchronous read.
function ____exports.statSync(path)
    local info = vim.uv.fs_stat(path)
    return info
end
--- Writes `path` whole through a temp file and a rename, synchronously, through a symbolic link and
-- keeping the file's mode. Only for Neovim's exit, when an asynchronous write would never finish.
function ____exports.writeFileAtomicSync(path, text)
    local target = path
    do
        local hops = 0
        while hops < 16 do
            local info = uvx.fs_lstat(target)
            if info == nil or info.type ~= "link" then
                break
            end
            local link = uvx.fs_readlink(target)
            if link == nil then
                break
            end
            target = vim.fs.normalize(string.sub(link, 1, 1) == "/" and link or (vim.fs.dirname(target) .. "/") .. link)
            hops = hops + 1
        end
    end
    local before = ____exports.statSync(target)
    local temp = ((target .. ".exit-") .. tostring(vim.fn.getpid())) .. ".tmp"
    local fd, oerr = vim.uv.fs_open(temp, "w", FILE_MODE)
    if fd == nil then
        return oerr
    end
    if before ~= nil then
        uvx.fs_fchmod(fd, before.mode % 4096)
    end
    local ____, werr = vim.uv.fs_write(fd, text, 0)
    vim.uv.fs_fsync(fd)
    vim.uv.fs_close(fd)
    if werr ~= nil then
        vim.uv.fs_unlink(temp)
        return werr
    end
    local ____, rerr = vim.uv.fs_rename(temp, target)
    return rerr
end
return ____exports
