-- generated from src/ollama-chat/health.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local client = require("ollama-chat.ollama.client")
local ____names = require("ollama-chat.ollama.names")
local sameModel = ____names.sameModel
local prefs = require("ollama-chat.store.prefs")
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
-- :checkhealth ollama-chat and :Ollama status. Both ask Ollama now, /api/version and /api/tags at
-- once, and judge the answers the same way (findings). :Ollama status waits for them
-- asynchronously; :checkhealth, which Neovim runs synchronously by design, waits a bounded time.
--- The oldest Ollama with everything the plugin uses: `think` in /api/chat (thinking models, their
-- `message.thinking`) and `capabilities` in /api/show both came with Ollama 0.9.0; /api/ps,
-- /api/version and `keep_alive` are older.
____exports.MIN_OLLAMA = "0.9.0"
--- How long :checkhealth waits for Ollama before it reports that no answer came.
____exports.HEALTH_WAIT_MS = 2000
--- Asks Ollama for its version and its models at once; `cb` runs once, when both answered.
function ____exports.probe(cb)
    local start = vim.uv.hrtime()
    local p = {
        host = client.host(),
        ms = 0
    }
    local pending = 2
    local function answered(err)
        if err ~= nil and p.error == nil then
            p.error = err
        end
        pending = pending - 1
        if pending == 0 then
            p.ms = math.floor((vim.uv.hrtime() - start) / 1000000)
            cb(p)
        end
    end
    local v = client.version(function(err, version)
        p.version = version
        answered(err)
    end)
    local t = client.tags(function(err, models)
        p.models = models
        answered(err)
    end)
    return {cancel = function()
        v:cancel()
        t:cancel()
    end}
end
local function parseVersion(v)
    local a, b, c = string.match(v, "^v?(%d+)%.(%d+)%.(%d+)")
    if a == nil then
        return nil
    end
    return {
        tonumber(a),
        tonumber(b),
        tonumber(c)
    }
end
--- Whether version `v` is older than `min` (undefined: not a version we can read).
function ____exports.olderThan(v, min)
    local a = parseVersion(v)
    local b = parseVersion(min)
    if a == nil or b == nil then
        return nil
    end
    do
        local i = 0
        while i < 3 do
            if a[i + 1] ~= b[i + 1] then
                return a[i + 1] < b[i + 1]
            end
            i = i + 1
        end
    end
    return false
end
local function versionFinding(p)
    local at = (("Ollama " .. tostring(p.version)) .. " at ") .. p.host
    local older = ____exports.olderThan(p.version, ____exports.MIN_OLLAMA)
    if older == true then
        return {level = "warn", text = ((at .. " is older than ") .. ____exports.MIN_OLLAMA) .. ", which the plugin needs for thinking models", advice = "upgrade Ollama: https://ollama.com/download"}
    end
    -- A build from source reports 0.0.0: nothing to compare.
    if older == nil or p.version == "0.0.0" then
        return {level = "ok", text = ((at .. " (version not comparable with ") .. ____exports.MIN_OLLAMA) .. ")"}
    end
    return {
        level = "ok",
        text = ((at .. " answered in ") .. tostring(p.ms)) .. " ms"
    }
end
local function modelsFinding(models)
    if #models == 0 then
        return {level = "warn", text = "no models installed", advice = "pull one with `:Ollama pull llama3.2:3b`"}
    end
    return {
        level = "ok",
        text = ((tostring(#models) .. " model") .. (#models == 1 and "" or "s")) .. " installed"
    }
end
local function defaultFinding(models, name)
    if name == nil then
        return {level = "info", text = "no default model set yet", advice = "pick one with `:Ollama model`"}
    end
    for ____, m in ipairs(models) do
        if sameModel(m.name, name) then
            return {level = "ok", text = ("default model " .. name) .. " is installed"}
        end
    end
    return {level = "warn", text = ("default model " .. name) .. " is not installed", advice = ("pull it with `:Ollama pull " .. name) .. "`, or pick another with `:Ollama model`"}
end
--- What the probe says about the server, judged against the plugin's needs (undefined: no answer in time).
function ____exports.findings(p, host, defaultModel)
    if p == nil then
        return {{
            level = "error",
            text = ((("Ollama at " .. host) .. " did not answer within ") .. tostring(____exports.HEALTH_WAIT_MS / 1000)) .. " s",
            advice = "check that Ollama runs (`ollama serve`) and that `host` in setup() points at it"
        }}
    end
    if p.error ~= nil or p.version == nil or p.models == nil then
        local ____opt_0 = p.error
        return {{level = "error", text = ____opt_0 and ____opt_0.message or ("Ollama at " .. p.host) .. " gave no version or model list", advice = "start Ollama with `ollama serve`, or set `host` in setup()"}}
    end
    return {
        versionFinding(p),
        modelsFinding(p.models),
        defaultFinding(p.models, defaultModel)
    }
end
local function defaultModelName()
    local m = prefs.get("default_model")
    return type(m) == "string" and m or nil
end
--- The probe's answer, waited for. This is the one place in the plugin where a bounded wait is
-- right: Neovim runs health checks synchronously and prints the report when check() returns, so
-- the answer must be in before then; HEALTH_WAIT_MS bounds how long the editor waits.
local function probeWaiting()
    local answer
    local h = ____exports.probe(function(p)
        answer = p
    end)
    vim.wait(
        ____exports.HEALTH_WAIT_MS,
        function() return answer ~= nil end,
        10
    )
    if answer == nil then
        h.cancel()
    end
    return answer
end
local function report(f)
    if f.level == "ok" then
        vim.health.ok(f.text)
    elseif f.level == "info" then
        vim.health.info(f.advice == nil and f.text or (f.text .. ": ") .. f.advice)
    elseif f.level == "warn" then
        vim.health.warn(f.text, f.advice)
    else
        vim.health.error(f.text, f.advice)
    end
end
local LEVELS = {ok = vim.log.levels.INFO, info = vim.log.levels.INFO, warn = vim.log.levels.WARN, error = vim.log.levels.ERROR}
--- The findings in one line, with the level of the worst.
function ____exports.oneLine(fs)
    local parts = {}
    local level = vim.log.levels.INFO
    for ____, f in ipairs(fs) do
        parts[#parts + 1] = (f.level == "ok" or f.level == "info") and f.text or ((f.text .. " (") .. tostring(f.advice)) .. ")"
        level = math.max(level, LEVELS[f.level])
    end
    return {
        table.concat(parts, "; "),
        level
    }
end
--- :Ollama status: asks Ollama now, asynchronously, and tells the findings in one line after
-- `prefix` (the chat's state, when there is one).
function ____exports.status(prefix)
    local host = client.host()
    ____exports.probe(function(p)
        local line, level = unpack(
            ____exports.oneLine(____exports.findings(
                p,
                host,
                defaultModelName()
            )),
            1,
            2
        )
        notify(prefix == nil and line or (prefix .. "; ") .. line, level)
    end)
end
local function checkNeovim()
    if vim.fn.has("nvim-0.10") == 1 then
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
    for ____, f in ipairs(____exports.findings(
        probeWaiting(),
        host,
        defaultModelName()
    )) do
        report(f)
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
