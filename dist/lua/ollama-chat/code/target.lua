-- generated from src/ollama-chat/code/target.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Where a conversation's code goes back: the lines it was asked about, tracked with an extmark so
-- edits made meanwhile (lines added above, the range itself edited) do not misplace them.
local NS = vim.api.nvim_create_namespace("ollama-chat-target")
local byConversation = {}
--- Remembers lines first..last (1-based) of `buf` as what conversation `id` is about.
function ____exports.remember(id, buf, first, last)
    local old = byConversation[id]
    if old ~= nil and vim.api.nvim_buf_is_valid(old.buf) then
        vim.api.nvim_buf_del_extmark(old.buf, NS, old.mark)
    end
    local lastLine = vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[1] or ""
    local mark = vim.api.nvim_buf_set_extmark(
        buf,
        NS,
        first - 1,
        0,
        {
            end_row = last - 1,
            end_col = #lastLine,
            right_gravity = false,
            end_right_gravity = true,
            invalidate = true,
            undo_restore = true
        }
    )
    byConversation[id] = {
        buf = buf,
        mark = mark,
        name = vim.fn.fnamemodify(
            vim.api.nvim_buf_get_name(buf),
            ":~:."
        ),
        empty = first == last and lastLine == ""
    }
end
--- The range conversation `id` was asked about, where it is now; a string says why it is gone
-- (buffer closed, lines deleted); undefined when nothing was asked about.
function ____exports.resolve(id)
    local t = byConversation[id]
    if t == nil then
        return nil
    end
    if not vim.api.nvim_buf_is_valid(t.buf) or not vim.api.nvim_buf_is_loaded(t.buf) then
        return ("the buffer asked about (" .. (t.name == "" and "[No Name]" or t.name)) .. ") was closed: open it and ask again"
    end
    local m = vim.api.nvim_buf_get_extmark_by_id(t.buf, NS, t.mark, {details = true})
    -- Deleted lines invalidate the mark (0.11+ says so; 0.10 leaves it collapsed to a point).
    local collapsed = m[3] ~= nil and m[3].end_row == m[1] and m[3].end_col == m[2] and not t.empty
    if m[1] == nil or m[3] == nil or m[3].invalid == true or collapsed then
        return "the lines asked about were deleted: ask again about the lines to change"
    end
    return {buf = t.buf, first = m[1] + 1, last = (m[3].end_row or m[1]) + 1}
end
return ____exports
