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
    local text = table.concat(lines, "\n")
    local class_of = { [""] = "ollama-chat.Opts" }
    for _, option in ipairs(require("ollama-chat.schema").OPTIONS) do
      if option.group then class_of[option.path] = option.type end
    end
    for _, option in ipairs(require("ollama-chat.schema").OPTIONS) do
      local parent, field = option.path:match("^(.-)%.?([^.]+)$")
      local class = text:match("\n%-%-%-@class " .. vim.pesc(class_of[parent]) .. "\n(.-)\n\n") or text:match("\n%-%-%-@class " .. vim.pesc(class_of[parent]) .. "\n(.*)$")
      assert.is_not_nil(class, class_of[parent])
      assert.is_not_nil(class:find("---@field " .. field .. "? " .. option.type, 1, true), option.path)
    end
    for action in pairs(require("ollama-chat.config").KEYMAP_ACTIONS) do
      assert.is_not_nil(text:find("---@field " .. action .. "? string|false", 1, true), "keymaps." .. action)
    end
    for _, f in ipairs(files) do
      assert.is_nil(table.concat(vim.fn.readfile(f), "\n"):find("require%(\"ollama%-chat%._meta\"%)"), f)
    end
  end)
end)
