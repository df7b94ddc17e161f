-- generated from src/ollama-chat/update/run.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local config = require("ollama-chat.config")
local events = require("ollama-chat.events")
local client = require("ollama-chat.ollama.client")
local localModels = require("ollama-chat.ollama.localmodels")
local ____names = require("ollama-chat.ollama.names")
local fullName = ____names.fullName
local sameModel = ____names.sameModel
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____check = require("ollama-chat.update.check")
local check = ____check.check
local ____format = require("ollama-chat.update.format")
local nameWidth = ____format.nameWidth
local ____outcome = require("ollama-chat.update.outcome")
local decide = ____outcome.decide
local failureText = ____outcome.failureText
local ____progress = require("ollama-chat.update.progress")
local PullTracker = ____progress.PullTracker
local ____queue = require("ollama-chat.update.queue")
local Queue = ____queue.Queue
local ____row = require("ollama-chat.update.row")
local isFinal = ____row.isFinal
local newRow = ____row.newRow
local report = require("ollama-chat.update.report")
local ____summary = require("ollama-chat.update.summary")
local emptyPayload = ____summary.emptyPayload
local message = ____summary.message
local payload = ____summary.payload
-- One run of :OllamaUpdate, :Ollama outdated or :Ollama pull: list the local models, then pull
-- (or check) them a few at a time through the queue, decide each outcome from /api/tags, and end
-- with a summary and the OllamaUpdateDone event. The run announces its changes on `runChanges`;
-- the progress view listens and redraws on its own schedule.
--- Registry checks are small requests: more of them at once than pulls.
local CHECK_CONCURRENCY = 4
--- Every run's changes.
____exports.runChanges = __TS__New(events.Channel, "update view")
____exports.Run = __TS__Class()
local Run = ____exports.Run
Run.name = "Run"
function Run.prototype.____constructor(self, request, hooks)
    self.request = request
    self.hooks = hooks
    self.rows = {}
    self.started = vim.uv.hrtime()
    self.pulled = {}
    self.pending = {}
    self.digests = {}
    self.stopped = false
    self.width = 0
end
function Run.prototype.noun(self)
    if self.request.mode == "check" then
        return "check"
    end
    return self.request.install and "pull" or "update"
end
function Run.prototype.start(self)
    self.listing = client.tags(function(err, models)
        self.listing = nil
        if err ~= nil or models == nil then
            return self:abort(err)
        end
        -- Whatever the listing holds, the run must end: a run left open would make every later
        -- :OllamaUpdate answer "already running".
        local ok, failure = pcall(function()
            self:noteTags(models)
            self:begin(models)
        end)
        if not ok and self.ended == nil then
            self:abort({
                kind = "invalid_response",
                message = "the update could not start: " .. tostring(failure)
            })
        end
    end)
end
function Run.prototype.stop(self)
    if self.ended ~= nil or self.stopped then
        return false
    end
    local cancelled = false
    if self.listing ~= nil then
        self.listing:cancel()
        cancelled = true
    end
    local queue = self.queue
    if queue ~= nil then
        local running = queue:running()
        local dropped = queue:cancel()
        for ____, row in ipairs(dropped) do
            self:settle(row, "cancelled", "")
        end
        cancelled = cancelled or running > 0 or #dropped > 0
    end
    self.stopped = cancelled
    self:changed()
    return cancelled
end
function Run.prototype.add(self, name)
    if self.request.mode ~= "update" or self.ended ~= nil or self.stopped then
        return false
    end
    if self.queue == nil then
        local ____self_pending_0 = self.pending
        ____self_pending_0[#____self_pending_0 + 1] = name
        return true
    end
    local row
    for ____, r in ipairs(self.rows) do
        if sameModel(r.name, name) then
            row = r
        end
    end
    if row ~= nil and not isFinal(row) then
        return true
    end
    if row == nil then
        row = self:rowFor(name, true)
        local ____self_rows_1 = self.rows
        ____self_rows_1[#____self_rows_1 + 1] = row
        self.width = nameWidth(self.rows)
    else
        -- Pulled again after it ended in this run: from where /api/tags says it is now.
        row.digest = self.digests[row.name]
        row.state = "queued"
        row.detail = ""
        row.tracker = nil
        row.ended = nil
    end
    self.queue:push(row)
    self:changed()
    return true
end
function Run.prototype.noteTags(self, models)
    for ____, m in ipairs(models) do
        self.digests[m.name] = m.digest
    end
    localModels.remember(models)
end
function Run.prototype.localName(self, name)
    if self.digests[name] ~= nil then
        return name
    end
    for ____local in pairs(self.digests) do
        if sameModel(____local, name) then
            return ____local
        end
    end
    return nil
end
function Run.prototype.rowFor(self, name, install)
    local ____local = self:localName(name)
    if ____local ~= nil then
        return newRow(____local, self.digests[____local])
    end
    local row = newRow(
        fullName(name),
        nil
    )
    if not install then
        row.state = "failed"
        row.detail = ("not installed: pull it with `:Ollama pull " .. fullName(name)) .. "`"
    end
    return row
end
function Run.prototype.buildRows(self, models)
    local names = self.request.names
    if names == nil then
        for ____, m in ipairs(models) do
            local ____self_rows_2 = self.rows
            ____self_rows_2[#____self_rows_2 + 1] = newRow(m.name, m.digest)
        end
    end
    local seen = {}
    for ____, r in ipairs(self.rows) do
        seen[r.name] = true
    end
    local named = names or ({})
    for ____, list in ipairs({named, self.pending}) do
        for ____, name in ipairs(list) do
            local row = self:rowFor(name, self.request.install or list == self.pending)
            if not (seen[row.name] ~= nil) then
                seen[row.name] = true
                local ____self_rows_3 = self.rows
                ____self_rows_3[#____self_rows_3 + 1] = row
            end
        end
    end
    self.pending = {}
end
function Run.prototype.begin(self, models)
    self:buildRows(models)
    if #self.rows == 0 then
        notify(self.request.mode == "check" and "no local models to check: pull one with `:Ollama pull llama3.2`" or "no local models to update: pull one with `:Ollama pull llama3.2`")
        self:close()
        return events.emit(
            "OllamaUpdateDone",
            emptyPayload(self.request.mode)
        )
    end
    self.width = nameWidth(self.rows)
    local limit = self.request.mode == "check" and CHECK_CONCURRENCY or config.get().update.concurrency
    local queue = __TS__New(
        Queue,
        limit,
        {
            start = function(row, done) return self.request.mode == "check" and self:checkJob(row, done) or self:pullJob(row, done) end,
            on_idle = function()
                local ____temp_4
                if self.request.mode == "check" then
                    ____temp_4 = self:finish()
                else
                    ____temp_4 = self:confirm()
                end
                return ____temp_4
            end
        }
    )
    self.queue = queue
    ____exports.runChanges:publish({run = self, phase = "started"})
    local queued = 0
    for ____, row in ipairs(self.rows) do
        if row.state == "queued" then
            queued = queued + 1
            queue:push(row)
        end
    end
    if queued == 0 then
        self:finish()
    end
end
function Run.prototype.snapshot(self)
    return {
        mode = self.request.mode,
        rows = self.rows,
        started = self.started,
        ended = self.ended,
        stopped = self.stopped,
        nameWidth = self.width
    }
end
function Run.prototype.lines(self, now)
    return report.lines(
        self:snapshot(),
        now
    )
end
function Run.prototype.title(self)
    return report.title(self.request.mode, self.request.install)
end
function Run.prototype.footer(self)
    return report.footer(self:snapshot())
end
function Run.prototype.stopFromView(self)
    if not self:stop() then
        notify(self.ended ~= nil and "nothing to stop: the run is over" or "nothing left to stop")
    end
end
function Run.prototype.updateOutdated(self)
    self.hooks.update_outdated()
end
function Run.prototype.changed(self)
    ____exports.runChanges:publish({run = self, phase = "changed"})
end
function Run.prototype.settle(self, row, state, detail)
    row.state = state
    row.detail = detail
    -- Confirming a pull through /api/tags settles it again: its time stays the pull's own.
    if row.ended == nil then
        row.ended = vim.uv.hrtime()
    end
end
function Run.prototype.conclude(self, row, err, after)
    local ____decide_11 = decide
    local ____row_digest_8 = row.digest
    local ____err_9 = err
    local ____after_10 = after
    local ____opt_5 = row.tracker
    local ____temp_7 = ____opt_5 and ____opt_5.changed
    if ____temp_7 == nil then
        ____temp_7 = false
    end
    local outcome = ____decide_11({before = ____row_digest_8, error = ____err_9, after = ____after_10, streamChanged = ____temp_7})
    if outcome.state == "updated" then
        self:settle(row, outcome.installed and "installed" or "updated", "")
    else
        self:settle(
            row,
            outcome.state,
            outcome.state == "failed" and failureText(row.name, outcome.error, row.digest ~= nil) or ""
        )
    end
    self:changed()
end
function Run.prototype.pullJob(self, row, done)
    local tracker = __TS__New(
        PullTracker,
        vim.uv.hrtime()
    )
    row.tracker = tracker
    row.state = "checking"
    row.detail = ""
    self:changed()
    return client.pull(
        row.name,
        {
            on_progress = function(p)
                tracker:feed(
                    p,
                    vim.uv.hrtime()
                )
                row.state = tracker.phase
                row.detail = p.status
                self:changed()
            end,
            on_done = function(err)
                self:conclude(row, err, nil)
                if err == nil then
                    local ____self_pulled_12 = self.pulled
                    ____self_pulled_12[#____self_pulled_12 + 1] = row
                end
                done()
            end
        }
    )
end
function Run.prototype.confirm(self)
    if self.ended ~= nil or self.listing ~= nil then
        return
    end
    local rows = self.pulled
    if #rows == 0 then
        if self.queue == nil or self.queue:running() == 0 then
            self:finish()
        end
        return
    end
    self.pulled = {}
    local handle
    handle = client.tags(function(err, models)
        if self.listing == handle then
            self.listing = nil
        end
        local known = err == nil and models ~= nil
        local after = {}
        if known then
            self:noteTags(models)
            for ____, m in ipairs(models) do
                after[m.name] = m.digest
            end
        end
        for ____, row in ipairs(rows) do
            self:conclude(row, nil, known and (after[row.name] or "") or nil)
        end
        self:confirm()
    end)
    self.listing = handle
end
function Run.prototype.checkJob(self, row, done)
    row.state = "checking"
    row.detail = "asking the registry"
    self:changed()
    return check(
        row.name,
        row.digest or "",
        config.get().update.registry,
        function(verdict, cancelled)
            if cancelled then
                self:settle(row, "cancelled", "")
            elseif verdict.state == "unknown" then
                self:settle(row, verdict.unreachable and "unreachable" or "unknown", verdict.error)
            else
                self:settle(row, verdict.state, "")
            end
            self:changed()
            done()
        end
    )
end
function Run.prototype.abort(self, err)
    local cancelled = err ~= nil and err.kind == "cancelled"
    local p = emptyPayload(self.request.mode)
    p.cancelled = cancelled
    if cancelled then
        notify(self:noun() .. " stopped before it began")
    else
        p.error = err ~= nil and err.message or "Ollama did not list the local models"
        notify(p.error, vim.log.levels.ERROR)
    end
    self:close()
    events.emit("OllamaUpdateDone", p)
end
function Run.prototype.finish(self)
    if self.ended ~= nil then
        return
    end
    local mode = self.request.mode
    local p = payload(mode, self.rows, self.stopped)
    self:close()
    ____exports.runChanges:publish({run = self, phase = "ended"})
    -- Ruler and showcmd share the last line: a longer message would wait for Enter.
    local width = vim.o.columns - 12 - #"ollama-chat: "
    local level = #p.failed > 0 and mode == "update" and vim.log.levels.WARN or vim.log.levels.INFO
    notify(
        message(
            mode,
            self.rows,
            self.stopped,
            width,
            self:noun()
        ),
        level
    )
    events.emit("OllamaUpdateDone", p)
end
function Run.prototype.close(self)
    self.ended = vim.uv.hrtime()
    self.hooks.on_end()
end
return ____exports
