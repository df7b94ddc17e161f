-- generated from src/ollama-chat/init.ts by TypeScriptToLua; do not edit
local ____exports = {}
local config = require("ollama-chat.config")
local keymaps = require("ollama-chat.keymaps")
local ____lazy = require("ollama-chat.lazy")
local lazy = ____lazy.lazy
local ____notify = require("ollama-chat.ui.notify")
local notify = ____notify.notify
-- Public Lua API: require("ollama-chat"). Thin: each function loads its feature module on first
-- use, so requiring this module (as a user's config does at startup) costs next to nothing.
____exports.version = "0.1.0"
local chat = lazy("ollama-chat.chat.session")
local askModule = lazy("ollama-chat.chat.ask")
local applyModule = lazy("ollama-chat.code.apply")
local editModule = lazy("ollama-chat.code.edit")
local variables = lazy("ollama-chat.chat.variables")
local chatModels = lazy("ollama-chat.chat.models")
local saved = lazy("ollama-chat.chat.saved")
local chatFiles = lazy("ollama-chat.store.chats")
local updater = lazy("ollama-chat.update.updater")
local manager = lazy("ollama-chat.models.manager")
local listing = lazy("ollama-chat.models.listing")
local function loaded(module)
    return _G.package.loaded[module] ~= nil
end
--- Configures the plugin; may be called any number of times, each call reconfiguring.
function ____exports.setup(opts)
    keymaps.apply(config.set(opts).keymaps)
end
--- Opens the chat with the default model (asking for one the first time).
function ____exports.open()
    chat().open()
end
--- Hides or shows the chat pane, keeping the conversation and any reply still streaming.
function ____exports.toggle()
    chat().toggle()
end
--- Ends the chat session, stopping any reply.
function ____exports.close()
    chat().close()
end
--- Sends `text` (or the message being typed) with the whole conversation; opens the chat first.
function ____exports.send(text)
    chat().send(text)
end
--- Stops the reply in progress and a running update or check (without loading either).
function ____exports.stop()
    local reply = loaded("ollama-chat.chat.session") and chat().stop()
    local run = loaded("ollama-chat.update.updater") and updater().stop()
    if not reply and not run then
        notify("nothing to stop: no reply is streaming and no pull or update is running")
    end
end
--- Replaces the last reply with a new one from the same history (a failed or stopped turn is retried).
function ____exports.regenerate()
    chat().regenerate()
end
--- Re-splits the chat pane and remembers the layout.
function ____exports.set_layout(layout)
    if layout ~= "horizontal" and layout ~= "vertical" then
        error(
            "ollama-chat: set_layout() expects \"horizontal\" or \"vertical\", got " .. vim.inspect(layout),
            0
        )
    end
    chat().setLayout(layout)
end
--- For statuslines: { model, state = "idle"|"loading"|"generating"|"error", tokens_per_second,
-- context = { used, size }, loaded } (`context`: tokens of the conversation and the context asked
-- for, once a reply was sent; `loaded`: the model is in memory, as of an /api/ps at most a few
-- seconds old; nil while unknown).
function ____exports.status()
    -- A statusline calls this all the time: before the chat was ever used, do not load it.
    if not loaded("ollama-chat.chat.session") then
        return {model = nil, state = "idle", tokens_per_second = nil, loaded = nil}
    end
    local s = chat().status()
    local ____temp_1
    if s.model == nil then
        ____temp_1 = nil
    else
        local ____temp_0
        if s.state == "generating" then
            ____temp_0 = true
        else
            ____temp_0 = listing().loadedState(s.model)
        end
        ____temp_1 = ____temp_0
    end
    local inMemory = ____temp_1
    return {
        model = s.model,
        state = s.state,
        tokens_per_second = s.tokens_per_second,
        context = s.context,
        loaded = inMemory
    }
end
--- Asks about the current buffer, or `range` ({first, last}) of it, in the chat.
function ____exports.ask(opts)
    askModule().ask({prompt = opts and opts.prompt, range = opts and opts.range})
end
--- Applies the chat's code block under the cursor (else the last reply's last block) to the lines
-- it was asked about (else the buffer the chat came from), through a diff to accept or reject.
function ____exports.apply()
    applyModule().apply()
end
--- Rewrites the current buffer, or `range` of it, as `prompt` says, through the same diff.
function ____exports.edit(opts)
    editModule().edit({prompt = opts and opts.prompt, range = opts and opts.range})
end
--- Sets the default model (persistent): `name`, or the one picked from the local models.
function ____exports.select_model(name)
    chatModels().selectDefault(name)
end
--- Switches the model of the open chat: `name`, or the one picked. A reply in progress stops.
function ____exports.switch_model(name)
    if name ~= nil and vim.trim(name) ~= "" then
        chat().switchModel(vim.trim(name))
        return
    end
    chatModels().pickModel(
        "Switch the chat to",
        function(picked)
            if picked ~= nil then
                chat().switchModel(picked)
            end
        end,
        {
            marked = chat().status().model,
            markLabel = "current"
        }
    )
end
--- Saves the chat under `name` (asked for when absent); saving again under a name appends.
function ____exports.save(name)
    saved().save(name)
end
--- Opens a saved chat (`name`, or picked) in a new read-only buffer.
function ____exports.load(name)
    saved().load(name)
end
--- Continues a saved chat (`name`, or picked) as the active conversation.
function ____exports.resume(name)
    saved().resume(name)
end
--- Deletes all saved chats after a confirmation; `{ force = true }` skips it.
function ____exports.clear_saved(opts)
    saved().clear(opts)
end
--- Names for completion, from caches (never waits): "models", "chats", or "variables" (the chat
-- variables with the buffer names and files they take).
function ____exports.completions(kind)
    if kind == "models" then
        return chatModels().completionNames()
    end
    if kind == "variables" then
        return variables().names()
    end
    return chatFiles().names()
end
--- Updates every local model (or `models`), a few at a time, with a live view and a summary;
-- `check_only` asks the registry which have a newer version and downloads nothing.
function ____exports.update(opts)
    updater().update(opts)
end
--- Downloads a model, with the same progress view.
function ____exports.pull(name)
    updater().pull(name)
end
--- Opens the model manager: every local model, loaded or not, with keys to manage them.
function ____exports.models()
    manager().open()
end
--- Deletes a local model after a confirmation naming it and its size; `{ force = true }` skips it.
function ____exports.delete_model(name, opts)
    manager().deleteModel(name, opts)
end
--- Copies a local model under a new name; an existing `to` is asked about before it is replaced.
function ____exports.copy_model(from, to)
    manager().copyModel(from, to)
end
--- Loads a model into memory for the chat's keep_alive.
function ____exports.preload_model(name)
    manager().preloadModel(name)
end
--- Unloads a model from memory; without a name, every loaded model.
function ____exports.unload_model(name)
    manager().unloadModel(name)
end
--- Calls `cb(models)` with the models loaded in memory (/api/ps), or `cb(nil, message)`.
function ____exports.running(cb)
    manager().running(cb)
end
return ____exports
