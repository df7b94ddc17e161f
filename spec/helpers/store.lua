-- Helpers for the store specs: an isolated data dir and config file per test, waiting on the
-- store's callbacks, files with chosen ages, and the notifications raised.
local assert = require("luassert")
local M = {}

M.DAY = 24 * 60 * 60

--- Points the plugin at fresh temp folders: returns { root, data_dir, chats, config_file }.
function M.isolate(extra)
  local root = vim.fn.tempname()
  vim.fn.mkdir(root, "p")
  local opts = { data_dir = root .. "/data", config_file = root .. "/config/ollama_config.lua" }
  for k, v in pairs(extra or {}) do
    opts[k] = v
  end
  require("ollama-chat.config").set(opts)
  return { root = root, data_dir = opts.data_dir, chats = opts.data_dir .. "/chats", config_file = opts.config_file }
end

--- Calls fn(..., cb) and waits for cb; returns what cb received.
function M.await(fn, ...)
  local args = { n = select("#", ...), ... }
  local got
  args[args.n + 1] = function(...)
    got = { n = select("#", ...), ... }
  end
  fn(unpack(args, 1, args.n + 1))
  assert(vim.wait(15000, function() return got ~= nil end, 5), "the callback never ran")
  return unpack(got, 1, got.n)
end

function M.write(path, text)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ":h"), "p")
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

function M.read(path)
  local f = io.open(path, "rb")
  if not f then
    return nil
  end
  local text = f:read("*a")
  f:close()
  return text
end

function M.exists(path)
  return vim.uv.fs_stat(path) ~= nil
end

--- Sets a file's modification time to `days` days ago.
function M.age(path, days)
  local t = os.time() - math.floor(days * M.DAY)
  assert(vim.uv.fs_utime(path, t, t))
end

--- The names in a folder, sorted.
function M.ls(dir)
  local out = {}
  local handle = vim.uv.fs_scandir(dir)
  while handle do
    local name = vim.uv.fs_scandir_next(handle)
    if not name then
      break
    end
    out[#out + 1] = name
  end
  table.sort(out)
  return out
end

--- Replaces vim.notify while the test runs; returns the list of { msg, level } raised.
function M.capture_notify()
  local seen = {}
  local saved = vim.notify
  vim.notify = function(msg, level)
    seen[#seen + 1] = { msg = msg, level = level }
  end
  return seen, function()
    vim.notify = saved
  end
end

--- Registers before_each/after_each: each test of the block gets isolated folders (`t.env`) and
--- the notifications it raises (`t.seen`). Returns `t`.
function M.each_isolated()
  -- busted puts before_each/after_each in the environment of the spec file, the caller.
  local spec = getfenv(2)
  local t = {}
  spec.before_each(function()
    t.env = M.isolate()
    t.seen, t.restore = M.capture_notify()
  end)
  spec.after_each(function()
    t.restore()
  end)
  return t
end

--- Puts files that are not saved chats where a careless delete would hit them: chat-like names
--- outside chats/ and in a subfolder, a dot file, other extensions, a folder and a link named like
--- chats. Each gets `days` of age. Returns a function asserting they are all still there.
function M.plant_foreign(env, days)
  local outside = env.root .. "/outside_m_20240101-000000.txt"
  local files = {
    outside,
    env.chats .. "/notes.txt",
    env.chats .. "/README",
    env.chats .. "/.hidden_m_20240101-000000.txt",
    env.chats .. "/x_m_20240101-000000.txt.bak",
    env.chats .. "/sub/inner_m_20240101-000000.txt",
    env.data_dir .. "/top_m_20240101-000000.txt",
    env.data_dir .. "/other.log",
  }
  local folder = env.chats .. "/folder_m_20240101-000000.txt"
  local link = env.chats .. "/link_m_20240101-000000.txt"
  for _, p in ipairs(files) do
    M.write(p, "keep")
    M.age(p, days or 0)
  end
  vim.fn.mkdir(folder, "p")
  M.age(folder, days or 0)
  assert(vim.uv.fs_symlink(outside, link))
  return function()
    for _, p in ipairs(files) do
      assert.equals("keep", M.read(p), p)
    end
    assert.equals("directory", vim.uv.fs_stat(folder).type)
    assert.equals("link", vim.uv.fs_lstat(link).type)
  end
end

function M.joined(seen)
  local parts = {}
  for _, n in ipairs(seen) do
    parts[#parts + 1] = n.msg
  end
  return table.concat(parts, "\n")
end

return M
