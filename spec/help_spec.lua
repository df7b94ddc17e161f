-- :help ollama-chat where no plugin manager made the help tags: doc/tags is committed (lazy.nvim
-- runs :helptags only for plugins it installs or updates: manage/task/plugin.lua, the "docs" task;
-- a `dir =` install and a native package get none), it is exactly what :helptags makes, and
-- `:helptags ALL` therefore leaves a clone of the repository unchanged.
local Child = require("helpers.child")
local root = vim.env.OC_ROOT

local function run(cmd, cwd)
  local out = vim.fn.system(cwd and { "sh", "-c", 'cd "$0" && "$@"', cwd, unpack(cmd) } or cmd)
  return vim.v.shell_error, out
end

local copy_clone = require("helpers.clone")

-- A clone of the repository as it stands, as a git repository of its own with everything committed.
local function clone_into(dir)
  copy_clone(dir)
  for _, cmd in ipairs({
    { "git", "init", "-q" },
    { "git", "add", "-A" },
    { "git", "-c", "user.name=spec", "-c", "user.email=spec@localhost", "commit", "-q", "-m", "clone" },
  }) do
    local code, out = run(cmd, dir)
    assert(code == 0, table.concat(cmd, " ") .. ": " .. out)
  end
end

-- The help window's file and the line the cursor is on, after :help {tag}.
local function help(child, tag)
  return child:lua([[
    local ok, err = pcall(vim.cmd, "help " .. ...)
    if not ok then return { error = err } end
    return { file = vim.fs.basename(vim.api.nvim_buf_get_name(0)), line = vim.api.nvim_get_current_line(), buftype = vim.bo.buftype }
  ]], tag)
end

describe("help tags", function()
  local child
  after_each(function()
    if child then child:stop() end
    child = nil
  end)

  it("doc/tags is committed and is what :helptags makes from doc/ollama-chat.txt (make helptags)", function()
    local code = run({ "git", "-C", root, "ls-files", "--error-unmatch", "doc/tags" })
    assert.equals(0, code, "doc/tags is not tracked by git")
    local dir = Child.tempdir()
    vim.fn.mkdir(dir .. "/doc", "p")
    assert(vim.uv.fs_copyfile(root .. "/doc/ollama-chat.txt", dir .. "/doc/ollama-chat.txt"))
    vim.cmd("helptags " .. vim.fn.fnameescape(dir .. "/doc"))
    assert.same(vim.fn.readfile(dir .. "/doc/tags"), vim.fn.readfile(root .. "/doc/tags"), "doc/tags is stale: run make helptags and commit doc/tags")
  end)

  it(":help ollama-chat works in a native package, and :helptags ALL leaves the clone clean", function()
    local pack = Child.tempdir()
    local clone = pack .. "/pack/plugins/start/ollama-chat.nvim"
    clone_into(clone)
    child = Child.new({ plugin = false, args = { "--cmd", "set packpath^=" .. pack } })
    local got = help(child, "ollama-chat")
    assert.is_nil(got.error, got.error)
    assert.same({ file = "ollama-chat.txt", buftype = "help" }, { file = got.file, buftype = got.buftype })
    assert.matches("%*ollama%-chat%* %*ollama%-chat%-intro%*", got.line)
    got = help(child, "ollama-chat-options")
    assert.matches("%*ollama%-chat%-options%*", got.line)

    child:cmd("helptags ALL")
    local code, out = run({ "git", "status", "--porcelain" }, clone)
    assert.equals(0, code, out)
    assert.equals("", out, "git status after :helptags ALL")
  end)

  it(":help ollama-chat works for a lazy.nvim `dir =` install once the plugin loaded", function()
    child = Child.new({ plugin = false })
    local dir = Child.tempdir() .. "/ollama-chat.nvim"
    clone_into(dir)
    local text = table.concat(vim.fn.readfile(root .. "/README.md"), "\n")
    local block = assert(text:match("With %[lazy%.nvim%][^\n]*\n```lua\n(.-)\n```"))
    child:lua([[
      local file, block, dir = ...
      local spec = assert(loadstring("return " .. block))()
      spec.dir = dir
      _G.Lazy = dofile(file)
      _G.Lazy.setup(spec, dir)
    ]], root .. "/spec/helpers/lazy.lua", block, dir)
    -- loaded by its command, as lazy loads it on the first :Ollama
    child:cmd("Ollama stop")
    assert.is_true(child:lua("return _G.Lazy.plugin.loaded ~= nil"))
    local got = help(child, "ollama-chat-commands")
    assert.is_nil(got.error, got.error)
    assert.equals("ollama-chat.txt", got.file)
    assert.matches("%*ollama%-chat%-commands%*", got.line)
    local code, out = run({ "git", "status", "--porcelain" }, dir)
    assert.equals("", out, "the install is unchanged")
    assert.equals(0, code)
  end)
end)
