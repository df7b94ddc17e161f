-- Replaces functions of the public API, require("ollama-chat"), in a child Neovim by spies, so a
-- spec can assert what a command or keymap called: spy.install(child, { "open", "ask" }), then
-- spy.calls(child) == { { name = "ask", args = { { prompt = "x" } } } } (a nil argument as "<nil>").
-- `_G.spy_returns[name]` in the child is what the spy of `name` returns.
local M = {}

local INSTALL = [[
  _G.calls, _G.spy_returns = {}, {}
  local api = require("ollama-chat")
  for _, name in ipairs(...) do
    api[name] = function(...)
      local args = {}
      for i = 1, select("#", ...) do
        local v = select(i, ...)
        args[i] = v == nil and "<nil>" or v
      end
      table.insert(_G.calls, { name = name, args = args })
      return _G.spy_returns[name]
    end
  end
]]

--- The Lua that installs the spies, run with the names as its argument (for a spec that must install
--- them inside the child at a precise moment).
M.INSTALL = INSTALL

function M.install(child, names)
  child:lua(INSTALL, names)
end

function M.calls(child)
  return child:lua("return _G.calls")
end

function M.reset(child)
  child:lua("_G.calls = {}")
end

return M
