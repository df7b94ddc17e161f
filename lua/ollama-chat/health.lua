-- :checkhealth ollama-chat before the plugin loaded (:packadd!, vim.pack.add with load = false,
-- 'noloadplugins'): Neovim looks for lua/**/ollama-chat/health.lua on the runtimepath, where
-- dist/lua is not yet. require("ollama-chat") (lua/ollama-chat.lua) puts it there; then the real
-- module loads under this same name: this file comes first on the runtimepath, so
-- require("ollama-chat.health") always ends here, and there is one instance of it.
require("ollama-chat")
local root = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h:h")
return dofile(root .. "/dist/lua/ollama-chat/health.lua")
