-- generated from src/ollama-chat/update/format.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____bytes = require("ollama-chat.format.bytes")
local bytes = ____bytes.bytes
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local oneLine = ____text.oneLine
local ____row = require("ollama-chat.update.row")
local isFinal = ____row.isFinal
-- The text of the progress view: a line per model, readable at a glance. Pure: rows in, lines and
-- highlight ranges out.
____exports.BAR_WIDTH = 20
local STATE_WIDTH = 13
local LOOKS = {
    queued = {icon = "○", label = "queued", group = "OllamaUpdateMuted"},
    checking = {icon = "●", label = "checking", group = "OllamaUpdateActive"},
    downloading = {icon = "●", label = "downloading", group = "OllamaUpdateActive"},
    finishing = {icon = "●", label = "finishing", group = "OllamaUpdateActive"},
    current = {icon = "✓", label = "up to date", group = "OllamaUpdateMuted"},
    updated = {icon = "✓", label = "updated", group = "OllamaUpdateDone"},
    installed = {icon = "✓", label = "installed", group = "OllamaUpdateDone"},
    failed = {icon = "✗", label = "failed", group = "OllamaUpdateFailed"},
    cancelled = {icon = "-", label = "cancelled", group = "OllamaUpdateCancelled"},
    available = {icon = "↑", label = "outdated", group = "OllamaUpdateAvailable"},
    not_in_registry = {icon = "?", label = "local only", group = "OllamaUpdateMuted"},
    unreachable = {icon = "?", label = "unreachable", group = "OllamaUpdateCancelled"},
    unknown = {icon = "?", label = "unknown", group = "OllamaUpdateCancelled"}
}
function ____exports.stateLabel(state)
    return LOOKS[state].label
end
function ____exports.duration(ns)
    local s = ns / 1000000000
    if s < 60 then
        return string.format("%.1f", s) .. " s"
    end
    return ((tostring(math.floor(s / 60)) .. " min ") .. tostring(math.floor(s % 60))) .. " s"
end
function ____exports.bar(fraction, width)
    if width == nil then
        width = ____exports.BAR_WIDTH
    end
    local filled = math.floor(math.max(
        0,
        math.min(1, fraction)
    ) * width + 0.5)
    return string.rep("━", filled) .. string.rep("─", width - filled)
end
local function pad(text, width)
    local w = vim.fn.strdisplaywidth(text)
    return w >= width and text or text .. string.rep(" ", width - w)
end
--- What follows the state: progress while downloading, the server's words otherwise.
local function detail(row, now)
    local t = row.tracker
    repeat
        local ____switch8 = row.state
        local ____cond8 = ____switch8 == "downloading"
        if ____cond8 then
            do
                if t == nil then
                    return {"", ""}
                end
                local pct = string.format(
                    "%3d%%",
                    math.floor(t:fraction() * 100)
                )
                local speed = t:speed(now)
                local rate = speed > 0 and ("  " .. bytes(speed)) .. "/s" or ""
                return {
                    ((((((____exports.bar(t:fraction()) .. " ") .. pct) .. "  ") .. bytes(t.done)) .. "/") .. bytes(t.total)) .. rate,
                    "OllamaUpdateBar"
                }
            end
        end
        ____cond8 = ____cond8 or (____switch8 == "updated" or ____switch8 == "installed")
        if ____cond8 then
            if t ~= nil and t.total > 0 and row.ended ~= nil then
                return {
                    (bytes(t.total) .. " in ") .. ____exports.duration(row.ended - t.started),
                    "OllamaUpdateMuted"
                }
            end
            return {"", ""}
        end
        ____cond8 = ____cond8 or (____switch8 == "failed" or ____switch8 == "unreachable" or ____switch8 == "unknown")
        if ____cond8 then
            return {
                oneLine(row.detail),
                "OllamaUpdateFailed"
            }
        end
        ____cond8 = ____cond8 or ____switch8 == "not_in_registry"
        if ____cond8 then
            return {"not in a registry (created locally?)", "OllamaUpdateMuted"}
        end
        ____cond8 = ____cond8 or ____switch8 == "available"
        if ____cond8 then
            return {"a newer version is available", "OllamaUpdateAvailable"}
        end
        ____cond8 = ____cond8 or (____switch8 == "checking" or ____switch8 == "finishing")
        if ____cond8 then
            return {
                oneLine(row.detail),
                "OllamaUpdateMuted"
            }
        end
        do
            return {"", ""}
        end
    until true
end
--- One model's line; `nameWidth` aligns the columns.
function ____exports.rowLine(row, nameWidth, now)
    local look = LOOKS[row.state]
    local label = look.label
    local head = (" " .. look.icon) .. " "
    -- A name from outside (a server, a file) may hold a newline: a buffer line may not.
    local name = pad(
        inline(row.name),
        nameWidth
    )
    local state = pad(label, STATE_WIDTH)
    local extra, extraGroup = unpack(
        detail(row, now),
        1,
        2
    )
    local text = (((head .. name) .. "  ") .. state) .. extra
    local spans = {{0, #head, look.group}}
    local stateStart = #head + #name + 2
    spans[#spans + 1] = {stateStart, stateStart + #label, look.group}
    if extra ~= "" and extraGroup ~= "" then
        spans[#spans + 1] = {stateStart + #state, #text, extraGroup}
    end
    local trimmed = string.gsub(text, "%s+$", "")
    return {text = trimmed, spans = spans}
end
function ____exports.count(rows)
    local c = {total = #rows, done = 0, running = 0, byState = {}}
    for ____, row in ipairs(rows) do
        c.byState[row.state] = (c.byState[row.state] or 0) + 1
        if isFinal(row) then
            c.done = c.done + 1
        elseif row.state ~= "queued" then
            c.running = c.running + 1
        end
    end
    return c
end
--- "4 updated, 9 up to date, 1 failed": the states present, in `order`.
function ____exports.tally(c, order)
    local parts = {}
    for ____, state in ipairs(order) do
        local n = c.byState[state] or 0
        if n > 0 then
            parts[#parts + 1] = (tostring(n) .. " ") .. ____exports.stateLabel(state)
        end
    end
    return table.concat(parts, ", ")
end
function ____exports.nameWidth(rows)
    local w = 0
    for ____, row in ipairs(rows) do
        w = math.max(
            w,
            vim.fn.strdisplaywidth(inline(row.name))
        )
    end
    return w
end
return ____exports
