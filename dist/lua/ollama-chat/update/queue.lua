-- generated from src/ollama-chat/update/queue.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
____exports.Queue = __TS__Class()
local Queue = ____exports.Queue
Queue.name = "Queue"
function Queue.prototype.____constructor(self, limit, jobs)
    self.limit = limit
    self.jobs = jobs
    self.waiting = {}
    self.waitingHead = 0
    self.active = {}
    self.activeCount = 0
    self.pumping = false
    self.idle = true
end
function Queue.prototype.push(self, item)
    -- A queue that runs at most `limit` jobs at once, in the order they were added.
    local ____self_waiting_0 = self.waiting
    ____self_waiting_0[#____self_waiting_0 + 1] = item
    self.idle = false
    self:pump()
end
function Queue.prototype.running(self)
    return self.activeCount
end
function Queue.prototype.cancel(self)
    local dropped = __TS__ArraySlice(self.waiting, self.waitingHead)
    self.waiting = {}
    self.waitingHead = 0
    for ____, handle in pairs(self.active) do
        if handle ~= false then
            handle:cancel()
        end
    end
    self:checkIdle()
    return dropped
end
function Queue.prototype.pump(self)
    if self.pumping then
        return
    end
    self.pumping = true
    while self.activeCount < self.limit and self.waitingHead < #self.waiting do
        local item = self.waiting[self.waitingHead + 1]
        self.waitingHead = self.waitingHead + 1
        self.activeCount = self.activeCount + 1
        self.active[item] = false
        local finished = false
        local handle = self.jobs.start(
            item,
            function()
                if finished then
                    return
                end
                finished = true
                self.active[item] = nil
                self.activeCount = self.activeCount - 1
                self:pump()
            end
        )
        if not finished then
            self.active[item] = handle
        end
    end
    if self.waitingHead >= #self.waiting then
        self.waiting = {}
        self.waitingHead = 0
    end
    self.pumping = false
    self:checkIdle()
end
function Queue.prototype.checkIdle(self)
    if self.idle or self.pumping or self.activeCount > 0 or self.waitingHead < #self.waiting then
        return
    end
    self.idle = true
    self.jobs.on_idle()
end
return ____exports
