-- Asking about code, driven through a child Neovim: <leader>oa on a visual selection and on the
-- whole buffer, :[range]Ollama ask; the exact message the server received, the reply in the
-- chat, a large buffer over stdin, and the warning for a buffer bigger than the model's context.
local Server = require("helpers.server")
local User = require("helpers.user")

local SAMPLE = {
  "-- sample.lua: a tiny module",
  "local M = {}",
  "function M.fence()",
  '  return "```lua\\nprint(1)\\n```"',
  "end",
  "local doc = [[",
  "## User",
  "````",
  "]]",
  "return M",
}

--- `n` lines of code, about 20 bytes each.
local function numbered(n)
  local lines = {}
  for i = 1, n do
    lines[i] = ("print(%d) -- line %d"):format(i, i)
  end
  return lines
end

--- The message ask sends: what a reader of the chat sees, exactly.
local function expected(header, fence, lines, question)
  local parts = { header, "", fence .. "lua" }
  vim.list_extend(parts, lines)
  vim.list_extend(parts, { fence, "", question })
  return table.concat(parts, "\n")
end

describe("ask", function()
  local server, user

  local function start(opts)
    user = User.start(server, opts)
    return user
  end

  --- Writes `lines` to project/<file> under the child's working folder and edits it.
  local function edit(file, lines)
    vim.fn.mkdir(user.child.xdg .. "/project", "p")
    vim.fn.writefile(lines, user.child.xdg .. "/project/" .. file)
    user.child:cmd("edit project/" .. file)
  end

  local function last_sent()
    local req = User.chat_requests(server)
    local messages = req[#req].json.messages
    return messages[#messages].content, #messages
  end

  --- <leader>oa in normal mode, the question typed at the prompt; waits for the n-th reply.
  local function ask_buffer(question, n)
    user.child:feed("<Space>oa")
    user:answer(question .. "<CR>")
    return user:wait_done(n)
  end

  local function warnings()
    return vim.tbl_filter(function(n) return n.msg:find("context of", 1, true) ~= nil end, user:notes())
  end

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:scenario({ models = User.MODELS, chat = { default = { echo = true } } })
    server:clear_log()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("<leader>oa on a visual selection asks about those lines, question typed at the prompt", function()
    start()
    edit("sample.lua", SAMPLE)
    user.child:cmd("Ollama model llama3.2:3b")
    user.child:feed("3GVjj<Space>oa")
    user:answer("What does this do?<CR>")
    local done = user:wait_done(1)
    local want = expected("File: project/sample.lua (lua), lines 3-5 of 10", "````", vim.list_slice(SAMPLE, 3, 5), "What does this do?")
    local sent, n = last_sent()
    assert.equals(want, sent)
    assert.equals(1, n)
    assert.same({ kind = "input", prompt = "Ask about lines 3-5: " }, user:prompts()[1])
    -- the reply streams into the chat, under the question
    assert.equals("1 message; last user message: " .. want, done.content)
    assert.is_not_nil(user:win_named())
    local shown = require("ollama-chat.format.transcript").parse(user:chat_lines())
    assert.equals(want, shown[1].content)
    assert.same({ role = "assistant", model = "llama3.2:3b", content = done.content }, shown[2])
  end)

  it(":[range]Ollama ask with the question as argument, then the whole buffer from normal mode", function()
    start()
    edit("sample.lua", SAMPLE)
    user:open_chat()
    -- from the chat itself there is no code to ask about
    user.child:feed("<Space>oa")
    user:wait_message("ask about a code buffer, not the chat itself")
    user.child:cmd("wincmd p")
    user:command("2,4Ollama ask what does this do?")
    user:wait_done(1)
    local sent, n = last_sent()
    assert.equals(expected("File: project/sample.lua (lua), lines 2-4 of 10", "````", vim.list_slice(SAMPLE, 2, 4), "what does this do?"), sent)
    assert.equals(1, n)
    -- normal mode: the whole buffer; its longest backtick run is 4, so the fence has 5
    ask_buffer("Explain the module.", 2)
    assert.same({ kind = "input", prompt = "Ask about the buffer: " }, user:prompts()[1])
    sent, n = last_sent()
    assert.equals(expected("File: project/sample.lua (lua), all 10 lines", "`````", SAMPLE, "Explain the module."), sent)
    -- into the same conversation
    assert.equals(3, n)
    assert.same({}, warnings())
  end)

  it("sends a 20,000-line buffer whole (over stdin), without a warning when it fits the context", function()
    start()
    local big = {}
    for i = 1, 20000 do
      big[i] = ("v%05d = %d -- ü"):format(i, i * 7)
    end
    edit("big.lua", big)
    user.child:cmd("Ollama model llama3.2:3b")
    ask_buffer("Summarise.", 1)
    local want = expected("File: project/big.lua (lua), all 20000 lines", "```", big, "Summarise.")
    assert.is_true(#want > 128 * 1024, "more than one command-line argument may hold")
    assert.is_true(#want / 4 < 131072, "fits the context")
    assert.equals(want, (last_sent()))
    -- /api/show was asked for the context length, which the code fits
    user:wait(function()
      return #vim.tbl_filter(function(e) return e.path == "/api/show" end, server:log()) > 0
    end, "/api/show")
    vim.wait(200)
    assert.same({}, warnings())
  end)

  it("warns with its size when the code is bigger than the model's context", function()
    start()
    local lines = numbered(1000)
    edit("long.lua", lines)
    user.child:cmd("Ollama model tiny:1b")
    ask_buffer("Too much?", 1)
    local want = expected("File: project/long.lua (lua), all 1000 lines", "```", lines, "Too much?")
    assert.equals(want, (last_sent()))
    user:wait(function() return #warnings() > 0 end, "the context warning")
    local w = warnings()
    assert.equals(1, #w)
    assert.equals(vim.log.levels.WARN, w[1].level)
    assert.equals(("ollama-chat: the code sent is about %d tokens (%d bytes), more than tiny:1b's context of 2048 tokens (its context_length): the model will not see all of it. Ask about a selection, or raise chat.options.num_ctx."):format(math.ceil(#want / 4), #want), w[1].msg)
    -- a selection that fits: no warning
    user.child:cmd("wincmd p")
    user.child:feed("1GVj<Space>oa")
    user:answer("And this?<CR>")
    user:wait_done(2)
    vim.wait(300)
    assert.equals(1, #warnings())
  end)

  it("warns for the model picked when there was no default yet", function()
    start()
    local lines = numbered(1000)
    edit("long.lua", lines)
    user:command("Ollama ask Too much?")
    user:answer("2<CR>")
    user:wait_done(1)
    local picked = user:prompts()[1]
    assert.equals("select", picked.kind)
    assert.matches("^tiny:1b", picked.items[2])
    user:wait(function() return #warnings() > 0 end, "the context warning")
    assert.matches("more than tiny:1b's context of 2048 tokens", warnings()[1].msg, 1, true)
  end)

  it("uses chat.options.num_ctx as the context when it is set", function()
    start({ setup = { chat = { options = { num_ctx = 512 } } } })
    edit("sample.lua", SAMPLE)
    user.child:cmd("Ollama model llama3.2:3b")
    user:command("Ollama ask hi")
    user:wait_done(1)
    assert.same({}, warnings())
    local lines = numbered(300)
    edit("long.lua", lines)
    user:command("Ollama ask hi")
    user:wait_done(2)
    user:wait(function() return #warnings() > 0 end, "the context warning")
    assert.matches("more than llama3.2:3b's context of 512 tokens (chat.options.num_ctx)", warnings()[1].msg, 1, true)
    assert.equals(512, User.chat_requests(server)[1].json.options.num_ctx)
  end)
end)
