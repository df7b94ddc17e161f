-- The README's lazy.nvim spec, verbatim, loading the plugin the way lazy.nvim loads it
-- (spec/helpers/lazy.lua reproduces lazy.nvim's code paths; docs/lazy.md says where each comes from):
-- - keys (core/handler/keys.lua M:_add): one trigger mapping per `keys` entry and per mode the entry
--   lists, "n" only when it lists none; pressed, it deletes the triggers, loads the plugin and feeds
--   the keys again (nvim_feedkeys "<Ignore>" .. lhs, mode "i"). Every default key of the plugin, in
--   every mode it is mapped in, must load the plugin from its first press and then do its action.
-- - cmd (core/handler/cmd.lua M:_add): a stand-in command per name taking anything; run, it deletes
--   itself, loads the plugin and runs the plugin's command with the same range, bang and arguments;
--   completed, it loads the plugin and completes the line again.
-- - load (core/loader.lua M._load): handlers disabled, the folder put on the runtimepath
--   (add_to_rtp), plugin/**/*.{lua,vim} sourced in order (packadd), then require(main).setup(opts)
--   (config, get_main).
local Child = require("helpers.child")
local Server = require("helpers.server")
local spy = require("helpers.api_spy")
local root = vim.env.OC_ROOT

--- The lazy.nvim spec the README shows, as a Lua table (the README's text run as Lua).
local function readme_spec()
  local text = table.concat(vim.fn.readfile(root .. "/README.md"), "\n")
  local block = text:match("With %[lazy%.nvim%][^\n]*\n```lua\n(.-)\n```")
  assert(block, "README.md has no lazy.nvim spec")
  return assert(loadstring("return " .. block))(), block
end

-- Every function of the API but those a key never calls (setup and the getters).
local function api_names(child)
  return child:lua([[
    local out = {}
    for name, v in pairs(require("ollama-chat")) do
      if type(v) == "function" and name ~= "setup" and name ~= "status" and name ~= "completions" then out[#out + 1] = name end
    end
    table.sort(out)
    return out
  ]])
end

-- A folder named as lazy names the clone, holding this checkout (a `dir =` install).
local function plugin_dir()
  local dir = Child.tempdir() .. "/ollama-chat.nvim"
  assert(vim.uv.fs_symlink(root, dir))
  return dir
end

--- A child Neovim with lazy's handlers for the README's spec, the plugin not loaded yet.
--- `spies`: API functions to replace by spies once the plugin loaded (before keys are replayed).
local function lazy_child(opts)
  opts = opts or {}
  local child = Child.new({ plugin = false, env = opts.env })
  local _, block = readme_spec()
  child:lua([[
    local file, block, dir, spies, install = ...
    local spec = assert(loadstring("return " .. block))()
    _G.Lazy = dofile(file)
    if spies ~= vim.NIL then
      _G.Lazy.after_config = function() assert(loadstring(install))(spies) end
    end
    _G.Lazy.setup(spec, dir)
  ]], root .. "/spec/helpers/lazy.lua", block, opts.dir or plugin_dir(), opts.spies or vim.NIL, spy.INSTALL)
  return child
end

-- Waits for the spies to see a call; a key that fell through to Neovim's own meaning (a visual
-- <Space>o then `a` waiting for a text object) leaves the child waiting for input: that fails at once.
local function wait_calls(child, what)
  local blocked
  child:wait_until(function(c)
    local m = c:mode()
    if m.blocking then
      blocked = m.mode
      return true
    end
    return c:lua("return _G.calls ~= nil and #_G.calls > 0")
  end, "an API call from " .. what)
  assert(not blocked, what .. " did not run the plugin: Neovim waits for more keys in mode " .. tostring(blocked))
  return child:lua("return _G.calls")
end

local function loaded(child)
  return child:lua([[return {
    plugin = _G.Lazy.plugin.loaded ~= nil,
    Ollama = vim.fn.exists(":Ollama") == 2 and vim.api.nvim_get_commands({}).Ollama.definition or false,
    OllamaUpdate = vim.fn.exists(":OllamaUpdate") == 2 and vim.api.nvim_get_commands({}).OllamaUpdate.definition or false,
    module = package.loaded["ollama-chat"] ~= nil,
  }]])
end

local function not_loaded(child)
  local l = loaded(child)
  assert.is_false(l.plugin)
  assert.is_false(l.module, "nothing required before the first use")
end

-- Lines to select, a buffer to ask about.
local BUFFER = [[vim.api.nvim_buf_set_lines(0, 0, -1, false, { "local a = 1", "local b = 2", "return a + b" })]]

-- What pressing `lhs` in `mode` takes: the visual keys act on lines 1-2, selected linewise.
local function keys_for(mode, lhs)
  if mode == "n" then return lhs end
  if mode == "x" or mode == "v" then return "ggVj" .. lhs end
  error("a default key in mode " .. mode .. ": teach this spec how a user reaches that mode")
end

describe("the README's lazy.nvim spec", function()
  local child
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("is what the help shows, and lazy-loads on the commands and the keys in normal and visual mode", function()
    local spec, block = readme_spec()
    assert.equals("ollama-chat/ollama-chat.nvim", spec[1])
    assert.same({ "Ollama", "OllamaUpdate" }, spec.cmd)
    local help = table.concat(vim.fn.readfile(root .. "/doc/ollama-chat.txt"), "\n")
    local snippet = help:match("lazy%.nvim: >lua\n(.-)\n<")
    assert(snippet, "doc/ollama-chat.txt has no lazy.nvim snippet")
    assert.equals(block, (snippet:gsub("^    ", ""):gsub("\n    ", "\n")), "the help's lazy.nvim spec differs from the README's")
  end)

  describe("keys", function()
    -- Every default key, in every mode it is mapped in, as the plugin maps them when it is loaded
    -- (found, not listed here, so that a key added later is covered too), with the API call it makes.
    local reference = {}
    setup(function()
      local c = Child.new({ init = "vim.g.mapleader = ' '" })
      c:lua(BUFFER)
      local maps = c:lua([[
        local out = {}
        for _, mode in ipairs({ "n", "x", "s", "o", "i", "c", "t" }) do
          for _, m in ipairs(vim.api.nvim_get_keymap(mode)) do
            if (m.desc or ""):find("^Ollama") and not m.lhs:find("^<Plug>") then
              out[#out + 1] = { mode = mode, lhs = vim.fn.keytrans(m.lhsraw or m.lhs) }
            end
          end
        end
        table.sort(out, function(a, b) return a.mode .. a.lhs < b.mode .. b.lhs end)
        return out
      ]])
      local names = api_names(c)
      spy.install(c, names)
      for _, m in ipairs(maps) do
        spy.reset(c)
        c:feed("<Esc>" .. keys_for(m.mode, m.lhs))
        local calls = wait_calls(c, m.lhs .. " (" .. m.mode .. ")")
        reference[#reference + 1] = { mode = m.mode, lhs = m.lhs, calls = calls, spies = names }
      end
      c:stop()
    end)

    it("the plugin has default keys in normal and visual mode (<leader>oa asks about the selection)", function()
      local seen = {}
      for _, r in ipairs(reference) do seen[r.mode .. " " .. r.lhs] = r.calls end
      assert.is_true(#reference >= 12, "default keys found: " .. vim.inspect(reference))
      assert.same({ { name = "ask", args = { { range = { 1, 2 } } } } }, seen["x <Space>oa"], vim.inspect(vim.tbl_keys(seen)))
      assert.same({ { name = "ask", args = { {} } } }, seen["n <Space>oa"])
    end)

    it("each one, pressed first, loads the plugin and does what it does when the plugin is loaded", function()
      assert.is_true(#reference > 0)
      for _, r in ipairs(reference) do
        child = lazy_child({ spies = r.spies })
        child:lua(BUFFER)
        not_loaded(child)
        child:feed(keys_for(r.mode, r.lhs))
        local what = r.lhs .. " in mode " .. r.mode
        assert.same(r.calls, wait_calls(child, what), what)
        local l = loaded(child)
        assert.is_true(l.plugin, what)
        assert.matches("^ollama%-chat", l.Ollama, what)
        assert.same({ keys = {}, cmd = {} }, child:lua("return _G.Lazy.active()"), "every trigger is gone after " .. what)
        child:stop()
        child = nil
      end
    end)
  end)

  describe("cmd", function()
    local server
    before_each(function()
      server = Server.start({ version = "0.12.6", models = { { name = "llama3.2:3b" }, { name = "qwen3:8b" } } })
    end)
    after_each(function()
      server:stop()
    end)

    it(":Ollama with a range and arguments, run first, loads the plugin and runs as typed", function()
      child = lazy_child({ spies = { "ask" } })
      child:lua(BUFFER)
      not_loaded(child)
      child:cmd("2,3Ollama ask what does this return?")
      assert.same({ { name = "ask", args = { { prompt = "what does this return?", range = { 2, 3 } } } } }, child:lua("return _G.calls"))
      assert.matches("^ollama%-chat", loaded(child).OllamaUpdate)
    end)

    it(":OllamaUpdate run first loads the plugin and updates the models named", function()
      child = lazy_child({ spies = { "update" } })
      not_loaded(child)
      child:cmd("OllamaUpdate llama3.2:3b qwen3:8b")
      assert.same({ { name = "update", args = { { models = { "llama3.2:3b", "qwen3:8b" }, check_only = false } } } }, child:lua("return _G.calls"))
    end)

    it("completing :Ollama before the plugin loaded loads it and completes its subcommands", function()
      child = lazy_child()
      not_loaded(child)
      local got = child:lua([[return vim.fn.getcompletion("Ollama ", "cmdline")]])
      assert.is_true(vim.tbl_contains(got, "open") and vim.tbl_contains(got, "status") and vim.tbl_contains(got, "update"), vim.inspect(got))
      assert.is_true(loaded(child).plugin)
    end)

    it("the setup(opts) lazy calls on load reaches the real plugin (against the test server)", function()
      child = lazy_child({ env = { OLLAMA_HOST = server.url } })
      child:cmd("OllamaUpdate")
      child:wait_until(function()
        for _, r in ipairs(server:log()) do
          if r.path == "/api/tags" then return true end
        end
      end, ":OllamaUpdate to list the models at the test server")
      assert.is_true(loaded(child).module)
    end)
  end)

  describe(":Lazy reload", function()
    local server
    before_each(function()
      server = Server.start({ version = "0.12.6", models = { { name = "llama3.2:3b" } } })
    end)
    after_each(function()
      server:stop()
    end)

    it("keeps :Ollama and :OllamaUpdate working, with fresh modules and setup(opts) applied again", function()
      child = lazy_child({ env = { OLLAMA_HOST = server.url } })
      child:cmd("Ollama stop")
      local before = child:lua([[
        _G.old_config = package.loaded["ollama-chat.config"]
        return _G.old_config ~= nil
      ]])
      assert.is_true(before)
      child:lua("_G.Lazy.reload()")
      local l = loaded(child)
      assert.is_true(l.plugin)
      assert.matches("^ollama%-chat", l.Ollama)
      assert.matches("^ollama%-chat", l.OllamaUpdate)
      assert.is_true(child:lua([[
        local c = package.loaded["ollama-chat.config"]
        return c == nil or c ~= _G.old_config
      ]]), "the modules under dist/lua were unloaded too")
      -- both commands work after the reload: the update view lists the server's models
      server:clear_log()
      child:cmd("OllamaUpdate")
      child:wait_until(function()
        for _, r in ipairs(server:log()) do
          if r.path == "/api/tags" then return true end
        end
      end, ":OllamaUpdate after the reload")
      child:cmd("Ollama status")
      child:wait_until(function(c) return c:messages():find("1 model installed", 1, true) end, ":Ollama status after the reload")
    end)
  end)
end)

