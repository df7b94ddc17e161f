-- The update through the user's commands and keys: :OllamaUpdate [model ...], :Ollama outdated,
-- :Ollama pull, :Ollama stop and <leader>ou, which dispatch to require("ollama-chat").
local Server = require("helpers.server")
local U = require("helpers.update")

local SCENARIO = {
  models = { { name = "llama3.2:3b" }, { name = "qwen3:8b" }, { name = "phi4:14b" } },
  pull = {
    ["llama3.2:3b"] = { behavior = "update", duration_ms = 1500 },
    ["qwen3:8b"] = { behavior = "update", duration_ms = 1500 },
    ["mistral:7b"] = { behavior = "new", duration_ms = 300 },
  },
}

describe("update commands", function()
  local server, child

  setup(function()
    server = Server.start()
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:scenario(SCENARIO)
    server:clear_log()
    child = U.child(server, { update = { registry = server.url } })
  end)
  after_each(function()
    child:stop()
  end)

  local function pulled()
    local names = {}
    for _, body in ipairs(U.pulls(server)) do names[#names + 1] = body.model end
    return U.sorted(names)
  end

  it(":OllamaUpdate updates every local model; :OllamaUpdate {model} only that one", function()
    child:cmd("OllamaUpdate")
    local done = U.wait_done(child)
    assert.same({ "llama3.2:3b", "qwen3:8b" }, U.sorted(done.updated))
    assert.same({ "llama3.2:3b", "phi4:14b", "qwen3:8b" }, pulled())

    server:clear_log()
    child:cmd("OllamaUpdate phi4:14b")
    assert.same({ "phi4:14b" }, U.wait_done(child, 2).current)
    assert.same({ "phi4:14b" }, pulled())
  end)

  it("<leader>ou starts the update, and again while it runs moves into its view", function()
    child:feed("<Space>ou")
    U.wait_line(child, "llama3.2:3b", "downloading")
    assert.is_true(U.view_win(child).current)
    child:feed("<C-w>p")
    assert.is_false(U.view_win(child).current)
    child:feed("<Space>ou")
    child:wait_until(function(c) return U.view_win(c).current end, "cursor in the view")
    assert.equals(2, #U.wait_done(child).updated)
    assert.equals(3, #U.pulls(server))
  end)

  it(":Ollama stop cancels the update", function()
    child:cmd("Ollama update")
    U.wait_line(child, "llama3.2:3b", "%")
    child:cmd("Ollama stop")
    local done = U.wait_done(child)
    assert.is_true(done.cancelled)
    assert.matches("cancelled", U.view_line(child, "llama3.2:3b"))
  end)

  it(":Ollama outdated lists the outdated models; :Ollama pull downloads a new one", function()
    child:cmd("Ollama outdated")
    local done = U.wait_done(child)
    assert.same({ "llama3.2:3b", "qwen3:8b" }, U.sorted(done.available))
    assert.same({}, U.pulls(server))

    child:cmd("Ollama pull mistral:7b")
    local pulled_done = U.wait_done(child, 2)
    assert.same({ "mistral:7b" }, pulled_done.updated)
    assert.matches("installed", U.view_line(child, "mistral:7b"))
  end)
end)
