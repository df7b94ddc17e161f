-- The preferences file: a Lua data file read without running it, written atomically, keeping
-- what it does not know, and never losing a file it cannot read.
local h = require("helpers.store")
local prefs = require("ollama-chat.store.prefs")
local luadata = require("ollama-chat.store.luadata")

local function set(values)
  local returned
  local err = h.await(function(cb)
    returned = prefs.set(values, cb)
    if returned then
      cb(returned)
    end
  end)
  return err
end

--- Loads the written file the way a person's Neovim would: it must be plain, valid Lua.
local function file_table(path)
  local chunk = assert(loadfile(path))
  return chunk()
end

local function wait_for(cond, what)
  assert(vim.wait(5000, cond, 5), "timed out waiting for " .. what)
end

describe("prefs", function()
  local t = h.each_isolated()

  it("round-trips through a readable Lua file, with last_updated set to today", function()
    assert.is_nil(prefs.get("default_model"))
    assert.is_nil(set({ default_model = "llama3.2:3b", split_preference = "vertical" }))
    local today = os.date("%Y-%m-%d")
    assert.same({ default_model = "llama3.2:3b", split_preference = "vertical", last_updated = today }, file_table(t.env.config_file))
    local text = h.read(t.env.config_file)
    assert.matches('\n  default_model = "llama3.2:3b",\n', text, 1, true)
    prefs.reload()
    assert.equals("llama3.2:3b", prefs.get("default_model"))
    assert.equals("vertical", prefs.get("split_preference"))
    assert.equals(today, prefs.get("last_updated"))
    assert.same({ default_model = "llama3.2:3b", split_preference = "vertical", last_updated = today }, prefs.all())
  end)

  it("reads the contract's example file", function()
    h.write(t.env.config_file, 'return { default_model = "llama3.2:3b", split_preference = "horizontal", last_updated = "2025-01-23" }\n')
    assert.equals("llama3.2:3b", prefs.get("default_model"))
    assert.equals("horizontal", prefs.get("split_preference"))
    assert.equals("2025-01-23", prefs.get("last_updated"))
  end)

  it("sets last_updated only when default_model changes", function()
    h.write(t.env.config_file, 'return { default_model = "a", last_updated = "2020-01-01" }')
    assert.is_nil(set({ default_model = "a" }))
    assert.equals("2020-01-01", file_table(t.env.config_file).last_updated)
    assert.is_nil(set({ split_preference = "horizontal" }))
    assert.equals("2020-01-01", file_table(t.env.config_file).last_updated)
    assert.is_nil(set({ default_model = "b" }))
    assert.equals(os.date("%Y-%m-%d"), file_table(t.env.config_file).last_updated)
    assert.equals(os.date("%Y-%m-%d"), prefs.get("last_updated"))
  end)

  it("refuses invalid values and changes nothing", function()
    h.write(t.env.config_file, 'return { split_preference = "horizontal" }')
    local before = h.read(t.env.config_file)
    local err = prefs.set({ split_preference = "diagonal" })
    assert.matches('split_preference.*"horizontal" or "vertical".*diagonal.*nothing was changed', err)
    assert.matches("default_model", prefs.set({ default_model = "" }))
    assert.matches("a string, a number or a boolean", prefs.set({ other = { 1 } }))
    assert.matches("last_updated", prefs.set({ last_updated = "yesterday" }))
    assert.equals("horizontal", prefs.get("split_preference"))
    vim.wait(100)
    assert.equals(before, h.read(t.env.config_file))
  end)

  it("keeps keys it does not know, including ones written by someone else meanwhile", function()
    h.write(t.env.config_file, 'return {\n  theme = "dark",\n  count = 3,\n  ["odd key"] = true,\n  ["end"] = -1.5,\n}\n')
    assert.is_nil(prefs.get("default_model"))
    -- another Neovim (or the user) edits the file after we read it
    h.write(t.env.config_file, 'return { theme = "dark", count = 3, ["odd key"] = true, ["end"] = -1.5, other = "x" }')
    assert.is_nil(set({ default_model = "m" }))
    local t = file_table(t.env.config_file)
    assert.same({ theme = "dark", count = 3, ["odd key"] = true, ["end"] = -1.5, other = "x", default_model = "m", last_updated = os.date("%Y-%m-%d") }, t)
    assert.equals("x", prefs.get("other"))
  end)

  it("writes any string exactly, quotes, backslashes, line breaks and non-ASCII included", function()
    local tricky = 'a "quoted" \\ back\nslash\r\t ü 日本 ]] \0 end'
    assert.is_nil(set({ default_model = tricky, ["weird key"] = "x", big = 2 ^ 53 + 2, small = 0.1, neg = -7 }))
    prefs.reload()
    assert.equals(tricky, prefs.get("default_model"))
    assert.equals(tricky, file_table(t.env.config_file).default_model)
    assert.equals(0.1, prefs.get("small"))
    assert.equals(2 ^ 53 + 2, prefs.get("big"))
    assert.equals(-7, prefs.get("neg"))
    assert.equals("x", prefs.get("weird key"))
  end)

  it("writes atomically: the file is replaced by rename, and no temp or lock file is left", function()
    assert.is_nil(set({ default_model = "one" }))
    local inode = vim.uv.fs_stat(t.env.config_file).ino
    assert.is_nil(set({ default_model = "two" }))
    assert.not_equals(inode, vim.uv.fs_stat(t.env.config_file).ino)
    assert.same({ "ollama_config.lua" }, h.ls(vim.fs.dirname(t.env.config_file)))
  end)

  it("writes through a symlinked config_file: the link stays, the target is replaced, its mode kept", function()
    local target = t.env.root .. "/dotfiles/ollama_config.lua"
    h.write(target, 'return { theme = "dark" }\n')
    assert(vim.uv.fs_chmod(target, tonumber("600", 8)))
    vim.fn.mkdir(vim.fs.dirname(t.env.config_file), "p")
    assert(vim.uv.fs_symlink("../dotfiles/ollama_config.lua", t.env.config_file))
    assert.is_nil(set({ default_model = "m" }))
    assert.equals("link", vim.uv.fs_lstat(t.env.config_file).type)
    assert.equals("m", file_table(target).default_model)
    assert.equals("dark", file_table(target).theme)
    assert.equals(tonumber("600", 8), vim.uv.fs_stat(target).mode % 512)
    assert.same({ "ollama_config.lua" }, h.ls(vim.fs.dirname(t.env.config_file)))
    assert.same({ "ollama_config.lua" }, h.ls(vim.fs.dirname(target)))
  end)

  it("says in one line that a preference was not saved, and where, when the folder is read-only", function()
    -- root writes anywhere a mode allows nothing: there, a folder no one may write to (sysfs)
    local file = t.env.config_file
    local dir = vim.fs.dirname(file)
    if vim.uv.getuid() == 0 then
      file = "/sys/fs/ollama_config.lua"
      require("ollama-chat.config").set({ data_dir = t.env.data_dir, config_file = file })
    else
      vim.fn.mkdir(dir, "p")
      assert(vim.uv.fs_chmod(dir, tonumber("555", 8)))
    end
    local err = set({ default_model = "m" })
    prefs.set({ split_preference = "vertical" })
    wait_for(function() return #t.seen > 0 end, "the message of a set() without callback")
    local err2 = t.seen[1].msg:gsub("^ollama%-chat: ", "")
    vim.uv.fs_chmod(dir, tonumber("755", 8))
    local shown = vim.fn.fnamemodify(file, ":~")
    assert.equals("could not save the default model to " .. shown .. ": permission denied; it applies to this session only.", err)
    assert.equals("could not save the split preference to " .. shown .. ": permission denied; it applies to this session only.", err2)
    -- it still applies to this session
    assert.equals("m", prefs.get("default_model"))
    assert.equals("vertical", prefs.get("split_preference"))
  end)

  it("queues writes made in a row: every change reaches the file", function()
    local done = 0
    prefs.set({ default_model = "a" }, function() done = done + 1 end)
    prefs.set({ split_preference = "vertical" }, function() done = done + 1 end)
    prefs.set({ extra = 1 }, function() done = done + 1 end)
    assert.equals("a", prefs.get("default_model"))
    wait_for(function() return done == 3 end, "three writes")
    local t = file_table(t.env.config_file)
    assert.same({ "a", "vertical", 1 }, { t.default_model, t.split_preference, t.extra })
  end)

  it("never runs code in the file: os.execute in it does nothing", function()
    local marker = t.env.root .. "/executed"
    h.write(t.env.config_file, ("return { default_model = os.execute('touch %s') }"):format(marker))
    assert.is_nil(prefs.get("default_model"))
    wait_for(function() return #vim.fn.glob(t.env.config_file .. ".corrupt-*", true, true) == 1 end, "the backup")
    assert.is_false(h.exists(marker))
    -- and a statement before the table, where an empty environment alone would only fail late
    prefs.reload()
    h.write(t.env.config_file, ("os.execute('touch %s') return {}"):format(marker))
    assert.is_nil(prefs.get("default_model"))
    vim.wait(200)
    assert.is_false(h.exists(marker))
  end)

  --- Reads each file as config_file in a child Neovim (a reader that ran a loop would hang it,
  --- not this test run): `default_model` must read as nil, with no Lua error, and the file be
  --- kept aside as corrupt.
  local function read_in_child(texts)
    local child = require("helpers.child").new()
    local ok, err = pcall(function()
      for i, text in ipairs(texts) do
        local file = ("%s/hostile%d.lua"):format(t.env.root, i)
        local marker = file .. ".read"
        h.write(file, text)
        vim.rpcnotify(child.chan, "nvim_exec_lua", [[
          local file, marker = ...
          require("ollama-chat.config").set({ config_file = file })
          local ok, value = pcall(require("ollama-chat.store.prefs").get, "default_model")
          vim.fn.writefile({ tostring(ok), tostring(value) }, marker)
        ]], { file, marker })
        assert(vim.wait(3000, function() return h.exists(marker) and #vim.fn.readfile(marker) == 2 end, 10), "reading hung on: " .. text)
        assert.same({ "true", "nil" }, vim.fn.readfile(marker), text)
        assert(vim.wait(3000, function() return #vim.fn.glob(file .. ".corrupt-*", true, true) == 1 end, 10), "no backup of " .. text)
        assert.equals(text, h.read(vim.fn.glob(file .. ".corrupt-*", true, true)[1]))
      end
    end)
    child:stop()
    assert(ok, err)
  end

  it("does not hang on a file that loops forever or allocates without end", function()
    read_in_child({
      "while true do end return {}",
      "return { default_model = (function() while true do end end)() }",
      'return { default_model = ("x"):rep(2^40) }',
      "local t = {} repeat t[#t+1] = 1 until false return t",
    })
  end)

  it("runs nothing hidden after a comment ended by a lone \\r: no hang, no computed value, no Lua error", function()
    read_in_child({
      "-- x\rwhile true do end\nreturn {}",
      '-- x\rdo return {default_model=("ab"):rep(2)} end\nreturn { default_model = "plain" }',
      "-- x\rdo return 42 end\nreturn {}",
    })
  end)

  it("reads a file with \\r, \\r\\n and \\n\\r line ends", function()
    h.write(t.env.config_file, '-- edited elsewhere\rreturn {\r\n  default_model = "m", -- note\r  split_preference = "vertical",\n\r}\r')
    assert.equals("m", prefs.get("default_model"))
    assert.equals("vertical", prefs.get("split_preference"))
  end)

  it("refuses a file over 1 MB without reading it: kept aside, with a message, at once", function()
    local big = 'return { default_model = "big", pad = "' .. ("x"):rep(50 * 1024 * 1024) .. '" }\n'
    h.write(t.env.config_file, big)
    big = nil
    collectgarbage()
    local started = vim.uv.hrtime()
    local value = prefs.get("default_model")
    local ms = (vim.uv.hrtime() - started) / 1e6
    assert.is_nil(value)
    assert.is_true(ms < 50, ("get() took %.1f ms"):format(ms))
    local backups
    wait_for(function()
      backups = vim.fn.glob(t.env.config_file .. ".corrupt-*", true, true)
      return #backups == 1 and h.exists(t.env.config_file)
    end, "backup and replacement")
    assert.equals(50 * 1024 * 1024 + 43, vim.uv.fs_stat(backups[1]).size)
    wait_for(function() return #t.seen > 0 end, "the message")
    local msg = h.joined(t.seen)
    assert.matches("50.0 MB, more than the 1 MB", msg, 1, true)
    assert.matches(backups[1], msg, 1, true)
    assert.is_nil(msg:find("\n"), "one line: " .. msg)
    assert.same({}, file_table(t.env.config_file))
    -- a file just under the limit is read
    prefs.reload()
    h.write(t.env.config_file, 'return { default_model = "ok", pad = "' .. ("x"):rep(1024 * 1024 - 100) .. '" }')
    assert.equals("ok", prefs.get("default_model"))
  end)

  it("keeps a corrupt file aside, says so, and replaces it with a valid one", function()
    local broken = 'return { default_model = "llama3.2:3b", split_preference = }\n'
    h.write(t.env.config_file, broken)
    assert.is_nil(prefs.get("default_model"))
    local backups
    wait_for(function()
      backups = vim.fn.glob(t.env.config_file .. ".corrupt-*", true, true)
      return #backups == 1 and h.exists(t.env.config_file)
    end, "backup and replacement")
    assert.matches("%.corrupt%-%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d$", backups[1])
    assert.equals(broken, h.read(backups[1]))
    assert.same({}, file_table(t.env.config_file))
    wait_for(function() return #t.seen > 0 end, "the message")
    local msg = h.joined(t.seen)
    assert.matches(t.env.config_file, msg, 1, true)
    assert.matches(backups[1], msg, 1, true)
    assert.matches("line 1", msg, 1, true)
    -- the plugin goes on: a new preference is written to the fresh file
    assert.is_nil(set({ default_model = "x" }))
    assert.equals("x", file_table(t.env.config_file).default_model)
  end)

  it("keeps every backup when the file is found corrupt twice in the same second", function()
    h.write(t.env.config_file, "return {")
    prefs.get("x")
    wait_for(function() return #vim.fn.glob(t.env.config_file .. ".corrupt-*", true, true) == 1 end, "first backup")
    wait_for(function() return h.read(t.env.config_file) ~= nil end, "replacement")
    prefs.reload()
    h.write(t.env.config_file, "return {{}}")
    prefs.get("x")
    wait_for(function() return #vim.fn.glob(t.env.config_file .. ".corrupt-*", true, true) == 2 end, "second backup")
  end)

  it("warns about an invalid value of a known key without discarding the file", function()
    h.write(t.env.config_file, 'return { split_preference = "diagonal", default_model = "m" }')
    assert.is_nil(prefs.get("split_preference"))
    assert.equals("m", prefs.get("default_model"))
    assert.matches("split_preference.*diagonal", h.joined(t.seen))
    vim.wait(100)
    assert.same({}, vim.fn.glob(t.env.config_file .. ".corrupt-*", true, true))
  end)

  it("follows config_file when setup() changes it", function()
    assert.is_nil(set({ default_model = "first" }))
    local other = h.isolate()
    assert.is_nil(prefs.get("default_model"))
    assert.is_nil(set({ default_model = "second" }))
    assert.equals("first", file_table(t.env.config_file).default_model)
    assert.equals("second", file_table(other.config_file).default_model)
  end)
end)

describe("luadata", function()
  it("accepts plain data in every literal form Lua has", function()
    local text = table.concat({
      "-- a comment",
      "--[==[ a long",
      "comment ]==]",
      "return {",
      "  a = 'single', b = \"double\\n\\65\\x41\\u{e9}\";",
      "  c = [[long",
      "string]], d = [=[with ]] inside]=],",
      "  e = 0x1F, f = -2.5e3, g = .5, h = true, i = false, j = nil,",
      '  ["key with spaces"] = 1,',
      "}",
    }, "\n")
    local r = luadata.decode(text, "x.lua")
    assert.is_true(r.ok, r.error)
    assert.same({
      a = "single", b = "double\nAAé", c = "long\nstring", d = "with ]] inside",
      e = 31, f = -2500, g = 0.5, h = true, i = false, ["key with spaces"] = 1,
    }, r.value)
  end)

  it("rejects anything that is not a flat table of literal values, naming the line", function()
    local cases = {
      'return { a = print("x") }',
      "return { a = b }",
      'return { a = "x" .. "y" }',
      "return { a = 1 + 1 }",
      "return { a = { 1 } }",
      'return { "positional" }',
      "return { [1] = 1 }",
      "return { a = function() end }",
      'return { a = ("x"):rep(3) }',
      "return { a = -'x' }",
      "return { end = 1 }",
      "return {} return {}",
      "return { a = 1 } x",
      "return",
      "x = 1",
      "return { a = 'unfinished }",
      "return { a = [[unfinished }",
      "return { a = 1..2 }",
      "return { a = 0/0 }",
      "return { a = 1e999 }",
      "return { a = '\\q' }",
      "\27LJ\2bytecode",
      "return { a = 1, }\n\n#",
    }
    for _, text in ipairs(cases) do
      local r = luadata.decode(text, "x.lua")
      assert.is_false(r.ok, text)
      assert.is_string(r.error)
    end
    assert.matches("^line 3:", luadata.decode("return {\n a = 1,\n b = c }", "x.lua").error)
  end)

  it("rejects compiled bytecode", function()
    local bytecode = string.dump(function() return { a = 1 } end)
    local r = luadata.decode(bytecode, "x.lua")
    assert.is_false(r.ok)
  end)

  it("encodes known keys first, then the rest sorted, and decodes back exactly", function()
    local data = { z = 1, default_model = "m", a = true, ["not ident"] = "v", ["while"] = 2.25 }
    local text = luadata.encode(data, { "default_model", "split_preference" }, { "header" })
    assert.equals(table.concat({
      "-- header",
      "return {",
      '  default_model = "m",',
      "  a = true,",
      '  ["not ident"] = "v",',
      '  ["while"] = 2.25,',
      "  z = 1,",
      "}",
      "",
    }, "\n"), text)
    assert.same(data, luadata.decode(text, "x.lua").value)
  end)
end)
