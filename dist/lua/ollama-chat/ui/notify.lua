-- generated from src/ollama-chat/ui/notify.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- Notifications always go through vim.schedule: they can be raised from libuv callbacks.
local TITLE = "ollama-chat"
function ____exports.notify(msg, level)
    if level == nil then
        level = vim.log.levels.INFO
    end
    local function send()
        return vim.notify((TITLE .. ": ") .. msg, level, {title = TITLE})
    end
    if vim.in_fast_event() then
        vim.schedule(send)
    else
        send()
    end
end
return ____exports
