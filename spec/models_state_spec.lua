-- What the model manager knows outside its view, driven through a child Neovim against the test
-- server: status().loaded follows /api/ps as the model's keep_alive runs out; the last outdated
-- check is kept across restarts (per model digest), and a broken saved check never breaks the view.
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

  local BUF = "ollama-chat://models"
  local function view_lines(child)
    return child:lua(([[
      for _, b in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_get_name(b) == %q then return vim.api.nvim_buf_get_lines(b, 0, -1, false) end
      end
      return {}
    ]]):format(BUF))
  end
  local function row(child, name)
    for _, l in ipairs(view_lines(child)) do
      if vim.startswith(l, "  " .. name .. " ") or vim.startswith(l, "★ " .. name .. " ") then return l end
    end
  end
  local function open_view(u)
    u.child:feed("<Space>oi")
    u:wait(function() local r = row(u.child, "llama3.2:3b"); return r ~= nil and r:find("completion") ~= nil end, "the models view")
  end
  local function curl(path, body)
    local out = vim.fn.system({ "curl", "-sS", server.url .. path, "--data-binary", "@-" }, vim.json.encode(body))
    assert(vim.v.shell_error == 0, out)
  end

  it("a new Neovim shows the last :Ollama outdated's marks at once; a model updated since loses its mark", function()
    server:scenario({ models = User.MODELS, pull = { ["tiny:1b"] = { behavior = "update" } } })
    local xdg = require("helpers.child").tempdir()
    local setup = { update = { registry = server.url } }
    user = User.start(server, { xdg = xdg, setup = setup })
    user.child:lua([[_G.__checked = 0; vim.api.nvim_create_autocmd("User", { pattern = "OllamaUpdateDone", callback = function() _G.__checked = _G.__checked + 1 end })]])
    user:command("Ollama outdated")
    user:wait(function(c) return c:lua("return _G.__checked") == 1 end, "the check")
    local file = xdg .. "/state/nvim/ollama-chat/outdated.lua"
    user:wait(function() return vim.fn.filereadable(file) == 1 end, "the check kept in " .. file)
    user:stop()

    -- a new Neovim, same state dir: the mark shows, and nothing asked the registry again
    server:clear_log()
    user = User.start(server, { xdg = xdg, setup = setup })
    open_view(user)
    user:wait(function() return (row(user.child, "tiny:1b") or ""):find("↑ outdated %(checked just now%)$") ~= nil end, "the kept mark")
    assert.is_nil(row(user.child, "llama3.2:3b"):find("outdated", 1, true))
    for _, e in ipairs(server:log()) do assert.is_nil(e.path:find("/v2/", 1, true), "asked the registry: " .. e.path) end

    -- another client updates tiny:1b (a new digest): its mark goes at the next refresh
    curl("/api/pull", { model = "tiny:1b", stream = false })
    user.child:feed("R")
    user:wait(function() local r = row(user.child, "tiny:1b"); return r ~= nil and r:find("outdated", 1, true) == nil end, "the mark gone with the old digest")
  end)

  it("a corrupt saved check is ignored with one line, and the view works", function()
    server:scenario({ models = User.MODELS })
    local xdg = require("helpers.child").tempdir()
    vim.fn.mkdir(xdg .. "/state/nvim/ollama-chat", "p")
    vim.fn.writefile({ "return { format = 1, time = os.time(), models = {{ name = 1 }} " }, xdg .. "/state/nvim/ollama-chat/outdated.lua")
    user = User.start(server, { xdg = xdg })
    open_view(user)
    user:wait_message("outdated.lua: ignored (")
    local notes = vim.tbl_filter(function(n) return n.msg:find("outdated", 1, true) end, user:notes())
    assert.equals(1, #notes, vim.inspect(notes))
    assert.is_nil(notes[1].msg:find("\n", 1, true))
    assert.matches("^ Not checked for updates yet", view_lines(user.child)[2])
    assert.is_not_nil(row(user.child, "tiny:1b"))
  end)

  it("<Space>oi draws the view at once and asks Ollama only after: no request, nor the lifecycle and details modules, inside the key", function()
    server:scenario({ models = User.MODELS })
    user = User.start(server)
    local child = user.child
    server:clear_log()
    -- the key and what it ran, then the state right after, before the main loop turned again
    local seen = child:lua([[
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<Space>oi", true, false, true), "x", false)
      return {
        buf = vim.api.nvim_buf_get_name(0),
        line = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1],
        busy = require("ollama-chat.models.manager").stats().busy,
        lifecycle = package.loaded["ollama-chat.models.lifecycle"] ~= nil,
        details = package.loaded["ollama-chat.models.details"] ~= nil,
      }
    ]])
    assert.same({ buf = "ollama-chat://models", busy = false, lifecycle = false, details = false }, { buf = seen.buf, busy = seen.busy, lifecycle = seen.lifecycle, details = seen.details })
    assert.matches("^ Ollama models at ", seen.line)
    -- then each answer is drawn when it comes: one /api/tags and one /api/ps
    user:wait(function() return row(child, "tiny:1b") ~= nil end, "the rows")
    local tags, ps = 0, 0
    for _, e in ipairs(server:log()) do
      if e.path == "/api/tags" then tags = tags + 1 elseif e.path == "/api/ps" then ps = ps + 1 end
    end
    assert.same({ 1, 1 }, { tags, ps })
  end)
end)
