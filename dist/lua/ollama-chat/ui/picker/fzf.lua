-- generated from src/ollama-chat/ui/picker/fzf.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
-- One fzf run: the items go to fzf through a temp file as "<index>\t<text>" lines and the choice
-- comes back by index, so item text never passes through a shell. fzf is started by argv with
-- its files and prompt in the environment: the shell script is a constant.
-- fzf shows field 2 onwards (the text), searches only that, and prints the whole chosen line;
-- the script then appends fzf's exit status ("exit 130" when the user pressed Esc).
local SCRIPT = "\"$OC_PICK_FZF\" --prompt \"$OC_PICK_PROMPT\" --delimiter \"\\t\" --with-nth \"2..\" --no-multi" .. " --layout reverse --info inline < \"$OC_PICK_IN\" > \"$OC_PICK_OUT\"; echo \"exit $?\" >> \"$OC_PICK_OUT\""
--- Tabs, newlines and other control characters would break the one-line-per-item format.
local function oneLine(text)
    return (string.gsub(text, "%c", " "))
end
local function promptOf(prompt)
    return oneLine(vim.trim(prompt)) .. "> "
end
--- Writes the item lines to a temp file; undefined (after telling the user) when that fails.
function ____exports.prepare(opts)
    local lines = {}
    do
        local i = 0
        while i < #opts.items do
            lines[#lines + 1] = (tostring(i + 1) .. "\t") .. oneLine(opts.format(opts.items[i + 1]))
            i = i + 1
        end
    end
    local input = vim.fn.tempname()
    if vim.fn.writefile(lines, input) ~= 0 then
        notify(("could not write the picker's list to " .. input) .. "; using vim.ui.select.", vim.log.levels.WARN)
        return nil
    end
    -- Not created here: its absence after a run tells that fzf never started.
    local output = vim.fn.tempname()
    return {
        items = opts.items,
        input = input,
        output = output,
        argv = {"sh", "-c", SCRIPT},
        env = {
            OC_PICK_FZF = vim.fn.exepath("fzf"),
            OC_PICK_PROMPT = promptOf(opts.prompt),
            OC_PICK_IN = input,
            OC_PICK_OUT = output
        }
    }
end
local function itemAt(job, line)
    local index = tonumber((string.match(line, "^(%d+)\t")))
    if index == nil or index < 1 or index > #job.items then
        return nil
    end
    return job.items[index]
end
--- The first item line: FZF_DEFAULT_OPTS may add others (--print-query, --expect).
local function chosenItem(job, lines)
    do
        local i = 0
        while i < #lines - 1 do
            local item = itemAt(job, lines[i + 1])
            if item ~= nil then
                return item
            end
            i = i + 1
        end
    end
    return nil
end
--- Reads the output file: the chosen line (if any) then "exit <status>".
function ____exports.outcome(job)
    if vim.fn.filereadable(job.output) ~= 1 then
        return {ran = false}
    end
    local lines = vim.fn.readfile(job.output)
    local code = tonumber((string.match(lines[#lines] or "", "^exit (%d+)$")))
    if code == nil then
        return {ran = true}
    end
    local ____code_1 = code
    local ____temp_0
    if code == 0 then
        ____temp_0 = chosenItem(job, lines)
    else
        ____temp_0 = nil
    end
    return {ran = true, code = ____code_1, item = ____temp_0}
end
--- Removes the job's temp files.
local function discard(job)
    os.remove(job.input)
    os.remove(job.output)
end
-- fzf exits 1 when nothing matched and 130 on Esc or Ctrl-C: both are a plain cancel.
local function reportFailure(code)
    if code == nil or code == 0 or code == 1 or code == 130 then
        return
    end
    local why = code == 127 and "fzf was not found" or "fzf exited with status " .. tostring(code)
    notify(("the picker failed: " .. why) .. ". Check FZF_DEFAULT_OPTS, or set picker = \"select\".", vim.log.levels.ERROR)
end
--- Removes the temp files, then reports the choice (undefined when cancelled or failed).
function ____exports.finish(job, result, on_choice)
    discard(job)
    reportFailure(result.code)
    on_choice(result.item)
end
return ____exports
