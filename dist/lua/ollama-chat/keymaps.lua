--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
local config = require("ollama-chat.config")
local ACTIONS = {
    default_model = {desc = "Set the default model", command = "model"},
    open = {desc = "Open the chat with the default model", command = "open"},
    switch_model = {desc = "Switch the model of the open chat", command = "switch"},
    toggle = {desc = "Toggle the chat pane", command = "toggle"},
    close = {desc = "Close the chat session", command = "close"},
    horizontal = {desc = "Chat in a horizontal split", command = "layout horizontal"},
    vertical = {desc = "Chat in a vertical split", command = "layout vertical"},
    save = {desc = "Save the chat under a name", command = "save"},
    load = {desc = "Load a saved chat", command = "load"},
    clear = {desc = "Delete all saved chats", command = "clear"},
    ask = {desc = "Ask about the buffer or the selection", command = "ask", visual = true},
    update = {desc = "Update all models", command = "update"}
}
local made = {}
function ____exports.plug(action)
    return ("<Plug>(ollama-chat-" .. action) .. ")"
end
local function describe(action)
    return "Ollama: " .. ACTIONS[action].desc
end
local function actionNames()
    local names = {}
    for name in pairs(config.KEYMAP_ACTIONS) do
        names[#names + 1] = name
    end
    return names
end
local function modesOf(action)
    return ACTIONS[action].visual == true and ({"n", "x"}) or ({"n"})
end
local function definePlug(action, lhs)
    local spec = ACTIONS[action]
    local opts = {
        desc = describe(action),
        silent = true
    }
    vim.keymap.set("n", lhs, ("<Cmd>Ollama " .. spec.command) .. "<CR>", opts)
    if spec.visual == true then
        vim.keymap.set("x", lhs, (":<C-U>'<,'>Ollama " .. spec.command) .. "<CR>", opts)
    end
end
--- Defines <Plug>(ollama-chat-<action>) for every action (also spelled with "-" for "_").
local function definePlugs()
    for ____, action in ipairs(actionNames()) do
        if ACTIONS[action] ~= nil then
            definePlug(
                action,
                ____exports.plug(action)
            )
            local dashed = (string.gsub(action, "_", "-"))
            if dashed ~= action then
                definePlug(
                    action,
                    ____exports.plug(dashed)
                )
            end
        end
    end
end
--- The global mapping at `lhs`, if any.
local function mappingAt(mode, lhs)
    local info = vim.fn.maparg(lhs, mode, false, true)
    local ____temp_0
    if info.lhs == nil then
        ____temp_0 = nil
    else
        ____temp_0 = info
    end
    return ____temp_0
end
local function removeMade()
    for ____, m in ipairs(made) do
        local ____opt_1 = mappingAt(m.mode, m.lhs)
        if (____opt_1 and ____opt_1.rhs) == m.rhs then
            vim.keymap.del(m.mode, m.lhs)
        end
    end
    made = {}
end
--- Maps `lhs` to the action's <Plug> unless it is taken (this module's own were removed first).
local function mapUnlessTaken(mode, lhs, action)
    if mappingAt(mode, lhs) ~= nil then
        return
    end
    local rhs = ____exports.plug(action)
    vim.keymap.set(
        mode,
        lhs,
        rhs,
        {
            desc = describe(action),
            silent = true,
            remap = true
        }
    )
    local ____made_6 = made
    local ____mode_5 = mode
    local ____opt_3 = mappingAt(mode, lhs)
    ____made_6[#____made_6 + 1] = {mode = ____mode_5, lhs = ____opt_3 and ____opt_3.lhs or lhs, rhs = rhs}
end
local function lhsOf(keymaps, action)
    local override = keymaps[action]
    if override ~= nil then
        return override
    end
    return keymaps.prefix .. config.KEYMAP_ACTIONS[action]
end
--- Sets the default keymaps the configuration asks for, replacing the ones set before.
function ____exports.apply()
    definePlugs()
    removeMade()
    local keymaps = config.get().keymaps
    if keymaps == false then
        return
    end
    for ____, action in ipairs(actionNames()) do
        local lhs = lhsOf(keymaps, action)
        if lhs ~= false and ACTIONS[action] ~= nil then
            for ____, mode in ipairs(modesOf(action)) do
                mapUnlessTaken(mode, lhs, action)
            end
        end
    end
end
return ____exports
