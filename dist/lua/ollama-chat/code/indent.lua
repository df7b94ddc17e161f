-- generated from src/ollama-chat/code/indent.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Keeping the original's layout when a model rewrites code: small models drop the indentation of
-- a snippet taken from inside a function, wrap the answer in a fence they were told not to write,
-- and lose the blank lines around it.
local function leading(line)
    return (string.match(line, "^(%s*)"))
end
local function isBlank(line)
    return (string.find(line, "^%s*$")) ~= nil
end
--- The leading white space of the least indented non-blank line ("" when all are blank).
function ____exports.baseIndent(lines)
    local base
    for ____, line in ipairs(lines) do
        if not isBlank(line) then
            local lead = leading(line)
            if base == nil or #lead < #base then
                base = lead
            end
            -- Nothing is less indented than a line that is not: the rest need not be read.
            if base == "" then
                return base
            end
        end
    end
    return base or ""
end
--- `replacement` laid out like `original`: when its least indented line is indented less than the
-- original's, every line is shifted right by the difference (in the original's white space); the
-- original's blank lines at the start and end are kept when the replacement dropped them.
function ____exports.keepLayout(original, replacement)
    local want = ____exports.baseIndent(original)
    local have = ____exports.baseIndent(replacement)
    local out = {}
    if #have < #want and vim.startswith(want, have) then
        local add = string.sub(want, #have + 1)
        for ____, line in ipairs(replacement) do
            out[#out + 1] = isBlank(line) and line or add .. line
        end
    else
        out = replacement
    end
    local lead = 0
    while lead < #original and isBlank(original[lead + 1]) do
        lead = lead + 1
    end
    if lead < #original then
        local trail = 0
        while trail < #original and isBlank(original[#original - 1 - trail + 1]) do
            trail = trail + 1
        end
        local result = {}
        local hasLead = #out > 0 and isBlank(out[1])
        local hasTrail = #out > 0 and isBlank(out[#out])
        if not hasLead then
            do
                local i = 0
                while i < lead do
                    result[#result + 1] = original[i + 1]
                    i = i + 1
                end
            end
        end
        for ____, l in ipairs(out) do
            result[#result + 1] = l
        end
        if not hasTrail then
            do
                local i = #original - trail
                while i < #original do
                    result[#result + 1] = original[i + 1]
                    i = i + 1
                end
            end
        end
        return result
    end
    return out
end
--- The code of a reply that should hold code only: what is inside its first fence (a fence still
-- open keeps everything after it), prose around it left out, as small models add some despite the
-- prompt; a reply with no fence is all code.
function ____exports.codeOnly(lines)
    local first = 0
    local fence
    do
        while first < #lines do
            local marker = string.match(lines[first + 1], "^%s*(```+)")
            local tilde = string.match(lines[first + 1], "^%s*(~~~+)")
            fence = marker or tilde
            if fence ~= nil then
                break
            end
            first = first + 1
        end
    end
    if fence == nil then
        return lines
    end
    local out = {}
    do
        local i = first + 1
        while i < #lines do
            local line = lines[i + 1]
            if vim.startswith(
                vim.trim(line),
                fence
            ) and vim.trim((string.gsub(
                vim.trim(line),
                string.sub(fence, 1, 1),
                ""
            ))) == "" then
                return out
            end
            out[#out + 1] = line
            i = i + 1
        end
    end
    return out
end
return ____exports
