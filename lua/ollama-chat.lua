-- require("ollama-chat") before plugin/ has run (setup() in init.lua with a native package or
-- vim.pack, or a plugin manager that reads lua/): puts the compiled Lua (dist/lua) on the
-- runtimepath, then loads the real module. The same module name, not another one.
local root = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
local dist = root .. "/dist"
if not vim.tbl_contains(vim.api.nvim_list_runtime_paths(), dist) then
  vim.opt.runtimepath:append(dist)
end
return dofile(dist .. "/lua/ollama-chat/init.lua")
