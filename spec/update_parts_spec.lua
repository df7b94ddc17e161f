-- The pieces of :OllamaUpdate on their own: the queue's bound, how a pull stream is read, how an
-- outcome is decided, how a registry answer is judged, and what the view and summary say.
local new = require("ollama-chat.lualib_bundle").__TS__New
local Queue = require("ollama-chat.update.queue").Queue
local PullTracker = require("ollama-chat.update.progress").PullTracker
local decide = require("ollama-chat.update.outcome").decide
local compare = require("ollama-chat.update.check").compare
local format = require("ollama-chat.update.format")
local bytes = require("ollama-chat.format.bytes").bytes
local summary = require("ollama-chat.update.summary")
local newRow = require("ollama-chat.update.row").newRow

local function handle(log, item)
  return { cancel = function() log[#log + 1] = "cancel " .. item.name end }
end

describe("update queue", function()
  it("never runs more than its limit, in order, and reports idle once", function()
    local running, peak, started, idle = {}, 0, {}, 0
    local q
    q = new(Queue, 2, {
      start = function(item, done)
        started[#started + 1] = item.name
        running[item.name] = done
        local n = 0
        for _ in pairs(running) do n = n + 1 end
        peak = math.max(peak, n)
        return handle({}, item)
      end,
      on_idle = function() idle = idle + 1 end,
    })
    for i = 1, 5 do q:push({ name = "m" .. i }) end
    assert.same({ "m1", "m2" }, started)
    assert.equals(2, q:running())
    for _, name in ipairs({ "m2", "m1", "m3", "m4", "m5" }) do
      local done = running[name]
      running[name] = nil
      done()
      done() -- a second call is ignored
    end
    assert.same({ "m1", "m2", "m3", "m4", "m5" }, started)
    assert.equals(2, peak)
    assert.equals(1, idle)
    assert.equals(0, q:running())
  end)

  it("copes with jobs that finish inside start", function()
    local started, idle = 0, 0
    local q = new(Queue, 1, {
      start = function(item, done)
        started = started + 1
        done()
        return handle({}, item)
      end,
      on_idle = function() idle = idle + 1 end,
    })
    for i = 1, 100 do q:push({ name = "m" .. i }) end
    assert.equals(100, started)
    assert.equals(0, q:running())
    assert.is_true(idle >= 1)
  end)

  it("cancel drops what waits and cancels what runs; those still finish", function()
    local log, dones, idle = {}, {}, 0
    local q = new(Queue, 2, {
      start = function(item, done)
        dones[#dones + 1] = done
        return handle(log, item)
      end,
      on_idle = function() idle = idle + 1 end,
    })
    for i = 1, 4 do q:push({ name = "m" .. i }) end
    local dropped = q:cancel()
    assert.equals(2, #dropped)
    assert.same({ "m3", "m4" }, { dropped[1].name, dropped[2].name })
    table.sort(log)
    assert.same({ "cancel m1", "cancel m2" }, log)
    assert.equals(0, idle)
    dones[1]()
    dones[2]()
    assert.equals(1, idle)
    assert.equals(2, #dones, "nothing queued started after the cancel")
  end)
end)

describe("pull progress", function()
  local layer = "sha256:" .. string.rep("a", 64)
  local config = "sha256:" .. string.rep("b", 64)

  it("an up-to-date pull never downloads and shows no change", function()
    local t = new(PullTracker, 0)
    t:feed({ status = "pulling manifest" }, 1)
    t:feed({ status = "pulling aaaaaaaaaaaa", digest = layer, total = 1000, completed = 1000 }, 2)
    t:feed({ status = "verifying sha256 digest" }, 3)
    t:feed({ status = "writing manifest" }, 4)
    t:feed({ status = "success" }, 5)
    assert.equals("checking", t.phase)
    assert.is_false(t.changed)
    assert.equals(0, t.total)
  end)

  it("counts only downloaded layers, with completed absent while 0, and finishes them", function()
    local t = new(PullTracker, 0)
    t:feed({ status = "pulling manifest" }, 0)
    t:feed({ status = "pulling aaaaaaaaaaaa", digest = layer, total = 2000 }, 1e9)
    assert.equals("downloading", t.phase)
    assert.equals(2000, t.total)
    assert.equals(0, t.done)
    t:feed({ status = "pulling aaaaaaaaaaaa", digest = layer, total = 2000, completed = 500 }, 2e9)
    t:feed({ status = "pulling aaaaaaaaaaaa", digest = layer, total = 2000, completed = 1900 }, 3e9)
    assert.equals(1900, t.done)
    assert.near(950, t:speed(3e9), 1) -- 1900 bytes over the 2 s window
    -- the config blob already on disk: one complete line, not a download
    t:feed({ status = "pulling bbbbbbbbbbbb", digest = config, total = 500, completed = 500 }, 3e9)
    assert.equals(2000, t.total)
    -- the last layer line stayed below total; Ollama moved on
    t:feed({ status = "verifying sha256 digest" }, 4e9)
    assert.equals("finishing", t.phase)
    assert.equals(2000, t.done)
    assert.equals(1, t:fraction())
    assert.is_true(t.changed)
  end)

  it("takes any status string, and removing unused layers as a change", function()
    local t = new(PullTracker, 0)
    t:feed({ status = "something Ollama added later" }, 1)
    assert.equals("something Ollama added later", t.status)
    t:feed({ status = "removing any unused layers" }, 2) -- said on every pull before 0.3.7
    assert.is_false(t.changed)
    t:feed({ status = "removing unused layers" }, 3)
    assert.is_true(t.changed)
  end)
end)

describe("update outcome", function()
  local err = { kind = "server", message = "Ollama: pull model manifest: file does not exist" }
  it("is decided by the digest in /api/tags", function()
    assert.same({ state = "updated", installed = false }, decide({ before = "a", after = "b", streamChanged = false }))
    assert.same({ state = "current" }, decide({ before = "a", after = "a", streamChanged = true }))
    assert.same({ state = "updated", installed = true }, decide({ before = nil, after = "b", streamChanged = true }))
    assert.same({ state = "failed", error = err.message }, decide({ before = "a", error = err, after = nil, streamChanged = false }))
    assert.same({ state = "cancelled" }, decide({ before = "a", error = { kind = "cancelled", message = "x" }, streamChanged = true }))
    assert.equals("failed", decide({ before = "a", after = "", streamChanged = false }).state)
  end)
  it("says in words that a model is not in the registry", function()
    local failureText = require("ollama-chat.update.outcome").failureText
    assert.equals('no model "nosuch:latest" in the registry: check the name and tag (https://ollama.com/library lists them)', failureText("nosuch:latest", err.message, false))
    assert.equals('"mine:latest" is not in the registry (created locally?): nothing to pull', failureText("mine:latest", err.message, true))
    assert.equals("Ollama: max retries exceeded: unexpected EOF", failureText("a:1b", "Ollama: max retries exceeded: unexpected EOF", false))
  end)
  it("falls back on the stream's evidence when /api/tags cannot be read", function()
    assert.equals("updated", decide({ before = "a", after = nil, streamChanged = true }).state)
    assert.equals("current", decide({ before = "a", after = nil, streamChanged = false }).state)
  end)
end)

describe("registry comparison", function()
  local digest = string.rep("c", 64)
  it("judges every registry answer, never outdated when unknown", function()
    assert.same({ state = "current" }, compare(digest, nil, { found = true, digests = { string.upper(digest) } }))
    assert.same({ state = "current" }, compare(digest, nil, { found = true, digests = { string.rep("d", 64), digest } }))
    assert.same({ state = "available" }, compare(digest, nil, { found = true, digests = { string.rep("d", 64) } }))
    assert.same({ state = "not_in_registry" }, compare(digest, nil, { found = false, digests = {} }))
    local down = compare(digest, { kind = "unreachable", message = "registry x is unreachable" }, nil)
    assert.same({ state = "unknown", unreachable = true, error = "registry x is unreachable" }, down)
    local broken = compare(digest, { kind = "http", message = "registry x answered HTTP 500", status = 500 }, nil)
    assert.same({ state = "unknown", unreachable = false, error = "registry x answered HTTP 500" }, broken)
  end)
end)

describe("update view text", function()
  it("formats bytes, durations and bars", function()
    -- One byte formatter for the view and the model picker, rounding as the ollama CLI does.
    assert.equals("512 B", bytes(512))
    assert.equals("12 KB", bytes(12000))
    assert.equals("350 MB", bytes(350e6))
    assert.equals("2.0 GB", bytes(2019393189))
    assert.equals("39 GB", bytes(39969745349))
    assert.equals("2.1 s", format.duration(2.1e9))
    assert.equals("1 min 5 s", format.duration(65e9))
    assert.equals(string.rep("━", 10) .. string.rep("─", 10), format.bar(0.5))
  end)

  it("shows a line per model with its state, and progress while downloading", function()
    local row = newRow("llama3.2:3b", "abc")
    local t = new(PullTracker, 0)
    t:feed({ status = "pulling x", digest = "sha256:x", total = 2e9, completed = 0 }, 0)
    t:feed({ status = "pulling x", digest = "sha256:x", total = 2e9, completed = 1e9 }, 1e9)
    row.tracker, row.state = t, "downloading"
    local line = format.rowLine(row, 12, 1e9)
    assert.equals(" ● llama3.2:3b   downloading  " .. format.bar(0.5) .. "  50%  1.0 GB/2.0 GB  1.0 GB/s", line.text)
    row.state, row.detail = "failed", "Ollama: pull model manifest: file does not exist"
    assert.equals(" ✗ llama3.2:3b   failed       Ollama: pull model manifest: file does not exist", format.rowLine(row, 12, 0).text)
    row.state = "current"
    assert.equals(" ✓ llama3.2:3b   up to date", format.rowLine(row, 12, 0).text)
    for _, span in ipairs(format.rowLine(row, 12, 0).spans) do
      assert.is_true(span[1] >= 0 and span[2] <= #format.rowLine(row, 12, 0).text)
    end
  end)
end)

describe("update summary", function()
  local function rows(spec)
    local out = {}
    for _, r in ipairs(spec) do
      local row = newRow(r[1], "d")
      row.state, row.detail = r[2], r[3] or ""
      out[#out + 1] = row
    end
    return out
  end

  it("builds the OllamaUpdateDone payload", function()
    local r = rows({ { "a:latest", "updated" }, { "b:1b", "current" }, { "c:latest", "failed", "Ollama: boom" }, { "d:latest", "installed" }, { "e:latest", "cancelled" } })
    assert.same({ updated = { "a:latest", "d:latest" }, current = { "b:1b" }, failed = { { name = "c:latest", error = "Ollama: boom" } }, cancelled = true },
      summary.payload("update", r, true))
  end)

  it("a check adds available, and reports what it could not tell in failed", function()
    local r = rows({ { "a:latest", "available" }, { "b:latest", "current" }, { "c:latest", "not_in_registry" }, { "d:latest", "unreachable", "registry x is unreachable" } })
    local p = summary.payload("check", r, false)
    assert.same({ "a:latest" }, p.available)
    assert.same({ "b:latest" }, p.current)
    assert.same({}, p.updated)
    assert.equals(2, #p.failed)
    assert.equals("c:latest", p.failed[1].name)
    assert.matches("not in a registry", p.failed[1].error)
    assert.same({ name = "d:latest", error = "registry x is unreachable" }, p.failed[2])
  end)

  it("says it in one line that fits the command line", function()
    local spec = {}
    for i = 1, 14 do spec[i] = { ("some-long-model-name-%d:latest"):format(i), i <= 8 and "failed" or "current", "x" } end
    assert.equals("update done: 6 up to date, 8 failed", summary.message("update", rows(spec), false, 60))
    local msg = summary.message("update", rows(spec), false, 100)
    assert.equals("update done: 6 up to date, 8 failed. Failed: some-long-model-name-1:latest and 7 more", msg)
    assert.equals("update stopped: 6 up to date, 8 failed", summary.message("update", rows(spec), true, 60))
    assert.equals("check done: 1 outdated, 1 up to date. Outdated: a:latest",
      summary.message("check", rows({ { "a:latest", "available" }, { "b:latest", "current" } }), false, 80))
  end)
end)
