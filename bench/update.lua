-- Benchmark of :OllamaUpdate against the test server (run by bench/update.sh):
-- 14 installed models, 4 of them with a new version that takes UPDATE_MS to download, the rest up
-- to date. Each round runs, in the same child Neovim and against the same scenario:
--   1. the plugin's update (:OllamaUpdate), while keys are sent from outside and timed until the child ran them;
--   2. a synchronous reference, as the first version worked: /api/tags, then one blocking
--      `curl` per model (vim.fn.system), one after another, and /api/tags again; keys are sent
--      the same way meanwhile, and wait for the whole run.
-- Benchmark code may block; the plugin may not.
local root = vim.env.OC_ROOT
package.path = table.concat({ root .. "/spec/?.lua", package.path }, ";")

local Child = require("helpers.child")
local Server = require("helpers.server")
local latency = require("helpers.latency")

local ROUNDS = tonumber(vim.env.OC_BENCH_ROUNDS or "3")
local MODELS = 14
local OUTDATED = 4
local UPDATE_MS = 2000
local KEY_INTERVAL_MS = 10

local function scenario()
  local s = { models = {}, pull = {} }
  for i = 1, MODELS do
    local name = ("model%02d:%s"):format(i, i % 2 == 0 and "7b" or "latest")
    s.models[i] = { name = name }
    s.pull[name] = i <= OUTDATED and { behavior = "update", duration_ms = UPDATE_MS } or { behavior = "up_to_date" }
  end
  return s
end

-- The reference: what the first version did, one blocking HTTP call after another.
local SYNC_REFERENCE = [[
  local host = ...
  local function get_tags()
    local out = vim.fn.system({ "curl", "-sS", host .. "/api/tags" })
    return vim.json.decode(out).models
  end
  local t0 = vim.uv.hrtime()
  local before = {}
  local models = get_tags()
  for _, m in ipairs(models) do before[m.name] = m.digest end
  for _, m in ipairs(models) do
    vim.fn.system({ "curl", "-sS", "-X", "POST", host .. "/api/pull", "--data-binary", "@-" },
      vim.json.encode({ model = m.name, stream = true }))
  end
  local updated = 0
  for _, m in ipairs(get_tags()) do
    if before[m.name] ~= m.digest then updated = updated + 1 end
  end
  _G.__oc_bench = { wall_ms = (vim.uv.hrtime() - t0) / 1e6, updated = updated }
  -- Tell the benchmark (the parent, over this RPC channel) that the editor is free again.
  vim.rpcnotify(1, "nvim_set_var", "oc_bench_sync_done", true)
]]

local PLUGIN_UPDATE = [[
  _G.__oc_bench = nil
  local t0 = vim.uv.hrtime()
  vim.api.nvim_create_autocmd("User", { pattern = "OllamaUpdateDone", once = true, callback = function(a)
    _G.__oc_bench = { wall_ms = (vim.uv.hrtime() - t0) / 1e6, updated = #a.data.updated, failed = #a.data.failed }
  end })
  vim.cmd("OllamaUpdate")
]]

--- Sends a key every KEY_INTERVAL_MS (as notifications: they queue up even while the child is
--- blocked) until `running()` is false; returns the latencies in ms. The child's key log must
--- have been emptied before the work started (a request now would wait behind blocking work).
local function keys_while(child, running)
  local sent = {}
  repeat
    sent[#sent + 1] = vim.uv.hrtime()
    vim.rpcnotify(child.chan, "nvim_input", "<F12>")
    vim.wait(KEY_INTERVAL_MS)
  until not running()
  child:wait_until(function(c) return c:lua("return #_G.__oc_key_times") >= #sent end, "all keys processed", 120000)
  local got = child:lua("return _G.__oc_key_times")
  local out = {}
  for i, t in ipairs(sent) do out[i] = (got[i] - t) / 1e6 end
  return out
end

local function plugin_round(server, child)
  server:scenario(scenario())
  server:reset_stats()
  child:lua("_G.__oc_key_times = {}")
  child:lua(PLUGIN_UPDATE)
  local samples = keys_while(child, function() return child:lua("return _G.__oc_bench == nil") end)
  local result = child:lua("return _G.__oc_bench")
  assert(result.updated == OUTDATED and result.failed == 0, "plugin update: " .. vim.inspect(result))
  local stats = server:stats()
  child:lua("require('ollama-chat.update.view').hide()")
  return { wall_ms = result.wall_ms, lat = latency.stats(samples), max_pulls = stats.max_concurrent_pulls }
end

local function sync_round(server, child)
  server:scenario(scenario())
  vim.g.oc_bench_sync_done = nil
  child:lua("_G.__oc_bench = nil; _G.__oc_key_times = {}")
  vim.rpcnotify(child.chan, "nvim_exec_lua", SYNC_REFERENCE, { server.url })
  local samples = keys_while(child, function() return vim.g.oc_bench_sync_done == nil end)
  local result = child:lua("return _G.__oc_bench")
  assert(result.updated == OUTDATED, "sync reference: " .. vim.inspect(result))
  return { wall_ms = result.wall_ms, lat = latency.stats(samples) }
end

local function median(list, key)
  local values = {}
  for _, r in ipairs(list) do values[#values + 1] = key(r) end
  table.sort(values)
  return values[math.ceil(#values / 2)]
end

local server = Server.start()
local child = Child.new()
child:lua("require('ollama-chat').setup({ host = ... })", server.url)
latency.install(child)

local function loadavg()
  local f = io.open("/proc/loadavg")
  local text = f and f:read("*l") or "?"
  if f then f:close() end
  return text:match("^(%S+)") or text
end

local version = child:lua("return tostring(vim.version())")
local cores = #vim.uv.cpu_info()
io.stdout:write(("ollama-chat update benchmark: %d models, %d outdated (%d ms each), update.concurrency 2, Neovim %s, %d cores, load average %s, %d rounds\n\n")
  :format(MODELS, OUTDATED, UPDATE_MS, version, cores, loadavg(), ROUNDS))

local rows = {}
for round = 1, ROUNDS do
  local async = plugin_round(server, child)
  local sync = sync_round(server, child)
  rows[round] = { async = async, sync = sync }
  io.stdout:write(("round %d: plugin %.0f ms (keys n=%d p50=%.1f p99=%.1f max=%.1f ms, %d pulls at once)  |  sync reference %.0f ms (keys n=%d p50=%.0f p99=%.0f max=%.0f ms)  |  %.2fx faster\n")
    :format(round, async.wall_ms, async.lat.n, async.lat.p50, async.lat.p99, async.lat.max, async.max_pulls,
      sync.wall_ms, sync.lat.n, sync.lat.p50, sync.lat.p99, sync.lat.max, sync.wall_ms / async.wall_ms))
end
child:stop()
server:stop()

local function fmt(v) return ("%.1f"):format(v) end
io.stdout:write("\n| round | `:OllamaUpdate` wall | sync reference wall | speed-up | input latency during `:OllamaUpdate` p50 / p99 / max | input latency during the sync reference p50 / p99 / max |\n")
io.stdout:write("| --- | --- | --- | --- | --- | --- |\n")
for i, r in ipairs(rows) do
  io.stdout:write(("| %d | %.2f s | %.2f s | %.2fx | %s / %s / %s ms | %.0f / %.0f / %.0f ms |\n"):format(i, r.async.wall_ms / 1000, r.sync.wall_ms / 1000,
    r.sync.wall_ms / r.async.wall_ms, fmt(r.async.lat.p50), fmt(r.async.lat.p99), fmt(r.async.lat.max), r.sync.lat.p50, r.sync.lat.p99, r.sync.lat.max))
end
local worst_p99, worst_max = 0, 0
for _, r in ipairs(rows) do
  worst_max = math.max(worst_max, r.async.lat.max)
  worst_p99 = math.max(worst_p99, r.async.lat.p99)
end
io.stdout:write(("\nmedian: `:OllamaUpdate` %.2f s, sync reference %.2f s, speed-up %.2fx; input latency during `:OllamaUpdate`: worst p99 %.1f ms (goal < 10), worst max %.1f ms (goal < 50)\n")
  :format(median(rows, function(r) return r.async.wall_ms end) / 1000, median(rows, function(r) return r.sync.wall_ms end) / 1000,
    median(rows, function(r) return r.sync.wall_ms / r.async.wall_ms end), worst_p99, worst_max))
local ok = worst_p99 < 10 and worst_max < 50
io.stdout:write(ok and "goals met\n" or "GOALS NOT MET\n")
os.exit(ok and 0 or 1)
