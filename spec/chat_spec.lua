-- The chat, driven through a child Neovim the way a user drives it: keys, commands, windows.
local Child = require("helpers.child")
local Server = require("helpers.server")

local MODELS = {
  { name = "llama3.2:3b", size = 2019393189 },
  { name = "qwen3:8b", size = 5200000000, thinking = true },
}

describe("chat", function()
  local server, child

  local function reply_scenario(chat)
    server:scenario({ models = MODELS, chat = chat })
    server:clear_log()
  end

  local function start_child(opts)
    opts = opts or {}
    child = Child.new({ xdg = opts.xdg, env = opts.env })
    child:lua("require('ollama-chat').setup(...)", vim.tbl_deep_extend("force", { host = server.url, picker = "select" }, opts.setup or {}))
    return child
  end

  local function chat_buf(c)
    return (c or child):lua([[
      for _, b in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_get_name(b) == "ollama-chat://chat" and vim.api.nvim_buf_is_valid(b) then return b end
      end
      return -1
    ]])
  end

  -- The /api/chat requests of the log with messages (the plugin also checks /api/tags in the
  -- background, and warms the model up with an empty /api/chat when the chat opens).
  local function chat_requests()
    return vim.tbl_filter(function(e) return e.path == "/api/chat" and #(e.json.messages or {}) > 0 end, server:log())
  end

  local function chat_lines()
    return child:lines(chat_buf())
  end

  local function chat_win()
    for _, w in ipairs(child:wins()) do
      if w.name == "ollama-chat://chat" then return w end
    end
  end

  local function wait_idle(what)
    child:wait_until(function(c) return c:lua("return require('ollama-chat').status().state") ~= "generating"
      and c:lua("return require('ollama-chat').status().state") ~= "loading" end, what or "reply done", 15000)
  end

  local function wait_done(n)
    child:wait_until(function(c) return c:lua("return #(_G.__oc_done or {})") >= n end, "OllamaChatDone #" .. n, 15000)
    return child:lua("return _G.__oc_done")[n]
  end

  local function record_events()
    child:lua([[
      _G.__oc_done = {}
      vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function(a) table.insert(_G.__oc_done, a.data) end })
    ]])
  end

  -- Opens the chat with llama3.2:3b as the default model, through the user's commands and keys.
  local function open_chat()
    child:cmd("Ollama model llama3.2:3b")
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
    record_events()
  end

  local function type_and_send(text)
    child:feed("i" .. text .. "<Esc>")
    child:feed("<CR>")
  end

  setup(function()
    server = Server.start({ models = MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    reply_scenario({ default = { reply = "Hello from the model." } })
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("opens a split of half the editor with the cursor where the user types", function()
    start_child()
    open_chat()
    local w = chat_win()
    local total = child:lua("return vim.o.lines - vim.o.cmdheight")
    assert.is_true(math.abs(w.height - math.floor(total * 0.5)) <= 1, "height " .. w.height .. " of " .. total)
    assert.equals("markdown", w.filetype)
    assert.same({ "## User", "", "" }, chat_lines())
    assert.equals(w.win, child:lua("return vim.api.nvim_get_current_win()"))
    assert.same({ 3, 0 }, child:lua("return vim.api.nvim_win_get_cursor(0)"))
  end)

  it("sends with <CR>, streams the reply under the model's heading, and shows stats", function()
    start_child()
    open_chat()
    type_and_send("Hi there")
    local done = wait_done(1)
    assert.equals("Hello from the model.", done.content)
    assert.is_false(done.stopped)
    assert.equals("llama3.2:3b", done.model)
    assert.same({ "## User", "", "Hi there", "", "## Assistant (llama3.2:3b)", "", "Hello from the model.", "", "## User", "", "" }, chat_lines())
    local req = chat_requests()[1]
    assert.equals("/api/chat", req.path)
    assert.same({ { role = "user", content = "Hi there" } }, req.json.messages)
    assert.is_true(req.json.stream)
    local virt = child:lua([[
      local marks = vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })
      for _, m in ipairs(marks) do if m[4].virt_lines then return m[4].virt_lines[1][1][1] end end
    ]], chat_buf())
    assert.matches("tokens/s", virt)
    assert.equals("idle", child:lua("return require('ollama-chat').status().state"))
    assert.is_number(child:lua("return require('ollama-chat').status().tokens_per_second"))
  end)

  it("sends the whole history on the second turn, and <C-s> sends from insert mode", function()
    start_child()
    open_chat()
    type_and_send("first")
    wait_done(1)
    reply_scenario({ default = { reply = "second answer" } })
    child:feed("isecond<C-s>")
    wait_done(2)
    local req = chat_requests()[1]
    assert.same({
      { role = "user", content = "first" },
      { role = "assistant", content = "Hello from the model." },
      { role = "user", content = "second" },
    }, req.json.messages)
  end)

  it("streams content exactly as sent: UTF-8 split across reads, content in the final chunk", function()
    reply_scenario({ default = { reply = "Grüße 世界 𝄞\n## User\n```lua\nx = 1\n```", split_at = { 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60 }, final_content = " ✓" } })
    start_child()
    open_chat()
    type_and_send("go")
    local done = wait_done(1)
    assert.equals("Grüße 世界 𝄞\n## User\n```lua\nx = 1\n``` ✓", done.content)
    local lines = chat_lines()
    -- the line that looks like a heading is escaped in the buffer, and reads back exactly
    assert.same({ "Grüße 世界 𝄞", "\\## User", "```lua", "x = 1", "``` ✓" }, vim.list_slice(lines, 7, 11))
    local parsed = child:lua("return require('ollama-chat.format.transcript').parse(vim.api.nvim_buf_get_lines(..., 0, -1, false))", chat_buf())
    assert.equals(done.content, parsed[2].content)
  end)

  it("shows thinking apart from the answer, dimmed", function()
    reply_scenario({ default = { thinking = "Step one.\nStep two.", reply = "Answer." } })
    start_child({ setup = { chat = { think = true } } })
    child:cmd("Ollama model qwen3:8b")
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
    record_events()
    type_and_send("think")
    wait_done(1)
    assert.same({ "## Assistant (qwen3:8b)", "", "~~~~thinking", "Step one.", "Step two.", "~~~~", "", "Answer." }, vim.list_slice(chat_lines(), 5, 12))
    local hl = child:lua([[
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].hl_group then return { m[2], m[4].end_row, m[4].hl_group } end
      end
    ]], chat_buf())
    assert.same({ 6, 10, "OllamaChatThinking" }, hl) -- the block with both its fences (rows 6-9)
    assert.is_true(chat_requests()[1].json.think)
  end)

  it("says so when a reply is cut by the context limit", function()
    reply_scenario({ default = { reply = "cut", done_reason = "length" } })
    start_child()
    open_chat()
    type_and_send("long")
    wait_done(1)
    local virt = child:lua([[
      local out = {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        for _, l in ipairs(m[4].virt_lines or {}) do out[#out + 1] = l[1][1] end
      end
      return table.concat(out, "\n")
    ]], chat_buf())
    assert.matches("cut off", virt)
  end)

  it("stops a reply with <C-c>: curl killed, what arrived kept and marked", function()
    reply_scenario({ default = { token = "word ", ["repeat"] = 100000, token_ms = 5 } })
    server:reset_stats()
    start_child()
    open_chat()
    type_and_send("go on")
    child:wait_until(function() return #(chat_lines()[7] or "") > 20 end, "reply streaming")
    child:feed("<C-c>")
    local done = wait_done(1)
    assert.is_true(done.stopped)
    assert.is_nil(done.error)
    assert.matches("^word word", done.content)
    assert.equals("idle", child:lua("return require('ollama-chat').status().state"))
    assert(vim.wait(3000, function() return server:stats().cancelled_streams == 1 end, 50), "the server still streams")
    local lines = chat_lines()
    assert.equals("## User", lines[#lines - 2])
  end)

  it("stops a reply with :Ollama stop", function()
    reply_scenario({ default = { token = "word ", ["repeat"] = 100000, token_ms = 5 } })
    start_child()
    open_chat()
    type_and_send("go on")
    child:wait_until(function() return child:lua("return require('ollama-chat').status().state") == "generating" end, "generating")
    child:cmd("Ollama stop")
    assert.is_true(wait_done(1).stopped)
  end)

  it("one u undoes a whole reply", function()
    reply_scenario({ default = { token = "tok ", ["repeat"] = 300, token_ms = 2 } })
    start_child()
    open_chat()
    type_and_send("count")
    wait_done(1)
    child:feed("u")
    child:wait_until(function() return #chat_lines() <= 3 end, "undo")
    local lines = chat_lines()
    assert.same({ "## User", "", "count" }, lines)
  end)

  it("follows the reply only while the cursor is at the end", function()
    reply_scenario({ default = { token = "line\n", ["repeat"] = 400, token_ms = 2 } })
    start_child()
    open_chat()
    type_and_send("lines")
    child:wait_until(function() return #chat_lines() > 30 end, "streaming")
    -- following: the cursor is on the last line
    local n = #chat_lines()
    assert.is_true(child:lua("return vim.api.nvim_win_get_cursor(0)[1]") >= n - 2)
    child:feed("gg")
    wait_done(1)
    assert.equals(1, child:lua("return vim.api.nvim_win_get_cursor(0)[1]"))
  end)

  it("toggles the pane while streaming, keeping buffer and reply", function()
    reply_scenario({ default = { token = "w ", ["repeat"] = 200, token_ms = 5 } })
    start_child()
    open_chat()
    type_and_send("go")
    child:feed("<Space>ot")
    child:wait_until(function() return chat_win() == nil end, "pane hidden")
    local done = wait_done(1)
    child:feed("<Space>ot")
    child:wait_until(function() return chat_win() ~= nil end, "pane shown")
    assert.equals(done.content, child:lua("return require('ollama-chat.format.transcript').parse(vim.api.nvim_buf_get_lines(..., 0, -1, false))[2].content", chat_buf()))
  end)

  it("recovers the pane with its history after :q and after the buffer is wiped", function()
    start_child()
    open_chat()
    type_and_send("remember me")
    wait_done(1)
    child:cmd("q")
    assert.is_nil(chat_win())
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "reopened")
    assert.equals("remember me", chat_lines()[3])
    child:cmd("bwipeout! " .. chat_buf())
    child:feed("<Space>ot")
    child:wait_until(function() return chat_win() ~= nil end, "recovered")
    local lines = chat_lines()
    assert.equals("remember me", lines[3])
    assert.equals("Hello from the model.", lines[7])
  end)

  it("closes the session with <leader>oc, stopping any reply", function()
    reply_scenario({ default = { token = "w ", ["repeat"] = 100000, token_ms = 5 } })
    start_child()
    open_chat()
    type_and_send("go")
    child:wait_until(function() return child:lua("return require('ollama-chat').status().state") == "generating" end, "generating")
    child:feed("<Space>oc")
    assert.is_true(wait_done(1).stopped)
    assert.is_nil(chat_win())
    assert.equals(-1, chat_buf())
    -- the stopped reply belonged to the closed session: the next chat starts empty
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
    assert.same({ "## User", "", "" }, chat_lines())
  end)

  it("re-splits with <leader>ov / <leader>oh and keeps the layout across a restart", function()
    local xdg = Child.tempdir()
    start_child({ xdg = xdg })
    open_chat()
    child:feed("<Space>ov")
    child:wait_until(function() local w = chat_win(); return w and w.height > child:lua("return vim.o.lines - 5") end, "vertical split")
    local cols = child:lua("return vim.o.columns")
    assert.is_true(math.abs(chat_win().width - math.floor(cols * 0.5)) <= 1)
    child:stop()
    start_child({ xdg = xdg })
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
    assert.is_true(math.abs(chat_win().width - math.floor(cols * 0.5)) <= 1, "vertical after restart")
    child:feed("<Space>oh")
    child:wait_until(function() local w = chat_win(); return w and w.width == cols end, "horizontal split")
  end)

  it("switches the model mid-chat; the conversation goes on with the new one", function()
    start_child()
    open_chat()
    type_and_send("one")
    wait_done(1)
    child:cmd("Ollama switch qwen3:8b")
    child:feed("itwo<Esc><CR>")
    wait_done(2)
    local req = chat_requests()
    assert.equals("qwen3:8b", req[#req].json.model)
    assert.equals(3, #req[#req].json.messages)
    assert.equals("## Assistant (llama3.2:3b)", chat_lines()[5])
    assert.equals("## Assistant (qwen3:8b)", chat_lines()[13])
  end)

  it("keeps conversations apart: a second one streams beside the pane's, each in its own buffer and history", function()
    reply_scenario({ default = { token = "w ", ["repeat"] = 40, token_ms = 5 } })
    start_child()
    open_chat()
    child:lua([[
      _G.__oc_states = {}
      require("ollama-chat.chat.conversation").changes:subscribe(function(e) table.insert(_G.__oc_states, e) end)
      local other = require("ollama-chat.chat.session").create({ model = "qwen3:8b" })
      _G.__oc_other = other
      other:send(other:takeMessage("beside"))
    ]])
    type_and_send("in the pane")
    wait_done(2)
    wait_idle()
    local reqs = chat_requests()
    assert.equals(2, #reqs)
    local by_model = {}
    for _, r in ipairs(reqs) do by_model[r.json.model] = r.json.messages end
    assert.same({ { role = "user", content = "beside" } }, by_model["qwen3:8b"])
    assert.same({ { role = "user", content = "in the pane" } }, by_model["llama3.2:3b"])
    local other = child:lua([[
      local c = _G.__oc_other
      local buf = c:validBuffer()
      return { name = vim.api.nvim_buf_get_name(buf), messages = c:read(), status = c:status(), shown = vim.fn.bufwinid(buf) }
    ]])
    assert.equals("ollama-chat://chat/2", other.name)
    assert.equals(-1, other.shown, "only the current conversation has a pane")
    assert.same({ "user", "assistant" }, { other.messages[1].role, other.messages[2].role })
    assert.equals("beside", other.messages[1].content)
    assert.equals("qwen3:8b", other.messages[2].model)
    assert.equals("idle", other.status.state)
    local mine = child:lua("return require('ollama-chat.format.transcript').parse(vim.api.nvim_buf_get_lines(..., 0, -1, false))", chat_buf())
    assert.equals("in the pane", mine[1].content)
    assert.equals("llama3.2:3b", mine[2].model)
    assert.equals("llama3.2:3b", child:lua("return require('ollama-chat').status().model"))
    -- each conversation announced its own states
    local states = child:lua("return _G.__oc_states")
    local seen = {}
    for _, e in ipairs(states) do
      -- a change before its first send (the warm-up, the model's details arriving) says "idle": the
      -- sequence of interest starts with the send
      seen[e.conversation] = seen[e.conversation] or {}
      local list = seen[e.conversation]
      if (#list > 0 or e.state ~= "idle") and list[#list] ~= e.state then table.insert(list, e.state) end
    end
    local ids = vim.tbl_keys(seen)
    assert.equals(2, #ids)
    for _, id in ipairs(ids) do assert.same({ "loading", "generating", "idle" }, seen[id]) end
    -- closing the pane's conversation leaves the other one as it was
    child:feed("<Space>oc")
    child:wait_until(function() return chat_buf() == -1 end, "chat closed")
    assert.equals("beside", child:lua("return _G.__oc_other:read()[1].content"))
  end)

  it("send() from Lua opens the chat first", function()
    start_child()
    child:cmd("Ollama model llama3.2:3b")
    record_events()
    child:lua("require('ollama-chat').send('from lua')")
    wait_done(1)
    assert.is_not_nil(chat_win())
    assert.equals("from lua", chat_lines()[3])
  end)

  it("shows Ollama being down in the chat and the message says how to start it", function()
    start_child()
    open_chat()
    child:lua("require('ollama-chat').setup({ host = 'http://127.0.0.1:9', picker = 'select' })")
    type_and_send("anyone?")
    local done = wait_done(1)
    assert.matches("Ollama is not running at http://127.0.0.1:9: start it with `ollama serve`", done.error, 1, true)
    assert.equals("error", child:lua("return require('ollama-chat').status().state"))
  end)

  it("keeps a partial reply and shows a mid-stream error", function()
    reply_scenario({ default = { reply = "one two three", error_after = 2, error = "runner crashed" } })
    start_child()
    open_chat()
    type_and_send("go")
    local done = wait_done(1)
    assert.matches("runner crashed", done.error)
    assert.equals("one two", done.content)
    assert.equals("one two", chat_lines()[7])
  end)

  -- vim.ui.select replaced in the child: records what was offered and answers with `answer`
  -- (a function of the items, or an index).
  local function stub_select(answer)
    child:lua([[
      local answer = ...
      _G.__oc_selects = {}
      vim.ui.select = function(items, opts, on_choice)
        local shown = {}
        for i, item in ipairs(items) do shown[i] = opts.format_item and opts.format_item(item) or tostring(item) end
        table.insert(_G.__oc_selects, { prompt = opts.prompt, items = shown })
        local idx = answer
        if idx then on_choice(items[idx], idx) else on_choice(nil, nil) end
      end
    ]], answer)
  end

  it("tells the user when the default model is no longer installed and offers the picker", function()
    local xdg = Child.tempdir()
    vim.fn.mkdir(xdg .. "/config/nvim", "p")
    vim.fn.writefile({ 'return { default_model = "gone:1b" }' }, xdg .. "/config/nvim/ollama_config.lua")
    start_child({ xdg = xdg })
    stub_select(2) -- qwen3:8b, the second local model
    child:feed("<Space>oo")
    child:wait_until(function() return #child:lua("return _G.__oc_selects") >= 1 end, "picker offered")
    local offered = child:lua("return _G.__oc_selects")[1]
    assert.equals("Default model", offered.prompt)
    assert.matches("^llama3%.2:3b +2%.0 GB +%d%d%d%d%-%d%d%-%d%d$", offered.items[1])
    assert.matches("the default model gone:1b is no longer installed", child:messages(), 1, true)
    child:wait_until(function() return child:lua("return require('ollama-chat').status().model") == "qwen3:8b" end, "model replaced")
    child:wait_until(function()
      return table.concat(vim.fn.readfile(xdg .. "/config/nvim/ollama_config.lua"), "\n"):find('default_model = "qwen3:8b"', 1, true) ~= nil
    end, "new default persisted")
  end)

  it("offers to pull a model that is not installed, and pulls it with progress", function()
    server:scenario({ models = MODELS, pull = { ["phi4:14b"] = { behavior = "new", duration_ms = 300 } }, chat = { default = { reply = "hi" } } })
    start_child()
    open_chat()
    -- the switch checks the name: a missing model is offered to pull before anything is sent
    stub_select(1) -- "Pull phi4:14b now, then switch to it"
    child:cmd("Ollama switch phi4:14b")
    child:wait_until(function() return #child:lua("return _G.__oc_selects") == 1 end, "pull offered")
    local offered = child:lua("return _G.__oc_selects")[1]
    assert.same({ "Pull phi4:14b now, then switch to it", "Keep llama3.2:3b" }, offered.items)
    child:wait_until(function()
      return #vim.tbl_filter(function(e) return e.path == "/api/pull" end, server:log()) == 1
    end, "pull requested")
    local pull = vim.tbl_filter(function(e) return e.path == "/api/pull" end, server:log())[1]
    assert.equals("phi4:14b", pull.json.model)
    child:wait_until(function()
      return child:lua("return require('ollama-chat.update.updater').isRunning()") == false
    end, "pull finished", 15000)
    -- the pull's view took the cursor; q gives it back to the chat
    assert.equals("ollama-update", child:lua("return vim.bo.filetype"))
    child:feed("q")
    assert.matches("ollama%-chat://", child:lua("return vim.api.nvim_buf_get_name(0)"))
    -- the model is there now: the chat switched to it and the message goes through
    child:wait_until(function() return child:lua("return require('ollama-chat').status().model") == "phi4:14b" end, "switched")
    type_and_send("hello?")
    local second = wait_done(1)
    assert.is_nil(second.error)
    assert.equals("hi", second.content)
  end)

  it("reports a corrupt config file, keeps it aside, and goes on", function()
    local xdg = Child.tempdir()
    vim.fn.mkdir(xdg .. "/config/nvim", "p")
    vim.fn.writefile({ "return { default_model = ", "os.execute('touch " .. xdg .. "/pwned')" }, xdg .. "/config/nvim/ollama_config.lua")
    start_child({ xdg = xdg })
    open_chat()
    assert.is_nil(vim.uv.fs_stat(xdg .. "/pwned"), "the file was run")
    child:wait_until(function() return child:messages():find("not a valid preferences file", 1, true) ~= nil end, "corrupt file reported")
    local backups = vim.fn.glob(xdg .. "/config/nvim/ollama_config.lua.corrupt-*", false, true)
    assert.equals(1, #backups)
    child:wait_until(function()
      return table.concat(vim.fn.readfile(xdg .. "/config/nvim/ollama_config.lua"), "\n"):find('default_model = "llama3.2:3b"', 1, true) ~= nil
    end, "fresh preferences written")
  end)
end)
