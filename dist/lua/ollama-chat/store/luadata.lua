-- generated from src/ollama-chat/store/luadata.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySort = ____lualib.__TS__ArraySort
local ____exports = {}
local isFiniteNumber
function isFiniteNumber(n)
    return n == n and n ~= math.huge and n ~= -math.huge
end
--- Whether `v` can be written by `encode` and read back by `decode`.
function ____exports.isScalar(v)
    local t = type(v)
    return t == "string" or t == "boolean" or t == "number" and isFiniteNumber(v)
end
--- Tables nested deeper than this are refused (the parser recurses once per level).
____exports.MAX_DEPTH = 64
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
local SPACE = "^[ \t\n\r\v\f]+"
--- What LuaJIT reads as one numeral: identifier bytes (non-ASCII ones included) and dots.
local NUMERAL = ((("^[%w_%." .. string.char(128)) .. "-") .. string.char(255)) .. "]+"
local BOM = string.char(239, 187, 191)
local ESCAPES = {
    a = string.char(7),
    b = "\b",
    f = "\f",
    n = "\n",
    r = "\r",
    t = "\t",
    v = "\v",
    ["\\"] = "\\",
    ["\""] = "\"",
    ["'"] = "'"
}
local function refusal(pos, message)
    return {refusal = true, pos = pos, message = message}
end
--- Lua's line of byte `pos`: `\n`, `\r`, `\r\n` and `\n\r` each end one line.
local function lineAt(text, pos)
    local line = 1
    local i = 1
    do
        while true do
            local at = string.find(text, "[\r\n]", i)
            if at == nil or at >= pos then
                return line
            end
            line = line + 1
            local pair = string.sub(text, at, at + 1)
            i = (pair == "\r\n" or pair == "\n\r") and at + 2 or at + 1
        end
    end
end
--- Every line break (`\r\n`, `\n\r`, `\r`, `\n`) written as `\n`, as Lua reads long strings.
local function normalizeBreaks(s)
    if (string.find(s, "\r", 1, true)) == nil then
        return s
    end
    local parts = {}
    local i = 1
    do
        while true do
            local at = string.find(s, "[\r\n]", i)
            if at == nil then
                break
            end
            __TS__ArrayPush(
                parts,
                string.sub(s, i, at - 1),
                "\n"
            )
            local pair = string.sub(s, at, at + 1)
            i = (pair == "\r\n" or pair == "\n\r") and at + 2 or at + 1
        end
    end
    parts[#parts + 1] = string.sub(s, i)
    return table.concat(parts, "")
end
--- UTF-8 bytes of a code point below 0x110000 (surrogates excluded by the caller).
local function utf8(c)
    if c < 128 then
        return string.char(c)
    end
    if c < 2048 then
        return string.char(
            192 + math.floor(c / 64),
            128 + c % 64
        )
    end
    if c < 65536 then
        return string.char(
            224 + math.floor(c / 4096),
            128 + math.floor(c / 64) % 64,
            128 + c % 64
        )
    end
    return string.char(
        240 + math.floor(c / 262144),
        128 + math.floor(c / 4096) % 64,
        128 + math.floor(c / 64) % 64,
        128 + c % 64
    )
end
local Lexer = __TS__Class()
Lexer.name = "Lexer"
function Lexer.prototype.____constructor(self, text)
    self.text = text
    self.pos = 1
    -- A UTF-8 byte order mark, as some editors write it (LuaJIT skips it too).
    if string.sub(text, 1, 3) == BOM then
        self.pos = 4
    end
end
function Lexer.prototype.fail(self, pos, message)
    error(
        refusal(pos, message),
        0
    )
end
function Lexer.prototype.longBracket(self, from)
    local ____, openEnd, level = string.find(self.text, "^%[(=*)%[", from)
    if openEnd == nil then
        return nil, nil
    end
    local close, closeEnd = string.find(
        self.text,
        ("]" .. tostring(level)) .. "]",
        openEnd + 1,
        true
    )
    if close == nil then
        self:fail(from, "unfinished long string or comment")
    end
    return openEnd + 1, closeEnd
end
function Lexer.prototype.skipSpaceAndComments(self)
    local text = self.text
    do
        while true do
            local ____, spaceEnd = string.find(text, SPACE, self.pos)
            if spaceEnd ~= nil then
                self.pos = spaceEnd + 1
            end
            if string.sub(text, self.pos, self.pos + 1) ~= "--" then
                return
            end
            local ____, longEnd = self:longBracket(self.pos + 2)
            if longEnd ~= nil then
                self.pos = longEnd + 1
            else
                -- A line comment ends at \n or at \r: Lua ends it at either.
                local at = string.find(text, "[\r\n]", self.pos + 2)
                self.pos = at or #text + 1
            end
        end
    end
end
function Lexer.prototype.longString(self, start)
    local from, closeEnd = self:longBracket(start)
    local level = select(
        2,
        string.find(self.text, "^%[=*", start)
    ) - start
    local body = normalizeBreaks(string.sub(self.text, from, closeEnd - level - 2))
    -- A line break right after the opening bracket is not part of the string.
    if string.sub(body, 1, 1) == "\n" then
        body = string.sub(body, 2)
    end
    self.pos = closeEnd + 1
    return {kind = "string", text = body, num = 0, pos = start}
end
function Lexer.prototype.quotedString(self, start, quote)
    local text = self.text
    local parts = {}
    local i = start + 1
    do
        while true do
            local at = string.find(text, quote == "\"" and "[\\\r\n\"]" or "[\\\r\n']", i)
            if at == nil then
                self:fail(start, "unfinished string")
            end
            parts[#parts + 1] = string.sub(text, i, at - 1)
            local c = string.sub(text, at, at)
            if c == quote then
                self.pos = at + 1
                return {
                    kind = "string",
                    text = table.concat(parts, ""),
                    num = 0,
                    pos = start
                }
            end
            if c ~= "\\" then
                self:fail(start, "unfinished string")
            end
            local e = string.sub(text, at + 1, at + 1)
            i = at + 2
            if ESCAPES[e] ~= nil then
                parts[#parts + 1] = ESCAPES[e]
            elseif e == "\n" or e == "\r" then
                local pair = string.sub(text, at + 1, at + 2)
                if pair == "\r\n" or pair == "\n\r" then
                    i = i + 1
                end
                parts[#parts + 1] = "\n"
            elseif e == "x" then
                local hex = string.match(text, "^%x%x", i)
                if hex == nil then
                    self:fail(at, "invalid escape \\x (two hex digits expected)")
                end
                parts[#parts + 1] = string.char(tonumber(hex, 16))
                i = i + 2
            elseif e == "z" then
                i = select(
                    2,
                    string.find(text, "^[ \t\n\r\v\f]*", i)
                ) + 1
            elseif e == "u" then
                local hex, close = string.match(text, "^{(%x+)()}", i)
                if hex == nil then
                    self:fail(at, "invalid escape \\u{...}")
                end
                local ____, digits = string.find(hex, "^0*")
                local code = #hex - digits > 6 and 1114112 or tonumber(hex, 16)
                if code >= 1114112 or code >= 55296 and code < 57344 then
                    self:fail(at, "invalid escape \\u{...}: not a Unicode scalar value")
                end
                parts[#parts + 1] = utf8(code)
                i = close + 1
            elseif (string.find(e, "^%d")) ~= nil then
                local digits = string.match(text, "^%d%d?%d?", at + 1)
                local code = tonumber(digits)
                if code > 255 then
                    self:fail(at, "invalid escape: decimal escapes go up to \\255")
                end
                parts[#parts + 1] = string.char(code)
                i = at + 1 + #digits
            elseif e == "" then
                self:fail(start, "unfinished string")
            else
                self:fail(
                    at,
                    "invalid escape \\" .. string.format("%q", e)
                )
            end
        end
    end
end
function Lexer.prototype.number(self, start)
    -- The span LuaJIT reads as one numeral: identifier bytes and dots, and a sign after an exponent.
    local ____end = start
    do
        while true do
            local ____, e = string.find(self.text, NUMERAL, ____end + 1)
            if e ~= nil then
                ____end = e
            end
            local last = string.sub(self.text, ____end, ____end)
            local next = string.sub(self.text, ____end + 1, ____end + 1)
            if (next == "+" or next == "-") and (string.find(last, "^[eEpP]")) ~= nil then
                ____end = ____end + 1
            else
                break
            end
        end
    end
    local span = string.sub(self.text, start, ____end)
    local n = tonumber(span)
    if n == nil then
        self:fail(
            start,
            "malformed number " .. string.sub(span, 1, 40)
        )
    end
    if n ~= n or n == math.huge or n == -math.huge then
        self:fail(start, "numbers must be finite")
    end
    self.pos = ____end + 1
    return {kind = "number", text = span, num = n, pos = start}
end
function Lexer.prototype.next(self)
    self:skipSpaceAndComments()
    local text = self.text
    local start = self.pos
    if start > #text then
        return {kind = "eof", text = "end of file", num = 0, pos = start}
    end
    local c = string.sub(text, start, start)
    if c == "[" and (string.find(text, "^%[=*%[", start)) ~= nil then
        return self:longString(start)
    end
    if c == "\"" or c == "'" then
        return self:quotedString(start, c)
    end
    if (string.find(c, "%d")) ~= nil or (string.find(text, "^%.%d", start)) ~= nil then
        return self:number(start)
    end
    if (string.find(c, "[%a_]")) ~= nil then
        local ____, e = string.find(text, "^[%w_]*", start)
        self.pos = e + 1
        return {
            kind = "name",
            text = string.sub(text, start, e),
            num = 0,
            pos = start
        }
    end
    if (string.find(c, "^[{}%[%]=,;%-]")) ~= nil then
        self.pos = start + 1
        return {kind = "punct", text = c, num = 0, pos = start}
    end
    self:fail(
        start,
        ("unexpected " .. string.format("%q", c)) .. ": only data (strings, numbers, booleans, tables) is allowed"
    )
end
--- A token as a message names it, on one line.
local function describeToken(t)
    if t.kind == "eof" then
        return "end of file"
    end
    if t.kind == "string" then
        return "a string"
    end
    if t.kind == "number" then
        return "the number " .. t.text
    end
    return ("\"" .. string.sub(t.text, 1, 30)) .. "\""
end
local Parser = __TS__Class()
Parser.name = "Parser"
function Parser.prototype.____constructor(self, text)
    self.lexer = __TS__New(Lexer, text)
    self.tok = self.lexer:next()
end
function Parser.prototype.advance(self)
    self.tok = self.ahead or self.lexer:next()
    self.ahead = nil
end
function Parser.prototype.peekNext(self)
    self.ahead = self.ahead or self.lexer:next()
    return self.ahead
end
function Parser.prototype.isEof(self)
    return self.tok.kind == "eof"
end
function Parser.prototype.isPunct(self, text)
    return self.tok.kind == "punct" and self.tok.text == text
end
function Parser.prototype.expected(self, what)
    error(
        refusal(
            self.tok.pos,
            (("expected " .. what) .. ", found ") .. describeToken(self.tok)
        ),
        0
    )
end
function Parser.prototype.expectPunct(self, text)
    if not self:isPunct(text) then
        self:expected(("\"" .. text) .. "\"")
    end
    self:advance()
end
function Parser.prototype.file(self)
    if not (self.tok.kind == "name" and self.tok.text == "return") then
        self:expected("\"return\" (the file must be `return { ... }`)")
    end
    self:advance()
    if self:isEof() or self:isPunct(";") then
        self:expected("a value after return")
    end
    local value = self:value(0)
    if self:isPunct(";") then
        self:advance()
    end
    if not self:isEof() then
        self:expected("end of file after the returned value")
    end
    return value
end
function Parser.prototype.value(self, depth)
    local t = self.tok
    if t.kind == "string" then
        self:advance()
        return t.text
    end
    if t.kind == "number" then
        self:advance()
        return t.num
    end
    if t.kind == "punct" and t.text == "-" then
        self:advance()
        if self.tok.kind ~= "number" then
            self:expected("a number after -")
        end
        local n = self.tok.num
        self:advance()
        return -n
    end
    if t.kind == "name" and (t.text == "true" or t.text == "false" or t.text == "nil") then
        self:advance()
        local ____temp_0
        if t.text == "nil" then
            ____temp_0 = nil
        else
            ____temp_0 = t.text == "true"
        end
        return ____temp_0
    end
    if t.kind == "punct" and t.text == "{" then
        return self:table(depth + 1)
    end
    self:expected("a string, a number, true, false, nil or a table (names, calls and operators are not allowed)")
end
function Parser.prototype.table(self, depth)
    if depth > ____exports.MAX_DEPTH then
        error(
            refusal(
                self.tok.pos,
                ("tables are nested more than " .. tostring(____exports.MAX_DEPTH)) .. " deep"
            ),
            0
        )
    end
    self:advance()
    local t = {}
    local seen = {}
    local positional = 0
    while not self:isPunct("}") do
        local at = self.tok.pos
        local key
        if self:isPunct("[") then
            self:advance()
            local k = self.tok
            local k0 = self:value(depth)
            if k0 == nil or type(k0) == "table" then
                error(
                    refusal(k.pos, "a key must be a string, a number or a boolean"),
                    0
                )
            end
            key = k0
            self:expectPunct("]")
            self:expectPunct("=")
        elseif self.tok.kind == "name" and KEYWORDS[self.tok.text] == nil and self:peekNext().kind == "punct" and self:peekNext().text == "=" then
            key = self.tok.text
            self:advance()
            self:advance()
        else
            positional = positional + 1
            key = positional
        end
        -- Refused, not "last wins": LuaJIT does not always let the last one win (`{ a = {}, a = 1 }`,
        -- `{ 1, [1] = 2 }`), so no rule would give the table Lua builds.
        if seen[key] == true then
            error(
                refusal(
                    at,
                    ("the key " .. (type(key) == "string" and ("\"" .. string.sub(key, 1, 30)) .. "\"" or tostring(key))) .. " is set twice"
                ),
                0
            )
        end
        seen[key] = true
        t[key] = self:value(depth)
        if self:isPunct(",") or self:isPunct(";") then
            self:advance()
        elseif not self:isPunct("}") then
            self:expected("\",\" or \"}\"")
        end
    end
    self:advance()
    return t
end
--- The value a data file returns (tables as Lua tables), or why the file is not data.
function ____exports.parse(text)
    if type(text) ~= "string" then
        return {ok = false, error = "not a text"}
    end
    local ok, result = pcall(function() return __TS__New(Parser, text):file() end)
    if ok then
        return {ok = true, value = result}
    end
    local refused = result
    if type(result) == "table" and refused.refusal == true then
        return {
            ok = false,
            error = (("line " .. tostring(lineAt(text, refused.pos))) .. ": ") .. refused.message
        }
    end
    -- Not expected; a message all the same, never an error for the caller.
    return {ok = false, error = (string.gsub(
        tostring(result),
        "[\r\n]+",
        " "
    ))}
end
--- Reads a flat `return { key = scalar, ... }` file: string keys, string/number/boolean values.
function ____exports.decode(text, _name)
    local parsed = ____exports.parse(text)
    if not parsed.ok then
        return parsed
    end
    if type(parsed.value) ~= "table" then
        return {ok = false, error = "the file must return a table: `return { key = value, ... }`"}
    end
    local data = {}
    for k, v in pairs(parsed.value) do
        if type(k) ~= "string" then
            return {
                ok = false,
                error = "keys must be names or [\"strings\"], found the key " .. tostring(k)
            }
        end
        if not ____exports.isScalar(v) then
            return {
                ok = false,
                error = ("`" .. string.sub(k, 1, 40)) .. "`: values must be strings, numbers or booleans (found a table)"
            }
        end
        data[k] = v
    end
    return {ok = true, value = data}
end
local function encodeString(s)
    -- %q writes a line break as a backslash and a real line break; \n reads better. A \r stays
    -- escaped too (%q writes it as \r), so the file's lines are always \n-separated.
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
