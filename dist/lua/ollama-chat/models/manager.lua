-- generated from src/ollama-chat/models/manager.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local ____lazy = require("ollama-chat.lazy")
local lazy = ____lazy.lazy
local prefs = require("ollama-chat.store.prefs")
local client = require("ollama-chat.ollama.client")
local ____changes = require("ollama-chat.models.changes")
local changes = ____changes.changes
local listing = require("ollama-chat.models.listing")
local outdated = require("ollama-chat.models.outdated")
local ____rows = require("ollama-chat.models.rows")
local buildRows = ____rows.buildRows
local viewLines = ____rows.viewLines
local view = require("ollama-chat.models.view")
local ____time = require("ollama-chat.models.time")
local epochNow = ____time.epochNow
local ____throttle = require("ollama-chat.ui.throttle")
local Throttle = ____throttle.Throttle
local stopTimer = ____throttle.stopTimer
-- :Ollama models (require("ollama-chat.models.manager")): the model manager. Opens the view,
-- keeps it true while it is visible (a refresh after every action, /api/ps polled, the listing
-- now and then), and gives the actions on models to the API and the :Ollama subcommands.
--- /api/ps while the view is visible, this often (ms).
____exports.POLL_MS = 2000
--- The listing (/api/tags: other clients pull, copy, delete) every this many polls.
local TAGS_EVERY = 2
--- Redraws are gathered: many answers arrive together (200 /api/show replies).
local REDRAW_MS = 100
-- Chatting and updating belong to other features, loaded when a key needs them.
local chat = lazy("ollama-chat.chat.session")
local updater = lazy("ollama-chat.update.updater")
-- Loaded when a key or the API asks for them: opening the view needs neither.
local lifecycle = lazy("ollama-chat.models.lifecycle")
local details = lazy("ollama-chat.models.details")
____exports.deleteModel = function(name, opts) return lifecycle().deleteModel(name, opts) end
____exports.copyModel = function(from, to, done) return lifecycle().copyModel(from, to, done) end
____exports.preloadModel = function(name) return lifecycle().preloadModel(name) end
____exports.unloadModel = function(name) return lifecycle().unloadModel(name) end
____exports.running = function(cb) return lifecycle().running(cb) end
local state = {
    pollTimer = nil,
    ticks = 0,
    redraws = 0,
    redrawNs = 0,
    redrawMaxNs = 0
}
local function defaultModel()
    local m = prefs.get("default_model")
    return type(m) == "string" and m or nil
end
--- Draws the view from what is known now (only the lines that changed are written).
function ____exports.redraw()
    if view.buffer() == nil then
        return
    end
    local t0 = vim.uv.hrtime()
    local tags = listing.tags()
    local rows = buildRows({
        tags = tags or ({}),
        running = listing.running(),
        show = listing.showFacts,
        defaultModel = defaultModel(),
        outdated = outdated.lastCheck()
    })
    local ____viewLines_result_0 = viewLines(
        rows,
        {
            host = client.host(),
            error = listing.error(),
            loading = tags == nil,
            outdated = outdated.lastCheck()
        },
        epochNow()
    )
    local lines = ____viewLines_result_0.lines
    local rowStart = ____viewLines_result_0.rowStart
    local names = {}
    for ____, r in ipairs(rows) do
        names[#names + 1] = r.name
    end
    view.render(lines, names, rowStart)
    local took = vim.uv.hrtime() - t0
    state.redraws = state.redraws + 1
    state.redrawNs = state.redrawNs + took
    state.redrawMaxNs = math.max(state.redrawMaxNs, took)
end
local redrawSoon = __TS__New(
    Throttle,
    REDRAW_MS,
    function()
        if view.isVisible() then
            ____exports.redraw()
        end
    end
)
--- Asks for a redraw within REDRAW_MS; what changed meanwhile is drawn once.
function ____exports.scheduleRedraw()
    redrawSoon:request()
end
changes:subscribe(function() return ____exports.scheduleRedraw() end)
--- Lists the models and what is loaded again.
function ____exports.refresh()
    listing.refreshTags()
    listing.refreshRunning()
end
local function stopPolling()
    stopTimer(state.pollTimer)
    state.pollTimer = nil
end
local function tick()
    if not view.isVisible() then
        return stopPolling()
    end
    state.ticks = state.ticks + 1
    -- While Ollama is down, both: the listing comes back with it.
    if listing.error() ~= nil or state.ticks % TAGS_EVERY == 0 then
        listing.refreshTags()
    end
    listing.refreshRunning()
    -- Times move on ("unloads in 3 min") even when Ollama said nothing new.
    ____exports.scheduleRedraw()
end
local function startPolling()
    if state.pollTimer ~= nil then
        return
    end
    local timer = vim.uv.new_timer()
    state.pollTimer = timer
    state.ticks = 0
    timer:start(
        ____exports.POLL_MS,
        ____exports.POLL_MS,
        function() return vim.schedule(function() return tick() end) end
    )
end
--- Whether the view polls now (for specs: it stops when the view is hidden).
function ____exports.isPolling()
    return state.pollTimer ~= nil
end
--- How many redraws there were, their editor time, and whether a request is in flight.
function ____exports.stats()
    return {
        redraws = state.redraws,
        redraw_ms = state.redrawNs / 1000000,
        redraw_max_ms = state.redrawMaxNs / 1000000,
        busy = listing.busy()
    }
end
--- Starts counting redraws afresh (benchmark rounds).
function ____exports.resetStats()
    state.redraws = 0
    state.redrawNs = 0
    state.redrawMaxNs = 0
end
--- Opening the view fires BufEnter as well: one refresh for both.
local SHOWN_REFRESH_MS = 500
local shownAt = -1
local shownCount = 0
--- The view became visible: drawn now from what is known; the requests start on the next turn of
-- the main loop (after the view is on screen) and each answer is drawn when it comes.
local function shown()
    shownCount = shownCount + 1
    listing.setDetailed(true)
    ____exports.redraw()
    if shownAt < 0 or vim.uv.now() - shownAt > SHOWN_REFRESH_MS then
        vim.schedule(function() return ____exports.refresh() end)
    end
    shownAt = vim.uv.now()
    startPolling()
end
local function chatWith(name)
    view.close()
    chat().switchModel(name)
    chat().open()
end
local function copyPrompt(name)
    vim.ui.input(
        {prompt = ("Copy " .. name) .. " to (name:tag): ", default = name},
        function(input)
            if input == nil or vim.trim(input) == "" then
                return
            end
            lifecycle().copyModel(
                name,
                input,
                function(dest)
                    ____exports.redraw()
                    view.focusModel(dest)
                end
            )
        end
    )
end
local function pullPrompt()
    updater().askToPull()
end
local KEYS = {
    chat = function(name) return chatWith(name) end,
    delete = function(name) return lifecycle().deleteModel(name) end,
    update = function(name) return updater().update({models = {name}}) end,
    update_all = function() return updater().update({}) end,
    copy = function(name) return copyPrompt(name) end,
    load = function(name) return lifecycle().preloadModel(name) end,
    unload = function(name) return lifecycle().unloadModel(name) end,
    details = function(name) return details().show(name) end,
    pull = function() return pullPrompt() end,
    refresh = function() return ____exports.refresh() end
}
--- Opens the model manager (or goes to it).
function ____exports.open()
    -- Entering the view's buffer fires on_shown (BufEnter): once is enough; a view already current
    -- fires nothing.
    local before = shownCount
    view.open(
        KEYS,
        {on_shown = function() return shown() end}
    )
    if shownCount == before then
        shown()
    end
end
-- A pull or an update changes the listing: shown when it ends.
vim.api.nvim_create_autocmd(
    "User",
    {
        group = vim.api.nvim_create_augroup("ollama-chat-models", {clear = true}),
        pattern = "OllamaUpdateDone",
        callback = function()
            if view.isVisible() then
                ____exports.refresh()
            end
        end
    }
)
return ____exports
