-- generated from src/ollama-chat/chat/prepare.ts by TypeScriptToLua; do not edit
local ____exports = {}
local warnIfNoThinking, rewrite
local config = require("ollama-chat.config")
local capabilities = require("ollama-chat.ollama.capabilities")
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local frontmatter = require("ollama-chat.chat.frontmatter")
local message = require("ollama-chat.chat.message")
local origin = require("ollama-chat.chat.origin")
local settings = require("ollama-chat.chat.settings")
local variables = require("ollama-chat.chat.variables")
function warnIfNoThinking(model)
    capabilities.of(
        model,
        function(err, caps)
            if err ~= nil or caps == nil or #caps.capabilities == 0 or capabilities.has(caps, "thinking") then
                return
            end
            notify(
                inline(model) .. " cannot think (no \"thinking\" capability): think stays set for this chat and is sent only to a thinking model",
                vim.log.levels.WARN
            )
        end
    )
end
function rewrite(c, req, cache)
    local own = c.settings.system
    local out = {}
    if own ~= nil then
        out[#out + 1] = {role = "system", content = own}
    end
    for ____, m in ipairs(req) do
        if own == nil or m.role ~= "system" then
            local ____temp_0
            if m.role == "user" then
                ____temp_0 = cache[vim.trim(m.content)]
            else
                ____temp_0 = nil
            end
            local sent = ____temp_0
            if sent ~= nil then
                m.content = sent[1]
                if #sent[2] > 0 then
                    m.images = sent[2]
                end
            end
            out[#out + 1] = m
        end
    end
    return out
end
-- Between "send" and the request: chat commands at the start of the message change the chat's
-- settings (and are not sent), the settings section is read into the conversation, and the
-- message's variables are expanded into what the request carries (the buffer keeps `#buffer`).
--- What each conversation's messages were sent as: their text with the variables expanded.
local sentAs = {}
local preparing = {}
--- The conversation takes the settings the buffer shows: model, system prompt, think, options.
function ____exports.adopt(c, s)
    if s.model ~= nil then
        c.model = s.model
    end
    local options
    if (next(s.options)) ~= nil then
        options = {}
        for k, v in pairs(config.get().chat.options) do
            options[k] = v
        end
        for k, v in pairs(s.options) do
            options[k] = v
        end
    end
    c.settings.system = s.system
    c.settings.think = s.think
    c.settings.options = options
end
--- Runs the chat commands starting the typed message; false when nothing is left to send.
local function runCommands(c, buf, text)
    local current = frontmatter.read(buf)
    local run = settings.runCommands(current.settings, text)
    if run.result == nil then
        notify(run.error, vim.log.levels.ERROR)
        return false
    end
    frontmatter.write(buf, run.settings)
    message.setPending(buf, run.result.rest)
    ____exports.adopt(c, run.settings)
    notify("chat settings: " .. table.concat(run.result.done, "; "))
    if run.settings.think ~= nil and run.settings.think ~= false and c.model ~= nil then
        warnIfNoThinking(c.model)
    end
    return run.result.rest ~= ""
end
--- Calls `ready` with the messages to keep (the buffer's) and the request's, once the typed message
-- is ready to go; tells the user and never calls it when it is not (a bad command or variable:
-- the text stays in the buffer).
function ____exports.request(c, messages, ready)
    if preparing[c.id] ~= nil then
        notify("the message is still being prepared (#gitdiff runs git): wait a moment", vim.log.levels.WARN)
        return
    end
    local buf = c:buffer()
    if settings.startsWithCommand(messages[#messages].content) then
        if not runCommands(c, buf, messages[#messages].content) then
            return
        end
        local again = c:takeMessage(nil)
        if again == nil then
            return
        end
        messages = again
    end
    local shown = frontmatter.read(buf)
    if #shown.errors > 0 then
        notify(shown.errors[1] .. ": fix it at the top of the chat (not sent)", vim.log.levels.ERROR)
        return
    end
    ____exports.adopt(c, shown.settings)
    local last = messages[#messages]
    local text = vim.trim(last.content)
    preparing[c.id] = true
    variables.expand(
        text,
        {origin = origin.get()},
        function(err, expanded, images)
            preparing[c.id] = nil
            if err ~= nil or expanded == nil then
                notify((err or "the message could not be prepared") .. " (not sent)", vim.log.levels.ERROR)
                return
            end
            local cache = sentAs[c.id]
            if cache == nil then
                cache = {}
                sentAs[c.id] = cache
            end
            cache[text] = {expanded, images}
            local sent = cache
            ready(
                messages,
                function(req) return rewrite(c, req, sent) end
            )
        end
    )
end
return ____exports
