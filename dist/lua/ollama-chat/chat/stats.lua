-- generated from src/ollama-chat/chat/stats.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____text = require("ollama-chat.ui.text")
local oneLine = ____text.oneLine
local transcript = require("ollama-chat.format.transcript")
local ____render = require("ollama-chat.chat.render")
local NS = ____render.NS
function ____exports.tokensPerSecond(result)
    if result.eval_count == nil or result.eval_duration == nil or result.eval_duration <= 0 then
        -- The lines shown under a finished reply: speed, tokens, time and why it ended; or that it was
        -- stopped, failed, or cut off by a limit.
        return nil
    end
    return result.eval_count / result.eval_duration * 1000000000
end
--- Why the reply ended, in plain words; nothing for the ordinary end (the model finished its answer),
-- which the stats line itself says.
local function endedBecause(reason)
    if reason == nil or reason == "stop" then
        return nil
    end
    if reason == "length" then
        return "cut off at the length limit"
    end
    if reason == "load" or reason == "unload" then
        return "ended: the model was " .. (reason == "load" and "loaded" or "unloaded")
    end
    return "ended: " .. reason
end
function ____exports.metaLines(err, result, stopped)
    if stopped and result.content == "" and result.thinking == "" then
        return {{"■ stopped before any reply arrived", "OllamaChatStopped"}}
    end
    if stopped then
        return {{"■ stopped: the reply above is what arrived before you stopped it", "OllamaChatStopped"}}
    end
    if err ~= nil then
        return {{
            "✗ " .. oneLine(err.message),
            "OllamaChatError"
        }}
    end
    local parts = {}
    local tps = ____exports.tokensPerSecond(result)
    if tps ~= nil then
        parts[#parts + 1] = string.format("%.1f tokens/s", tps)
    end
    if result.eval_count ~= nil then
        parts[#parts + 1] = tostring(result.eval_count) .. " tokens"
    end
    if result.total_duration ~= nil then
        parts[#parts + 1] = string.format("%.1f s", result.total_duration / 1000000000)
    end
    -- A reply that waited for its model to load says so: the first one after a cold start.
    if result.load_duration ~= nil and result.load_duration > 500000000 then
        parts[#parts + 1] = string.format("loaded in %.1f s", result.load_duration / 1000000000)
    end
    local ended = endedBecause(result.done_reason)
    if ended ~= nil then
        parts[#parts + 1] = ended
    end
    local lines = {{
        table.concat(parts, " · "),
        "OllamaChatStats"
    }}
    if result.done_reason == "length" then
        lines[#lines + 1] = {"⚠ cut off: the reply reached the context or length limit (raise chat.options.num_ctx or num_predict)", "OllamaChatWarning"}
    end
    return lines
end
-- A reply's stats (or stop) line is a virtual line on the reply's last line. Undo does not take an
-- extmark away with the text it removes (it only collapses to where the text was), so the chat
-- watches its own text: a reply undone hides its line, redo puts it back under the reply, and once
-- the user changed something else (redo is no longer possible) the hidden line is dropped.
local ANCHORS = vim.api.nvim_create_namespace("ollama-chat-stats")
local kept = {}
local function position(buf, ns, id)
    local pos = vim.api.nvim_buf_get_extmark_by_id(buf, ns, id, {})
    return #pos == 2 and ({pos[1], pos[2]}) or nil
end
local function before(a, b)
    return a[1] < b[1] or a[1] == b[1] and a[2] <= b[2]
end
--- Where the stats of the reply whose heading is at `row` belong: its last non-blank line.
local function lastLineOf(row, lines)
    local ____end = #lines - 1
    do
        local i = row + 1
        while i < #lines do
            if lines[i + 1] == transcript.USER_HEADING then
                ____end = i - 1
                break
            end
            i = i + 1
        end
    end
    while ____end > row and vim.trim(lines[____end + 1]) == "" do
        ____end = ____end - 1
    end
    return ____end
end
local function review(buf)
    local list = kept[buf]
    if list == nil then
        return
    end
    local next = {}
    local tree = vim.api.nvim_buf_call(
        buf,
        function() return vim.fn.undotree() end
    )
    for ____, k in ipairs(list) do
        local h = position(buf, ANCHORS, k.heading)
        local m = position(buf, NS, k.mark)
        if h == nil or m == nil then
            if h ~= nil then
                vim.api.nvim_buf_del_extmark(buf, ANCHORS, k.heading)
            end
            if m ~= nil then
                vim.api.nvim_buf_del_extmark(buf, NS, k.mark)
            end
        elseif not k.hidden then
            if before(m, h) then
                vim.api.nvim_buf_set_extmark(
                    buf,
                    NS,
                    m[1],
                    m[2],
                    {id = k.mark}
                )
                k.hidden = true
            end
            next[#next + 1] = k
        else
            local lines = vim.api.nvim_buf_get_lines(buf, h[1], m[1] + 1, false)
            local heading = -1
            do
                local i = 0
                while i < #lines and heading < 0 do
                    if transcript.parseAssistantHeading(lines[i + 1]) ~= nil then
                        heading = i
                    end
                    i = i + 1
                end
            end
            if heading >= 0 then
                local all = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
                local row = lastLineOf(h[1] + heading, all)
                vim.api.nvim_buf_set_extmark(
                    buf,
                    ANCHORS,
                    h[1] + heading,
                    0,
                    {id = k.heading, right_gravity = false}
                )
                vim.api.nvim_buf_set_extmark(
                    buf,
                    NS,
                    row,
                    0,
                    {id = k.mark, virt_lines = k.virt}
                )
                k.hidden = false
                next[#next + 1] = k
            elseif tree.seq_cur < tree.seq_last then
                next[#next + 1] = k
            else
                vim.api.nvim_buf_del_extmark(buf, ANCHORS, k.heading)
                vim.api.nvim_buf_del_extmark(buf, NS, k.mark)
            end
        end
    end
    kept[buf] = next
end
--- The row of the heading of the reply whose stats are at row `markRow`: a few rows after `from`
-- (where the reply began), else searched back from the mark (the whole reply read: a 10 MB one
-- costs 25 ms).
local function replyHeading(buf, markRow, from)
    if from ~= nil then
        local head = vim.api.nvim_buf_get_lines(
            buf,
            from,
            math.min(from + 4, markRow + 1),
            false
        )
        do
            local i = 0
            while i < #head do
                if transcript.parseAssistantHeading(head[i + 1]) ~= nil then
                    return from + i
                end
                i = i + 1
            end
        end
    end
    local lines = vim.api.nvim_buf_get_lines(buf, 0, markRow + 1, false)
    do
        local i = #lines - 1
        while i >= 0 do
            if transcript.parseAssistantHeading(lines[i + 1]) ~= nil then
                return i
            end
            if lines[i + 1] == transcript.USER_HEADING then
                break
            end
            i = i - 1
        end
    end
    return -1
end
--- After a reply ended in `buf`: its stats line (the last virtual line) is kept with the reply, so
-- that undoing the reply takes it away. A turn that brought nothing (no reply heading) has none.
-- `from`: the row where the reply began, when known (its heading is found there).
function ____exports.keepWithReply(buf, from)
    if buf == nil or not vim.api.nvim_buf_is_valid(buf) then
        return
    end
    local found = vim.api.nvim_buf_get_extmarks(
        buf,
        NS,
        -1,
        0,
        {details = true, limit = 8}
    )
    local mark
    for ____, m in ipairs(found) do
        if mark == nil and m[4].virt_lines ~= nil then
            mark = m
        end
    end
    if mark == nil then
        return
    end
    local heading = replyHeading(buf, mark[2], from)
    if heading < 0 then
        return
    end
    local list = kept[buf]
    if list == nil then
        list = {}
        kept[buf] = list
        vim.api.nvim_create_autocmd(
            "TextChanged",
            {
                group = vim.api.nvim_create_augroup(
                    "ollama-chat-stats-" .. tostring(buf),
                    {clear = true}
                ),
                buffer = buf,
                callback = function() return review(buf) end
            }
        )
    end
    local id = vim.api.nvim_buf_set_extmark(
        buf,
        ANCHORS,
        heading,
        0,
        {right_gravity = false}
    )
    list[#list + 1] = {heading = id, mark = mark[1], virt = mark[4].virt_lines, hidden = false}
end
return ____exports
