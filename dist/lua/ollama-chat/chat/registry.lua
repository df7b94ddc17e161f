-- generated from src/ollama-chat/chat/registry.ts by TypeScriptToLua; do not edit
local ____exports = {}
-- The conversations of this Neovim instance. One of them is current: the one the chat pane shows
-- and the API's chat functions act on. Others (an ask, an edit) may live beside it.
local conversations = {}
local current
--- The current conversation, if there is one.
function ____exports.peek()
    return current
end
function ____exports.add(conversation)
    conversations[conversation.id] = conversation
end
--- Makes `conversation` current (adding it).
function ____exports.setCurrent(conversation)
    ____exports.add(conversation)
    current = conversation
end
--- Forgets a conversation (closed): it is no longer current.
function ____exports.remove(conversation)
    conversations[conversation.id] = nil
    if current == conversation then
        current = nil
    end
end
--- The conversation with this id, while it lives.
function ____exports.get(id)
    return conversations[id]
end
return ____exports
