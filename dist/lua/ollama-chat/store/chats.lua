local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local ____transcript = require("ollama-chat.format.transcript")
local parse = ____transcript.parse
local parseAssistantHeading = ____transcript.parseAssistantHeading
local render = ____transcript.render
local renderMessage = ____transcript.renderMessage
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____async = require("ollama-chat.store.async")
local deliver = ____async.deliver
local errorText = ____async.errorText
local isMissing = ____async.isMissing
local ____chatdir = require("ollama-chat.store.chatdir")
local chatsDir = ____chatdir.chatsDir
local scan = ____chatdir.scan
local withChatsLock = ____chatdir.withChatsLock
local ____chatfile = require("ollama-chat.store.chatfile")
local fileName = ____chatfile.fileName
local parseFileName = ____chatfile.parseFileName
local checkName = ____chatfile.sanitize_name
local timestampDate = ____chatfile.timestampDate
local ____fs = require("ollama-chat.store.fs")
local exists = ____fs.exists
local listDirSync = ____fs.listDirSync
local mkdirp = ____fs.mkdirp
local readFile = ____fs.readFile
local stat = ____fs.stat
local unlink = ____fs.unlink
local writeFileAtomic = ____fs.writeFileAtomic
--- Checks a chat name typed by the user; see chatfile.sanitize_name.
function ____exports.sanitize_name(input)
    return checkName(input)
end
--- File text → lines: one line per "\n"-terminated line (a last line without "\n" counts too).
-- CRLF (a file edited on Windows) reads as LF, or no heading would be found in it.
local function textLines(text)
    if text == "" then
        return {}
    end
    local lines = vim.split((string.gsub(text, "\r\n", "\n")), "\n", {plain = true})
    if lines[#lines] == "" then
        table.remove(lines)
    end
    return lines
end
local function linesText(lines)
    return #lines == 0 and "" or table.concat(lines, "\n") .. "\n"
end
local function sameMessage(a, b)
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
--- The exact model of the last assistant heading, read from the end.
local function lastModel(lines)
    do
        local i = #lines - 1
        while i >= 0 do
            local model = parseAssistantHeading(lines[i + 1])
            if model ~= nil then
                return model
            end
            i = i - 1
        end
    end
    return nil
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
--- A path for a new file of `name` that no file uses yet (a later second when taken).
local function freePath(dir, name, model)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        do
            local t = os.time()
            while true do
                local path = (dir .. "/") .. fileName(name, model, t)
                if not __TS__Await(exists(path)) then
                    return ____awaiter_resolve(nil, path)
                end
                t = t + 1
            end
        end
    end)
end
local function saveUnlocked(dir, name, model, messages)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local best
        local other
        for ____, chat in ipairs(__TS__ArrayFilter(
            __TS__Await(scan(dir)),
            function(____, c) return c.name == name end
        )) do
            local lines = textLines(__TS__Await(readFile(chat.path)))
            local saved = parse(lines)
            local common = commonPrefix(saved, messages)
            if common == #messages then
                return ____awaiter_resolve(
                    nil,
                    {
                        action = "unchanged",
                        name = name,
                        path = chat.path,
                        added = 0,
                        message = ((("Chat \"" .. name) .. "\" is already saved in ") .. display(chat.path)) .. ": nothing new to add."
                    }
                )
            end
            if common == #saved then
                if best == nil or common > best.count then
                    best = {chat = chat, lines = lines, count = common}
                end
            elseif other == nil then
                other = chat
            end
        end
        if best ~= nil then
            local lines = best.lines
            local tail = render(__TS__ArraySlice(messages, best.count))
            if #lines > 0 then
                lines[#lines + 1] = ""
            end
            for ____, l in ipairs(tail) do
                lines[#lines + 1] = l
            end
            __TS__Await(writeFileAtomic(
                best.chat.path,
                linesText(lines)
            ))
            local added = #messages - best.count
            return ____awaiter_resolve(
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
        local path = __TS__Await(freePath(dir, name, model))
        __TS__Await(writeFileAtomic(
            path,
            linesText(render(messages))
        ))
        if other ~= nil then
            return ____awaiter_resolve(
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
        return ____awaiter_resolve(
            nil,
            {
                action = "created",
                name = name,
                path = path,
                added = #messages,
                message = ((((("Saved chat \"" .. name) .. "\" (") .. plural(#messages, "message")) .. ") to ") .. display(path)) .. "."
            }
        )
    end)
end
local function saveChat(rawName, model, messages)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local check = checkName(rawName)
        if not check.ok then
            error(check.reason, 0)
        end
        if type(messages) ~= "table" or #messages == 0 then
            error("Nothing to save: the chat has no messages yet.", 0)
        end
        local dir = chatsDir()
        local ____hasReturned, ____returnValue
        local ____try = __TS__AsyncAwaiter(function()
            __TS__Await(mkdirp(dir))
            ____hasReturned = true
            ____returnValue = __TS__Await(withChatsLock(
                dir,
                function() return saveUnlocked(dir, check.name, model, messages) end
            ))
            return
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    error(
                        (("Could not save chat \"" .. check.name) .. "\": ") .. errorText(e),
                        0
                    )
                end)
            end
        )
        __TS__Await(____try)
        if ____hasReturned then
            return ____awaiter_resolve(nil, ____returnValue)
        end
    end)
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
function ____exports.save(name, model, messages, cb)
    deliver(
        saveChat(name, model, messages),
        reportTo(
            cb,
            function(r) return r.message end
        )
    )
end
local function listChats()
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local out = {}
        for ____, chat in ipairs(__TS__Await(scan(chatsDir()))) do
            local text = __TS__Await(readFile(chat.path):catch(function() return nil end))
            local ____describe_1 = describe
            local ____temp_0
            if text == nil then
                ____temp_0 = nil
            else
                ____temp_0 = lastModel(textLines(text))
            end
            out[#out + 1] = ____describe_1(chat, ____temp_0)
        end
        return ____awaiter_resolve(nil, out)
    end)
end
--- The saved chats, newest (last saved) first.
function ____exports.list(cb)
    deliver(
        listChats(),
        cb
    )
end
--- The names of the saved chats, newest first, each once. Synchronous (one directory listing, no
-- file read) because command-line completion must answer at once.
function ____exports.names()
    local seen = {}
    local entries = {}
    for ____, entry in ipairs(listDirSync(chatsDir())) do
        local parsed = parseFileName(entry.name)
        if parsed ~= nil then
            entries[#entries + 1] = parsed
        end
    end
    __TS__ArraySort(
        entries,
        function(____, a, b) return a.timestamp ~= b.timestamp and (a.timestamp > b.timestamp and -1 or 1) or (a.name < b.name and -1 or (a.name > b.name and 1 or 0)) end
    )
    local out = {}
    for ____, e in ipairs(entries) do
        if seen[e.name] == nil then
            out[#out + 1] = e.name
        end
        seen[e.name] = true
    end
    return out
end
local function findChat(target)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        if (string.find(target, "[/\\]")) ~= nil then
            local parsed = parseFileName(vim.fs.basename(target))
            local info = __TS__Await(stat(target))
            local fallback = {
                name = vim.fs.basename(target),
                model = "unknown",
                timestamp = ""
            }
            return ____awaiter_resolve(
                nil,
                __TS__ObjectAssign(
                    {},
                    parsed or fallback,
                    {
                        file = vim.fs.basename(target),
                        path = target,
                        mtime = info.mtime.sec
                    }
                )
            )
        end
        local check = checkName(target)
        if not check.ok then
            error(check.cancelled and "No chat name given: nothing to load." or check.reason, 0)
        end
        for ____, chat in ipairs(__TS__Await(scan(chatsDir()))) do
            if chat.name == check.name then
                return ____awaiter_resolve(nil, chat)
            end
        end
        error(
            ((("No saved chat named \"" .. check.name) .. "\" in ") .. display(chatsDir())) .. "; the saved chats are listed by :Ollama load.",
            0
        )
    end)
end
local function readChat(target)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local chat
        local text
        local ____try = __TS__AsyncAwaiter(function()
            chat = __TS__Await(findChat(target))
            text = __TS__Await(readFile(chat.path))
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    if isMissing(e) then
                        error(("No saved chat at " .. target) .. ".", 0)
                    end
                    error(
                        errorText(e),
                        0
                    )
                end)
            end
        )
        __TS__Await(____try)
        local lines = textLines(text)
        local messages = parse(lines)
        if #messages == 0 then
            error(
                display(chat.path) .. " holds no chat: it has no \"## User\" or \"## Assistant\" heading.",
                0
            )
        end
        return ____awaiter_resolve(
            nil,
            {
                messages = messages,
                chat = describe(
                    chat,
                    lastModel(lines)
                )
            }
        )
    end)
end
--- Reads a saved chat: `target` is a name (its newest file) or a path. Calls back with the messages
-- and the chat's description.
function ____exports.read(target, cb)
    deliver(
        readChat(target),
        function(err, found) return cb(err, found and found.messages, found and found.chat) end
    )
end
local function deleteAll()
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local dir = chatsDir()
        if #__TS__Await(scan(dir)) == 0 then
            return ____awaiter_resolve(nil, 0)
        end
        return ____awaiter_resolve(
            nil,
            withChatsLock(
                dir,
                function()
                    return __TS__AsyncAwaiter(function(____awaiter_resolve)
                        local deleted = 0
                        local failed = {}
                        for ____, chat in ipairs(__TS__Await(scan(dir))) do
                            local ____try = __TS__AsyncAwaiter(function()
                                __TS__Await(unlink(chat.path))
                                deleted = deleted + 1
                            end)
                            ____try = ____try.catch(
                                ____try,
                                function(____, e)
                                    return __TS__AsyncAwaiter(function()
                                        if not isMissing(e) then
                                            failed[#failed + 1] = ((chat.file .. " (") .. errorText(e)) .. ")"
                                        end
                                    end)
                                end
                            )
                            __TS__Await(____try)
                        end
                        if #failed > 0 then
                            error(
                                ((("Deleted " .. plural(deleted, "saved chat")) .. ", but could not delete ") .. table.concat(failed, ", ")) .. ".",
                                0
                            )
                        end
                        return ____awaiter_resolve(nil, deleted)
                    end)
                end
            )
        )
    end)
end
--- Deletes every saved chat (only files named like one, in the chats folder); calls back with how
-- many. Without `cb`, the outcome is notified.
function ____exports.delete_all(cb)
    deliver(
        deleteAll(),
        reportTo(
            cb,
            function(n) return ((("Deleted " .. plural(n, "saved chat")) .. " from ") .. display(chatsDir())) .. "." end
        )
    )
end
--- How many saved chats there are.
function ____exports.count(cb)
    local ____deliver_7 = deliver
    local ____self_6 = scan(chatsDir())
    ____deliver_7(
        ____self_6["then"](
            ____self_6,
            function(____, found) return #found end
        ),
        cb
    )
end
return ____exports
