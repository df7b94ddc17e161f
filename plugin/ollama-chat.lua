-- ollama-chat.nvim: cheap to source. Puts the compiled Lua (dist/lua) on the runtimepath, and
-- defines the commands, <Plug> mappings and default keymaps; everything else loads on first use.
if vim.g.loaded_ollama_chat then
  return
end
vim.g.loaded_ollama_chat = true

local root = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
local dist = root .. "/dist"
if not vim.tbl_contains(vim.api.nvim_list_runtime_paths(), dist) then
  vim.opt.runtimepath:append(dist)
end
