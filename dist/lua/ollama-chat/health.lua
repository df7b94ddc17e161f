-- generated from src/ollama-chat/health.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local client = require("ollama-chat.ollama.client")
local function checkNeovim()
    if vim.fn.has("nvim-0.10") == 1 then
        -- :checkhealth ollama-chat. Health checks report synchronously and plugin code never blocks, so
        -- the Ollama server is judged by the last answer the plugin had from it, not by a new request.
        vim.health.ok("Neovim " .. tostring(vim.version()))
    else
        vim.health.error("Neovim 0.10 or newer is required", "upgrade Neovim: https://github.com/neovim/neovim/releases")
    end
end
local function checkExecutable(name, needed, why)
    if vim.fn.executable(name) == 1 then
        vim.health.ok((name .. ": ") .. vim.fn.exepath(name))
    elseif needed then
        vim.health.error((name .. " not found on PATH: ") .. why, ((("install " .. name) .. " (Debian/Ubuntu: sudo apt install ") .. name) .. ")")
    else
        vim.health.warn((name .. " not found on PATH: ") .. why, ("install " .. name) .. " for the fzf pickers, or set picker = \"select\"")
    end
end
local function checkServer()
    local host = client.host()
    vim.health.info(("host: " .. host) .. (config.get().host == nil and " (from $OLLAMA_HOST or the default)" or " (from setup)"))
    local c = client.contact()
    if c == nil then
        vim.health.info("no request made to Ollama yet in this session: run :Ollama status to contact it")
    elseif c.ok then
        vim.health.ok((("Ollama at " .. c.host) .. " answered ") .. os.date("%H:%M:%S", c.time))
    else
        vim.health.error(
            (((("last request to " .. c.host) .. " failed at ") .. os.date("%H:%M:%S", c.time)) .. ": ") .. c.message,
            "start Ollama with `ollama serve`, or set `host` in setup()"
        )
    end
end
local function checkPaths()
    local cfg = config.get()
    vim.health.info("config_file: " .. cfg.config_file)
    vim.health.info(((("data_dir: " .. cfg.data_dir) .. " (saved chats in chats/, retention ") .. tostring(cfg.retention_days)) .. " days)")
end
function ____exports.check()
    vim.health.start("ollama-chat")
    checkNeovim()
    checkExecutable("curl", true, "every request to Ollama goes through curl")
    checkExecutable("fzf", false, "the model picker falls back to vim.ui.select")
    if vim.env.TMUX ~= nil and vim.env.TMUX ~= "" then
        checkExecutable("tmux", false, "the tmux popup picker needs it")
    end
    vim.health.start("ollama-chat: Ollama server")
    checkServer()
    vim.health.start("ollama-chat: files")
    checkPaths()
end
return ____exports
