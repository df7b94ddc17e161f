-- generated from src/ollama-chat/chat/frontmatter.ts by TypeScriptToLua; do not edit
local ____exports = {}
local transcript = require("ollama-chat.format.transcript")
local settings = require("ollama-chat.chat.settings")
--- The section's lines: [heading row, row of the next heading) (0-based), if it has one.
local function section(lines)
    do
        local i = 0
        while i < #lines do
            if lines[i + 1] == transcript.SETTINGS_HEADING then
                -- The settings section at the top of a chat buffer ("## Settings", chat/settings.ts): read from
                -- the buffer before each request (the user may edit it there), written when a chat command
                -- changes it, removed when nothing is set.
                local j = i + 1
                while j < #lines and not transcript.isHeading(lines[j + 1]) do
                    j = j + 1
                end
                return {i, j}
            end
            if transcript.isHeading(lines[i + 1]) then
                return nil
            end
            i = i + 1
        end
    end
    return nil
end
--- The settings the buffer shows (empty when it has no section).
function ____exports.read(buf)
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local at = section(lines)
    if at == nil then
        return {
            settings = settings.empty(),
            errors = {}
        }
    end
    local body = {}
    do
        local i = at[1] + 1
        while i < at[2] do
            body[#body + 1] = transcript.unescapeLine(lines[i + 1])
            i = i + 1
        end
    end
    return settings.parse(table.concat(body, "\n"))
end
--- The settings of saved messages (their settings section), for a resumed chat.
function ____exports.ofMessages(messages)
    local first = messages[1]
    return first ~= nil and first.role == "settings" and settings.parse(first.content).settings or settings.empty()
end
--- Shows `s` at the top of the buffer (replacing the section, or removing it when empty).
function ____exports.write(buf, s)
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local at = section(lines)
    local next = {}
    if not settings.isEmpty(s) then
        for ____, l in ipairs(transcript.renderMessage({
            role = "settings",
            content = settings.render(s)
        })) do
            next[#next + 1] = l
        end
        next[#next + 1] = ""
    end
    if at == nil then
        vim.api.nvim_buf_set_lines(
            buf,
            0,
            0,
            false,
            next
        )
    else
        vim.api.nvim_buf_set_lines(
            buf,
            at[1],
            at[2],
            false,
            next
        )
    end
end
--- A model switched from outside the chat (:Ollama switch) replaces the one the section names.
function ____exports.switchModel(buf, model)
    if buf == nil then
        return
    end
    local shown = ____exports.read(buf)
    if shown.settings.model == nil or shown.settings.model == model then
        return
    end
    shown.settings.model = model
    ____exports.write(buf, shown.settings)
end
return ____exports
