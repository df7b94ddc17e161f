-- generated from src/ollama-chat/chat/warmup.ts by TypeScriptToLua; do not edit
local ____exports = {}
local capabilities = require("ollama-chat.ollama.capabilities")
local client = require("ollama-chat.ollama.client")
--- Starts loading the model; nothing is told to the user (the first message reports any problem).
function ____exports.warm(spec)
    capabilities.of(
        spec.model,
        function(err, caps)
            if err ~= nil or caps == nil or not capabilities.canChat(caps) then
                -- Warm-up: opening a chat loads its model in the background (a chat request with no messages and
                -- the chat's keep_alive, as `ollama run` does), with the context the first reply will ask for, so
                -- that reply does not wait for the load, nor load the model a second time with another num_ctx.
                return spec.done(false)
            end
            client.load(
                spec.model,
                spec.keep_alive,
                function(lerr) return spec.done(lerr == nil) end,
                {num_ctx = spec.numCtx(caps)}
            )
        end
    )
end
return ____exports
