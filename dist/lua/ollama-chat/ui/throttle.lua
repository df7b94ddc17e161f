-- generated from src/ollama-chat/ui/throttle.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
-- Throttled redraws: many changes announced together (200 /api/show answers, a burst of progress)
-- are drawn once, at most every `ms`, on the main loop.
--- Stops and closes a libuv timer (safe on one already closing).
function ____exports.stopTimer(timer)
    if timer == nil then
        return
    end
    timer:stop()
    if not timer:is_closing() then
        timer:close()
    end
end
____exports.Throttle = __TS__Class()
local Throttle = ____exports.Throttle
Throttle.name = "Throttle"
function Throttle.prototype.____constructor(self, ms, run)
    self.ms = ms
    self.run = run
end
function Throttle.prototype.request(self)
    if self.timer ~= nil then
        return
    end
    local timer = vim.uv.new_timer()
    self.timer = timer
    timer:start(
        self.ms,
        0,
        function()
            vim.schedule(function()
                ____exports.stopTimer(timer)
                if self.timer ~= timer then
                    return
                end
                self.timer = nil
                self.run()
            end)
        end
    )
end
function Throttle.prototype.cancel(self)
    ____exports.stopTimer(self.timer)
    self.timer = nil
end
return ____exports
