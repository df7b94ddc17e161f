-- :checkhealth ollama-chat, as a user runs it: it asks Ollama now (/api/version, /api/tags), waits
-- at most 2 s, and reports the version (against the 0.9.0 the plugin needs), the number of models and
-- whether the default model is installed. It also works before the plugin loaded (the
-- lua/ollama-chat/health.lua shim), and :Ollama status reports the same, asynchronously, in one line.
local Child = require("helpers.child")
local Server = require("helpers.server")
local root = vim.env.OC_ROOT

local MODELS = { { name = "llama3.2:3b" }, { name = "qwen3:8b" }, { name = "codellama:7b" } }

local function health_text(child)
  child:cmd("checkhealth ollama-chat")
  return table.concat(child:lua("return vim.api.nvim_buf_get_lines(0, 0, -1, false)"), "\n")
end

-- A child using `url`, with `default` as the persisted default model (nil: none yet).
local function child_for(url, default)
  local child = Child.new()
  local dir = Child.tempdir()
  if default then
    vim.fn.writefile({ ("return { default_model = %q }"):format(default) }, dir .. "/ollama_config.lua")
  end
  child:lua("local host, file = ...; require('ollama-chat').setup({ host = host, config_file = file })", url, dir .. "/ollama_config.lua")
  return child
end

-- A port that accepts connections and never answers (the kernel completes the handshake).
local function silent_port()
  local tcp = vim.uv.new_tcp()
  assert(tcp:bind("127.0.0.1", 0))
  assert(tcp:listen(16, function() end))
  return tcp, tcp:getsockname().port
end

local server, child

-- A test server for each test of the block, with the models above; the child and the server stop after.
local function serving()
  before_each(function()
    server = Server.start({ version = "0.12.6", models = MODELS })
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
    server:stop()
  end)
end

describe(":checkhealth ollama-chat", function()
  serving()

  it("asks Ollama now: its version, the models, and that the default model is installed", function()
    child = child_for(server.url, "llama3.2:3b")
    server:clear_log()
    local text = health_text(child)
    assert.matches("OK Neovim 0%.1%d", text)
    assert.matches("OK curl: /", text)
    assert.matches("host: " .. vim.pesc(server.url) .. " %(from setup%)", text)
    assert.matches("OK Ollama 0%.12%.6 at " .. vim.pesc(server.url) .. " answered in %d+ ms", text)
    assert.matches("OK 3 models installed", text)
    assert.matches("OK default model llama3%.2:3b is installed", text)
    assert.matches("config_file: .*ollama_config%.lua", text)
    -- one report although two health.lua match (the shim in lua/, the real one in dist/lua)
    assert.equals(1, select(2, text:gsub("OK Ollama ", "")))
    local paths = {}
    for _, r in ipairs(server:log()) do paths[#paths + 1] = r.method .. " " .. r.path end
    table.sort(paths)
    assert.same({ "GET /api/tags", "GET /api/version" }, paths)
  end)

  it("warns when Ollama is older than 0.9.0, which the plugin needs", function()
    server:scenario({ version = "0.5.7", models = MODELS })
    child = child_for(server.url, "llama3.2:3b")
    local text = health_text(child)
    assert.matches("WARNING Ollama 0%.5%.7 at .- is older than 0%.9%.0, which the plugin needs for thinking models", text)
    assert.matches("upgrade Ollama", text)
  end)

  it("warns when the default model is not installed, and says how to get it", function()
    child = child_for(server.url, "mistral:7b")
    local text = health_text(child)
    assert.matches("WARNING default model mistral:7b is not installed", text)
    assert.matches(":Ollama pull mistral:7b", text, 1, true)
  end)

  it("warns when no model is installed, and tells when no default is set", function()
    server:scenario({ version = "0.12.6", models = {} })
    child = child_for(server.url, nil)
    local text = health_text(child)
    assert.matches("WARNING no models installed", text)
    assert.matches("Ollama pull llama3.2:3b", text, 1, true)
    assert.matches("no default model set yet: pick one with `:Ollama model`", text, 1, true)
  end)

  it("reports a server that is not running, with how to fix it", function()
    child = child_for("http://127.0.0.1:9", "llama3.2:3b")
    local text = health_text(child)
    assert.matches("ERROR Ollama is not running at http://127%.0%.0%.1:9", text)
    assert.matches("ollama serve", text)
  end)

  it("waits at most 2 s for a server that does not answer, and leaves no curl behind", function()
    local tcp, port = silent_port()
    child = child_for("http://127.0.0.1:" .. port, "llama3.2:3b")
    local start = vim.uv.hrtime()
    local text = health_text(child)
    local seconds = (vim.uv.hrtime() - start) / 1e9
    tcp:close()
    assert.matches("ERROR Ollama at http://127%.0%.0%.1:" .. port .. " did not answer within 2 s", text)
    assert.is_true(seconds >= 1.9 and seconds < 3.5, ("took %.2f s"):format(seconds))
    -- the two requests were cancelled: no curl is left running for them
    child:wait_until(function(c)
      return #c:lua([[return vim.tbl_filter(function(pid)
        local p = vim.api.nvim_get_proc(pid)
        return p ~= nil and p.name == "curl"
      end, vim.api.nvim_get_proc_children(vim.fn.getpid()))]]) == 0
    end, "curl to exit")
  end)
end)

describe(":checkhealth ollama-chat before the plugin loaded", function()
  after_each(function()
    if child then child:stop() end
    child = nil
    server:stop()
  end)

  -- The plugin's directory is on the runtimepath but plugin/ has not run, so dist/lua is not there
  -- yet: `:packadd!` (what vim.pack.add(specs, { load = false }) runs) and 'noloadplugins'.
  for _, case in ipairs({
    { name = "an opt package added with :packadd!", dir = "opt", args = {}, after = "packadd! ollama-chat.nvim" },
    { name = "a start package with 'noloadplugins'", dir = "start", args = { "--cmd", "set noloadplugins" } },
  }) do
    it("works for " .. case.name, function()
      server = Server.start({ version = "0.12.6", models = MODELS })
      local pack = Child.tempdir()
      vim.fn.mkdir(pack .. "/pack/x/" .. case.dir, "p")
      assert(vim.uv.fs_symlink(root, pack .. "/pack/x/" .. case.dir .. "/ollama-chat.nvim"))
      local args = vim.list_extend({ "--cmd", "set packpath^=" .. pack }, case.args)
      child = Child.new({ plugin = false, args = args, env = { OLLAMA_HOST = server.url } })
      if case.after then child:cmd(case.after) end
      local before = child:lua([[return {
        commands = vim.fn.exists(":Ollama"),
        dist = #vim.tbl_filter(function(p) return p:match("/dist$") ~= nil end, vim.api.nvim_list_runtime_paths()),
      }]])
      assert.same({ commands = 0, dist = 0 }, before, "the plugin is not loaded yet")
      local text = health_text(child)
      assert.is_nil(text:find("No healthcheck found", 1, true), text)
      assert.matches("OK Ollama 0%.12%.6 at " .. vim.pesc(server.url), text)
      assert.matches("OK 3 models installed", text)
      -- one module instance: what the shim returns is what the plugin requires later
      assert.is_true(child:lua([[
        local shim = require("ollama-chat.health")
        return shim == package.loaded["ollama-chat.health"] and type(shim.check) == "function"
      ]]))
    end)
  end
end)
describe(":Ollama status", function()
  serving()

  local function last_message(c)
    return c:lua([[
      local out = vim.api.nvim_exec2("messages", { output = true }).output
      local lines = vim.split(out, "\n", { trimempty = true })
      return lines[#lines]
    ]])
  end

  it("asks Ollama asynchronously and reports in one line", function()
    child = child_for(server.url, "llama3.2:3b")
    server:clear_log()
    -- the command returns before Ollama answered: the editor never waits
    local answered_before = child:lua([[
      vim.cmd("Ollama status")
      return vim.api.nvim_exec2("messages", { output = true }).output:find("models installed") ~= nil
    ]])
    assert.is_false(answered_before)
    child:wait_until(function(c) return (last_message(c) or ""):find("models installed", 1, true) end, "the status line")
    local line = last_message(child)
    assert.matches("ollama%-chat: .*Ollama 0%.12%.6 at " .. vim.pesc(server.url) .. " answered in %d+ ms; 3 models installed; default model llama3%.2:3b is installed", line)
    assert.is_nil(line:find("\n"))
    assert.equals(2, #server:log())
  end)

  it("says what is wrong in the same line when Ollama is down", function()
    child = child_for("http://127.0.0.1:9", nil)
    child:cmd("Ollama status")
    child:wait_until(function(c) return (last_message(c) or ""):find("not running", 1, true) end, "the status line")
    assert.matches("Ollama is not running at http://127%.0%.0%.1:9.*ollama serve", last_message(child))
  end)
end)
