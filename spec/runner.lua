-- Runs busted inside Neovim: `nvim -l spec/runner.lua [busted args]`.
-- The caller (scripts/test.sh) gives each run its own XDG directories.
local root = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
package.path = table.concat({
  root .. "/spec/?.lua",
  root .. "/spec/?/init.lua",
  "/usr/share/lua/5.1/?.lua",
  "/usr/share/lua/5.1/?/init.lua",
  package.path,
}, ";")
package.cpath = "/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;" .. package.cpath

-- The plugin is loaded the way Neovim loads it: its root on the runtimepath, plugin/ sourced.
vim.opt.runtimepath:prepend(root)
vim.cmd.runtime("plugin/ollama-chat.lua")

vim.env.OC_ROOT = root
require("busted.runner")({ standalone = false })
