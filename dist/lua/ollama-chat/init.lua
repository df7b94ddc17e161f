--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
local config = require("ollama-chat.config")
____exports.version = "0.1.0"
--- Configures the plugin; may be called any number of times, each call reconfiguring.
function ____exports.setup(opts)
    config.set(opts)
end
return ____exports
