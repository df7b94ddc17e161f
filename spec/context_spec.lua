-- The context arithmetic (chat/context.ts) and the #image: parser (chat/images.ts), as pure functions.
local context = require("ollama-chat.chat.context")
local images = require("ollama-chat.chat.images")

local function msg(role, bytes, n_images)
  return { role = role, content = string.rep("x", bytes), images = n_images }
end

describe("context sizing", function()
  it("estimates 4 bytes a token plus a little per message, images at 768", function()
    assert.equals(4 + 3, context.rawCost(msg("user", 10)))
    assert.equals(4 + 0 + 768 * 2, context.rawCost(msg("user", 0, 2)))
    assert.equals(math.ceil((7 + 29) * 1.5), context.estimate({ msg("user", 10), msg("assistant", 100) }, 1.5))
  end)

  it("asks for a power of two with room for the reply, at least 4096, at most the limits", function()
    local function ask(bytes, context_length, max_ctx)
      return context.plan({ messages = { msg("user", bytes) }, factor = 1, context_length = context_length, max_ctx = max_ctx or 32768, reply_room = 1024 })
    end
    assert.equals(4096, ask(20).num_ctx)
    assert.equals(8192, ask(4 * 4000).num_ctx) -- 4004 + 1024 > 4096
    assert.equals(16384, ask(4 * 9000).num_ctx)
    assert.equals(32768, ask(4 * 100000).num_ctx) -- chat.max_ctx
    assert.equals(8192, ask(4 * 100000, 8192).num_ctx) -- the model's context_length
    assert.equals(2048, ask(20, 2048).num_ctx) -- a model holding less than 4096
    assert.is_true(ask(20).fits)
  end)

  it("a chat of 15,000 tokens on an 8k model does not fit and cannot be raised", function()
    local p = context.plan({ messages = { msg("user", 4 * 15000) }, factor = 1, context_length = 8192, max_ctx = 32768, reply_room = 1024 })
    assert.is_false(p.fits)
    assert.equals(8192, p.num_ctx)
    assert.equals(15004, p.estimate)
    assert.is_nil(p.raise)
  end)

  it("offers to raise past chat.max_ctx or the user's number, never past the model", function()
    local p = context.plan({ messages = { msg("user", 4 * 40000) }, factor = 1, context_length = 131072, max_ctx = 32768, reply_room = 1024 })
    assert.is_false(p.fits)
    assert.equals(32768, p.num_ctx)
    assert.equals(65536, p.raise)
    local fixed = context.plan({ messages = { msg("user", 4 * 6000) }, factor = 1, fixed = 4096, context_length = 131072, max_ctx = 32768, reply_room = 1024 })
    assert.equals(4096, fixed.num_ctx)
    assert.equals(8192, fixed.raise)
  end)

  it("a user's number is asked for as it is", function()
    local p = context.plan({ messages = { msg("user", 20) }, factor = 1, fixed = 12000, context_length = 131072, max_ctx = 32768, reply_room = 1024 })
    assert.equals(12000, p.num_ctx)
    assert.is_true(p.fits)
  end)

  it("drops the oldest turns, a user turn with its replies, keeping system messages and the last", function()
    local messages = { msg("system", 40), msg("user", 4000), msg("assistant", 4000), msg("user", 400), msg("assistant", 400), msg("user", 40) }
    -- costs: 14, 1004, 1004, 104, 104, 14
    assert.same({ 1, 2 }, context.oldestToDrop(messages, 1, 300)) -- 0-based, as the TypeScript indexes them
    assert.same({ 1, 2, 3, 4 }, context.oldestToDrop(messages, 1, 100))
    assert.same({}, context.oldestToDrop(messages, 1, 5000))
  end)

  it("cannot drop enough when the last message alone is too long", function()
    assert.is_nil(context.oldestToDrop({ msg("user", 400), msg("user", 40000) }, 1, 4096))
  end)

  it("calibrates from prompt_eval_count, ignoring tiny and truncated prompts", function()
    assert.equals(1.25, context.calibrate(1000, 1250, false))
    assert.is_nil(context.calibrate(1000, 1250, true))
    assert.is_nil(context.calibrate(10, 30, false))
    assert.equals(4, context.calibrate(100, 100000, false))
  end)

  it("sees truncation: sent over the context, or near it and measured far fewer", function()
    assert.is_true(context.wasTruncated(15004, 8000, 8192))
    assert.is_true(context.wasTruncated(7800, 3000, 8192))
    assert.is_false(context.wasTruncated(7800, 7800, 8192))
    assert.is_false(context.wasTruncated(100, 40, 4096))
    assert.is_false(context.wasTruncated(15004, nil, 8192))
  end)

  it("writes figures with thousands separators", function()
    assert.equals("15,200", context.figure(15200))
    assert.equals("8,192", context.figure(8192))
    assert.equals("131,072", context.figure(131072))
    assert.equals("512", context.figure(512))
  end)
end)

describe("#image: references", function()
  it("reads #image:path to the next space and #image:{path with spaces}", function()
    local refs = images.refs("look #image:~/a.png and #image:{my cat.jpg}, then #image: nothing")
    assert.same({ { token = "#image:~/a.png", path = "~/a.png" }, { token = "#image:{my cat.jpg}", path = "my cat.jpg" } }, refs)
    assert.same({}, images.refs("no images here #imagefoo"))
  end)

  it("knows images by their first bytes", function()
    assert.equals("PNG", images.format("\137PNG\r\n\26\n...."))
    assert.equals("JPEG", images.format("\255\216\255\224"))
    assert.equals("GIF", images.format("GIF89a..."))
    assert.equals("WebP", images.format("RIFF\0\0\0\0WEBPVP8 "))
    assert.is_nil(images.format("local x = 1"))
  end)
end)
