-- The chat knows its model: the context it asks for, the guard before a conversation that does not
-- fit, capabilities (think, images, chat), warm-up and load time. Driven through a child Neovim as a
-- user drives it; the test server's request log shows what was sent.
local Server = require("helpers.server")
local User = require("helpers.user")

local MODELS = {
  { name = "llama3.2:3b" },
  { name = "small:8k", context_length = 8192 },
  { name = "qwen3:8b", thinking = true, family = "qwen3" },
  { name = "llava:7b", capabilities = { "completion", "vision" } },
  { name = "nomic-embed-text:latest", capabilities = { "embedding" } },
  { name = "cold:3b", load_ms = 3000 },
}

-- A 1x1 PNG.
local PNG = "\137PNG\r\n\26\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\8\6\0\0\0\31\21\196\137\0\0\0\rIDATx\218c\248\15\0\1\1\1\0\24\221\141\176\0\0\0\0IEND\174B`\130"

describe("the chat knows its model", function()
  local server, u

  -- Every /api/chat request, warm-ups (no messages) included.
  local function chats()
    return vim.tbl_filter(function(e) return e.path == "/api/chat" end, server:log())
  end

  -- Chat requests with messages.
  local function replies()
    return User.chat_requests(server)
  end

  -- Every text shown under replies (stats, warnings) and at the ends of lines (marks).
  local function virtual_texts()
    return u.child:lua([[
      local out = {}
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(..., -1, 0, -1, { details = true })) do
        for _, l in ipairs(m[4].virt_lines or {}) do for _, chunk in ipairs(l) do table.insert(out, chunk[1]) end end
        for _, chunk in ipairs(m[4].virt_text or {}) do table.insert(out, chunk[1]) end
      end
      return out
    ]], u:chat_buf())
  end

  local function shows(text)
    for _, t in ipairs(virtual_texts()) do
      if t:find(text, 1, true) then return true end
    end
    return false
  end

  local function start(setup, model)
    u = User.start(server, { setup = setup })
    u.child:cmd("Ollama model " .. (model or "llama3.2:3b"))
    u.child:feed("<Space>oo")
    u:wait(function() return u:win_named() ~= nil end, "chat window")
  end

  local function send_lua(text)
    u.child:lua("require('ollama-chat').send(...)", text)
  end

  local function notes_matching(text)
    return vim.tbl_filter(function(n) return n.msg:find(text, 1, true) ~= nil end, u:notes())
  end

  -- Writes a conversation into the chat buffer, as a user pasting an earlier chat would.
  local function write_history(turns, model)
    local lines = {}
    for _, content in ipairs(turns) do
      vim.list_extend(lines, { "## User", "", content, "", "## Assistant (" .. model .. ")", "", "ok", "" })
    end
    vim.list_extend(lines, { "## User", "", "" })
    u.child:lua("vim.api.nvim_buf_set_lines(..., 0, -1, false, select(2, ...))", u:chat_buf(), lines)
  end

  setup(function()
    server = Server.start({ models = MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  before_each(function()
    server:scenario({ models = MODELS, chat = { default = { reply = "Hello from the model." } } })
    server:clear_log()
  end)
  after_each(function()
    if u then u:stop() end
    u = nil
  end)

  describe("context", function()
    it("a short chat asks for 4096, and status() shows the context used", function()
      start()
      u:send("hi")
      local done = u:wait_done(1)
      local req = replies()[1]
      assert.equals(4096, req.json.options.num_ctx)
      assert.equals(4096, req.served.num_ctx)
      local ctx = u.child:lua("return require('ollama-chat').status().context")
      assert.equals(4096, ctx.size)
      assert.equals(req.served.prompt_eval_count + done.eval_count, ctx.used) -- the prompt and the reply
    end)

    it("a longer chat asks for the next power of two that holds it and its reply", function()
      start()
      send_lua(string.rep("word ", 8000)) -- 40,000 bytes: about 10,000 tokens
      u:wait_done(1)
      assert.equals(16384, replies()[1].json.options.num_ctx)
      assert.is_false(replies()[1].served.truncated)
    end)

    it("a num_ctx set by the user is sent as it is", function()
      start({ chat = { options = { num_ctx = 12000, temperature = 0 } } })
      u:send("hi")
      u:wait_done(1)
      assert.same({ num_ctx = 12000, temperature = 0 }, replies()[1].json.options)
    end)

    it("a wrong num_ctx is told and auto is used", function()
      start({ chat = { options = { num_ctx = "big" } } })
      u:wait_message("option `chat.options` expects")
      u:send("hi")
      u:wait_done(1)
      assert.equals(4096, replies()[1].json.options.num_ctx)
    end)
  end)

  describe("a chat of 15,000 tokens on an 8k model", function()
    local big = string.rep("x", 20000) -- 5,004 tokens a message by the server's count

    -- Sends the third long message and answers the prompt that stops it with `keys`; returns the prompt.
    local function answer_guard(keys, setup, model)
      start(setup, model or "small:8k")
      write_history({ big, big }, "llama3.2:3b")
      send_lua(big)
      u:answer(keys)
      return u:prompts()[1]
    end

    it("is stopped before sending, with the figures and the choices", function()
      local prompt = answer_guard("<Esc>")
      assert.matches("this chat is about 15,022 tokens; small:8k holds 8,192", prompt.prompt, 1, true)
      assert.equals(2, #prompt.items)
      assert.matches("Leave out the 4 oldest messages", prompt.items[1], 1, true)
      assert.matches("Send anyway", prompt.items[2], 1, true)
      u:wait(function() return #notes_matching("nothing sent") == 1 end, "nothing sent")
      assert.equals(0, #replies())
      local lines = u:chat_lines()
      assert.equals(big, lines[#lines]) -- the message is still there to send
    end)

    it("leaving out the oldest turns sends the rest; they stay in the chat, marked as not sent", function()
      answer_guard("1<CR>")
      u:wait_done(1)
      local req = replies()[1]
      assert.same({ { role = "user", content = big } }, req.json.messages)
      assert.equals(8192, req.json.options.num_ctx)
      assert.is_false(req.served.truncated)
      local lines = u:chat_lines()
      assert.equals(big, lines[3]) -- the first turn is still in the buffer
      local marks = 0
      for _, t in ipairs(virtual_texts()) do
        if t:find("not sent", 1, true) then marks = marks + 1 end
      end
      assert.equals(4, marks)
      -- The next message goes without them, and without asking again.
      server:clear_log()
      send_lua("and now?")
      u:wait_done(2)
      local second = replies()[1]
      assert.equals(3, #second.json.messages)
      assert.equals(big, second.json.messages[1].content)
      assert.equals(1, #u:prompts())
    end)

    it("sending anyway sends everything, and a warning says Ollama cut it", function()
      answer_guard("2<CR>")
      u:wait_done(1)
      local req = replies()[1]
      assert.equals(5, #req.json.messages)
      assert.equals(8192, req.json.options.num_ctx)
      assert.is_true(req.served.truncated)
      u:wait(function() return shows("Ollama cut this chat") end, "truncation warning")
    end)

    it("raising the context asks for more, for this chat, when the model holds more", function()
      local prompt = answer_guard("2<CR>", { chat = { max_ctx = 8192 } }, "llama3.2:3b")
      u:wait_done(1)
      assert.matches("the context asked for is 8,192 (llama3.2:3b holds 131,072)", prompt.prompt, 1, true)
      assert.equals(3, #prompt.items)
      assert.matches("Raise the context to 16,384", prompt.items[2], 1, true)
      local req = replies()[1]
      assert.equals(5, #req.json.messages)
      assert.equals(16384, req.json.options.num_ctx)
      assert.is_false(req.served.truncated)
      server:clear_log()
      send_lua("more")
      u:wait_done(2)
      assert.equals(16384, replies()[1].json.options.num_ctx)
      assert.equals(1, #u:prompts())
    end)
  end)

  describe("capabilities", function()
    it("think reaches a thinking model and never one without the capability", function()
      start({ chat = { think = true } })
      u:send("hi")
      u:wait_done(1)
      assert.is_nil(replies()[1].json.think)
      u.child:cmd("Ollama switch qwen3:8b")
      server:clear_log()
      send_lua("and you?")
      local done = u:wait_done(2)
      assert.is_true(replies()[1].json.think)
      assert.is_nil(done.error)
      assert.equals("qwen3:8b", done.model)
    end)

    it("a model that cannot chat is refused with a message, and not offered in the picker", function()
      start(nil, "nomic-embed-text")
      server:clear_log()
      send_lua("hi")
      u:wait(function() return #notes_matching("nomic-embed-text:latest cannot chat") == 1 end, "refusal")
      assert.equals(0, #replies())
      u.child:feed("<Space>om")
      u:answer("<Esc>")
      local items = u:prompts()[1].items
      assert.equals(5, #items)
      for _, item in ipairs(items) do assert.is_nil(item:find("nomic", 1, true)) end
      local badges = {}
      for _, item in ipairs(items) do
        if item:find("qwen3:8b", 1, true) then badges.qwen = item end
        if item:find("llava:7b", 1, true) then badges.llava = item end
      end
      assert.matches("thinking", badges.qwen)
      assert.matches("vision", badges.llava)
    end)
  end)

  describe("images", function()
    local dir

    before_each(function()
      dir = vim.fn.tempname()
      vim.fn.mkdir(dir, "p")
      local f = assert(io.open(dir .. "/dot.png", "wb"))
      f:write(PNG)
      f:close()
      f = assert(io.open(dir .. "/notes.txt", "wb"))
      f:write("not an image")
      f:close()
      f = assert(io.open(dir .. "/huge.png", "wb"))
      f:write(PNG)
      f:seek("set", 21 * 1024 * 1024)
      f:write("x")
      f:close()
    end)
    after_each(function()
      vim.fn.delete(dir, "rf")
    end)

    it("reach a vision model as base64; the chat keeps the short form", function()
      start(nil, "llava:7b")
      send_lua("what is this? #image:" .. dir .. "/dot.png")
      u:wait_done(1)
      local m = replies()[1].json.messages[1]
      assert.same({ vim.base64.encode(PNG) }, m.images)
      assert.equals("what is this? [image: dot.png]", m.content)
      assert.equals(768 + 4 + math.ceil(#"what is this? [image: dot.png]" / 4), replies()[1].served.prompt_tokens)
      local lines = u:chat_lines()
      assert.equals("what is this? #image:" .. dir .. "/dot.png", lines[3])
    end)

    it("never reach a text model: a message says why and nothing is sent", function()
      start()
      send_lua("what is this? #image:" .. dir .. "/dot.png")
      u:wait(function() return #notes_matching("llama3.2:3b cannot read images") == 1 end, "refusal")
      assert.equals(0, #replies())
    end)

    it("a file that is not an image, or over 20 MB, is refused", function()
      start(nil, "llava:7b")
      send_lua("#image:" .. dir .. "/notes.txt")
      u:wait(function() return #notes_matching("is not an image") == 1 end, "not an image")
      send_lua("#image:" .. dir .. "/huge.png")
      u:wait(function() return #notes_matching("images over 20 MB are not sent") == 1 end, "too large")
      send_lua("#image:" .. dir .. "/missing.png")
      u:wait(function() return #notes_matching("cannot read") == 1 end, "missing")
      assert.equals(0, #replies())
    end)
  end)

  describe("warm-up", function()
    it("opening the chat preloads its model with the chat's keep_alive", function()
      start({ chat = { keep_alive = "10m" } })
      u:wait(function() return #chats() >= 1 end, "warm-up request")
      local warm = chats()[1]
      assert.same({}, warm.json.messages)
      assert.equals("10m", warm.json.keep_alive)
      assert.equals(4096, warm.json.options.num_ctx)
      u:wait(function(c) return c:lua("return require('ollama-chat').status().loaded") == true end, "loaded")
      -- Warm: the first reply reuses the load and says nothing about loading.
      u:send("hi")
      u:wait_done(1)
      assert.is_false(replies()[1].served.cold)
      assert.is_false(shows("loaded in"))
    end)

    it("a reply that waited for its model to load says how long in its stats line", function()
      start(nil, "cold:3b")
      u:send("hi")
      u:wait_done(1)
      local loaded
      u:wait(function()
        for _, t in ipairs(virtual_texts()) do
          loaded = loaded or t:match("loaded in (%d%.%d) s")
        end
        return loaded ~= nil
      end, "load time in the stats line")
      -- The reply waited for the load the warm-up started when the chat opened: most of 3 s.
      assert.is_true(tonumber(loaded) >= 1.5 and tonumber(loaded) <= 3.1, loaded)
    end)
  end)
end)
