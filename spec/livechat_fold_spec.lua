-- A reply's thinking and marks, driven through a child Neovim with keys: the thinking block folds
-- once the reply has ended (not while it streams), `za` opens it, the fold is the chat window's
-- and is there again when the pane is reopened or the chat resumed; `chat.fold_thinking = false`
-- folds nothing. A reply's stats line goes away with the reply when `u` undoes it.
local Child = require("helpers.child")
local Server = require("helpers.server")

local MODELS = {
  { name = "qwen3:8b", size = 5200000000, thinking = true },
}

local THINKING = "First I look at the question.\nThen I weigh it.\nThen I answer."

describe("a reply's thinking and marks", function()
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

  local function chat_win()
    for _, w in ipairs(child:wins()) do
      if w.name == "ollama-chat://chat" then return w end
    end
  end

  local function wait_done(n)
    child:wait_until(function(c) return c:lua("return #_G.__oc_done") >= n end, "OllamaChatDone #" .. n, 15000)
    return child:lua("return _G.__oc_done")[n]
  end

  local function open_chat()
    child:cmd("Ollama model qwen3:8b")
    child:feed("<Space>oo")
    child:wait_until(function() return chat_win() ~= nil end, "chat window")
  end

  local function send(text)
    child:feed("Gi" .. text .. "<Esc><CR>")
  end

  --- Rows (1-based) of the thinking fences in the chat buffer.
  local function fence_rows()
    local rows = {}
    for i, l in ipairs(child:lines(chat_win().buf)) do
      if l == "~~~~thinking" then rows[#rows + 1] = i end
    end
    return rows
  end

  --- foldclosed() of `row` in the chat window (-1: not in a closed fold).
  local function closed_at(row)
    return child:lua("local win, row = ... return vim.api.nvim_win_call(win, function() return vim.fn.foldclosed(row) end)", chat_win().win, row)
  end

  local function stats_marks()
    return child:lua([[
      local out = {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].virt_lines and not m[4].invalid then out[#out + 1] = { row = m[2], text = m[4].virt_lines[1][1][1] } end
      end
      return out
    ]], chat_win().buf)
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
    server:scenario({ models = MODELS, chat = { default = { thinking = THINKING, reply = "The answer is 42." } } })
    server:clear_log()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("folds the thinking once the reply has ended, not while it streams; za opens it", function()
    server:scenario({ models = MODELS, chat = { default = { thinking = THINKING, reply = "The answer is 42.", token_ms = 60 } } })
    start_child()
    open_chat()
    send("why?")
    -- while it streams, the thinking is there to read
    child:wait_until(function() return #fence_rows() == 1 and child:lines(chat_win().buf)[fence_rows()[1] + 1] ~= "" end, "thinking streaming")
    assert.equals(0, #child:lua("return _G.__oc_done"), "still streaming")
    assert.equals(-1, closed_at(fence_rows()[1] + 1))
    wait_done(1)
    local row = fence_rows()[1]
    assert.equals(row, closed_at(row + 1), "folded once the reply ended")
    assert.equals(row, closed_at(row))
    -- the answer itself is not folded
    local lines = child:lines(chat_win().buf)
    for i, l in ipairs(lines) do
      if l == "The answer is 42." then assert.equals(-1, closed_at(i)) end
    end
    -- the fold reads as thinking, dimmed
    local text = child:lua("local win, row = ... return vim.api.nvim_win_call(win, function() return vim.fn.foldtextresult(row) end)", chat_win().win, row)
    assert.matches("thinking · 3 lines · za opens", text, 1, true)
    -- za opens it
    child:feed(row .. "Gza")
    child:wait_until(function() return closed_at(row) == -1 end, "za opened the fold")
    -- a second reply folds its own thinking and leaves the one the user opened open
    send("and then?")
    wait_done(2)
    local rows = fence_rows()
    assert.equals(2, #rows)
    assert.equals(-1, closed_at(rows[1]))
    assert.equals(rows[2], closed_at(rows[2] + 1))
  end)

  it("the fold is the chat window's, there again when the pane is toggled and in a resumed chat", function()
    local xdg = Child.tempdir()
    start_child({ xdg = xdg })
    open_chat()
    send("why?")
    wait_done(1)
    local row = fence_rows()[1]
    assert.equals(row, closed_at(row + 1))
    -- only the chat window folds: the window the chat was opened from keeps its options
    assert.equals("manual", child:lua("return vim.wo[vim.fn.win_getid(1)].foldmethod"))
    child:feed("<Space>ot")
    child:wait_until(function() return chat_win() == nil end, "pane hidden")
    child:feed("<Space>ot")
    child:wait_until(function() return chat_win() ~= nil end, "pane shown again")
    assert.equals(row, closed_at(row + 1), "folded again in the new window")
    child:wait_until(function() return #kept_files(xdg) == 1 end, "conversation kept")
    child:stop()

    start_child({ xdg = xdg })
    child:cmd("Ollama resume")
    child:wait_until(function() return chat_win() ~= nil end, "resumed chat shown")
    row = fence_rows()[1]
    assert.is_number(row)
    assert.equals(row, closed_at(row + 1), "a resumed chat's thinking is folded")
    -- and dimmed, its fences included, as it was while it streamed
    local lines = child:lines(chat_win().buf)
    local close -- 0-based, as extmarks count (fence_rows() counts from 1)
    for i = row + 1, #lines do if close == nil and lines[i] == "~~~~" then close = i - 1 end end
    local dim = child:lua([[
      local out = {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., vim.api.nvim_create_namespace("ollama-chat"), 0, -1, { details = true })) do
        if m[4].hl_group == "OllamaChatThinking" then table.insert(out, { m[2], m[4].end_row }) end
      end
      return out
    ]], chat_win().buf)
    assert.same({ { row - 1, close + 1 } }, dim)
  end)

  it("chat.fold_thinking = false folds nothing", function()
    start_child({ setup = { chat = { fold_thinking = false } } })
    open_chat()
    send("why?")
    wait_done(1)
    assert.equals(-1, closed_at(fence_rows()[1] + 1))
  end)

  it("a reply's stats line goes away with the reply when u undoes it, and redo leaves no stray mark", function()
    server:scenario({ models = MODELS, chat = { default = { reply = "The answer is 42." } } })
    start_child()
    open_chat()
    send("why?")
    wait_done(1)
    local marks = stats_marks()
    assert.equals(1, #marks)
    local lines = child:lines(chat_win().buf)
    assert.equals("The answer is 42.", lines[marks[1].row + 1], "the stats sit under the reply")
    -- undo the reply in the chat window
    child:feed("<Esc>u")
    child:wait_until(function() return not table.concat(child:lines(chat_win().buf), "\n"):find("The answer", 1, true) end, "reply undone")
    child:wait_until(function() return #stats_marks() == 0 end, "stats gone with the reply")
    -- redo brings the reply back, and its stats under it
    child:feed("<C-r>")
    child:wait_until(function() return table.concat(child:lines(chat_win().buf), "\n"):find("The answer", 1, true) ~= nil end, "reply redone")
    child:wait_until(function() return #stats_marks() == 1 end, "stats back")
    lines = child:lines(chat_win().buf)
    assert.equals("The answer is 42.", lines[stats_marks()[1].row + 1])
  end)
end)
