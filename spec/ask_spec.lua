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

  it("sends a 20,000-line buffer whole (over stdin), once the context is raised to hold it", function()
    start()
    local big = {}
    for i = 1, 20000 do
      big[i] = ("v%05d = %d -- ü"):format(i, i * 7)
    end
    edit("big.lua", big)
    user.child:cmd("Ollama model llama3.2:3b")
    user.child:feed("<Space>oa")
    user:answer("Summarise.<CR>")
    -- About 100,000 tokens: more than chat.max_ctx (32768), less than the model's 131072.
    user:answer("1<CR>")
    user:wait_done(1)
    local guard = user:prompts()[2]
    assert.matches("the context asked for is 32,768 (llama3.2:3b holds 131,072)", guard.prompt, 1, true)
    assert.matches("^Raise the context to 131,072", guard.items[1])
    local want = expected("File: project/big.lua (lua), all 20000 lines", "```", big, "Summarise.")
    assert.is_true(#want > 128 * 1024, "more than one command-line argument may hold")
    assert.equals(want, (last_sent()))
    local req = User.chat_requests(server)
    assert.equals(131072, req[#req].json.options.num_ctx)
    assert.is_false(req[#req].served.truncated)
  end)

  it("stops code bigger than the model's context before sending, with its size", function()
    start()
    local lines = numbered(1000)
    edit("long.lua", lines)
    user.child:cmd("Ollama model tiny:1b")
    user.child:feed("<Space>oa")
    user:answer("Too much?<CR>")
    user:answer("<Esc>")
    user:wait(function() return #vim.tbl_filter(function(n) return n.msg:find("nothing sent", 1, true) end, user:notes()) > 0 end, "nothing sent")
    assert.equals(0, #User.chat_requests(server))
    local want = expected("File: project/long.lua (lua), all 1000 lines", "```", lines, "Too much?")
    local guard = user:prompts()[2]
    local tokens = tostring(4 + math.ceil(#want / 4)) -- the server's count, which the estimate follows
    assert.matches(("this chat is about %s,%s tokens; tiny:1b holds 2,048"):format(tokens:sub(1, -4), tokens:sub(-3)), guard.prompt, 1, true)
    assert.equals(1, #guard.items)
    assert.matches("^Send anyway", guard.items[1])
    -- a selection that fits goes at once
    user.child:cmd("wincmd p")
    user.child:feed("1GVj<Space>oa")
    user:answer("And this?<CR>")
    user:wait_done(1)
    assert.equals(3, #user:prompts())
  end)

  it("checks the context of the model picked when there was no default yet", function()
    start()
    local lines = numbered(1000)
    edit("long.lua", lines)
    user:command("Ollama ask Too much?")
    user:answer("2<CR>")
    user:answer("1<CR>")
    user:wait_done(1)
    local picked = user:prompts()[1]
    assert.equals("select", picked.kind)
    assert.matches("^tiny:1b", picked.items[2])
    assert.matches("tiny:1b holds 2,048", user:prompts()[2].prompt, 1, true)
    local req = User.chat_requests(server)
    assert.equals("tiny:1b", req[#req].json.model)
    assert.is_true(req[#req].served.truncated)
  end)

  it("uses chat.options.num_ctx as the context when it is set", function()
    start({ setup = { chat = { options = { num_ctx = 512 } } } })
    edit("sample.lua", SAMPLE)
    user.child:cmd("Ollama model llama3.2:3b")
    user:command("Ollama ask hi")
    user:wait_done(1)
    assert.equals(0, #user:prompts())
    assert.equals(512, User.chat_requests(server)[1].json.options.num_ctx)
    local lines = numbered(300)
    edit("long.lua", lines)
    user:command("Ollama ask hi")
    user:answer("<Esc>")
    assert.matches("the context asked for is 512 (llama3.2:3b holds 131,072)", user:prompts()[1].prompt, 1, true)
    assert.equals(1, #User.chat_requests(server))
  end)
end)
