-- generated from src/ollama-chat/format/fence.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Markdown fences for code sent to a model: long enough that the code cannot close them.
--- A fence longer than any run of backticks in the code, so the code cannot close it.
function ____exports.fenceFor(lines)
    local longest = 0
    for ____, line in ipairs(lines) do
        for run in string.gmatch(line, "(`+)") do
            longest = math.max(longest, #run)
        end
    end
    return string.rep(
        "`",
        math.max(3, longest + 1)
    )
end
--- `lines` in a fenced block with its language, under a line (and a blank) that says what it is.
function ____exports.fenced(header, lang, lines)
    local fence = ____exports.fenceFor(lines)
    local parts = {header, "", fence .. lang}
    for ____, line in ipairs(lines) do
        parts[#parts + 1] = line
    end
    parts[#parts + 1] = fence
    return table.concat(parts, "\n")
end
return ____exports
