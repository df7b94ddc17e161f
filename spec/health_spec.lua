-- :checkhealth ollama-chat, as a user runs it.
local Child = require("helpers.child")

local function report(child)
  child:cmd("checkhealth ollama-chat")
  return table.concat(child:lua("return vim.api.nvim_buf_get_lines(0, 0, -1, false)"), "\n")
end

describe(":checkhealth ollama-chat", function()
  local child
  after_each(function()
    child:stop()
  end)

  it("reports Neovim, curl, the host, and that no request was made yet", function()
    child = Child.new()
    child:lua("require('ollama-chat').setup({ host = 'http://127.0.0.1:9' })")
    local text = report(child)
    assert.matches("OK Neovim 0%.1%d", text)
    assert.matches("OK curl: /", text)
    assert.matches("host: http://127.0.0.1:9 %(from setup%)", text)
    assert.matches("no request made to Ollama yet", text)
    assert.matches("config_file: .*ollama_config%.lua", text)
  end)

  it("reports the last failed request with how to fix it", function()
    child = Child.new()
    child:lua([[
      require('ollama-chat').setup({ host = 'http://127.0.0.1:9' })
      _G.done = false
      require('ollama-chat.ollama.client').version(function() _G.done = true end)
    ]])
    child:wait_until(function(c) return c:lua("return _G.done") end, "request done")
    local text = report(child)
    assert.matches("ERROR last request to http://127.0.0.1:9 failed", text)
    assert.matches("Ollama is not running at http://127.0.0.1:9", text)
    assert.matches("ollama serve", text)
  end)
end)
