--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
local config = require("ollama-chat.config")
local keymaps = require("ollama-chat.keymaps")
____exports.version = "0.1.0"
--- Configures the plugin; may be called any number of times, each call reconfiguring.
function ____exports.setup(opts)
    config.set(opts)
    keymaps.apply()
end
return ____exports
