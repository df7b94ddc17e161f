local lineSplitter = require("ollama-chat.http.lines").lineSplitter

local function split_all(chunks)
  local lines = {}
  local s = lineSplitter(function(l) lines[#lines + 1] = l end)
  for _, c in ipairs(chunks) do s:push(c) end
  s:finish()
  return lines
end

describe("LineSplitter", function()
  local stream = '{"message":{"content":"héllo ✓ 𝄞"}}\n{"a":"\\n in string"}\n\n{"done":true}\n'
  local expected = { '{"message":{"content":"héllo ✓ 𝄞"}}', '{"a":"\\n in string"}', '{"done":true}' }

  it("splits at every byte boundary, inside JSON strings and UTF-8 characters", function()
    for cut = 1, #stream - 1 do
      assert.same(expected, split_all({ stream:sub(1, cut), stream:sub(cut + 1) }), "cut at " .. cut)
    end
  end)

  it("handles one byte per read and all lines in one read", function()
    local bytes = {}
    for i = 1, #stream do bytes[i] = stream:sub(i, i) end
    assert.same(expected, split_all(bytes))
    assert.same(expected, split_all({ stream }))
  end)

  it("delivers a final line without newline, and strips CR of CRLF", function()
    assert.same({ "a", "b" }, split_all({ "a\r\nb" }))
  end)

  it("joins a multi-megabyte line in linear time", function()
    local piece = string.rep("x", 65536)
    local function time(n)
      local chunks = {}
      for i = 1, n do chunks[i] = piece end
      chunks[#chunks + 1] = "\n"
      local t = vim.uv.hrtime()
      local lines = split_all(chunks)
      assert.equals(n * 65536, #lines[1])
      return vim.uv.hrtime() - t
    end
    time(8) -- warm up
    -- The best of three runs of each size: a GC step or the shared machine's scheduler must not
    -- pass for quadratic work.
    local function best(n)
      local t = math.huge
      for _ = 1, 3 do
        t = math.min(t, time(n))
      end
      return t
    end
    local small, big = best(64), best(256) -- 4 MiB, 16 MiB
    -- Quadratic re-scanning would make 4x the data cost ~16x; linear stays near 4x. Tiny timings'
    -- ratio is noise on a shared machine, so the absolute bound decides too: joining 16 MiB by
    -- re-copying what came before copies about 2 GB (seconds); linear work takes tens of ms.
    assert.is_true(big < small * 10 or big < 150e6, ("4 MiB: %.1f ms, 16 MiB: %.1f ms"):format(small / 1e6, big / 1e6))
  end)
end)
