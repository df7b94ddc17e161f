-- generated from src/ollama-chat/completion.ts by TypeScriptToLua; do not edit
local ____exports = {}
local completeAgainWhenListed
local ____lazy = require("ollama-chat.lazy")
local lazy = ____lazy.lazy
function completeAgainWhenListed(wait, listed)
    if vim.fn.getcmdtype() ~= ":" then
        return
    end
    local line = vim.fn.getcmdline()
    wait(function()
        vim.schedule(function()
            local o = vim.o
            if vim.fn.getcmdtype() ~= ":" or vim.fn.getcmdline() ~= line or not listed() then
                return
            end
            -- As typed ("t"): 'wildchar' completes only keys typed; 'wildcharm' any key.
            local key = o.wildcharm > 0 and o.wildcharm < 256 and o.wildcharm or o.wildchar
            if key > 0 and key < 256 then
                vim.api.nvim_feedkeys(
                    vim.fn.nr2char(key),
                    "nt",
                    false
                )
            end
        end)
    end)
end
-- Command-line completion helpers shared by the actions (commands.ts calls them per subcommand).
-- Names come from caches through the public API: completion never waits on HTTP.
local api = lazy("ollama-chat")
local localModels = lazy("ollama-chat.ollama.localmodels")
local chatFiles = lazy("ollama-chat.store.chats")
local completers = {}
--- Registers the source of model names or saved chat names for completion (specs replace it).
function ____exports.set_completer(kind, fn)
    completers[kind] = fn
end
--- The cached names of `kind`; nothing (never an error) when the source fails.
function ____exports.candidates(kind)
    local own = completers[kind]
    local source = own or (function() return api().completions(kind) end)
    local ok, names = pcall(source)
    local list = ok and type(names) == "table" and names or ({})
    if own == nil and #list == 0 then
        if kind == "models" then
            completeAgainWhenListed(
                function(cb) return localModels().afterRefresh(cb) end,
                function() return #localModels().cached() > 0 end
            )
        elseif not chatFiles().names_known() then
            completeAgainWhenListed(
                function(cb) return chatFiles().refresh_names(cb) end,
                function() return #chatFiles().names() > 0 end
            )
        end
    end
    return list
end
local function contains(list, item)
    for ____, x in ipairs(list) do
        if x == item then
            return true
        end
    end
    return false
end
--- The names starting with `lead`, those in `exclude` left out.
function ____exports.withPrefix(names, lead, exclude)
    if exclude == nil then
        exclude = {}
    end
    local out = {}
    for ____, name in ipairs(names) do
        if vim.startswith(name, lead) and not contains(exclude, name) then
            out[#out + 1] = name
        end
    end
    return out
end
--- The words typed after `:{command}` (range and name skipped), the one being typed excluded.
function ____exports.typedArgs(argLead, cmdLine, command)
    local rest = (string.match(cmdLine, ("^.-" .. command) .. "%s+(.*)$")) or ""
    local words = vim.split(rest, "%s+", {trimempty = true})
    if argLead ~= "" and #words > 0 then
        table.remove(words)
    end
    return words
end
--- The saved chats' names starting with `lead`: the save prompt's completion (customlist).
function ____exports.savedNames(lead)
    return ____exports.withPrefix(
        ____exports.candidates("chats"),
        lead
    )
end
return ____exports
