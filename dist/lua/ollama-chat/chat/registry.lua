--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
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
return ____exports
