-- generated from src/ollama-chat/ui/picker/tmux.ts by TypeScriptToLua; do not edit
local ____exports = {}
local fzf = require("ollama-chat.ui.picker.fzf")
--- tmux hands the popup's command to the user's shell as one string. It is built from constants and
-- the job's environment (temp paths, prompt), every word quoted; item text is never part of it.
-- `env` (not `display-popup -e`, which needs tmux 3.3) works under any shell.
local function popupCommand(job)
    -- fzf in a tmux popup (tmux 3.2 or newer). `tmux display-popup` returns when the popup closes,
    -- so it runs under vim.system and reports from its exit callback.
    local words = {"env"}
    for name, value in pairs(job.env) do
        words[#words + 1] = vim.fn.shellescape((tostring(name) .. "=") .. value)
    end
    for ____, word in ipairs(job.argv) do
        words[#words + 1] = vim.fn.shellescape(word)
    end
    return table.concat(words, " ")
end
--- Shows the fzf job in a tmux popup; `done` runs once on the main loop after it closes.
function ____exports.run(job, done)
    local argv = {
        "tmux",
        "display-popup",
        "-E",
        "-w",
        "70%",
        "-h",
        "60%",
        popupCommand(job)
    }
    vim.system(
        argv,
        {text = true},
        function(result)
            vim.schedule(function() return done(
                fzf.outcome(job),
                vim.trim(result.stderr or "")
            ) end)
        end
    )
end
return ____exports
