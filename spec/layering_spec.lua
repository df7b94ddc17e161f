-- The import layering, read from the sources and from the built Lua: data flows one way
-- (features → ollama client → http; features use store, ui and format), the lower layers never
-- reach up into a feature, no feature reaches another through the public module, and no two
-- modules import each other (type imports included: they are the graph a reader follows).
local root = vim.env.OC_ROOT
local SRC = root .. "/src/ollama-chat/"
local DIST = root .. "/dist/lua/ollama-chat/"

local LOWER = { "http", "ollama", "store", "ui", "format" }
local FEATURES = { "chat", "update", "models" }

local function files(dir, ext)
  return vim.fs.find(function(name) return vim.endswith(name, ext) end, { path = dir, type = "file", limit = math.huge })
end

local function read(path)
  return table.concat(vim.fn.readfile(path), "\n")
end

--- "src/ollama-chat/chat/ask.ts" → "chat/ask"
local function module_of(path, base, ext)
  return path:sub(#base + 1, -#ext - 1)
end

--- Every module `path` imports (ES imports, `import type` and `export ... from` included), as
--- module paths under src/ollama-chat.
local function ts_imports(path)
  local out = {}
  local dir = vim.fs.dirname(path)
  for spec in read(path):gmatch('from%s+"(%.[^"]*)"') do
    local full = vim.fs.normalize(dir .. "/" .. spec)
    -- "../x/y" resolves against the importing file's folder.
    local parts = {}
    for part in full:gmatch("[^/]+") do
      if part == ".." then table.remove(parts) elseif part ~= "." then parts[#parts + 1] = part end
    end
    out[#out + 1] = module_of("/" .. table.concat(parts, "/") .. ".ts", SRC, ".ts")
  end
  return out
end

local function lua_requires(path)
  local out = {}
  -- Comments are kept in the Lua (tlconfig/keep-comments.cjs) and may name a module: skip them.
  local code = read(path):gsub("%-%-[^\n]*", "")
  for name in code:gmatch('require%("ollama%-chat%.([^"]+)"%)') do
    out[#out + 1] = (name:gsub("%.", "/"))
  end
  return out
end

local function graph(base, ext, edges)
  local g = {}
  for _, f in ipairs(files(base, ext)) do g[module_of(f, base, ext)] = edges(f) end
  return g
end

local function layer(module)
  return module:match("^([^/]+)/") or module
end

local function violations(g)
  local bad = {}
  for from, tos in pairs(g) do
    if vim.tbl_contains(LOWER, layer(from)) then
      for _, to in ipairs(tos) do
        if vim.tbl_contains(FEATURES, layer(to)) then bad[#bad + 1] = from .. " → " .. to end
      end
    end
  end
  table.sort(bad)
  return bad
end

--- The first import cycle found, as "a → b → a", or nil.
local function cycle(g)
  local state, stack = {}, {}
  local found
  local function visit(m)
    if found then return end
    state[m] = "open"
    stack[#stack + 1] = m
    for _, to in ipairs(g[m] or {}) do
      if state[to] == "open" then
        local from
        for i, s in ipairs(stack) do if s == to then from = i end end
        found = table.concat(vim.list_slice(stack, from), " → ") .. " → " .. to
        return
      elseif state[to] == nil and g[to] then
        visit(to)
        if found then return end
      end
    end
    stack[#stack] = nil
    state[m] = "done"
  end
  local names = vim.tbl_keys(g)
  table.sort(names)
  for _, m in ipairs(names) do
    if state[m] == nil then visit(m) end
  end
  return found
end

describe("layering", function()
  local sources = graph(SRC, ".ts", ts_imports)
  local built = graph(DIST, ".lua", lua_requires)

  it("reads a real graph (the check cannot pass on nothing)", function()
    assert.is_true(vim.tbl_contains(sources["chat/session"], "chat/conversation"))
    assert.is_true(vim.tbl_contains(sources["store/chats"], "format/transcript"))
    assert.is_true(vim.tbl_contains(built["chat/conversation"], "ollama/client"))
    -- the checks themselves find what they look for
    assert.same({ "ui/x → chat/y" }, violations({ ["ui/x"] = { "chat/y" } }))
    assert.equals("a → b → a", cycle({ a = { "b" }, b = { "a" } }))
  end)

  it("http, ollama, store, ui and format import nothing from chat, update or models", function()
    assert.same({}, violations(sources), "in src/")
    assert.same({}, violations(built), "in dist/lua/")
  end)

  --- The graph of the modules in folders (features and the layers below them), without the
  --- top-level wiring (init, actions, commands, keymaps, config, ...).
  local function foldered(g)
    local out = {}
    for from, tos in pairs(g) do
      if from:find("/", 1, true) then
        out[from] = vim.tbl_filter(function(to) return to:find("/", 1, true) ~= nil end, tos)
      end
    end
    return out
  end

  it("no two modules of the features and layers import each other, directly or around a loop", function()
    assert.is_nil(cycle(foldered(sources)), "in src/")
    assert.is_nil(cycle(foldered(built)), "in dist/lua/")
  end)

  -- The top-level wiring refers to itself only through `lazy()` and type imports (the public
  -- module loads keymaps, whose callbacks find the action table when a key is pressed): what Lua
  -- requires at load time has no loop anywhere.
  it("nothing, the top-level modules included, requires itself around a loop when loaded", function()
    assert.is_true(vim.tbl_contains(built["init"], "keymaps"), "the graph has the top level")
    assert.is_nil(cycle(built), "in dist/lua/")
  end)

  it("no feature reaches another, or itself, through the public module", function()
    for _, feature in ipairs(FEATURES) do
      for _, f in ipairs(files(SRC .. feature, ".ts")) do
        local text = read(f)
        assert.is_nil(text:find('lazy%b<>%("ollama%-chat"%)') or text:find('lazy%("ollama%-chat"%)'), f .. " loads the public module")
        assert.is_nil(text:find('require%("ollama%-chat"%)'), f .. " requires the public module")
        assert.is_nil(text:find('from "../init"', 1, true), f .. " imports the public module")
      end
      for _, f in ipairs(files(DIST .. feature, ".lua")) do
        assert.is_nil(read(f):find('require("ollama-chat")', 1, true), f .. " requires the public module")
      end
    end
  end)
end)
