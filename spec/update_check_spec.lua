-- :Ollama outdated (update({ check_only = true })): which models have a newer version, asked of
-- the registry's manifests without downloading anything, and every answer a registry can give.
local Server = require("helpers.server")
local U = require("helpers.update")

local SCENARIO = {
  models = {
    { name = "llama3.2:3b" }, -- newer, ollama-content-digest on HEAD
    { name = "qwen3:8b" }, -- current, header
    { name = "phi4:14b" }, -- current, no header: GET and hash the body
    { name = "gemma3:4b" }, -- newer, no header
    { name = "old:7b", legacy_digest = true }, -- stored by an old server: matches only re-serialised
    { name = "oldnew:7b", legacy_digest = true }, -- same, and really newer
    { name = "mine:latest" }, -- created locally: 404
    { name = "broken:1b" }, -- the registry fails: 500
  },
  pull = {
    ["mine:latest"] = { behavior = "unknown" },
    ["gemma3:4b"] = { behavior = "update", duration_ms = 300 },
    ["llama3.2:3b"] = { behavior = "update", duration_ms = 300 },
  },
  registry = {
    ["qwen3:8b"] = { header = true },
    ["phi4:14b"] = { header = false },
    ["gemma3:4b"] = { header = false },
    ["oldnew:7b"] = { newer = true },
    ["broken:1b"] = { status = 500 },
  },
}

describe(":Ollama outdated", function()
  local server, child

  setup(function()
    server = Server.start()
  end)
  teardown(function()
    server:stop()
  end)
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  local function start(setup)
    server:scenario(SCENARIO)
    server:clear_log()
    child = U.child(server, vim.tbl_deep_extend("force", { update = { registry = server.url } }, setup or {}))
  end

  it("reports each registry answer without downloading anything", function()
    start()
    U.call(child, "update", { check_only = true })
    local done = U.wait_done(child)
    assert.same(U.sorted({ "llama3.2:3b", "gemma3:4b", "oldnew:7b" }), U.sorted(done.available))
    assert.same(U.sorted({ "qwen3:8b", "phi4:14b", "old:7b" }), U.sorted(done.current))
    assert.same({}, done.updated)
    assert.is_false(done.cancelled)
    local failed = {}
    for _, f in ipairs(done.failed) do failed[f.name] = f.error end
    assert.matches("not in a registry", failed["mine:latest"])
    assert.matches("answered HTTP 500", failed["broken:1b"])

    assert.same({}, U.pulls(server), "nothing pulled")
    local heads = 0
    for _, r in ipairs(U.registry_requests(server)) do
      assert.equals("application/vnd.docker.distribution.manifest.v2+json", r.accept)
      if r.method == "HEAD" then heads = heads + 1 end
    end
    assert.equals(8, heads, "one HEAD per model")

    assert.matches("outdated +a newer version is available", U.view_line(child, "llama3.2:3b"))
    assert.matches("up to date", U.view_line(child, "old:7b"))
    assert.matches("local only +not in a registry", U.view_line(child, "mine:latest"))
    assert.matches("unknown +registry .* answered HTTP 500", U.view_line(child, "broken:1b"))
    local lines = U.view_lines(child)
    assert.matches("^ Done in [%d.]+ s: 3 outdated, 3 up to date, 1 local only, 1 unknown$", lines[1])
    assert.matches("Press u to update the 3 outdated models, or run :OllamaUpdate ", lines[#lines])
    assert.matches("check done: 3 outdated, 3 up to date, 1 local only, 1 unknown", child:messages())
  end)

  it("u in the view updates just the outdated models", function()
    start()
    U.call(child, "update", { check_only = true })
    U.wait_done(child)
    server:clear_log()
    U.call(child, "reopen")
    child:feed("u")
    local done = U.wait_done(child, 2)
    assert.is_nil(done.available)
    assert.same(U.sorted({ "llama3.2:3b", "gemma3:4b", "oldnew:7b" }), U.sorted(done.updated))
    local names = {}
    for _, body in ipairs(U.pulls(server)) do names[#names + 1] = body.model end
    assert.same(U.sorted({ "llama3.2:3b", "gemma3:4b", "oldnew:7b" }), U.sorted(names))

    -- checked again, everything the registry knows is current
    U.call(child, "update", { check_only = true })
    local again = U.wait_done(child, 3)
    assert.same({}, again.available)
    assert.equals(6, #again.current)
  end)

  it("an unreachable registry makes nothing outdated", function()
    start({ update = { registry = "http://127.0.0.1:" .. U.closed_port() } })
    U.call(child, "update", { check_only = true })
    local done = U.wait_done(child)
    assert.same({}, done.available)
    assert.same({}, done.current)
    assert.equals(8, #done.failed)
    for _, f in ipairs(done.failed) do
      assert.matches("is unreachable", f.error)
    end
    assert.matches("unreachable", U.view_line(child, "llama3.2:3b"))
    assert.matches("check done: 8 unreachable", child:messages())
  end)
end)
