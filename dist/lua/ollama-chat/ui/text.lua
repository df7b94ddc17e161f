-- generated from src/ollama-chat/ui/text.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Text from outside (model names, server errors, replies) made safe where it meets the screen: a
-- buffer line or a virtual line may not hold a newline (nvim_buf_set_lines throws), and a message
-- of several lines, or wider than the screen, makes Neovim stop and wait.
local ESCAPES = {["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = " ", ["\0"] = "\\0"}
local function escapeControl(c)
    return ESCAPES[c] or string.format(
        "\\x%02x",
        string.byte(c)
    )
end
--- One line showing all of `text`: control characters visible as `\n`, `\r`, `\x1b` (a tab as a
-- space). For names and labels, where a hidden newline would be a different name.
function ____exports.inline(text)
    local control = string.find(text, "%c")
    if control == nil then
        return text
    end
    local out = string.gsub(text, "%c", escapeControl)
    return out
end
--- The lines of a message joined into one ("a · b"), blank ones dropped, other control
-- characters made visible. For errors and notices, whose lines are one thought.
function ____exports.oneLine(text)
    local control = string.find(text, "%c")
    if control == nil then
        return text
    end
    local parts = {}
    for line in string.gmatch(text, "[^\r\n]+") do
        local trimmed = vim.trim(line)
        if trimmed ~= "" then
            parts[#parts + 1] = trimmed
        end
    end
    return ____exports.inline(table.concat(parts, " · "))
end
--- Buffer lines for text that may hold newlines (a reply): split at "\n", a CR before it dropped.
function ____exports.lines(text)
    local out = vim.split(text, "\n", {plain = true})
    do
        local i = 0
        while i < #out do
            if string.sub(out[i + 1], -1) == "\r" then
                out[i + 1] = string.sub(out[i + 1], 1, -2)
            end
            i = i + 1
        end
    end
    return out
end
--- `text` cut to at most `width` display cells, ending in "…" when cut; never splits a character.
function ____exports.fit(text, width)
    if vim.fn.strdisplaywidth(text) <= width then
        return text
    end
    if width <= 0 then
        return ""
    end
    -- Characters are at least one cell wide: the first `width` of them are enough, then drop
    -- characters from the end until the text and the ellipsis fit.
    local n = math.min(
        vim.fn.strchars(text),
        width
    )
    local cut = vim.fn.strcharpart(text, 0, n)
    while n > 0 and vim.fn.strdisplaywidth(cut) + 1 > width do
        n = n - 1
        cut = vim.fn.strcharpart(text, 0, n)
    end
    return cut .. "…"
end
return ____exports
