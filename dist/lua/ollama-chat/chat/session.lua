-- generated from src/ollama-chat/chat/session.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local resolveModel, showWarm, switchModelOf, afterSwitch
local ____text = require("ollama-chat.ui.text")
local inline = ____text.inline
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local chatBuffer = require("ollama-chat.chat.buffer")
local ____conversation = require("ollama-chat.chat.conversation")
local Conversation = ____conversation.Conversation
local frontmatter = require("ollama-chat.chat.frontmatter")
local prepare = require("ollama-chat.chat.prepare")
local models = require("ollama-chat.chat.models")
local pane = require("ollama-chat.chat.pane")
local registry = require("ollama-chat.chat.registry")
local regen = require("ollama-chat.chat.regenerate")
local saving = require("ollama-chat.chat.saving")
local autosave = require("ollama-chat.chat.autosave")
local winbar = require("ollama-chat.chat.winbar")
function resolveModel(c, cb)
    if afterSwitch ~= nil then
        afterSwitch[#afterSwitch + 1] = function()
            local ____temp_0
            if c.model ~= nil then
                ____temp_0 = cb(c.model)
            else
                ____temp_0 = resolveModel(c, cb)
            end
            return ____temp_0
        end
        return
    end
    models.resolve(
        function(model)
            if model == nil then
                return
            end
            c.model = model
            cb(model)
        end,
        function(picked)
            if not c:isStreaming() then
                c.model = picked
            end
        end
    )
end
--- Shows the conversation with a model (asking for one the first time), then calls `cb`.
function ____exports.withModel(c, cb)
    if c.model ~= nil and c:validBuffer() ~= nil then
        cb(c)
        return
    end
    resolveModel(
        c,
        function()
            showWarm(c)
            cb(c)
        end
    )
end
function showWarm(c)
    pane.show(c, true)
    c:warm()
end
function switchModelOf(c, model)
    c:stop()
    c.model = model
    frontmatter.switchModel(
        c:validBuffer(),
        model
    )
    winbar.refresh()
    notify("the chat now uses " .. inline(model))
    c:warm()
end
--- Sends the conversation's typed message (or `text`) with the whole conversation, opening the
-- pane first when needed. `onSent` is told the model once the request is on its way (the model
-- may first have to be picked); never when nothing was sent.
function ____exports.sendIn(c, text, onSent)
    if c:isStreaming() then
        notify("a reply is still streaming: wait for it, or stop it with <C-c> or :Ollama stop", vim.log.levels.WARN)
        return
    end
    ____exports.withModel(
        c,
        function()
            local taken = c:takeMessage(text)
            if taken == nil then
                return
            end
            prepare.request(
                c,
                taken,
                function(messages, rewrite)
                    if c:isStreaming() then
                        return
                    end
                    -- The pane shows the current conversation; one beside it streams into its hidden buffer.
                    if c == registry.peek() and pane.windowOf(c) == nil then
                        pane.show(c, false)
                    end
                    c:send(messages, rewrite)
                    if onSent ~= nil then
                        onSent(c.model)
                    end
                end
            )
        end
    )
end
-- The chat as the API sees it (require("ollama-chat.chat.session")): thin functions over the
-- current conversation of the registry, and the pane that shows it. What a conversation is and
-- does lives in conversation.ts; which one is current, in registry.ts.
autosave.setup()
winbar.setup()
local host = {
    send = function(c) return ____exports.sendIn(c, nil, nil) end,
    missingModel = function(c, model) return models.offerMissing(
        model,
        function(picked) return switchModelOf(c, picked) end
    ) end,
    write = function(c) return saving.write(c) end
}
--- A new conversation (not yet current).
function ____exports.create(init)
    local c = __TS__New(Conversation, init, host)
    prepare.adopt(
        c,
        frontmatter.ofMessages(init.messages or ({}))
    )
    registry.add(c)
    return c
end
--- The current conversation, created empty when there is none.
function ____exports.current()
    local existing = registry.peek()
    if existing ~= nil then
        return existing
    end
    local c = ____exports.create({})
    registry.setCurrent(c)
    return c
end
--- Makes `next` the current conversation. The one it replaces is closed (its reply stopped and
-- kept out of `next`); its buffer is handed to `next` when `keepBuffer`, else deleted.
local function replaceCurrent(next, keepBuffer)
    local old = registry.peek()
    registry.setCurrent(next)
    if old == nil then
        return
    end
    registry.remove(old)
    local buf = old:close()
    if buf == nil then
        return
    end
    if keepBuffer then
        next:adopt(buf)
    else
        chatBuffer.destroy(buf)
    end
end
function ____exports.isOpen()
    local c = registry.peek()
    return c ~= nil and pane.windowOf(c) ~= nil
end
--- Opens the chat with the default model (asking for one the first time).
function ____exports.open()
    local c = ____exports.current()
    if c.model ~= nil then
        showWarm(c)
        return
    end
    resolveModel(
        c,
        function() return showWarm(c) end
    )
end
function ____exports.toggle()
    local c = registry.peek()
    if c ~= nil and ____exports.isOpen() then
        pane.hide(c)
        return
    end
    ____exports.open()
end
--- Ends the session: stops any reply, closes the pane, forgets the conversation (not its model).
function ____exports.close()
    local old = registry.peek()
    if old == nil then
        return
    end
    replaceCurrent(
        ____exports.create({model = old.model}),
        false
    )
end
--- Re-splits the open pane and remembers the layout for this and future instances.
function ____exports.setLayout(l)
    pane.setLayout(
        l,
        registry.peek()
    )
end
--- Uses `model` for the rest of this chat once it is known to be installed (checked in the
-- background; a missing one is offered to pull); a reply in progress is stopped first. A switch
-- before the chat was ever opened is the model it opens with.
function ____exports.switchModel(model)
    local c = ____exports.current()
    local waiting = afterSwitch or ({})
    afterSwitch = waiting
    models.checkSwitch(
        model,
        c.model,
        function(installed) return switchModelOf(
            ____exports.current(),
            installed
        ) end,
        function()
            if afterSwitch == waiting then
                afterSwitch = nil
            end
            for ____, f in ipairs(waiting) do
                f()
            end
        end
    )
end
function ____exports.status()
    local c = registry.peek()
    return c ~= nil and c:status() or ({model = nil, state = "idle", tokens_per_second = nil})
end
--- Stops the reply in progress; false when none was streaming.
function ____exports.stop()
    local c = registry.peek()
    if c == nil or not c:isStreaming() then
        return false
    end
    c:stop()
    return true
end
--- Sends in the current conversation (see sendIn).
function ____exports.send(text, onSent)
    ____exports.sendIn(
        ____exports.current(),
        text,
        onSent
    )
end
--- The current conversation as its buffer says it, without the empty turn being typed.
function ____exports.conversation()
    local ____opt_3 = registry.peek()
    return ____opt_3 and ____opt_3:read() or ({})
end
--- The model that wrote the last reply, else the chat's model.
function ____exports.conversationModel()
    local ____opt_5 = registry.peek()
    return ____opt_5 and ____opt_5:lastModel()
end
--- Whether a reply is being received.
function ____exports.isStreaming()
    local ____opt_7 = registry.peek()
    local ____temp_9 = ____opt_7 and ____opt_7:isStreaming()
    if ____temp_9 == nil then
        ____temp_9 = false
    end
    return ____temp_9
end
function ____exports.savedName()
    local ____opt_10 = registry.peek()
    return ____opt_10 and ____opt_10.savedName
end
function ____exports.setSavedName(name)
    ____exports.current().savedName = name
end
--- Makes `messages` the active conversation (a reply in progress is stopped) and shows the pane.
function ____exports.replaceConversation(messages, model, name)
    local ____exports_create_16 = ____exports.create
    local ____messages_15 = messages
    local ____model_14 = model
    if ____model_14 == nil then
        local ____opt_12 = registry.peek()
        ____model_14 = ____opt_12 and ____opt_12.model
    end
    local next = ____exports_create_16({messages = ____messages_15, model = ____model_14, savedName = name})
    replaceCurrent(next, true)
    if next.model == nil then
        resolveModel(
            next,
            function() return pane.show(next, true) end
        )
        return
    end
    pane.show(next, true)
end
--- Replaces the last reply of the current conversation with a new one from the same history.
function ____exports.regenerate()
    local c = ____exports.current()
    ____exports.withModel(
        c,
        function()
            local messages = regen.prepare(c)
            if messages == nil then
                return
            end
            if pane.windowOf(c) == nil then
                pane.show(c, false)
            end
            c:send(messages)
        end
    )
end
return ____exports
