-- Store benchmark: how long the editor is blocked while the store
--   saves a chat with a 10 MB reply, appends a turn to it, reads a saved chat holding an 8 MB
--   line, and, with 20,000 saved chats, answers names() (completion), gives the load picker its
--   first slice (list_slices) and the whole list (list()).
-- Measured as a user feels it, in a child Neovim (`--embed`, its main loop in Normal mode, not
-- inside vim.wait, which never lets a timer tick while vim.schedule'd work is queued): a key is
-- sent every 2 ms while the store works and the child stamps when it ran it; the longest wait is
-- the longest block. "slice" is the longest scheduled callback, timed inside the child.
-- Run: nvim -l bench/store.lua [root] [nvim]   (root: the checkout, default: this file's;
-- nvim: the Neovim to run the child with, default: v:progpath)
local root = arg[1] or vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
local nvim = arg[2] or vim.v.progpath
local dir = vim.fn.tempname()

local chan = vim.fn.jobstart({ nvim, "--clean", "--embed", "--headless" }, { rpc = true })
local function lua(code, ...)
  return vim.rpcrequest(chan, "nvim_exec_lua", code, { ... })
end
lua([[
  local root, dir = ...
  vim.opt.runtimepath:prepend(root .. "/dist")
  require("ollama-chat.config").set({ data_dir = dir, config_file = dir .. "/prefs.lua" })
  _G.chats = require("ollama-chat.store.chats")
  _G.stamps = {}
  vim.keymap.set("n", "<F12>", function() _G.stamps[#_G.stamps + 1] = vim.uv.hrtime() end)
  -- the longest scheduled callback while measuring
  local schedule = vim.schedule
  _G.slice = 0
  vim.schedule = function(fn)
    return schedule(function(...)
      local t = vim.uv.hrtime()
      fn(...)
      _G.slice = math.max(_G.slice, (vim.uv.hrtime() - t) / 1e6)
    end)
  end
]], root, dir)

--- Runs `code` in the child (it calls done() when the work ends) while typing <F12> every 2 ms;
--- returns total ms, the longest key latency in ms and the longest slice in ms.
local function measure(code)
  lua([[
    collectgarbage("collect")
    _G.stamps, _G.slice, _G.finished = {}, 0, nil
    local t0 = vim.uv.hrtime()
    local function done() _G.finished = (vim.uv.hrtime() - t0) / 1e6 end
    vim.schedule(function() ]] .. code .. [[ end)
  ]])
  local sent = {}
  repeat
    sent[#sent + 1] = vim.uv.hrtime()
    vim.rpcnotify(chan, "nvim_input", "<F12>")
    vim.wait(2)
  until #sent % 10 == 0 and lua("return _G.finished") ~= vim.NIL
  -- a few keys after the end: the block the callback's own work may leave
  for _ = 1, 10 do
    sent[#sent + 1] = vim.uv.hrtime()
    vim.rpcnotify(chan, "nvim_input", "<F12>")
    vim.wait(2)
  end
  assert(vim.wait(60000, function() return lua("return #_G.stamps") >= #sent end, 5), "keys lost")
  local stamps = lua("return _G.stamps")
  local worst = 0
  for i, t in ipairs(sent) do worst = math.max(worst, (stamps[i] - t) / 1e6) end
  return lua("return _G.finished"), worst, lua("return _G.slice")
end

local function row(what, code)
  print(("| %s | %.0f ms | %.0f ms | %.0f ms |"):format(what, measure(code)))
end

print(("load: %s"):format(vim.trim(io.open("/proc/loadavg"):read("*a"))))
print("| case | total | longest block (key latency) | longest slice |")
print("| --- | ---: | ---: | ---: |")
lua([[
  local big = ("word "):rep(20):rep(100000, "\n") -- ~10 MB, 100,000 lines
  _G.messages = { { role = "user", content = "Write a lot." }, { role = "assistant", content = big, model = "llama3.2:3b" } }
  _G.grown = { _G.messages[1], _G.messages[2], { role = "user", content = "And one more thing." } }
]])
row("save a chat with a 10 MB reply", [[chats.save("big", "llama3.2:3b", messages, function(err) assert(not err, err) done() end)]])
row("save it again with one more message (read, parse, append)", [[chats.save("big", "llama3.2:3b", grown, function(err) assert(not err, err) done() end)]])

vim.fn.mkdir(dir .. "/chats", "p")
local f = assert(io.open(dir .. "/chats/line_llama3.2-3b_20250101-000000.txt", "wb"))
f:write("## User\n\nq\n\n## Assistant (llama3.2:3b)\n\n" .. ("x"):rep(8 * 1024 * 1024) .. "\n")
f:close()
row("read a saved chat with an 8 MB line", [[chats.read("line", function(err) assert(not err, err) done() end)]])

for i = 1, 20000 do
  local g = assert(io.open(("%s/chats/c%05d_llama3.2-3b_2025%04d-000000.txt"):format(dir, i, 101 + i % 1000), "wb"))
  g:write("## User\n\nhello " .. i .. "\n\n## Assistant (llama3.2:3b)\n\nhi\n")
  g:close()
end
row("20,000 chats: names() (first call)", [[chats.names() done()]])
row("20,000 chats: names() (again)", [[chats.names() done()]])
row("20,000 chats: list_slices() first slice (what the load picker shows first)", [[
  local first = true
  chats.list_slices(function(err) assert(not err, err) if first then done() end first = false end)
]])
row("20,000 chats: list() (the whole list)", [[chats.list(function(err) assert(not err, err) done() end)]])
vim.fn.jobstop(chan)
vim.fn.delete(dir, "rf")
