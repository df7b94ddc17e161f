-- Input latency of a child Neovim, measured from outside as a user feels it: a key is sent with
-- nvim_input (queued at once, like typing) and the child's mapping stamps when the main loop
-- actually ran it. Both sides read CLOCK_MONOTONIC (vim.uv.hrtime), shared across processes.
local M = {}

function M.install(child)
  child:lua([[
    _G.__oc_key_times = {}
    vim.keymap.set({ "n", "i", "t" }, "<F12>", function()
      local t = _G.__oc_key_times
      t[#t + 1] = vim.uv.hrtime()
    end)
  ]])
end

--- Sends <F12> every `interval` ms while `running()` holds (at most `max` keys, at least `min`).
--- Returns latencies in ms.
function M.measure(child, opts)
  local interval, max, min = opts.interval or 20, opts.max or 500, opts.min or 1
  child:lua("_G.__oc_key_times = {}")
  local sent = {}
  while #sent < max and (#sent < min or opts.running()) do
    sent[#sent + 1] = vim.uv.hrtime()
    child:feed("<F12>")
    vim.wait(interval)
  end
  child:wait_until(function(c) return c:lua("return #_G.__oc_key_times") >= #sent end, "all keys processed", 60000)
  local got = child:lua("return _G.__oc_key_times")
  local out = {}
  for i, t in ipairs(sent) do
    out[i] = (got[i] - t) / 1e6
  end
  return out
end

function M.stats(samples)
  local sorted = vim.deepcopy(samples)
  table.sort(sorted)
  local function pct(p)
    return sorted[math.max(1, math.ceil(#sorted * p))]
  end
  local sum = 0
  for _, v in ipairs(sorted) do sum = sum + v end
  return { n = #sorted, p50 = pct(0.5), p99 = pct(0.99), max = sorted[#sorted], mean = sum / #sorted }
end

return M
