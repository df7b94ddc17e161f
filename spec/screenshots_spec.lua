-- make screenshots: the quick variant (one scene) runs the whole chain against the test server:
-- Neovim with a remote UI in tmux, capture-pane, aha to HTML, and headless Chromium to PNG when
-- chromium is installed (CI installs it; without it the script writes the HTML only, and says so).
local root = vim.env.OC_ROOT

-- PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
local function png_size(path)
  local f = assert(io.open(path, "rb"))
  local head = f:read(24)
  f:close()
  assert(head and #head == 24, path .. " is too short for a PNG")
  assert(head:sub(1, 8) == "\137PNG\r\n\26\n", path .. " is not a PNG")
  local function u32(i)
    local a, b, c, d = head:byte(i, i + 3)
    return ((a * 256 + b) * 256 + c) * 256 + d
  end
  return u32(17), u32(21)
end

describe("make screenshots", function()
  it("the quick variant captures the update view from the real plugin, in colour", function()
    local out = vim.fn.tempname()
    local res = vim.system({ "bash", root .. "/scripts/screenshots.sh", "--quick", "--keep-html", "--out", out },
      { cwd = root, env = { OC_NVIM = vim.env.OC_NVIM, TMUX = "" } }):wait(120000)
    assert.equals(0, res.code, (res.stdout or "") .. (res.stderr or ""))

    local html = table.concat(vim.fn.readfile(out .. "/update.html"), "\n")
    assert.matches("Ollama: update", html, 1, true)
    assert.matches("llama3.2:3b", html, 1, true)
    assert.matches("up to date", html, 1, true)
    assert.matches("downloading", html, 1, true)
    assert.matches("updated", html, 1, true)
    local _, colours = html:gsub('<span style="[^"]*color:#%x%x%x%x%x%x', "")
    assert.is_true(colours > 20, "colours kept from the terminal: " .. colours)

    if vim.fn.executable("chromium") == 1 then
      local png = out .. "/update.png"
      local w, h = png_size(png)
      assert.same({ 1112, 632 }, { w, h }, "the window size the script asks for")
      local size = vim.uv.fs_stat(png).size
      assert.is_true(size > 20000, "a PNG with a screen in it: " .. size .. " bytes")
      assert.matches("screenshots: " .. vim.pesc(png), res.stdout)
    else
      assert.matches("no chromium: HTML only", res.stdout, 1, true)
    end
  end)
end)
