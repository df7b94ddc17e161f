-- The load picker with many saved chats, as a user meets it: it shows the newest at once (the
-- first slice of the listing) with a last item for the older ones, listed meanwhile; choosing that
-- item shows them all, and any of them loads.
local Child = require("helpers.child")
local Server = require("helpers.server")
local User = require("helpers.user")
local h = require("helpers.store")

describe("the load picker", function()
  local server, user, data

  setup(function()
    server = Server.start({ models = User.MODELS })
  end)
  teardown(function()
    server:stop()
  end)
  after_each(function()
    if user then user:stop() end
    user = nil
  end)

  it("shows the 100 newest at once, then every chat through its last item", function()
    data = Child.tempdir() .. "/data"
    local n = 130
    for i = 1, n do
      local f = ("%s/chats/c%03d_llama3.2-3b_20250101-000000.txt"):format(data, i)
      h.write(f, ("## User\n\nhello %d\n\n## Assistant (llama3.2:3b)\n\nhi\n"):format(i))
      -- c130 is the newest
      h.age(f, (n - i) / 24)
    end
    user = User.start(server, { setup = { data_dir = data } })
    -- the choices are made by index (an inputlist of 130 lines shows a more-prompt on 0.10)
    user.child:lua([[
      _G.picks, _G.choose = {}, { 101, 130 }
      vim.ui.select = function(items, o, cb)
        local shown = {}
        for i, item in ipairs(items) do shown[i] = o.format_item(item) end
        table.insert(_G.picks, { prompt = o.prompt, items = shown })
        local i = _G.choose[#_G.picks]
        vim.schedule(function() cb(items[i], i) end)
      end
    ]])
    user:command("Ollama load")
    user:wait(function() return user.child:lua("return #_G.picks") >= 1 end, "the first picker")
    local first = user.child:lua("return _G.picks[1]")
    assert.equals("Load chat", first.prompt)
    assert.equals(101, #first.items)
    assert.matches("^★ c130  llama3%.2:3b  ", first.items[1])
    assert.matches("^★ c031  ", first.items[100])
    assert.equals("… older saved chats", first.items[101])
    -- the last item: every chat, newest first; the oldest loads
    user:wait(function() return user.child:lua("return #_G.picks") == 2 end, "the whole list")
    local all = user.child:lua("return _G.picks[2]")
    assert.equals(n, #all.items)
    assert.matches("^★ c130  ", all.items[1])
    assert.matches("^★ c001  ", all.items[n])
    local loaded = "ollama-chat://saved/c001_llama3.2-3b_20250101-000000.txt"
    user:wait(function() return user:win_named(loaded) ~= nil end, "the oldest chat loaded")
    assert.equals("hello 1", user.child:lines(user:win_named(loaded).buf)[3])
  end)
end)
