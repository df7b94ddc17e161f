-- generated from src/ollama-chat/update/progress.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
-- What one pull's stream says so far: which phase it is in, the bytes being downloaded, the speed.
-- Any status string may come; only layer lines (with a total) count as bytes. A layer already on
-- disk gives a single line with completed == total: only layers seen incomplete are downloads.
--- Speed is measured over this window (ns), so a jittery stream still reads steadily.
local SPEED_WINDOW_NS = 2000000000
____exports.PullTracker = __TS__Class()
local PullTracker = ____exports.PullTracker
PullTracker.name = "PullTracker"
function PullTracker.prototype.____constructor(self, now)
    self.phase = "checking"
    self.status = ""
    self.done = 0
    self.total = 0
    self.changed = false
    self.layers = {}
    self.samples = {}
    self.started = now
end
function PullTracker.prototype.feed(self, p, now)
    self.status = p.status
    local total = p.total or 0
    if p.digest ~= nil and total > 0 then
        self:feedLayer(p.digest, total, p.completed or 0, now)
        return
    end
    -- "removing unused layers" only comes when the model changed (never whitelist the others).
    if (string.find(p.status, "removing", 1, true)) ~= nil and (string.find(p.status, "unused", 1, true)) ~= nil then
        if (string.find(p.status, "any", 1, true)) == nil then
            self.changed = true
        end
    end
    if self.phase == "downloading" and p.status ~= "pulling manifest" then
        self:finishLayers()
    end
end
function PullTracker.prototype.feedLayer(self, digest, total, completed, now)
    local layer = self.layers[digest]
    if layer == nil then
        layer = {total = total, completed = 0, downloading = false}
        self.layers[digest] = layer
    end
    if not layer.downloading and completed < total then
        layer.downloading = true
        self.total = self.total + total
        self.done = self.done + layer.completed
        self.changed = true
        self.phase = "downloading"
    end
    local next = math.min(completed, total)
    if layer.downloading and next > layer.completed then
        self.done = self.done + (next - layer.completed)
    end
    layer.completed = math.max(layer.completed, next)
    if layer.downloading then
        self:sample(now)
    end
end
function PullTracker.prototype.finishLayers(self)
    self.phase = "finishing"
    for ____, layer in pairs(self.layers) do
        if layer.downloading and layer.completed < layer.total then
            self.done = self.done + (layer.total - layer.completed)
            layer.completed = layer.total
        end
    end
end
function PullTracker.prototype.sample(self, now)
    local samples = self.samples
    local last = samples[#samples]
    if last ~= nil and last.time == now then
        last.bytes = self.done
    else
        samples[#samples + 1] = {time = now, bytes = self.done}
    end
    -- Drop samples older than the window, keeping one at its edge.
    local drop = 0
    while drop < #samples - 2 and now - samples[drop + 1 + 1].time >= SPEED_WINDOW_NS do
        drop = drop + 1
    end
    if drop > 0 then
        self.samples = __TS__ArraySlice(samples, drop)
    end
end
function PullTracker.prototype.speed(self, now)
    local samples = self.samples
    if #samples < 2 or self.phase ~= "downloading" then
        return 0
    end
    local first = samples[1]
    local elapsed = math.max(now, samples[#samples].time) - first.time
    if elapsed <= 0 then
        return 0
    end
    return (self.done - first.bytes) * 1000000000 / elapsed
end
function PullTracker.prototype.fraction(self)
    return self.total > 0 and math.min(1, self.done / self.total) or 0
end
return ____exports
