-- One streamed reply into a chat of 5,000 lines, in a fresh child Neovim, with input latency
-- measured from outside (spec/helpers/latency.lua). Shared by bench/chat.lua (the benchmark) and
-- spec/chat_latency_spec.lua (its short variant in `make test`).
--   local Stream = dofile(root .. "/bench/chat_stream.lua")
--   local r = Stream.run(server, { renderer = "plugin", highlight = true, stream = Stream.realistic(20) })
--   -- r.lat = { n, p50, p99, max }, r.tokens, r.wall, r.start_us, r.end_us, r.highlighted, ...
local Child = require("helpers.child")
local latency = require("helpers.latency")

local M = {}

M.HISTORY_LINES = 5000
M.MODEL = "llama3.2:3b"
-- How long the chat is shown before the message is sent (ms).
M.SETTLE_MS = 1000

-- Words of a reply as a model writes markdown: inline code, emphasis, a line every 12 tokens.
local WORDS = { "The ", "reply ", "uses ", "`code` ", "and ", "**bold** ", "text, ", "a ", "[link](x) ", "or ", "*two* ", "words.\n" }

--- A realistic stream: 100 tokens/s (one token every 10 ms) for `seconds`.
function M.realistic(seconds)
  local tokens = {}
  for i = 1, seconds * 100 do
    tokens[i] = WORDS[(i - 1) % #WORDS + 1]
  end
  return { name = "realistic", label = ("100 tokens/s for %d s"):format(seconds), reply = { tokens = tokens, token_ms = 10 }, bytes_per_token = #table.concat(WORDS) / #WORDS }
end

--- A bursty stream: `lines` lines arriving in bursts of `burst` lines every `every_ms`, as a fast
--- GPU and a reader that falls behind produce (each burst is one chunk of the stream).
function M.burst(lines, burst, every_ms)
  local one = table.concat(WORDS)
  local chunk = string.rep(one, burst)
  local tokens = {}
  for i = 1, math.ceil(lines / burst) do
    tokens[i] = chunk
  end
  return { name = "burst", label = ("%d lines in bursts of %d every %d ms"):format(#tokens * burst, burst, every_ms), reply = { tokens = tokens, token_ms = every_ms }, bytes_per_token = #one / #WORDS }
end

--- The test server's scenario for one stream.
function M.scenario(stream)
  -- A model that holds the whole 5,000-line chat: the context guard must not stop the send.
  return { models = { { name = M.MODEL, context_length = 262144 } }, chat = { default = stream.reply } }
end

-- In the child: the highlighter as users have it. Neovim 0.12's markdown ftplugin starts it; on
-- 0.10 users' configs do (`vim.treesitter.start()` on markdown). Off: stopped right after (this autocmd runs after the ftplugin's).
M.HIGHLIGHT = [[
  local on = ...
  vim.api.nvim_create_autocmd("FileType", { pattern = "markdown", callback = function(a)
    if on then
      if not vim.treesitter.highlighter.active[a.buf] then vim.treesitter.start(a.buf) end
    else
      pcall(vim.treesitter.stop, a.buf)
    end
  end })
]]

-- In the child: the screen redrawn as a UI has it. A headless child with no UI attached never
-- redraws by itself (no decoration provider runs, so the highlighter would never parse): a UI
-- redraws whenever something changed before it waits for input; a redraw every 16 ms stands in.
M.REDRAW = [[
  local timer = vim.uv.new_timer()
  timer:start(16, 16, vim.schedule_wrap(function() vim.cmd.redraw() end))
]]

-- In the child: the editor's longest block, from inside: the longest gap between ticks of a 5 ms
-- libuv timer (it ticks only when the event loop turns). Input latency alone can miss a block:
-- while the benchmark asks the child whether the reply ended, it waits and sends no key.
M.BLOCKS = [[
  local g = { on = false, gaps = {} }
  _G.__blocks = g
  local timer = vim.uv.new_timer()
  timer:start(5, 5, function()
    local now = vim.uv.hrtime()
    -- gaps over 5 ms: { when it ended, ms blocked }
    if g.on and g.last and now - g.last > 10e6 then g.gaps[#g.gaps + 1] = { now, (now - g.last) / 1e6 - 5 } end
    g.last = now
  end)
]]

-- In the child: a 5,000-line conversation (markdown with inline code), then instrumentation.
local PREPARE = [[
  local host, history_lines = ...
  -- The chat (~60k tokens) fits in what "auto" may ask for: the benchmark measures streaming.
  require("ollama-chat").setup({ host = host, chat = { max_ctx = 262144 } })
  local messages = {}
  local n = 0
  while n < history_lines do
    messages[#messages + 1] = { role = "user", content = "question " .. #messages }
    messages[#messages + 1] = { role = "assistant", model = "llama3.2:3b", content = string.rep("an earlier answer line with `code` and *emphasis*\n", 20) }
    n = n + 30
  end
  _G.__bench = { flushes = {}, first = nil, done = nil }
  return messages
]]

-- Records each write of the renderer: when, how long, how many bytes it wrote.
local INSTRUMENT_PLUGIN = [[
  local Reply = require("ollama-chat.chat.render").Reply
  local write = Reply.prototype.write
  local function size(buf)
    local last = vim.api.nvim_buf_line_count(buf) - 1
    return vim.api.nvim_buf_get_offset(buf, last) + #(vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[1])
  end
  Reply.prototype.write = function(self, max_lines)
    local buf = self.buf
    local before = vim.api.nvim_buf_is_valid(buf) and size(buf) or 0
    local t = vim.uv.hrtime()
    write(self, max_lines)
    local dt = vim.uv.hrtime() - t
    if not vim.api.nvim_buf_is_valid(buf) then return end
    local after = size(buf)
    if after > before then
      table.insert(_G.__bench.flushes, { t, dt, after - before })
      _G.__bench.first = _G.__bench.first or t
    end
  end
  vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function(a)
    _G.__bench.done = { t = vim.uv.hrtime(), len = #a.data.content, err = a.data.error }
  end })
]]

-- The renderer as before issue 14: the tree-sitter parse is not held while the reply streams
-- (released right after it was taken), so each batch is parsed, and the chat's parser has the
-- markdown injection query as it is (its combined injection scans the whole chat per parse).
local UNHELD = [[
  local render = require("ollama-chat.chat.render")
  assert(not package.loaded["ollama-chat.chat.window"], "chat window loaded before the patch")
  render.prepareParser = function() end
  local Reply = render.Reply
  local begin = Reply.prototype.begin
  Reply.prototype.begin = function(self, lines)
    begin(self, lines)
    self:release()
  end
]]

-- The reference: the same stream through the same client, rendered by rewriting the whole buffer
-- on every chunk, as naive clients do, in a markdown buffer like the chat.
local REFERENCE = [[
  local messages, seconds, prompt = ...
  local transcript = require("ollama-chat.format.transcript")
  local base = transcript.render(messages)
  table.insert(base, "")
  table.insert(base, transcript.assistantHeading("llama3.2:3b"))
  table.insert(base, "")
  vim.cmd("botright split")
  local buf = vim.api.nvim_create_buf(true, true)
  vim.api.nvim_win_set_buf(0, buf)
  vim.bo[buf].filetype = "markdown"
  _G.__bench.hl_start = vim.treesitter.highlighter.active[buf] ~= nil
  local parts = {}
  local started = vim.uv.hrtime()
  local handle
  handle = require("ollama-chat.ollama.client").chat({ model = "llama3.2:3b", messages = { { role = "user", content = prompt } } }, {
    on_delta = function(d)
      local t = vim.uv.hrtime()
      parts[#parts + 1] = d.content
      local lines = vim.list_extend(vim.list_slice(base), vim.split(table.concat(parts), "\n", { plain = true }))
      vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
      vim.api.nvim_win_set_cursor(0, { #lines, 0 })
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

-- Whether the finished chat is highlighted by tree-sitter: the highlighter is attached and the
-- last heading of the chat has a heading capture.
local HIGHLIGHTED = [[
  local buf = vim.api.nvim_get_current_buf()
  if not vim.treesitter.highlighter.active[buf] then return false end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local row
  for i = #lines, 1, -1 do
    if lines[i]:match("^## ") then row = i - 1; break end
  end
  if not row then return false end
  vim.treesitter.get_parser(buf):parse(true)
  for _, c in ipairs(vim.treesitter.get_captures_at_pos(buf, row, 3)) do
    if c.capture:match("heading") then return true end
  end
  return false
]]

-- The inline node under a `code` span in the reply's last lines, from the trees as they are (no
-- parse forced): "code_span" when the end of the reply was parsed and highlighted.
local REPLY_INLINE = [[
  local buf = vim.api.nvim_get_current_buf()
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i = #lines, math.max(1, #lines - 40), -1 do
    local col = lines[i]:find("`code`", 1, true)
    if col then
      local node = vim.treesitter.get_parser(buf):named_node_for_range({ i - 1, col + 1, i - 1, col + 2 }, { ignore_injections = false })
      return node and node:type() or "none"
    end
  end
  return "no code span in the reply"
]]

-- Latency stats, with which key (in the order sent) waited longest.
local function stats(samples)
  local s = latency.stats(samples)
  local order = {}
  for i, v in ipairs(samples) do
    if v == s.max then s.max_at = i end
    order[i] = i
  end
  -- the slowest keys, as "key:ms", in the order sent
  table.sort(order, function(a, b) return samples[a] > samples[b] end)
  local worst = vim.list_slice(order, 1, 8)
  table.sort(worst)
  s.worst = vim.tbl_map(function(i) return ("%d:%.0f"):format(i, samples[i]) end, worst)
  return s
end

local function summarize(child, samples, stream)
  local b = child:lua("return _G.__bench")
  local flushes = b.flushes
  local bytes = 0
  for _, f in ipairs(flushes) do
    bytes = bytes + f[3]
  end
  -- render cost per kilobyte over the first and the last tenth of the text written
  local function window(from, to)
    local seen, b2, c2 = 0, 0, 0
    for _, f in ipairs(flushes) do
      if seen + f[3] > from and seen < to then
        b2 = b2 + f[3]
        c2 = c2 + f[2]
      end
      seen = seen + f[3]
    end
    return b2 > 0 and c2 / (b2 / stream.bytes_per_token) / 1e3 or 0 -- µs per token
  end
  local wall = b.first and (b.done.t - b.first) / 1e9 or 0
  return {
    tokens = bytes / stream.bytes_per_token,
    bytes = bytes,
    wall = wall,
    writes = #flushes,
    start_us = window(0, bytes * 0.1),
    end_us = window(bytes * 0.9, bytes),
    lat = stats(samples),
    err = b.done.err,
  }
end

-- Keys keep coming this long after the reply ended (ms): the end of a reply (the chat parsed and
-- highlighted again, the stats, the next heading) is part of what is measured.
M.TAIL_MS = 1000

-- In the child: whether the current buffer's parse is no longer held by the renderer.
M.PARSE_RELEASED = [[
  local hl = vim.treesitter.highlighter.active[vim.api.nvim_get_current_buf()]
  return hl == nil or rawget(hl.tree, "parse") == nil
]]
local SETTLED = "if _G.__bench.done == nil then return false end " .. M.PARSE_RELEASED

local function measure(child, seconds)
  local ended
  return latency.measure(child, { interval = 20, min = 20, max = math.floor(seconds * 50) + 150, running = function()
    -- Ended: the reply is done and its parse is no longer held (on 0.10 it settles in slices after).
    if not ended and child:lua(SETTLED) then ended = vim.uv.hrtime() end
    return not ended or vim.uv.hrtime() - ended < M.TAIL_MS * 1e6
  end })
end

--- Streams `opts.stream` with `opts.renderer` ("plugin" | "reference") and the highlighter on or
--- off (`opts.highlight`), the parse held while streaming unless `opts.unheld`; `opts.seconds` bounds the run (the reference is cancelled then).
function M.run(server, opts)
  local stream, seconds = opts.stream, opts.seconds or 120
  server:scenario(M.scenario(stream))
  local child = Child.new({ init = "vim.o.lines = 50; vim.o.columns = 160" })
  latency.install(child)
  child:lua(M.REDRAW)
  child:lua(M.BLOCKS)
  child:lua(M.HIGHLIGHT, opts.highlight)
  local messages = child:lua(PREPARE, server.url, M.HISTORY_LINES)
  if opts.renderer == "reference" then
    child:lua(REFERENCE, messages, seconds, stream.name)
  else
    child:lua(INSTRUMENT_PLUGIN)
    if opts.unheld then child:lua(UNHELD) end
    child:cmd("Ollama model " .. M.MODEL)
    child:lua([[
      local messages, prompt = ...
      local transcript = require("ollama-chat.format.transcript")
      require("ollama-chat").open()
      local lines = transcript.render(messages)
      vim.list_extend(lines, { "", "## User", "", prompt })
      vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
      vim.api.nvim_win_set_cursor(0, { #lines, 0 })
    ]], messages, stream.name)
    -- The chat is on screen (drawn and parsed) before the message is sent, as when a user types
    -- it: the first parse of a freshly loaded chat is not part of the stream.
    child:lua("vim.cmd.redraw()")
    vim.wait(M.SETTLE_MS)
    child:lua([[
      _G.__bench.hl_start = vim.treesitter.highlighter.active[vim.api.nvim_get_current_buf()] ~= nil
      require("ollama-chat").send()
    ]])
  end
  local hl_during = child:lua("return vim.treesitter.highlighter.active[vim.api.nvim_get_current_buf()] ~= nil")
  child:lua("_G.__blocks.on = true")
  local samples = measure(child, seconds)
  local gaps = child:lua("_G.__blocks.on = false; return _G.__blocks.gaps")
  child:wait_until(function(c) return c:lua("return _G.__bench.done ~= nil") end, "reply done", (seconds + 60) * 1000)
  local r = summarize(child, samples, stream)
  r.highlight_during = hl_during
  r.highlight_at_start = child:lua("return _G.__bench.hl_start")
  -- the longest block from the send, and from the reply's first write (when it ended, ms after the reply's end)
  r.block, r.reply_block, r.reply_block_at = 0, 0, 0
  local first = child:lua("return _G.__bench.first or 0")
  local done_t = child:lua("return _G.__bench.done and _G.__bench.done.t or 0")
  for _, gap in ipairs(gaps) do
    r.block = math.max(r.block, gap[2])
    if gap[1] - gap[2] * 1e6 >= first and gap[2] > r.reply_block then r.reply_block, r.reply_block_at = gap[2], (gap[1] - done_t) / 1e6 end
  end
  r.reply_inline = child:lua(REPLY_INLINE)
  r.highlighted = child:lua(HIGHLIGHTED)
  r.lines = child:lua("return vim.api.nvim_buf_line_count(0)")
  child:stop()
  return r
end

return M
