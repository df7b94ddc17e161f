local host = require("ollama-chat.ollama.host")
local names = require("ollama-chat.ollama.names")

describe("OLLAMA_HOST", function()
  -- Every row of the reference table, plus a few the CLI also handles.
  local rows = {
    { nil, "http://127.0.0.1:11434" },
    { "", "http://127.0.0.1:11434" },
    { "1.2.3.4", "http://1.2.3.4:11434" },
    { "example.com:1234", "http://example.com:1234" },
    { ":1234", "http://127.0.0.1:1234" },
    { "0.0.0.0", "http://127.0.0.1:11434" },
    { "[::]", "http://[::1]:11434" },
    { "[::1]:1337", "http://[::1]:1337" },
    { '"1.2.3.4"', "http://1.2.3.4:11434" },
    { "http://1.2.3.4", "http://1.2.3.4:80" },
    { "https://example.com/ollama", "https://example.com:443/ollama" },
    { "127.0.0.1:99999", "http://127.0.0.1:11434" },
    { "ollama.com", "https://ollama.com:443" },
    { "  'example.com:8080'  ", "http://example.com:8080" },
    { "http://1.2.3.4:8000/", "http://1.2.3.4:8000" },
    { "0.0.0.0:9999", "http://127.0.0.1:9999" },
    { "https://example.com:abc", "https://example.com:443" },
    -- What the ollama CLI (envconfig.Host, then URL.JoinPath) does with IPv6 and path prefixes.
    { "::1", "http://[::1]:11434" },
    { "[::1]", "http://[::1]:11434" },
    { "fe80::1", "http://[fe80::1]:11434" },
    { "http://[::1]:1337/", "http://[::1]:1337" },
    { "[::]:1234", "http://[::1]:1234" },
    { "http://h:8080/proxy/", "http://h:8080/proxy" },
    { "https://example.com//ollama//", "https://example.com:443/ollama" },
    { "http://h/a/./b/../c", "http://h:80/a/c" },
  }
  for _, row in ipairs(rows) do
    it(("%s -> %s"):format(vim.inspect(row[1]), row[2]), function()
      assert.equals(row[2], host.parseHost(row[1]))
    end)
  end

  it("joins a proxy prefix with the API path as the CLI does", function()
    assert.equals("http://h:8080/proxy/api/tags", host.parseHost("http://h:8080/proxy/") .. "/api/tags")
  end)

  it("names the host of a base URL", function()
    assert.equals("example.com", host.hostName("https://example.com:443/ollama"))
    assert.equals("[::1]", host.hostName("http://[::1]:11434"))
  end)
end)

describe("model names", function()
  it("parses host, namespace, model and tag with defaults", function()
    assert.same({ host = "registry.ollama.ai", namespace = "library", model = "llama3.2", tag = "latest" }, names.parseName("llama3.2"))
    assert.same({ host = "registry.ollama.ai", namespace = "jmorganca", model = "foo", tag = "v1" }, names.parseName("jmorganca/foo:v1"))
    assert.same({ host = "hf.co", namespace = "user", model = "repo", tag = "Q4_K_M" }, names.parseName("hf.co/user/repo:Q4_K_M"))
    assert.same({ host = "localhost:5000", namespace = "ns", model = "m", tag = "latest" }, names.parseName("localhost:5000/ns/m"))
  end)

  it("keeps the tag in full and display names", function()
    assert.equals("llama3.2:latest", names.fullName("llama3.2"))
    assert.equals("llama3.2:3b", names.fullName("registry.ollama.ai/library/llama3.2:3b"))
    assert.equals("jmorganca/foo:latest", names.fullName("jmorganca/foo"))
    assert.equals("hf.co/user/repo:Q4_K_M", names.fullName("hf.co/user/repo:Q4_K_M"))
    assert.is_true(names.sameModel("llama3.2", "library/llama3.2:latest"))
    assert.is_false(names.sameModel("llama3.2:3b", "llama3.2:latest"))
  end)

  it("builds registry manifest URLs", function()
    assert.equals("https://registry.ollama.ai/v2/library/llama3.2/manifests/3b", names.manifestUrl("llama3.2:3b", "https://registry.ollama.ai"))
    assert.equals("http://127.0.0.1:9/v2/jmorganca/foo/manifests/latest", names.manifestUrl("jmorganca/foo", "http://127.0.0.1:9/"))
    assert.equals("https://hf.co/v2/u/r/manifests/Q4", names.manifestUrl("hf.co/u/r:Q4", "https://registry.ollama.ai"))
  end)
end)
