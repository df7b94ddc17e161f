-- generated from src/ollama-chat/chat/origin.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____buffer = require("ollama-chat.chat.buffer")
local isChatBuffer = ____buffer.isChatBuffer
-- The buffer the chat came from: the code buffer the user was last in (a file buffer, not the
-- chat's own nor a plugin view). `#buffer`, `#selection`, `#diagnostics` and apply read it.
local last
local function isCode(buf)
    return vim.api.nvim_buf_is_valid(buf) and vim.api.nvim_get_option_value("buftype", {buf = buf}) == "" and not isChatBuffer(buf) and not vim.startswith(
        vim.api.nvim_buf_get_name(buf),
        "ollama-chat://"
    )
end
local function note(buf)
    if isCode(buf) then
        last = buf
    end
end
-- From the first use on: the buffer current then, then every code buffer entered.
note(vim.api.nvim_get_current_buf())
vim.api.nvim_create_autocmd(
    "BufEnter",
    {
        group = vim.api.nvim_create_augroup("ollama-chat-origin", {clear = true}),
        callback = function(args) return note(args.buf) end
    }
)
--- The code buffer the user was last in, if it still exists.
function ____exports.get()
    return last ~= nil and vim.api.nvim_buf_is_valid(last) and last or nil
end
return ____exports
