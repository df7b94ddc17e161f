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
return ____exports
