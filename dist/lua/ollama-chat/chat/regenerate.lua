-- generated from src/ollama-chat/chat/regenerate.ts by TypeScriptToLua; do not edit
local ____exports = {}
local transcript = require("ollama-chat.format.transcript")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____render = require("ollama-chat.chat.render")
local NS = ____render.NS
--- The row the last reply begins at (its heading, with the blank lines before it).
local function lastReplyRow(lines)
    do
        local i = #lines - 1
        while i >= 0 do
            if transcript.parseAssistantHeading(lines[i + 1]) ~= nil then
                -- Regenerate: the last reply is taken out of the buffer and asked for again, from the same
                -- history; a failed or stopped turn (the user's message left as the last one) is retried the same way.
                local row = i
                while row > 0 and lines[row] == "" do
                    row = row - 1
                end
                return row
            end
            if lines[i + 1] == transcript.USER_HEADING and i < #lines - 1 then
                -- A user turn with text after the last reply: not ours to drop.
                do
                    local j = i + 1
                    while j < #lines do
                        if vim.trim(lines[j + 1]) ~= "" then
                            return nil
                        end
                        j = j + 1
                    end
                end
            end
            i = i - 1
        end
    end
    return nil
end
--- Prepares `c` for the new reply: drops its last reply from the buffer and returns the messages
-- to send (ending with the user's message), or undefined after telling the user why not.
function ____exports.prepare(c)
    if c:isStreaming() then
        notify("a reply is still streaming: stop it first with <C-c> or :Ollama stop, then regenerate", vim.log.levels.WARN)
        return nil
    end
    local messages = c:read()
    local last = messages[#messages]
    if last == nil then
        notify("nothing to regenerate: the chat has no message yet", vim.log.levels.WARN)
        return nil
    end
    local buf = c:buffer()
    if last.role == "assistant" then
        local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
        local row = lastReplyRow(lines)
        if row == nil then
            notify("nothing to regenerate: send or clear the message you are typing first", vim.log.levels.WARN)
            return nil
        end
        while #messages > 0 and messages[#messages].role == "assistant" do
            table.remove(messages)
        end
        vim.api.nvim_buf_clear_namespace(buf, NS, row, -1)
        vim.api.nvim_buf_set_lines(
            buf,
            row,
            -1,
            false,
            {}
        )
    elseif #messages > #c.messages and #messages >= 2 and messages[#messages - 2 + 1].role == "assistant" then
        -- A message typed after the last reply, never sent: regenerating would drop or send it.
        notify("nothing to regenerate: send (<CR>) or clear the message you are typing first", vim.log.levels.WARN)
        return nil
    end
    local user = messages[#messages]
    if user == nil or user.role ~= "user" or vim.trim(user.content) == "" then
        notify("nothing to regenerate: no message of yours precedes the last reply", vim.log.levels.WARN)
        return nil
    end
    return messages
end
return ____exports
