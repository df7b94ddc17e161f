-- The store's file primitives: atomic write, read, append, mkdir -p, directory listing.
local h = require("helpers.store")
local fs = require("ollama-chat.store.fs")

--- Calls fs[name](..., cb) and waits: the value, asserting there was no error.
local function ok(name, ...)
  local err, value = h.await(fs[name], ...)
  assert.is_nil(err, tostring(err))
  return value
end

--- Calls fs[name](..., cb) and waits: the error, asserting there was one.
local function fails(name, ...)
  local err = h.await(fs[name], ...)
  assert.is_string(err)
  return err
end

describe("store fs", function()
  local dir
  before_each(function()
    dir = vim.fn.tempname()
    vim.fn.mkdir(dir, "p")
  end)

  it("writes atomically: new file by rename, exact bytes, no temp file left", function()
    local path = dir .. "/f.txt"
    h.write(path, "old")
    local inode = vim.uv.fs_stat(path).ino
    local data = "bytes \0 é ✓\r\n" .. ("x"):rep(3 * 1024 * 1024) .. "end"
    ok("writeFileAtomic", path, data)
    assert.equals(data, h.read(path))
    assert.not_equals(inode, vim.uv.fs_stat(path).ino)
    assert.same({ "f.txt" }, h.ls(dir))
  end)

  it("leaves the old file and no temp file when the write fails", function()
    local err = fails("writeFileAtomic", dir .. "/missing/f.txt", "x")
    assert.matches("could not write .*missing/f%.txt: ENOENT", err)
    assert.same({}, h.ls(dir))
    -- renaming over a folder fails after the temp file was written: it is removed
    vim.fn.mkdir(dir .. "/taken", "p")
    fails("writeFileAtomic", dir .. "/taken", "x")
    assert.same({ "taken" }, h.ls(dir))
  end)

  it("reads whole files, larger than one read, and empty ones", function()
    local big = ("0123456789"):rep(250000) .. "tail"
    h.write(dir .. "/big", big)
    assert.equals(big, ok("readFile", dir .. "/big"))
    h.write(dir .. "/empty", "")
    assert.equals("", ok("readFile", dir .. "/empty"))
    assert.matches("^ENOENT", fails("readFile", dir .. "/none"))
    local text, err = fs.readFileSync(dir .. "/big")
    assert.equals(big, text)
    assert.is_nil(err)
    text, err = fs.readFileSync(dir .. "/none")
    assert.is_nil(text)
    assert.matches("^ENOENT", err)
  end)

  it("appends, creating the file", function()
    ok("appendFile", dir .. "/log", "one\n")
    ok("appendFile", dir .. "/log", "two\n")
    assert.equals("one\ntwo\n", h.read(dir .. "/log"))
  end)

  it("creates only new files with createNew", function()
    assert.is_true(ok("createNew", dir .. "/n", "first"))
    assert.is_false(ok("createNew", dir .. "/n", "second"))
    assert.equals("first", h.read(dir .. "/n"))
  end)

  it("makes folders with their parents, accepts existing ones, refuses a file in the way", function()
    ok("mkdirp", dir .. "/a/b/c")
    assert.equals("directory", vim.uv.fs_stat(dir .. "/a/b/c").type)
    ok("mkdirp", dir .. "/a/b/c")
    h.write(dir .. "/file", "x")
    assert.matches("not a directory", fails("mkdirp", dir .. "/file"))
  end)

  it("lists folders, a missing one as empty", function()
    h.write(dir .. "/x", "1")
    vim.fn.mkdir(dir .. "/d", "p")
    local entries = ok("listDir", dir)
    table.sort(entries, function(a, b) return a.name < b.name end)
    assert.same({ { name = "d", type = "directory" }, { name = "x", type = "file" } }, entries)
    assert.same({}, ok("listDir", dir .. "/none"))
  end)
end)
