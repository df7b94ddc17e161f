-- generated from src/ollama-chat/chat/message.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayConcat = ____lualib.__TS__ArrayConcat
local ____exports = {}
local config = require("ollama-chat.config")
local transcript = require("ollama-chat.format.transcript")
--- The buffer text for `messages` followed by an empty user turn to type in.
function ____exports.linesWithInput(messages)
    -- Editing the message being typed (the last user turn of the chat buffer) and turning the
    -- conversation into the request's messages.
    return transcript.render(__TS__ArrayConcat(messages, {{role = "user", content = ""}}))
end
--- A new chat: the system prompt (when configured) and an empty user turn.
function ____exports.initialLines()
    local messages = {}
    local system = config.get().chat.system
    if system ~= nil then
        messages[#messages + 1] = {role = "system", content = system}
    end
    return ____exports.linesWithInput(messages)
end
--- Replaces the text of the last user turn (the one being typed) with `text`.
function ____exports.setPending(buf, text)
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
--- Drops blank lines at the end of the buffer (after the user's message).
function ____exports.trimEnd(buf)
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
--- The conversation as the buffer says it, without the empty turn being typed.
function ____exports.withoutEmptyInput(messages)
    local last = messages[#messages]
    if last ~= nil and last.role == "user" and vim.trim(last.content) == "" then
        table.remove(messages)
    end
    return messages
end
--- The request's messages: the configured system prompt first unless the chat has its own.
function ____exports.toRequest(messages, system)
    local out = {}
    if system ~= nil and (#messages == 0 or messages[1].role ~= "system") then
        out[#out + 1] = {role = "system", content = system}
    end
    -- A reply that brought nothing (a bare heading typed or left by hand) is never sent.
    for ____, m in ipairs(messages) do
        if m.role ~= "assistant" or vim.trim(m.content) ~= "" then
            out[#out + 1] = {role = m.role, content = m.content}
        end
    end
    return out
end
return ____exports
