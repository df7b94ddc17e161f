-- generated from src/ollama-chat/code/source.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____fence = require("ollama-chat.format.fence")
local fenced = ____fence.fenced
--- The file name as the user sees it ("[No Name]" for none).
function ____exports.displayName(buf)
    -- Code taken from a buffer to show a model: its lines in a fence, under a line naming the file,
    -- its filetype and the lines (what `ask` sends and what `#buffer`/`#selection` expand to).
    local name = vim.api.nvim_buf_get_name(buf)
    return name == "" and "[No Name]" or vim.fn.fnamemodify(name, ":~:.")
end
--- "File: src/x.lua (lua), lines 2-3 of 10" (or "all 10 lines").
function ____exports.describe(buf, first, last)
    local total = vim.api.nvim_buf_line_count(buf)
    local ft = vim.api.nvim_get_option_value("filetype", {buf = buf})
    local where = first == 1 and last == total and ("all " .. tostring(total)) .. " lines" or (((("lines " .. tostring(first)) .. "-") .. tostring(last)) .. " of ") .. tostring(total)
    return ((("File: " .. ____exports.displayName(buf)) .. (ft ~= "" and (" (" .. ft) .. ")" or "")) .. ", ") .. where
end
--- Lines first..last (1-based, inclusive) of `buf`, fenced under their description.
function ____exports.block(buf, first, last)
    local ft = vim.api.nvim_get_option_value("filetype", {buf = buf})
    return fenced(
        ____exports.describe(buf, first, last),
        ft,
        vim.api.nvim_buf_get_lines(buf, first - 1, last, false)
    )
end
--- The lines a command works on: `range` clamped to the buffer, else all of it (1-based, inclusive).
function ____exports.lineRange(buf, range)
    local total = vim.api.nvim_buf_line_count(buf)
    local first = math.max(
        1,
        math.min(range and range[1] or 1, total)
    )
    local last = math.max(
        first,
        math.min(range and range[2] or total, total)
    )
    return {
        first = first,
        last = last,
        label = first == 1 and last == total and "the buffer" or (("lines " .. tostring(first)) .. "-") .. tostring(last)
    }
end
--- `go` with the text given (trimmed), else with what the user types at `prompt` (nothing: nothing).
function ____exports.withText(text, prompt, go)
    if text ~= nil and vim.trim(text) ~= "" then
        return go(vim.trim(text))
    end
    vim.ui.input(
        {prompt = prompt},
        function(input)
            if input == nil or vim.trim(input) == "" then
                return
            end
            go(vim.trim(input))
        end
    )
end
return ____exports
