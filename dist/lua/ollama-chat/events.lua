-- generated from src/ollama-chat/events.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
--- Fires `User {pattern}` with `data` in `args.data`, scheduled, a failing handler reported.
function ____exports.emit(pattern, data)
    vim.schedule(function()
        local ok, err = pcall(function() return vim.api.nvim_exec_autocmds("User", {pattern = pattern, modeline = false, data = data}) end)
        if not ok then
            vim.notify(
                (("ollama-chat: an " .. pattern) .. " handler failed: ") .. tostring(err),
                vim.log.levels.ERROR
            )
        end
    end)
end
--- A publish/subscribe channel for one kind of state change.
____exports.Channel = __TS__Class()
local Channel = ____exports.Channel
Channel.name = "Channel"
function Channel.prototype.____constructor(self, name)
    self.name = name
    self.listeners = {}
end
function Channel.prototype.subscribe(self, fn)
    local ____self_listeners_0 = self.listeners
    ____self_listeners_0[#____self_listeners_0 + 1] = fn
    return function()
        local kept = {}
        for ____, l in ipairs(self.listeners) do
            if l ~= fn then
                kept[#kept + 1] = l
            end
        end
        self.listeners = kept
    end
end
function Channel.prototype.publish(self, payload)
    for ____, fn in ipairs(self.listeners) do
        local ok, err = pcall(fn, payload)
        if not ok then
            vim.notify(
                (("ollama-chat: a " .. self.name) .. " listener failed: ") .. tostring(err),
                vim.log.levels.ERROR
            )
        end
    end
end
return ____exports
