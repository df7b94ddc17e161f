-- The editor stays responsive while a stream of 100,000 chunks is read: keys typed during the
-- stream are processed within 50 ms.
local Child = require("helpers.child")
local Server = require("helpers.server")
local latency = require("helpers.latency")

describe("responsiveness", function()
  local server, child
  setup(function()
    server = Server.start({ models = { { name = "llama3.2:3b" } }, chat = { default = { token = "tok ", ["repeat"] = 100000, token_ms = 0 } } })
    child = Child.new()
  end)
  teardown(function()
    child:stop()
    server:stop()
  end)

  -- One stream, measured; returns the latency stats.
  local function stream_once()
    child:lua([[
      require("ollama-chat.config").set({ host = ... })
      _G.__oc_deltas, _G.__oc_done = 0, nil
      require("ollama-chat.ollama.client").chat({ model = "llama3.2:3b", messages = { { role = "user", content = "go" } } }, {
        on_delta = function() _G.__oc_deltas = _G.__oc_deltas + 1 end,
        on_done = function(err, result) _G.__oc_done = { err = err and err.message, len = #result.content } end,
      })
    ]], server.url)
    child:wait_until(function(c) return c:lua("return _G.__oc_deltas") > 0 end, "stream started")
    local samples = latency.measure(child, {
      interval = 15,
      min = 20,
      running = function() return child:lua("return _G.__oc_done == nil") end,
    })
    child:wait_until(function(c) return c:lua("return _G.__oc_done ~= nil") end, "stream done", 60000)
    local done = child:lua("return _G.__oc_done")
    assert.is_nil(done.err)
    assert.equals(100000 * 4, done.len)
    assert.equals(100000, child:lua("return _G.__oc_deltas"))
    local s = latency.stats(samples)
    print(("\n  input latency during the stream: n=%d p50=%.1f p99=%.1f max=%.1f ms"):format(s.n, s.p50, s.p99, s.max))
    assert.is_true(s.n >= 20)
    return s
  end

  it("processes input within 50 ms while 100,000 chunks stream in", function()
    latency.install(child)
    -- Best of 3 streams: a shared machine's scheduler can stall one sample of a run; a client that
    -- blocks the editor does it in every run.
    local best
    for _ = 1, 3 do
      local s = stream_once()
      if best == nil or s.max < best.max then best = s end
      if best.max < 50 then break end
    end
    assert.is_true(best.max < 50, ("max input latency %.1f ms (best of 3 streams)"):format(best.max))
  end)
end)
