-- Default keymaps and <Plug> mappings in a child Neovim, typed as a user types them: each runs its
-- action through the public API (replaced by spies), and setup() reconfigures them.
local Child = require("helpers.child")
local spy = require("helpers.api_spy")

local LEADER = "vim.g.mapleader = ' '"

local API = { "open", "select_model", "switch_model", "toggle", "close", "set_layout", "save", "load",
  "clear_saved", "ask", "update" }

-- What each default keymap ends up calling.
local DEFAULTS = {
  { "d", "default_model", { name = "select_model", args = { "<nil>" } } },
  { "o", "open", { name = "open", args = {} } },
  { "m", "switch_model", { name = "switch_model", args = { "<nil>" } } },
  { "t", "toggle", { name = "toggle", args = {} } },
  { "c", "close", { name = "close", args = {} } },
  { "h", "horizontal", { name = "set_layout", args = { "horizontal" } } },
  { "v", "vertical", { name = "set_layout", args = { "vertical" } } },
  { "s", "save", { name = "save", args = { "<nil>" } } },
  { "l", "load", { name = "load", args = { "<nil>" } } },
  { "x", "clear", { name = "clear_saved", args = { {} } } },
  { "a", "ask", { name = "ask", args = { {} } } },
  { "u", "update", { name = "update", args = { { check_only = false } } } },
}

local child

--- The global mapping at lhs in mode: { rhs, desc, callback = bool } or nil.
local function map(lhs, mode)
  local m = child:lua([[
    local m = vim.fn.maparg(...)
    return m.lhs and { rhs = m.rhs or "", desc = m.desc, callback = m.callback ~= nil } or false
  ]], lhs, mode or "n", false, true)
  return m or nil
end

local function press(keys)
  spy.reset(child)
  child:feed(keys)
  child:wait_until(function()
    return #spy.calls(child) > 0
  end, "an API call after " .. keys)
  return spy.calls(child)
end

--- The plugin's modules loaded in the child, sorted.
local function loaded_modules()
  return child:lua([[
    local out = {}
    for name in pairs(package.loaded) do
      if name:find("^ollama%-chat") then out[#out + 1] = name end
    end
    table.sort(out)
    return out
  ]])
end

local function setup(opts)
  child:lua("require('ollama-chat').setup(...)", opts)
end

describe("keymaps", function()
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  describe("defaults", function()
    before_each(function()
      child = Child.new({ init = LEADER })
      spy.install(child, API)
    end)

    for _, case in ipairs(DEFAULTS) do
      local lhs = "<leader>o" .. case[1]
      it(("%s (%s) has a description and calls %s"):format(lhs, case[2], case[3].name), function()
        local m = map(lhs)
        assert.is_not_nil(m, lhs .. " is not mapped")
        assert.equals("<Plug>(ollama-chat-" .. case[2] .. ")", m.rhs)
        assert.matches("^Ollama: %u", m.desc)
        assert.same({ case[3] }, press("<Space>o" .. case[1]))
      end)
    end

    it("<leader>oa in visual mode asks about the selected lines", function()
      child:lua("vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'one', 'two', 'three', 'four' })")
      assert.is_not_nil(map("<leader>oa", "x"))
      assert.same({ { name = "ask", args = { { range = { 2, 3 } } } } }, press("ggjVj<Space>oa"))
      assert.equals("n", child:mode().mode)
    end)

    it("every action has a <Plug> mapping, also spelled with dashes", function()
      local actions = child:lua("return vim.tbl_keys(require('ollama-chat.config').KEYMAP_ACTIONS)")
      assert.equals(14, #actions)
      for _, action in ipairs(actions) do
        local plug = "<Plug>(ollama-chat-" .. action .. ")"
        local m = map(plug)
        assert.is_not_nil(m, plug)
        assert.is_true(m.callback, plug .. " runs a Lua function, not an Ex command")
        assert.equals("", m.rhs)
        assert.matches("^Ollama: ", m.desc)
        assert.is_not_nil(map("<Plug>(ollama-chat-" .. action:gsub("_", "-") .. ")"))
      end
      assert.is_not_nil(map("<Plug>(ollama-chat-ask)", "x"))
      spy.reset(child)
      child:lua([[vim.api.nvim_feedkeys(vim.keycode("<Plug>(ollama-chat-switch-model)"), "mx", false)]])
      assert.same({ { name = "switch_model", args = { "<nil>" } } }, spy.calls(child))
    end)

    it("startup loads neither the chat, the Ollama client, the commands nor the picker", function()
      local loaded = loaded_modules()
      for _, name in ipairs(loaded) do
        assert.is_nil(name:find("^ollama%-chat%.chat"), name)
        assert.is_nil(name:find("^ollama%-chat%.ollama"), name)
        assert.is_nil(name:find("^ollama%-chat%.http"), name)
        assert.is_nil(name:find("^ollama%-chat%.update"), name)
        assert.is_nil(name:find("^ollama%-chat%.store"), name)
        assert.is_nil(name:find("^ollama%-chat%.ui%.picker"), name)
        assert.is_not.equals("ollama-chat.commands", name)
      end
      assert.is_true(vim.tbl_contains(loaded, "ollama-chat.keymaps"), "keymaps come from plugin/")
      assert.is_true(child:lua("return vim.fn.exists(':Ollama') == 2 and vim.fn.exists(':OllamaUpdate') == 2"))
    end)
  end)

  it("startup loads only the keymaps and the generated key table: no actions, options or runtime helpers", function()
    child = Child.new({ init = LEADER })
    local loaded = loaded_modules()
    assert.same({ "ollama-chat.keymaps", "ollama-chat.keys" }, loaded)
    assert.equals("<Plug>(ollama-chat-open)", map("<leader>oo").rhs)
  end)

  describe("setup()", function()
    before_each(function()
      child = Child.new({ init = LEADER })
      spy.install(child, API)
    end)

    it("keymaps = false removes the default keymaps and keeps the <Plug> ones", function()
      assert.is_not_nil(map("<leader>oo"))
      setup({ keymaps = false })
      for _, case in ipairs(DEFAULTS) do
        assert.is_nil(map("<leader>o" .. case[1]), "<leader>o" .. case[1])
      end
      assert.is_nil(map("<leader>oa", "x"))
      assert.is_not_nil(map("<Plug>(ollama-chat-open)"))
      setup({ keymaps = true })
      assert.is_not_nil(map("<leader>oo"))
    end)

    it("a table overrides one lhs and drops another", function()
      setup({ keymaps = { open = "<C-k>", close = false } })
      assert.is_nil(map("<leader>oo"))
      assert.is_nil(map("<leader>oc"))
      assert.equals("<Plug>(ollama-chat-open)", map("<C-k>").rhs)
      assert.equals("<Plug>(ollama-chat-toggle)", map("<leader>ot").rhs)
      assert.same({ { name = "open", args = {} } }, press("<C-k>"))
    end)

    it("prefix moves every default keymap", function()
      setup({ keymaps = { prefix = "<leader>a" } })
      assert.is_nil(map("<leader>oo"))
      assert.equals("<Plug>(ollama-chat-open)", map("<leader>ao").rhs)
      assert.same({ { name = "toggle", args = {} } }, press("<Space>at"))
    end)

    it("a second setup() replaces what the first one set", function()
      setup({ keymaps = { prefix = "<leader>a", toggle = "<C-t>" } })
      setup({})
      assert.is_nil(map("<leader>ao"))
      assert.is_nil(map("<C-t>"))
      assert.equals("<Plug>(ollama-chat-open)", map("<leader>oo").rhs)
      assert.equals("<Plug>(ollama-chat-toggle)", map("<leader>ot").rhs)
    end)
  end)

  it("never takes over or removes a mapping the user made", function()
    child = Child.new({ init = LEADER .. "; vim.keymap.set('n', '<leader>oo', '<Cmd>let g:mine = 1<CR>')" })
    spy.install(child, API)
    assert.equals("<Cmd>let g:mine = 1<CR>", map("<leader>oo").rhs)
    assert.equals("<Plug>(ollama-chat-toggle)", map("<leader>ot").rhs)
    setup({ keymaps = { prefix = "<leader>o" } })
    assert.equals("<Cmd>let g:mine = 1<CR>", map("<leader>oo").rhs)
    setup({ keymaps = false })
    assert.equals("<Cmd>let g:mine = 1<CR>", map("<leader>oo").rhs)
    -- one the user maps after the plugin set its own is not removed either
    setup({})
    child:lua("vim.keymap.set('n', '<leader>ot', '<Cmd>let g:mine = 2<CR>')")
    setup({ keymaps = false })
    assert.equals("<Cmd>let g:mine = 2<CR>", map("<leader>ot").rhs)
    child:feed("<Space>oo")
    child:wait_until(function() return child:lua("return vim.g.mine") == 1 end, "the user's mapping to run")
    assert.same({}, spy.calls(child))
  end)
end)
