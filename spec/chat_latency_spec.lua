-- The chat benchmark's short variant (bench/chat.lua, docs/benchmarks.md): a reply streamed into
-- a chat of 5,000 lines with the markdown tree-sitter highlighter on, as users have it (Neovim
-- 0.12's ftplugin starts it; on 0.10 the FileType autocmd users write), while keys are typed.
-- Input latency is measured from outside, from the send until a second after the reply ended (the
-- chat parsed again at the end is measured too); each case fails above max 50 ms. The machine is shared
-- by many test runs: each case takes the best of three runs (one unlucky scheduling slice of a
-- loaded machine is not the renderer), measured as the benchmark does.
local Server = require("helpers.server")
local Stream = dofile(vim.env.OC_ROOT .. "/bench/chat_stream.lua")

local MAX_MS = 50

local RUNS = 3

local function best_of_runs(server, stream)
  local best
  for i = 1, RUNS do
    local r = Stream.run(server, { renderer = "plugin", highlight = true, stream = stream })
    print(("\n  %s, run %d: input latency n=%d p50=%.1f p99=%.1f max=%.1f ms (key %d); %d tokens"):format(stream.label, i, r.lat.n, r.lat.p50, r.lat.p99, r.lat.max, r.lat.max_at, r.tokens))
    if not best or r.lat.max < best.lat.max then best = r end
    if r.lat.max < MAX_MS then break end
  end
  return best
end

describe("chat streaming with the tree-sitter highlighter on", function()
  local server
  setup(function()
    server = Server.start()
  end)
  teardown(function()
    server:stop()
  end)

  local function check(stream, tokens)
    local r = best_of_runs(server, stream)
    assert.is_nil(r.err)
    -- The reply is visible as it streams: written in many batches, all of it.
    assert.is_true(r.writes >= 10, ("only %d buffer writes"):format(r.writes))
    assert.are.equal(tokens, math.floor(r.tokens + 0.5))
    -- The highlighter was on when the reply started, and the finished chat is highlighted: the
    -- heading appended after the reply has its tree-sitter capture (the parse held while the reply
    -- streamed was released).
    assert.is_true(r.highlight_at_start, "highlighter not on at the start")
    assert.is_true(r.highlighted, "finished chat not highlighted by tree-sitter")
    assert.is_true(r.lat.max < MAX_MS, ("max input latency %.1f ms (p99 %.1f), key %d of %d"):format(r.lat.max, r.lat.p99, r.lat.max_at, r.lat.n))
  end

  it("keeps input latency under 50 ms at 100 tokens/s", function()
    check(Stream.realistic(6), 600)
  end)

  it("keeps input latency under 50 ms in bursts of 97 lines", function()
    local s = Stream.burst(1000, 97, 250)
    check(s, 11 * 97 * 12)
  end)
end)
