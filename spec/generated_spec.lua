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

  it("dist/lua/ollama-chat/keys.lua is what the action table yields", function()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir .. "/ollama-chat", "p")
    gen("dist", root .. "/dist/lua", dir)
    assert.same(vim.fn.readfile(dir .. "/ollama-chat/keys.lua"), vim.fn.readfile(root .. "/dist/lua/ollama-chat/keys.lua"))
  end)
end)
