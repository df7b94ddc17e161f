--[[ Generated with https://github.com/TypeScriptToLua/TypeScriptToLua ]]
local ____exports = {}
function ____exports.lazy(name)
    local mod
    return function()
        if mod == nil then
            mod = require(name)
        end
        return mod
    end
end
return ____exports
