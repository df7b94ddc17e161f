-- generated from src/ollama-chat/models/changes.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local events = require("ollama-chat.events")
-- The model manager's channel: what is known about the local models changed (a listing, /api/ps,
-- /api/show, the last outdated check). Announced by listing.ts and outdated.ts; the view redraws
-- on its own schedule.
____exports.changes = __TS__New(events.Channel, "model manager")
return ____exports
