-- generated from src/ollama-chat/chat/render.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local ____transcript = require("ollama-chat.format.transcript")
local THINKING_CLOSE = ____transcript.THINKING_CLOSE
local THINKING_OPEN = ____transcript.THINKING_OPEN
local escapeLine = ____transcript.escapeLine
local thinkingBlocks = ____transcript.thinkingBlocks
local ____render_parse = require("ollama-chat.chat.render_parse")
local highlighterTree = ____render_parse.highlighterTree
local hold = ____render_parse.hold
local settle = ____render_parse.settle
local splitInlineRegions = ____render_parse.splitInlineRegions
-- Streams one reply into the chat buffer. Text is appended in place at the end of the buffer in
-- batches (one nvim_buf_set_text per batch, touching only the new text), so the cost of a chunk
-- does not grow with the chat; the batches of one reply are joined into one undo step; windows
-- follow the reply only while their cursor sits on the last line.
--- How often streamed text is written to the buffer (ms): one redraw per batch, not per token.
____exports.BATCH_MS = 30
____exports.NS = vim.api.nvim_create_namespace("ollama-chat")
--- At most this many lines go into the buffer at once; a burst (a fast model, a reader that fell
-- behind) is written in slices SLICE_GAP_MS apart, so no single write and redraw stalls the editor.
____exports.MAX_LINES_PER_WRITE = 12
--- A reply that ends with more than this queued (bytes; the renderer fell behind a fast model) has
-- the rest written FINISH_LINES at a time before it is finished: 1.2 MB in one write held the
-- editor 19 ms, and more under load.
local FINISH_BYTES = 64 * 1024
local FINISH_LINES = 500
local SLICE_GAP_MS = 2
--- Per buffer: the mark left under the user's message by the last turn that brought nothing.
local retractedMarks = {}
--- Dims a thinking block, its fences included (rows 0-based, `last` the closing fence's).
local function dimBlock(buf, first, last)
    -- To the start of the next line; the end of the fence itself when it is the buffer's last line.
    local ____end = last + 1 < vim.api.nvim_buf_line_count(buf) and ({last + 1, 0}) or ({
        last,
        #(vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[1] or "")
    })
    vim.api.nvim_buf_set_extmark(
        buf,
        ____exports.NS,
        first,
        0,
        {end_row = ____end[1], end_col = ____end[2], hl_group = "OllamaChatThinking", hl_eol = true}
    )
end
--- Dims every thinking block of a chat written at once (resumed, loaded, rebuilt).
function ____exports.dimThinkingBlocks(buf)
    for ____, ____value in ipairs(thinkingBlocks(vim.api.nvim_buf_get_lines(buf, 0, -1, false))) do
        local open = ____value[1]
        local close = ____value[2]
        dimBlock(buf, open, close)
    end
end
--- The head of `text` holding at most `max` line breaks, the rest, and how many breaks the head has.
local function takeLines(text, max)
    local breaks = 0
    local at = 0
    while breaks < max do
        local found = string.find(text, "\n", at + 1, true)
        if found == nil then
            return {text, "", breaks}
        end
        breaks = breaks + 1
        at = found
    end
    return {
        string.sub(text, 1, at),
        string.sub(text, at + 1),
        breaks
    }
end
--- The markdown injection query (with the user's own) minus `injection.combined`; read once.
local chatInjections
--- Lines set per event-loop turn by setLinesInSlices (a few ms each).
local SET_LINES = 20000
--- Replaces the text of `buf` (shown in no window yet) by `lines` in slices, then `done`: a 10 MB
-- chat set at once held the editor 60 ms, and its first parse, synchronous on Neovim 0.10, far
-- longer. The chat's parse is held meanwhile and, on 0.10, then finished a slice at a time.
function ____exports.setLinesInSlices(buf, lines, done)
    vim.api.nvim_buf_set_lines(
        buf,
        0,
        -1,
        false,
        #lines <= SET_LINES and lines or __TS__ArraySlice(lines, 0, SET_LINES)
    )
    if #lines <= SET_LINES then
        return done()
    end
    local tree = highlighterTree(buf)
    local release = tree ~= nil and hold(tree) or nil
    local at = SET_LINES
    local next
    next = function()
        if not vim.api.nvim_buf_is_valid(buf) then
            return release and release()
        end
        vim.api.nvim_buf_set_lines(
            buf,
            -1,
            -1,
            false,
            __TS__ArraySlice(lines, at, at + SET_LINES)
        )
        at = at + SET_LINES
        if at < #lines then
            return vim.schedule(next)
        end
        if tree ~= nil and release ~= nil then
            settle(buf, tree, release)
        end
        done()
    end
    vim.schedule(next)
end
--- Gives `buf`, about to be markdown, its own tree-sitter parser before the ftplugin starts the
-- highlighter: the markdown injection query without `injection.combined` (html blocks are parsed
-- one by one). A combined injection makes every parse scan the whole chat for injections (at the
-- end of each reply: up to 100 ms in a chat of 5,000 lines, docs/benchmarks.md); without it only
-- the range drawn is scanned. Markdown elsewhere keeps its queries. No markdown parser: nothing.
function ____exports.prepareParser(buf)
    local ts = vim.treesitter
    if chatInjections == nil then
        local parts = {}
        for ____, file in ipairs(ts.query.get_files("markdown", "injections")) do
            parts[#parts + 1] = table.concat(
                vim.fn.readfile(file),
                "\n"
            )
        end
        chatInjections = string.gsub(
            table.concat(parts, "\n"),
            "%(#set!%s+injection%.combined%s*%)",
            ""
        )
    end
    if chatInjections == "" then
        return
    end
    -- No markdown parser installed: get_parser fails (0.10) or returns nil (0.11+); the chat is plain.
    local ok, tree = pcall(ts.get_parser, buf, "markdown", {injections = {markdown = chatInjections}})
    if ok and tree ~= nil then
        splitInlineRegions(buf, tree)
    end
end
____exports.Reply = __TS__Class()
local Reply = ____exports.Reply
Reply.name = "Reply"
function Reply.prototype.____constructor(self, buf)
    self.buf = buf
    self.pending = {}
    self.inThinking = false
    self.sawContent = false
    self.fenceRows = {}
    self.thinkingStart = -1
    self.joinUndo = false
    self.closed = false
    self.endMark = -1
    self.startMark = -1
end
function Reply.prototype.startRow(self)
    if self.startMark < 0 or not vim.api.nvim_buf_is_valid(self.buf) then
        return nil
    end
    return vim.api.nvim_buf_get_extmark_by_id(self.buf, ____exports.NS, self.startMark, {})[1]
end
function Reply.prototype.begin(self, lines)
    -- The mark of a turn that brought nothing says why it failed: the new turn retries it.
    local retracted = retractedMarks[self.buf]
    if retracted ~= nil then
        retractedMarks[self.buf] = nil
        vim.api.nvim_buf_del_extmark(self.buf, ____exports.NS, retracted)
    end
    local row, col = unpack(
        self["end"](self),
        1,
        2
    )
    -- Left gravity: the reply's text goes after it.
    self.startMark = vim.api.nvim_buf_set_extmark(
        self.buf,
        ____exports.NS,
        row,
        col,
        {right_gravity = false}
    )
    -- Not loaded: no highlighter anywhere (loading it here would cost the first reply).
    local tree = highlighterTree(self.buf)
    if tree ~= nil then
        self.parseHold = {
            tree = tree,
            release = hold(tree)
        }
    end
    self:appendLines(lines)
end
Reply.prototype["end"] = function(self)
    if self.endMark >= 0 then
        local pos = vim.api.nvim_buf_get_extmark_by_id(self.buf, ____exports.NS, self.endMark, {})
        if #pos == 2 then
            return {pos[1], pos[2]}
        end
    end
    local row = vim.api.nvim_buf_line_count(self.buf) - 1
    local col = #(vim.api.nvim_buf_get_lines(self.buf, row, row + 1, false)[1] or "")
    -- Right gravity: text inserted at the mark goes before it, so the mark stays at the end.
    self.endMark = vim.api.nvim_buf_set_extmark(
        self.buf,
        ____exports.NS,
        row,
        col,
        {right_gravity = true}
    )
    return {row, col}
end
function Reply.prototype.appendLines(self, lines)
    local follow = self:followers()
    local row, col = unpack(
        self["end"](self),
        1,
        2
    )
    self:setText(row, col, lines)
    self:follow(follow)
end
function Reply.prototype.follow(self, wins)
    local last = vim.api.nvim_buf_line_count(self.buf)
    for ____, win in ipairs(wins) do
        if vim.api.nvim_win_is_valid(win) then
            vim.api.nvim_win_set_cursor(win, {last, 0})
        end
    end
end
function Reply.prototype.push(self, content, thinking)
    if self.closed then
        return
    end
    if thinking ~= "" and not self.sawContent then
        if not self.inThinking then
            local ____self_pending_2 = self.pending
            ____self_pending_2[#____self_pending_2 + 1] = {fence = THINKING_OPEN}
            self.inThinking = true
        end
        local ____self_pending_3 = self.pending
        ____self_pending_3[#____self_pending_3 + 1] = thinking
    end
    if content ~= "" then
        self:closeThinking()
        self.sawContent = true
        local ____self_pending_4 = self.pending
        ____self_pending_4[#____self_pending_4 + 1] = content
    end
    if self.timer == nil and #self.pending > 0 then
        self:schedule()
    end
end
function Reply.prototype.closeThinking(self)
    if not self.inThinking then
        return
    end
    self.inThinking = false
    local ____self_pending_5 = self.pending
    ____self_pending_5[#____self_pending_5 + 1] = {fence = THINKING_CLOSE}
end
function Reply.prototype.schedule(self, delay)
    if delay == nil then
        delay = ____exports.BATCH_MS
    end
    local timer = vim.uv.new_timer()
    self.timer = timer
    timer:start(
        delay,
        0,
        function()
            timer:close()
            vim.schedule(function()
                self.timer = nil
                self:write(self.finishing ~= nil and FINISH_LINES or ____exports.MAX_LINES_PER_WRITE)
                -- A burst is written a slice at a time, the editor redrawing and reading keys in between.
                if #self.pending > 0 and not self.closed then
                    self:schedule(SLICE_GAP_MS)
                else
                    local ____opt_6 = self:takeFinishing()
                    if ____opt_6 ~= nil then
                        ____opt_6()
                    end
                end
            end)
        end
    )
end
function Reply.prototype.flush(self)
    self:write(math.huge)
end
function Reply.prototype.write(self, maxLines)
    local pending = self.pending
    self.pending = {}
    if #pending == 0 or not vim.api.nvim_buf_is_valid(self.buf) then
        return
    end
    local follow = self:followers()
    local run = {}
    local budget = maxLines
    local i = 0
    -- No `continue`: it compiles to goto, which PUC Lua 5.1 lacks.
    do
        while i < #pending and budget > 0 do
            local piece = pending[i + 1]
            if type(piece) == "string" then
                local head, rest, breaks = unpack(
                    takeLines(piece, budget),
                    1,
                    3
                )
                run[#run + 1] = head
                budget = budget - breaks
                if rest ~= "" then
                    pending[i + 1] = rest
                    break
                end
            else
                if #run > 0 then
                    self:append(table.concat(run))
                end
                run = {}
                self:appendFence(piece.fence)
            end
            i = i + 1
        end
    end
    if #run > 0 then
        self:append(table.concat(run))
    end
    -- What was not written stays ahead of what arrived meanwhile.
    local left = {}
    do
        local j = i
        while j < #pending do
            left[#left + 1] = pending[j + 1]
            j = j + 1
        end
    end
    for ____, p in ipairs(self.pending) do
        left[#left + 1] = p
    end
    self.pending = left
    self:follow(follow)
end
function Reply.prototype.followers(self)
    local last = vim.api.nvim_buf_line_count(self.buf)
    local wins = {}
    for ____, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_buf(win) == self.buf and vim.api.nvim_win_get_cursor(win)[1] >= last then
            wins[#wins + 1] = win
        end
    end
    return wins
end
function Reply.prototype.setText(self, row, col, lines)
    local buf = self.buf
    vim.api.nvim_buf_call(
        buf,
        function()
            -- One reply, one undo step: each batch joins the previous one.
            if self.joinUndo then
                vim.cmd("silent! undojoin")
            end
            vim.api.nvim_buf_set_text(
                buf,
                row,
                col,
                row,
                col,
                lines
            )
        end
    )
    self.joinUndo = true
end
function Reply.prototype.append(self, text)
    local row, col = unpack(
        self["end"](self),
        1,
        2
    )
    local lines = vim.split(text, "\n", {plain = true})
    self:setText(row, col, lines)
    -- Lines completed by this batch: escape those that would read as structure.
    do
        local r = row
        while r < row + #lines - 1 do
            self:escapeRow(r)
            r = r + 1
        end
    end
    if self.inThinking then
        self:dimThinking(row + #lines - 1)
    end
end
function Reply.prototype.escapeRow(self, row)
    if self.fenceRows[row] ~= nil then
        return
    end
    local line = vim.api.nvim_buf_get_lines(self.buf, row, row + 1, false)[1] or ""
    if escapeLine(line) ~= line then
        self:setText(row, 0, {"\\"})
    end
end
function Reply.prototype.appendFence(self, fence)
    local row, col = unpack(
        self["end"](self),
        1,
        2
    )
    local lines = col == 0 and ({fence, ""}) or ({"", fence, ""})
    if fence == THINKING_CLOSE then
        lines[#lines + 1] = ""
    end
    self:setText(row, col, lines)
    if col ~= 0 then
        self:escapeRow(row)
    end
    local fenceRow = col == 0 and row or row + 1
    self.fenceRows[fenceRow] = true
    if fence == THINKING_OPEN then
        self.thinkingStart = fenceRow
    else
        self:dimThinking(fenceRow)
    end
end
function Reply.prototype.dimThinking(self, lastRow)
    if self.thinkingStart < 0 then
        return
    end
    dimBlock(self.buf, self.thinkingStart, lastRow)
end
function Reply.prototype.release(self, settled)
    if settled == nil then
        settled = false
    end
    local held = self.parseHold
    self.parseHold = nil
    if held == nil then
        return
    end
    if settled then
        settle(self.buf, held.tree, held.release)
    else
        held.release()
    end
end
function Reply.prototype.stopTimer(self)
    if self.timer == nil then
        return
    end
    self.timer:stop()
    if not self.timer:is_closing() then
        self.timer:close()
    end
    self.timer = nil
end
function Reply.prototype.discard(self)
    self:release()
    self:stopTimer()
    self.pending = {}
    self.closed = true
    local ____opt_8 = self:takeFinishing()
    if ____opt_8 ~= nil then
        ____opt_8()
    end
end
function Reply.prototype.takeFinishing(self)
    local f = self.finishing
    self.finishing = nil
    return f
end
function Reply.prototype.queuedBytes(self)
    local n = 0
    for ____, p in ipairs(self.pending) do
        if type(p) == "string" then
            n = n + #p
        end
    end
    return n
end
function Reply.prototype.finish(self, meta, trailing, done)
    if not self.closed and self:queuedBytes() > FINISH_BYTES and vim.api.nvim_buf_is_valid(self.buf) then
        self:closeThinking()
        self.finishing = function() return self:finish(meta, trailing, done) end
        if self.timer == nil then
            self:schedule(0)
        end
        return
    end
    self:complete(meta, trailing)
    if done ~= nil then
        done()
    end
end
function Reply.prototype.complete(self, meta, trailing)
    if self.closed then
        return
    end
    self:closeThinking()
    self:stopTimer()
    self:flush()
    self.closed = true
    if not vim.api.nvim_buf_is_valid(self.buf) then
        return self:release()
    end
    local row, col = unpack(
        self["end"](self),
        1,
        2
    )
    self:escapeRow(row)
    -- A reply ending on a blank line (a thinking block closed by a stop: its fence and the blank
    -- line after it) already has the break the next heading needs: no second one.
    local blankEnd = col == 0 and row > 0 and trailing[1] == "" and trailing[2] == "" and table.concat(
        vim.api.nvim_buf_get_lines(self.buf, row - 1, row + 1, false),
        ""
    ) == ""
    local markRow = blankEnd and row - 1 or row
    if #meta > 0 then
        local virt = {}
        for ____, l in ipairs(meta) do
            virt[#virt + 1] = {l}
        end
        -- Left gravity: the next turn's heading, inserted where the reply ends, goes after the mark.
        vim.api.nvim_buf_set_extmark(
            self.buf,
            ____exports.NS,
            markRow,
            0,
            {virt_lines = virt, right_gravity = false}
        )
    end
    self:appendLines(blankEnd and __TS__ArraySlice(trailing, 2) or trailing)
    self:dropMarks()
    self:release(true)
end
function Reply.prototype.retract(self, meta)
    if self.closed then
        return
    end
    self:stopTimer()
    self.pending = {}
    self.closed = true
    self:release()
    if not vim.api.nvim_buf_is_valid(self.buf) then
        return
    end
    local start = vim.api.nvim_buf_get_extmark_by_id(self.buf, ____exports.NS, self.startMark, {})
    local erow, ecol = unpack(
        self["end"](self),
        1,
        2
    )
    if #start == 2 then
        local follow = self:followers()
        vim.api.nvim_buf_call(
            self.buf,
            function()
                if self.joinUndo then
                    vim.cmd("silent! undojoin")
                end
                vim.api.nvim_buf_set_text(
                    self.buf,
                    start[1],
                    start[2],
                    erow,
                    ecol,
                    {""}
                )
            end
        )
        local virt = {}
        for ____, l in ipairs(meta) do
            virt[#virt + 1] = {l}
        end
        if #virt > 0 then
            retractedMarks[self.buf] = vim.api.nvim_buf_set_extmark(
                self.buf,
                ____exports.NS,
                start[1],
                0,
                {virt_lines = virt}
            )
        end
        self:follow(follow)
    end
    self:dropMarks()
end
function Reply.prototype.dropMarks(self)
    if self.endMark >= 0 then
        vim.api.nvim_buf_del_extmark(self.buf, ____exports.NS, self.endMark)
    end
    if self.startMark >= 0 then
        vim.api.nvim_buf_del_extmark(self.buf, ____exports.NS, self.startMark)
    end
    self.endMark = -1
    self.startMark = -1
end
return ____exports
