-- Store benchmark: how long the editor is blocked (the longest gap between ticks of a 5 ms
-- timer, which can only tick when the event loop turns) while the store
--   saves a chat with a 10 MB reply, reads a saved chat holding an 8 MB line, and, with 20,000
--   saved chats, answers names() (completion) and list() (the load picker).
-- Run: nvim -l bench/store.lua [root]   (root: the plugin checkout, default: this file's)
local root = arg[1] or vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
vim.opt.runtimepath:prepend(root .. "/dist")
local dir = vim.fn.tempname()
require("ollama-chat.config").set({ data_dir = dir, config_file = dir .. "/prefs.lua" })
local chats = require("ollama-chat.store.chats")

--- Runs start(done) and waits for done(); returns elapsed ms and the longest timer gap in ms.
local function measure(start)
  local last, worst = vim.uv.hrtime(), 0
  local timer = vim.uv.new_timer()
  timer:start(5, 5, function()
    local now = vim.uv.hrtime()
    worst = math.max(worst, (now - last) / 1e6)
    last = now
  end)
  local finished = false
  local t0 = vim.uv.hrtime()
  start(function() finished = true end)
  local sync_ms = (vim.uv.hrtime() - t0) / 1e6
  vim.wait(120000, function() return finished end, 1)
  local total = (vim.uv.hrtime() - t0) / 1e6
  timer:stop()
  timer:close()
  local now = vim.uv.hrtime()
  worst = math.max(worst, sync_ms, (now - last) / 1e6 - 1)
  return total, worst
end

local function row(what, total, worst)
  print(("| %s | %.0f ms | %.0f ms |"):format(what, total, worst))
end

local big = ("word "):rep(20):rep(100000, "\n") -- ~10 MB, 100,000 lines
local messages = { { role = "user", content = "Write a lot." }, { role = "assistant", content = big, model = "llama3.2:3b" } }
row("save a chat with a 10 MB reply", measure(function(done) chats.save("big", "llama3.2:3b", messages, function(err) assert(not err, err) done() end) end))

vim.fn.mkdir(dir .. "/chats", "p")
local f = assert(io.open(dir .. "/chats/line_llama3.2-3b_20250101-000000.txt", "wb"))
f:write("## User\n\nq\n\n## Assistant (llama3.2:3b)\n\n" .. ("x"):rep(8 * 1024 * 1024) .. "\n")
f:close()
row("read a saved chat with an 8 MB line", measure(function(done) chats.read("line", function(err) assert(not err, err) done() end) end))

for i = 1, 20000 do
  local g = assert(io.open(("%s/chats/c%05d_llama3.2-3b_2025%04d-000000.txt"):format(dir, i, 101 + i % 1000), "wb"))
  g:write("## User\n\nhello " .. i .. "\n\n## Assistant (llama3.2:3b)\n\nhi\n")
  g:close()
end
row("20,000 chats: names() (first call)", measure(function(done) chats.names() done() end))
row("20,000 chats: names() (again)", measure(function(done) chats.names() done() end))
row("20,000 chats: list() (the load picker's list)", measure(function(done) chats.list(function(err) assert(not err, err) done() end) end))
vim.fn.delete(dir, "rf")
