-- generated from src/ollama-chat/format/transcript.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__ArrayEntries = ____lualib.__TS__ArrayEntries
local __TS__Iterator = ____lualib.__TS__Iterator
local ____exports = {}
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
-- The chat as text: what the chat buffer shows and what a saved chat file holds. One format, so a
-- saved chat loads back into the exact conversation.
-- 
--   ## Settings               (only when the chat has its own: chat/settings.ts)
-- 
--   think: off
-- 
--   ## System                 (only when there is a system prompt)
-- 
--   You are terse.
-- 
--   ## User
-- 
--   How do I quit?
-- 
--   ## Assistant (llama3.2:3b)
-- 
--   ~~~~thinking              (only for reasoning models)
--   The user wants...
--   ~~~~
-- 
--   Type `:q`.
-- 
-- Headings and the thinking fence are the structure; a content line that looks like one is written
-- with a `\` in front (and one more `\` for a line that already starts with `\` before such a
-- pattern), so any text, markdown headings and code fences included, survives a round trip.
____exports.USER_HEADING = "## User"
____exports.SYSTEM_HEADING = "## System"
____exports.SETTINGS_HEADING = "## Settings"
____exports.THINKING_OPEN = "~~~~thinking"
____exports.THINKING_CLOSE = "~~~~"
--- The thinking blocks of a chat's `lines` as 0-based [open fence, closing fence] rows, `offset` added.
function ____exports.thinkingBlocks(lines, offset)
    if offset == nil then
        offset = 0
    end
    local out = {}
    local open = -1
    do
        local i = 0
        while i < #lines do
            if lines[i + 1] == ____exports.THINKING_OPEN then
                open = i
            elseif lines[i + 1] == ____exports.THINKING_CLOSE and open >= 0 then
                out[#out + 1] = {offset + open, offset + i}
                open = -1
            end
            i = i + 1
        end
    end
    return out
end
function ____exports.assistantHeading(model)
    -- A model name from outside may hold a newline; the heading is one buffer line.
    return ("## Assistant (" .. inline(model)) .. ")"
end
--- The model named by an assistant heading, or undefined for any other line.
function ____exports.parseAssistantHeading(line)
    local model = string.match(line, "^## Assistant %((.+)%)$")
    return model or nil
end
local function isStructural(line)
    return line == ____exports.USER_HEADING or line == ____exports.SYSTEM_HEADING or line == ____exports.SETTINGS_HEADING or line == ____exports.THINKING_OPEN or line == ____exports.THINKING_CLOSE or ____exports.parseAssistantHeading(line) ~= nil
end
--- Whether a buffer line is a turn heading (used to find where messages start).
function ____exports.isHeading(line)
    return line == ____exports.USER_HEADING or line == ____exports.SYSTEM_HEADING or line == ____exports.SETTINGS_HEADING or ____exports.parseAssistantHeading(line) ~= nil
end
--- Escapes one content line so it cannot be read as structure.
function ____exports.escapeLine(line)
    local ____, rest = string.match(line, "^(\\*)(.*)$")
    return isStructural(rest) and "\\" .. line or line
end
function ____exports.unescapeLine(line)
    local slashes, rest = string.match(line, "^(\\+)(.*)$")
    if slashes ~= nil and isStructural(rest) then
        return string.sub(line, 2)
    end
    return line
end
--- Splits text into escaped lines (a final newline gives a final empty line).
function ____exports.contentLines(text)
    local out = {}
    for ____, line in ipairs(vim.split(text, "\n", {plain = true})) do
        out[#out + 1] = ____exports.escapeLine(line)
    end
    return out
end
local function headingFor(message)
    if message.role == "user" then
        return ____exports.USER_HEADING
    end
    if message.role == "system" then
        return ____exports.SYSTEM_HEADING
    end
    if message.role == "settings" then
        return ____exports.SETTINGS_HEADING
    end
    return ____exports.assistantHeading(message.model or "assistant")
end
--- The lines of one message: heading, blank, [thinking block, blank], content.
function ____exports.renderMessage(message)
    local lines = {
        headingFor(message),
        ""
    }
    if message.thinking ~= nil and message.thinking ~= "" then
        lines[#lines + 1] = ____exports.THINKING_OPEN
        for ____, l in ipairs(____exports.contentLines(message.thinking)) do
            lines[#lines + 1] = l
        end
        __TS__ArrayPush(lines, ____exports.THINKING_CLOSE, "")
    end
    for ____, l in ipairs(____exports.contentLines(message.content)) do
        lines[#lines + 1] = l
    end
    return lines
end
--- The whole transcript: messages separated by a blank line.
function ____exports.render(messages)
    local lines = {}
    for ____, ____value in __TS__Iterator(__TS__ArrayEntries(messages)) do
        local i = ____value[1]
        local m = ____value[2]
        if i > 0 then
            lines[#lines + 1] = ""
        end
        for ____, l in ipairs(____exports.renderMessage(m)) do
            lines[#lines + 1] = l
        end
    end
    return lines
end
local function bodyOf(section, isLast)
    local model = ____exports.parseAssistantHeading(section.heading)
    local role = section.heading == ____exports.USER_HEADING and "user" or (section.heading == ____exports.SYSTEM_HEADING and "system" or (section.heading == ____exports.SETTINGS_HEADING and "settings" or "assistant"))
    local body = section.body
    -- One blank line follows a heading and one precedes the next heading: layout, not content.
    -- The last message has no heading after it, so its trailing lines are all content.
    local first = 0
    local last = #body - 1
    if first <= last and body[first + 1] == "" then
        first = first + 1
    end
    if not isLast and last >= first and body[last + 1] == "" then
        last = last - 1
    end
    local thinking
    if role == "assistant" and body[first + 1] == ____exports.THINKING_OPEN then
        local parts = {}
        local i = first + 1
        while i <= last and body[i + 1] ~= ____exports.THINKING_CLOSE do
            parts[#parts + 1] = ____exports.unescapeLine(body[i + 1])
            i = i + 1
        end
        thinking = table.concat(parts, "\n")
        first = i + 1
        if first <= last and body[first + 1] == "" then
            first = first + 1
        end
    end
    local content = {}
    do
        local i = first
        while i <= last do
            content[#content + 1] = ____exports.unescapeLine(body[i + 1])
            i = i + 1
        end
    end
    local message = {
        role = role,
        content = table.concat(content, "\n")
    }
    if model ~= nil then
        message.model = model
    end
    if thinking ~= nil then
        message.thinking = thinking
    end
    return message
end
--- Reads a transcript back into messages. Text before the first heading is ignored.
function ____exports.parse(lines)
    local messages = {}
    local section
    for ____, line in ipairs(lines) do
        if ____exports.isHeading(line) then
            if section ~= nil then
                messages[#messages + 1] = bodyOf(section, false)
            end
            section = {heading = line, body = {}}
        elseif section ~= nil then
            local ____section_body_0 = section.body
            ____section_body_0[#____section_body_0 + 1] = line
        end
    end
    if section ~= nil then
        messages[#messages + 1] = bodyOf(section, true)
    end
    return messages
end
--- The model that wrote the last reply of `messages`, if any reply names one.
function ____exports.lastModel(messages)
    do
        local i = #messages - 1
        while i >= 0 do
            if messages[i + 1].model ~= nil then
                return messages[i + 1].model
            end
            i = i - 1
        end
    end
    return nil
end
return ____exports
