-- Model-name completion in a fresh Neovim (issue 14): nothing has listed the models yet when the
-- user types `:Ollama switch <Tab>`; the first <Tab> must still offer them (the names arrive a
-- moment later and the command line is completed again), never blocking the editor meanwhile.
-- The same for saved chat names while a folder of thousands is still being listed.
local Child = require("helpers.child")
local Server = require("helpers.server")

local MODELS = { { name = "llama3.2:3b" }, { name = "qwen2.5:7b" } }

describe("model-name completion before the first <Tab>", function()
  local server, child
  setup(function()
    server = Server.start({ models = MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    child = Child.new()
    child:lua("require('ollama-chat').setup({ host = ... })", server.url)
  end)
  after_each(function()
    child:stop()
  end)

  local function cmdline()
    return child:lua("return vim.fn.getcmdline()")
  end

  local function tags_requests()
    local n = 0
    for _, r in ipairs(server:log()) do
      if r.path == "/api/tags" then n = n + 1 end
    end
    return n
  end

  it("offers the local models on the very first <Tab> of :Ollama switch", function()
    assert.are.equal(0, tags_requests(), "nothing listed the models before the <Tab>")
    child:feed(":Ollama switch <Tab>")
    child:wait_until(function() return cmdline() == "Ollama switch llama3.2:3b" end, "first model completed", 5000)
    -- The next <Tab> goes on to the next name, as with any completion.
    child:feed("<Tab>")
    child:wait_until(function() return cmdline() == "Ollama switch qwen2.5:7b" end, "second model", 5000)
    assert.are.equal("c", child:mode().mode)
    child:feed("<Esc>")
  end)

  it("completes a typed prefix and :OllamaUpdate the same way", function()
    child:feed(":Ollama switch qw<Tab>")
    child:wait_until(function() return cmdline() == "Ollama switch qwen2.5:7b" end, "prefix completed", 5000)
    child:feed("<Esc>")
    child:stop()
    child = Child.new()
    child:lua("require('ollama-chat').setup({ host = ... })", server.url)
    child:feed(":OllamaUpdate <Tab>")
    child:wait_until(function() return cmdline() == "OllamaUpdate llama3.2:3b" end, "update completed", 5000)
    child:feed("<Esc>")
  end)

  it("offers saved chat names on the first <Tab> of :Ollama load, with 20,000 saved chats", function()
    child:stop()
    local data = Child.tempdir() .. "/data"
    vim.fn.mkdir(data .. "/chats", "p")
    for i = 1, 20000 do
      local f = assert(io.open(("%s/chats/c%05d_m_20250101-000000.txt"):format(data, i), "wb"))
      f:write("## User\n\nhi\n")
      f:close()
    end
    child = Child.new()
    child:lua("require('ollama-chat').setup({ host = ..., data_dir = select(2, ...) })", server.url, data)
    child:feed(":Ollama load c1999<Tab>")
    child:wait_until(function() return cmdline():match("^Ollama load c1999%d$") ~= nil end, "a chat name completed", 20000)
    child:feed("<Esc>")
  end)

  it("leaves the command line alone when the user typed on meanwhile, or Ollama is not running", function()
    -- Typed on before the names came: the line is the user's, no <Tab> is added to it.
    local before = tags_requests()
    child:feed(":Ollama switch <Tab>x")
    child:wait_until(function() return tags_requests() > before end, "models listed", 5000)
    vim.wait(300)
    assert.are.equal("Ollama switch x", cmdline())
    child:feed("<Esc>")
    child:stop()
    -- Nothing listens: no names, no error, the line as typed.
    child = Child.new()
    child:lua("require('ollama-chat').setup({ host = 'http://127.0.0.1:9' })")
    child:feed(":Ollama switch <Tab>")
    vim.wait(500)
    assert.are.equal("Ollama switch ", cmdline())
    assert.are.equal("c", child:mode().mode)
    child:feed("<Esc>")
    assert.is_nil(child:messages():find("E5108", 1, true))
  end)
end)
