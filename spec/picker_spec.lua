-- The picker with real fzf: in a floating terminal of a child Neovim, and in a tmux popup of a
-- Neovim running inside a real tmux server with a client attached (popups need one); plus the
-- vim.ui.select path. Items come back by index, so odd names survive and never reach a shell.
local Child = require("helpers.child")
local root = vim.env.OC_ROOT

-- Names that break anything that puts them in a shell command; `dir` is where an injected
-- command would leave a file.
local function odd_names(dir)
  return {
    [[it's "quoted"]],
    "with space and\ttab",
    ("$(touch %s/pwned1)"):format(dir),
    ("`touch %s/pwned2`"):format(dir),
    ("back\\slash; touch %s/pwned3 & echo $HOME"):format(dir),
  }
end
-- A query fzf matches against exactly one of odd_names(), and the item's text as shown.
local ODD_QUERIES = { "quoted", "with space", "pwned1", "pwned2", "slash" }

-- Starts a pick in a Neovim (run through `lua`): on_choice stores the item in _G.picked
-- ("<nil>" for none) and counts its calls in _G.choices.
local PICK = [[
  local prompt, items = ...
  _G.picked, _G.choices = nil, 0
  require("ollama-chat.ui.picker").pick({
    prompt = prompt,
    items = items,
    format = function(item) return type(item) == "table" and item.name or item end,
    on_choice = function(item)
      _G.choices = _G.choices + 1
      _G.picked = item == nil and "<nil>" or item
    end,
  })
]]

local RESULT = "return _G.choices > 0 and { picked = _G.picked, choices = _G.choices } or false"

-- Files in the Neovim's temp dir (where the picker writes its lists).
local TEMP_FILES = "return vim.fn.readdir(vim.fn.fnamemodify(vim.fn.tempname(), ':h'))"

-- A tmux server on a private socket whose one pane runs Neovim (with the plugin, listening on a
-- socket for RPC), and a client attached to it from a terminal in another Neovim: a popup shows
-- on a client, and keys reach it through the client's terminal, as they do for a user.
local Tmux = {}
Tmux.__index = Tmux
local sessions = 0

local function sh(argv, env)
  local r = vim.system(argv, { env = env, text = true }):wait()
  assert(r.code == 0, table.concat(argv, " ") .. ": " .. (r.stderr or ""))
  return r.stdout
end

function Tmux.start()
  sessions = sessions + 1
  local self = setmetatable({}, Tmux)
  self.name = ("oc-picker-%d-%d"):format(vim.fn.getpid(), sessions)
  self.dir = Child.tempdir()
  self.sock = self.dir .. "/nvim.sock"
  local env = {
    TERM = "xterm-256color",
    OC_ROOT = root,
    XDG_CONFIG_HOME = self.dir .. "/config",
    XDG_DATA_HOME = self.dir .. "/data",
    XDG_STATE_HOME = self.dir .. "/state",
    XDG_CACHE_HOME = self.dir .. "/cache",
    XDG_RUNTIME_DIR = self.dir .. "/run",
  }
  -- The pane runs a headless Neovim with a --remote-ui in front of it: the wrapped Neovim's own
  -- TUI cannot re-execute itself as its --embed server.
  local pane = [[nvim=$1 sock=$2; shift 2; "$nvim" --headless --listen "$sock" "$@" &
    while [ ! -S "$sock" ]; do sleep 0.05; done; exec "$nvim" --remote-ui --server "$sock"]]
  sh({ "tmux", "-L", self.name, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-c", self.dir,
    "sh", "-c", pane, "sh", vim.env.OC_NVIM, self.sock, "--clean", "--cmd", "set noswapfile runtimepath^=" .. vim.fn.fnameescape(root) }, env)
  -- tmux leaves its socket file behind when the server exits: stop() removes it.
  self.socket = vim.trim(sh({ "tmux", "-L", self.name, "display-message", "-p", "#{socket_path}" }))
  self.host = Child.new()
  self.term = self.host:lua([[
    vim.o.columns, vim.o.lines = 120, 40
    local argv = { "env", "-u", "TMUX", "TERM=xterm-256color", "tmux", "-L", ..., "attach" }
    local chan
    if vim.fn.has("nvim-0.11") == 1 then chan = vim.fn.jobstart(argv, { term = true })
    else chan = vim.fn.termopen(argv) end
    return { chan = chan, buf = vim.api.nvim_get_current_buf() }
  ]], self.name)
  self.host:wait_until(function()
    return sh({ "tmux", "-L", self.name, "list-clients" }):find("attached")
  end, "a tmux client")
  self.host:wait_until(function()
    local ok, chan = pcall(vim.fn.sockconnect, "pipe", self.sock, { rpc = true })
    self.chan = ok and chan > 0 and chan or nil
    return self.chan
  end, "Neovim inside tmux")
  return self
end

--- Runs Lua in the Neovim inside tmux.
function Tmux:lua(code, ...)
  return vim.rpcrequest(self.chan, "nvim_exec_lua", code, { ... })
end

--- What the client's terminal shows: the pane, and the popup over it.
function Tmux:screen()
  return table.concat(self.host:lua("return vim.api.nvim_buf_get_lines(..., 0, -1, false)", self.term.buf), "\n")
end

--- Types into the client's terminal (so into the popup when one is open).
function Tmux:type(keys)
  self.host:lua("vim.api.nvim_chan_send(...)", self.term.chan, keys)
end

function Tmux:wait_screen(text, what)
  self.host:wait_until(function()
    return self:screen():find(text, 1, true)
  end, what or ("the popup to show " .. text))
end

function Tmux:stop()
  if self.chan then
    pcall(vim.rpcnotify, self.chan, "nvim_command", "qall!")
    pcall(vim.fn.chanclose, self.chan)
  end
  vim.system({ "tmux", "-L", self.name, "kill-server" }):wait()
  os.remove(self.socket)
  self.host:stop()
end

describe("picker", function()
  local child
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  describe("backend", function()
    before_each(function()
      child = Child.new()
    end)

    local function backend(picker)
      return child:lua("require('ollama-chat').setup({ picker = ... }) return require('ollama-chat.ui.picker').backend()", picker)
    end

    it("auto: fzf outside tmux, tmux inside, vim.ui.select without fzf", function()
      assert.equals("fzf", backend("auto"))
      assert.equals("fzf", backend("tmux"), "no tmux outside tmux")
      child:lua("vim.env.TMUX = '/tmp/tmux-0/default,1,0'")
      assert.equals("tmux", backend("auto"))
      assert.equals("fzf", backend("fzf"))
      child:lua("vim.env.PATH = '/nonexistent'")
      assert.equals("select", backend("auto"))
      assert.equals("select", backend("tmux"))
      assert.equals("select", backend("select"))
    end)

    it("warns once when fzf is asked for but missing", function()
      child:lua("vim.env.PATH = '/nonexistent'")
      assert.equals("select", backend("fzf"))
      assert.equals("select", backend("fzf"))
      child:wait_until(function() return child:messages():find("needs fzf", 1, true) end, "the warning")
      local _, count = child:messages():gsub("needs fzf", "")
      assert.equals(1, count)
    end)
  end)

  describe("vim.ui.select", function()
    before_each(function()
      child = Child.new()
      child:lua([[
        require("ollama-chat").setup({ picker = "select" })
        vim.ui.select = function(items, opts, on_choice)
          _G.shown = { prompt = opts.prompt, kind = opts.kind, lines = vim.tbl_map(opts.format_item, items) }
          on_choice(items[_G.answer], _G.answer)
        end
      ]])
    end)

    it("shows the formatted items and passes the chosen item itself", function()
      child:lua("_G.answer = 2")
      child:lua(PICK, "Model", { { name = "a:1" }, { name = "b:2" } })
      assert.same({ prompt = "Model", lines = { "a:1", "b:2" } }, child:lua("return _G.shown"))
      assert.same({ picked = { name = "b:2" }, choices = 1 }, child:lua(RESULT))
    end)

    it("reports a cancel as nil", function()
      child:lua("_G.answer = nil")
      child:lua(PICK, "Model", { "a", "b" })
      assert.same({ picked = "<nil>", choices = 1 }, child:lua(RESULT))
    end)

    it("reports an empty list as nil without showing anything", function()
      child:lua(PICK, "Model", {})
      assert.same({ picked = "<nil>", choices = 1 }, child:lua(RESULT))
      assert.equals(vim.NIL, child:lua("return _G.shown"))
    end)
  end)

  describe("fzf in a floating terminal", function()
    before_each(function()
      child = Child.new()
      child:lua("require('ollama-chat').setup({ picker = 'fzf' }) vim.cmd('edit ' .. vim.fn.tempname())")
    end)

    -- The floating terminal: { win, buf, text }, or nil.
    local function float()
      local f = child:lua([[
        for _, w in ipairs(vim.api.nvim_list_wins()) do
          local b = vim.api.nvim_win_get_buf(w)
          if vim.api.nvim_win_get_config(w).relative ~= "" and vim.bo[b].buftype == "terminal" then
            return { win = w, buf = b, text = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), "\n") }
          end
        end
        return false
      ]])
      return f or nil
    end

    local function wait_screen(text, what)
      child:wait_until(function()
        local f = float()
        return f and f.text:find(text, 1, true)
      end, what or ("fzf to show " .. text))
    end

    -- Types a query, waits for fzf to narrow the list to one match, then presses Enter.
    local function choose(query, total)
      child:feed(query)
      wait_screen("1/" .. total)
      child:feed("<CR>")
      child:wait_until(function() return child:lua(RESULT) end, "the choice")
      return child:lua(RESULT)
    end

    it("shows the items in a floating terminal and returns the one chosen", function()
      local before = child:lua(TEMP_FILES)
      local origin = child:lua("return vim.api.nvim_get_current_win()")
      child:lua(PICK, "Model", { { name = "llama3.2:3b" }, { name = "qwen2.5:7b" }, { name = "phi3:mini" } })
      wait_screen("3/3")
      local f = float()
      assert.matches("Model> ", f.text, 1, true)
      assert.matches("qwen2.5:7b", f.text, 1, true)
      assert.equals("t", child:mode().mode, "typing goes to fzf")
      assert.same({ picked = { name = "qwen2.5:7b" }, choices = 1 }, choose("qwen", 3))
      child:wait_until(function() return float() == nil end, "the float to close")
      assert.is_false(child:lua("return vim.api.nvim_buf_is_valid(...)", f.buf), "the terminal buffer is wiped")
      assert.equals(origin, child:lua("return vim.api.nvim_get_current_win()"))
      assert.equals("n", child:mode().mode)
      assert.same(before, child:lua(TEMP_FILES), "temp files are removed")
    end)

    it("Esc and Ctrl-C cancel with nil", function()
      for _, key in ipairs({ "<Esc>", "<C-c>" }) do
        child:lua(PICK, "Model", { "a", "b" })
        wait_screen("2/2")
        child:feed(key)
        child:wait_until(function() return child:lua(RESULT) end, "the cancel of " .. key)
        assert.same({ picked = "<nil>", choices = 1 }, child:lua(RESULT))
        child:wait_until(function() return float() == nil end, "the float to close")
      end
    end)

    it("closing the float by hand cancels with nil", function()
      child:lua(PICK, "Model", { "a", "b" })
      wait_screen("2/2")
      child:feed([[<C-\><C-n>:close<CR>]])
      child:wait_until(function() return child:lua(RESULT) end, "the cancel")
      assert.same({ picked = "<nil>", choices = 1 }, child:lua(RESULT))
    end)

    it("takes over when tmux cannot show a popup", function()
      child:lua("vim.env.TMUX = vim.fn.tempname() .. ',1,0' require('ollama-chat').setup({ picker = 'tmux' })")
      assert.equals("tmux", child:lua("return require('ollama-chat.ui.picker').backend()"))
      child:lua(PICK, "Model", { "a", "b" })
      wait_screen("2/2")
      assert.matches("tmux could not open a popup", child:messages())
      assert.same({ picked = "b", choices = 1 }, choose("b", 2))
    end)

    it("finds the choice among lines FZF_DEFAULT_OPTS adds, and reports an fzf failure", function()
      child:lua("vim.env.FZF_DEFAULT_OPTS = '--print-query --multi --height 90%'")
      child:lua(PICK, "Model", { "alpha", "beta", "gamma" })
      wait_screen("3/3")
      assert.same({ picked = "beta", choices = 1 }, choose("bet", 3))
      child:wait_until(function() return float() == nil end, "the float to close")
      child:lua("vim.env.FZF_DEFAULT_OPTS = '--no-such-option'")
      child:lua(PICK, "Model", { "alpha" })
      child:wait_until(function() return child:lua(RESULT) end, "the failed pick to end")
      assert.same({ picked = "<nil>", choices = 1 }, child:lua(RESULT))
      assert.matches("the picker failed: fzf exited with status 2", child:messages(), 1, true)
      assert.is_nil(float())
    end)

    it("returns odd names intact and runs none of them", function()
      local dir = Child.tempdir()
      local names = odd_names(dir)
      for i, query in ipairs(ODD_QUERIES) do
        child:lua(PICK, "Pick", names)
        wait_screen(#names .. "/" .. #names)
        assert.same({ picked = names[i], choices = 1 }, choose(query, #names))
        child:wait_until(function() return float() == nil end, "the float to close")
      end
      assert.same({}, vim.fn.readdir(dir))
    end)

    it("shows model rows: name with tag, size and date in aligned columns", function()
      child:lua([[
        local picker = require("ollama-chat.ui.picker")
        local models = {
          { name = "llama3.2:3b", size = 2019393189, modified_at = "2025-01-23T14:30:22.123+01:00" },
          { name = "qwen2.5-coder:14b", size = 8988124069, modified_at = "2024-11-02T08:00:00Z" },
          { name = "all-minilm:latest", size = 45960996, modified_at = "2024-05-10T10:00:00Z" },
        }
        _G.picked = nil
        picker.pick({ prompt = "Model", items = models, format = picker.modelFormatter(models),
          on_choice = function(m) _G.choices = 1; _G.picked = m.name end })
      ]])
      wait_screen("3/3")
      local text = float().text
      assert.matches("llama3.2:3b        2.0 GB  2025-01-23", text, 1, true)
      assert.matches("qwen2.5-coder:14b  9.0 GB  2024-11-02", text, 1, true)
      assert.matches("all-minilm:latest   45 MB  2024-05-10", text, 1, true)
      assert.same({ picked = "qwen2.5-coder:14b", choices = 1 }, choose("coder", 3))
    end)
  end)

  describe("fzf in a tmux popup", function()
    local tmux
    before_each(function()
      tmux = Tmux.start()
    end)
    after_each(function()
      tmux:stop()
    end)

    local function result()
      local r
      tmux.host:wait_until(function()
        r = tmux:lua(RESULT)
        return r
      end, "the choice")
      return r
    end

    -- Types a query, waits for fzf to narrow the list to one match, then presses Enter.
    local function choose(query, total)
      tmux:type(query)
      tmux:wait_screen("1/" .. total)
      tmux:type("\r")
      return result()
    end

    it("is what auto picks inside tmux, and returns the item chosen in the popup", function()
      assert.equals("tmux", tmux:lua("return require('ollama-chat.ui.picker').backend()"))
      local before = tmux:lua(TEMP_FILES)
      tmux:lua(PICK, "Model", { { name = "llama3.2:3b" }, { name = "qwen2.5:7b" }, { name = "phi3:mini" } })
      tmux:wait_screen("Model> ")
      tmux:wait_screen("3/3")
      local screen = tmux:screen()
      assert.matches("llama3.2:3b", screen, 1, true)
      assert.matches("phi3:mini", screen, 1, true)
      assert.equals(2, tmux:lua("return 1 + 1"), "Neovim answers while the popup is open")
      assert.equals(0, tmux:lua("return _G.choices"))
      assert.same({ picked = { name = "qwen2.5:7b" }, choices = 1 }, choose("qwen", 3))
      tmux.host:wait_until(function()
        return not tmux:screen():find("Model> ", 1, true)
      end, "the popup to close")
      assert.same(before, tmux:lua(TEMP_FILES), "temp files are removed")
    end)

    it("Esc and Ctrl-C cancel with nil", function()
      for _, key in ipairs({ "\27", "\3" }) do
        tmux:lua(PICK, "Model", { "alpha", "beta" })
        tmux:wait_screen("2/2")
        tmux:type(key)
        assert.same({ picked = "<nil>", choices = 1 }, result())
        tmux.host:wait_until(function()
          return not tmux:screen():find("2/2", 1, true)
        end, "the popup to close")
      end
    end)

    it("returns odd names intact and runs none of them, nor an odd prompt", function()
      local dir = Child.tempdir()
      local names = odd_names(dir)
      -- short enough for fzf to show it whole; relative paths land in the popup's directory
      local prompt = [[it's "$(touch pwned4)" `touch pwned5`]]
      for i, query in ipairs(ODD_QUERIES) do
        tmux:lua(PICK, prompt, names)
        tmux:wait_screen(#names .. "/" .. #names)
        assert.matches(prompt .. "> ", tmux:screen(), 1, true)
        assert.same({ picked = names[i], choices = 1 }, choose(query, #names))
        tmux.host:wait_until(function()
          return not tmux:screen():find(#names .. "/" .. #names, 1, true)
        end, "the popup to close")
      end
      assert.same({}, vim.fn.readdir(dir))
      assert.same({}, vim.fn.readdir(tmux.dir, function(name) return name:find("pwned") and 1 or 0 end))
    end)
  end)

  describe("model rows", function()
    it("sizes read as ollama list shows them", function()
      local picker = require("ollama-chat.ui.picker")
      assert.equals("2.0 GB", picker.humanSize(2019393189))
      assert.equals("274 MB", picker.humanSize(274302450))
      assert.equals("4.7 GB", picker.humanSize(4661224676))
      assert.equals("39 GB", picker.humanSize(39969745349))
      assert.equals("512 B", picker.humanSize(512))
      assert.equals("2025-01-23", picker.shortDate("2025-01-23T14:30:22.123456789+01:00"))
      assert.equals("unknown", picker.shortDate("unknown"))
    end)
  end)
end)
