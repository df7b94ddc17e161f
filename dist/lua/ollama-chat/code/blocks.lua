-- generated from src/ollama-chat/code/blocks.ts by TypeScriptToLua; do not edit
local ____exports = {}
local function fenceOf(line)
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
    local i = 0
    while i < #indent and string.sub(line, i + 1, i + 1) == " " do
        i = i + 1
    end
    return string.sub(line, i + 1)
end
--- The fenced blocks of `lines`, in order. `stop` marks lines that end any open block (the chat's
-- turn headings: a reply cut off mid-block must not swallow the next turn).
function ____exports.find(lines, stop)
    local blocks = {}
    local open
    local current
    do
        local i = 0
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
return ____exports
