-- Every callback-taking declaration in types/, used from TypeScript (spec/ts/declprobe.ts) and
-- run in real Neovim: the callbacks must receive their arguments where the declarations say.
local probe = dofile(vim.env.OC_ROOT .. "/.build/spec-lua/declprobe.lua")

local function recorder()
  local got = {}
  local function record(key, ...)
    got[key] = { n = select("#", ...), ... }
  end
  local function wait(key)
    assert(vim.wait(3000, function() return got[key] ~= nil end, 5), "callback never ran: " .. key)
    return got[key]
  end
  return record, wait
end

describe("declarations", function()
  it("vim.system passes (err, data) to stdout/stderr and the result to on_exit", function()
    local record, wait = recorder()
    probe.system(record)
    local exit = wait("exit")
    assert.same({ 3, 0 }, { exit[1], exit[2] })
    local out, err = wait("stdout"), wait("stderr")
    assert.is_nil(out[1])
    assert.equals("out", out[2])
    assert.is_nil(err[1])
    assert.equals("err", err[2])
  end)

  it("vim.system writes to stdin through the object's methods", function()
    local record, wait = recorder()
    probe.systemStdin(record)
    assert.equals("piped", wait("cat")[1])
  end)

  it("vim.schedule, schedule_wrap and defer_fn call back with the right arguments", function()
    local record, wait = recorder()
    probe.schedule(record)
    assert.equals("ran", wait("schedule")[1])
    assert.same({ "a", 2 }, { wait("schedule_wrap")[1], wait("schedule_wrap")[2] })
    assert.equals("ran", wait("defer_fn")[1])
  end)

  it("uv timers keep their methods", function()
    local record, wait = recorder()
    probe.timer(record)
    local t = wait("timer")
    assert.same({ 2, true }, { t[1], t[2] })
  end)

  it("vim.ui.select formats items and passes (item, idx)", function()
    local record, wait = recorder()
    local saved = vim.ui.select
    local formatted
    vim.ui.select = function(items, opts, on_choice)
      formatted = vim.tbl_map(opts.format_item, items)
      on_choice(items[2], 2)
    end
    probe.uiSelect(record)
    vim.ui.select = saved
    assert.same({ "<x>", "<y>" }, formatted)
    assert.same({ "y", 2 }, { wait("select")[1], wait("select")[2] })
  end)

  it("vim.ui.input passes the input", function()
    local record, wait = recorder()
    local saved = vim.ui.input
    vim.ui.input = function(opts, on_confirm)
      on_confirm(opts.prompt .. "typed")
    end
    probe.uiInput(record)
    vim.ui.input = saved
    assert.equals("name: typed", wait("input")[1])
  end)

  it("keymap callbacks run when the keys are pressed", function()
    local record, wait = recorder()
    probe.keymap(record)
    vim.api.nvim_feedkeys(vim.keycode("<F9><F10>"), "x", false)
    assert.equals("pressed", wait("keymap")[1])
    assert.equals("pressed", wait("api_keymap")[1])
  end)

  it("autocmd callbacks receive the event table", function()
    local record, wait = recorder()
    probe.autocmd(record)
    assert.same({ "DeclProbe", 7 }, { wait("autocmd")[1], wait("autocmd")[2] })
  end)

  it("user command and completion callbacks receive their arguments", function()
    local record, wait = recorder()
    probe.userCommand(record)
    vim.cmd("DeclProbe a b")
    assert.same({ "a b", 2, 1 }, { wait("command")[1], wait("command")[2], wait("command")[3] })
    assert.same({ "one", "two" }, vim.fn.getcompletion("DeclProbe ", "cmdline"))
    local c = wait("complete")
    assert.same({ "", "DeclProbe ", 10 }, { c[1], c[2], c[3] })
  end)

  it("nvim_buf_attach on_lines receives (event, buf, tick, first, last, last_updated)", function()
    local record, wait = recorder()
    probe.bufAttach(record)
    local l = wait("on_lines")
    assert.same({ "lines", true, 0, 1, 2 }, { l[1], l[2], l[3], l[4], l[5] })
  end)

  it("uv fs callbacks receive (err, result)", function()
    local record, wait = recorder()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir, "p")
    probe.fs(record, dir)
    assert.same({ n = 2, nil, "number" }, wait("fs_open"))
    assert.same({ n = 2, nil, 5 }, wait("fs_write"))
    assert.is_true(wait("fs_fsync")[2])
    assert.is_true(wait("fs_close")[2])
    assert.is_true(wait("fs_rename")[2])
    assert.same({ n = 3, nil, 5, "file" }, wait("fs_stat"))
    assert.same({ n = 2, nil, "hello" }, wait("fs_read"))
    assert.equals("probe.txt.moved", wait("fs_scandir")[2])
    assert.is_true(wait("fs_unlink")[2])
  end)

  it("uv fs_mkdir calls back with (err, ok)", function()
    local record, wait = recorder()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir, "p")
    probe.fsMkdir(record, dir)
    assert.same({ n = 2, nil, true }, wait("fs_mkdir"))
    assert.equals("directory", vim.uv.fs_stat(dir .. "/made").type)
    assert.matches("^EEXIST", wait("fs_mkdir_again")[1])
  end)

  it("uv.spawn and pipes call back with (code, signal) and (err, data)", function()
    local record, wait = recorder()
    probe.spawn(record)
    assert.same({ n = 1, nil }, wait("spawn_write"))
    assert.same({ n = 2, nil, "through stdin" }, wait("spawn_eof"))
    assert.same({ 5, 0, "number" }, { wait("spawn_exit")[1], wait("spawn_exit")[2], wait("spawn_exit")[3] })
  end)

  it("terminal jobs call on_exit with (job, code, event)", function()
    local record, wait = recorder()
    probe.terminal(record)
    assert.same({ "number", 4, "exit" }, { wait("term_exit")[1], wait("term_exit")[2], wait("term_exit")[3] })
  end)
end)
