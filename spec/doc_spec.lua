-- The help file stays true to the code: every option, subcommand, keymap action and API function
-- is documented, and the help tags build without duplicates.
local root = vim.env.OC_ROOT
local doc = table.concat(vim.fn.readfile(root .. "/doc/ollama-chat.txt"), "\n")

local function documented(text)
  return doc:find(text, 1, true) ~= nil
end

describe("doc/ollama-chat.txt", function()
  it("builds its help tags without errors", function()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir .. "/doc", "p")
    vim.fn.writefile(vim.fn.readfile(root .. "/doc/ollama-chat.txt"), dir .. "/doc/ollama-chat.txt")
    vim.cmd("helptags " .. vim.fn.fnameescape(dir .. "/doc"))
    local tags = vim.fn.readfile(dir .. "/doc/tags")
    assert.is_true(#tags > 20)
  end)

  it("documents every option", function()
    local defaults = require("ollama-chat.config").defaults()
    for key, value in pairs(defaults) do
      if type(value) == "table" and (key == "chat" or key == "update") then
        for sub in pairs(value) do
          assert.is_true(documented("`" .. key .. "." .. sub .. "`"), key .. "." .. sub)
        end
      else
        assert.is_true(documented("`" .. key .. "`"), key)
      end
    end
  end)

  it("documents every subcommand and keymap action", function()
    for _, name in ipairs(require("ollama-chat.commands").ORDER) do
      assert.is_true(documented(":Ollama " .. name) or documented("]Ollama " .. name), name)
    end
    for action in pairs(require("ollama-chat.config").KEYMAP_ACTIONS) do
      assert.is_true(documented("  " .. action .. " "), action)
    end
  end)

  it("documents every function of the Lua API", function()
    for name, value in pairs(require("ollama-chat")) do
      if type(value) == "function" then
        assert.is_true(documented(name .. "("), name)
      end
    end
  end)
end)
