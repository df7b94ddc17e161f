-- The plugin installs straight from git, with no build step, although its Lua lives in dist/lua.
local Child = require("helpers.child")
local root = vim.env.OC_ROOT

local clone_into = require("helpers.clone")

local function check_loaded(child)
  return child:lua([[
    local ok, mod = pcall(require, "ollama-chat")
    return {
      ok = ok,
      version = ok and mod.version or tostring(mod),
      helpers = (pcall(require, "ollama-chat.lualib_bundle")),
      global_helpers = #vim.api.nvim_get_runtime_file("lua/lualib_bundle.lua", true),
      global_require = (pcall(require, "lualib_bundle")),
      loaded_flag = vim.g.loaded_ollama_chat,
    }
  ]])
end

describe("installation", function()
  local child, pack
  before_each(function()
    pack = Child.tempdir()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("works as a native start package: pack/x/start/ollama-chat.nvim", function()
    clone_into(pack .. "/pack/x/start/ollama-chat.nvim")
    child = Child.new({ plugin = false, args = { "--cmd", "set packpath^=" .. pack } })
    local got = check_loaded(child)
    assert.is_true(got.ok, got.version)
    assert.equals(require("ollama-chat").version, got.version)
    assert.is_true(got.loaded_flag)
    assert.is_true(got.helpers, "the runtime helpers load as ollama-chat.lualib_bundle")
    assert.equals(0, got.global_helpers, "no lualib_bundle at the top of the module path")
    assert.is_false(got.global_require, "require('lualib_bundle') must not resolve")
  end)

  it("works as an opt package loaded with :packadd (as vim.pack does)", function()
    clone_into(pack .. "/pack/x/opt/ollama-chat.nvim")
    child = Child.new({ plugin = false, args = { "--cmd", "set packpath^=" .. pack } })
    assert.is_false(child:lua("return (pcall(require, 'ollama-chat'))"), "not loaded before packadd")
    child:cmd("packadd ollama-chat.nvim")
    local got = check_loaded(child)
    assert.is_true(got.ok, got.version)
    assert.is_true(got.helpers)
  end)

  it("setup() from init.lua works before plugins load, and the module loads once", function()
    clone_into(pack .. "/pack/x/start/ollama-chat.nvim")
    child = Child.new({
      plugin = false,
      args = { "--cmd", "set packpath^=" .. pack, "--cmd", "lua require('ollama-chat').setup({ retention_days = 7 }); _G.early = require('ollama-chat')" },
    })
    local got = child:lua([[
      return {
        same = _G.early == require("ollama-chat"),
        retention = require("ollama-chat.config").get().retention_days,
        commands = vim.fn.exists(":Ollama") == 2,
        dist = #vim.tbl_filter(function(p) return p:match("ollama%-chat%.nvim/dist$") ~= nil end, vim.api.nvim_list_runtime_paths()),
      }
    ]])
    assert.is_true(got.same, "one instance of the module")
    assert.equals(7, got.retention)
    assert.is_true(got.commands)
    assert.equals(1, got.dist)
  end)

  it("sourcing plugin/ again is a no-op, and redefines everything once lazy.nvim clears its flag", function()
    clone_into(pack .. "/pack/x/start/ollama-chat.nvim")
    child = Child.new({ plugin = false, args = { "--cmd", "set packpath^=" .. pack } })
    assert.is_true(child:lua([[return vim.g["loaded_ollama-chat"] ]]))
    child:lua("vim.api.nvim_del_user_command('Ollama')")
    child:cmd("runtime! plugin/ollama-chat.lua")
    assert.is_true(child:lua("return vim.api.nvim_get_commands({}).Ollama == nil"), "the guard holds while the flag is set")
    -- what lazy.nvim does on reload: clears vim.g["loaded_" .. plugin name] and sources plugin/ again
    child:lua([[vim.g["loaded_ollama-chat"] = nil; vim.api.nvim_del_keymap("n", "<Plug>(ollama-chat-open)")]])
    child:cmd("runtime! plugin/ollama-chat.lua")
    assert.equals("Ollama", child:lua("return vim.api.nvim_get_commands({}).Ollama.name"))
    assert.is_true(child:lua([[return vim.fn.maparg("<Plug>(ollama-chat-open)", "n", false, true).callback ~= nil]]))
    assert.is_true(child:lua([[return vim.g["loaded_ollama-chat"] and vim.g.loaded_ollama_chat]]))
    local n = child:lua([[
      local n = 0
      for _, p in ipairs(vim.api.nvim_list_runtime_paths()) do
        if p:match("ollama%-chat%.nvim/dist$") then n = n + 1 end
      end
      return n
    ]])
    assert.equals(1, n)
  end)
end)
