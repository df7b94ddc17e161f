-- What the model manager knows outside its view, driven through a child Neovim against the test
-- server: status().loaded follows /api/ps as the model's keep_alive runs out.
local Server = require("helpers.server")
local User = require("helpers.user")

describe("models state", function()
  local server, user

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("status().loaded turns false once the chat's model is unloaded by its keep_alive", function()
    user = User.start(server, { setup = { chat = { keep_alive = "3s" } } })
    local child = user.child
    child:cmd("Ollama model llama3.2:3b")
    -- opening the chat warms the model up with the chat's keep_alive (3 s)
    child:feed("<Space>oo")
    -- a statusline asks status() on every redraw: asked here every 100 ms
    local function loaded() return child:lua("return require('ollama-chat').status().loaded") end
    user:wait(function() return loaded() == true end, "status().loaded true after the warm-up", 10000)
    local t0 = vim.uv.hrtime()
    user:wait(function() return loaded() == false end, "status().loaded false after keep_alive ran out", 9000)
    local s = (vim.uv.hrtime() - t0) / 1e9
    -- the model expires 3 s after the warm-up: told within a few seconds of that, not at the next
    -- 10 s re-ask
    assert.is_true(s < 8, ("took %.1f s"):format(s))
    -- and it stays false (the state is not re-asked on every call: at most once per second)
    local before = #vim.tbl_filter(function(e) return e.path == "/api/ps" end, server:log())
    for _ = 1, 10 do assert.is_false(loaded()); vim.wait(100) end
    local after = #vim.tbl_filter(function(e) return e.path == "/api/ps" end, server:log())
    assert.is_true(after - before <= 3, ("%d /api/ps for 10 calls in 1 s"):format(after - before))
  end)
end)
