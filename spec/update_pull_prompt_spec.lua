-- Bare :Ollama pull as a user types it: the name is asked at a prompt the user sees on the command
-- line (vim.ui.input); what is typed after answering is the next command, never the name; a
-- cancelled or empty answer cancels, and says so.
local Server = require("helpers.server")
local U = require("helpers.update")

local SCENARIO = {
  models = { { name = "llama3.2:3b" } },
  pull = { ["mistral:7b"] = { behavior = "new", duration_ms = 200 } },
}

describe(":Ollama pull without a name", function()
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
    return names
  end

  --- Types `:Ollama pull<CR>` and waits for the prompt on the command line; returns its text.
  local function open_prompt()
    child:feed(":Ollama pull<CR>")
    child:wait_until(function(c)
      return c:mode().mode == "c" and c:lua("return vim.fn.getcmdtype()") == "@"
    end, "the name prompt")
    -- input()'s prompt, in front of the cursor (getcmdprompt() is 0.11+; on 0.10 the "@" command
    -- line type alone says that input() is asking)
    return child:lua("return vim.fn.exists('*getcmdprompt') == 1 and vim.fn.getcmdprompt() or nil")
  end

  --- Types a command after the prompt was answered, and waits until it ran.
  local function next_command_runs()
    child:feed(":let g:next_command = 'ran'<CR>")
    child:wait_until(function(c) return c:lua("return vim.g.next_command") == "ran" end, "the next command to run")
  end

  it("asks the name at a visible prompt, pulls it, and the next command typed runs as a command", function()
    local shown = open_prompt()
    if shown ~= vim.NIL then assert.equals("Model to pull (name:tag): ", shown) end
    child:feed("mistral:7b<CR>")
    assert.same({ "mistral:7b" }, U.wait_done(child).updated)
    next_command_runs()
    assert.same({ "mistral:7b" }, pulled())
  end)

  for _, answer in ipairs({ "<Esc>", "<CR>", "   <CR>" }) do
    it("cancels on " .. answer .. " with a message, and the next command typed runs as a command", function()
      open_prompt()
      child:feed(answer)
      child:wait_until(function(c) return c:messages():find("pull cancelled: no model name given", 1, true) ~= nil end, "the message")
      next_command_runs()
      vim.wait(200)
      assert.same({}, pulled())
      assert.equals(0, U.done_count(child))
    end)
  end

  it(":Ollama stop with nothing running says so", function()
    child:feed(":Ollama stop<CR>")
    child:wait_until(function(c) return c:messages():find("nothing to stop", 1, true) ~= nil end, "the message")
  end)
end)
