-- generated from src/ollama-chat/code/blocks.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____transcript = require("ollama-chat.format.transcript")
local THINKING_OPEN = ____transcript.THINKING_OPEN
local unescapeLine = ____transcript.unescapeLine
-- Fenced code blocks in markdown lines (a reply): where each starts and ends, its language, and
-- whether it was closed (a reply cut off mid-block leaves one open).
local BACKTICK = 96
local TILDE = 126
local SPACE = 32
local BACKSLASH = 92
--- Whether the line's first character after up to 3 spaces is a fence character: most lines are not.
local function mayBeFence(line)
    do
        local i = 1
        while i <= 4 do
            local c = string.byte(line, i)
            if c == BACKTICK or c == TILDE then
                return true
            end
            if c ~= SPACE then
                return false
            end
            i = i + 1
        end
    end
    return false
end
local function fenceOf(line)
    if not mayBeFence(line) then
        return nil
    end
    local indent, marker, info = string.match(line, "^( ? ? ?)(```+)(.*)$")
    if marker ~= nil then
        -- A backtick fence's info string may not hold a backtick (CommonMark).
        if (string.find(info, "`", 1, true)) ~= nil then
            return nil
        end
        return {indent = indent, marker = marker, info = info}
    end
    local indent2, marker2, info2 = string.match(line, "^( ? ? ?)(~~~+)(.*)$")
    if marker2 == nil then
        return nil
    end
    return {indent = indent2, marker = marker2, info = info2}
end
local function closes(open, line)
    local f = fenceOf(line)
    return f ~= nil and string.sub(f.marker, 1, 1) == string.sub(open.marker, 1, 1) and #f.marker >= #open.marker and vim.trim(f.info) == ""
end
--- Strips up to the opening fence's indentation from a code line, as CommonMark does.
local function dedent(line, indent)
    if indent == "" then
        return line
    end
    local i = 0
    while i < #indent and string.sub(line, i + 1, i + 1) == " " do
        i = i + 1
    end
    return string.sub(line, i + 1)
end
--- The fenced blocks of `lines`, in order. `stop` marks lines that end any open block (the chat's
-- turn headings: a reply cut off mid-block must not swallow the next turn). From the 0-based line
-- `from` on (indexes stay those of `lines`).
function ____exports.find(lines, stop, from)
    if from == nil then
        from = 0
    end
    local blocks = {}
    local open
    local current
    do
        local i = from
        while i < #lines do
            local line = lines[i + 1]
            if open ~= nil and current ~= nil then
                if stop ~= nil and stop(line) then
                    current.close = i
                    open = nil
                elseif closes(open, line) then
                    current.close = i
                    current.closed = true
                    open = nil
                else
                    local ____current_lines_0 = current.lines
                    ____current_lines_0[#____current_lines_0 + 1] = dedent(line, open.indent)
                end
            else
                local f = fenceOf(line)
                if f ~= nil then
                    open = f
                    local lang = string.match(
                        vim.trim(f.info),
                        "^(%S*)"
                    )
                    current = {
                        lang = lang or "",
                        open = i,
                        close = #lines,
                        lines = {},
                        closed = false
                    }
                    blocks[#blocks + 1] = current
                end
            end
            i = i + 1
        end
    end
    return blocks
end
--- The block whose fences or code hold line `index` (0-based).
function ____exports.at(blocks, index)
    for ____, b in ipairs(blocks) do
        if index >= b.open and index <= (b.closed and b.close or b.close - 1) then
            return b
        end
    end
    return nil
end
--- `block` found in the chat buffer's `lines` as code: its lines unescaped (the transcript escapes
-- lines that would read as its structure); undefined for a reply's thinking block, not code.
function ____exports.chatCode(lines, block)
    if lines[block.open + 1] == THINKING_OPEN then
        return nil
    end
    local code = {}
    -- Only a line starting with a backslash may be escaped: the rest are taken as they are.
    for ____, l in ipairs(block.lines) do
        code[#code + 1] = string.byte(l, 1) == BACKSLASH and unescapeLine(l) or l
    end
    block.lines = code
    return block
end
return ____exports
