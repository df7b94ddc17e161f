-- The build: dist/lua is what src/ builds, it parses as Lua 5.1, it never blocks the editor, and
-- the Neovim API is typed from Neovim's own metadata.
local root = vim.env.OC_ROOT

local function run(cmd, cwd)
  local out = vim.fn.system(cmd)
  return vim.v.shell_error, out
end

local function dist_files()
  return vim.fs.find(function(name) return name:match("%.lua$") end, { path = root .. "/dist/lua", type = "file", limit = math.huge })
end

-- A copy of the sources to break on purpose, sharing the installed node_modules.
local function copy_project()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  for _, name in ipairs({ "src", "types", "tlconfig", "scripts", "dist" }) do
    assert(run({ "cp", "-r", root .. "/" .. name, dir .. "/" .. name }) == 0)
  end
  for _, name in ipairs({ "tsconfig.json", "tsconfig.base.json", "package.json" }) do
    assert(run({ "cp", root .. "/" .. name, dir .. "/" .. name }) == 0)
  end
  vim.uv.fs_symlink(root .. "/node_modules", dir .. "/node_modules")
  return dir
end

describe("build", function()
  it("every file in dist/lua parses with PUC Lua 5.1", function()
    local files = dist_files()
    assert.is_true(#files > 0)
    for _, f in ipairs(files) do
      local code, out = run({ "luac5.1", "-p", "-o", "/dev/null", f })
      assert.equals(0, code, f .. ": " .. out)
    end
  end)

  it("no plugin code calls anything that blocks the editor", function()
    local forbidden = { ":wait%(", "vim%.wait%f[^%w_]", "vim%.fn%.system%(", "vim%.fn%.systemlist%(", "io%.popen", "os%.execute", "vim%.fn%.jobwait" }
    -- The one exception: :checkhealth runs synchronously, so health waits for Ollama, bounded.
    local allowed = { [root .. "/dist/lua/ollama-chat/health.lua"] = { ["vim%.wait%f[^%w_]"] = true } }
    local shims = vim.fs.find(function(name) return name:match("%.lua$") end, { path = root .. "/lua", type = "file", limit = math.huge })
    local files = vim.list_extend(vim.list_extend(dist_files(), shims), { root .. "/plugin/ollama-chat.lua" })
    for _, f in ipairs(files) do
      local text = table.concat(vim.fn.readfile(f), "\n")
      for _, pat in ipairs(forbidden) do
        if not (allowed[f] or {})[pat] then
          assert.is_nil(text:find(pat), ("%s calls %s"):format(f, pat:gsub("%%f%[%^%%w_%]", ""):gsub("%%", "")))
        end
      end
    end
  end)

  it("no array is spread into a table: unpack() fails past ~8,000 items", function()
    -- [...xs] compiles to { unpack(xs) }: write xs.slice() or xs.concat(ys) (loops in lualib).
    for _, f in ipairs(dist_files()) do
      if not f:match("lualib_bundle%.lua$") then
        local text = table.concat(vim.fn.readfile(f), "\n")
        assert.is_nil(text:find("{%s*unpack%("), f .. " spreads an array into a table")
        assert.is_nil(text:find("ArrayNew%(%s*unpack%("), f .. " spreads an array into a table")
      end
    end
  end)

  it("health's one wait is bounded by HEALTH_WAIT_MS and says why it is there", function()
    local text = table.concat(vim.fn.readfile(root .. "/dist/lua/ollama-chat/health.lua"), "\n")
    local _, n = text:gsub("vim%.wait%f[^%w_]", "")
    assert.equals(1, n, "exactly one vim.wait in health")
    assert.matches("vim%.wait%(%s*[%w_.]*HEALTH_WAIT_MS,", text)
    assert.matches("the one place in the plugin where a bounded wait is%s*%-*%s*right", text)
    assert.equals(2000, require("ollama-chat.health").HEALTH_WAIT_MS)
  end)

  it("the runtime helpers live under ollama-chat., never as a global module", function()
    assert.is_nil(vim.uv.fs_stat(root .. "/dist/lua/lualib_bundle.lua"))
    for _, f in ipairs(dist_files()) do
      local text = table.concat(vim.fn.readfile(f), "\n")
      assert.is_nil(text:find('require%("lualib_bundle"%)'), f)
    end
  end)

  it("check-dist passes on a fresh build and fails on a stale or edited dist/lua", function()
    local dir = copy_project()
    local code, out = run({ "bash", dir .. "/scripts/check-dist.sh" })
    assert.equals(0, code, out)

    -- src/ changed but dist/ not rebuilt
    local init = dir .. "/src/ollama-chat/init.ts"
    local text = vim.fn.readfile(init)
    text[#text + 1] = "export const stale = 1;"
    vim.fn.writefile(text, init)
    code, out = run({ "bash", dir .. "/scripts/check-dist.sh" })
    assert.not_equals(0, code)
    assert.matches("dist/lua is not what src/ builds", out)

    -- rebuilt, then dist/ edited by hand
    assert.equals(0, (run({ "bash", dir .. "/scripts/build.sh", "dist/lua" })))
    assert.equals(0, (run({ "bash", dir .. "/scripts/check-dist.sh" })))
    vim.fn.writefile({ "return {}" }, dir .. "/dist/lua/ollama-chat/init.lua")
    code = run({ "bash", dir .. "/scripts/check-dist.sh" })
    assert.not_equals(0, code)
  end)

  it("a type error fails the build and leaves dist/lua untouched", function()
    local dir = copy_project()
    local before = table.concat(vim.fn.readfile(dir .. "/dist/lua/ollama-chat/init.lua"), "\n")
    vim.fn.writefile({ "export const broken: number = 'text';" }, dir .. "/src/ollama-chat/broken.ts")
    local code, out = run({ "bash", dir .. "/scripts/build.sh", "dist/lua" })
    assert.not_equals(0, code)
    assert.matches("TS2322", out)
    assert.is_nil(vim.uv.fs_stat(dir .. "/dist/lua/ollama-chat/broken.lua"))
    assert.equals(before, table.concat(vim.fn.readfile(dir .. "/dist/lua/ollama-chat/init.lua"), "\n"))
  end)

  it("the vim.api declarations are generated from Neovim 0.10's metadata and enforced", function()
    local gen = vim.fn.tempname() .. ".d.ts"
    local code, out = run({ "node", root .. "/scripts/gen-api-types.mjs", root .. "/.deps/bin/nvim-0.10", gen })
    assert.equals(0, code, out)
    assert.same(vim.fn.readfile(root .. "/types/nvim-api.d.ts"), vim.fn.readfile(gen), "types/nvim-api.d.ts is stale: run make types")

    local dir = copy_project()
    -- wrong argument types, and a function that Neovim 0.10 does not have, are both rejected
    vim.fn.writefile({
      "export const a = vim.api.nvim_buf_get_lines('zero', 0, -1, false);",
      "export const b = vim.api.nvim_open_tabpage(0, true, {});",
    }, dir .. "/src/ollama-chat/misuse.ts")
    code, out = run({ dir .. "/node_modules/.bin/tsc", "--noEmit", "-p", dir .. "/tsconfig.json" })
    assert.not_equals(0, code)
    assert.matches("misuse.ts%(1,.-TS2345", out)
    assert.matches("misuse.ts%(2,.-TS2339", out)
  end)
end)
