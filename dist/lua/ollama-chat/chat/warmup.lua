--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
local capabilities = require("ollama-chat.ollama.capabilities")
local client = require("ollama-chat.ollama.client")
--- Starts loading the model; nothing is told to the user (the first message reports any problem).
function ____exports.warm(spec)
    capabilities.of(
        spec.model,
        function(err, caps)
            if err ~= nil or caps == nil or not capabilities.canChat(caps) then
                return spec.done(false)
            end
            client.chat(
                {
                    model = spec.model,
                    messages = {},
                    options = {num_ctx = spec.numCtx(caps)},
                    keep_alive = spec.keep_alive
                },
                {on_done = function(lerr) return spec.done(lerr == nil) end}
            )
        end
    )
end
return ____exports
