-- generated from src/ollama-chat/models/listing.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local changed, showKey, noteError, pumpShows, askShows, SHOW_CONCURRENCY, state, detailed, psRequest
local client = require("ollama-chat.ollama.client")
local ____names = require("ollama-chat.ollama.names")
local sameModel = ____names.sameModel
local ____changes = require("ollama-chat.models.changes")
local changes = ____changes.changes
local ____time = require("ollama-chat.models.time")
local epochNow = ____time.epochNow
local parseTime = ____time.parseTime
function changed()
    changes:publish({what = "listing"})
end
function showKey(m)
    return (m.name .. "\n") .. m.digest
end
function noteError(err)
    if err == nil then
        state.error = nil
    elseif err.kind ~= "cancelled" then
        state.error = err.message
    end
end
--- What /api/show said about this version of the model (or the listing itself, when it says it).
function ____exports.showFacts(m)
    local cached = state.shows[showKey(m)]
    if cached ~= nil then
        return cached
    end
    local listed = m.capabilities
    local ____opt_0 = m.details
    local ctx = ____opt_0 and ____opt_0.context_length
    if type(listed) == "table" and type(ctx) == "number" then
        return {capabilities = listed, context_length = ctx}
    end
    return nil
end
function pumpShows()
    while state.showsInFlight < SHOW_CONCURRENCY and #state.showQueue > 0 do
        local m = table.remove(state.showQueue, 1)
        local key = showKey(m)
        state.showsInFlight = state.showsInFlight + 1
        client.showModel(
            m.name,
            function(err, facts)
                state.showsInFlight = state.showsInFlight - 1
                state.queued[key] = nil
                if facts ~= nil then
                    state.shows[key] = {capabilities = facts.capabilities, context_length = facts.context_length}
                end
                -- A model deleted meanwhile (404) shows no capabilities; its row goes at the next listing.
                if err ~= nil and err.kind ~= "not_found" then
                    noteError(err)
                end
                changed()
                pumpShows()
            end
        )
    end
end
function askShows(models)
    if not detailed then
        return
    end
    for ____, m in ipairs(models) do
        local key = showKey(m)
        if ____exports.showFacts(m) == nil and not (state.queued[key] ~= nil) then
            state.queued[key] = true
            local ____state_showQueue_2 = state.showQueue
            ____state_showQueue_2[#____state_showQueue_2 + 1] = m
        end
    end
    pumpShows()
end
--- Asks which models are loaded; `done` once an answer given after this call arrived.
function ____exports.refreshRunning(done)
    psRequest:run(done)
end
SHOW_CONCURRENCY = 3
state = {
    tags = nil,
    running = {},
    runningAt = -1,
    nextExpiry = nil,
    runningAskedAt = -1,
    error = nil,
    shows = {},
    showQueue = {},
    queued = {},
    showsInFlight = 0
}
function ____exports.tags()
    return state.tags
end
function ____exports.running()
    return state.running
end
--- Whether `name` was in memory at the last /api/ps answer.
function ____exports.isLoaded(name)
    for ____, r in ipairs(state.running) do
        if r.name == name then
            return true
        end
    end
    return false
end
--- How old the /api/ps answer a statusline is told from may be (ms).
local LOADED_TTL_MS = 10000
--- A statusline asks on every redraw: /api/ps at most this often for it (ms).
local LOADED_MIN_AGE_MS = 1000
--- Whether the last /api/ps answer is too old to tell a statusline from: older than
-- LOADED_TTL_MS, asked before a chat request ended (which may have loaded or unloaded a model),
-- or a model it listed has reached the time Ollama said it unloads at.
local function runningStale()
    if state.runningAt < 0 then
        return true
    end
    local age = vim.uv.now() - state.runningAt
    if age > LOADED_TTL_MS then
        return true
    end
    if age < LOADED_MIN_AGE_MS then
        return false
    end
    -- A reply, a preload or an unload ended since it was asked, or a listed model's time is up.
    if client.memoryChanges() ~= state.runningAskedAt then
        return true
    end
    return state.nextExpiry ~= nil and epochNow() >= state.nextExpiry
end
--- The earliest time (epoch s) a listed model unloads at, if any.
local function earliestExpiry(list)
    local first
    for ____, r in ipairs(list) do
        local t = parseTime(r.expires_at)
        if t ~= nil and (first == nil or t < first) then
            first = t
        end
    end
    return first
end
--- For statuslines: whether `name` is in memory, as of the last /api/ps (asked again in the
-- background once stale, see runningStale); undefined before the first answer.
function ____exports.loadedState(name)
    if not psRequest:busy() and runningStale() then
        ____exports.refreshRunning()
    end
    if state.runningAt < 0 then
        return nil
    end
    for ____, r in ipairs(state.running) do
        if sameModel(r.name, name) then
            return true
        end
    end
    return false
end
--- When /api/ps last answered (vim.uv.now() ms), -1 when it never did.
function ____exports.runningAt()
    return state.runningAt
end
function ____exports.error()
    return state.error
end
detailed = false
--- Whether /api/show is asked about each listed model (only while the view shows them).
function ____exports.setDetailed(on)
    detailed = on
    if on and state.tags ~= nil then
        askShows(state.tags)
    end
end
--- One request of a kind at a time. Asked again while one runs (after an action, say), it runs
-- once more when that one ends, so every caller hears an answer given after it asked.
local Single = __TS__Class()
Single.name = "Single"
function Single.prototype.____constructor(self, start)
    self.start = start
    self.again = false
    self.waiting = {}
    self.next = {}
end
function Single.prototype.busy(self)
    return self.handle ~= nil
end
function Single.prototype.run(self, done)
    if self.handle ~= nil then
        self.again = true
        if done ~= nil then
            local ____self_next_3 = self.next
            ____self_next_3[#____self_next_3 + 1] = done
        end
        return
    end
    if done ~= nil then
        local ____self_waiting_4 = self.waiting
        ____self_waiting_4[#____self_waiting_4 + 1] = done
    end
    self.handle = self.start(function(err)
        self.handle = nil
        local waiting = self.waiting
        self.waiting = {}
        for ____, cb in ipairs(waiting) do
            cb(err)
        end
        if self.again then
            self.again = false
            self.waiting = self.next
            self.next = {}
            self:run()
        end
    end)
end
local tagsRequest = __TS__New(
    Single,
    function(done) return client.tags(function(err, models)
        noteError(err)
        if models ~= nil then
            state.tags = models
            askShows(models)
        end
        changed()
        done(err)
    end) end
)
psRequest = __TS__New(
    Single,
    function(done)
        local askedAt = client.memoryChanges()
        return client.running(function(err, list)
            noteError(err)
            if list ~= nil then
                state.running = list
                state.runningAt = vim.uv.now()
                state.nextExpiry = earliestExpiry(list)
                state.runningAskedAt = askedAt
            end
            changed()
            done(err)
        end)
    end
)
--- Whether a request is in flight (for the benchmark: a refresh is over when nothing is).
function ____exports.busy()
    return tagsRequest:busy() or psRequest:busy() or state.showsInFlight > 0
end
--- Lists the local models again; `done` once an answer given after this call arrived.
function ____exports.refreshTags(done)
    tagsRequest:run(done)
end
--- Forgets a model at once (deleted here, or found deleted by another client).
function ____exports.forget(name)
    if state.tags == nil then
        return
    end
    local kept = {}
    for ____, m in ipairs(state.tags) do
        if m.name ~= name then
            kept[#kept + 1] = m
        end
    end
    state.tags = kept
    changed()
end
return ____exports
