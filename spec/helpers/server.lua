-- The Ollama test server (.build/server/main.js, see server/README.md) for specs:
--   local Server = require("helpers.server")
--   local s = Server.start({ models = { { name = "llama3.2:3b" } } })
--   -- point the plugin at s.url, then read what it sent: s:log(), s:stats()
--   s:stop()
-- The server runs with --exit-on-stdin-close, so it dies with this Neovim even if a spec errors.
-- Control calls block (curl through vim.fn.system), which specs may do.
local Server = {}
Server.__index = Server

local root = vim.env.OC_ROOT
local START_TIMEOUT_MS = 10000

--- Starts a server, with `scenario` (a Lua table, encoded as JSON) when given.
function Server.start(scenario)
  local main = root .. "/.build/server/main.js"
  assert(vim.fn.filereadable(main) == 1, "test server not built: run node_modules/.bin/tsc -p tsconfig.server.json")
  local self = setmetatable({ stderr = {} }, Server)
  local partial = ""
  self.job = vim.fn.jobstart({ "node", main, "--exit-on-stdin-close" }, {
    -- data is a list of lines whose first item continues the previous call's last line.
    on_stdout = function(_, data)
      data[1] = partial .. data[1]
      partial = table.remove(data)
      for _, line in ipairs(data) do
        local port = line:match("^listening on http://127%.0%.0%.1:(%d+)$")
        if port and not self.port then
          self.port = tonumber(port)
          self.url = "http://127.0.0.1:" .. port
        end
      end
    end,
    on_stderr = function(_, data)
      vim.list_extend(self.stderr, data)
    end,
    on_exit = function(_, code)
      self.exit_code = code
    end,
  })
  assert(self.job > 0, "could not start node for the test server")
  local up = vim.wait(START_TIMEOUT_MS, function()
    return self.url ~= nil or self.exit_code ~= nil
  end, 10)
  if not self.url then
    self:stop()
    error(("test server did not start (%s): %s"):format(up and "exited" or "timed out", table.concat(self.stderr, "\n")), 2)
  end
  if scenario then
    self:scenario(scenario)
  end
  return self
end

--- A control call; errors with the server's answer on an HTTP error.
function Server:_control(method, path, body)
  local cmd = { "curl", "-sS", "--fail-with-body", "-X", method, self.url .. path }
  if body then
    vim.list_extend(cmd, { "--data-binary", "@-" })
  end
  local out = vim.fn.system(cmd, body)
  if vim.v.shell_error ~= 0 then
    error(("%s %s: %s"):format(method, path, out), 3)
  end
  return vim.json.decode(out, { luanil = { object = true, array = true } })
end

--- Replaces the scenario: models, pulls, registry and chat replies start afresh.
--- Empty tables encode as [], which the server accepts for maps too.
function Server:scenario(scenario)
  self:_control("PUT", "/__scenario", vim.json.encode(scenario))
end

--- The requests received so far, oldest first: { method, path, query, headers, body, json, time }
--- (json is nil when the body is not JSON).
function Server:log()
  return self:_control("GET", "/__log")
end

function Server:clear_log()
  self:_control("DELETE", "/__log")
end

--- { active_requests, max_concurrent_pulls, cancelled_streams, pulls_by_model = { [name] = n } }
function Server:stats()
  return self:_control("GET", "/__stats")
end

function Server:reset_stats()
  self:_control("DELETE", "/__stats")
end

--- Stops the server and waits for it to exit; safe to call twice.
function Server:stop()
  if self.job then
    vim.fn.jobstop(self.job)
    vim.fn.jobwait({ self.job }, 2000)
    self.job = nil
  end
end

return Server
