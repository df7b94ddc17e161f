-- A model name with a newline (or another control character), from every way one can come in:
-- switch_model, the preferences file, pull() and an /api/tags entry. Where such text meets a
-- buffer line, a virtual line or a message it is shown escaped (`evil\nname`), never a Lua
-- error; an update run that meets it still ends, and the next one starts.
local Server = require("helpers.server")
local U = require("helpers.update")
local Child = require("helpers.child")

local EVIL = "evil\nname:latest"
local SHOWN = "evil\\nname:latest"

--- Every buffer line of the child (all buffers), joined.
local function all_text(child)
  return child:lua([[
    local out = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) then
        vim.list_extend(out, vim.api.nvim_buf_get_lines(b, 0, -1, false))
        for _, m in ipairs(vim.api.nvim_buf_get_extmarks(b, -1, 0, -1, { details = true })) do
          for _, vl in ipairs(m[4].virt_lines or {}) do
            for _, chunk in ipairs(vl) do out[#out + 1] = chunk[1] end
          end
          for _, chunk in ipairs(m[4].virt_text or {}) do out[#out + 1] = chunk[1] end
        end
      end
    end
    return table.concat(out, "\n")
  ]])
end

--- Fails when the child reported a Lua error (scheduled callbacks report to :messages).
local function assert_no_lua_error(child)
  local msgs = child:messages()
  assert.is_nil(msgs:find("stack traceback", 1, true), msgs)
  assert.is_nil(msgs:find("E5108", 1, true), msgs)
  assert.is_nil(msgs:find("Error executing", 1, true), msgs)
  assert.is_nil(msgs:find("contains newlines", 1, true), msgs)
end

describe("a model name with a newline", function()
  local server, child

  setup(function()
    server = Server.start({ models = { { name = "llama3.2:3b" } } })
  end)
  teardown(function()
    server:stop()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("from switch_model: the chat shows it escaped, and still works", function()
    server:scenario({ models = { { name = "llama3.2:3b" } }, chat = { default = { reply = "fine" } } })
    child = U.child(server)
    child:lua("require('ollama-chat').switch_model('llama3.2:3b')")
    child:lua("require('ollama-chat').open()")
    local ok, err = pcall(child.lua, child, "require('ollama-chat').switch_model(...)", EVIL)
    assert.is_true(ok, tostring(err))
    -- such a model is not installed: the switch offers the pull (vim.ui.select, a prompt that
    -- holds other requests back on 0.10); the user declines
    child:wait_until(function(c) local m = c:mode() return m.blocking or m.mode ~= "n" end, "the pull offered")
    child:feed("<Esc>")
    child:wait_until(function(c) local m = c:mode() return not m.blocking and m.mode == "n" end, "the offer answered")
    vim.wait(300)
    assert_no_lua_error(child)
    child:wait_until(function(c) return all_text(c):find(SHOWN, 1, true) ~= nil or c:messages():find(SHOWN, 1, true) ~= nil end, "the escaped name")
    -- the chat still answers after switching back
    child:lua("require('ollama-chat').switch_model('llama3.2:3b')")
    child:lua("require('ollama-chat').send('hi')")
    child:wait_until(function(c) return all_text(c):find("fine", 1, true) ~= nil end, "the reply")
    assert_no_lua_error(child)
  end)

  it("from the preferences file: opening the chat says it is not installed, escaped", function()
    local xdg = Child.tempdir()
    vim.fn.mkdir(xdg .. "/config/nvim", "p")
    vim.fn.writefile({ 'return { default_model = "evil\\nname:latest" }' }, xdg .. "/config/nvim/ollama_config.lua")
    child = Child.new({ xdg = xdg })
    child:lua("require('ollama-chat').setup({ host = ... })", server.url)
    local ok, err = pcall(child.cmd, child, "Ollama open")
    assert.is_true(ok, tostring(err))
    child:wait_until(function(c) return (c:messages() .. all_text(c)):find(SHOWN, 1, true) ~= nil end, "the escaped name", 8000)
    assert_no_lua_error(child)
  end)

  it("from pull(): the run ends with it failed, and the next update starts", function()
    server:scenario({ models = { { name = "llama3.2:3b" } }, pull = { ["llama3.2:3b"] = { behavior = "up_to_date" } } })
    child = U.child(server)
    local ok, err = pcall(child.lua, child, "require('ollama-chat').pull(...)", EVIL)
    assert.is_true(ok, tostring(err))
    local done = U.wait_done(child, 1, 10000)
    assert.equals(1, #done.failed)
    assert_no_lua_error(child)
    -- the next run is not "already running"
    child:cmd("OllamaUpdate")
    local second = U.wait_done(child, 2, 10000)
    assert.same({ "llama3.2:3b" }, second.current)
    assert.is_nil(child:messages():find("already running", 1, true))
    assert_no_lua_error(child)
  end)

  it("from an /api/tags entry: :OllamaUpdate shows it escaped and ends; the picker lists it", function()
    server:scenario({
      -- unchecked_name: a name no real Ollama lists, kept as given (server/scenario.ts)
      models = { { name = "llama3.2:3b" }, { name = EVIL, unchecked_name = true } },
      pull = { ["llama3.2:3b"] = { behavior = "up_to_date" } },
    })
    child = U.child(server)
    child:cmd("OllamaUpdate")
    local done = U.wait_done(child, 1, 10000)
    assert.is_false(done.cancelled)
    assert_no_lua_error(child)
    assert.matches(SHOWN, all_text(child), 1, true)
    child:cmd("OllamaUpdate")
    U.wait_done(child, 2, 10000)
    assert.is_nil(child:messages():find("already running", 1, true))
    assert_no_lua_error(child)
  end)
end)
