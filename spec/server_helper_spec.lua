local Server = require("helpers.server")

local function get(url)
  local out = vim.fn.system({ "curl", "-sS", url })
  assert(vim.v.shell_error == 0, out)
  return vim.json.decode(out)
end

describe("the test server helper", function()
  local s

  before_each(function()
    s = Server.start({ models = { { name = "llama3.2:3b" } } })
  end)

  after_each(function()
    s:stop()
  end)

  it("starts on a free port with the given scenario", function()
    assert.matches("^http://127%.0%.0%.1:%d+$", s.url)
    assert.equals(s.url, "http://127.0.0.1:" .. s.port)
    local tags = get(s.url .. "/api/tags")
    assert.equals(1, #tags.models)
    assert.equals("llama3.2:3b", tags.models[1].name)
  end)

  it("replaces the scenario, empty maps included", function()
    s:scenario({ models = { { name = "a:1b" }, { name = "jmorganca/foo" } }, pull = {}, chat = { queue = {} } })
    local names = vim.tbl_map(function(m)
      return m.name
    end, get(s.url .. "/api/tags").models)
    assert.same({ "a:1b", "jmorganca/foo:latest" }, names)
  end)

  it("fails loudly on a scenario the server rejects", function()
    local ok, err = pcall(s.scenario, s, { models = { { name = "a", colour = "red" } } })
    assert.is_false(ok)
    assert.matches("models%[0%]%.colour is not a known field", err)
  end)

  it("logs requests, oldest first, and clears the log", function()
    s:clear_log()
    get(s.url .. "/api/tags")
    vim.fn.system({ "curl", "-sS", s.url .. "/api/show", "-d", '{"model":"llama3.2:3b"}' })
    local log = s:log()
    assert.equals(2, #log)
    assert.equals("GET", log[1].method)
    assert.equals("/api/tags", log[1].path)
    assert.is_nil(log[1].json)
    assert.equals("POST", log[2].method)
    assert.same({ model = "llama3.2:3b" }, log[2].json)
    s:clear_log()
    assert.same({}, s:log())
  end)

  it("reports and resets stats", function()
    vim.fn.system({ "curl", "-sS", s.url .. "/api/pull", "-d", '{"model":"llama3.2:3b"}' })
    local stats = s:stats()
    assert.equals(1, stats.pulls_by_model["llama3.2:3b"])
    assert.equals(1, stats.max_concurrent_pulls)
    assert.equals(0, stats.active_requests)
    s:reset_stats()
    assert.same({}, s:stats().pulls_by_model)
  end)

  it("stops the server", function()
    local url = s.url
    s:stop()
    vim.fn.system({ "curl", "-sS", "--max-time", "2", url .. "/" })
    assert.are_not.equals(0, vim.v.shell_error)
  end)
end)
