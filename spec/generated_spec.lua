-- What is generated from the action table and the option schema stays what the code says: the
-- help's generated sections, and the files in dist/lua that scripts/gen-docs.lua writes.
local root = vim.env.OC_ROOT
local nvim = vim.env.OC_NVIM or "nvim"

local function gen(...)
  local out = vim.fn.system({ nvim, "--clean", "-l", root .. "/scripts/gen-docs.lua", ... })
  assert.equals(0, vim.v.shell_error, out)
end

describe("generated", function()
  it("doc/ollama-chat.txt: the commands, keymaps and options sections match the code", function()
    local fresh = vim.fn.tempname()
    gen("doc", root .. "/dist/lua", root .. "/doc/ollama-chat.txt", fresh)
    assert.same(vim.fn.readfile(fresh), vim.fn.readfile(root .. "/doc/ollama-chat.txt"),
      "doc/ollama-chat.txt is stale: run make build (or make doc)")
  end)

  it("doc drift is caught: an edited generated line fails the comparison", function()
    local edited = vim.fn.tempname()
    local lines = vim.fn.readfile(root .. "/doc/ollama-chat.txt")
    for i, l in ipairs(lines) do
      if l:find("^:Ollama open ") then lines[i] = ":Ollama open                    Something else." end
    end
    vim.fn.writefile(lines, edited)
    local fresh = vim.fn.tempname()
    gen("doc", root .. "/dist/lua", edited, fresh)
    assert.are_not.same(lines, vim.fn.readfile(fresh))
    assert.same(vim.fn.readfile(root .. "/doc/ollama-chat.txt"), vim.fn.readfile(fresh))
  end)

  it("keys.lua and _meta.lua in dist/lua are what the action table and the schema yield", function()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir .. "/ollama-chat", "p")
    gen("dist", root .. "/dist/lua", dir)
    for _, name in ipairs({ "keys.lua", "_meta.lua" }) do
      assert.same(vim.fn.readfile(dir .. "/ollama-chat/" .. name), vim.fn.readfile(root .. "/dist/lua/ollama-chat/" .. name), name)
    end
  end)
end)

--- The options and keymaps of the schema that a LuaCATS text does not give (empty: all there).
local function option_problems(text)
  local problems = {}
  local class_of = { [""] = "ollama-chat.Opts" }
  for _, option in ipairs(require("ollama-chat.schema").OPTIONS) do
    if option.group then class_of[option.path] = option.type end
  end
  for _, option in ipairs(require("ollama-chat.schema").OPTIONS) do
    local parent, field = option.path:match("^(.-)%.?([^.]+)$")
    local class = text:match("\n%-%-%-@class " .. vim.pesc(class_of[parent]) .. "\n(.-)\n\n") or text:match("\n%-%-%-@class " .. vim.pesc(class_of[parent]) .. "\n(.*)$")
    if not class then
      problems[#problems + 1] = "no class " .. class_of[parent]
    elseif not class:find("---@field " .. field .. "? " .. option.type, 1, true) then
      problems[#problems + 1] = "no option " .. option.path
    end
  end
  for action in pairs(require("ollama-chat.config").KEYMAP_ACTIONS) do
    if not text:find("---@field " .. action .. "? string|false", 1, true) then problems[#problems + 1] = "no keymaps." .. action end
  end
  return problems
end

describe("dist/lua", function()
  local files = vim.fs.find(function(name) return name:match("%.lua$") end, { path = root .. "/dist/lua", type = "file", limit = math.huge })

  it("every file names the file it comes from in its first line", function()
    assert.is_true(#files > 30)
    for _, f in ipairs(files) do
      local lines = vim.fn.readfile(f, "", 2)
      local first = lines[1] == "---@meta" and lines[2] or lines[1]
      local source = first:match("^%-%- generated from (%S+)")
      assert.is_not_nil(source, f .. ": " .. first)
      assert.is_true(source == "TypeScriptToLua's" or vim.uv.fs_stat(root .. "/" .. source) ~= nil, f .. " names " .. source)
      assert.is_not_nil(first:find("; do not edit$"), f)
    end
  end)

  it("the comments that say why stand in the Lua too", function()
    for _, name in ipairs({ "keymaps", "commands", "actions", "init" }) do
      local lua = table.concat(vim.fn.readfile(root .. "/dist/lua/ollama-chat/" .. name .. ".lua"), "\n")
      local n = 0
      for _, line in ipairs(vim.fn.readfile(root .. "/src/ollama-chat/" .. name .. ".ts")) do
        local comment = line:match("^%s*//(.*)$")
        if comment then
          n = n + 1
          assert.is_not_nil(lua:find("--" .. comment, 1, true), name .. ".lua lost: //" .. comment)
        end
      end
      assert.is_true(n > 0, name .. ".ts has no comment to check")
    end
  end)

  it("_meta.lua gives lua-language-server every option, parses as Lua 5.1 and nothing requires it", function()
    local meta = root .. "/dist/lua/ollama-chat/_meta.lua"
    local lines = vim.fn.readfile(meta)
    assert.equals("---@meta", lines[1])
    assert.equals("", (vim.fn.system({ "luac5.1", "-p", "-o", "/dev/null", meta })))
    assert.equals(0, vim.v.shell_error)
    assert.same({}, option_problems(table.concat(lines, "\n")))
    for _, f in ipairs(files) do
      assert.is_nil(table.concat(vim.fn.readfile(f), "\n"):find("require%(\"ollama%-chat%._meta\"%)"), f)
    end
  end)
end)

-- LuaCATS as lua-language-server reads it (its annotation syntax: ---@class, ---@field, ---@param,
-- ---@return, ---@type), checked by a parser of the types rather than by a server we cannot install.
local Cats = {}
do
  local BUILTIN = { any = true, ["nil"] = true, boolean = true, string = true, number = true, integer = true,
    table = true, ["function"] = true, thread = true, userdata = true, ["true"] = true, ["false"] = true }

  local function skip(s, i) return s:match("^%s*()", i) end

  -- Each returns the index after what it read, or nil and why.
  local parse_type
  local function parse_list(s, i, close, item)
    i = skip(s, i)
    if s:sub(i, i) == close then return i + 1 end
    while true do
      local j, err = item(s, i)
      if not j then return nil, err end
      i = skip(s, j)
      local c = s:sub(i, i)
      if c == close then return i + 1 end
      if c ~= "," then return nil, ("expected ',' or '%s' at %d: %s"):format(close, i, s) end
      i = skip(s, i + 1)
    end
  end
  local function named(s, i) -- name?: type
    local j = s:match("^[%a_][%w_]*%??%s*:()", i)
    if not j then return nil, ("expected 'name: type' at %d: %s"):format(i, s) end
    return parse_type(s, skip(s, j))
  end
  local function atom(s, i, refs)
    local c = s:sub(i, i)
    if c == '"' then
      local j = s:match('^"[^"]*"()', i)
      return j or nil, "unterminated string: " .. s
    elseif c:match("%d") or c == "-" then
      return s:match("^%-?%d+%.?%d*()", i)
    elseif c == "(" then
      local j, err = parse_type(s, skip(s, i + 1), refs)
      if not j then return nil, err end
      j = skip(s, j)
      if s:sub(j, j) ~= ")" then return nil, "expected ')': " .. s end
      return j + 1
    elseif c == "{" then
      return parse_list(s, i + 1, "}", function(s2, k) return named(s2, k) end)
    elseif c == "[" then
      return parse_list(s, i + 1, "]", function(s2, k) return parse_type(s2, k, refs) end)
    end
    if s:match("^fun%(", i) then
      local j, err = parse_list(s, i + 4, ")", named)
      if not j then return nil, err end
      local r = s:match("^%s*:%s*()", j)
      if r then return parse_type(s, r, refs) end
      return j
    end
    local name, j = s:match("^([%a_][%w_.%-]*)()", i)
    if not name then return nil, ("expected a type at %d: %s"):format(i, s) end
    if not BUILTIN[name] then refs[#refs + 1] = name end
    if s:sub(j, j) == "<" then
      local k, err = parse_list(s, j + 1, ">", function(s2, m) return parse_type(s2, m, refs) end)
      if not k then return nil, err end
      j = k
    end
    return j
  end
  function parse_type(s, i, refs)
    refs = refs or {}
    while true do
      local j, err = atom(s, i, refs)
      if not j then return nil, err end
      while s:sub(j, j + 1) == "[]" do j = j + 2 end
      if s:sub(j, j) == "?" then j = j + 1 end
      local bar = s:match("^%s*|%s*()", j)
      if not bar then return j end
      i = bar
    end
  end

  --- The problems of a LuaCATS file's text (empty when it is well formed), and its parts:
  --- { classes = { name = { field = type } }, functions = { name = { params = {names}, declared = {names} } } }
  function Cats.check(text)
    local problems, refs = {}, {}
    local parts = { classes = {}, functions = {}, values = {} }
    local class, params = nil, {}
    local function typed(line, rest, what)
      local j, err = parse_type(rest, 1, refs)
      if not j then
        problems[#problems + 1] = what .. ": " .. err
      elseif j <= #rest and not rest:sub(j, j):match("%s") then
        problems[#problems + 1] = what .. ": junk after the type: " .. line
      end
      return j and rest:sub(1, j - 1)
    end
    for n, line in ipairs(vim.split(text, "\n", { plain = true })) do
      local where = "line " .. n
      local tag, rest = line:match("^%-%-%-@(%a+)%s*(.*)$")
      if tag == "meta" then
        if n ~= 1 or rest ~= "" then problems[#problems + 1] = where .. ": ---@meta belongs alone on line 1" end
      elseif tag == "class" then
        local name = rest:match("^([%a_][%w_.%-]*)$")
        if not name then problems[#problems + 1] = where .. ": bad class: " .. line
        elseif parts.classes[name] then problems[#problems + 1] = where .. ": class defined twice: " .. name
        else class = {}; parts.classes[name] = class end
      elseif tag == "field" then
        local name, opt, t = rest:match("^([%a_][%w_]*)(%??) (.*)$")
        if not name or not class then problems[#problems + 1] = where .. ": field outside a class or malformed: " .. line
        else class[name] = typed(line, t, where) end
      elseif tag == "param" then
        local name, t = rest:match("^([%a_][%w_]*)%?? (.*)$")
        if not name then problems[#problems + 1] = where .. ": bad param: " .. line
        else params[#params + 1] = name; typed(line, t, where) end
      elseif tag == "return" or tag == "type" then
        typed(line, rest, where)
      elseif tag then
        problems[#problems + 1] = where .. ": unknown annotation ---@" .. tag
      elseif line:match("^%-%-") or line == "" or line == "local M = {}" or line == "return M" then
        if line == "" then class = nil end
      else
        local fname, args = line:match("^function M%.([%a_][%w_]*)%(([^)]*)%) end$")
        local vname = line:match("^M%.([%a_][%w_]*) = nil$")
        if fname then
          parts.functions[fname] = { params = args == "" and {} or vim.split(args, ", ", { plain = true }), declared = params }
        elseif vname then
          parts.values[vname] = true
        else
          problems[#problems + 1] = where .. ": not an annotation, a comment or a declaration: " .. line
        end
        params = {}
      end
    end
    for _, name in ipairs(refs) do
      if not parts.classes[name] then problems[#problems + 1] = "type used but not defined: " .. name end
    end
    return problems, parts
  end
end

describe("_meta.lua's API", function()
  local meta = root .. "/dist/lua/ollama-chat/_meta.lua"
  local Child = require("helpers.child")

  --- What a user's Neovim gets from require("ollama-chat"): { name = {params} | "value" }, and
  --- the _meta.lua on its runtimepath (where lua-language-server's Neovim setups look).
  local function user_view()
    local child = Child.new()
    local out = child:lua([[
      local api = {}
      for name, v in pairs(require("ollama-chat")) do
        if type(v) == "function" then
          local params = {}
          for i = 1, debug.getinfo(v, "u").nparams do params[i] = debug.getlocal(v, i) end
          api[name] = params
        else
          api[name] = type(v)
        end
      end
      return { api = api, files = vim.api.nvim_get_runtime_file("lua/ollama-chat/_meta.lua", true) }
    ]])
    child:stop()
    return out
  end

  --- The problems of `text` as the API's annotations, against what the user's Neovim exports.
  local function api_problems(text, view)
    local problems, parts = Cats.check(text)
    for name, params in pairs(view.api) do
      if type(params) == "string" then
        if not parts.values[name] then problems[#problems + 1] = "no annotation for the API's " .. name end
      elseif not parts.functions[name] then
        problems[#problems + 1] = "no annotation for the API function " .. name .. "()"
      else
        local f = parts.functions[name]
        if not vim.deep_equal(f.params, params) then
          problems[#problems + 1] = ("%s(%s) is annotated as %s(%s)"):format(name, table.concat(params, ", "), name, table.concat(f.params, ", "))
        end
        if not vim.deep_equal(f.declared, params) then
          problems[#problems + 1] = ("%s: ---@param for %s, the function takes %s"):format(name, table.concat(f.declared, ", "), table.concat(params, ", "))
        end
      end
    end
    for name in pairs(parts.functions) do
      if view.api[name] == nil then problems[#problems + 1] = "annotated but not in the API: " .. name .. "()" end
    end
    return problems, parts
  end

  local view
  before_each(function() view = view or user_view() end)

  it("annotates every function require('ollama-chat') has, with its parameters, and is found on the runtimepath", function()
    local problems, parts = api_problems(table.concat(vim.fn.readfile(meta), "\n"), view)
    assert.same({}, problems)
    assert.is_true(vim.tbl_count(parts.functions) >= 25, "only " .. vim.tbl_count(parts.functions) .. " functions")
    assert.same({ vim.uv.fs_realpath(meta) }, vim.tbl_map(vim.uv.fs_realpath, view.files))
    -- The types come from the TypeScript signatures, not from a list kept by hand.
    local text = table.concat(vim.fn.readfile(meta), "\n")
    for _, expected in ipairs({
      "---@param opts? ollama-chat.Opts\nfunction M.setup(opts) end",
      "---@param layout \"horizontal\"|\"vertical\"\nfunction M.set_layout(layout) end",
      "---@return ollama-chat.StatusResult\nfunction M.status() end",
      "---@param name string\n---@param opts? ollama-chat.DeleteModelOpts\nfunction M.delete_model(name, opts) end",
      "---@param cb fun(models?: ollama-chat.RunningModel[], err?: string)\nfunction M.running(cb) end",
      "---@field state \"idle\"|\"loading\"|\"generating\"|\"error\"",
      "---@field range? [number, number]",
      "---@field check_only? boolean Only ask the registry",
    }) do
      assert.is_not_nil(text:find(expected, 1, true), expected)
    end
  end)

  it("a function, a parameter or an option missing from _meta.lua, or a malformed annotation, is caught", function()
    local text = table.concat(vim.fn.readfile(meta), "\n")
    local function caught(edited, why)
      assert.are_not.equal(text, edited, why .. ": the edit did not apply")
      assert.is_true(#api_problems(edited, view) > 0, why .. " went unnoticed")
    end
    caught((text:gsub("\n[^\n]*\nfunction M%.resume%(name%) end", "")), "resume() missing")
    caught((text:gsub("function M%.delete_model%(name, opts%)", "function M.delete_model(name)")), "a parameter missing")
    caught((text:gsub("\n%-%-%-@param opts%? ollama%-chat%.Opts", "")), "setup's ---@param missing")
    caught((text:gsub("\n%-%-%-@class ollama%-chat%.RunningModel", "")), "a class missing")
    caught((text:gsub("ollama%-chat%.StatusResultContext Tokens", "{ used: number, size } Tokens")), "a bad table type")
    caught((text:gsub("%-%-%-@return string%[%]", "---@return string[")), "a bad array type")
    caught((text:gsub("fun%(models%?", "fun(models?: ,")), "a bad fun type")
    caught((text:gsub("%-%-%-@param", "---@parm", 1)), "an unknown annotation")
    assert.same({}, (api_problems(text, view)))
    -- The options: the schema's check (every option in its class) on the edited text.
    local without = text:gsub("\n%-%-%-@field max_ctx%? [^\n]*", "")
    assert.are_not.equal(text, without)
    assert.same({ "no option chat.max_ctx" }, option_problems(without))
    assert.same({ "no keymaps.models" }, option_problems((text:gsub("\n%-%-%-@field models%? string|false[^\n]*", ""))))
  end)
end)
