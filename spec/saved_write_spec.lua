-- :w in the chat saves it, as a user meets it: the first :w asks a name (one suggested), later
-- ones save under it (appending what is new); 'modified' tells whether anything is unsaved.
-- :Ollama save suggests the current name and completes saved names; r on a loaded chat resumes
-- it and closes the read-only split.
local Child = require("helpers.child")
local Server = require("helpers.server")
local User = require("helpers.user")
local h = require("helpers.store")
local transcript = require("ollama-chat.format.transcript")

local MODEL = "llama3.2:3b"
local ANY_CHAT = "^.+_[%w%.%-]+_%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d%.txt$"

describe(":w in the chat", function()
  local server, user, data

  local function start()
    user = User.start(server, { setup = { data_dir = data } })
  end

  --- The chat files of `name` in the chats folder.
  local function files_of(name)
    return vim.tbl_filter(function(f)
      return f:match(ANY_CHAT) ~= nil and vim.startswith(f, name .. "_")
    end, h.ls(data .. "/chats"))
  end

  local function modified()
    return user.child:lua("return vim.bo[...].modified", user:chat_buf())
  end

  --- Types `text` at the end of the chat (the turn being written), without sending it; `more`:
  --- on a new line of a draft already begun.
  local function type_draft(text, more)
    user.child:feed((more and "Go" or "GA") .. text .. "<Esc>")
  end

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    data = Child.tempdir() .. "/data"
    server:scenario({ models = User.MODELS, chat = { queue = { { reply = "first reply" } }, default = { reply = "later reply" } } })
    server:clear_log()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("asks a name the first time (suggesting one), then saves under it, appending; 'modified' follows", function()
    start()
    user:open_chat()
    assert.is_false(modified())
    user:send("Zeig mir Code, bitte — ü?")
    user:wait_done(1)
    -- kept automatically after the reply: nothing unsaved, so :qa would not be refused
    user:wait(function() return not modified() end, "'modified' cleared once the reply is kept")
    type_draft("a draft")
    assert.is_true(modified())

    user:command("w")
    user:answer("<C-u>my notes<CR>")
    user:wait_message('Saved chat "my notes" (3 messages)')
    assert.same({ kind = "input", prompt = "Save chat as: ", default = "Zeig mir Code bitte" }, user:prompts()[1])
    assert.is_nil(user:messages():find("E382", 1, true))
    assert.is_false(modified())
    local files = files_of("my notes")
    assert.equals(1, #files)
    local path = data .. "/chats/" .. files[1]
    assert.same({ "Zeig mir Code, bitte — ü?", "first reply", "a draft" }, vim.tbl_map(function(m) return m.content end, transcript.parse(vim.fn.readfile(path))))
    -- the automatic file the reply was kept in went: the named one holds it all
    assert.same({}, files_of("auto-"))

    -- :update with nothing changed writes nothing and asks nothing
    local notes = #user:notes()
    user:command("update")
    vim.wait(300)
    assert.equals(notes, #user:notes())

    -- an edit sets 'modified'; :write saves under the same name without asking, the draft
    -- saved before replaced by what it became (the file is not forked)
    type_draft("more", true)
    assert.is_true(modified())
    user:command("write")
    user:wait_message('Saved chat "my notes": added 1 message')
    user:wait(function() return not modified() end, "'modified' cleared")
    assert.equals(1, #user:prompts())
    assert.same({ files[1] }, files_of("my notes"))
    local function contents()
      return vim.tbl_map(function(m) return m.content end, transcript.parse(vim.fn.readfile(path)))
    end
    assert.same({ "Zeig mir Code, bitte — ü?", "first reply", "a draft\nmore" }, contents())

    -- the draft sent: its reply is kept in the same file, and 'modified' is cleared again
    user.child:feed("<CR>")
    user:wait_done(2)
    user:wait(function() return contents()[4] == "later reply" end, "the reply kept under its name")
    user:wait(function() return not modified() end, "'modified' cleared once the reply is kept")
    -- :update saves what was typed since
    type_draft("next question")
    user:command("update")
    user:wait(function() return select(2, user:messages():gsub("added 1 message", "")) == 2 end, "saved by :update")
    assert.equals(1, #user:prompts())
    assert.same({ "Zeig mir Code, bitte — ü?", "first reply", "a draft\nmore", "later reply", "next question" }, contents())
    assert.same({ files[1] }, files_of("my notes"))
    assert.is_false(modified())
  end)

  it("refuses to save an empty chat or half a reply, and a cancelled name saves nothing", function()
    server:scenario({ models = User.MODELS, chat = { default = { token = "word ", ["repeat"] = 100000, token_ms = 5 } } })
    start()
    user:open_chat()
    user:command("w")
    user:wait_message("nothing to save: the chat is empty")
    user:send("hi")
    user:wait(function() return user.child:lua("return require('ollama-chat').status().state") == "generating" end, "streaming")
    user:command("w")
    user:wait_message("a reply is still streaming")
    user.child:feed("<C-c>")
    user:wait_done(1)
    user:command("w")
    user:answer("<C-u><CR>")
    user:wait_message("not saved: no name given")
    assert.same({}, vim.tbl_filter(function(f) return f:match(ANY_CHAT) and not f:match("^%.") and not vim.startswith(f, "auto-") end, h.ls(data .. "/chats")))
  end)

  it(":Ollama save suggests the current name and completes the saved names", function()
    h.write(data .. "/chats/alpha notes_m_20250101-090000.txt", "## User\n\nhi\n")
    h.write(data .. "/chats/beta_m_20250301-090000.txt", "## User\n\nhi\n")
    start()
    local complete = function(line)
      return user.child:lua("return vim.fn.getcompletion(..., 'cmdline')", line)
    end
    assert.same({ "beta", "alpha notes" }, complete("Ollama save "))
    assert.same({ "alpha notes" }, complete("Ollama save al"))
    user:open_chat()
    user:send("hello")
    user:wait_done(1)
    user:command("Ollama save gamma")
    user:wait_message('Saved chat "gamma"')
    user:wait(function() return complete("Ollama save ")[1] == "gamma" end, "the new name completed", 5000)
    user:command("Ollama save")
    user:answer("<CR>")
    user:wait_message('Chat "gamma" is already saved')
    assert.same({ kind = "input", prompt = "Save chat as: ", default = "gamma" }, user:prompts()[1])
    -- <Tab> in the prompt completes the saved names
    user:command("Ollama save")
    user:answer("<C-u>al<Tab><CR>")
    user:wait_message('Saved chat "alpha notes"')
  end)

  it("keeps one automatic file per conversation, through regenerate and undo", function()
    local function auto_files()
      return vim.tbl_filter(function(f) return f:match(ANY_CHAT) ~= nil and vim.startswith(f, "auto-") end, h.ls(data .. "/chats"))
    end
    start()
    user:open_chat()
    user:send("keep me once")
    user:wait_done(1)
    user:wait(function() return #auto_files() == 1 end, "kept automatically")
    user.child:feed("<Space>or")
    user:wait_done(2)
    user:wait(function()
      local f = auto_files()
      return #f == 1 and h.read(data .. "/chats/" .. f[1]):find("later reply", 1, true) ~= nil
    end, "the regenerated reply kept, in the conversation's one file")
    -- a new turn, then undone and another sent: still the one file, holding the history as it is
    user.child:feed("Go")
    user:send("second")
    user:wait_done(3)
    user.child:feed("<Esc>u")
    user:send("third")
    user:wait_done(4)
    user:wait(function()
      local f = auto_files()
      return #f == 1 and h.read(data .. "/chats/" .. f[1]):find("third", 1, true) ~= nil
    end, "one file with the latest history")
  end)

  it("reads a long chat in slices to save it: an edit made meanwhile is what is saved", function()
    start()
    user:open_chat()
    user:send("hi")
    user:wait_done(1)
    -- 100,000 lines pasted as the next message, then the save; an edit comes before the reading is done
    user.child:lua([[
      local buf = ...
      local lines = {}
      for i = 1, 100000 do lines[i] = "pasted line " .. i end
      vim.api.nvim_buf_set_lines(buf, -1, -1, false, lines)
      vim.cmd("Ollama save long")
      vim.schedule(function() vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "edited meanwhile" }) end)
    ]], user:chat_buf())
    user:wait_message('Saved chat "long" (3 messages)', 20000)
    local files = files_of("long")
    assert.equals(1, #files)
    local saved = transcript.parse(vim.fn.readfile(data .. "/chats/" .. files[1]))
    local draft = vim.split(saved[3].content, "\n", { plain = true })
    assert.equals("pasted line 1", draft[#draft - 100000])
    assert.equals("pasted line 100000", draft[#draft - 1])
    assert.equals("edited meanwhile", draft[#draft])
    -- what was saved is the buffer as it is: nothing unsaved
    assert.is_false(modified())
  end)

  it(":w {file} writes the chat's text to that file and leaves the chat unsaved", function()
    start()
    user:open_chat()
    user:send("write me down")
    user:wait_done(1)
    type_draft("a draft")
    assert.is_true(modified())
    local out = user.child.xdg .. "/notes.md"
    user.child:cmd("w " .. out)
    user:wait_message("the chat's text is written to")
    local want = user:chat_lines()
    assert.same(want, vim.fn.readfile(out))
    assert.is_true(modified(), "the chat itself is not saved by a copy")
    assert.same({}, user:prompts(), "no name asked")
    -- a file that cannot be written: one line, nothing lost
    user.child:cmd("w /nonexistent-dir/x.md")
    user:wait_message("could not write")
    assert.same(want, user:chat_lines())
  end)

  it("r on a loaded chat resumes it and closes the read-only split", function()
    start()
    user:open_chat()
    user:send("keep me")
    user:wait_done(1)
    user:command("Ollama save kept")
    user:wait_message('Saved chat "kept"')
    local file = files_of("kept")[1]
    user:command("Ollama load kept")
    local loaded_name = "ollama-chat://saved/" .. file
    user:wait(function() return user:win_named(loaded_name) ~= nil end, "loaded buffer")
    local wins = #user.child:wins()
    local loaded = user:win_named(loaded_name)
    user.child:cmd("call win_gotoid(" .. loaded.win .. ")")
    user.child:feed("r")
    user:wait_message('resumed "kept"')
    user:wait(function() return user:win_named(loaded_name) == nil end, "read-only split closed")
    assert.equals(wins - 1, #user.child:wins())
    assert.is_false(user.child:lua("return vim.api.nvim_buf_is_valid(...)", loaded.buf))
    local chat = user:win_named()
    assert.is_not_nil(chat)
    assert.equals(chat.win, user.child:lua("return vim.api.nvim_get_current_win()"))
    assert.equals("keep me", user:chat_lines()[3])
    assert.equals(MODEL, user.child:lua("return require('ollama-chat').status().model"))
  end)
end)
