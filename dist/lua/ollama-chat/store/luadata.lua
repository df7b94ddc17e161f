local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local ____exports = {}
local KEYWORDS = {}
for ____, word in ipairs({
    "and",
    "break",
    "do",
    "else",
    "elseif",
    "end",
    "false",
    "for",
    "function",
    "goto",
    "if",
    "in",
    "local",
    "nil",
    "not",
    "or",
    "repeat",
    "return",
    "then",
    "true",
    "until",
    "while"
}) do
    KEYWORDS[word] = true
end
local Lexer = __TS__Class()
Lexer.name = "Lexer"
function Lexer.prototype.____constructor(self, text)
    self.text = text
    self.pos = 1
    self.line = 1
    self.tokens = {}
end
function Lexer.prototype.advanceTo(self, next)
    local skipped = string.sub(self.text, self.pos, next - 1)
    self.line = self.line + select(
        2,
        string.gsub(skipped, "\n", "")
    )
    self.pos = next
end
function Lexer.prototype.push(self, kind, ____end)
    local ____self_tokens_0 = self.tokens
    ____self_tokens_0[#____self_tokens_0 + 1] = {
        kind = kind,
        text = string.sub(self.text, self.pos, ____end),
        line = self.line
    }
    self:advanceTo(____end + 1)
end
function Lexer.prototype.longBracketEnd(self, from)
    local ____, openEnd, level = string.find(self.text, "^%[(=*)%[", from)
    if openEnd == nil then
        return nil
    end
    local ____, closeEnd = string.find(
        self.text,
        ("]" .. tostring(level)) .. "]",
        openEnd + 1,
        true
    )
    if closeEnd == nil then
        error(
            ("line " .. tostring(self.line)) .. ": unfinished long string or comment",
            0
        )
    end
    return closeEnd
end
function Lexer.prototype.quotedEnd(self, quote)
    local i = self.pos + 1
    do
        while true do
            local at = string.find(self.text, ("[\\\n" .. quote) .. "]", i)
            if at == nil or string.sub(self.text, at, at) == "\n" then
                error(
                    ("line " .. tostring(self.line)) .. ": unfinished string",
                    0
                )
            end
            local c = string.sub(self.text, at, at)
            if c == quote then
                return at
            end
            local escaped = string.sub(self.text, at + 1, at + 1)
            i = at + 2
            if escaped == "\r" and string.sub(self.text, i, i) == "\n" then
                i = i + 1
            end
            if escaped == "z" then
                i = select(
                    2,
                    string.find(self.text, "^%s*", i)
                ) + 1
            end
        end
    end
end
function Lexer.prototype.numberEnd(self)
    local ____, ____end = string.find(self.text, "^[%d%.]*", self.pos)
    local ____, exp = string.find(self.text, "^[eE][+-]?", ____end + 1)
    if exp ~= nil then
        ____end = exp
    end
    local ____temp_1 = {string.find(self.text, "^[%w_%.]*", ____end + 1)}
    ____end = ____temp_1[2]
    return ____end
end
function Lexer.prototype.run(self)
    local text = self.text
    do
        while true do
            local ____, spaceEnd = string.find(text, "^%s+", self.pos)
            if spaceEnd ~= nil then
                self:advanceTo(spaceEnd + 1)
            end
            if self.pos > #text then
                break
            end
            local c = string.sub(text, self.pos, self.pos)
            if string.sub(text, self.pos, self.pos + 1) == "--" then
                local ____end = self:longBracketEnd(self.pos + 2) or ((string.find(text, "\n", self.pos, true)) or #text + 1) - 1
                self:advanceTo(____end + 1)
            elseif c == "[" and self:longBracketEnd(self.pos) ~= nil then
                self:push(
                    "string",
                    self:longBracketEnd(self.pos)
                )
            elseif c == "\"" or c == "'" then
                self:push(
                    "string",
                    self:quotedEnd(c)
                )
            elseif (string.find(c, "%d")) ~= nil or (string.find(text, "^%.%d", self.pos)) ~= nil then
                local ____end = self:numberEnd()
                if tonumber(string.sub(text, self.pos, ____end)) == nil then
                    error(
                        ("line " .. tostring(self.line)) .. ": malformed number",
                        0
                    )
                end
                self:push("number", ____end)
            elseif (string.find(c, "[%a_]")) ~= nil then
                self:push(
                    "name",
                    select(
                        2,
                        string.find(text, "^[%w_]*", self.pos)
                    )
                )
            elseif (string.find(c, "[{}%[%]=,;%-]")) ~= nil then
                self:push("punct", self.pos)
            else
                error(
                    ((("line " .. tostring(self.line)) .. ": unexpected ") .. string.format("%q", c)) .. ": only `key = value` pairs are allowed",
                    0
                )
            end
        end
    end
    local ____self_tokens_2 = self.tokens
    ____self_tokens_2[#____self_tokens_2 + 1] = {kind = "eof", text = "end of file", line = self.line}
    return self.tokens
end
--- Checks that the tokens form `return { key = value, ... }` with scalar values only.
local function checkShape(tokens)
    local i = 0
    local function peek()
        return tokens[i + 1]
    end
    local function fail(what)
        local t = peek()
        error(
            (((("line " .. tostring(t.line)) .. ": expected ") .. what) .. ", found ") .. (t.kind == "eof" and t.text or ("\"" .. t.text) .. "\""),
            0
        )
    end
    local function take(kind, text)
        local t = peek()
        if t.kind ~= kind or text ~= nil and t.text ~= text then
            fail(text ~= nil and ("\"" .. text) .. "\"" or "a " .. kind)
        end
        i = i + 1
        return t
    end
    take("name", "return")
    take("punct", "{")
    while not (peek().kind == "punct" and peek().text == "}") do
        local t = peek()
        if t.kind == "name" and KEYWORDS[t.text] == nil then
            i = i + 1
        elseif t.kind == "punct" and t.text == "[" then
            i = i + 1
            take("string")
            take("punct", "]")
        else
            fail("a key (a name or [\"string\"])")
        end
        take("punct", "=")
        local negative = peek().kind == "punct" and peek().text == "-"
        if negative then
            i = i + 1
        end
        local v = peek()
        local literal = v.kind == "name" and (v.text == "true" or v.text == "false" or v.text == "nil")
        if not (v.kind == "number" or not negative and (v.kind == "string" or literal)) then
            fail("a string, number, true or false (tables and expressions are not allowed)")
        end
        i = i + 1
        local sep = peek()
        if sep.kind == "punct" and (sep.text == "," or sep.text == ";") then
            i = i + 1
        elseif not (sep.kind == "punct" and sep.text == "}") then
            fail("\",\" or \"}\"")
        end
    end
    take("punct", "}")
    take("eof")
end
local function isFiniteNumber(n)
    return n == n and n ~= math.huge and n ~= -math.huge
end
--- Reads the data in `text`; `name` names the file in Lua's own messages.
function ____exports.decode(text, name)
    do
        local function ____catch(e)
            return true, {
                ok = false,
                error = tostring(e)
            }
        end
        local ____try, ____hasReturned, ____returnValue = pcall(function()
            checkShape(__TS__New(Lexer, text):run())
        end)
        if not ____try then
            ____hasReturned, ____returnValue = ____catch(____hasReturned)
        end
        if ____hasReturned then
            return ____returnValue
        end
    end
    local env = {}
    local chunk, loadError = loadstring(text, "=" .. name, "t", env)
    if chunk == nil then
        return {ok = false, error = loadError}
    end
    setfenv(chunk, env)
    local ok, value = pcall(chunk)
    if not ok then
        return {
            ok = false,
            error = tostring(value)
        }
    end
    local data = {}
    for k, v in pairs(value) do
        local t = type(v)
        if t == "number" and not isFiniteNumber(v) then
            return {ok = false, error = k .. ": numbers must be finite"}
        end
        data[k] = v
    end
    return {ok = true, value = data}
end
local function encodeString(s)
    return (string.gsub(
        string.format("%q", s),
        "\\\n",
        "\\n"
    ))
end
local function encodeNumber(n)
    if math.floor(n) == n and math.abs(n) < 2 ^ 53 then
        return string.format("%d", n)
    end
    local short = string.format("%.14g", n)
    return tonumber(short) == n and short or string.format("%.17g", n)
end
local function encodeKey(key)
    local ident = string.find(key, "^[%a_][%w_]*$")
    return ident ~= nil and KEYWORDS[key] == nil and key or ("[" .. encodeString(key)) .. "]"
end
local function encodeValue(v)
    if type(v) == "string" then
        return encodeString(v)
    end
    if type(v) == "number" then
        return encodeNumber(v)
    end
    return tostring(v)
end
--- Whether `v` can be written by `encode` and read back by `decode`.
function ____exports.isScalar(v)
    local t = type(v)
    return t == "string" or t == "boolean" or t == "number" and isFiniteNumber(v)
end
--- Lua text for `data`, after the comment lines `header`: the keys of `order` first, in that order,
-- then the others sorted, one `key = value,` a line.
function ____exports.encode(data, order, header)
    local lines = {}
    for ____, h in ipairs(header) do
        lines[#lines + 1] = "-- " .. h
    end
    lines[#lines + 1] = "return {"
    local keys = {}
    for ____, k in ipairs(order) do
        if data[k] ~= nil then
            keys[#keys + 1] = k
        end
    end
    local rest = {}
    for k in pairs(data) do
        if not __TS__ArrayIncludes(order, k) then
            rest[#rest + 1] = k
        end
    end
    __TS__ArraySort(rest)
    for ____, k in ipairs(rest) do
        keys[#keys + 1] = k
    end
    for ____, k in ipairs(keys) do
        lines[#lines + 1] = ((("  " .. encodeKey(k)) .. " = ") .. encodeValue(data[k])) .. ","
    end
    __TS__ArrayPush(lines, "}", "")
    return table.concat(lines, "\n")
end
return ____exports
