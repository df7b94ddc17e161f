-- Notifications are one line that fits the screen (a longer or multi-line message makes Neovim
-- stop for "Press ENTER" or pause), and the full text of a shortened one is kept in a log file.
-- A child over RPC has no screen attached, where notify only joins lines; `shown` gives a
-- message the way notify shows it on a screen of the child's size.
local Child = require("helpers.child")
local text = require("ollama-chat.ui.text")

describe("notifications", function()
  local child

  before_each(function()
    child = Child.new()
    child:lua("vim.o.columns = 80; vim.o.cmdheight = 1")
  end)
  after_each(function()
    child:stop()
  end)

  local function notify(msg, level)
    child:lua("require('ollama-chat.ui.notify').notify(...)", msg, level or vim.log.levels.ERROR)
  end

  --- As notify on a screen: shortened to the screen's width, then shown.
  local function shown(msg, level)
    child:lua([[
      local n = require('ollama-chat.ui.notify')
      local msg, level = ...
      vim.notify(n.shorten('ollama-chat: ' .. msg, level, n.screenWidth()), level)
    ]], msg, level or vim.log.levels.ERROR)
  end

  local function last_message()
    local lines = vim.split(child:messages(), "\n", { plain = true })
    return lines[#lines]
  end

  it("shows a long multi-line error as one line that fits, with the full text in the log", function()
    local detail = {
      "pull model manifest: Get \"https://registry.ollama.ai/v2/library/x/manifests/latest\":",
      "dial tcp: lookup registry.ollama.ai on 127.0.0.53:53: server misbehaving " .. ("é"):rep(200),
      "",
      "  retry later",
    }
    shown("Ollama: " .. table.concat(detail, "\n"))
    local mode = child:mode()
    assert.is_false(mode.blocking, "Neovim waits for Enter")
    local line = last_message()
    assert.matches("^ollama%-chat: Ollama: pull model manifest", line)
    assert.is_nil(line:find("\n", 1, true))
    assert.is_true(vim.fn.strdisplaywidth(line) <= 79, ("%d cells: %s"):format(vim.fn.strdisplaywidth(line), line))
    assert.matches("…", line, 1, true)
    local log = child:lua("return require('ollama-chat.ui.notify').logPath()")
    assert.matches("(full text: ollama-chat.log)", line, 1, true)
    local logged = table.concat(vim.fn.readfile(log), "\n")
    for _, l in ipairs(detail) do
      assert.matches(l, logged, 1, true)
    end
    assert.matches("ERROR", logged, 1, true)
  end)

  it("names the log by its path when the screen is wide enough", function()
    child:lua("vim.o.columns = 250")
    shown(("word "):rep(100))
    local log = child:lua("return require('ollama-chat.ui.notify').logPath()")
    local line = last_message()
    assert.is_true(vim.fn.strdisplaywidth(line) <= 249)
    assert.matches("(full text: " .. vim.fn.fnamemodify(log, ":~") .. ")", line, 1, true)
  end)

  it("fits the message area: columns times cmdheight", function()
    child:lua("vim.o.cmdheight = 3")
    assert.equals(239, child:lua("return require('ollama-chat.ui.notify').screenWidth()"))
    shown(("y"):rep(300))
    local line = last_message()
    assert.matches("^ollama%-chat: yyyy+… %(full text: ", line)
    assert.is_true(vim.fn.strdisplaywidth(line) <= 239)
    assert.is_true(vim.fn.strdisplaywidth(line) >= 200)
  end)

  it("joins the lines of a long message with no screen attached, and keeps it whole", function()
    notify(("a"):rep(300) .. "\n" .. ("b"):rep(300))
    assert.equals("ollama-chat: " .. ("a"):rep(300) .. " · " .. ("b"):rep(300), last_message())
  end)

  it("joins a short multi-line message into one line and logs nothing", function()
    notify("first line\nsecond line", vim.log.levels.WARN)
    assert.equals("ollama-chat: first line · second line", last_message())
    local log = child:lua("return require('ollama-chat.ui.notify').logPath()")
    assert.equals(0, vim.fn.filereadable(log))
  end)

  it("shows control characters in a name instead of breaking the line", function()
    notify('default model: "bad\rname\27[31m"', vim.log.levels.INFO)
    assert.equals('ollama-chat: default model: "bad · name\\x1b[31m"', last_message())
  end)

  it("still shows the line when the log cannot be written", function()
    child:lua("vim.env.XDG_STATE_HOME = '/proc/no-such-dir'")
    shown(("x"):rep(500))
    local line = last_message()
    assert.is_true(vim.fn.strdisplaywidth(line) <= 79)
    assert.is_nil(line:find("full text", 1, true))
  end)
end)

describe("safe text", function()
  it("makes control characters visible in one line", function()
    assert.equals("a\\nb\\r\\x1b c", text.inline("a\nb\r\27\tc"))
    assert.equals("plain", text.inline("plain"))
  end)

  it("joins lines, dropping blank ones", function()
    assert.equals("a · b · c", text.oneLine("a\r\n\n  b  \nc\n"))
  end)

  it("cuts to display cells without splitting a character", function()
    assert.equals("ab…", text.fit("abcdef", 3))
    assert.equals("世…", text.fit("世界世界", 4))
    assert.equals("abc", text.fit("abc", 3))
    local cut = text.fit(("é"):rep(100), 10)
    assert.equals(10, vim.fn.strdisplaywidth(cut))
    assert.is_truthy(vim.str_utfindex and pcall(vim.str_utfindex, cut))
  end)

  it("splits a reply into buffer lines", function()
    assert.same({ "a", "b", "", "c" }, text.lines("a\r\nb\n\nc"))
  end)
end)
