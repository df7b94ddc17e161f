local transcript = require("ollama-chat.format.transcript")

describe("transcript", function()
  local tricky = {
    { role = "system", content = "Be terse." },
    { role = "user", content = "Explain:\n## User\n\\## User\n## Assistant (x)\n~~~~thinking\n~~~~\n```lua\nprint('é ✓')\n```\n" },
    { role = "assistant", model = "deepseek-r1:8b", thinking = "Let me think.\n## User\n\n~~~~", content = "# Heading\n\n```\ncode\n```" },
    { role = "user", content = "" },
    { role = "assistant", model = "hf.co/u/r:Q4_K_M", content = "\n\nleading and trailing blank lines\n\n" },
  }

  it("round-trips roles, models, thinking and content exactly", function()
    local lines = transcript.render(tricky)
    assert.same(tricky, transcript.parse(lines))
  end)

  it("reads as markdown a person would write", function()
    local lines = transcript.render({
      { role = "user", content = "hi" },
      { role = "assistant", model = "llama3.2:3b", content = "hello" },
    })
    assert.same({ "## User", "", "hi", "", "## Assistant (llama3.2:3b)", "", "hello" }, lines)
  end)

  it("escapes only lines that look like structure", function()
    assert.equals("\\## User", transcript.escapeLine("## User"))
    assert.equals("\\\\## User", transcript.escapeLine("\\## User"))
    assert.equals("## Users", transcript.escapeLine("## Users"))
    assert.equals("\\n", transcript.escapeLine("\\n"))
  end)

  it("ignores text before the first heading and tolerates missing blank lines", function()
    assert.same({ { role = "user", content = "a\nb" } }, transcript.parse({ "junk", "## User", "a", "b" }))
  end)
end)
