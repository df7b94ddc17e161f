-- Which model the chat talks to, driven through a child Neovim with keys and commands: the picker
-- marks the current model, :Ollama switch checks the name (a missing one is offered to pull and
-- never switched to unchecked), a switch before the chat ever opened is the model it opens with,
-- cancelling the very first pick says so, and the stats line speaks plainly.
local Child = require("helpers.child")
local Server = require("helpers.server")

local MODELS = {
  { name = "llama3.2:3b", size = 2019393189 },
  { name = "qwen3:8b", size = 5200000000 },
}

describe("the chat's model", function()
  local server, child

  local function start_child(opts)
    opts = opts or {}
    child = Child.new({ xdg = opts.xdg })
    child:lua("require('ollama-chat').setup(...)", { host = server.url, picker = "select" })
    child:lua([[
      _G.__oc_done = {}
      vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function(a) table.insert(_G.__oc_done, a.data) end })
    ]])
    return child
  end

  --- vim.ui.select answers with item `answer` (nil: cancelled); what it was shown is kept.
  local function stub_select(answer)
    child:lua([[
      local answer = ...
      _G.__oc_selects = {}
      vim.ui.select = function(items, opts, on_choice)
        local shown = {}
        for i, item in ipairs(items) do shown[i] = opts.format_item and opts.format_item(item) or tostring(item) end
        table.insert(_G.__oc_selects, { prompt = opts.prompt, items = shown })
        vim.schedule(function()
          if answer then on_choice(items[answer], answer) else on_choice(nil, nil) end
        end)
      end
    ]], answer)
  end

  local function selects()
    return child:lua("return _G.__oc_selects or {}")
  end

  local function chat_win()
    for _, w in ipairs(child:wins()) do
      if w.name == "ollama-chat://chat" then return w end
    end
  end

  local function chat_requests()
    return vim.tbl_filter(function(e) return e.path == "/api/chat" and e.json.messages ~= nil and #e.json.messages > 0 end, server:log())
  end

  local function wait_done(n)
    child:wait_until(function(c) return c:lua("return #_G.__oc_done") >= n end, "OllamaChatDone #" .. n, 15000)
    return child:lua("return _G.__oc_done")[n]
  end

  local function model()
    return child:lua("return require('ollama-chat').status().model")
  end

  local function open_chat()
    child:cmd("Ollama model llama3.2:3b")
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
  end

  local function stats_line()
    return child:lua([[
      local buf = vim.fn.bufnr("ollama-chat://chat")
      local out
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines then out = m[4].virt_lines[1][1][1] end
      end
      return out
    ]])
  end

  local function wait_message(text, timeout)
    child:wait_until(function() return child:messages():find(text, 1, true) ~= nil end, "message: " .. text, timeout)
  end

  setup(function()
    server = Server.start({ models = MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:scenario({ models = MODELS, chat = { default = { reply = "Hello." } } })
    server:clear_log()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("<leader>om marks the chat's current model in the picker", function()
    start_child()
    open_chat()
    stub_select(nil)
    child:feed("<Space>om")
    child:wait_until(function() return #selects() == 1 end, "picker shown")
    local rows = selects()[1].items
    assert.equals(2, #rows)
    assert.matches("^● llama3%.2:3b .*%(current%)$", rows[1])
    assert.matches("^  qwen3:8b ", rows[2])
    assert.is_nil(rows[2]:find("current", 1, true))
    -- after a switch the mark follows the model
    child:cmd("Ollama switch qwen3:8b")
    assert.equals("qwen3:8b", model())
    stub_select(nil)
    child:cmd("Ollama switch")
    child:wait_until(function() return #selects() == 1 end, "picker shown again")
    rows = selects()[1].items
    assert.matches("^  llama3%.2:3b ", rows[1])
    assert.matches("^● qwen3:8b .*%(current%)$", rows[2])
  end)

  it(":Ollama switch to a model that is not installed offers the pull and keeps the current model when declined", function()
    start_child()
    open_chat()
    stub_select(2) -- "Keep llama3.2:3b"
    child:cmd("Ollama switch nosuch:1b")
    child:wait_until(function() return #selects() == 1 end, "offer shown")
    assert.same({ "Pull nosuch:1b now, then switch to it", "Keep llama3.2:3b" }, selects()[1].items)
    wait_message("nosuch:1b is not installed: pull it now, or keep the current model")
    wait_message("no switch: the chat keeps llama3.2:3b")
    assert.equals("llama3.2:3b", model())
    assert.is_nil(child:messages():find("the chat now uses nosuch", 1, true))
    -- the chat still talks to the model it had
    child:feed("Gisay hi<Esc><CR>")
    wait_done(1)
    assert.equals("llama3.2:3b", chat_requests()[1].json.model)
  end)

  it(":Ollama switch to a missing model switches once the offered pull brought it", function()
    server:scenario({ models = MODELS, pull = { ["phi4:14b"] = { behavior = "new", duration_ms = 200 } }, chat = { default = { reply = "Hi." } } })
    start_child()
    open_chat()
    stub_select(1) -- pull it
    child:cmd("Ollama switch phi4:14b")
    child:wait_until(function()
      return #vim.tbl_filter(function(e) return e.path == "/api/pull" end, server:log()) == 1
    end, "pull requested")
    assert.equals("llama3.2:3b", model(), "no switch before the model is there")
    child:wait_until(function() return model() == "phi4:14b" end, "switched after the pull", 15000)
    wait_message("the chat now uses phi4:14b")
  end)

  it("a model removed after the switch is offered to pull when its reply fails", function()
    start_child()
    open_chat()
    child:cmd("Ollama switch qwen3:8b")
    assert.equals("qwen3:8b", model())
    -- deleted behind the chat's back (ollama rm)
    server:scenario({ models = { MODELS[1] }, chat = { default = { reply = "Hello." } } })
    stub_select(nil)
    child:feed("Gihello?<Esc><CR>")
    local done = wait_done(1)
    assert.matches('model "qwen3:8b" is not installed', done.error, 1, true)
    child:wait_until(function() return #selects() == 1 end, "offer shown")
    assert.same({ "Pull qwen3:8b now", "Choose another model" }, selects()[1].items)
  end)

  it("a switch before the chat was ever opened is the model it opens with", function()
    start_child()
    stub_select(nil)
    -- no default model yet, and the open comes while the switch is still being checked
    child:cmd("Ollama switch qwen3:8b")
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
    wait_message("the chat now uses qwen3:8b")
    assert.equals("qwen3:8b", model())
    assert.equals(0, #selects(), "no model picker: the switch named the model")
    child:feed("Gihello<Esc><CR>")
    wait_done(1)
    assert.equals("qwen3:8b", chat_requests()[1].json.model)
  end)

  it("cancelling the very first model pick says no model was chosen", function()
    start_child()
    stub_select(nil)
    child:feed("<Space>oo")
    child:wait_until(function() return #selects() == 1 end, "first pick shown")
    wait_message("no model chosen: the chat needs one")
    assert.is_nil(chat_win())
  end)

  it("the stats line says how the reply went in plain words", function()
    server:scenario({ models = MODELS, chat = { queue = { { reply = "Fine." }, { reply = "Long", done_reason = "length" } } } })
    start_child()
    open_chat()
    child:feed("Gihello<Esc><CR>")
    wait_done(1)
    local line = stats_line()
    assert.matches("tokens/s", line)
    assert.is_nil(line:find("done", 1, true), line)
    child:feed("Gimore<Esc><CR>")
    wait_done(2)
    assert.matches("cut off at the length limit", stats_line())
  end)
end)
