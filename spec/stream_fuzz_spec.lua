-- Stream fuzzing: streams in Ollama's wire format (spec/fixtures/streams/: a chat with thinking
-- and a tool call, generate, pull with progress, errors mid-stream) decoded cut at every byte
-- position and at thousands of random positions must equal the uncut decode; garbage lines give
-- a message, never a Lua error. The decoder is the one every stream request runs
-- (client.decoder); the last tests send the streams through real curl in random pieces.
local client = require("ollama-chat.ollama.client")
local config = require("ollama-chat.config")
local lines = require("ollama-chat.http.lines")
local async = require("helpers.async")

local FIXTURES = vim.env.OC_ROOT .. "/spec/fixtures/streams/"
local SEED = tonumber(vim.env.OC_FUZZ_SEED) or 20260101
local RANDOM_CUTS = tonumber(vim.env.OC_FUZZ_RANDOM) or 3000

local STREAMS = {
  { file = "chat_thinking_tools.ndjson", kind = "chat", model = "qwen3:8b" },
  { file = "generate.ndjson", kind = "generate", model = "deepseek-r1:8b" },
  { file = "pull.ndjson", kind = "pull", model = "llama3.2:3b" },
  { file = "chat_error.ndjson", kind = "chat", model = "llama3.2:3b" },
  { file = "pull_error.ndjson", kind = "pull", model = "llama3.2:3b" },
}

local function read(name)
  local f = assert(io.open(FIXTURES .. name, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

local OK = { status = 200, headers = {}, body = "", curl_code = 0, curl_error = "", cancelled = false, idle_timeout = false }

--- Handlers that record everything a stream reports into `out`.
local function collector()
  local out = { deltas = {}, progress = {}, done_calls = 0 }
  return out, {
    on_delta = function(x) out.deltas[#out.deltas + 1] = x end,
    on_progress = function(p) out.progress[#out.progress + 1] = p end,
    on_done = function(err, result)
      out.done_calls = out.done_calls + 1
      out.err = err
      out.result = result
    end,
  }
end

--- Decodes `pieces` (the stream as curl's reads could deliver it) the way a request does.
local function decode(kind, model, pieces)
  local out, handlers = collector()
  local d = client.decoder(kind, model, handlers)
  local splitter = lines.lineSplitter(d.on_line)
  for _, piece in ipairs(pieces) do
    splitter:push(piece)
  end
  splitter:finish()
  d.on_done(OK)
  return out
end

local function cut(data, positions)
  table.sort(positions)
  local pieces, from = {}, 1
  for _, p in ipairs(positions) do
    pieces[#pieces + 1] = data:sub(from, p)
    from = p + 1
  end
  pieces[#pieces + 1] = data:sub(from)
  return pieces
end

describe("stream fuzzing", function()
  local tried = 0

  for _, s in ipairs(STREAMS) do
    describe(s.file, function()
      local data = read(s.file)
      local whole = decode(s.kind, s.model, { data })

      it("decodes the uncut stream as expected", function()
        assert.equals(1, whole.done_calls)
        if s.file:find("error") then
          assert.equals("server", whole.err.kind)
        else
          assert.is_nil(whole.err, whole.err and whole.err.message)
        end
        if s.kind == "pull" then
          assert.is_true(#whole.progress >= 2)
        else
          assert.is_true(#whole.deltas >= 3)
          assert.is_true(#whole.result.content > 0)
        end
      end)

      it(("equals the uncut decode cut at every one of its %d byte positions"):format(#data - 1), function()
        for p = 1, #data - 1 do
          local got = decode(s.kind, s.model, { data:sub(1, p), data:sub(p + 1) })
          tried = tried + 1
          if not vim.deep_equal(whole, got) then
            error(("cut at byte %d: %s ~= %s"):format(p, vim.inspect(got), vim.inspect(whole)))
          end
        end
      end)

      it(("equals the uncut decode cut at random positions, %d times (seed %d)"):format(RANDOM_CUTS, SEED), function()
        math.randomseed(SEED)
        for i = 1, RANDOM_CUTS do
          local positions = {}
          for _ = 1, math.random(2, 40) do
            positions[#positions + 1] = math.random(0, #data)
          end
          local got = decode(s.kind, s.model, cut(data, positions))
          tried = tried + 1
          if not vim.deep_equal(whole, got) then
            error(("trial %d, cuts %s: %s"):format(i, table.concat(positions, ","), vim.inspect(got)))
          end
        end
      end)
    end)
  end

  describe("garbage", function()
    local nested = ("["):rep(100000) .. ("]"):rep(100000)
    local not_objects = {
      ["null"] = "null",
      ["a number"] = "42",
      ["a huge number"] = "1e400",
      ["a string"] = '"done"',
      ["an array"] = "[1,2,3]",
      ["deeply nested JSON"] = nested,
      ["deeply nested objects"] = ('{"a":'):rep(50000) .. "1" .. ("}"):rep(50000),
      ["half an object"] = '{"message":{"content":"cut',
      ["invalid UTF-8"] = "\255\254\253",
      ["HTML"] = "<html><body>502 Bad Gateway</body></html>",
      ["NUL bytes"] = "\0\0\0",
    }
    for what, line in pairs(not_objects) do
      it(("reports a line that is %s as a message, for chat, generate and pull"):format(what), function()
        for _, kind in ipairs({ "chat", "generate", "pull" }) do
          local ok, out = pcall(decode, kind, "m:1b", { '{"status":"pulling manifest","message":{"content":"a"},"response":"a","done":false}\n', line, "\n" })
          assert.is_true(ok, tostring(out))
          assert.equals(1, out.done_calls)
          assert.equals("invalid_response", out.err.kind)
          assert.is_string(out.err.message)
          assert.matches("not a JSON object", out.err.message, 1, true)
        end
      end)
    end

    local odd_objects = {
      '{"message":5,"done":false}',
      '{"message":"text","done":false}',
      '{"message":true}',
      '{"message":{"content":5,"thinking":[1]}}',
      '{"message":{"content":null}}',
      '{"response":{"x":1},"thinking":7}',
      '{"done":"yes"}',
      '{"status":null,"digest":5,"total":"big","completed":1e308}',
      '{"status":["success"]}',
      '{"message":{"content":"\255\254 bad bytes"},"response":"\255"}',
      '{"message":{"content":"' .. ("x"):rep(1000000) .. '"}}',
      '{"eval_count":1e400,"total":-1e400}',
    }
    it("tolerates objects with fields of the wrong type, or huge, without a Lua error", function()
      for _, kind in ipairs({ "chat", "generate", "pull" }) do
        for _, line in ipairs(odd_objects) do
          local ok, out = pcall(decode, kind, "m:1b", { line .. "\n" })
          assert.is_true(ok, ("%s: %s: %s"):format(kind, line:sub(1, 60), tostring(out)))
          assert.equals(1, out.done_calls)
          -- no final line came: the stream is incomplete, and says so
          assert.is_table(out.err)
          assert.is_string(out.err.message)
        end
      end
    end)

    it("reports an error line whose error is not a string", function()
      local out = decode("chat", "m:1b", { '{"error":{"code":500,"text":"boom"}}\n' })
      assert.equals("server", out.err.kind)
      assert.matches("boom", out.err.message, 1, true)
    end)

    it("ends a final line with huge metrics normally", function()
      local out = decode("chat", "m:1b", { '{"message":{"content":"x"},"done":true,"eval_count":1e308,"eval_duration":0}\n' })
      assert.is_nil(out.err)
      assert.equals("x", out.result.content)
    end)
  end)

  describe("through curl", function()
    -- A server on a loopback port that sends a recorded stream in random pieces, each its own write.
    local function serve(body, seed)
      local tcp = vim.uv.new_tcp()
      assert(tcp:bind("127.0.0.1", 0))
      tcp:listen(16, function()
        local conn = vim.uv.new_tcp()
        tcp:accept(conn)
        local got = ""
        conn:read_start(function(_, chunk)
          got = got .. (chunk or "")
          -- headers and the JSON body curl sends: answer once all of it arrived
          local head_end = got:find("\r\n\r\n", 1, true)
          local len = tonumber(got:match("[Cc]ontent%-[Ll]ength: (%d+)"))
          if not head_end or (len and #got < head_end + 3 + len) then return end
          conn:read_stop()
          math.randomseed(seed)
          local wire = "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\n\r\n" .. body
          local from = 1
          local function write_next()
            if from > #wire then
              conn:shutdown(function() conn:close() end)
              return
            end
            local n = math.random(1, 64)
            conn:write(wire:sub(from, from + n - 1), function()
              vim.defer_fn(write_next, 0)
            end)
            from = from + n
          end
          write_next()
        end)
      end)
      return tcp, tcp:getsockname().port
    end

    for _, s in ipairs(STREAMS) do
      it(("delivers %s sent in random pieces exactly as the uncut decode, 10 times"):format(s.file), function()
        local data = read(s.file)
        local whole = decode(s.kind, s.model, { data })
        for run = 1, 10 do
          local tcp, port = serve(data, SEED + run)
          config.set({ host = "127.0.0.1:" .. port })
          local out, handlers = collector()
          if s.kind == "pull" then
            client.pull(s.model, handlers)
          elseif s.kind == "generate" then
            client.generate({ model = s.model, prompt = "x" }, handlers)
          else
            client.chat({ model = s.model, messages = { { role = "user", content = "x" } } }, handlers)
          end
          assert(vim.wait(10000, function() return out.done_calls > 0 end, 5), "no answer")
          tcp:close()
          tried = tried + 1
          if whole.err then
            -- the host differs from the decoder's default: compare the kind, not the wording
            assert.equals(whole.err.kind, out.err and out.err.kind)
            out.err, whole.err = nil, nil
            assert.is_true(vim.deep_equal(whole, out))
            whole = decode(s.kind, s.model, { data })
          else
            assert.is_true(vim.deep_equal(whole, out), vim.inspect(out.err))
          end
        end
      end)
    end
  end)

  it("tried every case", function()
    -- figures for docs/reliability.md: printed with the spec's output
    print(("stream fuzzing: %d decodes compared, seed %d"):format(tried, SEED))
    assert.is_true(tried > 5 * RANDOM_CUTS)
  end)
end)
