--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
--- Fires `User {pattern}` with `data` in `args.data`, scheduled, each handler failure reported.
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
local listeners = {}
--- Calls `fn` on every publish to `topic` until the returned function is called.
function ____exports.subscribe(topic, fn)
    local list = listeners[topic]
    if list == nil then
        list = {}
        listeners[topic] = list
    end
    list[#list + 1] = fn
    return function()
        local current = listeners[topic] or ({})
        local kept = {}
        for ____, l in ipairs(current) do
            if l ~= fn then
                kept[#kept + 1] = l
            end
        end
        listeners[topic] = kept
    end
end
--- Tells the subscribers of `topic`, synchronously (they only take note, and redraw on their own
-- schedule). A failing subscriber is reported and does not stop the others or the publisher.
function ____exports.publish(topic, payload)
    local list = listeners[topic]
    if list == nil then
        return
    end
    for ____, fn in ipairs(list) do
        local ok, err = pcall(fn, payload)
        if not ok then
            vim.notify(
                (("ollama-chat: a " .. topic) .. " view failed: ") .. tostring(err),
                vim.log.levels.ERROR
            )
        end
    end
end
return ____exports
