-- A user at a child Neovim with the chat: keys, prompts answered by typing, what they see.
--   local u = User.start(server, { setup = { data_dir = dir } })
--   u:open_chat(); u:send("hi"); u:wait_done(1)
--   u.child:feed("<Space>os"); u:answer("notes<CR>")
-- vim.ui.input and vim.ui.select stay Neovim's own (input() and inputlist() on the command line);
-- they are wrapped only to record what each prompt said.
local Child = require("helpers.child")

local User = {}
User.__index = User

User.MODELS = {
  { name = "llama3.2:3b", size = 2019393189 },
  { name = "tiny:1b", size = 700000000, context_length = 2048 },
}

--- The /api/chat requests the server received with messages, oldest first (a warm-up, the preload
--- sent when the chat opens, has none).
function User.chat_requests(server)
  return vim.tbl_filter(function(e) return e.path == "/api/chat" and #((e.json or {}).messages or {}) > 0 end, server:log())
end

--- Starts a child set up like a user's config: host, picker = "select", plus `opts.setup`.
--- opts: setup (table), xdg, args (argv of the child).
function User.start(server, opts)
  opts = opts or {}
  local self = setmetatable({ server = server, prompts_seen = 0 }, User)
  self.child = Child.new({ xdg = opts.xdg, args = opts.args })
  self.opts = vim.tbl_deep_extend("force", { host = server.url, picker = "select" }, opts.setup or {})
  self.child:lua("require('ollama-chat').setup(...)", self.opts)
  self.child:lua([[
    _G.__oc_done, _G.__oc_prompts, _G.__oc_notes = {}, {}, {}
    local notify = vim.notify
    vim.notify = function(msg, level, o)
      table.insert(_G.__oc_notes, { msg = msg, level = level })
      return notify(msg, level, o)
    end
    vim.api.nvim_create_autocmd("User", { pattern = "OllamaChatDone", callback = function(a) table.insert(_G.__oc_done, a.data) end })
    local input, select = vim.ui.input, vim.ui.select
    vim.ui.input = function(o, cb)
      table.insert(_G.__oc_prompts, { kind = "input", prompt = o.prompt, default = o.default })
      return input(o, cb)
    end
    vim.ui.select = function(items, o, cb)
      local shown = {}
      for i, item in ipairs(items) do shown[i] = (o.format_item or tostring)(item) end
      table.insert(_G.__oc_prompts, { kind = "select", prompt = o.prompt, items = shown })
      return select(items, o, cb)
    end
  ]])
  return self
end

function User:stop()
  self.child:stop()
end

function User:data_dir()
  return self.opts.data_dir
end

function User:chat_buf()
  return self.child:lua([[
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(b) == "ollama-chat://chat" then return b end
    end
    return -1
  ]])
end

function User:chat_lines()
  return self.child:lines(self:chat_buf())
end

--- The window of the current tab whose buffer is named `name` (the chat by default).
function User:win_named(name)
  for _, w in ipairs(self.child:wins()) do
    if w.name == (name or "ollama-chat://chat") then return w end
  end
end

--- Sets llama3.2:3b as the default model and opens the chat with <leader>oo.
function User:open_chat()
  self.child:cmd("Ollama model llama3.2:3b")
  self.child:feed("<Space>oo")
  self:wait(function() return self:win_named() ~= nil end, "chat window")
end

--- Types `text` as a new message in the chat window (which must be current) and sends it.
function User:send(text)
  self.child:feed("i" .. text .. "<Esc><CR>")
end

--- Polls `cond(child)` like Child:wait_until, but fails (instead of hanging on the next request)
--- while the child waits for a key nobody will type: a prompt, or an operator such as `r`.
function User:wait(cond, what, timeout)
  self.child:wait_until(function(c)
    local m = c:mode()
    if m.blocking then error(("the child waits for input in mode %q"):format(m.mode)) end
    return cond(c)
  end, what, timeout)
end

--- Types `:{cmd}<CR>`, as a user runs a command (an RPC nvim_command would wait on its prompts).
function User:command(cmd)
  self.child:feed(":" .. cmd .. "<CR>")
end

--- Waits for the n-th OllamaChatDone of this child; returns its data.
function User:wait_done(n)
  self:wait(function(c) return c:lua("return #_G.__oc_done") >= n end, "OllamaChatDone #" .. n, 20000)
  return self.child:lua("return _G.__oc_done")[n]
end

--- Waits for the next vim.ui.input or vim.ui.select prompt and types `keys` into it. An
--- inputlist() on Neovim 0.10 blocks the child (only fast calls are answered), so the prompt's
--- record is read afterwards, with prompts().
function User:answer(keys)
  local seen = self.prompts_seen
  self.child:wait_until(function(c)
    local m = c:mode()
    if m.blocking then return true end
    return m.mode == "c" and c:lua("return #_G.__oc_prompts") > seen
  end, "a prompt")
  self.prompts_seen = seen + 1
  self.child:feed(keys)
end

--- What each prompt said, oldest first: { kind = "input"|"select", prompt, default, items }.
function User:prompts()
  return self.child:lua("return _G.__oc_prompts")
end

--- Every vim.notify of the child, oldest first: { msg, level }.
function User:notes()
  return self.child:lua("return _G.__oc_notes")
end

function User:messages()
  return self.child:messages()
end

--- Waits until the message history holds `text` (plain).
function User:wait_message(text, timeout)
  self:wait(function(c) return c:messages():find(text, 1, true) ~= nil end, "message: " .. text, timeout)
end

return User
