-- generated from src/ollama-chat/models/outdated.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local ____names = require("ollama-chat.ollama.names")
local sameModel = ____names.sameModel
local ____changes = require("ollama-chat.models.changes")
local changes = ____changes.changes
-- The result of the last `:Ollama outdated`, for the model manager. The update feature announces
-- each run's end with the OllamaUpdateDone event (its payload has `available` after a check);
-- this keeps what the last check found, and forgets models an update has since brought up to date.
local last
--- The last check's outdated models and its time (epoch seconds), or undefined when none ran.
function ____exports.lastCheck()
    return last
end
--- Reads one OllamaUpdateDone payload.
function ____exports.record(data)
    if type(data) ~= "table" then
        return
    end
    local p = data
    if p.error ~= nil then
        return
    end
    if type(p.available) == "table" then
        local names = {}
        for ____, n in ipairs(p.available) do
            if type(n) == "string" then
                names[#names + 1] = n
            end
        end
        last = {
            names = names,
            time = os.time()
        }
    elseif last ~= nil and type(p.updated) == "table" and #p.updated > 0 then
        local still = {}
        for ____, n in ipairs(last.names) do
            if __TS__ArrayFind(
                p.updated,
                function(____, u) return sameModel(u, n) end
            ) == nil then
                still[#still + 1] = n
            end
        end
        last = {names = still, time = last.time}
    else
        return
    end
    changes:publish({what = "outdated"})
end
vim.api.nvim_create_autocmd(
    "User",
    {
        group = vim.api.nvim_create_augroup("ollama-chat-models-outdated", {clear = true}),
        pattern = "OllamaUpdateDone",
        callback = function(args) return ____exports.record(args.data) end
    }
)
return ____exports
