-- The startup cleanup: saved chats older than retention_days go, each logged; nothing else is
-- touched; retention_days = 0 keeps everything.
local h = require("helpers.store")
local cleanup = require("ollama-chat.store.cleanup")

local function run()
  local err, result = h.await(cleanup.run)
  assert.is_nil(err)
  return result
end

describe("cleanup", function()
  local t = h.each_isolated()

  --- A saved chat file aged `days`.
  local function chat(file, days)
    local path = t.env.chats .. "/" .. file
    h.write(path, "## User\n\nhello\n")
    h.age(path, days)
    return path
  end

  it("deletes saved chats older than retention_days and keeps younger ones", function()
    local old = chat("old_llama3.2-3b_20240101-000000.txt", 31)
    local young = chat("young_llama3.2-3b_20240101-000000.txt", 29)
    local today = chat("today_m_20250101-000000.txt", 0)
    local result = run()
    assert.same({ "old_llama3.2-3b_20240101-000000.txt" }, result.deleted)
    assert.is_false(h.exists(old))
    assert.is_true(h.exists(young))
    assert.is_true(h.exists(today))
  end)

  it("logs one line per deletion, with the date and the file name, appending", function()
    chat("a_m_20240101-000000.txt", 40)
    chat("b_m_20240101-000000.txt", 35)
    run()
    local lines = vim.fn.readfile(t.env.data_dir .. "/cleanup.log")
    assert.equals(2, #lines)
    local today = vim.pesc(os.date("%Y-%m-%d"))
    table.sort(lines, function(x, y) return x:match("deleted (%S+)") < y:match("deleted (%S+)") end)
    assert.matches("^" .. today .. " %d%d:%d%d:%d%d deleted a_m_20240101%-000000%.txt %(last saved " .. os.date("%Y%%-%m%%-%d", os.time() - 40 * h.DAY), lines[1])
    assert.matches("^" .. today .. " %d%d:%d%d:%d%d deleted b_m_20240101%-000000%.txt", lines[2])
    chat("c_m_20240101-000000.txt", 50)
    run()
    lines = vim.fn.readfile(t.env.data_dir .. "/cleanup.log")
    assert.equals(3, #lines)
    assert.matches("deleted c_m_20240101%-000000%.txt", lines[3])
  end)

  it("touches nothing but saved chat files in the chats folder", function()
    local untouched = h.plant_foreign(t.env, 400)
    local result = run()
    assert.same({}, result.deleted)
    untouched()
    assert.is_false(h.exists(t.env.data_dir .. "/cleanup.log"))
  end)

  it("keeps everything when retention_days is 0", function()
    t.env = h.isolate({ retention_days = 0 })
    local ancient = chat("ancient_m_20200101-000000.txt", 2000)
    local result = run()
    assert.is_true(result.disabled)
    assert.same({}, result.deleted)
    assert.is_true(h.exists(ancient))
    assert.is_false(h.exists(t.env.data_dir .. "/cleanup.log"))
  end)

  it("follows retention_days", function()
    t.env = h.isolate({ retention_days = 7 })
    local eight = chat("eight_m_20240101-000000.txt", 8)
    local six = chat("six_m_20240101-000000.txt", 6)
    run()
    assert.is_false(h.exists(eight))
    assert.is_true(h.exists(six))
  end)

  it("creates nothing when there are no saved chats", function()
    local result = run()
    assert.same({}, result.deleted)
    assert.is_false(h.exists(t.env.data_dir))
  end)

  it("reports what it deleted when run without a callback", function()
    chat("gone_m_20240101-000000.txt", 31)
    cleanup.run()
    assert(vim.wait(3000, function() return #t.seen > 0 end, 5))
    assert.matches("deleted 1 saved chat older than 30 days", h.joined(t.seen))
    assert.matches("cleanup.log", h.joined(t.seen))
  end)

  it("is quiet when there is nothing to delete", function()
    chat("fresh_m_20240101-000000.txt", 1)
    cleanup.run()
    vim.wait(300)
    assert.same({}, t.seen)
  end)
end)
