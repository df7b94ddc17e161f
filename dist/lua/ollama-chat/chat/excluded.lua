-- generated from src/ollama-chat/chat/excluded.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____transcript = require("ollama-chat.format.transcript")
local isHeading = ____transcript.isHeading
-- Turns left out of the request to fit the context: they stay in the chat buffer, dimmed and
-- marked "not sent", and stay out of every later request. The mark sits on the turn's heading,
-- so it follows the turn through edits; the n-th heading of the buffer is its n-th message.
local NS = vim.api.nvim_create_namespace("ollama-chat-excluded")
local LABEL = "  not sent: left out to fit the context"
--- Rows (0-based) of the buffer's turn headings, in order.
local function headingRows(buf)
    local rows = {}
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    do
        local i = 0
        while i < #lines do
            if isHeading(lines[i + 1]) then
                rows[#rows + 1] = i
            end
            i = i + 1
        end
    end
    return rows
end
--- The indices of the messages marked as left out.
function ____exports.indices(buf)
    local out = {}
    local marks = vim.api.nvim_buf_get_extmarks(
        buf,
        NS,
        0,
        -1,
        {}
    )
    if #marks == 0 then
        return out
    end
    local byRow = {}
    local rows = headingRows(buf)
    do
        local i = 0
        while i < #rows do
            byRow[rows[i + 1]] = i
            i = i + 1
        end
    end
    for ____, ____value in ipairs(marks) do
        local row = ____value[2]
        local index = byRow[row]
        if index ~= nil then
            out[index] = true
        end
    end
    return out
end
--- Marks messages (by index) as left out: the heading says so, the turn is dimmed.
function ____exports.mark(buf, messageIndices)
    local rows = headingRows(buf)
    local lineCount = vim.api.nvim_buf_line_count(buf)
    for ____, i in ipairs(messageIndices) do
        local row = rows[i + 1]
        if row ~= nil then
            vim.api.nvim_buf_set_extmark(
                buf,
                NS,
                row,
                0,
                {
                    virt_text = {{LABEL, "OllamaChatWarning"}},
                    virt_text_pos = "eol",
                    end_row = rows[i + 1 + 1] or lineCount,
                    end_col = 0,
                    hl_group = "Comment",
                    right_gravity = false
                }
            )
        end
    end
end
--- Forgets every mark (the buffer is taken over by another conversation).
function ____exports.clear(buf)
    vim.api.nvim_buf_clear_namespace(buf, NS, 0, -1)
end
return ____exports
