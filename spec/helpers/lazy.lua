-- What lazy.nvim does to one plugin spec, emulated inside a child Neovim (lazy.nvim cannot be
-- installed here). Every step names the function of lazy.nvim's source it reproduces (read at
-- folke/lazy.nvim 306a055, lua/lazy/...); docs/lazy.md lists them. Loaded in the child with
--   child:lua("_G.Lazy = dofile(...)", root .. "/spec/helpers/lazy.lua"); Lazy.setup(spec, dir)
-- then driven with Lazy.load(reason), Lazy.reload(), or by the triggers it made (keys, commands).
-- `Lazy.after_config` (a test hook, not lazy's) runs where lazy's loading ends: after config(),
-- before a key trigger replays its keys.
local M = { plugin = nil, init_done = true }

local uv = vim.uv or vim.loop

-- core/util.lua normname: the name compared with a plugin's top-level modules.
local function normname(name)
  return (name:lower():gsub("^n?vim%-", ""):gsub("%.n?vim$", ""):gsub("[%.%-]lua", ""):gsub("[^a-z]+", ""))
end

-- core/util.lua ls: fn(path, name, type) for each entry of `dir`.
local function ls(dir, fn)
  local handle = uv.fs_scandir(dir)
  while handle do
    local name, t = uv.fs_scandir_next(handle)
    if not name then break end
    local path = dir .. "/" .. name
    fn(path, name, t or uv.fs_stat(path).type)
  end
end

-- core/util.lua walk: every file below `dir`, depth first.
local function walk(dir, fn)
  ls(dir, function(path, name, t)
    if t == "directory" then walk(path, fn) else fn(path, name, t) end
  end)
end

-- core/util.lua walkmods: the module names of the Lua files below `root` (init.lua names its folder).
local function walkmods(root, fn, modname)
  modname = modname and (modname:gsub("%.$", "") .. ".") or ""
  ls(root, function(path, name, t)
    if name == "init.lua" then
      fn((modname:gsub("%.$", "")), path)
    elseif (t == "file" or t == "link") and name:sub(-4) == ".lua" then
      fn(modname .. name:sub(1, -5), path)
    elseif t == "directory" then
      walkmods(path, fn, modname .. name .. ".")
    end
  end)
end

-- core/handler/keys.lua parse/resolve: one entry per mode it lists ("n" when it lists none).
local function resolve_keys(spec)
  local out = {}
  for _, value in ipairs(spec or {}) do
    value = type(value) == "string" and { value } or value
    local modes = value.mode or "n"
    modes = type(modes) == "table" and modes or { modes }
    for _, mode in ipairs(modes) do
      local k = vim.deepcopy(value)
      k.lhs, k.rhs, k[1], k[2], k.mode = k[1] or "", k[2], nil, nil, mode
      k.id = vim.api.nvim_replace_termcodes(k.lhs, true, true, true) .. (mode ~= "n" and (" (" .. mode .. ")") or "")
      out[k.id] = k
    end
  end
  return out
end

-- core/handler/keys.lua _set: the real mapping, when the entry has a rhs.
local function set_real(k)
  if k.rhs then
    vim.keymap.set(k.mode, k.lhs, k.rhs, { desc = k.desc })
  end
end

-- core/handler/keys.lua _del: the trigger goes (and the entry's own mapping comes, if any).
local function del_key(k)
  pcall(vim.keymap.del, k.mode, k.lhs)
  set_real(k)
end

local active = { keys = {}, cmd = {} }

-- core/handler/keys.lua _add: an expr mapping in the entry's mode that deletes itself, loads the
-- plugin and feeds the keys again (inserted at the start of the typeahead, remapped).
local function add_key(k)
  active.keys[k.id] = k
  vim.keymap.set(k.mode, k.lhs, function()
    local was_active = active.keys[k.id]
    del_key(k)
    active.keys[k.id] = nil
    if was_active then
      M.load({ keys = k.lhs })
    end
    local lhs = k.lhs
    if k.mode:sub(-1) == "a" then lhs = lhs .. "<C-]>" end
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<Ignore>" .. lhs, true, true, true), "i", false)
  end, { desc = k.desc, nowait = k.nowait, expr = true })
end

-- core/handler/cmd.lua _load.
local function load_for_cmd(cmd)
  vim.api.nvim_del_user_command(cmd)
  M.load({ cmd = cmd })
end

-- core/handler/cmd.lua _add: a command of that name taking anything, which deletes itself, loads
-- the plugin and runs the plugin's command with the same bang, mods, count, range and arguments;
-- completing it loads the plugin and completes the whole line again.
local function add_cmd(cmd)
  active.cmd[cmd] = true
  vim.api.nvim_create_user_command(cmd, function(event)
    local command = {
      cmd = cmd,
      bang = event.bang or nil,
      mods = event.smods,
      args = event.fargs,
      count = event.count >= 0 and event.range == 0 and event.count or nil,
    }
    if event.range == 1 then
      command.range = { event.line1 }
    elseif event.range == 2 then
      command.range = { event.line1, event.line2 }
    end
    load_for_cmd(cmd)
    local info = vim.api.nvim_get_commands({})[cmd] or vim.api.nvim_buf_get_commands(0, {})[cmd]
    if not info then
      vim.schedule(function()
        vim.notify("Command `" .. cmd .. "` not found after loading " .. M.plugin.name, vim.log.levels.ERROR)
      end)
      return
    end
    command.nargs = info.nargs
    if event.args and event.args ~= "" and info.nargs and info.nargs:find("[1?]") then
      command.args = { event.args }
    end
    vim.cmd(command)
  end, {
    bang = true,
    range = true,
    nargs = "*",
    complete = function(_, line)
      load_for_cmd(cmd)
      return vim.fn.getcompletion(line, "cmdline")
    end,
  })
end

-- core/handler/init.lua enable/disable (keys and cmd, the handlers the README's spec uses).
local function enable()
  if M.plugin.loaded then return end
  for _, k in pairs(resolve_keys(M.plugin.spec.keys)) do
    if not active.keys[k.id] then add_key(k) end
  end
  for _, cmd in ipairs(M.plugin.spec.cmd or {}) do
    if not active.cmd[cmd] then add_cmd(cmd) end
  end
end

local function disable()
  for id, k in pairs(active.keys) do
    del_key(k)
    active.keys[id] = nil
  end
  for cmd in pairs(active.cmd) do
    pcall(vim.api.nvim_del_user_command, cmd)
    active.cmd[cmd] = nil
  end
end

-- core/loader.lua add_to_rtp: the plugin's folder goes before the first "after" folder.
local function add_to_rtp()
  local rtp = vim.api.nvim_get_runtime_file("", true)
  local idx
  for i, path in ipairs(rtp) do
    if path:sub(-6) == "/after" then
      idx = i
      break
    end
  end
  table.insert(rtp, idx or (#rtp + 1), M.plugin.dir)
  if uv.fs_stat(M.plugin.dir .. "/after") then
    table.insert(rtp, idx and idx + 1 or (#rtp + 1), M.plugin.dir .. "/after")
  end
  vim.opt.rtp = rtp
end

-- core/loader.lua source_runtime: the .lua and .vim files below dir/sub, sorted, each sourced.
local function source_runtime(sub)
  local files = {}
  walk(M.plugin.dir .. "/" .. sub, function(path, name, t)
    local ext = name:sub(-3)
    if (t == "file" or t == "link") and (ext == "lua" or ext == "vim") then
      files[#files + 1] = path
    end
  end)
  table.sort(files)
  for _, path in ipairs(files) do
    vim.cmd("source " .. vim.fn.fnameescape(path))
  end
end

-- core/loader.lua packadd.
local function packadd()
  source_runtime("plugin")
  if not M.plugin.did_ftdetect then
    M.plugin.did_ftdetect = true
    vim.cmd("augroup filetypedetect")
    source_runtime("ftdetect")
    vim.cmd("augroup END")
  end
  if M.init_done then
    source_runtime("after/plugin")
  end
end

-- core/loader.lua get_main (through core/cache.lua lsmod): the top-level module under dir/lua
-- whose normalized name is the plugin's, else the only one there is.
local function get_main()
  local spec = M.plugin.spec
  if spec.main then return spec.main end
  local mods, seen, exact = {}, {}, nil
  ls(M.plugin.dir .. "/lua", function(_, name, t)
    local top = name:sub(-4) == ".lua" and name:sub(1, -5) or ((t == "directory" or t == "link") and name or nil)
    if top and not seen[top] then
      seen[top] = true
      if normname(top) == normname(M.plugin.name) then exact = exact or top end
      mods[#mods + 1] = top
    end
  end)
  if exact then return exact end
  return #mods == 1 and mods[1] or nil
end

-- core/loader.lua config: config(plugin, opts) when given, else require(main).setup(opts).
local function config()
  local spec = M.plugin.spec
  local opts = type(spec.opts) == "function" and spec.opts(M.plugin, {}) or spec.opts or {}
  if type(spec.config) == "function" then
    spec.config(M.plugin, opts)
  else
    require(assert(get_main(), "lazy: Lua module not found for config of " .. M.plugin.name)).setup(opts)
  end
end

--- The spec (as the README shows it) and the folder the plugin is in (`dir =`, a local install).
function M.setup(spec, dir)
  local name = spec.name or vim.fs.basename(spec.dir or spec[1])
  M.plugin = { spec = spec, dir = dir, name = name, loaded = nil }
  enable()
end

-- core/loader.lua _load: handlers off, folder on the runtimepath, plugin/ sourced, then config.
function M.load(reason)
  if M.plugin.loaded then return end
  M.plugin.loaded = reason or {}
  disable()
  add_to_rtp()
  packadd()
  if M.plugin.spec.config or M.plugin.spec.opts then
    config()
  end
  if M.after_config then M.after_config() end
end

-- core/loader.lua deactivate: main.deactivate(), handlers off, the modules found under
-- <dir>/lua unloaded, vim.g["loaded_" .. <name of each plugin/ file without extension>] cleared.
local function deactivate()
  if not M.plugin.loaded then return end
  local main = get_main()
  if main then
    local ok, mod = pcall(require, main)
    if ok and type(mod) == "table" and mod.deactivate then mod.deactivate(M.plugin) end
  end
  disable()
  walkmods(M.plugin.dir .. "/lua", function(modname)
    package.loaded[modname] = nil
    package.preload[modname] = nil
  end)
  ls(M.plugin.dir .. "/plugin", function(_, name, t)
    if t == "file" then
      vim.g["loaded_" .. name:gsub("%..*", "")] = nil
    end
  end)
  M.plugin.loaded = nil
end

-- core/loader.lua reload (what `:Lazy reload <plugin>` runs, view/commands.lua): deactivate,
-- handlers on again, and load again when it was loaded.
function M.reload()
  local was_loaded = M.plugin.loaded ~= nil
  deactivate()
  enable()
  if was_loaded or M.plugin.spec.lazy == false then
    M.load({ start = "reload" })
  end
end

--- The triggers lazy made that are still waiting: { keys = { id = entry }, cmd = { name = true } }.
function M.active()
  return active
end

return M
