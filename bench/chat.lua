-- Benchmark: a 100,000-token reply streamed as fast as the test server sends it into a chat that
-- already holds 5,000 lines. Measures, for the plugin and for a whole-buffer-rewrite reference in
-- the same run: input latency during the stream (keys sent from outside), tokens rendered per
-- second, and the render cost per token at the start vs the end of the reply.
-- Run: scripts/bench.sh chat   (or make bench-chat)
local root = vim.env.OC_ROOT
package.path = root .. "/spec/?.lua;" .. package.path
vim.opt.runtimepath:prepend(root)
vim.cmd.runtime("plugin/ollama-chat.lua")

local Child = require("helpers.child")
local Server = require("helpers.server")
local latency = require("helpers.latency")

local TOKENS = tonumber(vim.env.OC_BENCH_TOKENS) or 100000
local TOKEN = "tok " -- 4 bytes a token
local HISTORY_LINES = 5000
local REFERENCE_SECONDS = tonumber(vim.env.OC_BENCH_REFERENCE_SECONDS) or 60

-- A reply as a model writes it: lines of 12 tokens. OC_BENCH_ONE_LINE=1: one 400 KB line, the
-- worst case for Neovim's redraw of a wrapped line.
local ONE_LINE = vim.env.OC_BENCH_ONE_LINE == "1"
local reply
if ONE_LINE then
  reply = { token = TOKEN, ["repeat"] = TOKENS, token_ms = 0 }
else
  local tokens = {}
  for i = 1, TOKENS do
    tokens[i] = i % 12 == 0 and "tok\n" or TOKEN
  end
  reply = { tokens = tokens, token_ms = 0 }
end
local server = Server.start({ models = { { name = "llama3.2:3b" } }, chat = { default = reply } })

-- In the child: a 5,000-line conversation in the chat, then instrumentation of the renderer.
local PREPARE = [[
  local host, history_lines = ...
  require("ollama-chat").setup({ host = host })
  local messages = {}
  local n = 0
  while n < history_lines do
    messages[#messages + 1] = { role = "user", content = "question " .. #messages }
    messages[#messages + 1] = { role = "assistant", model = "llama3.2:3b", content = string.rep("an earlier answer line\n", 20) }
    n = n + 30
  end
  _G.__bench = { flushes = {}, first = nil, done = nil }
  return messages
]]

-- Records each flush of the plugin's renderer: when, how long, how many bytes it wrote.
local INSTRUMENT_PLUGIN = [[
  local Reply = require("ollama-chat.chat.render").Reply
  local flush = Reply.prototype.flush
  Reply.prototype.flush = function(self)
    local buf = self.buf
    local before = vim.api.nvim_buf_get_offset(buf, vim.api.nvim_buf_line_count(buf) - 1) + #(vim.api.nvim_buf_get_lines(buf, -2, -1, false)[1])
    local t = vim.uv.hrtime()
    flush(self)
    local dt = vim.uv.hrtime() - t
    local after = vim.api.nvim_buf_get_offset(buf, vim.api.nvim_buf_line_count(buf) - 1) + #(vim.api.nvim_buf_get_lines(buf, -2, -1, false)[1])
    table.insert(_G.__bench.flushes, { t, dt, after - before })
    _G.__bench.first = _G.__bench.first or t
  end
  vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function(a)
    _G.__bench.done = { t = vim.uv.hrtime(), len = #a.data.content, err = a.data.error }
  end })
]]

-- The reference: the same stream, rendered by rewriting the whole buffer on every chunk.
local REFERENCE = [[
  local host, messages, seconds = ...
  local transcript = require("ollama-chat.format.transcript")
  local base = transcript.render(messages)
  table.insert(base, "")
  table.insert(base, transcript.assistantHeading("llama3.2:3b"))
  table.insert(base, "")
  local buf = vim.api.nvim_create_buf(true, true)
  vim.api.nvim_set_current_buf(buf)
  local parts = {}
  local started = vim.uv.hrtime()
  local handle
  handle = require("ollama-chat.ollama.client").chat({ model = "llama3.2:3b", messages = { { role = "user", content = "go" } } }, {
    on_delta = function(d)
      local t = vim.uv.hrtime()
      parts[#parts + 1] = d.content
      local lines = vim.list_extend(vim.list_slice(base), vim.split(table.concat(parts), "\n", { plain = true }))
      vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
      local dt = vim.uv.hrtime() - t
      _G.__bench.first = _G.__bench.first or t
      table.insert(_G.__bench.flushes, { t, dt, #d.content })
      if t - started > seconds * 1e9 then handle.cancel() end
    end,
    on_done = function(err, result)
      _G.__bench.done = { t = vim.uv.hrtime(), len = #result.content, err = err and err.kind }
    end,
  })
]]

local function summarize(label, child, samples)
  local b = child:lua("return _G.__bench")
  local flushes = b.flushes
  local bytes, cost = 0, 0
  for _, f in ipairs(flushes) do
    bytes = bytes + f[3]
    cost = cost + f[2]
  end
  local tokens = bytes / #TOKEN
  -- render cost per token over the first and the last tenth of the tokens rendered
  local function window(from, to)
    local seen, b2, c2 = 0, 0, 0
    for _, f in ipairs(flushes) do
      local tok = f[3] / #TOKEN
      if seen + tok > from and seen < to then
        b2 = b2 + tok
        c2 = c2 + f[2]
      end
      seen = seen + tok
    end
    return b2 > 0 and c2 / b2 / 1e3 or 0 -- µs per token
  end
  local s = latency.stats(samples)
  local wall = (b.done.t - b.first) / 1e9
  return {
    label = label,
    tokens = tokens,
    wall = wall,
    rate = tokens / wall,
    flushes = #flushes,
    start_us = window(0, tokens * 0.1),
    end_us = window(tokens * 0.9, tokens),
    lat = s,
    err = b.done.err,
  }
end

local function run_plugin()
  local child = Child.new()
  latency.install(child)
  local messages = child:lua(PREPARE, server.url, HISTORY_LINES)
  child:lua(INSTRUMENT_PLUGIN)
  child:cmd("Ollama model llama3.2:3b")
  child:lua([[
    local messages = ...
    local transcript = require("ollama-chat.format.transcript")
    require("ollama-chat").open()
    local lines = transcript.render(messages)
    vim.list_extend(lines, { "", "## User", "", "go" })
    vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
    vim.api.nvim_win_set_cursor(0, { #lines, 0 })
    require("ollama-chat").send()
  ]], messages)
  local samples = latency.measure(child, { interval = 20, min = 20, max = 5000, running = function()
    return child:lua("return _G.__bench.done == nil")
  end })
  child:wait_until(function(c) return c:lua("return _G.__bench.done ~= nil") end, "plugin reply done", 120000)
  local lines = child:lua("return vim.api.nvim_buf_line_count(0)")
  local r = summarize("ollama-chat (append in place, batched)", child, samples)
  r.lines = lines
  child:stop()
  return r
end

local function run_reference()
  local child = Child.new()
  latency.install(child)
  local messages = child:lua(PREPARE, server.url, HISTORY_LINES)
  child:lua(REFERENCE, server.url, messages, REFERENCE_SECONDS)
  local samples = latency.measure(child, { interval = 20, min = 20, max = 100000, running = function()
    return child:lua("return _G.__bench.done == nil")
  end })
  child:wait_until(function(c) return c:lua("return _G.__bench.done ~= nil") end, "reference done", (REFERENCE_SECONDS + 60) * 1000)
  local r = summarize("reference (rewrite the whole buffer per chunk)", child, samples)
  child:stop()
  return r
end

local plugin = run_plugin()
local reference = run_reference()
server:stop()

local out = {}
local function add(fmt, ...) out[#out + 1] = fmt:format(...) end
add("Neovim %s, %d-token reply (%d bytes, %s) into a chat of %d lines, test server sending as fast as it can.", tostring(vim.version()), TOKENS, TOKENS * #TOKEN, ONE_LINE and "all on one line" or "12 tokens a line", HISTORY_LINES)
add("")
add("| renderer | tokens rendered | wall (s) | tokens/s | buffer writes | cost/token first 10%% (µs) | cost/token last 10%% (µs) | input latency p50 / p99 / max (ms) |")
add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for _, r in ipairs({ plugin, reference }) do
  add("| %s | %d%s | %.2f | %.0f | %d | %.2f | %.2f | %.1f / %.1f / %.1f |", r.label, r.tokens, r.err and (" (" .. r.err .. ")") or "", r.wall, r.rate, r.flushes, r.start_us, r.end_us, r.lat.p50, r.lat.p99, r.lat.max)
end
add("")
add("- plugin: render cost per token, last 10%% vs first 10%%: %.2fx (flat = 1); reference: %.2fx", plugin.end_us / math.max(plugin.start_us, 1e-9), reference.end_us / math.max(reference.start_us, 1e-9))
add("- tokens/s, plugin vs reference: %.1fx", plugin.rate / reference.rate)
add("- input latency p99, reference vs plugin: %.1fx; max: %.1fx", reference.lat.p99 / math.max(plugin.lat.p99, 0.01), reference.lat.max / math.max(plugin.lat.max, 0.01))
add("- the reference was stopped after %d s when it had not finished: its tokens are what it rendered by then", REFERENCE_SECONDS)
print(table.concat(out, "\n"))
