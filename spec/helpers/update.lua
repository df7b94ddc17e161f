-- Shared by the update specs: a child Neovim pointed at the test server, recording every
-- OllamaUpdateDone, and readers for the progress view and the server's request log.
local Child = require("helpers.child")

local M = {}

M.UPDATER = "require('ollama-chat.update.updater')"

--- A child whose plugin talks to `server`; `setup` is merged over { host = server.url }.
function M.child(server, setup)
  local child = Child.new()
  child:lua("require('ollama-chat').setup(...)", vim.tbl_deep_extend("force", { host = server.url }, setup or {}))
  child:lua([[
    _G.__oc_update_done = {}
    vim.api.nvim_create_autocmd("User", { pattern = "OllamaUpdateDone", callback = function(a) table.insert(_G.__oc_update_done, a.data) end })
  ]])
  return child
end

--- Calls an entry point of the updater in the child: M.call(child, "update", { check_only = true }).
function M.call(child, fn, ...)
  return child:lua("return " .. M.UPDATER .. "." .. fn .. "(...)", ...)
end

--- Waits for the n-th OllamaUpdateDone and returns its payload.
function M.wait_done(child, n, timeout)
  n = n or 1
  child:wait_until(function(c) return c:lua("return #_G.__oc_update_done") >= n end, "OllamaUpdateDone #" .. n, timeout or 20000)
  return child:lua("return _G.__oc_update_done")[n]
end

function M.done_count(child)
  return child:lua("return #_G.__oc_update_done")
end

--- The progress view's lines ({} when it was never created).
function M.view_lines(child)
  return child:lua([[
    local buf = require("ollama-chat.update.view").buffer()
    return buf and vim.api.nvim_buf_get_lines(buf, 0, -1, false) or {}
  ]])
end

--- The window showing the view in the current tab, or nil: { win, floating, current }.
function M.view_win(child)
  local win = child:lua([[
    local buf = require("ollama-chat.update.view").buffer()
    for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
      if buf and vim.api.nvim_win_get_buf(w) == buf then
        return { win = w, floating = vim.api.nvim_win_get_config(w).relative ~= "", current = w == vim.api.nvim_get_current_win() }
      end
    end
    return nil
  ]])
  if win ~= vim.NIL then return win end
end

--- The view's line for `name` (the first line that names it), or nil.
function M.view_line(child, name)
  for _, line in ipairs(M.view_lines(child)) do
    if line:find(" " .. name .. " ", 1, true) or line:sub(-#name - 1) == " " .. name then return line end
  end
end

--- Waits until the view's line for `name` contains `text`.
function M.wait_line(child, name, text, timeout)
  child:wait_until(function(c)
    local line = M.view_line(c, name)
    return line ~= nil and line:find(text, 1, true) ~= nil
  end, ("view line of %s showing %q"):format(name, text), timeout or 10000)
  return M.view_line(child, name)
end

--- The JSON bodies of the /api/pull requests the server received, in order.
function M.pulls(server)
  local out = {}
  for _, entry in ipairs(server:log()) do
    if entry.path == "/api/pull" then out[#out + 1] = entry.json end
  end
  return out
end

--- Requests to the registry's manifest paths: { method, path, accept }.
function M.registry_requests(server)
  local out = {}
  for _, entry in ipairs(server:log()) do
    if entry.path:find("^/v2/") then
      local accept
      for k, v in pairs(entry.headers or {}) do
        if k:lower() == "accept" then accept = v end
      end
      out[#out + 1] = { method = entry.method, path = entry.path, accept = accept }
    end
  end
  return out
end

function M.sorted(list)
  local copy = vim.deepcopy(list or {})
  table.sort(copy)
  return copy
end

--- A port nothing listens on (bound, then released).
function M.closed_port()
  local tcp = vim.uv.new_tcp()
  tcp:bind("127.0.0.1", 0)
  local port = tcp:getsockname().port
  tcp:close()
  return port
end

return M
