-- generated from src/ollama-chat/chat/session.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayConcat = ____lualib.__TS__ArrayConcat
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local bufValid, layout, resolveModel, initialLines, setBufKeymaps, createBuffer, ensureBuffer, focusInput, show, setPendingMessage, trimEnd, toRequest, startReply, tokensPerSecond, metaLines, settleReply, finishReply, BUF_NAME, session
local config = require("ollama-chat.config")
local client = require("ollama-chat.ollama.client")
local prefs = require("ollama-chat.store.prefs")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____render = require("ollama-chat.chat.render")
local NS = ____render.NS
local Reply = ____render.Reply
local transcript = require("ollama-chat.chat.transcript")
local models = require("ollama-chat.chat.models")
local window = require("ollama-chat.chat.window")
function bufValid()
    return session.buf ~= nil and vim.api.nvim_buf_is_valid(session.buf)
end
function layout()
    local saved = prefs.get("split_preference")
    return session.layout or ((saved == "horizontal" or saved == "vertical") and saved or config.get().chat.split)
end
function resolveModel(cb)
    models.resolve(
        cb,
        function(picked)
            if session.streaming == nil then
                session.model = picked
            end
        end
    )
end
function initialLines()
    local messages = {}
    local system = config.get().chat.system
    if system ~= nil then
        messages[#messages + 1] = {role = "system", content = system}
    end
    messages[#messages + 1] = {role = "user", content = ""}
    return transcript.render(messages)
end
function setBufKeymaps(buf)
    local function opts(desc)
        return {buffer = buf, desc = desc, nowait = true, silent = true}
    end
    vim.keymap.set(
        "n",
        "<CR>",
        function() return ____exports.send() end,
        opts("Ollama: send the message")
    )
    vim.keymap.set(
        {"n", "i"},
        "<C-s>",
        function()
            vim.cmd("stopinsert")
            ____exports.send()
        end,
        opts("Ollama: send the message")
    )
    vim.keymap.set(
        {"n", "i"},
        "<C-c>",
        function() return ____exports.stop() end,
        opts("Ollama: stop the reply")
    )
end
function createBuffer(lines)
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, BUF_NAME)
    vim.api.nvim_set_option_value("buftype", "nofile", {buf = buf})
    vim.api.nvim_set_option_value("bufhidden", "hide", {buf = buf})
    vim.api.nvim_set_option_value("swapfile", false, {buf = buf})
    window.setMarkdown(buf)
    -- The initial text is not an edit the user can undo.
    local undolevels = vim.api.nvim_get_option_value("undolevels", {buf = buf})
    vim.api.nvim_set_option_value("undolevels", -1, {buf = buf})
    vim.api.nvim_buf_set_lines(
        buf,
        0,
        -1,
        false,
        lines
    )
    vim.api.nvim_set_option_value("undolevels", undolevels, {buf = buf})
    setBufKeymaps(buf)
    vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            buffer = buf,
            once = true,
            callback = function()
                if session.buf == buf then
                    session.buf = nil
                end
            end
        }
    )
    return buf
end
function ensureBuffer()
    if bufValid() then
        return session.buf
    end
    local lines = #session.messages > 0 and transcript.render(__TS__ArrayConcat(session.messages, {{role = "user", content = ""}})) or initialLines()
    session.buf = createBuffer(lines)
    return session.buf
end
function focusInput(win)
    local buf = vim.api.nvim_win_get_buf(win)
    vim.api.nvim_win_set_cursor(
        win,
        {
            vim.api.nvim_buf_line_count(buf),
            0
        }
    )
end
function show(enter)
    local buf = ensureBuffer()
    local win = window.findWindow(buf)
    if win == nil then
        win = window.openSplit(
            buf,
            layout(),
            config.get().chat.size,
            enter
        )
    elseif enter then
        vim.api.nvim_set_current_win(win)
    end
    if enter then
        focusInput(win)
    end
    return win
end
--- Uses `model` for the rest of this chat; a reply in progress is stopped first.
function ____exports.switchModel(model)
    ____exports.stop()
    session.model = model
    notify("the chat now uses " .. model)
end
function ____exports.stop()
    local s = session.streaming
    if s == nil then
        return
    end
    s.stopped = true
    s.handle:cancel()
end
function setPendingMessage(buf, text)
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local heading = -1
    do
        local i = #lines - 1
        while i >= 0 do
            if transcript.isHeading(lines[i + 1]) then
                heading = lines[i + 1] == transcript.USER_HEADING and i or -1
                break
            end
            i = i - 1
        end
    end
    -- Built with a loop: spread compiles to unpack(), which fails past ~8000 lines.
    local lines2 = heading < 0 and ({"", transcript.USER_HEADING, ""}) or ({""})
    for ____, l in ipairs(transcript.contentLines(text)) do
        lines2[#lines2 + 1] = l
    end
    vim.api.nvim_buf_set_lines(
        buf,
        heading < 0 and -1 or heading + 1,
        -1,
        false,
        lines2
    )
end
function trimEnd(buf)
    local n = vim.api.nvim_buf_line_count(buf)
    local last = n
    while last > 1 and vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[1] == "" do
        last = last - 1
    end
    if last < n then
        vim.api.nvim_buf_set_lines(
            buf,
            last,
            n,
            false,
            {}
        )
    end
end
function toRequest(messages)
    local out = {}
    local system = config.get().chat.system
    if system ~= nil and (#messages == 0 or messages[1].role ~= "system") then
        out[#out + 1] = {role = "system", content = system}
    end
    for ____, m in ipairs(messages) do
        out[#out + 1] = {role = m.role, content = m.content}
    end
    return out
end
--- Sends the message being typed (or `text`) with the whole conversation. `onSent` is told the
-- model once the request is on its way (the model may first have to be picked); never when
-- nothing was sent.
function ____exports.send(text, onSent)
    if session.streaming ~= nil then
        notify("a reply is still streaming: wait for it, or stop it with <C-c> or :Ollama stop", vim.log.levels.WARN)
        return
    end
    if session.model == nil or not bufValid() then
        -- send() opens the chat first when it is closed.
        resolveModel(function(model)
            if model == nil then
                return
            end
            session.model = model
            show(true)
            ____exports.send(text, onSent)
        end)
        return
    end
    local buf = session.buf
    if text ~= nil then
        setPendingMessage(buf, text)
    end
    local messages = transcript.parse(vim.api.nvim_buf_get_lines(buf, 0, -1, false))
    local last = messages[#messages]
    if last == nil or last.role ~= "user" or vim.trim(last.content) == "" then
        notify(("nothing to send: type your message under the last \"" .. transcript.USER_HEADING) .. "\" heading", vim.log.levels.WARN)
        return
    end
    if window.findWindow(buf) == nil then
        show(false)
    end
    trimEnd(buf)
    last.content = vim.trim(last.content)
    session.messages = messages
    startReply(buf, session.model, messages)
    if onSent ~= nil then
        onSent(session.model)
    end
end
function startReply(buf, model, messages)
    local reply = __TS__New(Reply, buf)
    reply:begin({
        "",
        "",
        transcript.assistantHeading(model),
        "",
        ""
    })
    local chatConfig = config.get().chat
    session.state = "loading"
    local streaming = {
        reply = reply,
        model = model,
        stopped = false,
        detached = false,
        handle = {cancel = function()
        end}
    }
    session.streaming = streaming
    streaming.handle = client.chat(
        {
            model = model,
            messages = toRequest(messages),
            options = chatConfig.options,
            keep_alive = chatConfig.keep_alive,
            think = chatConfig.think
        },
        {
            on_delta = function(delta)
                if streaming.detached then
                    return
                end
                session.state = "generating"
                reply:push(delta.content, delta.thinking)
            end,
            on_done = function(err, result) return finishReply(streaming, err, result) end
        }
    )
end
function tokensPerSecond(result)
    if result.eval_count == nil or result.eval_duration == nil or result.eval_duration <= 0 then
        return nil
    end
    return result.eval_count / result.eval_duration * 1000000000
end
function metaLines(err, result, stopped)
    if stopped then
        return {{"■ stopped: the reply above is what arrived before you stopped it", "OllamaChatStopped"}}
    end
    if err ~= nil then
        return {{"✗ " .. err.message, "OllamaChatError"}}
    end
    local parts = {}
    local tps = tokensPerSecond(result)
    if tps ~= nil then
        parts[#parts + 1] = string.format("%.1f tokens/s", tps)
    end
    if result.eval_count ~= nil then
        parts[#parts + 1] = tostring(result.eval_count) .. " tokens"
    end
    if result.total_duration ~= nil then
        parts[#parts + 1] = string.format("%.1f s", result.total_duration / 1000000000)
    end
    parts[#parts + 1] = result.done_reason ~= nil and "done: " .. result.done_reason or "done"
    local lines = {{
        table.concat(parts, " · "),
        "OllamaChatStats"
    }}
    if result.done_reason == "length" then
        lines[#lines + 1] = {"⚠ cut off: the reply reached the context or length limit (raise chat.options.num_ctx or num_predict)", "OllamaChatWarning"}
    end
    return lines
end
function settleReply(streaming, err, result, stopped)
    streaming.reply:finish(
        metaLines(err, result, stopped),
        {
            "",
            "",
            transcript.USER_HEADING,
            "",
            ""
        }
    )
    if session.streaming == streaming then
        session.streaming = nil
    end
    session.state = err ~= nil and not stopped and "error" or "idle"
    local ____temp_2
    if err == nil then
        ____temp_2 = tokensPerSecond(result)
    else
        ____temp_2 = nil
    end
    session.tokensPerSecond = ____temp_2
    if result.content ~= "" or result.thinking ~= "" then
        local message = {role = "assistant", model = streaming.model, content = result.content}
        if result.thinking ~= "" then
            message.thinking = result.thinking
        end
        local ____session_messages_3 = session.messages
        ____session_messages_3[#____session_messages_3 + 1] = message
    end
    if err ~= nil and not stopped then
        if err.kind == "not_found" then
            models.offerMissing(
                streaming.model,
                function(picked) return ____exports.switchModel(picked) end
            )
        else
            notify(err.message, vim.log.levels.ERROR)
        end
    end
end
function finishReply(streaming, err, result)
    local stopped = streaming.stopped and err ~= nil and err.kind == "cancelled"
    if not streaming.detached then
        settleReply(streaming, err, result, stopped)
    end
    vim.api.nvim_exec_autocmds("User", {pattern = "OllamaChatDone", modeline = false, data = {
        model = streaming.model,
        content = result.content,
        error = err ~= nil and not stopped and err.message or nil,
        stopped = stopped,
        eval_count = result.eval_count,
        eval_duration = result.eval_duration
    }})
end
BUF_NAME = "ollama-chat://chat"
session = {
    buf = nil,
    model = nil,
    layout = nil,
    state = "idle",
    tokensPerSecond = nil,
    messages = {},
    streaming = nil,
    savedName = nil
}
local HIGHLIGHTS = {
    {"OllamaChatThinking", "Comment"},
    {"OllamaChatStats", "Comment"},
    {"OllamaChatStopped", "WarningMsg"},
    {"OllamaChatWarning", "WarningMsg"},
    {"OllamaChatError", "ErrorMsg"}
}
for ____, ____value in ipairs(HIGHLIGHTS) do
    local group = ____value[1]
    local link = ____value[2]
    vim.api.nvim_set_hl(0, group, {link = link, default = true})
end
function ____exports.isOpen()
    return bufValid() and window.findWindow(session.buf) ~= nil
end
--- Opens the chat with the default model (asking for one the first time).
function ____exports.open()
    if session.model ~= nil then
        show(true)
        return
    end
    resolveModel(function(model)
        if model == nil then
            return
        end
        session.model = model
        show(true)
    end)
end
function ____exports.toggle()
    if ____exports.isOpen() then
        window.hide(window.findWindow(session.buf))
        return
    end
    ____exports.open()
end
--- Stops the reply in progress and cuts it loose from the session: the conversation it belonged
-- to is being closed or replaced, so what it still delivers (chunks, its end) must not land in
-- the next one. Its OllamaChatDone still fires.
local function detachReply()
    local s = session.streaming
    if s == nil then
        return
    end
    s.detached = true
    s.reply:discard()
    session.streaming = nil
    s.stopped = true
    s.handle:cancel()
end
--- Ends the session: stops any reply, closes the pane, forgets the conversation.
function ____exports.close()
    detachReply()
    local buf = session.buf
    session.buf = nil
    session.messages = {}
    session.savedName = nil
    session.state = "idle"
    session.tokensPerSecond = nil
    if buf ~= nil and vim.api.nvim_buf_is_valid(buf) then
        local win = window.findWindow(buf)
        if win ~= nil and #vim.api.nvim_list_wins() == 1 then
            vim.api.nvim_win_call(
                win,
                function() return vim.cmd("enew") end
            )
        end
        vim.api.nvim_buf_delete(buf, {force = true})
    end
end
--- Re-splits the open pane and remembers the layout for this and future instances.
function ____exports.setLayout(l)
    session.layout = l
    local err = prefs.set({split_preference = l})
    if err ~= nil then
        notify(err, vim.log.levels.ERROR)
    end
    if not ____exports.isOpen() then
        return
    end
    local win = window.findWindow(session.buf)
    local cursor = vim.api.nvim_win_get_cursor(win)
    local wasCurrent = vim.api.nvim_get_current_win() == win
    window.hide(win)
    local newWin = show(wasCurrent)
    vim.api.nvim_win_set_cursor(newWin, cursor)
end
function ____exports.status()
    return {model = session.model or nil, state = session.state, tokens_per_second = session.tokensPerSecond}
end
--- The conversation as the buffer says it, without the empty turn being typed.
function ____exports.conversation()
    local messages = bufValid() and transcript.parse(vim.api.nvim_buf_get_lines(session.buf, 0, -1, false)) or session.messages
    local last = messages[#messages]
    if last ~= nil and last.role == "user" and vim.trim(last.content) == "" then
        table.remove(messages)
    end
    return messages
end
--- The model that wrote the last reply, else the chat's model.
function ____exports.conversationModel()
    local messages = ____exports.conversation()
    do
        local i = #messages - 1
        while i >= 0 do
            if messages[i + 1].model ~= nil then
                return messages[i + 1].model
            end
            i = i - 1
        end
    end
    return session.model
end
--- Whether a reply is being received.
function ____exports.isStreaming()
    return session.streaming ~= nil
end
function ____exports.savedName()
    return session.savedName
end
function ____exports.setSavedName(name)
    session.savedName = name
end
--- Makes `messages` the active conversation (a reply in progress is stopped) and shows the pane.
function ____exports.replaceConversation(messages, model, name)
    detachReply()
    session.messages = messages
    session.savedName = name
    if model ~= nil then
        session.model = model
    end
    session.state = "idle"
    session.tokensPerSecond = nil
    local lines = transcript.render(__TS__ArrayConcat(messages, {{role = "user", content = ""}}))
    if bufValid() then
        vim.api.nvim_buf_clear_namespace(session.buf, NS, 0, -1)
        vim.api.nvim_buf_set_lines(
            session.buf,
            0,
            -1,
            false,
            lines
        )
    end
    if session.model == nil then
        resolveModel(function(m)
            if m == nil then
                return
            end
            session.model = m
            show(true)
        end)
        return
    end
    show(true)
end
return ____exports
