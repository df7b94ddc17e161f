-- Waits (specs may block; plugin code may not) for a callback-style call to report.
local M = {}

--- await(function(done) client.tags(done) end) -> the arguments `done` received.
function M.await(start, timeout, what)
  local got
  start(function(...)
    got = { n = select("#", ...), ... }
  end)
  assert(vim.wait(timeout or 10000, function() return got ~= nil end, 2), "no callback: " .. (what or "call"))
  return unpack(got, 1, got.n)
end

--- Runs client.chat and collects deltas; returns err, result, deltas.
function M.chat(client, req, timeout)
  local deltas = {}
  local err, result = M.await(function(done)
    client.chat(req, { on_delta = function(d) deltas[#deltas + 1] = d end, on_done = done })
  end, timeout, "chat")
  return err, result, deltas
end

return M
