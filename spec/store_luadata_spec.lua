-- The data parser of the preferences file, fuzzed: a file either yields exactly the table Lua
-- (LuaJIT, the oracle, run here in an empty environment with an instruction budget) builds from
-- it, or is refused with a one-line message. The parser never hands text to load, never runs
-- code, never hangs and never raises a Lua error, whatever the input.
local luadata = require("ollama-chat.store.luadata")

local SEED = tonumber(vim.env.OC_FUZZ_SEED) or 20250123
local ROUNDS = tonumber(vim.env.OC_FUZZ_ROUNDS) or 1000

--- Runs `fn` with the interpreter counting instructions (the JIT does not count them): `budget`
--- instructions at most. Returns pcall's results and whether the budget ran out.
local function budgeted(budget, fn)
  local exceeded = false
  jit.off()
  debug.sethook(function()
    exceeded = true
    error("instruction budget exceeded")
  end, "", budget)
  local res = { pcall(fn) }
  debug.sethook()
  jit.on()
  return exceeded, unpack(res)
end

--- What Lua makes of `text` as a chunk: ok, value; or false when it does not load or run as data.
local function lua_reads(text)
  local chunk = loadstring(text, "=oracle")
  if not chunk then
    return false
  end
  setfenv(chunk, {})
  local exceeded, ok, value = budgeted(1e6, chunk)
  return not exceeded and ok, value
end

local load_calls = 0
--- Calls fn(text) (luadata.parse or luadata.decode) with load, loadstring and dofile replaced by spies that count and fail,
--- under an instruction budget: the parser must not hang (a hang shows as an exceeded budget).
local function guarded(fn, text)
  local saved = { load = _G.load, loadstring = _G.loadstring, dofile = _G.dofile, loadfile = _G.loadfile }
  local function spy()
    load_calls = load_calls + 1
    return nil, "spy: load was called"
  end
  _G.load, _G.loadstring, _G.dofile, _G.loadfile = spy, spy, spy, spy
  local exceeded, ok, result = budgeted(5e7, function() return fn(text) end)
  _G.load, _G.loadstring, _G.dofile, _G.loadfile = saved.load, saved.loadstring, saved.dofile, saved.loadfile
  assert(not exceeded, "the parser ran out of its instruction budget on: " .. vim.inspect(text:sub(1, 200)))
  assert(ok, "the parser raised a Lua error: " .. tostring(result) .. " on " .. vim.inspect(text:sub(1, 200)))
  return result
end

local function parse(text)
  return guarded(luadata.parse, text)
end

local function decode(text)
  return guarded(luadata.decode, text)
end

local function assert_refused(r, text)
  assert.is_false(r.ok, "accepted: " .. vim.inspect(text:sub(1, 200)))
  assert.is_string(r.error)
  assert.matches("^line %d+: [^\r\n]+$", r.error, nil, nil, "not a one-line message: " .. vim.inspect(r.error))
end

-- A generator of data files in every form Lua reads, with random separators between tokens.
local rand = math.random
local function pick(list)
  return list[rand(#list)]
end

local BREAKS = { "\n", "\r", "\r\n", "\n\r" }
local KEYWORDS = { ["and"] = 1, ["break"] = 1, ["do"] = 1, ["else"] = 1, ["elseif"] = 1, ["end"] = 1, ["false"] = 1,
  ["for"] = 1, ["function"] = 1, ["goto"] = 1, ["if"] = 1, ["in"] = 1, ["local"] = 1, ["nil"] = 1, ["not"] = 1,
  ["or"] = 1, ["repeat"] = 1, ["return"] = 1, ["then"] = 1, ["true"] = 1, ["until"] = 1, ["while"] = 1 }

local function random_bytes(n, alphabet)
  local out = {}
  for i = 1, n do
    if alphabet then
      out[i] = pick(alphabet)
    else
      out[i] = string.char(rand(0, 255))
    end
  end
  return table.concat(out)
end

local TEXTY = { "a", "b", "Z", "0", "9", " ", "]", "=", "[", "-", "\\", "'", '"', "\n", "\r", "\t", "\0", "é", "日", "\255", "x" }

local gen_long

--- Whitespace and comments, the line comment text holding code that must stay a comment.
local function sep(allow_empty)
  local parts = {}
  for _ = 1, rand(allow_empty and 0 or 1, 3) do
    local kind = rand(8)
    if kind <= 3 then
      parts[#parts + 1] = pick({ " ", "  ", "\t", "\v", "\f" })
    elseif kind == 4 then
      parts[#parts + 1] = pick(BREAKS)
    elseif kind == 5 then
      -- a line comment ends at \r or \n, whichever comes first
      parts[#parts + 1] = "-- " .. pick({ "note", "x = os.exit()", "[=not long", "]]", "" }) .. pick(BREAKS)
    elseif kind == 6 then
      parts[#parts + 1] = "--" .. gen_long(pick({ "long\rcomment", "while true do end", "]]", "\n\r]=", "" }))
    elseif kind == 7 then
      parts[#parts + 1] = "--[==" .. pick({ " not long", "" }) .. pick(BREAKS)
    else
      parts[#parts + 1] = " " .. pick(BREAKS) .. " "
    end
  end
  local s = table.concat(parts)
  -- a minus or a name right before a comment must stay apart from it
  return (s:sub(1, 1) == "-" and " " or "") .. s
end

local function gen_quoted(raw)
  local q = pick({ '"', "'" })
  local out = { q }
  local i = 1
  while i <= #raw do
    local c = raw:sub(i, i)
    local b = c:byte()
    local form = rand(10)
    local nextc = raw:sub(i + 1, i + 1)
    if c == q or c == "\\" then
      out[#out + 1] = "\\" .. c
    elseif c == "\n" then
      out[#out + 1] = pick({ "\\n", "\\10", "\\010", "\\x0a", "\\u{A}", "\\" .. pick(BREAKS) })
    elseif c == "\r" then
      out[#out + 1] = pick({ "\\r", "\\13", "\\x0D", "\\u{0000d}" })
    elseif form == 1 then
      out[#out + 1] = nextc:match("%d") and ("\\%03d"):format(b) or ("\\" .. b)
    elseif form == 2 then
      out[#out + 1] = ("\\x%02" .. pick({ "x", "X" })):format(b)
    elseif form == 3 and b < 0x80 then
      out[#out + 1] = ("\\u{%s%x}"):format(("0"):rep(rand(0, 4)), b)
    elseif form == 4 then
      out[#out + 1] = "\\z" .. pick({ "", " ", "\n  ", "\r\n\t", "\v\f" }) .. (b < 32 and ("\\%03d"):format(b) or c)
    elseif b < 32 or b == 127 then
      out[#out + 1] = ("\\%03d"):format(b)
    else
      out[#out + 1] = c
    end
    i = i + 1
  end
  -- whole UTF-8 characters as \u{...} now and then
  if rand(4) == 1 then
    out[#out + 1] = ("\\u{%x}"):format(pick({ 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff }))
  end
  out[#out + 1] = q
  return table.concat(out)
end

function gen_long(raw)
  -- the lowest level whose closing bracket first appears where it is put
  local level = 0
  while (raw .. "]" .. ("="):rep(level) .. "]"):find("]" .. ("="):rep(level) .. "]", 1, true) ~= #raw + 1 do
    level = level + 1
  end
  local eq = ("="):rep(level)
  return "[" .. eq .. "[" .. pick({ "", "", "\n", "\r", "\r\n", "\n\r" }) .. raw .. "]" .. eq .. "]"
end

local function gen_string()
  local raw = random_bytes(rand(0, 12), rand(3) == 1 and nil or TEXTY)
  if rand(3) == 1 then
    return gen_long(raw)
  end
  return gen_quoted(raw)
end

local function gen_number()
  return pick({
    tostring(rand(0, 1000)), tostring(rand(0, 1e6)) .. "." .. tostring(rand(0, 999)), "." .. rand(0, 99),
    rand(1, 9) .. ".", rand(1, 9) .. "e" .. rand(0, 20), rand(1, 9) .. "E-" .. rand(0, 20), rand(1, 9) .. "e+" .. rand(0, 9),
    ("0x%x"):format(rand(0, 2 ^ 31)), ("0X%X"):format(rand(0, 65535)), "0x1p4", "0x.8p1", "0x1.8", "0xAp-2", "1.5e-300",
    "9007199254740993", "123456789012345678901234567890", "0x7fffffffffffffff", "00012", "0.0",
  })
end

local function gen_name()
  local first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
  local rest = first .. "0123456789"
  local f = rand(#first)
  local n = { first:sub(f, f) }
  for _ = 1, rand(0, 8) do
    local j = rand(#rest)
    n[#n + 1] = rest:sub(j, j)
  end
  local name = table.concat(n)
  return KEYWORDS[name] and (name .. "_") or name
end

local gen_value
local function gen_table(depth)
  local parts = { "{" }
  local used = {}
  local positional = 0
  for _ = 1, rand(0, depth > 3 and 2 or 6) do
    local kind = rand(6)
    local entry
    if kind <= 2 then
      local name = gen_name()
      if not used[name] then
        used[name] = true
        entry = name .. sep(true) .. "=" .. sep(true) .. gen_value(depth)
      end
    elseif kind == 3 then
      local s = random_bytes(rand(0, 6), TEXTY)
      if not used[s] then
        used[s] = true
        entry = "[" .. sep(true) .. gen_quoted(s) .. sep(true) .. "]" .. sep(true) .. "=" .. sep(true) .. gen_value(depth)
      end
    elseif kind == 4 then
      -- numeric and boolean keys far from the positional ones
      local key, text = pick({
        function() local n = rand(1000, 2000) return n, tostring(n) end,
        function() local n = rand(1, 99) + 0.5 return n, tostring(n) end,
        function() local n = -rand(1, 50) return n, "-" .. sep(true) .. tostring(-n) end,
        function() return true, "true" end,
        function() return false, "false" end,
      })()
      if not used[key] then
        used[key] = true
        entry = "[" .. sep(true) .. text .. sep(true) .. "]" .. sep(true) .. "=" .. sep(true) .. gen_value(depth)
      end
    else
      positional = positional + 1
      entry = gen_value(depth)
    end
    if entry then
      parts[#parts + 1] = sep(true) .. entry .. sep(true) .. pick({ ",", ";" })
    end
  end
  -- the last separator is optional
  if #parts > 1 and rand(2) == 1 then
    parts[#parts] = parts[#parts]:gsub("[,;]$", "")
  end
  parts[#parts + 1] = sep(true) .. "}"
  return table.concat(parts)
end

function gen_value(depth)
  local kind = rand(depth >= 5 and 5 or 7)
  if kind == 1 or kind == 2 then
    return gen_string()
  elseif kind == 3 then
    return gen_number()
  elseif kind == 4 then
    return (rand(2) == 1 and "-" .. sep(true) or "") .. gen_number()
  elseif kind == 5 then
    return pick({ "true", "false", "nil" })
  else
    return gen_table(depth + 1)
  end
end

local function gen_file()
  local bom = rand(20) == 1 and "\239\187\191" or ""
  return bom .. sep(true) .. "return" .. sep(false) .. gen_table(1) .. sep(true) .. (rand(4) == 1 and ";" or "") .. sep(true)
end

local PIECES = { "(", ")", "..", "\r", "\n", "--", "[[", "]]", "[=[", "\\", "'", '"', "function", "while true do end",
  "x", "=", "{", "}", ",", "0x", "e", "\0", "\255", ":rep(2)", "-- x\rdo return 1 end\n", "[", "]", "#", "~", "+",
  "\\u{", "\\x", "\\9", "LL", "nil", "return", ";", "{{{{", "os.exit()" }

local function mutate(text)
  for _ = 1, rand(1, 3) do
    local at = rand(1, #text + 1)
    local kind = rand(4)
    if kind == 1 then
      text = text:sub(1, at - 1) .. text:sub(at + rand(1, 4))
    elseif kind == 2 then
      text = text:sub(1, at - 1) .. pick(PIECES) .. text:sub(at)
    elseif kind == 3 then
      text = text:sub(1, at - 1)
    else
      text = text:sub(1, at - 1) .. random_bytes(rand(1, 3)) .. text:sub(at)
    end
  end
  return text
end

describe("luadata.parse (fuzzed against LuaJIT)", function()
  before_each(function()
    math.randomseed(SEED)
    load_calls = 0
  end)

  after_each(function()
    assert.equals(0, load_calls, "the parser handed text to load")
  end)

  it("yields exactly the table Lua builds, for random data files in every literal form and line ending", function()
    local accepted = 0
    for round = 1, ROUNDS do
      local text = gen_file()
      local ok, expected = lua_reads(text)
      assert(ok, ("round %d (seed %d): the generator wrote a file Lua does not read: %s"):format(round, SEED, vim.inspect(text)))
      local r = parse(text)
      assert(r.ok, ("round %d (seed %d): refused %s: %s"):format(round, SEED, vim.inspect(text), tostring(r.error)))
      assert(vim.deep_equal(expected, r.value), ("round %d (seed %d): %s read as %s, Lua reads %s"):format(
        round, SEED, vim.inspect(text), vim.inspect(r.value), vim.inspect(expected)))
      accepted = accepted + 1
    end
    assert.equals(ROUNDS, accepted)
  end)

  it("either yields Lua's table or refuses with one line, for random mutations and random bytes", function()
    local yielded, refused = 0, 0
    for round = 1, ROUNDS * 2 do
      local text = round % 5 == 0 and random_bytes(rand(0, 40)) or mutate(gen_file())
      local r = parse(text)
      if r.ok then
        -- accepted, so it is data: Lua must read the same table from it
        local ok, expected = lua_reads(text)
        assert(ok, ("round %d (seed %d): accepted what Lua does not read as data: %s"):format(round, SEED, vim.inspect(text)))
        assert(vim.deep_equal(expected, r.value), ("round %d: %s read as %s, Lua reads %s"):format(
          round, vim.inspect(text), vim.inspect(r.value), vim.inspect(expected)))
        yielded = yielded + 1
      else
        assert_refused(r, text)
        refused = refused + 1
      end
    end
    -- both branches were exercised
    assert.is_true(yielded > 0 and refused > ROUNDS / 2, ("yielded %d, refused %d"):format(yielded, refused))
  end)

  it("refuses the code that hid behind a comment ended by a lone \\r", function()
    for _, text in ipairs({
      "-- x\rwhile true do end\nreturn {}",
      '-- x\rdo return {default_model=("ab"):rep(2)} end\nreturn {}',
      "-- x\rdo return 42 end\nreturn {}",
      "--[[ ok ]] -- x\ros.exit(1)\nreturn {}",
      "return { a = 1, -- x\r b = os.getenv('HOME') \n}",
      "return { a = 1 } -- x\rwhile true do end",
      "do return 42 end",
      "return 42 --\r, os.exit()",
    }) do
      assert_refused(decode(text), text)
      assert_refused(parse(text), text)
    end
  end)

  it("reads a comment ended by \\r, \\n, \\r\\n or \\n\\r, and names Lua's line in messages", function()
    local r = parse('-- one\rreturn {\r\n  -- two\n\r  a = "x", -- three\r  b = 2,\n}')
    assert.is_true(r.ok, r.error)
    assert.same({ a = "x", b = 2 }, r.value)
    -- \r, \r\n, \n\r each end one line, as in Lua's own messages
    local text = "return {\r\r\n\n\r a = b }"
    assert.matches("^line 4: ", parse(text).error)
    local _, lua_err = loadstring(text .. " x", "=f")
    assert.matches("^f:4:", lua_err)
  end)

  it("reads long strings and long comments exactly, with any line ending and level", function()
    local body = ("ligne é ]] ]=] \r\n\n\r\r"):rep(20000)
    local text = "--[==[ a long comment\r\n]] ]=] ]==]return { a = [===[\r\n" .. body .. "]===], b = '" .. ("\\65"):rep(50000) .. "' }"
    local started = vim.uv.hrtime()
    local r = parse(text)
    local ms = (vim.uv.hrtime() - started) / 1e6
    assert.is_true(r.ok, r.error)
    local ok, expected = lua_reads(text)
    assert.is_true(ok)
    assert.is_true(vim.deep_equal(expected, r.value))
    assert.equals(("A"):rep(50000), r.value.b)
    assert.is_true(ms < 2000, ("took %.0f ms"):format(ms))
    assert_refused(parse("return { a = [==[ unfinished ]=] }"), "unfinished")
    assert_refused(parse("return { --[[ unfinished comment }"), "unfinished comment")
  end)

  it("limits nesting: 64 levels are read, deeper ones and 100,000 open braces are refused", function()
    local deep = "return " .. ("{"):rep(64) .. ("}"):rep(64)
    local r = parse(deep)
    assert.is_true(r.ok, r.error)
    assert_refused(parse("return " .. ("{"):rep(65) .. ("}"):rep(65)), "65 deep")
    local huge = "return " .. ("{"):rep(100000)
    local refused = parse(huge)
    assert_refused(refused, "100000 deep")
    assert.matches("nested more than 64", refused.error)
  end)

  it("refuses what LuaJIT reads in ways no rule gives: duplicate keys, cdata numbers, infinities, surrogates", function()
    for _, text in ipairs({
      "return { a = 1, a = 2 }",
      "return { a = {}, a = 1 }",
      "return { 1, [1] = 2 }",
      "return { [1] = 2, 1 }",
      "return { [1] = 1, [1.0] = 2 }",
      "return { a = 1LL }",
      "return { a = 1ULL }",
      "return { a = 1i }",
      "return { a = 1e999 }",
      "return { a = -1e999 }",
      "return { a = '\\u{D800}' }",
      "return { a = '\\u{110000}' }",
      "return { a = '\\256' }",
      "return { a = '\\xg0' }",
      "return { a = '\\q' }",
      "return { [nil] = 1 }",
      "return { [{}] = 1 }",
      "return { a = - -1 }",
      "return { a = 'line\nbreak' }",
      "return { a = 'line\rbreak' }",
      "",
      "return",
      "return;",
      "#!/bin/lua\nreturn {}",
      "\27LJ\2bytecode",
    }) do
      assert_refused(parse(text), text)
    end
    -- and bytecode made by string.dump
    assert_refused(parse(string.dump(function() return { a = 1 } end)), "bytecode")
  end)
end)
