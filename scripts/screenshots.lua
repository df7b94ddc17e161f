-- Loaded into each editor scripts/screenshots.sh drives: what it asks over the socket to know
-- when the screen is ready to capture.

--- Whether `text` appears in a window of the current tab.
function _G.shot_shown(text)
  for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)
    if table.concat(lines, "\n"):find(text, 1, true) then
      return true
    end
  end
  return false
end

--- Whether a line of a window of the current tab matches the Lua pattern.
function _G.shot_match(pattern)
  for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    for _, line in ipairs(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)) do
      if line:find(pattern) then
        return true
      end
    end
  end
  return false
end

--- Whether a buffer of the current tab has marks of the named namespace (the apply's diff).
function _G.shot_marked(namespace)
  local ns = vim.api.nvim_get_namespaces()[namespace]
  for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    if ns and #vim.api.nvim_buf_get_extmarks(vim.api.nvim_win_get_buf(w), ns, 0, -1, { limit = 1 }) > 0 then
      return true
    end
  end
  return false
end
