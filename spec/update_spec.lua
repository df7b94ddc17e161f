-- :OllamaUpdate driven through a child Neovim the way a user drives it: the models are pulled a
-- few at a time while the user keeps typing; the view, the summary, the event and the server's
-- request log say what happened.
local Server = require("helpers.server")
local U = require("helpers.update")
local latency = require("helpers.latency")

local HF = "hf.co/bartowski/Qwen3-GGUF:Q4_K_M"

-- One of every outcome: updated, up to date, unknown to the registry, failing midway.
local MIXED = {
  models = {
    { name = "llama3.2:3b" },
    { name = "qwen3:8b" },
    { name = "mine:latest" },
    { name = "gemma3:4b" },
    { name = "phi4:14b" },
    { name = HF },
  },
  pull = {
    ["llama3.2:3b"] = { behavior = "update", duration_ms = 1200 },
    ["qwen3:8b"] = { behavior = "up_to_date" },
    ["mine:latest"] = { behavior = "unknown" },
    ["gemma3:4b"] = { behavior = "fail_midway", duration_ms = 600 },
    ["phi4:14b"] = { behavior = "up_to_date" },
  },
}

--- `n` installed models whose pulls download for `ms` each.
local function slow(n, ms)
  local s = { models = {}, pull = {} }
  for i = 1, n do
    local name = ("slow%d:7b"):format(i)
    s.models[i] = { name = name }
    s.pull[name] = { behavior = "update", duration_ms = ms }
  end
  return s
end

describe(":OllamaUpdate", function()
  local server, child

  setup(function()
    server = Server.start()
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:clear_log()
    server:reset_stats()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  local function start(scenario, setup)
    server:scenario(scenario)
    server:clear_log()
    server:reset_stats()
    child = U.child(server, setup)
    return child
  end

  it("pulls every local model once by its full name, 2 at a time, and reports each outcome", function()
    start(MIXED)
    U.call(child, "update", {})
    local done = U.wait_done(child)

    assert.same({ "llama3.2:3b" }, done.updated)
    assert.same(U.sorted({ "qwen3:8b", "phi4:14b", HF }), U.sorted(done.current))
    assert.is_false(done.cancelled)
    local failed = {}
    for _, f in ipairs(done.failed) do failed[f.name] = f.error end
    assert.same(U.sorted({ "mine:latest", "gemma3:4b" }), U.sorted(vim.tbl_keys(failed)))
    assert.equals('"mine:latest" is not in the registry (created locally?): nothing to pull', failed["mine:latest"])
    assert.matches("max retries exceeded", failed["gemma3:4b"], 1, true)

    -- the request log: each model pulled once, with its full name and tag, streaming
    local names = {}
    for _, body in ipairs(U.pulls(server)) do
      assert.is_true(body.stream)
      names[#names + 1] = body.model
    end
    assert.same(U.sorted({ "llama3.2:3b", "qwen3:8b", "mine:latest", "gemma3:4b", "phi4:14b", HF }), U.sorted(names))
    assert.equals(2, server:stats().max_concurrent_pulls)

    -- the view: one line per model with its state, and a header with the tally
    local lines = U.view_lines(child)
    assert.matches("^ Done in [%d.]+ s: 1 updated, 3 up to date, 2 failed$", lines[1])
    assert.equals(8, #lines)
    assert.matches("^ ✓ llama3%.2:3b +updated +[%d.]+ GB in [%d.]+ s$", U.view_line(child, "llama3.2:3b"))
    assert.matches("^ ✓ qwen3:8b +up to date$", U.view_line(child, "qwen3:8b"))
    assert.matches('^ ✗ mine:latest +failed +"mine:latest" is not in the registry %(created locally%?%): nothing to pull$', U.view_line(child, "mine:latest"))
    assert.matches("failed +Ollama: max retries exceeded", U.view_line(child, "gemma3:4b"))

    -- one summary line, and the cursor in the view, where its keys work
    assert.matches("ollama%-chat: update done: 1 updated, 3 up to date, 2 failed", child:messages())
    assert.is_true(U.view_win(child).current)
    assert.is_false(U.call(child, "isRunning"))
  end)

  it("never pulls more at once than update.concurrency", function()
    start(slow(6, 600), { update = { concurrency = 3 } })
    U.call(child, "update", {})
    local done = U.wait_done(child)
    assert.equals(6, #done.updated)
    assert.equals(3, server:stats().max_concurrent_pulls)

    start(slow(3, 300), { update = { concurrency = 1 } })
    U.call(child, "update", {})
    assert.equals(3, #U.wait_done(child).updated)
    assert.equals(1, server:stats().max_concurrent_pulls)
  end)

  it("shows live progress while the user keeps typing in their own buffer", function()
    start(slow(4, 2000))
    child:cmd("edit notes.txt")
    latency.install(child)
    U.call(child, "update", {})
    -- a downloading line: bar, percent, bytes done/total and speed
    local line = U.wait_line(child, "slow1:7b", "/s")
    assert.matches("downloading +[━─]+ +%d+%%  [%d.]+ [KMG]?B/[%d.]+ [KMG]B  [%d.]+ [KMG]?B/s$", line)
    assert.matches("queued", U.view_line(child, "slow3:7b"))
    assert.matches("^ 0/4 done · 2 running · 2 queued$", U.view_lines(child)[1])
    local win = U.view_win(child)
    assert.is_true(win.floating)
    assert.is_true(win.current, "the view takes the cursor, so the keys it shows work")

    -- back to the user's buffer: the view stays, the update goes on
    child:feed("<C-w>p")
    assert.equals("notes.txt", child:lua("return vim.fn.expand('%:t')"))
    child:feed("ihello world<Esc>")
    child:feed("otyped during the update<Esc>")
    local samples = latency.measure(child, { interval = 15, min = 30, max = 60, running = function() return U.call(child, "isRunning") end })
    child:wait_until(function(c) return c:lua("return vim.api.nvim_buf_get_lines(0, 0, -1, false)")[2] == "typed during the update" end, "typing landed")
    assert.same({ "hello world", "typed during the update" }, child:lines())
    assert.equals("notes.txt", child:lua("return vim.fn.expand('%:t')"))
    assert.is_true(U.call(child, "isRunning"), "the typing happened during the update")

    local s = latency.stats(samples)
    print(("\n  input latency during the update: n=%d p50=%.1f p99=%.1f max=%.1f ms"):format(s.n, s.p50, s.p99, s.max))
    assert.is_true(s.max < 50, ("max input latency %.1f ms"):format(s.max))

    assert.equals(4, #U.wait_done(child).updated)
    assert.same({ "hello world", "typed during the update" }, child:lines())
  end)

  it("keeps going when the view is closed, and a second :OllamaUpdate shows it again", function()
    start(slow(3, 1200))
    U.call(child, "update", {})
    U.wait_line(child, "slow1:7b", "downloading")

    -- the user goes into the view and closes it: the update goes on
    assert.is_true(U.call(child, "reopen"))
    assert.is_true(U.view_win(child).current)
    child:feed("q")
    child:wait_until(function(c) return U.view_win(c) == nil end, "view closed")
    assert.is_true(U.call(child, "isRunning"))

    -- asking again while it runs reopens the view instead of starting a second run
    U.call(child, "update", {})
    local win = U.view_win(child)
    assert.is_not_nil(win)
    assert.is_true(win.current)
    assert.matches("an update is already running", child:messages())

    local done = U.wait_done(child)
    assert.equals(3, #done.updated)
    assert.equals(3, #U.pulls(server), "each model pulled once: no second run")
    assert.equals(1, U.done_count(child))
  end)

  it("the view's q and x work the moment it appears, from the keys, with nothing typed into the user's buffer", function()
    start(slow(2, 4000))
    child:cmd("edit notes.txt")
    child:feed("ione<Esc>")
    child:cmd("OllamaUpdate")
    child:wait_until(function(c) return U.view_win(c) ~= nil end, "view open")
    assert.is_true(U.view_win(child).current)
    child:feed("q")
    child:wait_until(function(c) return U.view_win(c) == nil end, "q closed the view")
    assert.equals("notes.txt", child:lua("return vim.fn.expand('%:t')"))
    assert.equals("", child:lua("return vim.fn.reg_recording()"), "q did not start recording a macro")
    assert.is_true(U.call(child, "isRunning"), "closing the view leaves the update going")

    child:cmd("OllamaUpdate")
    assert.is_true(U.view_win(child).current)
    child:feed("x")
    local done = U.wait_done(child)
    assert.is_true(done.cancelled)
    child:feed("q")
    child:wait_until(function(c) return U.view_win(c) == nil end, "q closed the view")
    assert.same({ "one" }, child:lines())
    assert.equals("", child:lua("return vim.fn.getreg('\"')"), "x deleted nothing into the unnamed register")
  end)

  it("x in the view cancels the running and queued pulls; they are reported as cancelled", function()
    start(slow(4, 4000))
    U.call(child, "update", {})
    U.wait_line(child, "slow1:7b", "%")
    U.wait_line(child, "slow2:7b", "%")
    U.call(child, "reopen")
    child:feed("x")
    local done = U.wait_done(child)
    assert.is_true(done.cancelled)
    assert.same({}, done.updated)
    assert.same({}, done.failed)
    for i = 1, 4 do
      assert.matches("cancelled", U.view_line(child, ("slow%d:7b"):format(i)))
    end
    assert.matches("^ Stopped in [%d.]+ s: 4 cancelled$", U.view_lines(child)[1])
    assert.equals(2, #U.pulls(server), "the queued ones never started")
    child:wait_until(function() return server:stats().cancelled_streams >= 2 end, "both downloads closed")
    assert.matches("update stopped: 4 cancelled", child:messages())
    assert.is_false(U.call(child, "stop"), "nothing left to stop")
  end)

  it("stop() cancels from outside the view, and a finished pull keeps its outcome", function()
    local s = slow(3, 4000)
    s.models[4] = { name = "quick:1b" }
    start(s, { update = { concurrency = 2 } })
    U.call(child, "update", { models = { "quick:1b", "slow1:7b", "slow2:7b" } })
    U.wait_line(child, "quick:1b", "up to date")
    U.wait_line(child, "slow1:7b", "%")
    assert.is_true(U.call(child, "stop"))
    local done = U.wait_done(child)
    assert.is_true(done.cancelled)
    assert.same({ "quick:1b" }, done.current)
    assert.matches("cancelled", U.view_line(child, "slow1:7b"))
    assert.matches("cancelled", U.view_line(child, "slow2:7b"))
    assert.is_nil(U.view_line(child, "slow3:7b"), "only the models asked for")
  end)

  it("updates only the models named, and says which named ones are not installed", function()
    start(MIXED)
    U.call(child, "update", { models = { "llama3.2:3b", "qwen3:8b", "nothere:1b" } })
    local done = U.wait_done(child)
    assert.same({ "llama3.2:3b" }, done.updated)
    assert.same({ "qwen3:8b" }, done.current)
    assert.equals(1, #done.failed)
    assert.equals("nothere:1b", done.failed[1].name)
    assert.matches("not installed: pull it with `:Ollama pull nothere:1b`", done.failed[1].error, 1, true)
    local names = {}
    for _, body in ipairs(U.pulls(server)) do names[#names + 1] = body.model end
    assert.same({ "llama3.2:3b", "qwen3:8b" }, U.sorted(names))
  end)

  it("pull downloads a new model with the same view", function()
    start({ models = { { name = "llama3.2:3b" } }, pull = { ["mistral:7b"] = { behavior = "new", duration_ms = 600 } } })
    U.call(child, "localModels") -- fills the completion list in the background
    U.call(child, "pull", "mistral:7b")
    U.wait_line(child, "mistral:7b", "downloading")
    local done = U.wait_done(child)
    assert.same({ "mistral:7b" }, done.updated)
    local line = U.view_line(child, "mistral:7b")
    assert.matches("^ ✓ mistral:7b +installed +[%d.]+ GB in [%d.]+ s$", line)
    assert.matches("pull done: 1 installed", child:messages(), 1, true)
    -- the model's own time stays once the run is over (the final summary does not rewrite it)
    vim.wait(1200)
    assert.equals(line, U.view_line(child, "mistral:7b"))
    assert.same({ { model = "mistral:7b", stream = true } }, U.pulls(server))
    child:wait_until(function(c) return vim.tbl_contains(U.call(c, "localModels"), "mistral:7b") end, "completion knows the new model")

    U.call(child, "pull", "nosuch")
    local failed = U.wait_done(child, 2)
    assert.equals("nosuch:latest", failed.failed[1].name)
    assert.equals('no model "nosuch:latest" in the registry: check the name and tag (https://ollama.com/library lists them)', failed.failed[1].error)
    assert.matches('no model "nosuch:latest" in the registry', U.view_line(child, "nosuch:latest"), 1, true)
    assert.matches("pull done: 1 failed", child:messages(), 1, true)
  end)

  it("Ollama not running: one clear message, no view left", function()
    server:scenario(MIXED)
    child = U.child(server, { host = "http://127.0.0.1:" .. U.closed_port() })
    U.call(child, "update", {})
    local done = U.wait_done(child)
    assert.matches("Ollama is not running at http://127%.0%.0%.1:%d+: start it with `ollama serve`", done.error)
    assert.same({}, done.updated)
    local msgs = child:messages()
    local _, count = msgs:gsub("Ollama is not running", "")
    assert.equals(1, count)
    assert.is_nil(U.view_win(child))
    assert.equals(1, #child:wins())
    assert.is_false(U.call(child, "isRunning"))
  end)

  it("no local models: a clear message", function()
    start({ models = {} })
    U.call(child, "update", {})
    local done = U.wait_done(child)
    assert.same({ updated = {}, current = {}, failed = {}, cancelled = false }, done)
    assert.matches("no local models to update: pull one with `:Ollama pull", child:messages(), 1, true)
    assert.is_nil(U.view_win(child))
  end)

  it("two Neovims updating at once both finish, and the server ends with the new version", function()
    start(slow(3, 900))
    local other = U.child(server)
    U.call(child, "update", {})
    U.call(other, "update", {})
    local a, b = U.wait_done(child), U.wait_done(other)
    other:stop()
    assert.same({}, a.failed)
    assert.same({}, b.failed)
    assert.equals(3, #a.updated + #a.current)
    assert.equals(3, #b.updated + #b.current)
    -- pulling again finds nothing new: both ended on the same version
    server:clear_log()
    U.call(child, "update", {})
    local again = U.wait_done(child, 2)
    assert.equals(3, #again.current)
  end)
end)
