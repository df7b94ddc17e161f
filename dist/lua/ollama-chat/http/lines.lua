-- generated from src/ollama-chat/http/lines.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
____exports.LineSplitter = __TS__Class()
local LineSplitter = ____exports.LineSplitter
LineSplitter.name = "LineSplitter"
function LineSplitter.prototype.____constructor(self, onLine)
    self.onLine = onLine
    self.pieces = {}
end
function LineSplitter.prototype.push(self, data)
    local start = 1
    do
        while true do
            local nl = string.find(data, "\n", start, true)
            if nl == nil then
                break
            end
            local line = string.sub(data, start, nl - 1)
            if #self.pieces > 0 then
                local ____self_pieces_0 = self.pieces
                ____self_pieces_0[#____self_pieces_0 + 1] = line
                line = table.concat(self.pieces)
                self.pieces = {}
            end
            self:emit(line)
            start = nl + 1
        end
    end
    if start <= #data then
        local ____self_pieces_1 = self.pieces
        ____self_pieces_1[#____self_pieces_1 + 1] = string.sub(data, start)
    end
end
function LineSplitter.prototype.finish(self)
    if #self.pieces == 0 then
        return
    end
    local line = table.concat(self.pieces)
    self.pieces = {}
    self:emit(line)
end
function LineSplitter.prototype.emit(self, line)
    -- CRLF from proxies: the "\r" is framing, not content.
    if string.sub(line, -1) == "\r" then
        line = string.sub(line, 1, -2)
    end
    if line ~= "" then
        self.onLine(line)
    end
end
--- A LineSplitter for Lua callers (tstl classes are built with `new`, not `.new`).
function ____exports.lineSplitter(onLine)
    return __TS__New(____exports.LineSplitter, onLine)
end
return ____exports
