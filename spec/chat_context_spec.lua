-- Context in, through a child Neovim against the test server: chat variables expanded into the
-- request while the chat keeps the short form, their refusals, completion; chat commands and the
-- settings front matter changing what the next request carries, surviving save and resume.
local Child = require("helpers.child")
local Server = require("helpers.server")
local User = require("helpers.user")

local SAMPLE = { "local M = {}", "local a = 1 -- ü", "return M" }

describe("chat context", function()
  local server, user, data

  local function start()
    user = User.start(server, { setup = { data_dir = data } })
  end

  local function work()
    return user.child.xdg .. "/project"
  end

  local function edit(file, lines)
    vim.fn.mkdir(work(), "p")
    vim.fn.writefile(lines, work() .. "/" .. file)
    user.child:cmd("edit project/" .. file)
  end

  local function requests()
    return User.chat_requests(server)
  end

  local function last_content()
    local req = requests()
    local messages = req[#req].json.messages
    return messages[#messages].content
  end

  local function errors()
    return vim.tbl_filter(function(n) return n.level == vim.log.levels.ERROR end, user:notes())
  end

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    data = Child.tempdir() .. "/data"
    server:scenario({ models = User.MODELS, chat = { default = { reply = "ok" } } })
    server:clear_log()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("#buffer, #buffer:{name}, #selection, #file and #diagnostics put their content in the request; the chat keeps the short form", function()
    start()
    edit("other.lua", { "return 'other'" })
    edit("sample.lua", SAMPLE)
    user.child:feed("2GV<Esc>")
    user.child:lua([[
      local ns = vim.api.nvim_create_namespace("spec")
      vim.diagnostic.set(ns, 0, { { lnum = 1, col = 6, message = "unused a", severity = vim.diagnostic.severity.WARN, source = "luals" } })
    ]])
    user:open_chat()
    user:send("Compare #buffer with #buffer:other.lua, see #selection and #diagnostics.")
    user:wait_done(1)
    local sent = last_content()
    local want = table.concat({
      "Compare ",
      "", "File: project/sample.lua (lua), all 3 lines", "", "```lua", SAMPLE[1], SAMPLE[2], SAMPLE[3], "```", "",
      " with ",
      "", "File: project/other.lua (lua), all 1 lines", "", "```lua", "return 'other'", "```", "",
      ", see ",
      "", "File: project/sample.lua (lua), lines 2-2 of 3", "", "```lua", SAMPLE[2], "```", "",
      " and ",
      "", "Diagnostics of project/sample.lua (1)", "", "```", "project/sample.lua:2:7: warning: unused a [luals]", "    local a = 1 -- ü", "```", "",
      ".",
    }, "\n")
    assert.equals(want, sent)
    local lines = user:chat_lines()
    assert.truthy(vim.tbl_contains(lines, "Compare #buffer with #buffer:other.lua, see #selection and #diagnostics."))
    assert.is_falsy(vim.tbl_contains(lines, SAMPLE[2]))
    -- #file, with a path relative to the working folder; a later turn sends it as it was sent
    vim.fn.writefile({ "x = 1", "y = ```" }, work() .. "/data.py")
    user.child:feed("G")
    user:send("Read #file:project/data.py")
    user:wait_done(2)
    local file_block = "Read \n\nFile: project/data.py (python), all 2 lines\n\n````python\nx = 1\ny = ```\n````\n\n"
    assert.equals(file_block, last_content())
    user.child:feed("G")
    user:send("thanks")
    user:wait_done(3)
    local third = requests()[3].json.messages
    assert.equals(file_block, third[3].content)
    -- saved: the short form only
    user:command("Ollama save ctx")
    user:wait_message('Saved chat "ctx"')
    local file = vim.fn.glob(data .. "/chats/ctx_*.txt")
    local text = table.concat(vim.fn.readfile(file), "\n")
    assert.truthy(text:find("Read #file:project/data.py", 1, true))
    assert.is_nil(text:find("x = 1", 1, true))
  end)

  it("refuses a #file that is missing, a directory, binary or over 1 MB, #selection before any, and sends nothing", function()
    start()
    edit("sample.lua", SAMPLE)
    user:open_chat()
    vim.fn.mkdir(work() .. "/dir", "p")
    local f = io.open(work() .. "/bin.dat", "wb"); f:write("ab\0cd"); f:close()
    local big = io.open(work() .. "/big.txt", "wb"); big:write(string.rep("x", 1024 * 1024 + 1)); big:close()
    local cases = {
      { "#file:project/nope.txt", "#file:project/nope.txt: no such file" },
      { "#file:project/dir", "is a directory, not a file" },
      { "#file:project/bin.dat", "is a binary file" },
      { "#file:project/big.txt", "over the 1 MB limit" },
      { "#selection", "nothing was selected in project/sample.lua yet" },
      { "#file", "#file needs an argument" },
    }
    for i, case in ipairs(cases) do
      user.child:feed("G")
      user:send("look at " .. case[1])
      user:wait(function() return #errors() >= i end, "refusal " .. i)
      assert.truthy(errors()[i].msg:find(case[2], 1, true), errors()[i].msg)
      assert.truthy(errors()[i].msg:find("(not sent)", 1, true))
      -- the text stays to be fixed
      local lines = user:chat_lines()
      assert.equals("look at " .. case[1], lines[#lines])
      user.child:feed("ggdG")
      user.child:lua("vim.api.nvim_buf_set_lines(0, 0, -1, false, { '## User', '', '' })")
    end
    assert.equals(0, #requests())
  end)

  it("#gitdiff runs git diff for the buffer's repository without blocking; outside one it is refused", function()
    start()
    local repo = work() .. "/repo"
    vim.fn.mkdir(repo, "p")
    vim.fn.system({ "git", "-C", repo, "init", "-q" })
    vim.fn.writefile({ "one" }, repo .. "/f.txt")
    vim.fn.system({ "git", "-C", repo, "add", "f.txt" })
    vim.fn.system({ "git", "-C", repo, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "one" })
    vim.fn.writefile({ "two" }, repo .. "/f.txt")
    user.child:cmd("edit project/repo/f.txt")
    user:open_chat()
    user:send("review #gitdiff")
    user:wait_done(1)
    local sent = last_content()
    assert.truthy(sent:find("git diff of ", 1, true), sent)
    assert.truthy(sent:find("```diff\ndiff --git a/f.txt b/f.txt", 1, true), sent)
    assert.truthy(sent:find("\n-one\n+two\n", 1, true), sent)
    -- outside a repository
    vim.fn.mkdir(work() .. "/plain", "p")
    vim.fn.writefile({ "x" }, work() .. "/plain/g.txt")
    user.child:cmd("wincmd p")
    user.child:cmd("edit project/plain/g.txt")
    user.child:cmd("wincmd p")
    user.child:feed("G")
    user:send("review #gitdiff")
    user:wait(function() return #errors() >= 1 end, "the refusal")
    assert.matches("#gitdiff: .*plain is not in a git repository %(not sent%)", errors()[1].msg)
    assert.equals(1, #requests())
  end)

  it("completes variables with the omnifunc and through completions('variables')", function()
    start()
    edit("sample.lua", SAMPLE)
    user:open_chat()
    local names = user.child:lua("return require('ollama-chat').completions('variables')")
    for _, want in ipairs({ "#buffer", "#buffer:", "#selection", "#file:", "#diagnostics", "#gitdiff", "#buffer:project/sample.lua" }) do
      assert.truthy(vim.tbl_contains(names, want), want)
    end
    user.child:feed("i#sel<C-x><C-o><Esc>")
    user:wait(function() return user:chat_lines()[#user:chat_lines()] == "#selection" end, "completed #selection")
    user.child:feed("a #buffer:project/sa<C-x><C-o><Esc>")
    user:wait(function() return user:chat_lines()[#user:chat_lines()] == "#selection #buffer:project/sample.lua" end, "completed the buffer name")
  end)

  it("chat commands change what the next request carries, show in the front matter, survive save and resume", function()
    start()
    user:open_chat()
    user:send("/think on")
    user:wait_message("chat settings: think: on")
    -- the test's chat model has no thinking capability: told, the setting kept
    user:wait_message("llama3.2:3b cannot think (no \"thinking\" capability): think stays set for this chat and is sent only to a thinking model")
    user.child:feed("G")
    user:send("/think off")
    user:wait_message("chat settings: think: off")
    user.child:feed("G")
    user:send("/option temperature 0.2<CR>/system Answer in French.")
    user:wait_message("chat settings: option temperature: 0.2; system prompt set")
    assert.equals(0, #requests())
    local lines = user:chat_lines()
    assert.same({ "## Settings", "", "system: Answer in French.", "think: off", "option temperature: 0.2", "", "## User", "", "" }, lines)
    user.child:feed("G")
    user:send("bonjour")
    user:wait_done(1)
    local req = requests()[1].json
    -- think is the conversation's setting; the request carries it to thinking models only (fit.ts)
    assert.is_false(user.child:lua("return require('ollama-chat.chat.registry').peek().settings.think"))
    assert.is_nil(req.think)
    assert.equals(0.2, req.options.temperature)
    assert.same({ role = "system", content = "Answer in French." }, req.messages[1])
    assert.same({ role = "user", content = "bonjour" }, req.messages[2])
    assert.equals(2, #req.messages)
    -- edited in the buffer: the next request follows the text
    user.child:lua([[
      local buf = vim.api.nvim_get_current_buf()
      local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      for i, l in ipairs(lines) do if l == "option temperature: 0.2" then vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { "option temperature: 0.7", "option num_ctx: 8192" }) end end
    ]])
    user.child:feed("G")
    user:send("encore")
    user:wait_done(2)
    req = requests()[2].json
    assert.equals(0.7, req.options.temperature)
    assert.equals(8192, req.options.num_ctx)
    -- a command and a message at once: the command applies, the rest is sent
    user.child:feed("G")
    user:send("/model tiny:1b<CR>hello tiny")
    user:wait_done(3)
    req = requests()[3].json
    assert.equals("tiny:1b", req.model)
    assert.same({ role = "user", content = "hello tiny" }, req.messages[#req.messages])
    -- a bad command: told, nothing sent, the text kept
    user.child:feed("G")
    user:send("/think sometimes")
    user:wait(function() return #errors() >= 1 end, "the refusal")
    assert.matches("/think takes on, off", errors()[1].msg)
    assert.equals(3, #requests())
    user.child:lua("local b = vim.api.nvim_get_current_buf(); vim.api.nvim_buf_set_lines(b, -2, -1, false, { '' })")
    -- saved and resumed in a new Neovim: the settings come back and go with the next request
    user:command("Ollama save prefs")
    user:wait_message('Saved chat "prefs"')
    user:stop()
    start()
    user:command("Ollama resume prefs")
    user:wait(function() return user:chat_lines()[1] == "## Settings" end, "resumed with its settings")
    assert.same({ "## Settings", "", "model: tiny:1b", "system: Answer in French.", "think: off", "option num_ctx: 8192", "option temperature: 0.7" }, vim.list_slice(user:chat_lines(), 1, 7))
    user.child:feed("G")
    user:send("again")
    user:wait_done(1)
    req = requests()[4].json
    assert.equals("tiny:1b", req.model)
    assert.is_false(user.child:lua("return require('ollama-chat.chat.registry').peek().settings.think"))
    assert.equals(0.7, req.options.temperature)
    assert.same({ role = "system", content = "Answer in French." }, req.messages[1])
    assert.is_nil(vim.tbl_filter(function(m) return m.content:find("## Settings", 1, true) end, req.messages)[1])
  end)
end)
