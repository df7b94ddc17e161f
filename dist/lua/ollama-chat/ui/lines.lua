-- generated from src/ollama-chat/ui/lines.ts by TypeScriptToLua; do not edit
local ____exports = {}
--- A scratch buffer named `name` that keeps its text when hidden and is written only by code.
function ____exports.viewBuffer(name, filetype)
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
    vim.api.nvim_set_option_value("buftype", "nofile", {buf = buf})
    vim.api.nvim_set_option_value("bufhidden", "hide", {buf = buf})
    vim.api.nvim_set_option_value("swapfile", false, {buf = buf})
    vim.api.nvim_set_option_value("undolevels", -1, {buf = buf})
    vim.api.nvim_set_option_value("modifiable", false, {buf = buf})
    vim.api.nvim_set_option_value("filetype", filetype, {buf = buf})
    return buf
end
local function highlight(buf, ns, row, line)
    vim.api.nvim_buf_clear_namespace(buf, ns, row, row + 1)
    for ____, ____value in ipairs(line.spans) do
        local start = ____value[1]
        local stop = ____value[2]
        local group = ____value[3]
        vim.api.nvim_buf_set_extmark(
            buf,
            ns,
            row,
            start,
            {
                end_col = math.min(stop, #line.text),
                hl_group = group
            }
        )
    end
end
--- Shows `lines` in `buf` (a non-modifiable scratch buffer), given the texts `shown` now: when the
-- count differs everything is written once, otherwise only the lines whose text changed.
-- Returns the texts shown afterwards; `onWritten` hears each line written.
function ____exports.writeLines(buf, ns, shown, lines, onWritten)
    local whole = #shown ~= #lines
    if not whole then
        -- Many changed lines (a column grew wider) cost less as one write.
        local changed = 0
        do
            local i = 0
            while i < #lines do
                if shown[i + 1] ~= lines[i + 1].text then
                    changed = changed + 1
                end
                i = i + 1
            end
        end
        whole = changed > 8 and changed * 4 > #lines
    end
    vim.api.nvim_set_option_value("modifiable", true, {buf = buf})
    local out = whole and ({}) or shown
    if whole then
        local texts = {}
        for ____, line in ipairs(lines) do
            texts[#texts + 1] = line.text
        end
        vim.api.nvim_buf_set_lines(
            buf,
            0,
            -1,
            false,
            texts
        )
        vim.api.nvim_buf_clear_namespace(buf, ns, 0, -1)
    end
    do
        local i = 0
        while i < #lines do
            local text = lines[i + 1].text
            if whole or out[i + 1] ~= text then
                if not whole then
                    vim.api.nvim_buf_set_lines(
                        buf,
                        i,
                        i + 1,
                        false,
                        {text}
                    )
                end
                highlight(buf, ns, i, lines[i + 1])
                out[i + 1] = text
                if onWritten ~= nil then
                    onWritten(text)
                end
            end
            i = i + 1
        end
    end
    vim.api.nvim_set_option_value("modifiable", false, {buf = buf})
    return out
end
--- Whether two lists of texts are the same, line for line.
function ____exports.sameTexts(a, b)
    if #a ~= #b then
        return false
    end
    do
        local i = 0
        while i < #a do
            if a[i + 1] ~= b[i + 1] then
                return false
            end
            i = i + 1
        end
    end
    return true
end
return ____exports
