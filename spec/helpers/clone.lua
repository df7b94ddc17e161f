-- What a clone of the repository holds: tracked files and new ones git does not ignore, copied
-- into `dir` (so a spec sees the work tree as a user's clone would, uncommitted changes included).
local root = vim.env.OC_ROOT

return function(dir)
  local files = vim.fn.systemlist({ "git", "-C", root, "ls-files", "-co", "--exclude-standard" })
  assert(vim.v.shell_error == 0, "git ls-files failed")
  for _, f in ipairs(files) do
    if vim.uv.fs_stat(root .. "/" .. f) then
      vim.fn.mkdir(vim.fs.dirname(dir .. "/" .. f), "p")
      assert(vim.uv.fs_copyfile(root .. "/" .. f, dir .. "/" .. f))
    end
  end
  assert(not vim.uv.fs_stat(dir .. "/node_modules"), "a clone has no node_modules")
end
