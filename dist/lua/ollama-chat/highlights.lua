-- generated from src/ollama-chat/highlights.ts by TypeScriptToLua; do not edit
local ____exports = {}
local DIM = {ctermfg = 8, cterm = {italic = true}}
local GROUPS = {
    {name = "OllamaChatThinking", link = "Comment", cterm = DIM},
    {name = "OllamaChatStats", link = "Comment", cterm = DIM},
    {name = "OllamaChatStopped", link = "WarningMsg", cterm = {ctermfg = 11}},
    {name = "OllamaChatWarning", link = "WarningMsg", cterm = {ctermfg = 11}},
    {name = "OllamaChatError", link = "ErrorMsg", cterm = {ctermfg = 9}},
    {name = "OllamaUpdateMuted", link = "Comment", cterm = DIM},
    {name = "OllamaUpdateActive", link = "DiagnosticInfo", cterm = {ctermfg = 14}},
    {name = "OllamaUpdateDone", link = "DiagnosticOk", cterm = {ctermfg = 10}},
    {name = "OllamaUpdateFailed", link = "DiagnosticError", cterm = {ctermfg = 9}},
    {name = "OllamaUpdateCancelled", link = "DiagnosticWarn", cterm = {ctermfg = 11}},
    {name = "OllamaUpdateAvailable", link = "DiagnosticHint", cterm = {ctermfg = 12}},
    {name = "OllamaUpdateBar", link = "Special", cterm = {ctermfg = 14}},
    {name = "OllamaUpdateHeader", link = "Title", cterm = {cterm = {bold = true}}},
    {name = "OllamaModelsHeader", link = "Title", cterm = {cterm = {bold = true}}},
    {name = "OllamaModelsColumns", link = "Comment", cterm = DIM},
    {name = "OllamaModelsMuted", link = "Comment", cterm = DIM},
    {name = "OllamaModelsName", link = "Identifier", cterm = {ctermfg = 14}},
    {name = "OllamaModelsDefault", link = "Special", cterm = {ctermfg = 13, cterm = {bold = true}}},
    {name = "OllamaModelsBadge", link = "Type", cterm = {ctermfg = 10}},
    {name = "OllamaModelsLoaded", link = "DiagnosticOk", cterm = {ctermfg = 10}},
    {name = "OllamaModelsOutdated", link = "DiagnosticWarn", cterm = {ctermfg = 11}},
    {name = "OllamaModelsError", link = "DiagnosticError", cterm = {ctermfg = 9}}
}
local function define(group)
    local target = vim.api.nvim_get_hl(0, {name = group.link, link = false})
    if target.ctermfg ~= nil or target.ctermbg ~= nil or target.cterm ~= nil then
        vim.api.nvim_set_hl(0, group.name, {link = group.link, default = true})
        return
    end
    local attrs = {}
    for key, value in pairs(target) do
        attrs[key] = value
    end
    for key, value in pairs(group.cterm) do
        attrs[key] = value
    end
    attrs.default = true
    vim.api.nvim_set_hl(0, group.name, attrs)
end
local installed = false
--- Defines the groups now and after every `:colorscheme`; once per editor, however often called.
function ____exports.setup()
    if installed then
        return
    end
    installed = true
    for ____, group in ipairs(GROUPS) do
        define(group)
    end
    vim.api.nvim_create_autocmd(
        "ColorScheme",
        {
            group = vim.api.nvim_create_augroup("ollama-chat-highlights", {clear = true}),
            callback = function()
                for ____, group in ipairs(GROUPS) do
                    define(group)
                end
            end
        }
    )
end
return ____exports
