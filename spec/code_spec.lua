-- Context in, code out, through a child Neovim against the test server: apply a reply's code
-- block through the diff (accept, reject, hunk by hunk, one undo step, the range tracked while
-- the user edits), edit streaming into the diff, yc in the chat, and the faults.
local Server = require("helpers.server")
local User = require("helpers.user")

local SAMPLE = { "local M = {}", "local a = 1", "local b = 2", "return M" }
local REPLY = "Better:\n\n```lua\nlocal a = 10\nlocal b = 20\n```\n\nDone."

describe("code out", function()
  local server, user

  --- Writes `lines` to project/<file> under the child's working folder and edits it.
  local function edit(file, lines)
    vim.fn.mkdir(user.child.xdg .. "/project", "p")
    vim.fn.writefile(lines, user.child.xdg .. "/project/" .. file)
    user.child:cmd("edit project/" .. file)
  end

  local function start(reply)
    server:scenario({ models = User.MODELS, chat = { default = reply or { reply = REPLY } } })
    user = User.start(server)
    user.child:lua([[
      _G.__oc_applied = {}
      vim.api.nvim_create_autocmd("User", { pattern = "OllamaApplied", callback = function(a) table.insert(_G.__oc_applied, a.data) end })
    ]])
    user.child:cmd("Ollama model llama3.2:3b")
  end

  local function applied(n)
    user:wait(function(c) return c:lua("return #_G.__oc_applied") >= n end, "OllamaApplied #" .. n)
    return user.child:lua("return _G.__oc_applied")[n]
  end

  local function code_buf()
    return user.child:lua("return vim.fn.bufnr('project/sample.lua')")
  end

  local function code_lines()
    return user.child:lines(code_buf())
  end

  --- The diff marks shown in the code buffer: { deleted rows (0-based), added virtual lines }.
  local function diff_marks()
    return user.child:lua([[
      local ns = vim.api.nvim_create_namespace("ollama-chat-diff")
      local del, add = {}, {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(vim.fn.bufnr('project/sample.lua'), ns, 0, -1, { details = true })) do
        if m[4].line_hl_group == "DiffDelete" then del[#del + 1] = m[2] end
        for _, vl in ipairs(m[4].virt_lines or {}) do add[#add + 1] = vim.trim(vl[1][1]) end
      end
      return { del, add }
    ]])
  end

  --- Into the window of the code buffer.
  local function to_code()
    user.child:lua("vim.api.nvim_set_current_win(vim.fn.bufwinid('project/sample.lua'))")
  end

  local function ask_lines_2_3()
    edit("sample.lua", SAMPLE)
    user:command("2,3Ollama ask make them bigger")
    user:wait_done(1)
  end

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:clear_log()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("ask about lines 2-3, apply, accept: exactly those lines replaced; one u restores them", function()
    start()
    ask_lines_2_3()
    user.child:feed("<Space>op")
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff")
    -- shown first, nothing changed yet: lines 2-3 marked as going, the new ones as coming
    assert.same({ { 1, 2 }, { "local a = 10", "local b = 20" } }, diff_marks())
    assert.same(SAMPLE, code_lines())
    assert.equals(code_buf(), user.child:lua("return vim.api.nvim_get_current_buf()"))
    user.child:feed("ga")
    local data = applied(1)
    assert.same({ buf = code_buf(), first = 2, last = 3, accepted = true }, data)
    assert.same({ "local M = {}", "local a = 10", "local b = 20", "return M" }, code_lines())
    assert.same({ {}, {} }, diff_marks())
    user.child:feed("u")
    user:wait(function() return vim.deep_equal(code_lines(), SAMPLE) end, "one undo restores the lines")
    assert.equals(0, user.child:lua("return vim.fn.maparg('ga', 'n') ~= '' and 1 or 0"))
  end)

  it("reject leaves the buffer unchanged, and OllamaApplied says so", function()
    start()
    ask_lines_2_3()
    user:command("Ollama apply")
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff")
    user.child:feed("q")
    assert.same({ buf = code_buf(), first = 2, last = 3, accepted = false }, applied(1))
    assert.same(SAMPLE, code_lines())
    assert.is_false(user.child:lua("return vim.bo.modified"))
  end)

  it("tracks the range asked about while lines are added above it; gr on a hunk, <CR> for the rest", function()
    start({ reply = "```lua\nlocal a = 10\nlocal keep = 2\nlocal c = 30\n```" })
    edit("sample.lua", { "local M = {}", "local a = 1", "local keep = 2", "local c = 3", "return M" })
    user:command("2,4Ollama ask change them")
    user:wait_done(1)
    user.child:cmd("wincmd p")
    user.child:feed("ggO-- new first line<Esc>")
    user:command("Ollama apply")
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff")
    assert.same({ { 2, 4 }, { "local a = 10", "local c = 30" } }, diff_marks())
    -- the cursor is on the first hunk: reject it, then accept what is left
    assert.equals(3, user.child:lua("return vim.fn.line('.')"))
    user.child:feed("gr")
    user:wait(function() return #diff_marks()[1] == 1 end, "the first hunk gone")
    assert.equals(5, user.child:lua("return vim.fn.line('.')"))
    user.child:feed("<CR>")
    assert.is_true(applied(1).accepted)
    assert.same({ "-- new first line", "local M = {}", "local a = 1", "local keep = 2", "local c = 30", "return M" }, code_lines())
  end)

  it("a block for the whole buffer: <CR> writes every hunk (one changed, one added, one removed), one u restores it", function()
    start({ reply = "```lua\nlocal M = { x = 1 }\nlocal a = 1\nlocal a2 = 1\nlocal b = 2\n```" })
    edit("sample.lua", SAMPLE)
    user:open_chat()
    user:send("rewrite it")
    user:wait_done(1)
    user:command("Ollama apply")
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff")
    assert.same({ { 0, 3 }, { "local M = { x = 1 }", "local a2 = 1" } }, diff_marks())
    user.child:feed("<CR>")
    assert.same({ buf = code_buf(), first = 1, last = 4, accepted = true }, applied(1))
    assert.same({ "local M = { x = 1 }", "local a = 1", "local a2 = 1", "local b = 2" }, code_lines())
    user.child:feed("u")
    user:wait(function() return vim.deep_equal(code_lines(), SAMPLE) end, "one undo restores the whole buffer")
    assert.equals(1, user.child:lua("return vim.fn.undotree().seq_last"))
  end)

  it("]c and [c move between hunks", function()
    start({ reply = "```lua\nlocal M = {} -- x\nlocal a = 1\nlocal b = 2\nreturn M -- y\n```" })
    edit("sample.lua", SAMPLE)
    user.child:cmd("Ollama open")
    user.child:cmd("wincmd p")
    user:command("Ollama ask what")
    user:wait_done(1)
    user:command("Ollama apply")
    user:wait(function() return #diff_marks()[1] == 2 end, "two hunks")
    assert.equals(1, user.child:lua("return vim.fn.line('.')"))
    user.child:feed("]c")
    assert.equals(4, user.child:lua("return vim.fn.line('.')"))
    user.child:feed("[c")
    assert.equals(1, user.child:lua("return vim.fn.line('.')"))
    user.child:feed("ga")
    -- accepted, still shown until every hunk is decided; the cursor on the next open one
    user:wait(function(c) return c:lua("return vim.fn.line('.')") == 4 end, "the cursor on the hunk left")
    user.child:feed("gr")
    assert.is_true(applied(1).accepted)
    assert.same({ "local M = {} -- x", "local a = 1", "local b = 2", "return M" }, code_lines())
  end)

  it("the block under the cursor in the chat, and yc yanks it without its fence", function()
    start({ reply = "One:\n```lua\nlocal a = 100\n```\nTwo:\n```lua\nlocal a = 200\n```" })
    edit("sample.lua", SAMPLE)
    user:command("2Ollama ask which")
    user:wait_done(1)
    -- back in the chat, on the first block's code line
    user.child:lua("vim.api.nvim_set_current_win(vim.fn.bufwinid('ollama-chat://chat'))")
    local row = user.child:lua("return vim.fn.search('local a = 100', 'w')")
    assert.is_true(row > 0)
    user.child:feed("yc")
    assert.equals("local a = 100\n", user.child:lua("return vim.fn.getreg('\"')"))
    assert.equals("V", user.child:lua("return vim.fn.getregtype('\"')"))
    user.child:feed("<Space>op")
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff")
    user.child:feed("<CR>")
    applied(1)
    assert.same({ "local M = {}", "local a = 100", "local b = 2", "return M" }, code_lines())
  end)

  it("edit streams the replacement into the diff, indentation kept", function()
    start({ reply = "```lua\nif y then\n  return 2\nend\n```", token_ms = 15 })
    edit("sample.lua", { "local function f()", "  if x then", "    return 1", "  end", "end" })
    -- what the view is given while the reply streams, and at its end
    user.child:lua([[
      _G.__updates = {}
      local DiffView = require("ollama-chat.code.diffview").DiffView
      local update = DiffView.prototype.update
      DiffView.prototype.update = function(self, lines, done)
        table.insert(_G.__updates, { lines = lines, done = done })
        return update(self, lines, done)
      end
    ]])
    user:command("2,4Ollama edit use y and 2")
    -- streaming: the view shows the partial text before the reply is done
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff while streaming")
    user:wait(function() return user.child:lua("return _G.__updates[#_G.__updates].done") end, "the end of the stream")
    assert.same({ { 1, 2 }, { "if y then", "return 2" } }, diff_marks())
    local updates = user.child:lua("return _G.__updates")
    assert.is_true(#updates >= 2, "streamed in more than one update")
    assert.is_false(updates[1].done)
    assert.is_true(#updates[1].lines < 3, "the first update holds part of the text")
    assert.is_true(updates[#updates].done)
    local req = User.chat_requests(server)[1].json
    assert.equals("llama3.2:3b", req.model)
    assert.matches("lines 2%-4 of 5", req.messages[2].content)
    assert.matches("use y and 2", req.messages[2].content, 1, true)
    assert.matches("only", req.messages[1].content)
    user.child:feed("<CR>")
    assert.is_true(applied(1).accepted)
    assert.same({ "local function f()", "  if y then", "    return 2", "  end", "end" }, user.child:lines(code_buf()))
  end)

  it("edit leaves out the prose a model writes around its code block", function()
    start({ reply = "Sure! Here is the change:\n\n```lua\nif y then\n  return 2\nend\n```\n\nTry it out." })
    edit("sample.lua", { "local function f()", "  if x then", "    return 1", "  end", "end" })
    user.child:lua([[
      _G.__edit_done = false
      local DiffView = require("ollama-chat.code.diffview").DiffView
      local update = DiffView.prototype.update
      DiffView.prototype.update = function(self, lines, done)
        if done then _G.__edit_done = true end
        return update(self, lines, done)
      end
    ]])
    user:command("2,4Ollama edit use y and 2")
    user:wait(function() return user.child:lua("return _G.__edit_done") end, "the end of the stream")
    user:wait(function() return vim.deep_equal({ { 1, 2 }, { "if y then", "return 2" } }, diff_marks()) end, "only the code in the diff")
    user.child:feed("<CR>")
    assert.is_true(applied(1).accepted)
    assert.same({ "local function f()", "  if y then", "    return 2", "  end", "end" }, user.child:lines(code_buf()))
  end)

  it("q while an edit streams stops it and changes nothing", function()
    start({ reply = string.rep("x ", 200), token_ms = 30 })
    edit("sample.lua", SAMPLE)
    user.child:feed("2GVj<Space>oe")
    user:answer("longer<CR>")
    user:wait(function() return #diff_marks()[2] > 0 end, "streaming")
    user.child:feed("q")
    assert.is_false(applied(1).accepted)
    assert.same(SAMPLE, code_lines())
    user:wait(function() return server:stats().cancelled_streams >= 1 end, "the request cancelled")
  end)

  it("says why there is nothing to apply, or no way to apply it", function()
    start({ reply = "No code here." })
    user:command("Ollama apply")
    user:wait_message("nothing to apply: there is no chat yet")
    ask_lines_2_3()
    user:command("Ollama apply")
    user:wait_message("nothing to apply: the reply has no code block")
    -- the range asked about deleted meanwhile
    server:scenario({ models = User.MODELS, chat = { default = { reply = REPLY } } })
    to_code()
    user:command("2,3Ollama ask again")
    user:wait_done(2)
    to_code()
    user.child:feed("2Gdj")
    user:command("Ollama apply")
    user:wait_message("the lines asked about were deleted")
    -- the buffer made read-only meanwhile
    user.child:feed("u")
    user:command("2,3Ollama ask more")
    user:wait_done(3)
    to_code()
    user.child:cmd("setlocal nomodifiable")
    user:command("Ollama apply")
    user:wait_message("cannot apply: project/sample.lua is not modifiable")
    user.child:cmd("setlocal modifiable")
    -- the buffer closed meanwhile
    user.child:cmd("enew")
    user.child:cmd("bwipeout! " .. code_buf())
    user:command("Ollama apply")
    user:wait_message("the buffer asked about (project/sample.lua) was closed")
    assert.same({}, vim.tbl_filter(function(n) return n.msg:find("E5108", 1, true) end, user:notes()))
  end)

  it("warns about a block cut off mid-reply or in another language, still shows it", function()
    start({ reply = "```python\nb = 20\n", })
    ask_lines_2_3()
    user:command("Ollama apply")
    user:wait_message("the reply was cut off inside this block")
    user:wait_message("the block is python, the buffer is lua")
    user:wait(function() return #diff_marks()[1] > 0 end, "the diff anyway")
    user.child:feed("q")
    applied(1)
  end)

  it("<leader>oe is a visual-mode key, and :help says so", function()
    start()
    local child = user.child
    assert.equals("<Plug>(ollama-chat-edit)", child:lua("return vim.fn.maparg('<Space>oe', 'x')"))
    assert.equals("", child:lua("return vim.fn.maparg('<Space>oe', 'n')"))
    child:cmd("help ollama-chat-default-keymaps")
    local help = table.concat(child:lua("return vim.api.nvim_buf_get_lines(0, 0, -1, false)"), "\n")
    local entry = help:match("\n  <leader>oe +edit +(.-)\n  <leader>or")
    assert.is_not_nil(entry, "the <leader>oe entry in :help")
    entry = entry:gsub("%s+", " ")
    assert.equals("Rewrite the selection with the chat's model. Visual mode only.", entry)
  end)
end)
