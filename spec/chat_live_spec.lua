-- A chat one can live in, driven through a child Neovim with keys: conversations kept after
-- each reply and resumed in a new instance, regenerate, no empty turn ever sent, the winbar,
-- an ask that the chat window follows, the default model announced once written.
local Child = require("helpers.child")
local Server = require("helpers.server")

local MODELS = {
  { name = "llama3.2:3b", size = 2019393189 },
  { name = "qwen3:8b", size = 5200000000 },
}

describe("a chat to live in", function()
  local server, child

  local function start_child(opts)
    opts = opts or {}
    child = Child.new({ xdg = opts.xdg })
    child:lua("require('ollama-chat').setup(...)", vim.tbl_deep_extend("force", { host = server.url, picker = "select" }, opts.setup or {}))
    child:lua([[
      _G.__oc_done = {}
      vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function(a) table.insert(_G.__oc_done, a.data) end })
    ]])
    return child
  end

  local function chat_buf()
    return child:lua([[
      for _, b in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_get_name(b) == "ollama-chat://chat" and vim.api.nvim_buf_is_valid(b) then return b end
      end
      return -1
    ]])
  end

  local function chat_win()
    for _, w in ipairs(child:wins()) do
      if w.name == "ollama-chat://chat" then return w end
    end
  end

  local function chat_requests()
    -- warm-ups (no messages) left out
    return vim.tbl_filter(function(e) return e.path == "/api/chat" and e.json.messages ~= nil and #e.json.messages > 0 end, server:log())
  end

  local function wait_done(n)
    child:wait_until(function(c) return c:lua("return #_G.__oc_done") >= n end, "OllamaChatDone #" .. n, 15000)
    return child:lua("return _G.__oc_done")[n]
  end

  local function open_chat()
    child:cmd("Ollama model llama3.2:3b")
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
  end

  local function type_and_send(text)
    child:feed("Gi" .. text .. "<Esc><CR>")
  end

  local function winbar()
    local w = chat_win()
    return w and child:lua("return vim.wo[...].winbar", w.win) or ""
  end

  -- Every message of every /api/chat request: none is an assistant message without content.
  local function assert_no_empty_assistant()
    for _, req in ipairs(chat_requests()) do
      for _, m in ipairs(req.json.messages) do
        if m.role == "assistant" then assert.is_true(vim.trim(m.content) ~= "", "empty assistant message sent: " .. vim.inspect(req.json.messages)) end
      end
    end
  end

  local function kept_files(xdg)
    return vim.fn.glob(xdg .. "/data/nvim/ollama/chats/*.txt", false, true)
  end

  setup(function()
    server = Server.start({ models = MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:scenario({ models = MODELS, chat = { default = { reply = "Hello from the model." } } })
    server:clear_log()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("keeps the conversation after each reply: closed, then quit, it resumes in a new Neovim with :Ollama resume", function()
    local xdg = Child.tempdir()
    start_child({ xdg = xdg })
    open_chat()
    type_and_send("remember this")
    wait_done(1)
    child:wait_until(function() return #kept_files(xdg) == 1 end, "conversation kept")
    assert.matches("/auto%-%d+%-%d+_llama3%.2%-3b_%d+%-%d+%.txt$", kept_files(xdg)[1])
    child:feed("<Space>oc")
    child:wait_until(function() return chat_win() == nil end, "chat closed")
    child:stop()

    start_child({ xdg = xdg })
    child:cmd("Ollama resume")
    child:wait_until(function() return chat_win() ~= nil end, "resumed chat shown")
    assert.same({ "## User", "", "remember this", "", "## Assistant (llama3.2:3b)", "", "Hello from the model.", "", "## User", "", "" }, child:lines(chat_buf()))
    server:clear_log()
    type_and_send("and go on")
    wait_done(1)
    assert.same({
      { role = "user", content = "remember this" },
      { role = "assistant", content = "Hello from the model." },
      { role = "user", content = "and go on" },
    }, chat_requests()[1].json.messages)
    -- the resumed conversation goes on in the same kept file
    child:wait_until(function() return #vim.fn.readfile(kept_files(xdg)[1]) > 12 end, "second turn kept")
    assert.equals(1, #kept_files(xdg))
  end)

  it(":Ollama resume with nothing kept says so", function()
    start_child()
    child:cmd("Ollama resume")
    child:wait_until(function() return child:messages():find("no conversation to resume yet", 1, true) ~= nil end, "message")
    assert.is_nil(chat_win())
  end)

  it("<leader>or replaces the last reply with a new one from the same history", function()
    server:scenario({ models = MODELS, chat = { queue = { { reply = "first answer" }, { reply = "second answer" }, { reply = "third answer" } } } })
    start_child()
    open_chat()
    type_and_send("one")
    wait_done(1)
    type_and_send("two")
    wait_done(2)
    child:feed("<Space>or")
    wait_done(3)
    local reqs = chat_requests()
    assert.equals(3, #reqs)
    assert.same(reqs[2].json.messages, reqs[3].json.messages)
    assert.equals("llama3.2:3b", reqs[3].json.model)
    local lines = child:lines(chat_buf())
    assert.same({ "## User", "", "one", "", "## Assistant (llama3.2:3b)", "", "first answer", "", "## User", "", "two", "",
      "## Assistant (llama3.2:3b)", "", "third answer", "", "## User", "", "" }, lines)
    -- one stats line per reply shown: the replaced reply's went with it
    local marks = child:lua([[
      local n = 0
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines then n = n + 1 end
      end
      return n
    ]], chat_buf())
    assert.equals(2, marks)
    -- :Ollama regenerate does the same with the chat's current model
    child:cmd("Ollama switch qwen3:8b")
    child:cmd("Ollama regenerate")
    wait_done(4)
    assert.equals("qwen3:8b", chat_requests()[4].json.model)
    assert.same(reqs[2].json.messages, chat_requests()[4].json.messages)
  end)

  it("a failed turn leaves no empty heading, is retried by regenerate, and no empty assistant message is ever sent", function()
    server:scenario({ models = MODELS, chat = { queue = { { status = 500, error = "model runner crashed" } }, default = { reply = "Back again." } } })
    start_child()
    open_chat()
    type_and_send("hello?")
    local failed = wait_done(1)
    assert.is_string(failed.error)
    assert.same({ "## User", "", "hello?" }, child:lines(chat_buf()))
    local virt = child:lua([[
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines then return { m[2], m[4].virt_lines[1][1][1] } end
      end
    ]], chat_buf())
    assert.equals(2, virt[1], "the error mark sits under the failed message")
    assert.matches("model runner crashed", virt[2])

    child:feed("<Space>or")
    local retried = wait_done(2)
    assert.equals("Back again.", retried.content)
    assert.same({ { role = "user", content = "hello?" } }, chat_requests()[2].json.messages)
    assert.same({ "## User", "", "hello?", "", "## Assistant (llama3.2:3b)", "", "Back again.", "", "## User", "", "" }, child:lines(chat_buf()))
    -- the retry took the failed turn's mark away: only the new reply's stats are shown
    local shown = child:lua([[
      local out = {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines then table.insert(out, m[4].virt_lines[1][1][1]) end
      end
      return out
    ]], chat_buf())
    assert.equals(1, #shown, vim.inspect(shown))
    assert.is_nil(shown[1]:find("crashed", 1, true))

    -- a bare assistant heading typed by hand is not sent either
    child:lua([[vim.api.nvim_buf_set_lines(..., -3, -1, false, { "## Assistant (llama3.2:3b)", "", "## User", "", "more" })]], chat_buf())
    child:feed("<CR>")
    wait_done(3)
    assert.equals(3, #chat_requests())
    assert_no_empty_assistant()
  end)

  it("a turn stopped before anything came leaves no heading, and the stop mark under the message", function()
    server:scenario({ models = MODELS, chat = { queue = { { hang = true } } } })
    start_child()
    open_chat()
    type_and_send("wait")
    child:wait_until(function() return #chat_requests() == 1 end, "request sent")
    child:feed("<C-c>")
    local done = wait_done(1)
    assert.is_true(done.stopped)
    assert.same({ "## User", "", "wait" }, child:lines(chat_buf()))
    assert.equals("idle", child:lua("return require('ollama-chat').status().state"))
    local virt = child:lua([[
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines then return { m[2], m[4].virt_lines[1][1][1] } end
      end
    ]], chat_buf())
    assert.same({ 2, "■ stopped before any reply arrived" }, virt)
  end)

  it("a reply stopped while thinking has its stop mark right under it, above the next heading", function()
    server:scenario({ models = { { name = "llama3.2:3b", thinking = true } }, chat = { queue = { { thinking = string.rep("hmm ", 400), reply = "late", token_ms = 20 } } } })
    start_child()
    open_chat()
    type_and_send("think")
    child:wait_until(function()
      for _, l in ipairs(child:lines(chat_buf())) do if l:find("hmm", 1, true) then return true end end
      return false
    end, "thinking streams")
    child:feed("<C-c>")
    local done = wait_done(1)
    assert.is_true(done.stopped)
    local lines = child:lines(chat_buf())
    local virt = child:lua([[
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines then return { m[2], m[4].virt_lines[1][1][1] } end
      end
    ]], chat_buf())
    assert.matches("^■ stopped", virt[2])
    local heading
    for i, l in ipairs(lines) do if l == "## User" then heading = i - 1 end end -- 0-based row of the last
    assert.is_true(virt[1] < heading, ("the mark (row %d) is above the next heading (row %d)"):format(virt[1], heading))
    -- the closed thinking block, one blank line with the mark under it, then the next heading
    assert.same({ "~~~~", "", "## User", "", "" }, vim.list_slice(lines, #lines - 4))
    assert.equals(#lines - 4, virt[1], "the mark is under the blank line after the block")
  end)

  it("the winbar names the model, says what it does, and within 10 s that Ollama has not answered", function()
    server:scenario({ models = MODELS, chat = { queue = { { hang = true } }, default = { reply = "ok" } } })
    start_child()
    open_chat()
    child:wait_until(function() return winbar():match("^llama3%.2:3b · idle") ~= nil end, "winbar names the model")
    type_and_send("are you there?")
    child:wait_until(function() return winbar():find("waiting for Ollama", 1, true) ~= nil end, "waiting shown")
    child:wait_until(function() return winbar():find("waiting for Ollama %d+ s — loading the model%? <C%-c> stops") ~= nil end, "silence told", 10000)
    child:feed("<C-c>")
    wait_done(1)
    child:wait_until(function() return winbar():match("^llama3%.2:3b · idle") ~= nil end, "idle again")
    child:feed("<CR>")
    wait_done(2)
    child:wait_until(function() return winbar():match("^llama3%.2:3b · idle · [%d.k]+/4k ctx · [%d.]+ tokens/s$") ~= nil end, "context (4096 as 4k) and speed shown")
    child:cmd("Ollama switch qwen3:8b")
    assert.matches("^qwen3:8b · ", winbar())
  end)

  it("a server that sends only keep-alive newlines is told as silent within 10 s, and <C-c> stops it", function()
    -- Blank lines are not data (real Ollama sends none): the chat must not sit at "loading" forever.
    server:scenario({ models = MODELS, chat = { queue = { { trickle_ms = 100 } }, default = { reply = "ok" } } })
    start_child()
    open_chat()
    child:wait_until(function() return winbar():match("^llama3%.2:3b · idle") ~= nil end, "winbar names the model")
    type_and_send("anyone?")
    child:wait_until(function() return winbar():find("waiting for Ollama %d+ s — loading the model%? <C%-c> stops") ~= nil end, "silence told", 10000)
    child:feed("<C-c>")
    wait_done(1)
    child:wait_until(function() return winbar():match("^llama3%.2:3b · idle") ~= nil end, "idle again")
  end)

  it("an ask of 300 lines into a small chat window ends with the reply's last line visible", function()
    local reply = {}
    for i = 1, 60 do reply[#reply + 1] = "reply line " .. i end
    server:scenario({ models = MODELS, chat = { default = { reply = table.concat(reply, "\n"), token_ms = 2 } } })
    start_child({ setup = { chat = { size = 0.4 } } })
    child:cmd("Ollama model llama3.2:3b")
    child:lua([[
      local lines = {}
      for i = 1, 300 do lines[i] = "local x" .. i .. " = " .. i end
      vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
      vim.bo.filetype = "lua"
    ]])
    child:cmd("Ollama ask what does this do?")
    wait_done(1)
    child:wait_until(function() return chat_win() ~= nil end, "chat shown")
    local w = chat_win()
    assert.is_true(w.height < 15, "a small window")
    local view = child:lua([[
      local win = ...
      local buf = vim.api.nvim_win_get_buf(win)
      local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      local last_reply
      for i, l in ipairs(lines) do if l == "reply line 60" then last_reply = i end end
      return vim.api.nvim_win_call(win, function() return { top = vim.fn.line("w0"), bottom = vim.fn.line("w$"), last_reply = last_reply } end)
    ]], w.win)
    assert.is_number(view.last_reply)
    assert.is_true(view.last_reply >= view.top and view.last_reply <= view.bottom, vim.inspect(view))
    assert.equals(child:lua("return vim.api.nvim_buf_line_count(...)", w.buf), view.bottom, "the window followed to the end")
  end)

  it("an ask about an empty buffer or range is refused with a message, nothing sent", function()
    start_child()
    child:cmd("Ollama model llama3.2:3b")
    child:cmd("Ollama ask what is this?")
    assert.matches("nothing to ask about: the buffer is empty", child:messages(), 1, true)
    child:lua([[vim.api.nvim_buf_set_lines(0, 0, -1, false, { "code", "", "  " })]])
    child:cmd("2,3Ollama ask and this?")
    assert.matches("nothing to ask about: lines 2-3 are empty", child:messages(), 1, true)
    assert.equals(0, #chat_requests())
    assert.is_nil(chat_win())
  end)

  it("the default model is announced once written; a failed write shows the error instead", function()
    local xdg = Child.tempdir()
    start_child({ xdg = xdg })
    child:cmd("Ollama model qwen3:8b")
    child:wait_until(function() return child:messages():find("default model: qwen3:8b", 1, true) ~= nil end, "announced")
    assert.matches('default_model = "qwen3:8b"', table.concat(vim.fn.readfile(xdg .. "/config/nvim/ollama_config.lua"), "\n"), 1, true)
    child:stop()

    local blocker = Child.tempdir() .. "/a-file"
    vim.fn.writefile({ "x" }, blocker)
    start_child({ setup = { config_file = blocker .. "/ollama_config.lua" } })
    child:cmd("Ollama model qwen3:8b")
    child:wait_until(function() return child:messages():find("could not save", 1, true) ~= nil end, "write error shown")
    assert.is_nil(child:messages():find("default model: qwen3:8b", 1, true))
  end)

  it("a reply far ahead of the renderer (1 MB queued, written in slices) ends with all of it, then the next heading, then OllamaChatDone", function()
    -- one chunk of 20,000 lines (~1 MB): the renderer writes it in slices; the reply ends meanwhile
    local lines = {}
    for i = 1, 20000 do lines[i] = "line " .. i .. " of a long reply" end
    server:scenario({ models = MODELS, chat = { default = { tokens = { table.concat(lines, "\n") } } } })
    start_child()
    child:lua([[
      _G.__oc_at_done, _G.__oc_biggest = {}, 0
      vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function()
        local buf = vim.fn.bufnr("ollama-chat://chat")
        table.insert(_G.__oc_at_done, { lines = vim.api.nvim_buf_line_count(buf), state = require("ollama-chat").status().state })
      end })
    ]])
    open_chat()
    -- the most lines any one change adds to the chat: the rest is written in slices, not at once
    child:lua([[
      vim.api.nvim_buf_attach(..., false, { on_lines = function(_, _, _, _, last, new_last)
        _G.__oc_biggest = math.max(_G.__oc_biggest, new_last - last)
      end })
    ]], chat_buf())
    type_and_send("write a lot")
    local done = wait_done(1)
    assert.is_nil(done.error)
    -- when OllamaChatDone fired, the reply and the next turn's heading were in the buffer
    local at = child:lua("return _G.__oc_at_done[1]")
    assert.equals("idle", at.state)
    local text = child:lines(chat_buf())
    assert.equals(#text, at.lines)
    local last_line
    for i = #text, 1, -1 do
      if text[i]:match("^line %d+ of a long reply$") then last_line = i break end
    end
    assert.equals("line 20000 of a long reply", text[last_line])
    assert.equals("line 1 of a long reply", text[last_line - 19999])
    assert.same({ "", "## User", "", "" }, vim.list_slice(text, last_line + 1, last_line + 4))
    local biggest = child:lua("return _G.__oc_biggest")
    assert.is_true(biggest > 0, "the changes were seen")
    assert.is_true(biggest <= 600, ("one change added %d lines"):format(biggest))
    -- and nothing streams any more
    child:cmd("Ollama stop")
    assert.matches("nothing to stop", child:messages(), 1, true)
  end)

  it(":Ollama stop with nothing running says so", function()
    start_child()
    child:cmd("Ollama stop")
    assert.matches("nothing to stop", child:messages(), 1, true)
  end)
end)
