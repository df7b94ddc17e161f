local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local events = require("ollama-chat.events")
____exports.changes = __TS__New(events.Channel, "model manager")
return ____exports
