-- Saved chats: names, files, save and append, list, read, delete_all, count, and two Neovims
-- saving the same chat at once.
local h = require("helpers.store")
local chats = require("ollama-chat.store.chats")
local chatfile = require("ollama-chat.store.chatfile")
local lock = require("ollama-chat.store.lock")
local transcript = require("ollama-chat.format.transcript")

local function save(name, model, messages)
  return h.await(chats.save, name, model, messages)
end

local function read(target)
  return h.await(chats.read, target)
end

local function list()
  local err, found = h.await(chats.list)
  assert.is_nil(err)
  return found
end

local function count()
  local err, n = h.await(chats.count)
  assert.is_nil(err)
  return n
end

local function file_messages(path)
  return transcript.parse(vim.fn.readfile(path))
end

local function u(text)
  return { role = "user", content = text }
end

local function a(text, model)
  return { role = "assistant", content = text, model = model or "llama3.2:3b" }
end

local function concat(...)
  local out = {}
  for _, list_ in ipairs({ ... }) do
    vim.list_extend(out, list_)
  end
  return out
end

local function chat_files(dir)
  return vim.tbl_filter(function(n) return n:match("%.txt$") ~= nil end, h.ls(dir))
end

describe("chat names", function()
  it("trims names and treats an empty one as cancel", function()
    assert.same({ ok = true, name = "work" }, chats.sanitize_name("  work \t"))
    for _, empty in ipairs({ "", "   ", nil }) do
      local r = chats.sanitize_name(empty)
      assert.is_false(r.ok)
      assert.is_true(r.cancelled)
      assert.matches("not saved", r.reason)
    end
  end)

  it("refuses what would leave the folder or break the file name, with the reason", function()
    local cases = {
      ["../x"] = "/",
      ["a/b"] = "/",
      ["a\\b"] = "/",
      [".."] = "%.%.",
      ["a..b"] = "%.%.",
      [".hidden"] = "dot",
      ["a\tb"] = "control",
      ["a\nb"] = "control",
      ["a\0b"] = "control",
      ["a\27b"] = "control",
      ["a:b"] = "< > :",
      ["what?"] = "< > :",
      [("x"):rep(101)] = "at most 100 bytes",
    }
    for name, reason in pairs(cases) do
      local r = chats.sanitize_name(name)
      assert.is_false(r.ok, name)
      assert.is_false(r.cancelled, name)
      assert.matches(reason, r.reason, nil, false)
    end
  end)

  it("keeps _, spaces, dashes and non-ASCII", function()
    for _, name in ipairs({ "my_chat", "_", "a_", "a__b", "a b", "v1.2-rc", "é日本", ("x"):rep(100) }) do
      assert.same({ ok = true, name = name }, chats.sanitize_name(name))
    end
  end)

  it("writes the model with every character but letters, digits, . and - as -", function()
    assert.equals("session1_llama3.2-3b_20250123-143022.txt", chatfile.fileName("session1", "llama3.2:3b", os.time({ year = 2025, month = 1, day = 23, hour = 14, min = 30, sec = 22 })))
    assert.equals("hf.co-user-repo-Q4-K-M", chatfile.modelField("hf.co/user/repo:Q4_K_M"))
    assert.equals("unknown", chatfile.modelField(""))
  end)

  it("reads file names from the right, so _ in names and models is unambiguous", function()
    local cases = {
      ["session1_llama3.2-3b_20250123-143022.txt"] = { "session1", "llama3.2-3b" },
      ["my_notes_llama3.2-3b_20250123-143022.txt"] = { "my_notes", "llama3.2-3b" },
      ["a__hf.co-u-r-Q4-K-M_20250123-143022.txt"] = { "a_", "hf.co-u-r-Q4-K-M" },
      ["__m_20250123-143022.txt"] = { "_", "m" },
      ["a b é_m_20250123-143022.txt"] = { "a b é", "m" },
    }
    for file, want in pairs(cases) do
      local p = chatfile.parseFileName(file)
      assert.same({ name = want[1], model = want[2], timestamp = "20250123-143022" }, p, file)
    end
    -- every name and model round-trips through a file name
    for _, name in ipairs({ "x", "my_chat", "a_", "_", "a_b_c", "é" }) do
      for _, model in ipairs({ "llama3.2:3b", "hf.co/u/r:Q4_K_M", "a_b", "x" }) do
        local p = chatfile.parseFileName(chatfile.fileName(name, model, 0))
        assert.equals(name, p.name)
        assert.equals(chatfile.modelField(model), p.model)
      end
    end
  end)

  it("does not take other files for saved chats", function()
    for _, file in ipairs({
      "notes.txt", "x_y.txt", "a_m_20250123-143022.txt.bak", "a_m_2025-01-23.txt", ".x_m_20250123-143022.txt",
      "_m_20250123-143022.txt", "a_m:x_20250123-143022.txt", "a_m_20250123-143022.TXT", "../a_m_20250123-143022.txt",
      ".ollama-chat.lock", "..a_m_20250123-143022.txt",
    }) do
      assert.is_nil(chatfile.parseFileName(file), file)
    end
  end)
end)

describe("chats", function()
  local t = h.each_isolated()
  before_each(function()
    lock.settings.timeout_ms = 10000
  end)

  local tricky = {
    { role = "system", content = "Answer in Markdown." },
    u("Show me:\n## User\n# Title\n```lua\nprint('héllo ✓ 日本')\n```\n\\## User"),
    { role = "assistant", model = "deepseek-r1:8b", thinking = "Let me think.\n## Assistant (x)\n~~~~", content = "# Heading\n\n```\n## User\n```\n\nDone — ✓\n" },
    u(""),
    a("\n\nblank lines around\n\n", "hf.co/u/r:Q4_K_M"),
  }

  it("saves and loads a chat exactly: code fences, headings, thinking, non-ASCII", function()
    local err, r = save("round trip", "deepseek-r1:8b", tricky)
    assert.is_nil(err)
    assert.equals("created", r.action)
    assert.equals(#tricky, r.added)
    assert.equals(t.env.chats, vim.fs.dirname(r.path))
    assert.matches("^round trip_deepseek%-r1%-8b_%d+%-%d+%.txt$", vim.fs.basename(r.path))
    assert.matches('Saved chat "round trip"', r.message)
    -- the file is the transcript, as the chat buffer shows it
    assert.same(transcript.render(tricky), vim.fn.readfile(r.path))
    local rerr, messages, chat = read("round trip")
    assert.is_nil(rerr)
    assert.same(tricky, messages)
    assert.equals("round trip", chat.name)
    assert.equals("hf.co/u/r:Q4_K_M", chat.exact_model)
    local _, by_path = read(r.path)
    assert.same(tricky, by_path)
  end)

  it("appends to a chat saved under the same name: nothing twice, nothing lost", function()
    local first = { u("one"), a("1") }
    local _, r1 = save("work", "llama3.2:3b", first)
    local grown = concat(first, { u("two"), a("2\n") }, { u("three"), a("3") })
    local err, r2 = save("work", "llama3.2:3b", grown)
    assert.is_nil(err)
    assert.equals("appended", r2.action)
    assert.equals(4, r2.added)
    assert.equals(r1.path, r2.path)
    assert.matches("added 4 messages", r2.message)
    assert.same(grown, file_messages(r1.path))
    local text = table.concat(vim.fn.readfile(r1.path), "\n")
    assert.equals(3, select(2, text:gsub("## User", "")))
    -- saving the same again, or an earlier state, adds nothing
    local before = h.read(r1.path)
    local _, r3 = save("work", "llama3.2:3b", grown)
    assert.equals("unchanged", r3.action)
    assert.matches("already saved", r3.message)
    local _, r4 = save("work", "llama3.2:3b", first)
    assert.equals("unchanged", r4.action)
    assert.equals(before, h.read(r1.path))
    assert.same({ vim.fs.basename(r1.path) }, chat_files(t.env.chats))
  end)

  it("reads back large messages exactly: parsed in pieces, blank lines and heading-like lines at any place", function()
    -- lines that read as structure, blank runs, a trailing blank: wherever the 2,000-line pieces fall
    local body = {}
    for i = 1, 9001 do
      body[i] = ({ "", "## User", "line " .. i, "~~~~", "\\## Assistant (x)", "" })[i % 6 + 1]
    end
    local big = table.concat(body, "\n")
    local thinking = table.concat(vim.list_slice(body, 1, 5000), "\n")
    local messages = {
      u("\n\nstarts blank"), { role = "assistant", content = big, model = "m" }, u(big),
      { role = "assistant", content = "short", thinking = thinking, model = "m" }, u(big .. "\n"),
    }
    local _, r = save("large", "m", messages)
    assert.same(transcript.parse(vim.fn.readfile(r.path)), messages)
    local err, back = read("large")
    assert.is_nil(err)
    assert.same(messages, back)
    -- and the append path parses the file the same way
    local grown = vim.list_extend(vim.deepcopy(messages), { a("more", "m") })
    local _, r2 = save("large", "m", grown)
    assert.equals("appended", r2.action)
    assert.equals(1, r2.added)
    assert.same(grown, select(2, read("large")))
  end)

  it("replaces a draft saved unanswered by what it grew into; another draft in its place forks", function()
    local _, r1 = save("draft", "m", { u("one"), a("1"), u("half a") })
    local grown = { u("one"), a("1"), u("half a\nquestion"), a("2") }
    local _, r2 = save("draft", "m", grown)
    assert.equals("appended", r2.action)
    assert.equals(r1.path, r2.path)
    assert.same(grown, file_messages(r1.path))
    assert.equals(2, select(2, table.concat(vim.fn.readfile(r1.path), "\n"):gsub("## User", "")))
    local _, r3 = save("other", "m", { u("one"), a("1"), u("half a") })
    local _, r4 = save("other", "m", { u("one"), a("1"), u("something else") })
    assert.equals("forked", r4.action)
    assert.same({ u("one"), a("1"), u("half a") }, file_messages(r3.path))
  end)

  it("appends after what a person added by hand before the first heading", function()
    local first = { u("one"), a("1") }
    local _, r = save("notes", "m", first)
    h.write(r.path, "My notes about this chat.\n\n" .. h.read(r.path))
    local _, r2 = save("notes", "m", concat(first, { u("two") }))
    assert.equals("appended", r2.action)
    local lines = vim.fn.readfile(r.path)
    assert.equals("My notes about this chat.", lines[1])
    assert.same(concat(first, { u("two") }), file_messages(r.path))
  end)

  it("reads a saved chat edited with CRLF line ends, and appends to it", function()
    local first = { u("one"), a("1") }
    local _, r = save("crlf", "m", first)
    h.write(r.path, (h.read(r.path):gsub("\n", "\r\n")))
    local _, loaded = read("crlf")
    assert.same(first, loaded)
    local _, r2 = save("crlf", "m", concat(first, { u("two") }))
    assert.equals("appended", r2.action)
    assert.same(concat(first, { u("two") }), file_messages(r.path))
  end)

  it("saves a different conversation under a taken name to a new file, leaving the old one", function()
    local conv_a = { u("about A"), a("A") }
    local conv_b = { u("about B"), a("B") }
    local _, ra = save("shared", "m", conv_a)
    local err, rb = save("shared", "m", conv_b)
    assert.is_nil(err)
    assert.equals("forked", rb.action)
    assert.not_equals(ra.path, rb.path)
    assert.matches(vim.fs.basename(ra.path), rb.message, 1, true)
    assert.matches("different conversation", rb.message)
    assert.same(conv_a, file_messages(ra.path))
    assert.same(conv_b, file_messages(rb.path))
    -- the newest file is what the name loads
    local _, loaded = read("shared")
    assert.same(conv_b, loaded)
    -- continuing A appends to A's file, not B's
    local _, rc = save("shared", "m", concat(conv_a, { u("more A") }))
    assert.equals("appended", rc.action)
    assert.equals(ra.path, rc.path)
    assert.same(conv_b, file_messages(rb.path))
    assert.equals(2, #chat_files(t.env.chats))
  end)

  it("keeps a chat whose settings changed in its own file, the settings section rewritten", function()
    local function settings(text) return { role = "settings", content = text } end
    local first = { u("one"), a("1") }
    local _, r1 = save("tuned", "m", first)
    -- /think off after the save: the same conversation, with a settings section now
    local tuned = concat({ settings("think: off") }, first, { u("two"), a("2") })
    local err, r2 = save("tuned", "m", tuned)
    assert.is_nil(err)
    assert.equals(r1.path, r2.path)
    assert.equals(2, r2.added)
    assert.matches("settings updated", r2.message)
    assert.same(tuned, file_messages(r1.path))
    -- changed again, nothing else new: rewritten in place; the same again: unchanged
    local retuned = concat({ settings("think: on") }, first, { u("two"), a("2") })
    local _, r3 = save("tuned", "m", retuned)
    assert.equals(r1.path, r3.path)
    assert.same(retuned, file_messages(r1.path))
    assert.equals("unchanged", select(2, save("tuned", "m", retuned)).action)
    -- same settings, more turns: appended as before
    local grown = concat(retuned, { u("three"), a("3") })
    local _, r4 = save("tuned", "m", grown)
    assert.equals("appended", r4.action)
    assert.same(grown, file_messages(r1.path))
    -- another history with these settings is still another conversation
    local _, r5 = save("tuned", "m", concat({ settings("think: on") }, { u("other"), a("x") }))
    assert.equals("forked", r5.action)
    assert.same(grown, file_messages(r1.path))
    assert.equals(2, #chat_files(t.env.chats))
  end)

  it("names the file after the model, and keeps _ in names and models apart", function()
    local _, r = save("my_chat", "hf.co/u/r:Q4_K_M", { u("q"), a("x", "hf.co/u/r:Q4_K_M") })
    assert.matches("^my_chat_hf%.co%-u%-r%-Q4%-K%-M_%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d%.txt$", vim.fs.basename(r.path))
    local found = list()
    assert.equals(1, #found)
    assert.equals("my_chat", found[1].name)
    assert.equals("hf.co-u-r-Q4-K-M", found[1].model)
    assert.equals("hf.co/u/r:Q4_K_M", found[1].exact_model)
    local _, r2 = save("my", "chat_x", { u("other") })
    assert.not_equals(r.path, r2.path)
    assert.equals("created", r2.action)
  end)

  it("refuses bad names and empty chats, writing nothing", function()
    for _, name in ipairs({ "../x", "a/b", "", "a\nb" }) do
      local err = save(name, "m", { u("x") })
      assert.is_string(err)
    end
    assert.matches("cannot contain / or", (save("../x", "m", { u("x") })))
    assert.matches("No name given", (save("  ", "m", { u("x") })))
    assert.matches("Nothing to save", (save("ok", "m", {})))
    assert.is_false(h.exists(t.env.root .. "/x_m_" .. os.date("%Y%m%d") .. "-000000.txt"))
    assert.same({}, chat_files(t.env.chats))
    assert.same({}, h.ls(t.env.root .. "/data"))
  end)

  it("notifies the outcome when save is given no callback", function()
    chats.save("quiet", "m", { u("x") })
    assert(vim.wait(3000, function() return #t.seen > 0 end, 5))
    assert.matches('Saved chat "quiet"', h.joined(t.seen))
    chats.save("../bad", "m", { u("x") })
    assert(vim.wait(3000, function() return #t.seen > 1 end, 5))
    assert.equals(vim.log.levels.ERROR, t.seen[2].level)
  end)

  it("lists saved chats newest first, with name, models, dates and path", function()
    local _, r1 = save("old", "llama3.2:3b", { u("1"), a("x", "llama3.2:3b") })
    local _, r2 = save("newest", "qwen3:8b", { u("2"), a("y", "qwen3:8b"), u("3"), a("z", "llama3.2:3b") })
    local _, r3 = save("middle", "m", { u("only a question") })
    h.age(r1.path, 3)
    h.age(r2.path, 1)
    h.age(r3.path, 2)
    h.write(t.env.chats .. "/notes.txt", "not a chat")
    h.write(t.env.chats .. "/.hidden_m_20250101-000000.txt", "## User\n\nx")
    vim.fn.mkdir(t.env.chats .. "/dir_m_20250101-000000.txt", "p")
    local found = list()
    assert.same({ "newest", "middle", "old" }, vim.tbl_map(function(c) return c.name end, found))
    local n = found[1]
    assert.equals("qwen3-8b", n.model)
    assert.equals("llama3.2:3b", n.exact_model)
    assert.equals(r2.path, n.path)
    assert.equals(vim.fs.basename(r2.path), n.file)
    assert.matches("^%d%d%d%d%-%d%d%-%d%d %d%d:%d%d:%d%d$", n.created)
    assert.equals(os.date("%Y-%m-%d %H:%M:%S", n.mtime), n.saved)
    assert.is_nil(found[2].exact_model)
  end)

  it("names the saved chats at once, each once, by first save newest first", function()
    for _, f in ipairs({ "b_m_20250102-000000.txt", "a_m_20250103-000000.txt", "b_m_20250101-000000.txt", "c_x_20240101-000000.txt", "notes.txt" }) do
      h.write(t.env.chats .. "/" .. f, "## User\n\nx\n")
    end
    -- answered from the cache, filled in the background (the startup cleanup lists the folder)
    h.await(chats.refresh_names)
    assert.same({ "a", "b", "c" }, chats.names())
    -- a chat saved by another Neovim shows up once the cache, older than 2 s, was refreshed
    h.write(t.env.chats .. "/d_m_20250104-000000.txt", "## User\n\nx\n")
    assert(vim.wait(5000, function() return chats.names()[1] == "d" end, 100), "the cache was never refreshed")
    assert.same({ "d", "a", "b", "c" }, chats.names())
    -- and our own save refreshes it at once
    assert.is_nil((save("e", "m", { u("hi") })))
    assert(vim.wait(1000, function() return chats.names()[1] == "e" end, 5), "not refreshed after a save")
  end)

  it("names and lists more chats than Lua can unpack (9,000): completion and the picker's whole list", function()
    vim.fn.mkdir(t.env.chats, "p")
    for i = 1, 9000 do
      local f = assert(io.open(("%s/c%04d_m_20250101-000000.txt"):format(t.env.chats, i), "wb"))
      f:write("## User\n\nx\n")
      f:close()
    end
    h.await(chats.refresh_names)
    local names = chats.names()
    assert.equals(9000, #names)
    assert.equals(9000, #list())
    -- each answer is a copy: the caller may change it
    names[1] = nil
    assert.equals(9000, #chats.names())
  end)

  it("lists nothing, counts 0 and loads nothing when no chat was ever saved", function()
    assert.same({}, list())
    assert.equals(0, count())
    assert.same({}, chats.names())
    local err = read("nothing")
    assert.matches('No saved chat named "nothing"', err)
    assert.matches("No saved chat at", (read(t.env.root .. "/missing.txt")))
    assert.is_false(h.exists(t.env.data_dir))
  end)

  it("refuses to load a file with no chat in it", function()
    h.write(t.env.chats .. "/empty_m_20250101-000000.txt", "just text\n")
    assert.matches("holds no chat", (read("empty")))
  end)

  it("deletes all saved chats, and nothing else", function()
    for i = 1, 3 do
      save("chat" .. i, "m", { u("x" .. i) })
    end
    local untouched = h.plant_foreign(t.env)
    assert.equals(3, count())
    local err, n = h.await(chats.delete_all)
    assert.is_nil(err)
    assert.equals(3, n)
    assert.equals(0, count())
    untouched()
    -- again, with nothing left: 0, and the notification without a callback
    chats.delete_all()
    assert(vim.wait(3000, function() return #t.seen > 0 end, 5))
    assert.matches("Deleted 0 saved chats", h.joined(t.seen))
  end)

  it("counts saved chats", function()
    assert.equals(0, count())
    save("a", "m", { u("1") })
    save("b", "m", { u("2") })
    save("b", "m", { u("3") })
    assert.equals(3, count())
  end)

  it("leaves no temp or lock file behind", function()
    save("t", "m", { u("1") })
    save("t", "m", { u("1"), a("2") })
    save("t", "m", { u("other") })
    for _, name in ipairs(h.ls(t.env.chats)) do
      assert.matches("^t_m_%d+%-%d+%.txt$", name)
    end
  end)

  it("waits for a lock held by a live Neovim, and says who holds it when it gives up", function()
    vim.fn.mkdir(t.env.chats, "p")
    local lockfile = t.env.chats .. "/.ollama-chat.lock"
    local me = vim.uv.os_getpid()
    h.write(lockfile, ("pid=%d\nhost=%s\ntime=%d\ntoken=held\n"):format(me, vim.uv.os_gethostname(), os.time()))
    lock.settings.timeout_ms = 300
    local err = save("busy", "m", { u("x") })
    assert.matches("locked by another Neovim %(pid " .. me, err)
    assert.matches(lockfile, err, 1, true)
    assert.same({}, chat_files(t.env.chats))
    -- released while a save waits: the save goes through
    lock.settings.timeout_ms = 5000
    local done
    chats.save("busy", "m", { u("x") }, function(e, r) done = { e, r } end)
    vim.wait(150)
    assert.is_nil(done)
    os.remove(lockfile)
    assert(vim.wait(3000, function() return done ~= nil end, 5))
    assert.is_nil(done[1])
    assert.equals("created", done[2].action)
  end)

  it("breaks a lock left by a Neovim that is gone, or by one too old to be alive", function()
    vim.fn.mkdir(t.env.chats, "p")
    local lockfile = t.env.chats .. "/.ollama-chat.lock"
    local job = vim.fn.jobstart({ "true" })
    local dead = vim.fn.jobpid(job)
    vim.fn.jobwait({ job })
    h.write(lockfile, ("pid=%d\nhost=%s\ntime=%d\ntoken=crashed\n"):format(dead, vim.uv.os_gethostname(), os.time()))
    lock.settings.timeout_ms = 2000
    local err = save("after crash", "m", { u("x") })
    assert.is_nil(err)
    assert.is_false(h.exists(lockfile))
    -- another host's lock cannot be checked: stale once older than stale_s
    h.write(lockfile, ("pid=1\nhost=elsewhere\ntime=%d\ntoken=old\n"):format(os.time() - lock.settings.stale_s - 5))
    assert.is_nil((save("after old lock", "m", { u("x") })))
    h.write(lockfile, ("pid=1\nhost=elsewhere\ntime=%d\ntoken=young\n"):format(os.time()))
    lock.settings.timeout_ms = 200
    assert.matches("locked", (save("young lock", "m", { u("x") })))
    os.remove(lockfile)
  end)
end)

describe("chats saved by two Neovims at once", function()
  local Child = require("helpers.child")
  local children = {}

  after_each(function()
    for _, c in ipairs(children) do
      c:stop()
    end
    children = {}
  end)

  -- Each child saves its conversation under `name` when the monotonic clock reaches `at` (ms).
  local function save_at(child, dir, name, messages, at)
    child:lua([[
      local dir, name, messages, at = ...
      require("ollama-chat.config").set({ data_dir = dir })
      _G.saved = nil
      local timer = vim.uv.new_timer()
      timer:start(math.max(0, math.floor(at - vim.uv.hrtime() / 1e6)), 0, vim.schedule_wrap(function()
        timer:close()
        require("ollama-chat.store.chats").save(name, "llama3.2:3b", messages, function(err, r)
          _G.saved = { err = err or vim.NIL, action = r and r.action or vim.NIL }
        end)
      end))
    ]], dir, name, messages, at)
  end

  local function run_round(dir, name, conv_a, conv_b)
    local at = vim.uv.hrtime() / 1e6 + 300
    save_at(children[1], dir, name, conv_a, at)
    save_at(children[2], dir, name, conv_b, at)
    local results = {}
    for i, c in ipairs(children) do
      c:wait_until(function(ch) return ch:lua("return _G.saved") ~= vim.NIL end, "child " .. i .. " to save", 20000)
      results[i] = c:lua("return _G.saved")
      assert.equals(vim.NIL, results[i].err, vim.inspect(results[i]))
    end
    return results
  end

  local function files_of(dir, name)
    local out = {}
    for _, f in ipairs(h.ls(dir .. "/chats")) do
      local p = chatfile.parseFileName(f)
      if p and p.name == name then
        out[#out + 1] = file_messages(dir .. "/chats/" .. f)
      end
    end
    return out
  end

  it("keeps both turns, in files that parse, with no temp file left", function()
    children = { Child.new(), Child.new() }
    local dir = vim.fn.tempname()
    local rounds = 4
    for round = 1, rounds do
      -- a new name: both create it in the same second
      local conv_a = { u("A asks " .. round), a("A answer") }
      local conv_b = { u("B asks " .. round), a("B answer") }
      run_round(dir, "new" .. round, conv_a, conv_b)
      local got = files_of(dir, "new" .. round)
      assert.equals(2, #got, "round " .. round)
      assert.is_true(vim.deep_equal(got[1], conv_a) and vim.deep_equal(got[2], conv_b) or vim.deep_equal(got[1], conv_b) and vim.deep_equal(got[2], conv_a))

      -- a saved chat both continue differently: one appends, the other gets a new file
      local prefix = { u("shared question " .. round), a("shared answer") }
      local err = h.await(function(cb)
        require("ollama-chat.config").set({ data_dir = dir })
        chats.save("grown" .. round, "llama3.2:3b", prefix, cb)
      end)
      assert.is_nil(err)
      local grown_a = concat(prefix, { u("A goes on"), a("A reply") })
      local grown_b = concat(prefix, { u("B goes on"), a("B reply") })
      local results = run_round(dir, "grown" .. round, grown_a, grown_b)
      local actions = { results[1].action, results[2].action }
      table.sort(actions)
      assert.same({ "appended", "forked" }, actions)
      got = files_of(dir, "grown" .. round)
      assert.equals(2, #got)
      local has_a = vim.deep_equal(got[1], grown_a) or vim.deep_equal(got[2], grown_a)
      local has_b = vim.deep_equal(got[1], grown_b) or vim.deep_equal(got[2], grown_b)
      assert.is_true(has_a and has_b, vim.inspect(got))

      -- the same conversation saved by both: stored once
      local same = { u("same " .. round), a("same") }
      run_round(dir, "same" .. round, same, same)
      assert.same({ same }, files_of(dir, "same" .. round))
    end
    for _, f in ipairs(h.ls(dir .. "/chats")) do
      assert.matches("^[%w]+_llama3%.2%-3b_%d+%-%d+%.txt$", f)
    end
    assert.equals(rounds * 5, #h.ls(dir .. "/chats"))
  end)
end)
