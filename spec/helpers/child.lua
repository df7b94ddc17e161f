-- A child Neovim driven over RPC the way a user drives it: keys, commands, windows, messages.
--   local child = Child.new({ env = {...}, xdg = dir })
--   child:feed("<leader>oo"); child:wait_until(function() return #child:wins() == 2 end)
-- Each child gets its own XDG directories unless `xdg` names shared ones (to test persistence
-- across a restart), and loads the plugin from this checkout the way a plugin manager would.
local Child = {}
Child.__index = Child

local root = vim.env.OC_ROOT
-- The Neovim under test, started through its wrapper (v:progpath names the loader).
local nvim = vim.env.OC_NVIM or "nvim"

function Child.tempdir()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  return dir
end

--- opts: env (table), xdg (dir), args (extra argv), listen (bool: --listen instead of --embed),
--- plugin (false: do not put the checkout on the runtimepath), init (Lua run before plugins load).
function Child.new(opts)
  opts = opts or {}
  local self = setmetatable({}, Child)
  self.xdg = opts.xdg or Child.tempdir()
  local env = {
    XDG_CONFIG_HOME = self.xdg .. "/config",
    XDG_DATA_HOME = self.xdg .. "/data",
    XDG_STATE_HOME = self.xdg .. "/state",
    XDG_CACHE_HOME = self.xdg .. "/cache",
    XDG_RUNTIME_DIR = self.xdg .. "/run",
    OC_ROOT = root,
    TMUX = "",
  }
  for k, v in pairs(opts.env or {}) do
    env[k] = v
  end
  for _, d in ipairs({ "config", "data", "state", "cache", "run" }) do
    vim.fn.mkdir(self.xdg .. "/" .. d, "p")
  end
  local argv = { nvim, "--clean", "--headless", "--embed", "--cmd", "set shortmess+=I cmdheight=3 noswapfile" }
  if opts.plugin ~= false then
    vim.list_extend(argv, { "--cmd", "set runtimepath^=" .. vim.fn.fnameescape(root) })
  end
  if opts.init then
    vim.list_extend(argv, { "--cmd", "lua " .. opts.init })
  end
  vim.list_extend(argv, opts.args or {})
  self.chan = vim.fn.jobstart(argv, { rpc = true, env = env, cwd = opts.cwd or self.xdg })
  assert(self.chan > 0, "could not start child nvim: " .. nvim)
  self.pid = vim.fn.jobpid(self.chan)
  -- The first request returns once startup (plugins included) is done.
  self:lua("vim.g.mapleader = ' '")
  return self
end

function Child:request(method, ...)
  return vim.rpcrequest(self.chan, method, ...)
end

--- Runs Lua in the child and returns its result: child:lua("return vim.bo.filetype").
function Child:lua(code, ...)
  return self:request("nvim_exec_lua", code, { ... })
end

function Child:cmd(command)
  return self:request("nvim_command", command)
end

--- Types keys as a user would (`<leader>oo`, `ihello<Esc>`), through the typeahead.
function Child:feed(keys)
  return self:request("nvim_input", keys)
end

function Child:lines(buf)
  return self:request("nvim_buf_get_lines", buf or 0, 0, -1, false)
end

function Child:messages()
  return self:request("nvim_exec2", "messages", { output = true }).output
end

--- Windows of the current tab: { win, buf, name, width, height, filetype, floating }.
function Child:wins()
  return self:lua([[
    local out = {}
    for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
      local b = vim.api.nvim_win_get_buf(w)
      out[#out + 1] = {
        win = w, buf = b, name = vim.api.nvim_buf_get_name(b),
        width = vim.api.nvim_win_get_width(w), height = vim.api.nvim_win_get_height(w),
        filetype = vim.bo[b].filetype, floating = vim.api.nvim_win_get_config(w).relative ~= "",
      }
    end
    return out
  ]])
end

--- The mode and whether Neovim is blocked waiting for input (a prompt).
function Child:mode()
  return self:request("nvim_get_mode")
end

--- Polls `cond` (a function of the child) until it returns truthy; fails with `what` on timeout.
function Child:wait_until(cond, what, timeout)
  local last_err
  local ok = vim.wait(timeout or 5000, function()
    local okc, res = pcall(cond, self)
    if not okc then
      last_err = res
      return false
    end
    return res
  end, 10)
  if not ok then
    error(("timed out waiting for %s%s"):format(what or "condition", last_err and (": " .. tostring(last_err)) or ""), 2)
  end
end

function Child:stop()
  if self.chan then
    pcall(vim.rpcnotify, self.chan, "nvim_command", "qall!")
    local exited = vim.wait(2000, function()
      return vim.fn.jobwait({ self.chan }, 0)[1] ~= -1
    end, 10)
    if not exited then
      vim.fn.jobstop(self.chan)
    end
    self.chan = nil
  end
end

return Child
