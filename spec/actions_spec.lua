-- One entry in the action table (src/ollama-chat/actions.ts) is all a new subcommand needs: added
-- to a copy of the project and built as `make build` builds, it yields the subcommand, its
-- completion, its <Plug> mapping, its default key (a valid `keymaps` name), its place in the bare
-- :Ollama picker and its help lines.
local Child = require("helpers.child")
local root = vim.env.OC_ROOT

local function run(cmd)
  local out = vim.fn.system(cmd)
  return vim.v.shell_error, out
end

local ENTRY = [[
  {
    name: "ping",
    synopsis: "{word}",
    desc: "answer a word with its echo",
    range: true,
    keys: [{ suffix: "P", modes: ["n", "x"] }],
    complete: (lead) => withPrefix(["pong", "pang", "other"], lead),
    run: (inv) => vim.api.nvim_set_var("pinged", { args: inv.args, range: inv.range ?? false }),
  },
]]

--- A copy of the project with the ENTRY added first in the action table, built.
local function project_with_entry()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  for _, name in ipairs({ "src", "types", "tlconfig", "scripts", "doc", "plugin", "lua", "tsconfig.json", "tsconfig.base.json", "package.json" }) do
    assert(run({ "cp", "-r", root .. "/" .. name, dir .. "/" .. name }) == 0)
  end
  vim.uv.fs_symlink(root .. "/node_modules", dir .. "/node_modules")
  vim.uv.fs_symlink(root .. "/.deps", dir .. "/.deps")
  local file = dir .. "/src/ollama-chat/actions.ts"
  local lines = vim.fn.readfile(file)
  local at
  for i, l in ipairs(lines) do
    if l:find("^export const ACTIONS: Action%[%] = %[") then at = i end
  end
  assert(at, "no ACTIONS table in actions.ts")
  for i, l in ipairs(vim.split(vim.trim(ENTRY), "\n")) do
    table.insert(lines, at + i, l)
  end
  vim.fn.writefile(lines, file)
  local code, out = run({ "bash", dir .. "/scripts/build.sh", "dist/lua" })
  assert(code == 0, out)
  code, out = run({ vim.env.OC_NVIM or "nvim", "--clean", "-l", dir .. "/scripts/gen-docs.lua", "doc", dir .. "/dist/lua",
    dir .. "/doc/ollama-chat.txt", dir .. "/doc/ollama-chat.txt" })
  assert(code == 0, out)
  return dir
end

describe("adding an action entry", function()
  local dir, child
  setup(function()
    dir = project_with_entry()
  end)
  before_each(function()
    child = Child.new({ plugin = false, init = "vim.g.mapleader = ' '", args = { "--cmd", "set runtimepath^=" .. vim.fn.fnameescape(dir) } })
  end)
  after_each(function()
    child:stop()
  end)

  local function pinged()
    return child:lua("return vim.g.pinged")
  end

  it("yields the subcommand, with its arguments and range", function()
    child:lua("vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'a', 'b', 'c' })")
    child:cmd("Ollama ping hello there")
    assert.same({ args = { "hello", "there" }, range = false }, pinged())
    child:cmd("2,3Ollama ping")
    assert.same({ args = {}, range = { 2, 3 } }, pinged())
  end)

  it("yields its completion, and its name among the subcommands", function()
    assert.same({ "pong", "pang" }, child:lua("return vim.fn.getcompletion('Ollama ping p', 'cmdline')"))
    assert.same({ "ping", "pull", "preload" }, child:lua("return vim.fn.getcompletion('Ollama p', 'cmdline')"))
  end)

  it("yields its <Plug> mapping (a Lua function) and its default key, in both modes", function()
    for _, mode in ipairs({ "n", "x" }) do
      local plug = child:lua([[
        local m = vim.fn.maparg("<Plug>(ollama-chat-ping)", ..., false, true)
        return { callback = m.callback ~= nil, desc = m.desc }
      ]], mode)
      assert.is_true(plug.callback, mode)
      assert.equals("Ollama: Answer a word with its echo", plug.desc)
      assert.equals("<Plug>(ollama-chat-ping)", child:lua("return vim.fn.maparg(' oP', ...)", mode))
    end
    child:feed(" oP")
    child:wait_until(function() return pinged() ~= vim.NIL end, "the key to run the action")
    assert.same({ args = {}, range = false }, pinged())
    child:lua("vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'a', 'b', 'c', 'd' })")
    child:feed("ggjVj oP")
    child:wait_until(function() return pinged().range ~= false end, "the visual key to pass the range")
    assert.same({ args = {}, range = { 2, 3 } }, pinged())
  end)

  it("yields a `keymaps` option name setup() accepts", function()
    child:lua("require('ollama-chat').setup({ keymaps = { ping = '<C-p>' } })")
    assert.equals("<Plug>(ollama-chat-ping)", child:lua("return vim.fn.maparg('<C-p>', 'n')"))
    assert.is_nil(child:messages():find("ping", 1, true), child:messages())
  end)

  it("yields an entry in the bare :Ollama picker", function()
    child:lua([[
      require("ollama-chat").setup({ picker = "select" })
      vim.ui.select = function(items, opts, on_choice)
        _G.first = opts.format_item(items[1])
        on_choice(items[1], 1)
      end
    ]])
    child:cmd("Ollama")
    assert.matches("^ping +answer a word with its echo$", child:lua("return _G.first"))
    assert.same({ args = {}, range = false }, pinged())
  end)

  it("yields its help lines", function()
    local doc = table.concat(vim.fn.readfile(dir .. "/doc/ollama-chat.txt"), "\n")
    assert.matches("\n:%[range%]Ollama ping {word} +Answer a word with its echo%.\n", doc)
    assert.matches("\n  <leader>oP  ping +Answer a word with its echo%. Also in visual mode%.\n", doc)
  end)
end)
