-- ollama-chat.nvim: cheap to source. Puts the compiled Lua (dist/lua) on the runtimepath, and
-- defines the two commands, the <Plug> mappings and the default keymaps; nothing else runs, and
-- neither the action table nor the runtime helpers load: keymaps.lua reads the generated keys.lua.
-- lazy.nvim clears vim.g["loaded_" .. name] to reload a plugin, and re-sourcing redefines it all.
if vim.g["loaded_ollama-chat"] then
  return
end
vim.g["loaded_ollama-chat"] = true
vim.g.loaded_ollama_chat = true

-- :Lazy reload unloads only the modules under <plugin>/lua (ollama-chat and its shims), not the
-- ones under dist/lua: when the entry module is gone but others remain, unload them all, so the
-- reload runs fresh code. (Before setup() from init.lua, the entry module is loaded: kept.)
if package.loaded["ollama-chat"] == nil then
  for name in pairs(package.loaded) do
    if name:find("^ollama%-chat%.") then
      package.loaded[name] = nil
    end
  end
end

local root = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
local dist = root .. "/dist"
if not vim.tbl_contains(vim.api.nvim_list_runtime_paths(), dist) then
  vim.opt.runtimepath:append(dist)
end

-- The command table (and the picker it uses) loads when a command runs or completes.
local function commands()
  return require("ollama-chat.commands")
end

vim.api.nvim_create_user_command("Ollama", function(args)
  commands().run(args)
end, {
  nargs = "*",
  range = true,
  desc = "ollama-chat: :Ollama {subcommand}, or pick one",
  complete = function(lead, line, pos)
    return commands().complete(lead, line, pos)
  end,
})

vim.api.nvim_create_user_command("OllamaUpdate", function(args)
  commands().run_update(args)
end, {
  nargs = "*",
  desc = "ollama-chat: update all local models, or the ones named",
  complete = function(lead, line, pos)
    return commands().complete_update(lead, line, pos)
  end,
})

require("ollama-chat.keymaps").startup()

-- The model manager marks what the last `:Ollama outdated` found, even when that check ran before
-- the manager was first opened: its module loads on the event, not before.
vim.api.nvim_create_autocmd("User", {
  group = vim.api.nvim_create_augroup("ollama-chat-outdated", { clear = true }),
  pattern = "OllamaUpdateDone",
  callback = function(args)
    if not package.loaded["ollama-chat.models.outdated"] then
      require("ollama-chat.models.outdated").record(args.data)
    end
  end,
})

-- Saved chats older than retention_days are deleted after startup, asynchronously; the module
-- loads only then, so startup pays nothing (and setup() called from the user's config counts).
vim.defer_fn(function()
  require("ollama-chat.store.cleanup").run()
end, 1000)
