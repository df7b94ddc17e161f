-- The highlight groups: defined when the chat or the update view loads, again after every
-- :colorscheme, each visible with and without 'termguicolors' (thinking and stats dimmed), and
-- never over a definition of the user's or the colorscheme's.
local Child = require("helpers.child")

local DIMMED = { "OllamaChatThinking", "OllamaChatStats", "OllamaUpdateMuted" }
local ALL = {
  "OllamaChatThinking", "OllamaChatStats", "OllamaChatStopped", "OllamaChatWarning", "OllamaChatError",
  "OllamaUpdateMuted", "OllamaUpdateActive", "OllamaUpdateDone", "OllamaUpdateFailed", "OllamaUpdateCancelled",
  "OllamaUpdateAvailable", "OllamaUpdateBar", "OllamaUpdateHeader",
}

describe("highlights", function()
  local child

  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  local function resolved(name)
    return child:lua("return vim.api.nvim_get_hl(0, { name = ..., link = false })", name)
  end

  --- Something a 16-colour terminal shows: a colour or an attribute.
  local function has_cterm(hl)
    return hl.ctermfg ~= nil or (type(hl.cterm) == "table" and next(hl.cterm) ~= nil)
  end

  local function assert_visible(what)
    local normal = resolved("Normal")
    for _, name in ipairs(ALL) do
      local hl = resolved(name)
      assert.is_true(has_cterm(hl), ("%s, %s: no cterm attributes: %s"):format(what, name, vim.inspect(hl)))
      assert.is_true(hl.fg ~= nil or hl.bold == true, ("%s, %s: nothing for termguicolors"):format(what, name))
    end
    for _, name in ipairs(DIMMED) do
      local hl = resolved(name)
      assert.are_not.equal(normal.fg, hl.fg, what .. ": " .. name .. " reads like the text around it")
      assert.are_not.equal(normal.ctermfg, hl.ctermfg, what .. ": " .. name .. " has Normal's cterm colour")
    end
  end

  local function load_chat()
    child:lua("require('ollama-chat.chat.session')")
  end

  it("dims thinking with and without termguicolors, and after :colorscheme", function()
    child = Child.new()
    child:cmd("set notermguicolors")
    load_chat()
    assert_visible("default scheme, notermguicolors")
    child:cmd("set termguicolors")
    assert_visible("default scheme, termguicolors")
    for _, scheme in ipairs({ "blue", "morning", "default" }) do
      child:cmd("colorscheme " .. scheme)
      child:cmd("set notermguicolors")
      assert_visible(scheme .. ", notermguicolors")
      child:cmd("set termguicolors")
      assert_visible(scheme .. ", termguicolors")
    end
    -- the thinking block of a reply is drawn with a group that is not cleared
    assert.is_true(next(resolved("OllamaChatThinking")) ~= nil)
  end)

  it("the update view's groups are there when only the updater loaded", function()
    child = Child.new()
    child:cmd("set notermguicolors")
    child:lua("require('ollama-chat.update.view')")
    for _, name in ipairs(ALL) do assert.is_true(has_cterm(resolved(name)), name) end
  end)

  it("keeps a definition of the user's or the colorscheme's", function()
    child = Child.new()
    child:cmd("highlight OllamaChatThinking ctermfg=5 guifg=#ff00ff")
    child:cmd("autocmd ColorScheme * highlight OllamaChatStats ctermfg=6 guifg=#00ffff")
    load_chat()
    assert.equals(5, resolved("OllamaChatThinking").ctermfg)
    child:cmd("colorscheme blue")
    assert.equals(6, resolved("OllamaChatStats").ctermfg)
    -- the user's group was cleared by :colorscheme (as any group is), and ours took its place
    assert.is_true(has_cterm(resolved("OllamaChatThinking")))
  end)
end)
