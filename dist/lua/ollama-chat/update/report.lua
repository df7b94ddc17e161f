-- generated from src/ollama-chat/update/report.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local ____format = require("ollama-chat.update.format")
local count = ____format.count
local duration = ____format.duration
local rowLine = ____format.rowLine
local ____summary = require("ollama-chat.update.summary")
local tallyText = ____summary.tallyText
function ____exports.title(mode, install)
    if mode == "check" then
        -- The progress view's text for a run: a header with the tally, a line per model, and after a
        -- check the way to update what is outdated.
        return " Ollama: outdated models "
    end
    return install and " Ollama: pull " or " Ollama: update "
end
function ____exports.outdated(rows)
    local names = {}
    for ____, row in ipairs(rows) do
        if row.state == "available" then
            names[#names + 1] = row.name
        end
    end
    return names
end
--- Key hints under the window.
function ____exports.footer(s)
    if s.ended == nil then
        return " x stop · q close "
    end
    return #____exports.outdated(s.rows) > 0 and " u update the outdated · q close " or " q close "
end
local function header(s)
    local c = count(s.rows)
    if s.ended == nil then
        local queued = c.byState.queued or 0
        return ((((((((" " .. tostring(c.done)) .. "/") .. tostring(c.total)) .. " done · ") .. tostring(c.running)) .. " running · ") .. tostring(queued)) .. " queued") .. (s.stopped and " · stopping" or "")
    end
    return ((((" " .. (s.stopped and "Stopped" or "Done")) .. " in ") .. duration(s.ended - s.started)) .. ": ") .. tallyText(s.mode, s.rows)
end
function ____exports.lines(s, now)
    local head = header(s)
    local out = {{text = head, spans = {{0, #head, "OllamaUpdateHeader"}}}}
    out[#out + 1] = {text = "", spans = {}}
    for ____, row in ipairs(s.rows) do
        out[#out + 1] = rowLine(row, s.nameWidth, now)
    end
    local names = ____exports.outdated(s.rows)
    if s.ended ~= nil and #names > 0 then
        local them = #names == 1 and "it" or ("the " .. tostring(#names)) .. " outdated models"
        out[#out + 1] = {text = "", spans = {}}
        out[#out + 1] = {
            text = ((" Press u to update " .. them) .. ", or run :OllamaUpdate ") .. inline(table.concat(names, " ")),
            spans = {}
        }
    end
    return out
end
return ____exports
