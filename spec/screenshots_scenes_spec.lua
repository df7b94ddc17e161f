-- make screenshots: the scenes of the model manager and of an apply's diff, run as the README's
-- pictures are made (scripts/screenshots.sh: the real plugin in tmux against the test server,
-- captured with colours), and the README showing every scene the command makes.
local root = vim.env.OC_ROOT

local function shots(out, ...)
  local res = vim.system({ "bash", root .. "/scripts/screenshots.sh", "--keep-html", "--out", out, ... },
    { cwd = root, env = { OC_NVIM = vim.env.OC_NVIM, TMUX = "" } }):wait(180000)
  assert.equals(0, res.code, (res.stdout or "") .. (res.stderr or ""))
  return res
end

--- The screen's text (tags and entities gone) and the HTML.
local function screen(path)
  local html = table.concat(vim.fn.readfile(path), "\n")
  local text = html:match("<pre>(.*)</pre>"):gsub("<[^>]*>", ""):gsub("&quot;", '"'):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&")
  return text, html
end

--- Whether a span of the screen that holds `text` (the chat may show it too) has a style that
--- does not match `pattern`.
local function styled_other(html, text, pattern)
  local seen = false
  for style, body in html:gmatch('<span style="([^"]*)">([^<]*)') do
    if body:gsub("&quot;", '"'):find(text, 1, true) then
      seen = true
      if not style:find(pattern) then return true end
    end
  end
  assert(seen, "no span with " .. text)
  return false
end

local DEFAULT_BG = "background%-color:#14161b"

describe("make screenshots: the model manager and the apply", function()
  local out = vim.fn.tempname()
  local res

  it("the models scene shows :Ollama models with every model, its capabilities, the loaded one and the keys", function()
    res = shots(out, "models", "apply")
    local text = screen(out .. "/models.html")
    assert.matches("Ollama models at http://127%.0%.0%.1:%d+: 6 models, 1 loaded, default ★ qwen3:8b", text)
    for _, name in ipairs({ "qwen3:8b", "llama3.2:3b", "codellama:7b", "mistral:latest", "gemma3:4b", "nomic-embed-text:latest" }) do
      assert.matches(name, text, 1, true)
    end
    assert.matches("completion tools thinking%s+● loaded", text)
    assert.matches("completion vision", text, 1, true)
    assert.matches("\n%s+nomic%-embed%-text:latest%s+274 MB%s+137M%s+F16%s+nomic%-bert%s.-embedding", text)
    assert.matches("d delete · u update", text, 1, true)
  end)

  it("the apply scene shows the diff of a reply's code block in the buffer asked about, coloured", function()
    local text, html = screen(out .. "/apply.html")
    assert.matches("ga accept · gr reject", text, 1, true)
    assert.matches("codellama:7b · idle", text, 1, true)
    -- The block's new lines, as virtual lines on a diff background; the line that goes, marked.
    assert.is_true(styled_other(html, 'local partial = ""', DEFAULT_BG), "an added line on the diff background")
    assert.is_true(styled_other(html, "partial = table.remove(lines)", DEFAULT_BG))
    assert.matches("\n%-%s+local lines = { data }", text)
    assert.is_true(styled_other(html, "local lines = { data }", "^color:#e0e2ea;"), "the removed line in its own colour")
  end)

  it("writes a PNG of each scene when chromium is there", function()
    for _, name in ipairs({ "models", "apply" }) do
      if vim.fn.executable("chromium") == 1 then
        local png = out .. "/" .. name .. ".png"
        assert.matches("screenshots: " .. vim.pesc(png), res.stdout)
        assert.is_true(vim.uv.fs_stat(png).size > 20000, png)
      else
        assert.matches("no chromium: HTML only", res.stdout, 1, true)
      end
    end
  end)

  it("the README shows a picture of every scene, each one in docs/images", function()
    local script = table.concat(vim.fn.readfile(root .. "/scripts/screenshots.sh"), "\n")
    local scenes = vim.split(assert(script:match("\nSCENES=%(([^)]*)%)")), " ", { trimempty = true })
    assert.is_true(vim.tbl_contains(scenes, "models") and vim.tbl_contains(scenes, "apply"), table.concat(scenes, " "))
    local readme = table.concat(vim.fn.readfile(root .. "/README.md"), "\n")
    for _, scene in ipairs(scenes) do
      assert.matches("!%[[^%]]+%]%(docs/images/" .. scene .. "%.png%)", readme)
      assert.is_true(vim.uv.fs_stat(root .. "/docs/images/" .. scene .. ".png").size > 20000, scene)
    end
  end)
end)
