--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
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
