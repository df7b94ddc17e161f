-- generated from src/ollama-chat/models/details.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local ____exports = {}
local client = require("ollama-chat.ollama.client")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
local ____rows = require("ollama-chat.models.rows")
local contextText = ____rows.contextText
local function section(out, title, text)
    -- K in the model manager: everything /api/show says about one model, in a split next to the list.
    __TS__ArrayPush(out, "", "## " .. title, "")
    local body = vim.trim(text)
    if body == "" then
        out[#out + 1] = "(none)"
    else
        for ____, line in ipairs(vim.split(body, "\n", {plain = true})) do
            out[#out + 1] = line
        end
    end
end
--- The text of the details buffer (markdown).
function ____exports.detailLines(name, s)
    local out = {"# " .. name, ""}
    local caps = #s.capabilities > 0 and table.concat(s.capabilities, ", ") or "(not said)"
    out[#out + 1] = "- Capabilities: " .. caps
    out[#out + 1] = "- Context length: " .. (s.context_length ~= nil and ((tostring(s.context_length) .. " tokens (") .. contextText(s.context_length)) .. ")" or "(not said)")
    local d = s.details
    if d ~= nil then
        for ____, ____value in ipairs({{"family", "Family"}, {"parameter_size", "Parameters"}, {"quantization_level", "Quantization"}, {"format", "Format"}}) do
            local key = ____value[1]
            local label = ____value[2]
            local v = d[key]
            if type(v) == "string" and v ~= "" then
                out[#out + 1] = (("- " .. label) .. ": ") .. v
            end
        end
    end
    section(out, "Parameters", s.parameters)
    section(out, "Template", s.template)
    section(out, "License", s.license)
    section(out, "Modelfile", s.modelfile)
    return out
end
--- The details buffer of each model shown (wiped when its window closes).
local buffers = {}
local function bufferFor(name)
    local existing = buffers[name]
    if existing ~= nil and vim.api.nvim_buf_is_valid(existing) then
        return existing
    end
    local bufName = "ollama-chat://model/" .. name
    local buf = vim.api.nvim_create_buf(false, true)
    buffers[name] = buf
    vim.api.nvim_buf_set_name(buf, bufName)
    vim.api.nvim_set_option_value("buftype", "nofile", {buf = buf})
    vim.api.nvim_set_option_value("bufhidden", "wipe", {buf = buf})
    vim.api.nvim_set_option_value("swapfile", false, {buf = buf})
    vim.keymap.set(
        "n",
        "q",
        function() return vim.cmd("close") end,
        {buffer = buf, nowait = true, silent = true, desc = "Ollama model details: close"}
    )
    return buf
end
--- Opens `name`'s details in a vertical split of the current tab once /api/show answers.
function ____exports.show(name)
    client.showModel(
        name,
        function(err, s)
            if err ~= nil or s == nil then
                return notify(err and err.message or "no details for " .. name, vim.log.levels.ERROR)
            end
            local buf = bufferFor(name)
            vim.api.nvim_set_option_value("modifiable", true, {buf = buf})
            vim.api.nvim_buf_set_lines(
                buf,
                0,
                -1,
                false,
                ____exports.detailLines(name, s)
            )
            vim.api.nvim_set_option_value("modifiable", false, {buf = buf})
            local wins = vim.fn.win_findbuf(buf)
            if #wins > 0 then
                return vim.api.nvim_set_current_win(wins[1])
            end
            vim.cmd("vertical belowright sbuffer " .. tostring(buf))
            local win = vim.api.nvim_get_current_win()
            vim.api.nvim_set_option_value("wrap", true, {win = win})
            local ok = pcall(vim.api.nvim_set_option_value, "filetype", "markdown", {buf = buf})
            if not ok then
                vim.api.nvim_set_option_value("filetype", "", {buf = buf})
            end
        end
    )
end
return ____exports
