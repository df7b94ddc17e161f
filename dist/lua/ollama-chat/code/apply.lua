-- generated from src/ollama-chat/code/apply.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local codeKeys = require("ollama-chat.chat.codekeys")
local origin = require("ollama-chat.chat.origin")
local registry = require("ollama-chat.chat.registry")
local events = require("ollama-chat.events")
local transcript = require("ollama-chat.format.transcript")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local blocks = require("ollama-chat.code.blocks")
local ____diffview = require("ollama-chat.code.diffview")
local DiffView = ____diffview.DiffView
local unwritable = ____diffview.unwritable
local ____indent = require("ollama-chat.code.indent")
local keepLayout = ____indent.keepLayout
local target = require("ollama-chat.code.target")
-- Apply: a reply's code block goes back into the code, through the diff view. The block under
-- the cursor in the chat, else the last reply's last block; onto the lines the chat was asked
-- about (code/target.ts), else the whole buffer the chat came from.
--- Language names a fence may use for a filetype.
local ALIASES = {
    js = "javascript",
    ts = "typescript",
    py = "python",
    sh = "sh",
    bash = "sh",
    zsh = "sh",
    shell = "sh",
    rb = "ruby",
    rs = "rust",
    yml = "yaml",
    md = "markdown",
    vimscript = "vim",
    viml = "vim",
    ["c++"] = "cpp",
    jsx = "javascriptreact",
    tsx = "typescriptreact",
    golang = "go",
    kt = "kotlin",
    cs = "cs",
    csharp = "cs"
}
--- Whether a block in `lang` may be meant for a buffer of filetype `ft`.
function ____exports.sameLanguage(lang, ft)
    if lang == "" or ft == "" then
        return true
    end
    local l = string.lower(lang)
    return l == ft or ALIASES[l] == ft or ft == "bash" and ALIASES[l] == "sh"
end
local HASH = 35
--- A turn heading of the chat buffer (every heading starts with "#": most lines are not one).
local function isHeading(line)
    return string.byte(line, 1) == HASH and transcript.isHeading(line)
end
--- The last code block (not the thinking block) of the last reply in the chat buffer's lines.
local function lastBlockOfLines(lines)
    local reply = -1
    do
        local i = #lines - 1
        while i >= 0 and reply < 0 do
            if string.byte(lines[i + 1], 1) == HASH and transcript.parseAssistantHeading(lines[i + 1]) ~= nil then
                reply = i
            end
            i = i - 1
        end
    end
    if reply < 0 then
        return "nothing to apply: the chat has no reply yet"
    end
    local found = blocks.find(lines, isHeading, reply + 1)
    do
        local k = #found - 1
        while k >= 0 do
            local code = blocks.chatCode(lines, found[k + 1])
            if code ~= nil then
                return code
            end
            k = k - 1
        end
    end
    return "nothing to apply: the reply has no code block"
end
--- The last code block of the last reply, or why there is none.
local function lastBlock(c)
    -- The chat buffer is the conversation (the user may have edited it): read from it directly,
    -- parsing only the last reply (a 20,000-line reply is parsed once, not as the whole transcript).
    local buf = c:validBuffer()
    if buf ~= nil then
        return lastBlockOfLines(vim.api.nvim_buf_get_lines(buf, 0, -1, false))
    end
    local messages = c:read()
    do
        local i = #messages - 1
        while i >= 0 do
            if messages[i + 1].role == "assistant" then
                local found = blocks.find(vim.split(messages[i + 1].content, "\n", {plain = true}))
                local block = found[#found]
                return block or "nothing to apply: the reply has no code block"
            end
            i = i - 1
        end
    end
    return "nothing to apply: the chat has no reply yet"
end
--- The block to apply: under the cursor in the chat, else the last reply's last.
local function chosenBlock(c)
    local buf = c:validBuffer()
    if buf ~= nil and vim.api.nvim_get_current_buf() == buf then
        local under = codeKeys.blockAt(
            buf,
            vim.api.nvim_win_get_cursor(0)[1] - 1
        )
        if under ~= nil then
            return under
        end
    end
    return lastBlock(c)
end
--- Shows `buf` in a window of this tab (not the chat's) and makes it current.
function ____exports.focus(buf)
    local win = vim.fn.bufwinid(buf)
    if win < 0 then
        local previous = vim.fn.win_getid(vim.fn.winnr("#"))
        local cur = vim.api.nvim_get_current_win()
        local function chatShown(w)
            return vim.startswith(
                vim.api.nvim_buf_get_name(vim.api.nvim_win_get_buf(w)),
                "ollama-chat://"
            )
        end
        if previous > 0 and not chatShown(previous) then
            win = previous
        elseif not chatShown(cur) then
            win = cur
        else
            vim.cmd("aboveleft split")
            win = vim.api.nvim_get_current_win()
        end
        vim.api.nvim_win_set_buf(win, buf)
    end
    vim.api.nvim_set_current_win(win)
end
--- Where the code goes: the tracked range, else the whole buffer the chat came from.
local function destination(c)
    local tracked = target.resolve(c.id)
    if tracked ~= nil then
        return tracked
    end
    local buf = origin.get()
    if buf == nil then
        return "nothing to apply to: ask about code first (<leader>oa), or open the chat from a code buffer"
    end
    return {
        buf = buf,
        first = 1,
        last = vim.api.nvim_buf_line_count(buf)
    }
end
--- Fires OllamaApplied for a diff that was accepted or rejected.
function ____exports.announce(buf, first, last, accepted)
    events.emit("OllamaApplied", {buf = buf, first = first, last = last, accepted = accepted})
end
--- Applies the chosen code block of the current chat through the diff view.
function ____exports.apply()
    local c = registry.peek()
    if c == nil then
        notify("nothing to apply: there is no chat yet", vim.log.levels.WARN)
        return
    end
    local block = chosenBlock(c)
    if type(block) == "string" then
        notify(block, vim.log.levels.WARN)
        return
    end
    local b = block
    local dest = destination(c)
    if type(dest) == "string" then
        notify(dest, vim.log.levels.WARN)
        return
    end
    local ____dest_0 = dest
    local buf = ____dest_0.buf
    local first = ____dest_0.first
    local last = ____dest_0.last
    local refusal = unwritable(buf)
    if refusal ~= nil then
        notify("cannot apply: " .. refusal, vim.log.levels.ERROR)
        return
    end
    local notes = {}
    if not b.closed then
        notes[#notes + 1] = "the reply was cut off inside this block: it may be incomplete"
    end
    local ft = vim.api.nvim_get_option_value("filetype", {buf = buf})
    if not ____exports.sameLanguage(b.lang, ft) then
        notes[#notes + 1] = (("the block is " .. b.lang) .. ", the buffer is ") .. ft
    end
    for ____, n in ipairs(notes) do
        notify(n .. "; check the diff (gr rejects)", vim.log.levels.WARN)
    end
    local old = vim.api.nvim_buf_get_lines(buf, first - 1, last, false)
    ____exports.focus(buf)
    local view = __TS__New(
        DiffView,
        buf,
        first,
        last,
        old,
        keepLayout(old, b.lines),
        false,
        {done = function(accepted, f, l) return ____exports.announce(buf, f, l, accepted) end},
        #notes > 0 and table.concat(notes, "; ") or nil
    )
    view:jump(0)
end
return ____exports
