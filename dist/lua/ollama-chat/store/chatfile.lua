-- generated from src/ollama-chat/store/chatfile.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Names of saved chat files: `<name>_<model>_<YYYYmmdd-HHMMSS>.txt`.
-- 
-- `_` separates the fields, and both chat names ("my_notes") and Ollama model names ("q4_K_M")
-- may contain it. The name is what the user types to load a chat, so it is kept as given; the
-- model field is only a label (the exact model is in the transcript's assistant headings), so in
-- it every character other than letters, digits, `.` and `-` is written as `-` (`:` and `/`
-- included). The model field then holds no `_`, and a file name is read from the right:
-- timestamp, then model up to the last `_`, then the name (everything before).
____exports.MAX_NAME_BYTES = 100
local MAX_MODEL_BYTES = 80
local TIMESTAMP_FORMAT = "%Y%m%d-%H%M%S"
local FILE_PATTERN = "^(.+)_([%w%.%-]+)_(%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d)%.txt$"
local function reject(reason)
    return {ok = false, cancelled = false, reason = reason}
end
--- Checks a chat name typed by the user: trimmed; empty (or nil, a cancelled prompt) means cancel;
-- path separators, `..`, a leading dot, control characters and characters that Windows forbids in
-- file names are refused with the reason.
function ____exports.sanitize_name(input)
    if input == nil or type(input) ~= "string" then
        return {ok = false, cancelled = true, reason = "No name given: the chat was not saved."}
    end
    local name = vim.trim(input)
    if name == "" then
        return {ok = false, cancelled = true, reason = "No name given: the chat was not saved."}
    end
    if (string.find(name, "%c")) ~= nil then
        return reject("A chat name cannot contain control characters (tabs, line breaks).")
    end
    if (string.find(name, "[/\\]")) ~= nil then
        return reject(("A chat name cannot contain / or \\: \"" .. name) .. "\" would not stay in the chats folder.")
    end
    if (string.find(name, "..", 1, true)) ~= nil then
        return reject(("A chat name cannot contain \"..\": \"" .. name) .. "\".")
    end
    if string.sub(name, 1, 1) == "." then
        return reject(("A chat name cannot start with a dot: \"" .. name) .. "\".")
    end
    if (string.find(name, "[<>:\"|?*]")) ~= nil then
        return reject(("A chat name cannot contain any of < > : \" | ? *: \"" .. name) .. "\".")
    end
    if #name > ____exports.MAX_NAME_BYTES then
        return reject(((((("A chat name can be at most " .. tostring(____exports.MAX_NAME_BYTES)) .. " bytes long; \"") .. name) .. "\" has ") .. tostring(#name)) .. ".")
    end
    return {ok = true, name = name}
end
--- The model as written in a file name: `llama3.2:3b` → `llama3.2-3b`, `q4_K_M` → `q4-K-M`.
function ____exports.modelField(model)
    if type(model) ~= "string" then
        return "unknown"
    end
    local field = string.sub((string.gsub(model, "[^%w%.%-]", "-")), 1, MAX_MODEL_BYTES)
    return field == "" and "unknown" or field
end
--- YYYYmmdd-HHMMSS of a time in seconds (local time).
function ____exports.timestamp(time)
    return os.date(TIMESTAMP_FORMAT, time)
end
--- `<name>_<model>_<YYYYmmdd-HHMMSS>.txt`, for a name that passed `sanitize_name`.
function ____exports.fileName(name, model, time)
    return ((((name .. "_") .. ____exports.modelField(model)) .. "_") .. ____exports.timestamp(time)) .. ".txt"
end
--- The fields of a saved chat's file name, or undefined when the file is not a saved chat.
function ____exports.parseFileName(file)
    local name, model, stamp = string.match(file, FILE_PATTERN)
    if name == nil or model == nil or stamp == nil then
        return nil
    end
    -- Only names this plugin could have written: anything else in the folder is not ours.
    local check = ____exports.sanitize_name(name)
    if not check.ok or check.name ~= name then
        return nil
    end
    return {name = name, model = model, timestamp = stamp}
end
--- "2025-01-23 14:30:22" for the timestamp "20250123-143022".
function ____exports.timestampDate(stamp)
    local y, mo, d, h, mi, s = string.match(stamp, "^(%d%d%d%d)(%d%d)(%d%d)%-(%d%d)(%d%d)(%d%d)$")
    if y == nil then
        return stamp
    end
    return (((((((((y .. "-") .. mo) .. "-") .. d) .. " ") .. h) .. ":") .. mi) .. ":") .. s
end
return ____exports
