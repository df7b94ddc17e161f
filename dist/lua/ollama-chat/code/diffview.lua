-- generated from src/ollama-chat/code/diffview.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local ____lines = require("ollama-chat.ui.lines")
local sameTexts = ____lines.sameTexts
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
--- Why `buf` cannot take an edit now, if it cannot.
function ____exports.unwritable(buf)
    local name = vim.fn.bufname(buf) == "" and "[No Name]" or vim.fn.fnamemodify(
        vim.fn.bufname(buf),
        ":~:."
    )
    if not vim.api.nvim_get_option_value("modifiable", {buf = buf}) then
        return name .. " is not modifiable"
    end
    if vim.api.nvim_get_option_value("readonly", {buf = buf}) then
        return name .. " is read-only (:set noreadonly first)"
    end
    return nil
end
-- A proposed replacement of lines first..last of a buffer, shown inline in that buffer before
-- anything changes: the lines that would go are marked (DiffDelete, a "-" sign), the lines that
-- would come show as virtual lines below them (DiffAdd), both with cterm colours so they read
-- without 'termguicolors'. Keys while it is shown: ga / gr accept or reject the hunk under the
-- cursor (every open hunk when the cursor is on none), <CR> accepts and q rejects the rest, ]c /
-- [c go to the next / previous hunk. When no hunk is left open, the accepted ones are written in
-- one nvim_buf_set_lines: one undo step. The text may still be streaming in (an edit).
local NS = vim.api.nvim_create_namespace("ollama-chat-diff")
--- The range itself, tracked while the diff is shown (edits above it move it).
local NS_RANGE = vim.api.nvim_create_namespace("ollama-chat-diff-range")
local KEYS = {
    "ga",
    "gr",
    "<CR>",
    "q",
    "]c",
    "[c"
}
--- The view showing in each buffer (one at a time per buffer).
local shown = {}
function ____exports.viewOf(buf)
    return shown[buf]
end
--- Above this many lines histogram (the better diff of code) gets slow: 200 ms for 20,000 lines
-- against 16 ms for myers (bench/apply.lua). Smaller texts keep histogram.
local HISTOGRAM_MAX_LINES = 4000
local function hunksOf(old, proposed)
    local a = #old == 0 and "" or table.concat(old, "\n") .. "\n"
    local b = #proposed == 0 and "" or table.concat(proposed, "\n") .. "\n"
    local algorithm = math.max(#old, #proposed) > HISTOGRAM_MAX_LINES and "myers" or "histogram"
    local out = {}
    for ____, ____value in ipairs(vim.diff(a, b, {result_type = "indices", algorithm = algorithm})) do
        local sa = ____value[1]
        local ca = ____value[2]
        local sb = ____value[3]
        local cb = ____value[4]
        out[#out + 1] = {
            oldStart = ca > 0 and sa - 1 or sa,
            oldCount = ca,
            newStart = cb > 0 and sb - 1 or sb,
            newCount = cb,
            state = "open"
        }
    end
    return out
end
local function expandTabs(line, ts)
    if (string.find(line, "\t", 1, true)) == nil then
        return line
    end
    return (string.gsub(
        line,
        "\t",
        string.rep(" ", ts)
    ))
end
____exports.DiffView = __TS__Class()
local DiffView = ____exports.DiffView
DiffView.name = "DiffView"
function DiffView.prototype.____constructor(self, buf, first, last, old, proposed, streaming, outcome, note)
    self.buf = buf
    self.first = first
    self.last = last
    self.old = old
    self.outcome = outcome
    self.note = note
    self.proposed = {}
    self.hunks = {}
    self.closed = false
    self.saved = {}
    local ____opt_0 = shown[buf]
    if ____opt_0 ~= nil then
        ____opt_0:reject()
    end
    shown[buf] = self
    self.streaming = streaming
    local lastLine = vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[1] or ""
    self.range = vim.api.nvim_buf_set_extmark(
        buf,
        NS_RANGE,
        first - 1,
        0,
        {end_row = last - 1, end_col = #lastLine, right_gravity = false, end_right_gravity = true}
    )
    self:bindKeys()
    self.augroup = vim.api.nvim_create_augroup(
        "ollama-chat-diff-" .. tostring(buf),
        {clear = true}
    )
    vim.api.nvim_create_autocmd(
        {"BufUnload", "BufDelete"},
        {
            group = self.augroup,
            buffer = buf,
            once = true,
            callback = function()
                notify("the buffer of the diff was closed: nothing applied", vim.log.levels.WARN)
                self:close(false, nil)
            end
        }
    )
    self:setProposed(proposed)
    if not streaming and #self.hunks == 0 then
        notify("nothing to apply: the code is the same as the lines it would replace")
        self:close(false, nil)
        return
    end
    self:render()
end
function DiffView.prototype.isOpen(self)
    return not self.closed
end
function DiffView.prototype.span(self)
    if not vim.api.nvim_buf_is_valid(self.buf) then
        return nil
    end
    local m = vim.api.nvim_buf_get_extmark_by_id(self.buf, NS_RANGE, self.range, {details = true})
    if m[1] == nil then
        return nil
    end
    return {m[1], m[3].end_row or m[1]}
end
function DiffView.prototype.base(self)
    local ____opt_2 = self:span()
    return ____opt_2 and ____opt_2[1]
end
function DiffView.prototype.where(self)
    local s = self:span()
    if s == nil then
        return nil
    end
    return {
        s[1],
        vim.api.nvim_buf_get_lines(self.buf, s[1], s[2] + 1, false)
    }
end
function DiffView.prototype.setProposed(self, lines)
    self.proposed = lines
    self.hunks = hunksOf(self.old, lines)
end
function DiffView.prototype.update(self, lines, done)
    if self.closed then
        return
    end
    self:setProposed(lines)
    if done then
        self.streaming = false
        self:render()
        if #self.hunks == 0 then
            notify("the model proposes no change")
            self:close(false, nil)
        end
        return
    end
    self:render()
end
function DiffView.prototype.abort(self)
    self:close(false, nil)
end
function DiffView.prototype.width(self)
    local win = vim.fn.bufwinid(self.buf)
    return win > 0 and vim.api.nvim_win_get_width(win) or 80
end
function DiffView.prototype.rowsOf(self, h, base)
    if h.oldCount > 0 then
        return {base + h.oldStart, base + h.oldStart + h.oldCount - 1}
    end
    local row = base + math.max(0, h.oldStart - 1)
    return {row, row}
end
function DiffView.prototype.render(self)
    if self.closed or not vim.api.nvim_buf_is_valid(self.buf) then
        return
    end
    local base = self:base()
    if base == nil then
        return
    end
    vim.api.nvim_buf_clear_namespace(self.buf, NS, 0, -1)
    local width = self:width()
    local ts = vim.api.nvim_get_option_value("tabstop", {buf = self.buf})
    local hinted = false
    for ____, h in ipairs(self.hunks) do
        if h.state ~= "rejected" then
            local accepted = h.state == "accepted"
            do
                local k = 0
                while k < h.oldCount do
                    vim.api.nvim_buf_set_extmark(
                        self.buf,
                        NS,
                        base + h.oldStart + k,
                        0,
                        {line_hl_group = "DiffDelete", sign_text = accepted and "x" or "-", sign_hl_group = "DiffDelete", priority = 200}
                    )
                    k = k + 1
                end
            end
            local virt = {}
            do
                local k = 0
                while k < h.newCount do
                    local text = expandTabs(self.proposed[h.newStart + k + 1], ts)
                    local pad = math.max(
                        0,
                        width - vim.fn.strdisplaywidth(text)
                    )
                    virt[#virt + 1] = {{
                        text .. string.rep(" ", pad),
                        accepted and "DiffText" or "DiffAdd"
                    }}
                    k = k + 1
                end
            end
            local above = h.oldCount == 0 and h.oldStart == 0
            local row = h.oldCount > 0 and base + h.oldStart + h.oldCount - 1 or base + math.max(0, h.oldStart - 1)
            local mark = {priority = 200}
            if #virt > 0 then
                mark.virt_lines = virt
                mark.virt_lines_above = above
            end
            if not hinted or accepted then
                mark.virt_text = {{
                    accepted and "  accepted" or self:hint(),
                    accepted and "DiffText" or "Comment"
                }}
                mark.virt_text_pos = "eol"
                if not accepted then
                    hinted = true
                end
            end
            vim.api.nvim_buf_set_extmark(
                self.buf,
                NS,
                math.min(
                    row,
                    vim.api.nvim_buf_line_count(self.buf) - 1
                ),
                0,
                mark
            )
        end
    end
end
function DiffView.prototype.hint(self)
    local keys = self.streaming and "  streaming… q stops and rejects" or "  ga accept · gr reject · ]c/[c hunks · <CR> accept all · q reject all"
    return self.note ~= nil and (keys .. " · ") .. self.note or keys
end
function DiffView.prototype.hunkAtCursor(self)
    local base = self:base()
    if base == nil or vim.api.nvim_get_current_buf() ~= self.buf then
        return nil
    end
    local row = vim.api.nvim_win_get_cursor(0)[1] - 1
    for ____, h in ipairs(self.hunks) do
        local a, b = unpack(
            self:rowsOf(h, base),
            1,
            2
        )
        if h.state == "open" and row >= a and row <= b then
            return h
        end
    end
    return nil
end
function DiffView.prototype.decide(self, state, all)
    if self.streaming and state == "accepted" then
        notify("the edit is still streaming: wait for it to finish (q stops it and rejects)", vim.log.levels.WARN)
        return
    end
    if self.streaming then
        local ____opt_4 = self.outcome.stop
        if ____opt_4 ~= nil then
            ____opt_4()
        end
        self:close(false, nil)
        return
    end
    local ____all_6
    if all then
        ____all_6 = nil
    else
        ____all_6 = self:hunkAtCursor()
    end
    local one = ____all_6
    for ____, h in ipairs(self.hunks) do
        if h.state == "open" and (one == nil or h == one) then
            h.state = state
        end
    end
    for ____, h in ipairs(self.hunks) do
        if h.state == "open" then
            self:render()
            self:jump(1)
            return
        end
    end
    self:finish()
end
function DiffView.prototype.accept(self, all)
    if all == nil then
        all = false
    end
    self:decide("accepted", all)
end
function DiffView.prototype.reject(self, all)
    if all == nil then
        all = false
    end
    self:decide("rejected", all)
end
function DiffView.prototype.jump(self, dir)
    if self.closed then
        return
    end
    local base = self:base()
    local win = vim.fn.bufwinid(self.buf)
    if base == nil or win < 0 then
        return
    end
    local row = vim.api.nvim_win_get_cursor(win)[1] - 1
    local target
    for ____, h in ipairs(self.hunks) do
        if h.state == "open" then
            local a = unpack(
                self:rowsOf(h, base),
                1,
                1
            )
            if dir == 0 and target == nil then
                target = a
            end
            if dir > 0 and a > row and target == nil then
                target = a
            end
            if dir < 0 and a < row then
                target = a
            end
        end
    end
    if target == nil and dir > 0 then
        for ____, h in ipairs(self.hunks) do
            if h.state == "open" and target == nil then
                target = self:rowsOf(h, base)[1]
            end
        end
    end
    if target ~= nil then
        vim.api.nvim_win_set_cursor(win, {target + 1, 0})
    end
end
function DiffView.prototype.finish(self)
    local w = self:where()
    if w == nil then
        notify("the buffer of the diff is gone: nothing applied", vim.log.levels.WARN)
        return self:close(false, nil)
    end
    local base, now = unpack(w, 1, 2)
    local anyAccepted = false
    for ____, h in ipairs(self.hunks) do
        if h.state == "accepted" then
            anyAccepted = true
        end
    end
    if not anyAccepted then
        return self:close(false, nil)
    end
    local refusal = ____exports.unwritable(self.buf)
    if refusal ~= nil then
        notify(refusal .. ": nothing applied", vim.log.levels.ERROR)
        return self:close(false, nil)
    end
    if not sameTexts(now, self.old) then
        notify("the lines changed while the diff was shown: nothing applied; apply again to see the new diff", vim.log.levels.WARN)
        return self:close(false, nil)
    end
    -- Each accepted hunk written on its own, the last first (the rows above stay where they are):
    -- one undo step still (no undo sync between the writes of one key), and 200 one-line writes
    -- cost less than rewriting the 20,000 lines around them.
    local spanStart = #self.old
    local spanEnd = 0
    local grown = 0
    do
        local k = #self.hunks - 1
        while k >= 0 do
            local h = self.hunks[k + 1]
            if h.state == "accepted" then
                local lines = {}
                do
                    local i = 0
                    while i < h.newCount do
                        lines[#lines + 1] = self.proposed[h.newStart + i + 1]
                        i = i + 1
                    end
                end
                vim.api.nvim_buf_set_lines(
                    self.buf,
                    base + h.oldStart,
                    base + h.oldStart + h.oldCount,
                    false,
                    lines
                )
                spanStart = math.min(spanStart, h.oldStart)
                spanEnd = math.max(spanEnd, h.oldStart + h.oldCount)
                grown = grown + (h.newCount - h.oldCount)
            end
            k = k - 1
        end
    end
    local first = base + spanStart + 1
    self:close(
        true,
        {
            first,
            math.max(first, base + spanEnd + grown)
        }
    )
end
function DiffView.prototype.close(self, accepted, written)
    if self.closed then
        return
    end
    self.closed = true
    if shown[self.buf] == self then
        shown[self.buf] = nil
    end
    pcall(vim.api.nvim_del_augroup_by_id, self.augroup)
    if vim.api.nvim_buf_is_valid(self.buf) then
        vim.api.nvim_buf_clear_namespace(self.buf, NS, 0, -1)
        vim.api.nvim_buf_del_extmark(self.buf, NS_RANGE, self.range)
        self:restoreKeys()
    end
    self.outcome.done(accepted, written and written[1] or self.first, written and written[2] or self.last)
end
function DiffView.prototype.bindKeys(self)
    local buf = self.buf
    local function opts(desc)
        return {buffer = buf, desc = "Ollama diff: " .. desc, nowait = true, silent = true}
    end
    self.saved = {}
    vim.api.nvim_buf_call(
        buf,
        function()
            for ____, lhs in ipairs(KEYS) do
                local m = vim.fn.maparg(lhs, "n", false, true)
                local ____self_saved_11 = self.saved
                ____self_saved_11[#____self_saved_11 + 1] = {lhs = lhs, map = m.buffer == 1 and m or nil}
            end
        end
    )
    vim.keymap.set(
        "n",
        "ga",
        function() return self:accept() end,
        opts("accept the hunk under the cursor (all when on none)")
    )
    vim.keymap.set(
        "n",
        "gr",
        function() return self:reject() end,
        opts("reject the hunk under the cursor (all when on none)")
    )
    vim.keymap.set(
        "n",
        "<CR>",
        function() return self:accept(true) end,
        opts("accept every open hunk")
    )
    vim.keymap.set(
        "n",
        "q",
        function() return self:reject(true) end,
        opts("reject every open hunk")
    )
    vim.keymap.set(
        "n",
        "]c",
        function() return self:jump(1) end,
        opts("next hunk")
    )
    vim.keymap.set(
        "n",
        "[c",
        function() return self:jump(-1) end,
        opts("previous hunk")
    )
end
function DiffView.prototype.restoreKeys(self)
    local buf = self.buf
    for ____, s in ipairs(self.saved) do
        pcall(vim.keymap.del, "n", s.lhs, {buffer = buf})
        if s.map ~= nil then
            local map = s.map
            vim.api.nvim_buf_call(
                buf,
                function() return vim.fn.mapset("n", false, map) end
            )
        end
    end
end
return ____exports
