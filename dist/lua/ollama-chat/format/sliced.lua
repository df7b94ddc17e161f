-- generated from src/ollama-chat/format/sliced.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local ____transcript = require("ollama-chat.format.transcript")
local THINKING_OPEN = ____transcript.THINKING_OPEN
local contentLines = ____transcript.contentLines
local isHeading = ____transcript.isHeading
local parse = ____transcript.parse
local renderMessage = ____transcript.renderMessage
-- Reading and writing chat text in slices of at most SLICE_NS, so a chat of any size never holds
-- the editor: transcript.parse and transcript.render, a message (or a piece of a large one) per
-- event-loop turn. The store reads and writes saved chats with them; the chat reads its buffer.
--- Longest stretch of work between two event-loop turns (the editor answers keys meanwhile).
____exports.SLICE_NS = 4000000
--- Content bytes rendered per event-loop turn when a message is large (on 0.10, 256 KB took 90 ms).
local RENDER_CHUNK = 64 * 1024
--- Body lines parsed per turn when a message is larger than 2 pieces (and holds no thinking).
local PARSE_PIECE = 2000
--- One message's lines (heading, body, the next heading when there is one) → `parse` in pieces of
-- PARSE_PIECE lines, `next` called once per piece until it returns the message. Content is joined
-- with "\n" across pieces; a piece after the first gets a blank line after its heading, the one
-- `parse` drops, and only the last piece has the layout blank and next heading at its end.
local function pieceParser(section)
    local heading = section[1]
    local firstBody = section[2] == "" and section[3] or section[2]
    -- A thinking block must be parsed whole (rare to be huge): one piece.
    local piece = firstBody == THINKING_OPEN and #section or PARSE_PIECE
    local at = 1
    local head
    local parts = {}
    return function()
        local stop = #section - at <= 2 * piece and #section or at + piece
        local lines = head == nil and ({heading}) or ({heading, ""})
        do
            local i = at
            while i < stop do
                lines[#lines + 1] = section[i + 1]
                i = i + 1
            end
        end
        local m = parse(lines)[1]
        if head == nil then
            head = m
        end
        parts[#parts + 1] = m.content
        at = stop
        if at < #section then
            return nil
        end
        return #parts == 1 and head or __TS__ObjectAssign(
            {},
            head,
            {content = table.concat(parts, "\n")}
        )
    end
end
--- transcript.parse in slices: the lines are cut at the headings and each message parsed on its own
-- turn (a large one in pieces). A message is parsed with the next heading after it, so it reads
-- exactly as in the whole.
function ____exports.parseLines(lines, cb)
    local parseSections
    local starts = {}
    local i = 0
    local findHeadings
    findHeadings = function()
        local started = vim.uv.hrtime()
        while i < #lines do
            if isHeading(lines[i + 1]) then
                starts[#starts + 1] = i
            end
            i = i + 1
            if i % 256 == 0 and vim.uv.hrtime() - started > ____exports.SLICE_NS then
                return vim.schedule(findHeadings)
            end
        end
        vim.schedule(parseSections)
    end
    local messages = {}
    local s = 0
    local next
    parseSections = function()
        local started = vim.uv.hrtime()
        while s < #starts do
            if next == nil then
                local last = s == #starts - 1
                next = pieceParser(__TS__ArraySlice(lines, starts[s + 1], last and #lines or starts[s + 1 + 1] + 1))
            end
            local message = next()
            if message ~= nil then
                messages[#messages + 1] = message
                next = nil
                s = s + 1
            end
            if vim.uv.hrtime() - started > ____exports.SLICE_NS then
                return vim.schedule(parseSections)
            end
        end
        cb(messages)
    end
    findHeadings()
end
--- transcript.render in slices: `out` gets the lines of `messages` (messages separated by a blank
-- line), a message or a RENDER_CHUNK of its content per turn. Content is cut only at "\n", and
-- contentLines(a .. "\n" .. b) is contentLines(a) followed by contentLines(b).
function ____exports.renderInto(out, messages, cb)
    local m = 0
    --- Where the rest of a large message's content starts, when one is being rendered.
    local pos
    local slice
    slice = function()
        local started = vim.uv.hrtime()
        while m < #messages do
            local message = messages[m + 1]
            local content = message.content
            if pos == nil then
                if #out > 0 then
                    out[#out + 1] = ""
                end
                local cut = type(content) == "string" and #content > RENDER_CHUNK and (string.find(content, "\n", RENDER_CHUNK, true)) or nil
                for ____, l in ipairs(renderMessage(cut == nil and message or __TS__ObjectAssign(
                    {},
                    message,
                    {content = string.sub(content, 1, cut - 1)}
                ))) do
                    out[#out + 1] = l
                end
                if cut ~= nil then
                    pos = cut + 1
                else
                    m = m + 1
                end
            else
                -- Substrings of the content, never copies of its rest: each turn costs its own chunk only.
                local nl = string.find(content, "\n", pos + RENDER_CHUNK, true)
                for ____, l in ipairs(contentLines(string.sub(content, pos, nl == nil and -1 or nl - 1))) do
                    out[#out + 1] = l
                end
                local ____temp_0
                if nl == nil then
                    ____temp_0 = nil
                else
                    ____temp_0 = nl + 1
                end
                pos = ____temp_0
                if pos == nil then
                    m = m + 1
                end
            end
            if vim.uv.hrtime() - started > ____exports.SLICE_NS then
                return vim.schedule(slice)
            end
        end
        cb()
    end
    slice()
end
return ____exports
