-- generated from src/ollama-chat/chat/winbar.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____conversation = require("ollama-chat.chat.conversation")
local changes = ____conversation.changes
local registry = require("ollama-chat.chat.registry")
-- The chat window's winbar: the model, what the conversation is doing (with the seconds waited
-- while Ollama has sent nothing), the context used once known, and the speed of the last reply.
-- It follows the conversation's published state and ticks once a second while waiting.
--- After this long with nothing from Ollama, the winbar says so and how to stop (ms).
____exports.SILENCE_MS = 5000
local waitingSince
local ticker
--- 1234 → "1.2k", 8192 → "8k", 131072 → "128k": a multiple of 1024 (a context size, as Ollama
-- and model cards name them) in binary thousands, other counts in decimal ones.
function ____exports.compact(n)
    if n < 1000 then
        return tostring(math.floor(n))
    end
    if n % 1024 == 0 then
        return tostring(n / 1024) .. "k"
    end
    local k = n / 1000
    return (k >= 10 or math.floor(k) == k) and tostring(math.floor(k + 0.5)) .. "k" or string.format("%.1f", k) .. "k"
end
--- The winbar's text for a status; `waitedMs` while the request has had no answer. Pure.
function ____exports.text(s, waitedMs)
    local parts = {s.model or "no model"}
    if s.state == "loading" and waitedMs ~= nil then
        local secs = math.floor(waitedMs / 1000)
        parts[#parts + 1] = waitedMs >= ____exports.SILENCE_MS and ("waiting for Ollama " .. tostring(secs)) .. " s — loading the model? <C-c> stops" or "waiting for Ollama"
    else
        parts[#parts + 1] = s.state
    end
    local ctx = s.context
    if ctx ~= nil and type(ctx.used) == "number" and type(ctx.size) == "number" then
        parts[#parts + 1] = ((____exports.compact(ctx.used) .. "/") .. ____exports.compact(ctx.size)) .. " ctx"
    end
    if s.tokens_per_second ~= nil and s.state ~= "loading" then
        parts[#parts + 1] = string.format("%.1f tokens/s", s.tokens_per_second)
    end
    return table.concat(parts, " · ")
end
local function stopTicker()
    if ticker == nil then
        return
    end
    ticker:stop()
    if not ticker:is_closing() then
        ticker:close()
    end
    ticker = nil
end
--- Writes the winbar of the window showing the current conversation.
function ____exports.refresh()
    local c = registry.peek()
    if c == nil then
        return
    end
    local buf = c:validBuffer()
    if buf == nil then
        return
    end
    local status = c:status()
    local waited = status.state == "loading" and waitingSince ~= nil and (vim.uv.hrtime() - waitingSince) / 1000000 or nil
    -- `%` is the statusline's escape: a model or message with one must show as written.
    local escaped = string.gsub(
        ____exports.text(status, waited),
        "%%",
        "%%%%"
    )
    for ____, win in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
        if vim.api.nvim_win_get_buf(win) == buf then
            vim.api.nvim_set_option_value("winbar", escaped, {win = win, scope = "local"})
        end
    end
end
local function onChat(state)
    if state == "loading" then
        waitingSince = vim.uv.hrtime()
        if ticker == nil then
            local timer = vim.uv.new_timer()
            ticker = timer
            timer:start(
                1000,
                1000,
                function() return vim.schedule(function() return ____exports.refresh() end) end
            )
        end
    else
        waitingSince = nil
        stopTicker()
    end
    ____exports.refresh()
end
local done = false
--- Subscribes once: the winbar follows the conversation and the window it is shown in.
function ____exports.setup()
    if done then
        return
    end
    done = true
    changes:subscribe(function(p)
        local c = registry.peek()
        if c ~= nil and c.id == p.conversation then
            onChat(p.state)
        end
    end)
    vim.api.nvim_create_autocmd(
        "BufWinEnter",
        {
            group = vim.api.nvim_create_augroup("ollama-chat-winbar", {clear = true}),
            callback = function(args)
                local c = registry.peek()
                if c ~= nil and c:validBuffer() == args.buf then
                    vim.schedule(function() return ____exports.refresh() end)
                end
            end
        }
    )
end
return ____exports
