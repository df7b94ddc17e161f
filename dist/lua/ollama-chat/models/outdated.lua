-- generated from src/ollama-chat/models/outdated.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local decode, readSaved, unknownDigests, FORMAT, MAX_AGE_DAYS, last, read
local ____names = require("ollama-chat.ollama.names")
local sameModel = ____names.sameModel
local fs = require("ollama-chat.store.fs")
local ____async = require("ollama-chat.store.async")
local isMissing = ____async.isMissing
local ____luadata = require("ollama-chat.store.luadata")
local parse = ____luadata.parse
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____changes = require("ollama-chat.models.changes")
local changes = ____changes.changes
local listing = require("ollama-chat.models.listing")
--- Where the last check is kept.
function ____exports.file()
    return vim.fn.stdpath("state") .. "/ollama-chat/outdated.lua"
end
function decode(text)
    local parsed = parse(text)
    if not parsed.ok then
        return parsed.error
    end
    local t = parsed.value
    if type(t) ~= "table" or t.format ~= FORMAT then
        return "not a saved check of this version"
    end
    if type(t.time) ~= "number" then
        return "no time"
    end
    if type(t.models) ~= "table" then
        return "no models"
    end
    local entries = {}
    for ____, m in ipairs(t.models) do
        if type(m) ~= "table" or type(m.name) ~= "string" or type(m.digest) ~= "string" then
            return "a model without a name or digest"
        end
        entries[#entries + 1] = {name = m.name, digest = m.digest}
    end
    return {entries = entries, time = t.time}
end
function readSaved()
    if read then
        return
    end
    read = true
    local path = ____exports.file()
    fs.readFile(
        path,
        function(err, text)
            if err ~= nil then
                if not isMissing(err) then
                    notify(("could not read the last outdated check (" .. err) .. "); run :Ollama outdated again", vim.log.levels.WARN)
                end
                return
            end
            local check = decode(text)
            if type(check) == "string" then
                notify(((path .. ": ignored (") .. check) .. "); the next :Ollama outdated writes it again", vim.log.levels.WARN)
                return
            end
            local c = check
            local days = math.floor((os.time() - c.time) / 86400)
            if days > MAX_AGE_DAYS or c.time > os.time() + 86400 then
                notify(
                    ("the last outdated check is from " .. tostring(days)) .. " days ago: not shown; run :Ollama outdated",
                    vim.log.levels.INFO
                )
                return
            end
            if last ~= nil and last.time >= c.time then
                return
            end
            last = c
            changes:publish({what = "outdated"})
        end
    )
end
function unknownDigests(check)
    for ____, e in ipairs(check.entries) do
        if e.digest == "" then
            return true
        end
    end
    return false
end
FORMAT = 1
MAX_AGE_DAYS = 30
read = false
--- The filtered result for the listing it was made from (redraws ask often).
local shown
local function digestOf(tags, name)
    if tags == nil then
        return nil
    end
    for ____, m in ipairs(tags) do
        if sameModel(m.name, name) then
            return m.digest or ""
        end
    end
    return nil
end
--- The last check's outdated models and its time (epoch seconds), or undefined when none ran; a
-- model whose digest changed since the check is left out.
function ____exports.lastCheck()
    readSaved()
    if last == nil then
        return nil
    end
    local tags = listing.tags()
    if shown ~= nil and shown.check == last and shown.tags == tags then
        return shown.result
    end
    local names = {}
    for ____, e in ipairs(last.entries) do
        local now = digestOf(tags, e.name)
        if e.digest == "" or now == nil or now == e.digest then
            names[#names + 1] = e.name
        end
    end
    shown = {check = last, tags = tags, result = {names = names, time = last.time}}
    return shown.result
end
local function encode(check)
    local lines = {
        "-- ollama-chat: the last :Ollama outdated (written by the plugin; deleting it is harmless)",
        "return {",
        ("  format = " .. tostring(FORMAT)) .. ",",
        ("  time = " .. string.format("%d", check.time)) .. ",",
        "  models = {"
    }
    for ____, e in ipairs(check.entries) do
        lines[#lines + 1] = ((("    { name = " .. string.format("%q", e.name)) .. ", digest = ") .. string.format("%q", e.digest)) .. " },"
    end
    __TS__ArrayPush(lines, "  },", "}", "")
    return table.concat(lines, "\n")
end
local function save(check)
    local path = ____exports.file()
    fs.mkdirp(
        vim.fs.dirname(path),
        function(err)
            if err ~= nil then
                return notify("could not keep the outdated check: " .. err, vim.log.levels.WARN)
            end
            fs.writeFileAtomic(
                path,
                encode(check),
                function(werr)
                    if werr ~= nil then
                        notify("could not keep the outdated check: " .. werr, vim.log.levels.WARN)
                    end
                end
            )
        end
    )
end
--- Reads one OllamaUpdateDone payload.
function ____exports.record(data)
    if type(data) ~= "table" then
        return
    end
    local p = data
    if p.error ~= nil then
        return
    end
    if type(p.available) == "table" then
        local tags = listing.tags()
        local entries = {}
        for ____, n in ipairs(p.available) do
            if type(n) == "string" then
                entries[#entries + 1] = {
                    name = n,
                    digest = digestOf(tags, n) or ""
                }
            end
        end
        last = {
            entries = entries,
            time = os.time()
        }
    elseif last ~= nil and type(p.updated) == "table" and #p.updated > 0 then
        local still = {}
        for ____, e in ipairs(last.entries) do
            if __TS__ArrayFind(
                p.updated,
                function(____, u) return sameModel(u, e.name) end
            ) == nil then
                still[#still + 1] = e
            end
        end
        last = {entries = still, time = last.time}
    else
        return
    end
    -- What is read back later must not replace what was just found.
    read = true
    changes:publish({what = "outdated"})
    local check = last
    if not unknownDigests(check) then
        return save(check)
    end
    -- Checked before the listing was known here (the view never opened): the digests it has now.
    listing.refreshTags(function()
        local tags = listing.tags()
        for ____, e in ipairs(check.entries) do
            if e.digest == "" then
                e.digest = digestOf(tags, e.name) or ""
            end
        end
        shown = nil
        if last == check then
            save(check)
        end
    end)
end
vim.api.nvim_create_autocmd(
    "User",
    {
        group = vim.api.nvim_create_augroup("ollama-chat-models-outdated", {clear = true}),
        pattern = "OllamaUpdateDone",
        callback = function(args) return ____exports.record(args.data) end
    }
)
return ____exports
