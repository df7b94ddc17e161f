-- Benchmark: a reply streamed into a chat that already holds 5,000 lines, with Neovim's markdown
-- tree-sitter highlighter on (as users have it) and off, and a whole-buffer-rewrite reference
-- (highlighter on), in two streams: realistic (100 tokens/s for 20 s) and bursty (4,000 lines in
-- bursts of 97). Each case runs in a fresh child Neovim; input latency is measured from outside
-- (keys sent every 20 ms) and the child's longest block from inside (bench/chat_stream.lua).
-- Median of OC_BENCH_ROUNDS rounds (default 3).
-- Run: scripts/bench.sh chat [0.10|latest]   (or make bench-chat)
-- OC_BENCH_SECONDS (realistic stream length, default 20), OC_BENCH_CASES (e.g. "realistic:on,burst:on").
local root = vim.env.OC_ROOT
package.path = root .. "/spec/?.lua;" .. package.path
vim.opt.runtimepath:prepend(root)
vim.cmd.runtime("plugin/ollama-chat.lua")

local Server = require("helpers.server")
local Stream = dofile(root .. "/bench/chat_stream.lua")

local ROUNDS = tonumber(vim.env.OC_BENCH_ROUNDS) or 3
local SECONDS = tonumber(vim.env.OC_BENCH_SECONDS) or 20
local REFERENCE_SECONDS = tonumber(vim.env.OC_BENCH_REFERENCE_SECONDS) or 20
local load = vim.trim(io.open("/proc/loadavg"):read("*a"))

local streams = { realistic = Stream.realistic(SECONDS), burst = Stream.burst(tonumber(vim.env.OC_BENCH_BURST_LINES) or 4000, 97, 250) }
local CONDITIONS = {
  on = { renderer = "plugin", highlight = true, label = "ollama-chat, highlighter on" },
  unheld = { renderer = "plugin", highlight = true, unheld = true, label = "ollama-chat, parse not held (before), highlighter on" },
  off = { renderer = "plugin", highlight = false, label = "ollama-chat, highlighter off" },
  reference = { renderer = "reference", highlight = true, label = "reference (whole-buffer rewrite per chunk), highlighter on" },
}
local cases = {}
for c in (vim.env.OC_BENCH_CASES or "realistic:on,realistic:off,realistic:reference,burst:on,burst:off,burst:reference"):gmatch("[^,]+") do
  local s, cond = c:match("^(%w+):(%w+)$")
  assert(streams[s] and CONDITIONS[cond], "unknown case " .. c)
  cases[#cases + 1] = { stream = streams[s], cond = CONDITIONS[cond], key = c, rounds = {} }
end

local server = Server.start()
for round = 1, ROUNDS do
  for _, case in ipairs(cases) do
    local seconds = case.cond.renderer == "reference" and REFERENCE_SECONDS or 120
    local r = Stream.run(server, { renderer = case.cond.renderer, highlight = case.cond.highlight, unheld = case.cond.unheld, stream = case.stream, seconds = seconds })
    case.rounds[round] = r
    io.stderr:write(("round %d %-22s p50 %.1f p99 %.1f max %.1f ms (key %d of %d), longest block %.1f ms, %d tokens in %.1f s\n"):format(round, case.key, r.lat.p50, r.lat.p99, r.lat.max, r.lat.max_at, r.lat.n, r.reply_block, r.tokens, r.wall))
    io.stderr:write("  slowest keys (key:ms): " .. table.concat(r.lat.worst, " ") .. "\n")
  end
end
server:stop()

local function median(xs)
  local s = vim.deepcopy(xs)
  table.sort(s)
  return s[math.ceil(#s / 2)]
end

local out = {}
local function add(fmt, ...) out[#out + 1] = fmt:format(...) end
add("Neovim %s; chat of %d lines; load average at the start: %s; median of %d rounds (each round's p99/max in brackets).", tostring(vim.version()), Stream.HISTORY_LINES, load, ROUNDS)
add("")
add("| stream | renderer | tokens rendered | wall (s) | buffer writes | cost/token first 10%% (µs) | last 10%% (µs) | tree-sitter at start / during / after | input latency p50 / p99 / max (ms) | per round p99 / max (ms) | longest block from the reply's first write (ms) | per round |")
add("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | --- |")
for _, case in ipairs(cases) do
  local col = function(f)
    local xs = {}
    for _, r in ipairs(case.rounds) do xs[#xs + 1] = f(r) end
    return median(xs)
  end
  local per = {}
  local blocks = {}
  for _, r in ipairs(case.rounds) do
    per[#per + 1] = ("%.1f / %.1f"):format(r.lat.p99, r.lat.max)
    blocks[#blocks + 1] = ("%.1f"):format(r.reply_block)
  end
  local r1 = case.rounds[1]
  add("| %s | %s | %d%s | %.1f | %d | %.2f | %.2f | %s / %s / %s | %.1f / %.1f / %.1f | %s | %.1f | %s |", case.stream.label, case.cond.label,
    col(function(r) return r.tokens end), r1.err and (" (" .. r1.err .. ")") or "", col(function(r) return r.wall end),
    col(function(r) return r.writes end), col(function(r) return r.start_us end), col(function(r) return r.end_us end),
    r1.highlight_at_start and "yes" or "no", r1.highlight_during and "yes" or "no", r1.highlighted and "yes" or "no",
    col(function(r) return r.lat.p50 end), col(function(r) return r.lat.p99 end), col(function(r) return r.lat.max end), table.concat(per, ", "),
    col(function(r) return r.reply_block end), table.concat(blocks, ", "))
end
add("")
add("- the reference is stopped after %d s when it has not finished: its tokens are what it rendered by then", REFERENCE_SECONDS)
print(table.concat(out, "\n"))
