-- Saved chats end to end, driven through a child Neovim the way a user drives them: <leader>os
-- answered by typing a name, <leader>ol picking from the list, r in the loaded buffer,
-- :Ollama resume, completion, <leader>ox confirmed or not, and the cleanup at startup.
local Child = require("helpers.child")
local Server = require("helpers.server")
local User = require("helpers.user")
local h = require("helpers.store")
local transcript = require("ollama-chat.format.transcript")

local MODEL = "llama3.2:3b"
local FILE = "^(.+)_llama3%.2%-3b_(%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d)%.txt$"
local ANY_CHAT = "^.+_[%w%.%-]+_%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d%.txt$"

-- Replies holding what could break a transcript: fences, headings (a line "## User" among them),
-- the thinking fence, escapes and non-ASCII.
local R1 = "# Überschrift — naïve café ☕\n\n```lua\nlocal s = \"## User\"\nprint(s) -- ✓\n```\n\n## User\n\nThat line above is no turn.\n~~~~thinking\n\\## Assistant (x)"
local R2 = "日本語 𝄞 and a fence in a fence:\n\n````markdown\n```python\nprint('nested')\n```\n````"
local R3 = "Third — still here."

local function u(text)
  return { role = "user", content = text }
end

local function a(text)
  return { role = "assistant", content = text, model = MODEL }
end

local function wire(messages)
  return vim.tbl_map(function(m) return { role = m.role, content = m.content } end, messages)
end

describe("saved chats", function()
  local server, user, data

  --- The saved chat files in the chats folder (regular files named like one), sorted.
  local function chat_files()
    return vim.tbl_filter(function(f)
      local info = vim.uv.fs_lstat(data .. "/chats/" .. f)
      return f:match(ANY_CHAT) ~= nil and f:sub(1, 1) ~= "." and info.type == "file"
    end, h.ls(data .. "/chats"))
  end

  local function start()
    user = User.start(server, { setup = { data_dir = data } })
  end

  --- The chat buffer's lines without the empty turn being typed (blank, heading, blank, blank).
  local function shown_conversation()
    local lines = user:chat_lines()
    assert.same({ "", "## User", "", "" }, vim.list_slice(lines, #lines - 3))
    return vim.list_slice(lines, 1, #lines - 4)
  end

  --- <leader>os answered with `keys`; waits for the outcome `message`.
  local function save_as(keys, message)
    user.child:feed("<Space>os")
    user:answer(keys)
    user:wait_message(message)
  end

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    data = Child.tempdir() .. "/data"
    server:scenario({ models = User.MODELS, chat = { queue = { { reply = R1 }, { reply = R2 } }, default = { reply = R3 } } })
    server:clear_log()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("round trip: save, load read-only, resume with r, continue, save again appends", function()
    start()
    user:open_chat()
    user:send("Zeig mir Code, bitte — ü")
    user:wait_done(1)
    user:send("Noch eins: ß")
    user:wait_done(2)
    local conversation = { u("Zeig mir Code, bitte — ü"), a(R1), u("Noch eins: ß"), a(R2) }

    local before = os.date("%Y%m%d-%H%M%S")
    save_as("roundtrip<CR>", 'Saved chat "roundtrip" (4 messages)')
    local after = os.date("%Y%m%d-%H%M%S")
    local ask = user:prompts()[1]
    assert.same({ kind = "input", prompt = "Save chat as: ", default = "" }, ask)
    local files = chat_files()
    assert.equals(1, #files)
    local name, stamp = files[1]:match(FILE)
    assert.equals("roundtrip", name)
    assert.is_true(stamp >= before and stamp <= after, stamp)
    local path = data .. "/chats/" .. files[1]
    -- the file is the chat as the buffer shows it, and reads back into the exact conversation
    local file_lines = vim.fn.readfile(path)
    local chat_before = user:chat_lines()
    assert.same(shown_conversation(), file_lines)
    assert.same(conversation, transcript.parse(file_lines))
    assert.equals("\\## User", file_lines[vim.fn.index(file_lines, "That line above is no turn.") - 1])

    -- <leader>ol from the chat: a new read-only buffer beside it, the chat untouched
    local bufs_before = user.child:lua("return #vim.api.nvim_list_bufs()")
    user.child:feed("<Space>ol")
    user:answer("1<CR>")
    local loaded_name = "ollama-chat://saved/" .. files[1]
    user:wait(function() return user:win_named(loaded_name) ~= nil end, "loaded buffer")
    local pick = user:prompts()[2]
    assert.equals("select", pick.kind)
    assert.equals(1, #pick.items)
    assert.matches("^★ roundtrip  llama3%.2:3b  %d%d%d%d%-%d%d%-%d%d %d%d:%d%d:%d%d$", pick.items[1])
    local loaded = user:win_named(loaded_name)
    assert.equals(bufs_before + 1, user.child:lua("return #vim.api.nvim_list_bufs()"))
    assert.equals(loaded.win, user.child:lua("return vim.api.nvim_get_current_win()"))
    assert.same(file_lines, user.child:lines(loaded.buf))
    assert.same({ false, true, "nofile", "markdown" }, user.child:lua([[
      local b = ...
      return { vim.bo[b].modifiable, vim.bo[b].readonly, vim.bo[b].buftype, vim.bo[b].filetype }
    ]], loaded.buf))
    user.child:feed("ggdd")
    assert.same(file_lines, user.child:lines(loaded.buf))
    assert.same(chat_before, user:chat_lines())
    assert.is_not_nil(user:win_named())

    -- r in the loaded buffer, with the session closed: the saved chat is the active one again
    user.child:feed("<Space>oc")
    user:wait(function() return user:chat_buf() == -1 end, "chat closed")
    user.child:cmd("call win_gotoid(" .. loaded.win .. ")")
    user.child:feed("r")
    user:wait(function() return user:win_named() ~= nil end, "resumed chat")
    assert.same(file_lines, shown_conversation())
    assert.equals(MODEL, user.child:lua("return require('ollama-chat').status().model"))
    user:wait_message('resumed "roundtrip"')

    -- the next turn sends the whole resumed history
    server:clear_log()
    user:send("Und weiter?")
    user:wait_done(3)
    local sent = User.chat_requests(server)
    assert.equals(1, #sent)
    assert.same(wire(vim.list_extend(vim.deepcopy(conversation), { u("Und weiter?") })), sent[1].json.messages)

    -- the new turns are kept in the same file after the reply; saving again offers the name, adds nothing twice
    user:wait(function() return vim.tbl_contains(vim.fn.readfile(path), "Und weiter?") end, "kept in its file")
    save_as("<CR>", 'Chat "roundtrip" is already saved')
    assert.same({ kind = "input", prompt = "Save chat as: ", default = "roundtrip" }, user:prompts()[3])
    assert.same({ files[1] }, chat_files())
    local grown = vim.list_extend(vim.deepcopy(conversation), { u("Und weiter?"), a(R3) })
    assert.same(grown, transcript.parse(vim.fn.readfile(path)))
    assert.same(shown_conversation(), vim.fn.readfile(path))
  end)

  it(":Ollama resume in a new Neovim continues the chat; a different active chat is replaced only when confirmed", function()
    start()
    user:open_chat()
    user:send("Erste Frage — ü")
    user:wait_done(1)
    user:command("Ollama save work notes")
    user:wait_message('Saved chat "work notes" (2 messages)')
    local file = chat_files()[1]
    user:stop()

    server:scenario({ models = User.MODELS, chat = { default = { reply = R3 } } })
    start()
    user:open_chat()
    user:send("another topic")
    user:wait_done(1)
    local other = user:chat_lines()
    -- keep the current chat: nothing changes
    user:command("Ollama resume work notes")
    user:answer("2<CR>")
    user:wait(function() return #user:prompts() == 1 end, "prompt recorded")
    local confirm = user:prompts()[1]
    assert.equals('Resume "work notes"?', confirm.prompt)
    assert.same({ "Replace the current chat (2 messages)", "Keep the current chat" }, confirm.items)
    assert.same(other, user:chat_lines())
    -- replace it
    user:command("Ollama resume work notes")
    user:answer("1<CR>")
    user:wait(function() return user:chat_lines()[3] == "Erste Frage — ü" end, "resumed")
    local saved = vim.fn.readfile(data .. "/chats/" .. file)
    assert.same(saved, shown_conversation())
    server:clear_log()
    user:send("Zweite Frage")
    user:wait_done(2)
    assert.same(wire({ u("Erste Frage — ü"), a(R1), u("Zweite Frage") }), User.chat_requests(server)[1].json.messages)
    -- the resumed chat is kept in its file after the reply; saving it again adds nothing
    user:wait(function() return vim.tbl_contains(vim.fn.readfile(data .. "/chats/" .. file), "Zweite Frage") end, "kept in its file")
    user:command("Ollama save")
    user:answer("<CR>")
    user:wait_message('Chat "work notes" is already saved')
    -- the other conversation was kept automatically; the resumed one stays in its own file
    assert.same({ file }, vim.tbl_filter(function(f) return not vim.startswith(f, "auto-") end, chat_files()))
    assert.same(shown_conversation(), vim.fn.readfile(data .. "/chats/" .. file))
    -- the file holds all of the active chat now: resuming it again loses nothing, so asks nothing
    local lines = user:chat_lines()
    user:command("Ollama resume work notes")
    user:wait(function() return select(2, user:messages():gsub('resumed "work notes"', "")) == 2 end, "resumed again")
    assert.equals(3, #user:prompts())
    assert.same(lines, user:chat_lines())
  end)

  it("appends under the same name, adds nothing when nothing is new, and never overwrites another chat", function()
    start()
    user:open_chat()
    user:send("one")
    user:wait_done(1)
    save_as("daily<CR>", 'Saved chat "daily" (2 messages)')
    local file = chat_files()[1]
    user:send("two")
    user:wait_done(2)
    -- kept under its name after the reply: saving again adds nothing
    local path = data .. "/chats/" .. file
    user:wait(function() return vim.tbl_contains(vim.fn.readfile(path), "two") end, "kept under its name")
    user:command("Ollama save daily")
    user:wait_message('Chat "daily" is already saved')
    assert.same({ u("one"), a(R1), u("two"), a(R2) }, transcript.parse(vim.fn.readfile(path)))
    assert.equals(2, #vim.tbl_filter(function(l) return l == "## User" end, vim.fn.readfile(path)))
    -- a new conversation under the same name goes to a new file; the first one stays as it was
    local first = h.read(path)
    user.child:feed("<Space>oc")
    user:open_chat()
    user:send("unrelated")
    user:wait_done(3)
    user:command("Ollama save daily")
    user:wait_message("holds a different conversation under that name")
    assert.equals(2, #chat_files())
    assert.equals(first, h.read(path))
  end)

  it("a reply still streaming is neither saved half nor written into a resumed chat", function()
    start()
    user:open_chat()
    user:send("first")
    user:wait_done(1)
    user:command("Ollama save base")
    user:wait_message('Saved chat "base" (2 messages)')
    local file = chat_files()[1]
    server:scenario({ models = User.MODELS, chat = { default = { token = "word ", ["repeat"] = 100000, token_ms = 5 } } })
    user:send("go on")
    user:wait(function() return user.child:lua("return require('ollama-chat').status().state") == "generating" end, "streaming")
    -- saving now would keep half a reply, and the next save could not append to it
    user:command("Ollama save base")
    user:wait_message("still streaming")
    assert.same({ u("first"), a(R1) }, transcript.parse(vim.fn.readfile(data .. "/chats/" .. file)))
    -- resuming replaces the conversation: the stopped reply must not land in it
    user:command("Ollama resume base")
    user:answer("1<CR>")
    local done = user:wait_done(2)
    assert.is_true(done.stopped)
    vim.wait(200)
    assert.same(vim.fn.readfile(data .. "/chats/" .. file), shown_conversation())
    assert.equals("idle", user.child:lua("return require('ollama-chat').status().state"))
    server:scenario({ models = User.MODELS, chat = { default = { reply = R3 } } })
    server:clear_log()
    user.child:feed("<Space>oo")
    user:send("again")
    user:wait_done(3)
    assert.same(wire({ u("first"), a(R1), u("again") }), User.chat_requests(server)[1].json.messages)
  end)

  it("loads each chat into its own buffer, even when a name reads as a pattern, and reuses it", function()
    local body = "## User\n\n%s\n\n## Assistant (m)\n\nhello\n"
    h.write(data .. "/chats/xay_m_20250101-090000.txt", body:format("plain"))
    h.write(data .. "/chats/x[ab]y_m_20250101-090000.txt", body:format("brackets"))
    start()
    local function load(name, file)
      user:command("Ollama load " .. name)
      local loaded = "ollama-chat://saved/" .. file
      user:wait(function() return user:win_named(loaded) ~= nil end, "loaded " .. name)
      return user:win_named(loaded).buf
    end
    local plain = load("xay", "xay_m_20250101-090000.txt")
    local brackets = load("x[ab]y", "x[ab]y_m_20250101-090000.txt")
    assert.not_equals(plain, brackets)
    assert.equals("plain", user.child:lines(plain)[3])
    assert.equals("brackets", user.child:lines(brackets)[3])
    user.child:cmd("enew")
    assert.equals(brackets, load("x[ab]y", "x[ab]y_m_20250101-090000.txt"))
    assert.equals(plain, load("xay", "xay_m_20250101-090000.txt"))
    assert.is_nil(user:messages():find("E%d+:"))
  end)

  it("shows a chat with a line over 256 KB as plain text, told once, and highlights it again without it", function()
    local long = ("x"):rep(300 * 1024)
    h.write(data .. "/chats/long_m_20250101-090000.txt", "## User\n\nq\n\n## Assistant (m)\n\n" .. long .. "\n")
    h.write(data .. "/chats/short_m_20250101-090000.txt", "## User\n\nq\n\n## Assistant (m)\n\nhello\n")
    start()
    -- the highlighter as users have it (0.12's ftplugin starts it; on 0.10 a FileType autocmd)
    user.child:lua([[vim.api.nvim_create_autocmd("FileType", { pattern = "markdown", callback = function(a) pcall(vim.treesitter.start, a.buf) end })]])
    local function highlighted(buf)
      return user.child:lua("return vim.treesitter.highlighter.active[...] ~= nil", buf)
    end
    local function syntax(buf)
      return user.child:lua("return vim.bo[...].syntax", buf)
    end
    user:command("Ollama load long")
    local loaded = "ollama-chat://saved/long_m_20250101-090000.txt"
    user:wait(function() return user:win_named(loaded) ~= nil end, "the long chat loaded")
    local buf = user:win_named(loaded).buf
    assert.equals(long, user.child:lines(buf)[7])
    assert.is_false(highlighted(buf))
    assert.is_true(syntax(buf) == "" or syntax(buf) == "OFF")
    user:wait_message("this chat is shown without highlighting: it holds a line of 0.3 MB")
    -- resumed: the chat pane shows it plain too, and says so once more (another buffer)
    user.child:feed("r")
    user:wait(function() return user:chat_buf() ~= nil and user:chat_lines()[7] == long end, "the long chat resumed")
    assert.is_false(highlighted(user:chat_buf()))
    -- and its window does not break that line at word ends (85-170 ms a redraw)
    local function linebreak() return user.child:lua("return vim.wo[vim.fn.bufwinid(...)].linebreak", user:chat_buf()) end
    assert.is_false(linebreak())
    -- a chat without such a line resumed into the same pane is highlighted again
    user:command("Ollama resume short")
    user:answer("1<CR>")
    user:wait(function() return user:chat_lines()[7] == "hello" end, "the short chat resumed")
    assert.is_true(highlighted(user:chat_buf()))
    assert.is_true(linebreak())
    assert.equals("markdown", user.child:lua("return vim.bo[...].filetype", user:chat_buf()))
  end)

  it("a chat over 1 MB is shown plain on Neovim 0.10 (whole-document parses), highlighted on 0.11+", function()
    local reply = ("a line of a long answer with `code`\n"):rep(40000) -- 1.4 MB
    h.write(data .. "/chats/big_m_20250101-090000.txt", "## User\n\nq\n\n## Assistant (m)\n\n" .. reply)
    start()
    user.child:lua([[vim.api.nvim_create_autocmd("FileType", { pattern = "markdown", callback = function(a) pcall(vim.treesitter.start, a.buf) end })]])
    user:command("Ollama load big")
    local loaded = "ollama-chat://saved/big_m_20250101-090000.txt"
    user:wait(function() return user:win_named(loaded) ~= nil end, "the big chat loaded", 20000)
    local buf = user:win_named(loaded).buf
    assert.equals(40006, #user.child:lines(buf))
    local highlighted = user.child:lua("return vim.treesitter.highlighter.active[...] ~= nil", buf)
    if vim.fn.has("nvim-0.11") == 0 then
      assert.is_false(highlighted)
      user:wait_message("this chat is shown without highlighting: at 1.4 MB it is too large for Neovim 0.10")
    else
      assert.is_true(highlighted)
      assert.is_nil(user:messages():find("without highlighting", 1, true))
    end
  end)

  it("sanitises names typed at the prompt: ../x and a/b refused, an empty answer cancels", function()
    start()
    user:open_chat()
    user:send("secret")
    user:wait_done(1)
    --- <leader>os answered with `keys`: the one notification it gives (the default model's,
    --- announced when the chat opened, may come late on a loaded machine: not counted).
    local function attempt(keys)
      local before = #user:notes()
      local function outcome()
        local notes = user:notes()
        for i = before + 1, #notes do
          if not notes[i].msg:find("default model:", 1, true) then return notes[i] end
        end
      end
      user.child:feed("<Space>os")
      user:answer(keys)
      user:wait(function() return outcome() ~= nil end, "the outcome of " .. keys)
      return outcome()
    end
    local E, I = vim.log.levels.ERROR, vim.log.levels.INFO
    assert.same({ msg = 'ollama-chat: A chat name cannot contain / or \\: "../x" would not stay in the chats folder.', level = E }, attempt("../x<CR>"))
    assert.same({ msg = 'ollama-chat: A chat name cannot contain / or \\: "a/b" would not stay in the chats folder.', level = E }, attempt("a/b<CR>"))
    for _, keys in ipairs({ "<CR>", "   <CR>", "<Esc>" }) do
      assert.same({ msg = "ollama-chat: not saved: no name given", level = I }, attempt(keys))
    end
    -- nothing was written under those names, in the chats folder or anywhere near it: only the
    -- conversation kept automatically after its reply
    local root = vim.fs.dirname(data)
    local function written_files() return vim.fs.find(function(name) return name:match("%.txt$") ~= nil end, { path = root, limit = math.huge }) end
    user:wait(function() return #written_files() > 0 end, "the conversation kept")
    local written = written_files()
    assert.equals(1, #written, vim.inspect(written))
    assert.matches("/chats/auto%-[%d-]+_llama3%.2%-3b_[%d-]+%.txt$", written[1])
  end)

  it("completes :Ollama load and :Ollama resume with saved chat names, and picks among them, newest first", function()
    local files = { "alpha_m_20250101-090000.txt", "beta_m_20250301-090000.txt", "gamma_m_20250201-090000.txt", "beta_m_20240101-090000.txt" }
    for i, f in ipairs(files) do
      h.write(data .. "/chats/" .. f, ("## User\n\n%s\n"):format(f))
      h.age(data .. "/chats/" .. f, ({ 3, 1, 2, 4 })[i])
    end
    h.write(data .. "/chats/notes.txt", "## User\n\nnot a saved chat\n")
    h.write(data .. "/chats/x_m_20250101.txt", "## User\n\nnot a saved chat\n")
    start()
    local complete = function(line)
      return user.child:lua("return vim.fn.getcompletion(..., 'cmdline')", line)
    end
    assert.same({ "beta", "gamma", "alpha" }, complete("Ollama load "))
    assert.same({ "beta", "gamma", "alpha" }, complete("Ollama resume "))
    assert.same({ "gamma" }, complete("Ollama resume g"))
    assert.same({}, complete("Ollama load beta "))
    -- resume without a name: the most recent at once, no picker
    user.child:cmd("Ollama model llama3.2:3b")
    user:command("Ollama resume")
    user:wait(function() return user:win_named() ~= nil end, "resumed chat")
    assert.equals(files[2], user:chat_lines()[3])
    assert.same({}, user:prompts())
    -- load without a name: a picker of each saved file, last saved first, with its model and date
    user:command("Ollama load")
    user:answer("2<CR>")
    user:wait(function() return #user:prompts() == 1 end, "picker")
    local pick = user:prompts()[1]
    assert.equals("Load chat", pick.prompt)
    local names = vim.tbl_map(function(item) return item:match("^★ (%S+)%s+m  %d") end, pick.items)
    assert.same({ "beta", "gamma", "alpha", "beta" }, names)
  end)

  describe("clear", function()
    local untouched

    local function plant()
      for _, f in ipairs({ "one_m_20250101-090000.txt", "two_llama3.2-3b_20250102-090000.txt", "three_m_20250103-090000.txt" }) do
        h.write(data .. "/chats/" .. f, "## User\n\nhi\n")
      end
      untouched = h.plant_foreign({ root = vim.fs.dirname(data), data_dir = data, chats = data .. "/chats" }, 0)
    end

    it("deletes every saved chat after the confirmation says how many, and nothing else", function()
      plant()
      start()
      user.child:feed("<Space>ox")
      user:answer("1<CR>")
      user:wait_message("Deleted 3 saved chats from")
      local confirm = user:prompts()[1]
      assert.equals("Delete 3 saved chats? This cannot be undone.", confirm.prompt)
      assert.same({ "Delete all 3 saved chats", "Keep them" }, confirm.items)
      assert.same({}, chat_files())
      untouched()
      user:command("Ollama clear")
      user:wait_message("there are no saved chats to delete")
    end)

    it("deletes nothing when the answer is no, or the prompt is cancelled", function()
      plant()
      start()
      user.child:feed("<Space>ox")
      user:answer("2<CR>")
      user:wait_message("nothing deleted")
      user:command("Ollama clear")
      user:answer("<Esc>")
      user:wait(function() return select(2, user:messages():gsub("nothing deleted", "")) == 2 end, "second answer")
      assert.equals(3, #chat_files())
      untouched()
      -- from Lua, force skips the confirmation
      user.child:lua("require('ollama-chat').clear_saved({ force = true })")
      user:wait_message("Deleted 3 saved chats from")
      assert.same({}, chat_files())
      assert.equals(2, #user:prompts())
      untouched()
    end)
  end)

  describe("cleanup at startup", function()
    local xdg, env

    local function chat(name, days)
      local path = env.chats .. "/" .. name .. "_m_20240101-000000.txt"
      h.write(path, "## User\n\nold\n")
      h.age(path, days)
      return path
    end

    before_each(function()
      xdg = Child.tempdir()
      env = { root = xdg, data_dir = xdg .. "/data/nvim/ollama" }
      env.chats = env.data_dir .. "/chats"
    end)

    it("deletes chats older than 30 days about a second after startup, logs each, leaves the rest", function()
      local old = chat("old", 31)
      local young = chat("young", 29)
      local untouched = h.plant_foreign(env, 400)
      local started = vim.uv.hrtime()
      local child = Child.new({ xdg = xdg })
      child:wait_until(function(c) return c:messages():find("deleted 1 saved chat older than 30 days", 1, true) end, "the cleanup's report", 10000)
      assert.is_true((vim.uv.hrtime() - started) / 1e6 >= 1000, "cleanup ran before the 1 s delay")
      child:stop()
      assert.is_false(h.exists(old))
      assert.is_true(h.exists(young))
      untouched()
      local log = vim.fn.readfile(env.data_dir .. "/cleanup.log")
      assert.equals(1, #log)
      assert.matches("^" .. vim.pesc(os.date("%Y-%m-%d")) .. " %d%d:%d%d:%d%d deleted old_m_20240101%-000000%.txt %(last saved "
        .. vim.pesc(os.date("%Y-%m-%d", os.time() - 31 * h.DAY)) .. ", older than retention_days = 30%)$", log[1])
    end)

    local function start_with(opts)
      return Child.new({ xdg = xdg, args = { "-c", "lua require('ollama-chat').setup(" .. vim.inspect(opts):gsub("\n", " ") .. ")" } })
    end

    it("honours data_dir and retention_days given to setup() at startup", function()
      local default_old = chat("default", 31)
      local other = { root = xdg, data_dir = xdg .. "/elsewhere" }
      other.chats = other.data_dir .. "/chats"
      env = other
      local eight, six = chat("eight", 8), chat("six", 6)
      local child = start_with({ data_dir = other.data_dir, retention_days = 7 })
      child:wait_until(function(c) return c:messages():find("deleted 1 saved chat older than 7 days", 1, true) end, "the cleanup's report", 10000)
      child:stop()
      assert.is_false(h.exists(eight))
      assert.is_true(h.exists(six))
      assert.is_true(h.exists(default_old))
      assert.matches("deleted eight_m_20240101%-000000%.txt .*retention_days = 7%)$", vim.fn.readfile(other.data_dir .. "/cleanup.log")[1])
    end)

    it("keeps everything with retention_days = 0", function()
      local ancient = chat("ancient", 400)
      local child = start_with({ retention_days = 0 })
      child:wait_until(function(c) return c:lua("return package.loaded['ollama-chat.store.cleanup'] ~= nil") end, "cleanup ran", 10000)
      vim.wait(500)
      child:stop()
      assert.is_true(h.exists(ancient))
      assert.is_false(h.exists(env.data_dir .. "/cleanup.log"))
    end)
  end)
end)
