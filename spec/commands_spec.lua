-- :Ollama and :OllamaUpdate in a child Neovim: every subcommand calls the public API with the
-- right arguments (the API functions are replaced by spies), completion, ranges and errors.
local Child = require("helpers.child")
local spy = require("helpers.api_spy")

local API = { "open", "select_model", "switch_model", "toggle", "close", "set_layout", "save", "load", "resume",
  "clear_saved", "ask", "regenerate", "stop", "update", "pull", "status" }

local child

-- Runs an Ex command in the child; returns nil on success, else the error message.
local function run(cmdline)
  local err = child:lua([[
    local ok, err = pcall(vim.cmd, ...)
    return not ok and tostring(err) or nil
  ]], cmdline)
  if err ~= vim.NIL then return err end
end

local function calls()
  return spy.calls(child)
end

local function complete(cmdline)
  return child:lua("return vim.fn.getcompletion(..., 'cmdline')", cmdline)
end

describe(":Ollama", function()
  before_each(function()
    child = Child.new()
    spy.install(child, API)
  end)
  after_each(function()
    child:stop()
  end)

  local dispatch = {
    { "Ollama open", { name = "open", args = {} } },
    { "Ollama model", { name = "select_model", args = { "<nil>" } } },
    { "Ollama model llama3.2:3b", { name = "select_model", args = { "llama3.2:3b" } } },
    { "Ollama switch", { name = "switch_model", args = { "<nil>" } } },
    { "Ollama switch qwen2.5:7b", { name = "switch_model", args = { "qwen2.5:7b" } } },
    { "Ollama toggle", { name = "toggle", args = {} } },
    { "Ollama close", { name = "close", args = {} } },
    { "Ollama layout vertical", { name = "set_layout", args = { "vertical" } } },
    { "Ollama layout horizontal", { name = "set_layout", args = { "horizontal" } } },
    { "Ollama save", { name = "save", args = { "<nil>" } } },
    { "Ollama save my chat", { name = "save", args = { "my chat" } } },
    { "Ollama load", { name = "load", args = { "<nil>" } } },
    { "Ollama load session1", { name = "load", args = { "session1" } } },
    { "Ollama resume", { name = "resume", args = { "<nil>" } } },
    { "Ollama resume my notes", { name = "resume", args = { "my notes" } } },
    { "Ollama clear", { name = "clear_saved", args = { {} } } },
    { "Ollama ask", { name = "ask", args = { {} } } },
    { "Ollama ask what is \"x\" | y", { name = "ask", args = { { prompt = 'what is "x" | y' } } } },
    { "Ollama stop", { name = "stop", args = {} } },
    { "Ollama update", { name = "update", args = { { check_only = false } } } },
    { "Ollama update a:1 b", { name = "update", args = { { models = { "a:1", "b" }, check_only = false } } } },
    { "Ollama outdated", { name = "update", args = { { check_only = true } } } },
    { "Ollama pull llama3.2", { name = "pull", args = { "llama3.2" } } },
    { "OllamaUpdate", { name = "update", args = { { check_only = false } } } },
    { "OllamaUpdate llama3.2:3b qwen", { name = "update", args = { { models = { "llama3.2:3b", "qwen" }, check_only = false } } } },
  }
  for _, case in ipairs(dispatch) do
    it((":%s calls %s"):format(case[1], case[2].name), function()
      assert.is_nil(run(case[1]))
      assert.same({ case[2] }, calls())
    end)
  end

  it("passes a range to ask only when one was typed", function()
    child:lua("vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'a', 'b', 'c', 'd' })")
    assert.is_nil(run("2,3Ollama ask explain"))
    assert.is_nil(run("Ollama ask explain"))
    assert.same({
      { name = "ask", args = { { prompt = "explain", range = { 2, 3 } } } },
      { name = "ask", args = { { prompt = "explain" } } },
    }, calls())
  end)

  it("rejects an unknown subcommand, naming the valid ones", function()
    local err = run("Ollama bogus")
    assert.matches('unknown subcommand "bogus"', err, 1, true)
    assert.matches("open, model, switch, toggle, close, layout, save, load, resume, clear, ask, regenerate, stop, update, outdated, pull, models, delete, copy, preload, unload, status", err, 1, true)
    assert.same({}, calls())
  end)

  it("rejects a wrong layout and extra arguments without calling the API", function()
    assert.matches("expects horizontal or vertical", run("Ollama layout diagonal"))
    assert.matches("takes one model name", run("Ollama model a b"))
    assert.matches("takes one model name", run("Ollama pull a b"))
    assert.same({}, calls())
  end)

  it("picks a layout when none is given", function()
    child:lua([[
      require("ollama-chat").setup({ picker = "select" })
      vim.ui.select = function(items, opts, on_choice)
        _G.offered = items
        on_choice(items[2], 2)
      end
    ]])
    assert.is_nil(run("Ollama layout"))
    assert.same({ "horizontal", "vertical" }, child:lua("return _G.offered"))
    assert.same({ { name = "set_layout", args = { "vertical" } } }, calls())
  end)

  it("asks for the model to pull when none is given", function()
    child:lua([[vim.ui.input = function(opts, on_confirm) _G.asked = opts.prompt; on_confirm(" phi3:mini ") end]])
    assert.is_nil(run("Ollama pull"))
    assert.matches("Model to pull", child:lua("return _G.asked"))
    assert.same({ { name = "pull", args = { "phi3:mini" } } }, calls())
  end)

  it("status prints the model, state and speed", function()
    child:lua([[_G.spy_returns.status = { model = "llama3.2:3b", state = "generating", tokens_per_second = 41.26 }]])
    assert.is_nil(run("Ollama status"))
    child:wait_until(function()
      return child:messages():find("model llama3.2:3b, state generating, 41.3 tokens/s", 1, true)
    end, "the status message")
    child:lua([[_G.spy_returns.status = { state = "idle" }]])
    assert.is_nil(run("Ollama status"))
    child:wait_until(function()
      return child:messages():find("model none, state idle", 1, true)
    end, "the status message without a model")
  end)

  it("bare :Ollama offers every subcommand in the picker and runs the chosen one", function()
    child:lua([[
      require("ollama-chat").setup({ picker = "select" })
      vim.ui.select = function(items, opts, on_choice)
        _G.offered = { prompt = opts.prompt, lines = vim.tbl_map(opts.format_item, items) }
        on_choice(items[4], 4)
      end
    ]])
    assert.is_nil(run("Ollama"))
    local offered = child:lua("return _G.offered")
    assert.equals("Ollama", offered.prompt)
    assert.equals(22, #offered.lines)
    assert.matches("^open +open the chat", offered.lines[1])
    assert.matches("^resume +continue a saved chat", offered.lines[9])
    assert.matches("^regenerate +replace the last reply", offered.lines[12])
    assert.matches("^outdated +list the models", offered.lines[15])
    assert.same({ { name = "toggle", args = {} } }, calls())
  end)

  describe("completion", function()
    before_each(function()
      child:lua([[
        local commands = require("ollama-chat.commands")
        commands.set_completer("models", function() return { "llama3.2:3b", "llama3.1:8b", "qwen2.5:7b" } end)
        commands.set_completer("chats", function() return { "session1", "notes" } end)
      ]])
    end)

    it("completes subcommand names", function()
      assert.same({ "open", "model", "switch", "toggle", "close", "layout", "save", "load", "resume", "clear", "ask", "regenerate", "stop",
        "update", "outdated", "pull", "models", "delete", "copy", "preload", "unload", "status" }, complete("Ollama "))
      assert.same({ "switch", "save", "stop", "status" }, complete("Ollama s"))
      assert.same({ "resume", "regenerate" }, complete("Ollama r"))
      assert.same({ "ask" }, complete("'<,'>Ollama a"))
    end)

    it("completes layouts, model names and saved chats", function()
      assert.same({ "horizontal", "vertical" }, complete("Ollama layout "))
      assert.same({ "vertical" }, complete("Ollama layout v"))
      assert.same({ "llama3.2:3b", "llama3.1:8b", "qwen2.5:7b" }, complete("Ollama model "))
      assert.same({ "llama3.2:3b", "llama3.1:8b" }, complete("Ollama switch ll"))
      assert.same({ "qwen2.5:7b" }, complete("Ollama pull q"))
      assert.same({ "session1", "notes" }, complete("Ollama load "))
      assert.same({ "notes" }, complete("Ollama resume n"))
      assert.same({}, complete("Ollama model qwen2.5:7b "), "one model only")
      assert.same({}, complete("Ollama open "))
      assert.same({}, complete("Ollama bogus "))
    end)

    it("completes several models for update, leaving out the ones typed", function()
      assert.same({ "llama3.1:8b", "qwen2.5:7b" }, complete("Ollama update llama3.2:3b "))
      assert.same({ "llama3.1:8b" }, complete("Ollama update llama3.2:3b ll"))
      assert.same({ "llama3.2:3b", "llama3.1:8b", "qwen2.5:7b" }, complete("OllamaUpdate "))
      assert.same({ "qwen2.5:7b" }, complete("OllamaUpdate llama3.2:3b llama3.1:8b "))
    end)

    it("offers nothing, without an error, when the source has nothing or fails", function()
      child:lua([[
        local commands = require("ollama-chat.commands")
        commands.set_completer("models", nil)
        commands.set_completer("chats", function() error("boom") end)
      ]])
      assert.same({}, complete("Ollama model "))
      assert.same({}, complete("Ollama load "))
    end)
  end)
end)
