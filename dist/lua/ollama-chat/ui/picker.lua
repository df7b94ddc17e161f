-- generated from src/ollama-chat/ui/picker.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local fzf = require("ollama-chat.ui.picker.fzf")
local float = require("ollama-chat.ui.picker.float")
local tmux = require("ollama-chat.ui.picker.tmux")
-- Picks one item from a list: fzf in a tmux popup, fzf in a floating terminal, or vim.ui.select
-- (so telescope, fzf-lua or snacks users get their own UI). Never blocks the editor.
do
    local ____models = require("ollama-chat.ui.picker.models")
    ____exports.modelFormatter = ____models.modelFormatter
    ____exports.shortDate = ____models.shortDate
end
do
    local ____bytes = require("ollama-chat.format.bytes")
    ____exports.humanSize = ____bytes.bytes
end
local warnedNoFzf = false
local function insideTmux()
    local value = vim.env.TMUX
    return value ~= nil and value ~= "" and vim.fn.executable("tmux") == 1
end
--- The backend the `picker` option names, falling back to what this editor can run.
function ____exports.backend()
    local wanted = config.get().picker
    local hasFzf = vim.fn.executable("fzf") == 1
    if wanted == "select" then
        return "select"
    end
    if (wanted == "auto" or wanted == "tmux") and hasFzf and insideTmux() then
        return "tmux"
    end
    if hasFzf then
        return "fzf"
    end
    if wanted ~= "auto" and not warnedNoFzf then
        warnedNoFzf = true
        notify(("picker = \"" .. wanted) .. "\" needs fzf, which is not on PATH; using vim.ui.select. Install fzf or set picker = \"select\".", vim.log.levels.WARN)
    end
    return "select"
end
local function pickWithSelect(opts)
    vim.ui.select(
        opts.items,
        {prompt = opts.prompt, format_item = opts.format, kind = opts.kind},
        function(item) return opts.on_choice(item) end
    )
end
local function runInFloat(job, opts)
    float.run(
        job,
        opts.prompt,
        function()
            local result = fzf.outcome(job)
            if not result.ran then
                notify("could not start fzf in a terminal; is `sh` on PATH?", vim.log.levels.ERROR)
            end
            fzf.finish(job, result, opts.on_choice)
        end
    )
end
local function runInTmux(job, opts)
    tmux.run(
        job,
        function(result, stderr)
            if result.ran then
                return fzf.finish(job, result, opts.on_choice)
            end
            local why = stderr == "" and "no popup was shown" or stderr
            notify(("tmux could not open a popup (" .. why) .. "); showing the picker in Neovim instead.", vim.log.levels.WARN)
            runInFloat(job, opts)
        end
    )
end
--- Shows the items and calls `opts.on_choice` once with the chosen one (undefined: cancelled).
function ____exports.pick(opts)
    if #opts.items == 0 then
        notify(opts.prompt .. ": nothing to choose from.", vim.log.levels.WARN)
        opts.on_choice(nil)
        return
    end
    local kind = ____exports.backend()
    local ____temp_0
    if kind == "select" then
        ____temp_0 = nil
    else
        ____temp_0 = fzf.prepare(opts)
    end
    local job = ____temp_0
    if job == nil then
        pickWithSelect(opts)
    elseif kind == "tmux" then
        runInTmux(job, opts)
    else
        runInFloat(job, opts)
    end
end
return ____exports
