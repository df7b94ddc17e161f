-- Apply and edit on a 20,000-line buffer, in a fresh child Neovim against the test server:
-- the editor time of apply() (finding the block, the diff, the view) and of accepting, for a
-- block replacing 12 lines asked about and for a block rewriting the whole buffer; then input
-- latency (measured from outside) while an edit streams 1,500 tokens into the diff view.
--   scripts/bench.sh apply [0.10|latest]
local root = vim.env.OC_ROOT
package.path = root .. "/spec/?.lua;" .. root .. "/spec/?/init.lua;" .. package.path
local Child = require("helpers.child")
local Server = require("helpers.server")
local latency = require("helpers.latency")

local LINES = 20000
local MODEL = "llama3.2:3b"

local function big()
  local lines = {}
  for i = 1, LINES do
    lines[i] = ("local v%05d = %d -- line %d"):format(i, i * 7, i)
  end
  return lines
end

local function block(lines)
  return "Here:\n\n```lua\n" .. table.concat(lines, "\n") .. "\n```\n"
end

local TIME_APPLY = [[
  local t = vim.uv.hrtime()
  require("ollama-chat").apply()
  local apply_ms = (vim.uv.hrtime() - t) / 1e6
  local t2 = vim.uv.hrtime()
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<CR>", true, false, true), "x", false)
  return { apply_ms, (vim.uv.hrtime() - t2) / 1e6 }
]]

local function child_with(server, file)
  local child = Child.new({})
  child:lua("require('ollama-chat').setup({ host = ... })", server.url)
  child:cmd("Ollama model " .. MODEL)
  vim.fn.writefile(big(), child.xdg .. "/" .. file)
  child:cmd("edit " .. file)
  child:lua([[
    _G.__done = 0
    vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function() _G.__done = _G.__done + 1 end })
  ]])
  return child
end

local function wait_reply(child)
  child:wait_until(function(c) return c:lua("return _G.__done") >= 1 end, "the reply", 60000)
end

local function median(xs)
  table.sort(xs)
  return xs[math.ceil(#xs / 2)]
end

local rounds = 3
local results = {}
local server = Server.start({ models = { { name = MODEL } } })

-- 1. Twelve lines asked about in the middle, the reply's block changes them.
local small = {}
for i = 1, 12 do small[i] = ("local v%05d = %d -- changed"):format(10000 + i - 1, i) end
local apply_small, accept_small = {}, {}
for _ = 1, rounds do
  server:scenario({ models = { { name = MODEL } }, chat = { default = { reply = block(small) } } })
  local child = child_with(server, "big.lua")
  child:cmd("10000,10011Ollama ask change these")
  wait_reply(child)
  child:cmd("wincmd p")
  local r = child:lua(TIME_APPLY)
  apply_small[#apply_small + 1], accept_small[#accept_small + 1] = r[1], r[2]
  assert(child:lua("return vim.api.nvim_buf_get_lines(0, 9999, 10000, false)[1]") == small[1], "applied")
  child:stop()
end

-- 2. The whole buffer: a 20,000-line block with every 100th line changed (200 hunks).
local whole = big()
for i = 100, LINES, 100 do whole[i] = whole[i] .. " -- changed" end
local apply_whole, accept_whole = {}, {}
for _ = 1, rounds do
  server:scenario({ models = { { name = MODEL } }, chat = { default = { reply = block(whole) } } })
  local child = child_with(server, "big.lua")
  child:cmd("Ollama open")
  child:feed("irewrite it<Esc><CR>")
  wait_reply(child)
  local r = child:lua(TIME_APPLY)
  apply_whole[#apply_whole + 1], accept_whole[#accept_whole + 1] = r[1], r[2]
  assert(child:lua("return vim.api.nvim_buf_get_lines(vim.fn.bufnr('big.lua'), 99, 100, false)[1]") == whole[100], "applied whole")
  child:stop()
end

-- 3. Input latency while an edit of 200 lines streams 1,500 tokens at 100 tokens/s.
local tokens = {}
for i = 1, 1500 do tokens[i] = (i % 10 == 0) and ("v" .. i .. " = 1\n") or "x " end
server:scenario({ models = { { name = MODEL } }, chat = { default = { tokens = tokens, token_ms = 10 } } })
local child = child_with(server, "big.lua")
latency.install(child)
child:cmd("5000,5199Ollama edit rewrite")
child:wait_until(function(c) return c:lua("return require('ollama-chat.code.diffview').viewOf(vim.api.nvim_get_current_buf()) ~= nil") end, "the edit view", 20000)
local samples = latency.measure(child, {
  interval = 20, max = 1000, min = 50,
  running = function() return child:lua("local v = require('ollama-chat.code.diffview').viewOf(vim.api.nvim_get_current_buf()); return v ~= nil and v.streaming") end,
})
local lat = latency.stats(samples)
child:stop()
server:stop()

local load = vim.trim(table.concat(vim.fn.readfile("/proc/loadavg"), ""))
print(("### apply and edit, Neovim %s (load before: %s; median of %d rounds)\n"):format(tostring(vim.version()), load, rounds))
print("| case | apply() (editor ms) | accept (editor ms) |")
print("| --- | --- | --- |")
print(("| 12 lines asked about in a 20,000-line buffer | %.1f | %.1f |"):format(median(apply_small), median(accept_small)))
print(("| whole 20,000-line buffer, 200 hunks | %.1f | %.1f |"):format(median(apply_whole), median(accept_whole)))
print(("\nedit of 200 lines streaming 1,500 tokens at 100 tokens/s: input latency n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms"):format(lat.n, lat.p50, lat.p99, lat.max))
