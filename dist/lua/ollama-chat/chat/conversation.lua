-- generated from src/ollama-chat/chat/conversation.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__Class = ____lualib.__TS__Class
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local config = require("ollama-chat.config")
local events = require("ollama-chat.events")
local sliced = require("ollama-chat.format.sliced")
local transcript = require("ollama-chat.format.transcript")
local highlights = require("ollama-chat.highlights")
local client = require("ollama-chat.ollama.client")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local chatBuffer = require("ollama-chat.chat.buffer")
local codeKeys = require("ollama-chat.chat.codekeys")
local excluded = require("ollama-chat.chat.excluded")
local fit = require("ollama-chat.chat.fit")
local fold = require("ollama-chat.chat.fold")
local message = require("ollama-chat.chat.message")
local ____render = require("ollama-chat.chat.render")
local NS = ____render.NS
local Reply = ____render.Reply
local dimThinkingBlocks = ____render.dimThinkingBlocks
local ____stats = require("ollama-chat.chat.stats")
local keepWithReply = ____stats.keepWithReply
local metaLines = ____stats.metaLines
local tokensPerSecond = ____stats.tokensPerSecond
local warmup = require("ollama-chat.chat.warmup")
local window = require("ollama-chat.chat.window")
-- A conversation: its buffer, model, messages, settings and the reply streaming into it. The
-- buffer is the conversation: what is sent to /api/chat is what the buffer says (transcript), so
-- edits to earlier turns count. The reply belongs to the conversation: once the conversation is
-- closed, what the reply still delivers changes nothing anywhere.
highlights.setup()
fold.setup()
--- Every conversation's state changes.
____exports.changes = __TS__New(events.Channel, "chat")
local nextId = 1
--- Buffer lines taken per event-loop turn by readLater (about 1 ms).
local READ_SLICE = 20000
--- One reply being received: the request and the text it streams into the buffer.
local Streaming = __TS__Class()
Streaming.name = "Streaming"
function Streaming.prototype.____constructor(self, model, reply, sent, start)
    self.model = model
    self.reply = reply
    self.sent = sent
    self.stopped = false
    self.handle = start(self)
end
function Streaming.prototype.stop(self)
    self.stopped = true
    self.handle:cancel()
end
____exports.Conversation = __TS__Class()
local Conversation = ____exports.Conversation
Conversation.name = "Conversation"
function Conversation.prototype.____constructor(self, init, host)
    self.host = host
    local ____nextId_0 = nextId
    nextId = ____nextId_0 + 1
    self.id = ____nextId_0
    self.settings = {}
    self.state = "idle"
    self.closed = false
    self.preparing = false
    self.messages = init.messages or ({})
    self.model = init.model
    self.savedName = init.savedName
end
function Conversation.prototype.validBuffer(self)
    return self.buf ~= nil and vim.api.nvim_buf_is_valid(self.buf) and self.buf or nil
end
function Conversation.prototype.buffer(self)
    local valid = self:validBuffer()
    if valid ~= nil then
        return valid
    end
    local lines = #self.messages > 0 and message.linesWithInput(self.messages) or message.initialLines()
    local buf = chatBuffer.create(lines)
    dimThinkingBlocks(buf)
    self:own(buf)
    return buf
end
function Conversation.prototype.adopt(self, buf)
    vim.api.nvim_buf_clear_namespace(buf, NS, 0, -1)
    excluded.clear(buf)
    local lines = message.linesWithInput(self.messages)
    vim.api.nvim_buf_set_lines(
        buf,
        0,
        -1,
        false,
        lines
    )
    window.highlightUnlessLong(buf, lines)
    dimThinkingBlocks(buf)
    fold.refold(buf)
    self:own(buf)
end
function Conversation.prototype.own(self, buf)
    self.buf = buf
    chatBuffer.attach(
        buf,
        {
            send = function() return self.host.send(self) end,
            stop = function() return self:stop() end,
            wiped = function(wiped)
                if self.buf == wiped then
                    self.buf = nil
                end
            end,
            write = function() return self.host.write(self) end
        }
    )
    codeKeys.attach(buf)
end
function Conversation.prototype.isStreaming(self)
    return self.streaming ~= nil
end
function Conversation.prototype.status(self)
    return {
        model = self.model,
        state = self.state,
        tokens_per_second = self.tokensPerSecond,
        context = self.context,
        loaded = self.loaded
    }
end
function Conversation.prototype.effectiveSettings(self)
    local chat = config.get().chat
    local s = self.settings
    local options = s.options or chat.options
    if self.raisedNumCtx ~= nil and (options.num_ctx == nil or options.num_ctx == "auto") then
        local raised = {}
        for k, v in pairs(options) do
            raised[k] = v
        end
        raised.num_ctx = self.raisedNumCtx
        options = raised
    end
    local ____temp_2 = s.system or chat.system
    local ____options_3 = options
    local ____temp_4 = s.keep_alive or chat.keep_alive
    local ____s_think_1 = s.think
    if ____s_think_1 == nil then
        ____s_think_1 = chat.think
    end
    return {system = ____temp_2, options = ____options_3, keep_alive = ____temp_4, think = ____s_think_1}
end
function Conversation.prototype.readAlready(self, buf)
    local r = self.lastRead
    return r ~= nil and r.buf == buf and r.tick == vim.api.nvim_buf_get_changedtick(buf) and __TS__ArraySlice(r.messages) or nil
end
function Conversation.prototype.remember(self, buf, tick, messages)
    self.lastRead = {
        buf = buf,
        tick = tick,
        messages = message.withoutEmptyInput(messages)
    }
    return __TS__ArraySlice(self.lastRead.messages)
end
function Conversation.prototype.read(self)
    local buf = self:validBuffer()
    if buf == nil then
        return message.withoutEmptyInput(__TS__ArraySlice(self.messages))
    end
    return self:readAlready(buf) or self:remember(
        buf,
        vim.api.nvim_buf_get_changedtick(buf),
        transcript.parse(vim.api.nvim_buf_get_lines(buf, 0, -1, false))
    )
end
function Conversation.prototype.readLater(self, cb)
    local buf = self:validBuffer()
    if buf == nil then
        return cb(
            self:read(),
            nil
        )
    end
    local tick = vim.api.nvim_buf_get_changedtick(buf)
    local known = self:readAlready(buf)
    if known ~= nil then
        return cb(known, tick)
    end
    local n = vim.api.nvim_buf_line_count(buf)
    local lines = {}
    local function changed()
        return not vim.api.nvim_buf_is_valid(buf) or vim.api.nvim_buf_get_changedtick(buf) ~= tick
    end
    local take
    take = function()
        if changed() then
            return self:readLater(cb)
        end
        for ____, l in ipairs(vim.api.nvim_buf_get_lines(
            buf,
            #lines,
            math.min(n, #lines + READ_SLICE),
            false
        )) do
            lines[#lines + 1] = l
        end
        if #lines < n then
            return vim.schedule(take)
        end
        sliced.parseLines(
            lines,
            function(messages)
                local ____changed_result_5
                if changed() then
                    ____changed_result_5 = self:readLater(cb)
                else
                    ____changed_result_5 = cb(
                        self:remember(buf, tick, messages),
                        tick
                    )
                end
                return ____changed_result_5
            end
        )
    end
    take()
end
function Conversation.prototype.lastModel(self)
    return transcript.lastModel(self:read()) or self.model
end
function Conversation.prototype.takeMessage(self, text)
    if self.preparing then
        notify("the last message is still being prepared (a choice may be waiting for you)", vim.log.levels.WARN)
        return nil
    end
    if self.streaming ~= nil then
        notify("a reply is still streaming: wait for it, or stop it with <C-c> or :Ollama stop", vim.log.levels.WARN)
        return nil
    end
    local buf = self:buffer()
    if text ~= nil then
        message.setPending(buf, text)
    end
    local messages = transcript.parse(vim.api.nvim_buf_get_lines(buf, 0, -1, false))
    local last = messages[#messages]
    if last == nil or last.role ~= "user" or vim.trim(last.content) == "" then
        notify(("nothing to send: type your message under the last \"" .. transcript.USER_HEADING) .. "\" heading", vim.log.levels.WARN)
        return nil
    end
    return messages
end
function Conversation.prototype.send(self, messages, rewrite)
    local model = self.model
    messages[#messages].content = vim.trim(messages[#messages].content)
    local settings = self:effectiveSettings()
    self.preparing = true
    fit.prepare(
        {
            model = model,
            messages = messages,
            excluded = excluded.indices(self:buffer()),
            toRequest = function(kept)
                local req = message.toRequest(kept, settings.system)
                return rewrite ~= nil and rewrite(req) or req
            end,
            options = settings.options,
            think = settings.think
        },
        {
            exclude = function(indices)
                local buf = self:validBuffer()
                if buf ~= nil then
                    excluded.mark(buf, indices)
                end
            end,
            setNumCtx = function(numCtx)
                self.raisedNumCtx = numCtx
            end,
            done = function(fitted)
                self.preparing = false
                if fitted ~= nil and not self.closed and self.model == model then
                    self:dispatch(model, messages, fitted)
                end
            end
        }
    )
end
function Conversation.prototype.warm(self)
    local model = self.model
    if model == nil or self.warmedFor == model then
        return
    end
    self.warmedFor = model
    local settings = self:effectiveSettings()
    warmup.warm({
        model = model,
        keep_alive = settings.keep_alive,
        numCtx = function(caps) return fit.numCtxFor(
            model,
            message.toRequest(
                self:read(),
                settings.system
            ),
            caps,
            settings.options
        ) end,
        done = function(loaded)
            if self.model ~= model then
                return
            end
            self.loaded = loaded or self.loaded
            ____exports.changes:publish({conversation = self.id, state = self.state})
        end
    })
end
function Conversation.prototype.dispatch(self, model, messages, fitted)
    local buf = self:buffer()
    message.trimEnd(buf)
    self.messages = messages
    fold.replyStarted(buf)
    local reply = __TS__New(Reply, buf)
    reply:begin({
        "",
        "",
        transcript.assistantHeading(model),
        "",
        ""
    })
    local settings = self:effectiveSettings()
    self.context = {used = fitted.sent.estimate, size = fitted.sent.num_ctx}
    self:setState("loading", nil)
    self.streaming = __TS__New(
        Streaming,
        model,
        reply,
        fitted.sent,
        function(streaming) return client.chat(
            {
                model = model,
                messages = fitted.messages,
                options = fitted.options,
                keep_alive = settings.keep_alive,
                think = fitted.think
            },
            {
                on_delta = function(delta)
                    if self.state ~= "generating" then
                        self:setState("generating", nil)
                    end
                    reply:push(delta.content, delta.thinking)
                end,
                on_done = function(err, result) return self:finish(streaming, err, result) end
            }
        ) end
    )
end
function Conversation.prototype.stop(self)
    local ____opt_6 = self.streaming
    if ____opt_6 ~= nil then
        ____opt_6:stop()
    end
end
function Conversation.prototype.close(self)
    self.closed = true
    local streaming = self.streaming
    self.streaming = nil
    if streaming ~= nil then
        streaming.reply:discard()
        streaming:stop()
    end
    local buf = self:validBuffer()
    self.buf = nil
    fold.replyEnded(buf)
    return buf
end
function Conversation.prototype.setState(self, state, tps)
    self.state = state
    self.tokensPerSecond = tps
    ____exports.changes:publish({conversation = self.id, state = state})
end
function Conversation.prototype.finish(self, streaming, err, result)
    local stopped = streaming.stopped and err ~= nil and err.kind == "cancelled"
    local function done()
        return events.emit("OllamaChatDone", {
            model = streaming.model,
            content = result.content,
            error = err ~= nil and not stopped and err.message or nil,
            stopped = stopped,
            eval_count = result.eval_count,
            eval_duration = result.eval_duration
        })
    end
    if self.closed then
        return done()
    end
    self:settle(
        streaming,
        err,
        result,
        stopped,
        done
    )
end
function Conversation.prototype.settle(self, streaming, err, result, stopped, done)
    local meta = metaLines(err, result, stopped)
    if err == nil then
        local warning = fit.afterReply(streaming.sent, result)
        if warning ~= nil then
            meta[#meta + 1] = {warning, "OllamaChatWarning"}
        end
        self.context = fit.meter(streaming.sent, result)
        self.loaded = true
    end
    -- A turn that brought nothing leaves no empty heading: the user's message is again the one to send.
    local from = streaming.reply:startRow()
    local function ended()
        -- Closed while the rest of a long reply was written: its buffer went to another.
        if self.closed then
            return done()
        end
        window.plainIfLarge(self:validBuffer())
        fold.replyEnded(self:validBuffer())
        keepWithReply(
            self:validBuffer(),
            from
        )
        if self.streaming == streaming then
            self.streaming = nil
        end
        if result.content ~= "" or result.thinking ~= "" then
            local m = {role = "assistant", model = streaming.model, content = result.content}
            if result.thinking ~= "" then
                m.thinking = result.thinking
            end
            local ____self_messages_8 = self.messages
            ____self_messages_8[#____self_messages_8 + 1] = m
        end
        local ____self_setState_11 = self.setState
        local ____temp_10 = err ~= nil and not stopped and "error" or "idle"
        local ____temp_9
        if err == nil then
            ____temp_9 = tokensPerSecond(result)
        else
            ____temp_9 = nil
        end
        ____self_setState_11(self, ____temp_10, ____temp_9)
        if err ~= nil and not stopped then
            if err.kind == "not_found" then
                self.host.missingModel(self, streaming.model)
            else
                notify(err.message, vim.log.levels.ERROR)
            end
        end
        done()
    end
    if result.content == "" and result.thinking == "" then
        streaming.reply:retract(meta)
        ended()
    else
        streaming.reply:finish(meta, {
            "",
            "",
            transcript.USER_HEADING,
            "",
            ""
        }, ended)
    end
end
return ____exports
