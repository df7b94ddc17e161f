-- Benchmark: large data, as a user meets it (issue 14, "also measured"). In a child Neovim with
-- the plugin set up as a user's config and the markdown tree-sitter highlighter on, against the
-- test server, each case is done the way a user does it (a command, keys on the command line)
-- while a key is typed every 10 ms; the figures are the input latency of those keys (from
-- outside) and the editor's longest block (from inside: gaps between ticks of a 5 ms timer),
-- from the start of the case to a second after it ended:
--   1. a 10 MB reply streamed into the chat, until it is kept on disk (autosave) and parsed;
--   2. `:Ollama save` of that chat under a new name (the whole 10 MB written), then `:Ollama load`
--      of it, until shown;
--   3. `:Ollama load` of a saved chat holding an 8 MB line, until it is shown;
--   4. with 20,000 saved chats: `:Ollama load <Tab>` until a name is completed, `:Ollama load`
--      until the picker shows, and its last item until all of them show;
--   5. a 50 MB `config_file`, at its first use (`:Ollama open`), until it is refused;
--   6. the first `<Tab>` after `:Ollama switch `, until a model name is completed.
-- Run: scripts/bench.sh large [0.10|latest]   (OC_BENCH_CASES="reply,line,many,config,tab": some of them)
local root = vim.env.OC_ROOT
package.path = root .. "/spec/?.lua;" .. package.path

local Server = require("helpers.server")
local User = require("helpers.user")
local Child = require("helpers.child")
local latency = require("helpers.latency")
local Stream = dofile(root .. "/bench/chat_stream.lua")

local MODEL = "llama3.2:3b"
local TAIL_MS = 1000
local load = vim.trim(io.open("/proc/loadavg"):read("*a"))

--- A 10 MB reply as a model writes long markdown: paragraphs, a list, a fenced code block,
--- in chunks of about 7 KB every 20 ms (a fast GPU and a reader that falls behind).
local function big_reply(bytes)
  local words = "The reply uses `code` and **bold** text, a [link](x) or *two* words.\n"
  local block = table.concat({
    words:rep(8), "\n",
    "- one item\n- another item with `code`\n- a third\n\n",
    "```lua\n", ("local x = vim.api.nvim_buf_get_lines(0, 0, -1, false) -- a comment\n"):rep(10), "```\n\n",
  })
  local chunk = block:rep(5)
  local tokens = {}
  for i = 1, math.ceil(bytes / #chunk) do
    tokens[i] = chunk
  end
  return { tokens = tokens, token_ms = 20 }, #chunk * #tokens
end

local reply, reply_bytes = big_reply(10 * 1024 * 1024)
local server = Server.start({ models = { { name = MODEL, context_length = 262144 }, { name = "tiny:1b" } }, chat = { default = reply } })

local function start_user(data, setup)
  local user = User.start(server, {
    args = { "--cmd", "set lines=50 columns=160" },
    setup = vim.tbl_deep_extend("force", { data_dir = data, config_file = data .. "/prefs.lua", chat = { max_ctx = 262144 } }, setup or {}),
  })
  local child = user.child
  latency.install(child)
  -- keys typed on the command line are stamped too (the mapping inserts nothing)
  child:lua([[vim.keymap.set("c", "<F12>", function() local t = _G.__oc_key_times t[#t + 1] = vim.uv.hrtime() end)]])
  child:lua(Stream.REDRAW)
  child:lua(Stream.BLOCKS)
  child:lua(Stream.HIGHLIGHT, true)
  -- the longest scheduled callbacks, with where they were defined: what a block was
  child:lua([[
    _G.__slow = {}
    local schedule = vim.schedule
    vim.schedule = function(fn)
      return schedule(function(...)
        local t = vim.uv.hrtime()
        fn(...)
        local ms = (vim.uv.hrtime() - t) / 1e6
        if ms > 8 then
          local i = debug.getinfo(fn, "S")
          table.insert(_G.__slow, ("%.0f ms %s:%d"):format(ms, i.short_src:gsub("^.*/lua/", ""), i.linedefined))
        end
      end)
    end
  ]])
  -- a picker records how many items it shows and waits (no prompt takes the typed keys)
  child:lua([[
    _G.picked, _G.choose_last = nil, false
    vim.ui.select = function(items, _, cb)
      _G.picked = #items
      if _G.choose_last then
        _G.choose_last = false
        vim.schedule(function() cb(items[#items], #items) end)
      end
    end
  ]])
  return user
end

--- Runs one case: `start()` begins it (keys typed or a command), `ended()` says when it is over;
--- keys every 10 ms from the start to TAIL_MS after the end. Returns a result row.
local function measure(user, what, start, ended, timeout_s)
  local child = user.child
  child:lua("_G.__blocks.gaps = {}; _G.__blocks.on = true; _G.__slow = {}")
  local t0 = vim.uv.hrtime()
  start()
  local over
  local samples = latency.measure(child, { interval = 10, min = 10, max = (timeout_s or 120) * 100, running = function()
    if not over and ended() then over = vim.uv.hrtime() end
    return not over or vim.uv.hrtime() - over < TAIL_MS * 1e6
  end })
  local gaps = child:lua("_G.__blocks.on = false; return _G.__blocks.gaps")
  local slow = child:lua("local s = _G.__slow; _G.__slow = {}; return s")
  local block = 0
  for _, g in ipairs(gaps) do block = math.max(block, g[2]) end
  local s = latency.stats(samples)
  local row = { what = what, wall = over and (over - t0) / 1e9 or -1, lat = s, block = block }
  io.stderr:write(("%-70s %6.1f s  p50 %.1f p99 %.1f max %.1f ms  longest block %.1f ms%s\n"):format(what, row.wall, s.p50, s.p99, s.max, block, over and "" or "  (did not end)"))
  if #slow > 0 then io.stderr:write("  scheduled callbacks over 8 ms: " .. table.concat(vim.list_slice(slow, 1, 12), ", ") .. "\n") end
  return row
end

local function files(dir)
  local out = {}
  for name, kind in vim.fs.dir(dir) do
    if kind == "file" then out[#out + 1] = name end
  end
  return out
end

local function size(path)
  local st = vim.uv.fs_stat(path)
  return st and st.size or 0
end

local rows = {}
local wanted = vim.env.OC_BENCH_CASES or "reply,line,many,config,tab"
local function case(name)
  return wanted:find(name, 1, true) ~= nil
end

-- 1-2: the 10 MB reply, kept, then written under a name
if case("reply") then
  local data = Child.tempdir() .. "/data"
  local user = start_user(data)
  local child = user.child
  child:cmd("Ollama model " .. MODEL)
  user:open_chat()
  child:lua("vim.cmd.redraw()")
  vim.wait(1000)
  local chats = data .. "/chats"
  rows[#rows + 1] = measure(user, ("a 10 MB reply streamed (%d chunks of %d KB every 20 ms), kept on disk and parsed"):format(#reply.tokens, math.floor(#reply.tokens[1] / 1024)), function()
    child:lua([[vim.schedule(function() require("ollama-chat").send("Write a lot.") end)]])
  end, function()
    if #child:lua("return _G.__oc_done") == 0 then return false end
    local kept = false
    for _, f in ipairs(vim.fn.isdirectory(chats) == 1 and files(chats) or {}) do
      if size(chats .. "/" .. f) >= reply_bytes then kept = true end
    end
    return kept and child:lua("return vim.bo.modified") == false and child:lua(Stream.PARSE_RELEASED)
  end, 300)
  rows[#rows].note = ("%d lines in the chat"):format(child:lua("return vim.api.nvim_buf_line_count(0)"))
  local before = #files(chats)
  rows[#rows + 1] = measure(user, "`:Ollama save big`: that chat saved under a new name (10 MB written)", function()
    child:lua([[vim.schedule(function() vim.cmd("Ollama save big") end)]])
  end, function()
    local named = vim.tbl_filter(function(f) return vim.startswith(f, "big_") end, files(chats))
    return #named == 1 and size(chats .. "/" .. named[1]) >= reply_bytes and #files(chats) <= before and child:lua("return vim.bo.modified") == false
  end)
  rows[#rows + 1] = measure(user, "`:Ollama load big`: that 10 MB chat, until shown and parsed", function()
    child:feed(":Ollama load big<CR>")
  end, function()
    for _, w in ipairs(child:wins()) do
      if w.name:match("^ollama%-chat://saved/big_") then return child:lua(Stream.PARSE_RELEASED) end
    end
    return false
  end)
  user:stop()
end

-- 3: a saved chat with an 8 MB line
if case("line") then
  local data = Child.tempdir() .. "/data"
  vim.fn.mkdir(data .. "/chats", "p")
  local f = assert(io.open(data .. "/chats/line_llama3.2-3b_20250101-000000.txt", "wb"))
  f:write("## User\n\nq\n\n## Assistant (llama3.2:3b)\n\n" .. ("x"):rep(8 * 1024 * 1024) .. "\n")
  f:close()
  local user = start_user(data)
  rows[#rows + 1] = measure(user, "`:Ollama load line`: a saved chat holding an 8 MB line, until shown", function()
    user.child:feed(":Ollama load line<CR>")
  end, function()
    return user:win_named("ollama-chat://saved/line_llama3.2-3b_20250101-000000.txt") ~= nil
  end)
  user:stop()
end

-- 4: 20,000 saved chats
if case("many") then
  local data = Child.tempdir() .. "/data"
  vim.fn.mkdir(data .. "/chats", "p")
  for i = 1, 20000 do
    local g = assert(io.open(("%s/chats/c%05d_llama3.2-3b_2025%04d-000000.txt"):format(data, i, 101 + i % 1000), "wb"))
    g:write("## User\n\nhello " .. i .. "\n\n## Assistant (llama3.2:3b)\n\nhi\n")
    g:close()
  end
  local user = start_user(data)
  local child = user.child
  rows[#rows + 1] = measure(user, "20,000 saved chats: `:Ollama load c1<Tab>` until a name is completed", function()
    child:feed(":Ollama load c1<Tab>")
  end, function()
    return child:lua("return vim.fn.getcmdline()"):match("^Ollama load c1%d%d%d%d") ~= nil
  end)
  child:feed("<C-u><Esc>")
  rows[#rows + 1] = measure(user, "20,000 saved chats: `:Ollama load` until the picker shows", function()
    child:feed(":Ollama load<CR>")
  end, function()
    return child:lua("return _G.picked") ~= vim.NIL
  end)
  rows[#rows].note = ("%d items at first"):format(child:lua("return _G.picked"))
  rows[#rows + 1] = measure(user, "20,000 saved chats: its last item (older chats), until all of them show", function()
    child:lua("_G.picked, _G.choose_last = nil, true")
    child:feed(":Ollama load<CR>")
  end, function()
    return child:lua("return _G.picked") == 20000
  end)
  user:stop()
end

-- 5: a 50 MB config_file
if case("config") then
  local data = Child.tempdir() .. "/data"
  vim.fn.mkdir(data, "p")
  local f = assert(io.open(data .. "/prefs.lua", "wb"))
  f:write("return { default_model = \"" .. ("x"):rep(50 * 1024 * 1024) .. "\" }\n")
  f:close()
  local user = start_user(data)
  rows[#rows + 1] = measure(user, "a 50 MB `config_file` at its first use (`:Ollama open`), until refused", function()
    user.child:feed(":Ollama open<CR>")
  end, function()
    for _, n in ipairs(user:notes()) do
      if tostring(n.msg):find("more than the 1 MB", 1, true) then return true end
    end
    return false
  end)
  user:stop()
end

-- 6: the first <Tab> after :Ollama switch
if case("tab") then
  local data = Child.tempdir() .. "/data"
  local user = start_user(data)
  local child = user.child
  rows[#rows + 1] = measure(user, "the first `<Tab>` after `:Ollama switch `, until a name is completed", function()
    child:feed(":Ollama switch <Tab>")
  end, function()
    local line = child:lua("return vim.fn.getcmdline()")
    return line == "Ollama switch " .. MODEL or line == "Ollama switch tiny:1b"
  end)
  child:feed("<C-u><Esc>")
  user:stop()
end

server:stop()

print(("Neovim %s; load average at the start: %s, at the end: %s"):format(tostring(vim.version()), load, vim.trim(io.open("/proc/loadavg"):read("*a"))))
print("")
print("| case | until it ended (s) | input latency p50 / p99 / max (ms) | longest block (ms) |")
print("| --- | ---: | ---: | ---: |")
for _, r in ipairs(rows) do
  print(("| %s%s | %.1f | %.1f / %.1f / %.1f | %.1f |"):format(r.what, r.note and (" (" .. r.note .. ")") or "", r.wall, r.lat.p50, r.lat.p99, r.lat.max, r.block))
end
