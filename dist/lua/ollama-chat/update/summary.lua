-- generated from src/ollama-chat/update/summary.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____format = require("ollama-chat.update.format")
local count = ____format.count
local tally = ____format.tally
function ____exports.emptyPayload(mode)
    -- The end of a run: the OllamaUpdateDone payload and a one-line summary for the user.
    local p = {updated = {}, current = {}, failed = {}, cancelled = false}
    if mode == "check" then
        p.available = {}
    end
    return p
end
--- Registry answers that leave a model's state unknown, and why, for `failed`.
local function checkFailure(row)
    if row.state == "not_in_registry" then
        return "not in a registry (created locally, or unknown to the registry)"
    end
    if row.state == "unreachable" or row.state == "unknown" then
        return row.detail
    end
    return nil
end
function ____exports.payload(mode, rows, cancelled)
    local p = ____exports.emptyPayload(mode)
    p.cancelled = cancelled
    for ____, row in ipairs(rows) do
        local s = row.state
        if s == "updated" or s == "installed" then
            local ____p_updated_0 = p.updated
            ____p_updated_0[#____p_updated_0 + 1] = row.name
        elseif s == "current" then
            local ____p_current_1 = p.current
            ____p_current_1[#____p_current_1 + 1] = row.name
        elseif s == "failed" then
            local ____p_failed_2 = p.failed
            ____p_failed_2[#____p_failed_2 + 1] = {name = row.name, error = row.detail}
        elseif s == "available" then
            local ____opt_3 = p.available
            if ____opt_3 ~= nil then
                local ____p_available_4 = p.available
                ____p_available_4[#____p_available_4 + 1] = row.name
            end
        else
            local why = checkFailure(row)
            if why ~= nil then
                local ____p_failed_6 = p.failed
                ____p_failed_6[#____p_failed_6 + 1] = {name = row.name, error = why}
            end
        end
    end
    return p
end
local UPDATE_ORDER = {
    "updated",
    "installed",
    "current",
    "failed",
    "cancelled"
}
local CHECK_ORDER = {
    "available",
    "current",
    "not_in_registry",
    "unreachable",
    "unknown",
    "cancelled"
}
--- "4 updated, 9 up to date, 1 failed" (or, for a check, "2 outdated, 11 up to date, ...").
function ____exports.tallyText(mode, rows)
    return tally(
        count(rows),
        mode == "check" and CHECK_ORDER or UPDATE_ORDER
    )
end
--- "a, b and 3 more" in at most `budget` characters; "" when not even one name fits.
local function names(list, budget)
    local text = ""
    do
        local i = 0
        while i < #list do
            local next = text == "" and list[i + 1] or (text .. ", ") .. list[i + 1]
            local rest = #list - i - 1
            if #next + (rest > 0 and #((" and " .. tostring(rest)) .. " more") or 0) > budget then
                return text == "" and "" or ((text .. " and ") .. tostring(#list - i)) .. " more"
            end
            text = next
            i = i + 1
        end
    end
    return text
end
--- The summary notification: one line that fits in `width` columns (a longer message would stop
-- the user's typing at a hit-enter prompt); the view holds the details.
function ____exports.message(mode, rows, cancelled, width, noun)
    if noun == nil then
        noun = mode
    end
    local p = ____exports.payload(mode, rows, cancelled)
    local head = (((noun .. " ") .. (cancelled and "stopped" or "done")) .. ": ") .. ____exports.tallyText(mode, rows)
    local room = width - #head
    local list = {}
    if mode == "check" then
        for ____, name in ipairs(p.available or ({})) do
            list[#list + 1] = name
        end
    else
        for ____, f in ipairs(p.failed) do
            list[#list + 1] = f.name
        end
    end
    local label = mode == "check" and ". Outdated: " or ". Failed: "
    local shown = names(list, room - #label)
    return shown == "" and head or (head .. label) .. shown
end
return ____exports
