-- The Ollama client against the test server, through real curl: every wire-format case of the
-- reference that breaks naive clients.
local Server = require("helpers.server")
local async = require("helpers.async")
local config = require("ollama-chat.config")
local client = require("ollama-chat.ollama.client")

local MODELS = {
  { name = "llama3.2:3b" },
  { name = "deepseek-r1:8b", thinking = true },
}

local function closed_port()
  local tcp = vim.uv.new_tcp()
  tcp:bind("127.0.0.1", 0)
  local port = tcp:getsockname().port
  tcp:close()
  return port
end

local function alive(pid)
  return vim.uv.kill(pid, 0) == 0
end

describe("ollama client", function()
  local server

  setup(function()
    server = Server.start({ models = MODELS })
  end)
  teardown(function()
    server:stop()
  end)

  local function scenario(chat)
    server:scenario({ models = MODELS, chat = chat and { default = chat } or nil })
    server:clear_log()
  end

  before_each(function()
    config.set({ host = server.url })
    scenario(nil)
  end)

  local function chat(extra, timeout)
    return async.chat(client, vim.tbl_extend("force", { model = "llama3.2:3b", messages = { { role = "user", content = "hi" } } }, extra or {}), timeout)
  end

  describe("plain calls", function()
    it("lists models with full names and tags", function()
      local err, models = async.await(client.tags)
      assert.is_nil(err)
      assert.same({ "llama3.2:3b", "deepseek-r1:8b" }, vim.tbl_map(function(m) return m.name end, models))
      assert.matches("^%x+$", models[1].digest)
    end)

    it("reads the version", function()
      local err, v = async.await(client.version)
      assert.is_nil(err)
      assert.is_string(v)
    end)

    it("shows a model, and names an unknown one with how to get it", function()
      local err, info = async.await(function(done) client.show("llama3.2:3b", done) end)
      assert.is_nil(err)
      assert.is_table(info)
      err = async.await(function(done) client.show("nope:1b", done) end)
      assert.equals("not_found", err.kind)
      assert.equals(404, err.status)
      assert.matches('model "nope:1b" is not installed', err.message, 1, true)
      assert.matches(":Ollama pull nope:1b", err.message, 1, true)
    end)

    it("deletes with an empty 200 body, and 404 for an unknown model", function()
      assert.is_nil((async.await(function(done) client.remove("llama3.2:3b", done) end)))
      local _, models = async.await(client.tags)
      assert.equals(1, #models)
      local err = async.await(function(done) client.remove("llama3.2:3b", done) end)
      assert.equals("not_found", err.kind)
    end)

    it("reports plain-text 404 from something that is not Ollama as such", function()
      config.set({ host = server.url .. "/not-ollama" })
      local err = async.await(client.tags)
      assert.equals("http", err.kind)
      assert.equals(404, err.status)
      assert.matches("404 page not found", err.message, 1, true)
      assert.matches("not an Ollama reply", err.message, 1, true)
    end)

    it("says Ollama is not running, naming the host, when nothing listens", function()
      local port = closed_port()
      config.set({ host = "127.0.0.1:" .. port })
      local err = async.await(client.tags)
      assert.equals("unreachable", err.kind)
      assert.equals(("Ollama is not running at http://127.0.0.1:%d: start it with `ollama serve`"):format(port), err.message)
    end)

    it("sends extra headers and the body over stdin", function()
      config.set({ host = server.url, headers = { Authorization = "Bearer s3cret" } })
      local long = string.rep("é", 300000) -- far beyond what argv could carry
      local err = chat({ messages = { { role = "user", content = long } } })
      assert.is_nil(err)
      local entry = server:log()[1]
      assert.equals("/api/chat", entry.path)
      assert.equals("Bearer s3cret", entry.headers.authorization)
      assert.equals(long, entry.json.messages[1].content)
    end)
  end)

  describe("secrets and hosts", function()
    local function cmdline(pid)
      local f = io.open("/proc/" .. pid .. "/cmdline", "rb")
      if not f then return nil end
      local text = f:read("*a")
      f:close()
      return text
    end

    it("keeps header values out of curl's argv (/proc/<pid>/cmdline) while the request runs, and sends them", function()
      scenario({ hang = true })
      local token = "Bearer tok-" .. vim.fn.sha256(tostring(vim.uv.hrtime())):sub(1, 24)
      config.set({ host = server.url, headers = { Authorization = token, ["X-Proxy-Key"] = "k3y-xyz" } })
      local ended = false
      local h = client.chat({ model = "llama3.2:3b", messages = { { role = "user", content = "hi" } } }, {
        on_done = function() ended = true end,
      })
      -- the server has the request (and its headers) while curl still waits for the answer
      assert(vim.wait(5000, function() return #server:log() == 1 end, 20), "request not received")
      assert.is_true(alive(h.pid))
      local argv = cmdline(h.pid)
      assert.is_string(argv)
      assert.matches("/api/chat", argv, 1, true)
      assert.is_nil(argv:find("tok-", 1, true), "token in argv: " .. argv)
      assert.is_nil(argv:find("k3y-xyz", 1, true), "header in argv")
      assert.is_nil(argv:find("Authorization", 1, true), "header name in argv")
      -- the headers file curl reads is private while it exists, and gone once curl is
      local file = argv:match("%-H%z@([^%z]+)")
      assert.is_string(file)
      assert.equals(tonumber("600", 8), bit.band(vim.uv.fs_stat(file).mode, tonumber("777", 8)))
      local entry = server:log()[1]
      assert.equals(token, entry.headers.authorization)
      assert.equals("k3y-xyz", entry.headers["x-proxy-key"])
      h.cancel()
      assert(vim.wait(5000, function() return ended end, 10))
      assert.is_nil(vim.uv.fs_stat(file), "headers file left behind")
    end)

    it("drops CR and LF from header values instead of sending a second header", function()
      config.set({ host = server.url, headers = { ["X-A"] = "one\r\nX-Injected: two" } })
      assert.is_nil((async.await(client.version)))
      local entry = server:log()[1]
      assert.equals("oneX-Injected: two", entry.headers["x-a"])
      assert.is_nil(entry.headers["x-injected"])
    end)

    it("joins a proxy prefix with a trailing slash as /proxy/api/tags, not /proxy//api/tags", function()
      config.set({ host = server.url .. "/proxy/" })
      async.await(client.tags) -- the test server has no such prefix: a plain-text 404
      assert.equals("/proxy/api/tags", server:log()[1].path)
    end)

    it("reaches an IPv6 host in the bracketed form OLLAMA_HOST=::1 becomes", function()
      local tcp = vim.uv.new_tcp()
      assert(tcp:bind("::1", 0))
      local port = tcp:getsockname().port
      tcp:listen(8, function()
        local conn = vim.uv.new_tcp()
        tcp:accept(conn)
        local got = ""
        conn:read_start(function(_, data)
          got = got .. (data or "")
          if got:find("\r\n\r\n", 1, true) then
            local body = '{"version":"0.12.6"}'
            conn:write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"):format(#body, body), function()
              conn:close()
            end)
          end
        end)
      end)
      assert.equals("http://[::1]:11434", require("ollama-chat.ollama.host").parseHost("::1"))
      config.set({ host = "[::1]:" .. port })
      local err, v = async.await(client.version)
      tcp:close()
      assert.is_nil(err, err and err.message)
      assert.equals("0.12.6", v)
    end)

    it("says a host name could not be resolved, naming it, not that Ollama is not running", function()
      config.set({ host = "http://no-such-host.invalid:11434" })
      local err = async.await(client.tags)
      assert.equals("unreachable", err.kind)
      assert.matches('could not resolve the host name "no-such-host.invalid"', err.message, 1, true)
      assert.is_nil(err.message:find("ollama serve", 1, true))
    end)
  end)

  describe("silence", function()
    it("reports a server that accepts and never answers within 10 s, with the seconds, and does not kill it", function()
      scenario({ hang = true })
      local waits, ended = {}, false
      local t0 = vim.uv.hrtime()
      local h = client.chat({ model = "llama3.2:3b", messages = { { role = "user", content = "hi" } } }, {
        on_waiting = function(s) waits[#waits + 1] = { s = s, at = (vim.uv.hrtime() - t0) / 1e9 } end,
        on_done = function() ended = true end,
      })
      assert(vim.wait(11000, function() return #waits > 0 end, 20), "no waiting report within 11 s")
      assert.is_true(waits[1].at <= 10.5, "first report at " .. waits[1].at .. " s")
      assert.is_true(waits[1].s >= 10)
      assert(vim.wait(2500, function() return #waits >= 2 end, 20), "no second report")
      assert.is_true(waits[2].s > waits[1].s)
      assert.is_true(h.waiting() >= 11)
      -- a model may be loading: the stream is still open well past the first report
      assert.is_false(ended)
      assert.is_true(alive(h.pid))
      h.cancel()
      assert(vim.wait(5000, function() return ended end, 10))
    end)

    it("reports nothing for a stream that flows", function()
      scenario({ reply = "a b c" })
      local waits = 0
      local err = async.await(function(done)
        client.chat({ model = "llama3.2:3b", messages = { { role = "user", content = "hi" } } }, {
          on_waiting = function() waits = waits + 1 end,
          on_done = done,
        })
      end)
      assert.is_nil(err)
      assert.equals(0, waits)
    end)
  end)

  describe("chat streams", function()
    it("delivers content split at any byte, inside JSON strings and UTF-8 characters", function()
      local text = "Grüße, 世界! \"quoted\" <tag> & 𝄞 done"
      -- cut inside the first multi-byte characters and inside the JSON of the first lines
      scenario({ reply = text, split_at = { 3, 40, 61, 62, 63, 90, 91, 130, 131, 132, 133 } })
      local err, result, deltas = chat()
      assert.is_nil(err)
      assert.equals(text, result.content)
      local joined = {}
      for _, d in ipairs(deltas) do joined[#joined + 1] = d.content end
      assert.equals(text, table.concat(joined))
      assert.is_true(#deltas > 3)
    end)

    it("appends content carried by the final chunk", function()
      scenario({ reply = "Hello", final_content = " world" })
      local err, result = chat()
      assert.is_nil(err)
      assert.equals("Hello world", result.content)
      assert.is_true(result.done)
    end)

    it("reports metrics and the stop reason, and copes with them missing", function()
      scenario({ reply = "a b c", done_reason = "length", eval_count = 3, eval_duration = 1500000000 })
      local _, result = chat()
      assert.equals("length", result.done_reason)
      assert.equals(3, result.eval_count)
      assert.equals(1500000000, result.eval_duration)
      scenario({ reply = "a b c", omit_metrics = true, done_reason = vim.NIL })
      local err, r2 = chat()
      assert.is_nil(err)
      assert.is_true(r2.done)
      assert.is_nil(r2.eval_count)
      assert.is_nil(r2.done_reason)
    end)

    it("keeps thinking apart from content", function()
      scenario({ thinking = "Let me think.", reply = "42" })
      local err, result, deltas = chat({ model = "deepseek-r1:8b", think = true })
      assert.is_nil(err)
      assert.equals("Let me think.", result.thinking)
      assert.equals("42", result.content)
      assert.equals("", deltas[1].content)
      assert.is_true(#deltas[1].thinking > 0)
      assert.is_true(server:log()[1].json.think)
    end)

    it("reports an error before the stream with its status", function()
      scenario({ status = 503, error = "server busy, please try again.  maximum pending requests exceeded" })
      local err = chat()
      assert.equals("server", err.kind)
      assert.equals(503, err.status)
      assert.matches("server busy", err.message, 1, true)
    end)

    it("reports a missing model as not_found, keyed on the 404", function()
      local err = chat({ model = "ghost:7b" })
      assert.equals("not_found", err.kind)
      assert.equals("ghost:7b", err.model)
      assert.matches(":Ollama pull ghost:7b", err.message, 1, true)
    end)

    it("reports an error mid-stream and keeps the partial reply", function()
      scenario({ reply = "one two three four", error_after = 2, error = "model runner crashed" })
      local err, result = chat()
      assert.equals("server", err.kind)
      assert.matches("model runner crashed", err.message, 1, true)
      assert.equals("one two", result.content)
      assert.is_false(result.done)
    end)

    it("never takes a stream without its final line for success", function()
      scenario({ reply = "one two three", truncate_after = 2 })
      local err, result = chat()
      assert.equals("incomplete", err.kind)
      assert.matches("incomplete response", err.message, 1, true)
      assert.equals("one two", result.content)
    end)

    it("reports a connection reset mid-stream as incomplete", function()
      scenario({ reply = "one two three", reset_after = 2 })
      local err, result = chat()
      assert.equals("incomplete", err.kind)
      assert.equals("one two", result.content)
    end)

    it("reports a server that accepts and never answers once the idle timeout passes", function()
      scenario({ hang = true })
      config.set({ host = server.url, timeouts = { stream_idle = 0.5 } })
      local t = vim.uv.hrtime()
      local err = chat()
      assert.equals("timeout", err.kind)
      assert.is_true((vim.uv.hrtime() - t) / 1e6 < 3000)
    end)

    it("ends a stream whose handler raises an error: on_done once with the error, curl stopped", function()
      scenario({ token = "tok ", ["repeat"] = 100000, token_ms = 5 })
      local done_calls, err = 0, nil
      local h = client.chat({ model = "llama3.2:3b", messages = { { role = "user", content = "hi" } } }, {
        on_delta = function() error("renderer broke") end,
        on_done = function(e) done_calls = done_calls + 1; err = e end,
      })
      assert(vim.wait(5000, function() return done_calls == 1 end, 5))
      assert.equals("invalid_response", err.kind)
      assert.matches("renderer broke", err.message, 1, true)
      assert(vim.wait(2000, function() return not alive(h.pid) end, 10), "curl still running")
      vim.wait(100)
      assert.equals(1, done_calls)
    end)

    it("reads a 2 MiB line", function()
      scenario({ line_bytes = 2 * 1024 * 1024 })
      local err, result = chat()
      assert.is_nil(err)
      assert.equals(2 * 1024 * 1024, #result.content)
    end)

    it("cancels mid-stream: curl is gone, the server sees the disconnect, on_done reports once", function()
      scenario({ token = "tok ", ["repeat"] = 100000, token_ms = 5 })
      server:reset_stats()
      local done_calls, err, deltas = 0, nil, 0
      local h = client.chat({ model = "llama3.2:3b", messages = { { role = "user", content = "hi" } } }, {
        on_delta = function() deltas = deltas + 1 end,
        on_done = function(e) done_calls = done_calls + 1; err = e end,
      })
      assert(vim.wait(5000, function() return deltas >= 5 end, 5))
      assert.is_true(alive(h.pid))
      h.cancel()
      assert(vim.wait(5000, function() return done_calls == 1 end, 5))
      assert.equals("cancelled", err.kind)
      assert(vim.wait(2000, function() return not alive(h.pid) end, 10), "curl still running")
      assert(vim.wait(3000, function() return server:stats().cancelled_streams == 1 end, 50), "server did not see the disconnect")
      h.cancel() -- idempotent
      vim.wait(100)
      assert.equals(1, done_calls)
    end)

    it("reports a line that is not JSON instead of ignoring it", function()
      config.set({ host = server.url .. "/not-ollama" })
      scenario({ reply = "x" })
      -- the plain-text 404 body of a wrong path is not a stream: reported as http
      local err = chat()
      assert.equals("http", err.kind)
    end)
  end)

  describe("generate", function()
    it("streams `response` as content and top-level thinking apart, with the prompt and system sent", function()
      scenario({ thinking = "Hmm.", reply = "Paris is the capital.", final_content = "!" })
      local deltas = {}
      local err, result = async.await(function(done)
        client.generate({ model = "deepseek-r1:8b", prompt = "Capital of France?", system = "Be brief.", think = true }, {
          on_delta = function(d) deltas[#deltas + 1] = d end,
          on_done = done,
        })
      end)
      assert.is_nil(err)
      assert.equals("Paris is the capital.!", result.content)
      assert.equals("Hmm.", result.thinking)
      assert.is_true(result.done)
      assert.is_true(#deltas >= 3)
      local req = server:log()[1]
      assert.equals("/api/generate", req.path)
      assert.equals("Capital of France?", req.json.prompt)
      assert.equals("Be brief.", req.json.system)
      assert.is_true(req.json.stream)
    end)
  end)

  describe("pull", function()
    it("streams progress to success", function()
      server:scenario({ models = MODELS, pull = { ["llama3.2:3b"] = { behavior = "update", duration_ms = 300 } } })
      local progress = {}
      local err = async.await(function(done)
        client.pull("llama3.2:3b", { on_progress = function(p) progress[#progress + 1] = p end, on_done = done })
      end)
      assert.is_nil(err)
      assert.equals("pulling manifest", progress[1].status)
      assert.equals("success", progress[#progress].status)
      local downloading = vim.tbl_filter(function(p) return p.total ~= nil end, progress)
      assert.is_true(#downloading > 2)
    end)

    it("reports a model unknown to the registry with the server's reason", function()
      local err = async.await(function(done) client.pull("nosuch:1b", { on_done = done }) end)
      assert.equals("server", err.kind)
      assert.matches("file does not exist", err.message, 1, true)
    end)
  end)

  describe("resources", function()
    it("runs 2,000 requests back to back without leaking processes or file descriptors", function()
      local function fds()
        return #vim.fn.readdir("/proc/self/fd")
      end
      local function children()
        return #vim.tbl_filter(function(l) return l ~= "" end, vim.split(vim.fn.system({ "pgrep", "-P", tostring(vim.uv.os_getpid()), "curl" }), "\n"))
      end
      async.await(client.version) -- warm up
      local before = fds()
      -- back to back, 8 in flight: each finished request starts the next
      local started, finished, failures, first_error = 0, 0, 0, nil
      local function next_request()
        if started == 2000 then return end
        started = started + 1
        client.version(function(err)
          if err then
            failures = failures + 1
            first_error = first_error or (err.kind .. ": " .. err.message)
          end
          finished = finished + 1
          next_request()
        end)
      end
      for _ = 1, 8 do next_request() end
      assert(vim.wait(300000, function() return finished == 2000 end, 5), ("only %d of 2000 finished"):format(finished))
      assert.equals(0, failures, first_error)
      assert.equals(0, children(), vim.fn.system({ "pgrep", "-a", "-P", tostring(vim.uv.os_getpid()) }))
      assert.is_true(fds() <= before + 2, ("fds: %d before, %d after"):format(before, fds()))
    end)
  end)
end)
