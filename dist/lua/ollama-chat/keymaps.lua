-- generated from src/ollama-chat/keymaps.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____ollama_2Dchat_2Ekeys = require("ollama-chat.keys")
local keys = ____ollama_2Dchat_2Ekeys.keys
local prefix = ____ollama_2Dchat_2Ekeys.prefix
-- <Plug>(ollama-chat-<action>) mappings for every key of the action table, and the default keymaps
-- (prefix .. suffix) that point at them. They come from keys.lua, generated from actions.ts, so
-- plugin/ loads neither the actions nor the runtime helpers (keep this file free of them: a spec
-- checks). A <Plug> mapping runs its action as a Lua callback; a key the user mapped is never taken
-- over.
-- Not through lazy.ts: one module fewer to find at startup. A variable keeps tstl from resolving it.
local ACTIONS_MODULE = "ollama-chat.actions"
local function actions()
    return require(ACTIONS_MODULE)
end
local made = {}
--- What setup() asked for last; until then plugin/ applies the defaults.
local configured
function ____exports.plug(name)
    return ("<Plug>(ollama-chat-" .. name) .. ")"
end
local function definePlug(key, lhs)
    for ____, mode in ipairs(key.modes) do
        local function callback()
            return actions().press(key.plug, mode)
        end
        vim.api.nvim_set_keymap(mode, lhs, "", {desc = key.desc, silent = true, noremap = true, callback = callback})
    end
end
--- Defines <Plug>(ollama-chat-<name>) for every key (also spelled with "-" for "_").
local function definePlugs()
    for ____, key in ipairs(keys) do
        definePlug(
            key,
            ____exports.plug(key.plug)
        )
        local dashed = (string.gsub(key.plug, "_", "-"))
        if dashed ~= key.plug then
            definePlug(
                key,
                ____exports.plug(dashed)
            )
        end
    end
end
-- Startup pays for every call here: maparg() without its dict (a Lua callback reads "<Lua 12>",
-- nothing reads ""), and no second lookup to learn how Neovim spells what was mapped.
--- The rhs of the global mapping at `lhs` ("" when there is none).
local function rhsAt(mode, lhs)
    return vim.api.nvim_call_function("maparg", {lhs, mode})
end
local function currentLeaders()
    local leader, ____local = unpack(
        vim.api.nvim_eval("[get(g:, \"mapleader\", \"\\\\\"), get(g:, \"maplocalleader\", \"\\\\\")]"),
        1,
        2
    )
    return {leader = leader, ["local"] = ____local}
end
--- `lhs` with <Leader> and <LocalLeader> as they are now, so a later change of mapleader still finds it.
local function withLeaders(lhs, leaders)
    local once = string.gsub(
        lhs,
        "<[Ll][Ee][Aa][Dd][Ee][Rr]>",
        function() return leaders.leader end
    )
    return (string.gsub(
        once,
        "<[Ll][Oo][Cc][Aa][Ll][Ll][Ee][Aa][Dd][Ee][Rr]>",
        function() return leaders["local"] end
    ))
end
local function removeMade()
    for ____, m in ipairs(made) do
        if rhsAt(m.mode, m.lhs) == m.rhs then
            vim.api.nvim_del_keymap(m.mode, m.lhs)
        end
    end
    made = {}
end
--- Maps `at` (leaders spelled out) to the key's <Plug> unless it is taken (this module's own were removed first).
local function mapUnlessTaken(mode, at, key)
    if rhsAt(mode, at) ~= "" then
        return
    end
    local rhs = ____exports.plug(key.plug)
    vim.api.nvim_set_keymap(mode, at, rhs, {desc = key.desc, silent = true, noremap = false})
    made[#made + 1] = {mode = mode, lhs = at, rhs = rhs}
end
local function lhsOf(config, key)
    local override = config[key.plug]
    if override ~= nil then
        return override
    end
    return config.prefix .. key.suffix
end
--- Sets the <Plug> mappings and the default keymaps `config` asks for, replacing earlier ones.
function ____exports.apply(config)
    configured = config
    definePlugs()
    removeMade()
    if config == false then
        return
    end
    local leaders = currentLeaders()
    for ____, key in ipairs(keys) do
        local lhs = lhsOf(config, key)
        if lhs ~= false then
            local at = withLeaders(lhs, leaders)
            for ____, mode in ipairs(key.modes) do
                mapUnlessTaken(mode, at, key)
            end
        end
    end
end
--- plugin/: the defaults, or what setup() asked for when it ran first (from init.lua).
function ____exports.startup()
    local ____exports_apply_1 = ____exports.apply
    local ____configured_0 = configured
    if ____configured_0 == nil then
        ____configured_0 = {prefix = prefix}
    end
    ____exports_apply_1(____configured_0)
end
return ____exports
