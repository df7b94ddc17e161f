-- generated from src/ollama-chat/store/chats.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local readTail, TAIL_BYTES
local ____transcript = require("ollama-chat.format.transcript")
local isHeading = ____transcript.isHeading
local lastModel = ____transcript.lastModel
local parse = ____transcript.parse
local renderMessage = ____transcript.renderMessage
local ____sliced = require("ollama-chat.format.sliced")
local parseLines = ____sliced.parseLines
local renderInto = ____sliced.renderInto
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____async = require("ollama-chat.store.async")
local SLICE_NS = ____async.SLICE_NS
local eachSeries = ____async.eachSeries
local errorText = ____async.errorText
local isMissing = ____async.isMissing
local sliced = ____async.sliced
local sortSliced = ____async.sortSliced
local ____then = ____async["then"]
local ____chatdir = require("ollama-chat.store.chatdir")
local chatsDir = ____chatdir.chatsDir
local scan = ____chatdir.scan
local scanNames = ____chatdir.scanNames
local withChatsLock = ____chatdir.withChatsLock
local ____chatfile = require("ollama-chat.store.chatfile")
local fileName = ____chatfile.fileName
local parseFileName = ____chatfile.parseFileName
local checkName = ____chatfile.sanitize_name
local timestampDate = ____chatfile.timestampDate
local ____fs = require("ollama-chat.store.fs")
local exists = ____fs.exists
local mkdirp = ____fs.mkdirp
local readFile = ____fs.readFile
local stat = ____fs.stat
local unlink = ____fs.unlink
local writeFileAtomic = ____fs.writeFileAtomic
function readTail(path, size, cb)
    vim.uv.fs_open(
        path,
        "r",
        0,
        function(oerr, fd)
            if oerr ~= nil or fd == nil then
                return vim.schedule(function() return cb(nil) end)
            end
            vim.uv.fs_read(
                fd,
                TAIL_BYTES,
                math.max(0, size - TAIL_BYTES),
                function(_rerr, data)
                    vim.uv.fs_close(
                        fd,
                        function() return vim.schedule(function() return cb(data) end) end
                    )
                end
            )
        end
    )
end
-- Saved chats: `<data_dir>/chats/<name>_<model>_<YYYYmmdd-HHMMSS>.txt`, each holding the chat as
-- the chat buffer shows it (format/transcript.ts). Every change happens under the folder's lock and
-- is written atomically, so two Neovims saving at once neither leave a half file nor lose a turn.
-- 
-- Saving under a name that exists appends: the file whose messages begin the conversation gets the
-- messages it lacks; its last message, a user message the conversation's has grown from, is a
-- draft saved as it was then, replaced by what it became. A file with a different history is
-- never rewritten: the chat is saved to a new file under the same name (a later timestamp) and the
-- message says so.
-- 
-- Nothing here holds the event loop for more than a few milliseconds: big chat texts are split,
-- parsed and built in slices across event-loop turns, the folder is listed in slices, and the
-- names that completion needs come from a cache kept fresh in the background.
--- How many of the newest chats `list` reads the exact model of.
____exports.LIST_DETAILED = 100
--- Chats per slice after the first, in `list_slices`.
local LIST_SLICE = 500
TAIL_BYTES = 64 * 1024
--- Checks a chat name typed by the user; see chatfile.sanitize_name.
function ____exports.sanitize_name(input)
    return checkName(input)
end
--- File text → lines, in slices: one line per "\n"-terminated line (a last line without "\n"
-- counts too). CRLF (a file edited on Windows) reads as LF, or no heading would be found in it.
local function textLines(text, cb)
    local lines = {}
    local pos = 1
    local slice
    slice = function()
        local started = vim.uv.hrtime()
        while pos <= #text do
            local nl = string.find(text, "\n", pos, true)
            local stop = nl or #text + 1
            local line = string.sub(text, pos, stop - 1)
            if nl ~= nil and string.sub(line, -1) == "\r" then
                line = string.sub(line, 1, -2)
            end
            lines[#lines + 1] = line
            pos = stop + 1
            if #lines % 256 == 0 and vim.uv.hrtime() - started > SLICE_NS then
                return vim.schedule(slice)
            end
        end
        cb(lines)
    end
    slice()
end
local function linesText(lines)
    return #lines == 0 and "" or table.concat(lines, "\n") .. "\n"
end
local function sameMessage(a, b)
    -- Equal fields render equally (and Lua compares strings at once); otherwise compared as they
    -- are written, since what the file can hold is what counts.
    if a.role == b.role and a.content == b.content and a.model == b.model and (a.thinking or "") == (b.thinking or "") then
        return true
    end
    return table.concat(
        renderMessage(a),
        "\n"
    ) == table.concat(
        renderMessage(b),
        "\n"
    )
end
--- How many messages `a` and `b` share from the start.
local function commonPrefix(a, b)
    local n = 0
    while n < #a and n < #b and sameMessage(a[n + 1], b[n + 1]) do
        n = n + 1
    end
    return n
end
local function describe(chat, exactModel)
    return {
        name = chat.name,
        model = chat.model,
        exact_model = exactModel,
        timestamp = chat.timestamp,
        created = timestampDate(chat.timestamp),
        saved = os.date("%Y-%m-%d %H:%M:%S", chat.mtime),
        mtime = chat.mtime,
        file = chat.file,
        path = chat.path
    }
end
local function display(path)
    return vim.fn.fnamemodify(path, ":~")
end
local function plural(n, word)
    return ((tostring(n) .. " ") .. word) .. (n == 1 and "" or "s")
end
-- ---- the names cache (completion) -------------------------------------------------------------
--- Saved chat names newest first, as last listed; refreshed in the background.
local nameCache
local refreshing
local refreshWaiters = {}
--- A cached list older than this is refreshed when asked for (and still answered from).
local NAMES_FRESH_MS = 2000
--- Digits complemented: ascending order of the keys is descending order of the timestamps.
local COMPLEMENT = {
    ["0"] = "9",
    ["1"] = "8",
    ["2"] = "7",
    ["3"] = "6",
    ["4"] = "5",
    ["5"] = "4",
    ["6"] = "3",
    ["7"] = "2",
    ["8"] = "1",
    ["9"] = "0"
}
--- A file's sort key for the names: newest first, then by name ("\0" cannot be in a name).
local function nameKey(e)
    return ((string.gsub(e.timestamp, "%d", COMPLEMENT)) .. "\0") .. e.name
end
--- The names of sorted keys, each once.
local function uniqueNames(keys)
    local seen = {}
    local out = {}
    for ____, key in ipairs(keys) do
        local name = string.match(key, "%z(.*)$")
        if name ~= nil and not (seen[name] ~= nil) then
            seen[name] = true
            out[#out + 1] = name
        end
    end
    return out
end
local function namesOf(entries)
    local keys = {}
    for ____, e in ipairs(entries) do
        keys[#keys + 1] = nameKey(e)
    end
    table.sort(keys)
    return uniqueNames(keys)
end
--- namesOf in slices (a table.sort of 20,000 entries holds the loop for about 40 ms).
local function namesInSlices(entries, cb)
    local keys = {}
    sliced(
        #entries,
        function(i)
            local ____temp_0 = #keys + 1
            keys[____temp_0] = nameKey(entries[i + 1])
            return nil
        end,
        function() return sortSliced(
            keys,
            function(sorted) return cb(uniqueNames(sorted)) end
        ) end
    )
end
--- Lists the names again in the background (one listing at a time); `cb` when the cache is new.
function ____exports.refresh_names(cb)
    local dir = chatsDir()
    -- One listing at a time: a call meanwhile is answered when it ends (another folder: after it).
    if refreshing ~= nil then
        if cb ~= nil then
            refreshWaiters[#refreshWaiters + 1] = refreshing == dir and cb or (function() return ____exports.refresh_names(cb) end)
        end
        return
    end
    refreshing = dir
    scanNames(
        dir,
        function(err, named)
            local function done(names)
                if names ~= nil then
                    nameCache = {
                        dir = dir,
                        names = names,
                        at = vim.uv.now()
                    }
                end
                refreshing = nil
                local waiting = refreshWaiters
                refreshWaiters = {}
                if cb ~= nil then
                    cb()
                end
                for ____, w in ipairs(waiting) do
                    w()
                end
            end
            if err ~= nil or named == nil then
                return done()
            end
            local entries = {}
            for ____, n in ipairs(named) do
                entries[#entries + 1] = n.parsed
            end
            namesInSlices(entries, done)
        end
    )
end
--- Whether names() answers from a listing of the chats folder (else it has none yet).
function ____exports.names_known()
    return nameCache ~= nil and nameCache.dir == chatsDir()
end
--- The first listing, when no cache exists yet, may take this long synchronously.
local FIRST_LISTING_NS = 10000000
--- The names listed synchronously, unless that takes longer than FIRST_LISTING_NS (a folder of
-- thousands): undefined then, and the background listing answers the next call.
local function quickNames(dir)
    local started = vim.uv.hrtime()
    local handle = vim.uv.fs_scandir(dir)
    if handle == nil then
        return {}
    end
    local entries = {}
    do
        while true do
            local name = vim.uv.fs_scandir_next(handle)
            if name == nil then
                break
            end
            local parsed = parseFileName(name)
            if parsed ~= nil then
                entries[#entries + 1] = parsed
            end
            if vim.uv.hrtime() - started > FIRST_LISTING_NS then
                return nil
            end
        end
    end
    return namesOf(entries)
end
--- The names of the saved chats, newest first, each once, for command-line completion, which must
-- answer at once: from a cache, refreshed in the background when older than 2 s (so the next call
-- sees chats saved meanwhile, by any Neovim). Without a cache yet, a folder listed within 10 ms
-- answers at once; a bigger one has no names until the background listing (the startup cleanup
-- does one) ends.
function ____exports.names()
    local dir = chatsDir()
    if nameCache == nil or nameCache.dir ~= dir then
        local quick = quickNames(dir)
        if quick ~= nil then
            nameCache = {
                dir = dir,
                names = quick,
                at = vim.uv.now()
            }
        else
            ____exports.refresh_names()
        end
    elseif vim.uv.now() - nameCache.at > NAMES_FRESH_MS then
        ____exports.refresh_names()
    end
    return nameCache ~= nil and nameCache.dir == dir and __TS__ArraySlice(nameCache.names) or ({})
end
-- ---- save ---------------------------------------------------------------------------------------
--- A path for a new file of `name` that no file uses yet (a later second when taken).
local function freePath(dir, name, model, cb)
    local tryTime
    tryTime = function(t)
        local path = (dir .. "/") .. fileName(name, model, t)
        exists(
            path,
            ____then(
                cb,
                function(taken)
                    local ____taken_3
                    if taken then
                        ____taken_3 = tryTime(t + 1)
                    else
                        ____taken_3 = cb(nil, path)
                    end
                    return ____taken_3
                end
            )
        )
    end
    tryTime(os.time())
end
--- Whether `now` is the user message `before` with text added: a draft saved as it was then, which
-- saving again replaces (anything else in its place is another conversation, saved apart).
local function grewFrom(now, before)
    return before.role == "user" and now.role == "user" and type(now.content) == "string" and type(before.content) == "string" and vim.startswith(now.content, before.content)
end
--- The lines of a transcript without its last message (and the blank line before it).
local function withoutLastMessage(lines)
    local last = #lines - 1
    while last >= 0 and not isHeading(lines[last + 1]) do
        last = last - 1
    end
    local kept = __TS__ArraySlice(
        lines,
        0,
        math.max(last, 0)
    )
    while #kept > 0 and kept[#kept] == "" do
        table.remove(kept)
    end
    return kept
end
--- The settings section a conversation starts with, if any, and its history after it.
local function splitSettings(messages)
    return #messages > 0 and messages[1].role == "settings" and ({
        settings = messages[1],
        history = __TS__ArraySlice(messages, 1)
    }) or ({history = messages})
end
local function sameSettings(a, b)
    local ____temp_4
    if a == nil or b == nil then
        ____temp_4 = a == b
    else
        ____temp_4 = sameMessage(a, b)
    end
    return ____temp_4
end
local function survey(dir, name, messages, cb)
    local found = {}
    -- The settings section is not history: a chat whose settings changed is the same conversation.
    local ____splitSettings_result_5 = splitSettings(messages)
    local nowSettings = ____splitSettings_result_5.settings
    local history = ____splitSettings_result_5.history
    scan(
        dir,
        ____then(
            cb,
            function(files)
                eachSeries(
                    files,
                    function(chat, done)
                        if found.unchanged ~= nil then
                            return done()
                        end
                        readFile(
                            chat.path,
                            ____then(
                                done,
                                function(text) return textLines(
                                    text,
                                    function(lines) return parseLines(
                                        lines,
                                        function(all)
                                            local ____splitSettings_result_6 = splitSettings(all)
                                            local savedSettings = ____splitSettings_result_6.settings
                                            local saved = ____splitSettings_result_6.history
                                            local settled = sameSettings(savedSettings, nowSettings)
                                            local common = commonPrefix(saved, history)
                                            local draft = common == #saved - 1 and common < #history and grewFrom(history[common + 1], saved[common + 1])
                                            if settled and common == #history then
                                                found.unchanged = chat
                                            elseif common == #saved or draft then
                                                local count = common + (settled and savedSettings ~= nil and 1 or 0)
                                                if found.best == nil or count > found.best.count then
                                                    found.best = {
                                                        chat = chat,
                                                        lines = draft and withoutLastMessage(lines) or lines,
                                                        count = count,
                                                        rewrite = not settled
                                                    }
                                                end
                                            elseif found.other == nil then
                                                found.other = chat
                                            end
                                            done()
                                        end
                                    ) end
                                ) end
                            )
                        )
                    end,
                    ____then(
                        cb,
                        function() return cb(nil, found) end
                    )
                )
            end
        ),
        name
    )
end
local function saveUnlocked(dir, name, model, messages, cb)
    survey(
        dir,
        name,
        messages,
        ____then(
            cb,
            function(____bindingPattern0)
                local other
                local unchanged
                local best
                best = ____bindingPattern0.best
                unchanged = ____bindingPattern0.unchanged
                other = ____bindingPattern0.other
                if unchanged ~= nil then
                    return cb(
                        nil,
                        {
                            action = "unchanged",
                            name = name,
                            path = unchanged.path,
                            added = 0,
                            message = ((("Chat \"" .. name) .. "\" is already saved in ") .. display(unchanged.path)) .. ": nothing new to add."
                        }
                    )
                end
                if best ~= nil and best.rewrite == true then
                    local lines = {}
                    return renderInto(
                        lines,
                        messages,
                        function() return writeFileAtomic(
                            best.chat.path,
                            linesText(lines),
                            ____then(
                                cb,
                                function()
                                    local added = #splitSettings(messages).history - best.count
                                    cb(
                                        nil,
                                        {
                                            action = "appended",
                                            name = name,
                                            path = best.chat.path,
                                            added = added,
                                            message = ((((("Saved chat \"" .. name) .. "\": its settings updated") .. (added > 0 and (", " .. plural(added, "message")) .. " added" or "")) .. ", in ") .. display(best.chat.path)) .. "."
                                        }
                                    )
                                end
                            )
                        ) end
                    )
                end
                if best ~= nil then
                    local lines = best.lines
                    local tail = {}
                    return renderInto(
                        tail,
                        __TS__ArraySlice(messages, best.count),
                        function()
                            if #lines > 0 then
                                lines[#lines + 1] = ""
                            end
                            local text = linesText(lines) .. linesText(tail)
                            writeFileAtomic(
                                best.chat.path,
                                text,
                                ____then(
                                    cb,
                                    function()
                                        local added = #messages - best.count
                                        cb(
                                            nil,
                                            {
                                                action = "appended",
                                                name = name,
                                                path = best.chat.path,
                                                added = added,
                                                message = ((((("Saved chat \"" .. name) .. "\": added ") .. plural(added, "message")) .. " to ") .. display(best.chat.path)) .. "."
                                            }
                                        )
                                    end
                                )
                            )
                        end
                    )
                end
                freePath(
                    dir,
                    name,
                    model,
                    ____then(
                        cb,
                        function(path)
                            local lines = {}
                            renderInto(
                                lines,
                                messages,
                                function() return writeFileAtomic(
                                    path,
                                    linesText(lines),
                                    ____then(
                                        cb,
                                        function()
                                            if other ~= nil then
                                                return cb(
                                                    nil,
                                                    {
                                                        action = "forked",
                                                        name = name,
                                                        path = path,
                                                        added = #messages,
                                                        message = ((((("Saved chat \"" .. name) .. "\" to a new file, ") .. display(path)) .. ": ") .. other.file) .. " holds a different conversation under that name and was left as it is."
                                                    }
                                                )
                                            end
                                            cb(
                                                nil,
                                                {
                                                    action = "created",
                                                    name = name,
                                                    path = path,
                                                    added = #messages,
                                                    message = ((((("Saved chat \"" .. name) .. "\" (") .. plural(#messages, "message")) .. ") to ") .. display(path)) .. "."
                                                }
                                            )
                                        end
                                    )
                                ) end
                            )
                        end
                    )
                )
            end
        )
    )
end
local function reportTo(cb, message)
    if cb ~= nil then
        return cb
    end
    return function(err, result)
        if err ~= nil then
            notify(err, vim.log.levels.ERROR)
        else
            notify(message(result))
        end
    end
end
--- Saves `messages` under `name` (checked with sanitize_name): a new file, or appended to the file
-- of that name. `model` names the file. Without `cb`, the outcome is notified.
function ____exports.save(rawName, model, messages, cb)
    local report = reportTo(
        cb,
        function(r) return r.message end
    )
    local check = checkName(rawName)
    if not check.ok then
        return vim.schedule(function() return report(check.reason) end)
    end
    if type(messages) ~= "table" or #messages == 0 then
        return vim.schedule(function() return report("Nothing to save: the chat has no messages yet.") end)
    end
    local dir = chatsDir()
    local function failed(err)
        return report((("Could not save chat \"" .. check.name) .. "\": ") .. errorText(err))
    end
    mkdirp(
        dir,
        function(merr)
            if merr ~= nil then
                return failed(merr)
            end
            withChatsLock(
                dir,
                function(done) return saveUnlocked(
                    dir,
                    check.name,
                    model,
                    messages,
                    done
                ) end,
                function(err, result)
                    if err ~= nil then
                        return failed(err)
                    end
                    ____exports.refresh_names()
                    report(nil, result)
                end
            )
        end
    )
end
-- ---- list ---------------------------------------------------------------------------------------
--- Exact models read from files, by path, valid while the file's mtime and size are the same.
local modelCache = {}
local function cachedModel(chat)
    local c = modelCache[chat.path]
    return c ~= nil and c.mtime == chat.mtime and c.size == chat.size and c or nil
end
--- The exact model of a chat file: its last assistant heading, searched in its end first.
local function exactModel(chat, cb)
    local cached = cachedModel(chat)
    if cached ~= nil then
        return cb(cached.model)
    end
    local function remember(model)
        modelCache[chat.path] = {mtime = chat.mtime, size = chat.size, model = model}
        cb(model)
    end
    readTail(
        chat.path,
        chat.size,
        function(tail)
            -- The tail's first line may be cut: it is not trusted unless the tail is the whole file.
            local ____temp_7
            if tail == nil then
                ____temp_7 = nil
            else
                ____temp_7 = lastModel(parse(__TS__ArraySlice(
                    vim.split(tail, "\n", {plain = true}),
                    chat.size > TAIL_BYTES and 1 or 0
                )))
            end
            local model = ____temp_7
            if model ~= nil or chat.size <= TAIL_BYTES then
                return remember(model)
            end
            readFile(
                chat.path,
                function(err, text)
                    local ____temp_8
                    if err ~= nil or text == nil then
                        ____temp_8 = cb(nil)
                    else
                        ____temp_8 = textLines(
                            text,
                            function(lines) return parseLines(
                                lines,
                                function(messages) return remember(lastModel(messages)) end
                            ) end
                        )
                    end
                    return ____temp_8
                end
            )
        end
    )
end
--- The saved chats, newest (last saved) first, in slices: the first holds the `first` newest
-- (default LIST_DETAILED) with their exact models, as soon as the folder is listed; the others
-- follow in slices of 500 (exact models only when known from an earlier read).
function ____exports.list_slices(cb, opts)
    local first = opts and opts.first or ____exports.LIST_DETAILED
    scan(
        chatsDir(),
        function(err, files)
            if err ~= nil or files == nil then
                return cb(err or "could not list the saved chats", nil, true)
            end
            local head = __TS__ArraySlice(files, 0, first)
            local out = {}
            eachSeries(
                head,
                function(chat, done) return exactModel(
                    chat,
                    function(model)
                        out[#out + 1] = describe(chat, model)
                        done()
                    end
                ) end,
                function()
                    cb(nil, out, #files <= first)
                    local i = first
                    local slice
                    slice = function()
                        if i >= #files then
                            return
                        end
                        local part = {}
                        local started = vim.uv.hrtime()
                        while i < #files and #part < LIST_SLICE and vim.uv.hrtime() - started < SLICE_NS do
                            local ____files_12 = files
                            local ____i_11 = i
                            i = ____i_11 + 1
                            local chat = ____files_12[____i_11 + 1]
                            local ____describe_15 = describe
                            local ____opt_13 = cachedModel(chat)
                            part[#part + 1] = ____describe_15(chat, ____opt_13 and ____opt_13.model)
                        end
                        cb(nil, part, i >= #files)
                        if i < #files then
                            vim.schedule(slice)
                        end
                    end
                    if i < #files then
                        vim.schedule(slice)
                    end
                end
            )
        end
    )
end
--- The saved chats, newest (last saved) first; see `list_slices` for `exact_model`.
function ____exports.list(cb)
    local all = {}
    ____exports.list_slices(function(err, part, done)
        if err ~= nil then
            return cb(err)
        end
        for ____, c in ipairs(part) do
            all[#all + 1] = c
        end
        if done then
            cb(nil, all)
        end
    end)
end
-- ---- read ---------------------------------------------------------------------------------------
local function findChat(target, cb)
    if (string.find(target, "[/\\]")) ~= nil then
        return stat(
            target,
            ____then(
                cb,
                function(info)
                    local file = vim.fs.basename(target)
                    local parsed = parseFileName(file) or ({name = file, model = "unknown", timestamp = ""})
                    cb(
                        nil,
                        __TS__ObjectAssign({}, parsed, {file = file, path = target, mtime = info.mtime.sec, size = info.size})
                    )
                end
            )
        )
    end
    local check = checkName(target)
    if not check.ok then
        return vim.schedule(function() return cb(check.cancelled and "No chat name given: nothing to load." or check.reason) end)
    end
    scan(
        chatsDir(),
        ____then(
            cb,
            function(files)
                if #files > 0 then
                    return cb(nil, files[1])
                end
                cb(((("No saved chat named \"" .. check.name) .. "\" in ") .. display(chatsDir())) .. "; the saved chats are listed by :Ollama load.")
            end
        ),
        check.name
    )
end
--- Reads a saved chat: `target` is a name (its newest file) or a path. Calls back with the messages
-- and the chat's description.
function ____exports.read(target, cb)
    findChat(
        target,
        function(ferr, chat)
            local function failed(err)
                return cb(
                    isMissing(err) and ("No saved chat at " .. target) .. "." or errorText(err),
                    nil,
                    nil
                )
            end
            if ferr ~= nil then
                return failed(ferr)
            end
            readFile(
                chat.path,
                function(rerr, text)
                    if rerr ~= nil then
                        return failed(rerr)
                    end
                    textLines(
                        text,
                        function(lines) return parseLines(
                            lines,
                            function(messages)
                                if #messages == 0 then
                                    return cb(
                                        display(chat.path) .. " holds no chat: it has no \"## User\" or \"## Assistant\" heading.",
                                        nil,
                                        nil
                                    )
                                end
                                cb(
                                    nil,
                                    messages,
                                    describe(
                                        chat,
                                        lastModel(messages)
                                    )
                                )
                            end
                        ) end
                    )
                end
            )
        end
    )
end
-- ---- delete_all, count --------------------------------------------------------------------------
--- Deletes every saved chat (only files named like one, in the chats folder); calls back with how
-- many. Without `cb`, the outcome is notified.
function ____exports.delete_all(cb)
    local report = reportTo(
        cb,
        function(n) return ((("Deleted " .. plural(n, "saved chat")) .. " from ") .. display(chatsDir())) .. "." end
    )
    local dir = chatsDir()
    scan(
        dir,
        ____then(
            report,
            function(before)
                if #before == 0 then
                    return report(nil, 0)
                end
                withChatsLock(
                    dir,
                    function(done)
                        local deleted = 0
                        local failed = {}
                        scan(
                            dir,
                            ____then(
                                done,
                                function(files) return eachSeries(
                                    files,
                                    function(chat, next) return unlink(
                                        chat.path,
                                        function(err)
                                            if err == nil then
                                                deleted = deleted + 1
                                            elseif not isMissing(err) then
                                                failed[#failed + 1] = ((chat.file .. " (") .. errorText(err)) .. ")"
                                            end
                                            next()
                                        end
                                    ) end,
                                    function()
                                        if #failed > 0 then
                                            return done(((("Deleted " .. plural(deleted, "saved chat")) .. ", but could not delete ") .. table.concat(failed, ", ")) .. ".")
                                        end
                                        done(nil, deleted)
                                    end
                                ) end
                            )
                        )
                    end,
                    function(err, n)
                        ____exports.refresh_names()
                        report(err, n)
                    end
                )
            end
        )
    )
end
--- How many saved chats there are.
function ____exports.count(cb)
    scan(
        chatsDir(),
        ____then(
            cb,
            function(found) return cb(nil, #found) end
        )
    )
end
return ____exports
