-- :Ollama models driven through a child Neovim with keys, against the test server: what the
-- list shows, what each key sends (the server's request log), and that the list stays true
-- while other clients change the models.
local Server = require("helpers.server")
local User = require("helpers.user")

local BUF = "ollama-chat://models"

local MODELS = {
  { name = "llama3.2:3b", size = 2019393189 },
  { name = "qwen3:8b", thinking = true, family = "qwen3", parameter_size = "8.2B", size = 5200000000, gpu_percent = 48 },
  { name = "tiny:1b", size = 700000000, context_length = 2048, quantization_level = "Q8_0" },
  { name = "gemma3:4b", capabilities = { "completion", "vision", "tools" }, family = "gemma3", parameter_size = "4.3B", size = 3300000000 },
  { name = "nomic-embed-text:latest", capabilities = { "embedding" }, family = "nomic-bert", parameter_size = "137M", size = 274000000, context_length = 8192 },
}

local function curl(server, method, path, body)
  local out = vim.fn.system({ "curl", "-sS", "-X", method, server.url .. path, "--data-binary", "@-" }, vim.json.encode(body))
  assert(vim.v.shell_error == 0, out)
  return out
end

local function requests(server, path)
  return vim.tbl_filter(function(e) return e.path == path end, server:log())
end

describe(":Ollama models", function()
  local server, user, child

  setup(function()
    server = Server.start()
  end)
  teardown(function()
    server:stop()
  end)
  after_each(function()
    if user then user:stop() end
    user, child = nil, nil
  end)

  local function start(scenario, setup)
    server:scenario(scenario or { models = MODELS })
    server:clear_log()
    user = User.start(server, { setup = setup })
    child = user.child
    child:lua("vim.o.columns = 220")
    return user
  end

  local function lines()
    return child:lua(([[
      for _, b in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_get_name(b) == %q then return vim.api.nvim_buf_get_lines(b, 0, -1, false) end
      end
      return {}
    ]]):format(BUF))
  end

  --- The row of `name` (its line starts with the mark and the name), or nil.
  local function row(name)
    for _, l in ipairs(lines()) do
      if vim.startswith(l, "  " .. name .. " ") or vim.startswith(l, "★ " .. name .. " ") then return l end
    end
  end

  local function wait_row(name, pattern, what, timeout)
    user:wait(function()
      local r = row(name)
      if pattern == false then return r == nil end
      return r ~= nil and (pattern == nil or r:find(pattern) ~= nil)
    end, what or ("row of " .. name .. (pattern and (" matching " .. tostring(pattern)) or "")), timeout)
    return row(name)
  end

  local function open_view()
    child:feed("<Space>oi")
    user:wait(function(c) return c:lua("return vim.api.nvim_buf_get_name(0)") == BUF end, "the models view")
    wait_row("llama3.2:3b", "completion")
  end

  --- Puts the cursor on `name`'s row, as a user moving down the list.
  local function go_to(name)
    for i, l in ipairs(lines()) do
      if vim.startswith(l, "  " .. name .. " ") or vim.startswith(l, "★ " .. name .. " ") then
        child:feed(i .. "G")
        user:wait(function(c) return c:lua("return vim.fn.line('.')") == i end, "cursor on " .. name)
        return i
      end
    end
    error("no row for " .. name)
  end

  local function cursor_model()
    return child:lua("return require('ollama-chat.models.view').modelAtCursor()")
  end

  it("lists every local model with its size, details, capabilities, context and the default marked", function()
    start()
    child:cmd("Ollama model llama3.2:3b")
    open_view()
    -- its own tab, the key hints in the window bar
    assert.equals(2, child:lua("return #vim.api.nvim_list_tabpages()"))
    assert.matches("<CR> chat · d delete · u update · U update all · c copy · l load · x unload · K details · p pull · R refresh · g%? help · q close",
      child:lua("return vim.wo.winbar"))
    wait_row("qwen3:8b", "thinking")
    wait_row("tiny:1b", "completion")
    wait_row("nomic-embed-text:latest", "embedding")
    wait_row("gemma3:4b", "tools")
    local l = lines()
    assert.matches("^ Ollama models at http://127%.0%.0%.1:%d+: 5 models, 0 loaded, default ★ llama3%.2:3b$", l[1])
    assert.matches("NAME +SIZE +PARAMS +QUANT +FAMILY +MODIFIED +CONTEXT +CAPABILITIES +STATE", l[4])
    assert.matches("^★ llama3%.2:3b +2%.0 GB +3%.2B +Q4_K_M +llama +%d+ %a+s? ago +128K +completion$", row("llama3.2:3b"))
    assert.matches("^  qwen3:8b +5%.2 GB +8%.2B +Q4_K_M +qwen3 +%d+ %a+s? ago +128K +completion thinking$", row("qwen3:8b"))
    assert.matches("^  tiny:1b +700 MB +3%.2B +Q8_0 +llama +%d+ %a+s? ago +2K +completion$", row("tiny:1b"))
    assert.matches("^  gemma3:4b +3%.3 GB +4%.3B +Q4_K_M +gemma3 +%d+ %a+s? ago +128K +completion vision tools$", row("gemma3:4b"))
    assert.matches("^  nomic%-embed%-text:latest +274 MB +137M +Q4_K_M +nomic%-bert +%d+ %a+s? ago +8K +embedding$", row("nomic-embed-text:latest"))
    -- sorted by name
    local order = {}
    for i = 5, #l do order[#order + 1] = (l[i]:gsub("^★", " ")):sub(3):match("^(%S+)") end
    assert.same({ "gemma3:4b", "llama3.2:3b", "nomic-embed-text:latest", "qwen3:8b", "tiny:1b" }, order)
    -- one /api/show per model, asked once
    assert.equals(5, #requests(server, "/api/show"))
  end)

  it("l preloads with the chat's keep_alive and x unloads with keep_alive 0; the row shows memory, GPU share, context and expiry", function()
    start(nil, { chat = { keep_alive = "10m" } })
    open_view()
    go_to("qwen3:8b")
    server:clear_log()
    child:feed("l")
    local r = wait_row("qwen3:8b", "● loaded")
    -- memory: the weights and the KV cache of its 4096-token context
    assert.matches("● loaded 5%.7 GB, 48%% GPU, ctx 4K, unloads in 10 min$", r)
    local chat = requests(server, "/api/chat")
    assert.equals(1, #chat)
    assert.same({ model = "qwen3:8b", messages = {}, keep_alive = "10m" }, chat[1].json)
    assert.matches(" 1 loaded", lines()[1])

    server:clear_log()
    child:feed("x")
    wait_row("qwen3:8b", "completion thinking$", "qwen3 unloaded")
    chat = requests(server, "/api/chat")
    assert.equals(1, #chat)
    assert.same({ model = "qwen3:8b", messages = {}, keep_alive = 0 }, chat[1].json)
    user:wait_message("qwen3:8b is unloaded from memory")
  end)

  it("d deletes after a confirmation naming the model and its size; the row goes", function()
    start()
    child:cmd("Ollama model llama3.2:3b")
    open_view()
    go_to("tiny:1b")
    server:clear_log()
    child:feed("d")
    user:answer("1<CR>")
    wait_row("tiny:1b", false, "tiny:1b removed")
    local prompts = user:prompts()
    local confirm = prompts[#prompts]
    assert.equals("Delete tiny:1b (700 MB)?", confirm.prompt)
    assert.same({ "Delete tiny:1b", "Cancel" }, confirm.items)
    local deletes = requests(server, "/api/delete")
    assert.equals(1, #deletes)
    assert.same({ model = "tiny:1b" }, deletes[1].json)
    user:wait_message("deleted tiny:1b (700 MB)")
    assert.matches(": 4 models,", lines()[1])
  end)

  it("d on the default model says so and asks for a new default", function()
    start()
    child:cmd("Ollama model llama3.2:3b")
    open_view()
    go_to("llama3.2:3b")
    child:feed("d")
    user:answer("1<CR>")
    -- the picker for the new default comes next
    user:answer("1<CR>")
    local prompts = user:prompts()
    assert.equals("Delete llama3.2:3b (2.0 GB)? It is the default model: you will pick a new one.", prompts[1].prompt)
    assert.equals("Default model", prompts[2].prompt)
    user:wait_message("the default model: pick a new default")
    user:wait_message("default model: qwen3:8b")
    wait_row("llama3.2:3b", false)
    wait_row("qwen3:8b", "^★")
  end)

  it("d on a model another client deleted meanwhile: told, and the row is removed", function()
    start()
    open_view()
    go_to("tiny:1b")
    child:feed("d")
    -- the confirmation is up; another client deletes the model first
    user:answer("")
    curl(server, "DELETE", "/api/delete", { model = "tiny:1b" })
    child:feed("1<CR>")
    user:wait_message("tiny:1b was already deleted (by another client?): removed from the list")
    wait_row("tiny:1b", false)
  end)

  it("c copies under a new name (checked by Ollama's rules); an existing name is asked about first", function()
    start()
    open_view()
    go_to("qwen3:8b")
    server:clear_log()
    child:feed("c")
    user:answer("<C-u>mine:latest<CR>")
    local r = wait_row("mine:latest", "completion thinking")
    assert.matches("^  mine:latest +5%.2 GB +8%.2B", r)
    assert.equals("mine:latest", cursor_model())
    local copies = requests(server, "/api/copy")
    assert.equals(1, #copies)
    assert.same({ source = "qwen3:8b", destination = "mine:latest" }, copies[1].json)
    user:wait_message("copied qwen3:8b to mine:latest")

    -- onto an existing name: asked first; Cancel sends nothing
    go_to("tiny:1b")
    server:clear_log()
    child:feed("c")
    user:answer("<C-u>mine<CR>")
    user:answer("2<CR>")
    local prompts = user:prompts()
    assert.equals("mine:latest exists (5.2 GB). Overwrite it with a copy of tiny:1b?", prompts[#prompts].prompt)
    assert.equals(0, #requests(server, "/api/copy"))
    child:feed("c")
    user:answer("<C-u>mine<CR>")
    user:answer("1<CR>")
    wait_row("mine:latest", "700 MB")
    assert.same({ source = "tiny:1b", destination = "mine:latest" }, requests(server, "/api/copy")[1].json)
  end)

  it("refuses names with spaces, quotes or $() with Ollama's rule, and sends nothing", function()
    start()
    open_view()
    go_to("tiny:1b")
    server:clear_log()
    for _, bad in ipairs({ "my model", 'it"s', "$(touch pwned)", "a/b/c/d" }) do
      child:feed("c")
      user:answer("<C-u>" .. bad .. "<CR>")
      user:wait_message(("cannot copy: %s is not a valid model name"):format(vim.inspect(bad)))
    end
    assert.equals(0, #requests(server, "/api/copy"))
    assert.equals(0, vim.fn.filereadable(child.xdg .. "/pwned"))
  end)

  it("shows a hostile server's name with spaces, quotes, $() and a newline, and refuses to act on it", function()
    local evil = 'evil $(touch pwned) "q"\nx'
    start({ models = { MODELS[1], { name = evil, unchecked_name = true } } })
    open_view()
    local i = go_to('evil $(touch pwned) "q"?x')
    server:clear_log()
    child:feed("d")
    user:wait_message("cannot delete: " .. vim.inspect(evil) .. " is not a valid model name")
    child:feed("l")
    user:wait_message("cannot preload: " .. vim.inspect(evil) .. " is not a valid model name")
    assert.equals(0, #requests(server, "/api/delete") + #requests(server, "/api/chat"))
    assert.equals(0, vim.fn.filereadable(child.xdg .. "/pwned"))
    assert.equals(i, child:lua("return vim.fn.line('.')"))
  end)

  it("u updates the model under the cursor and U all models, through the update view; the list follows", function()
    start({ models = MODELS, pull = { ["tiny:1b"] = { behavior = "update", duration_ms = 200 } } })
    child:lua([[_G.__done = 0; vim.api.nvim_create_autocmd("User", { pattern = "OllamaUpdateDone", callback = function() _G.__done = _G.__done + 1 end })]])
    open_view()
    local before = row("tiny:1b")
    go_to("tiny:1b")
    server:clear_log()
    child:feed("u")
    user:wait(function(c) return c:lua("return _G.__done") == 1 end, "the update of tiny:1b")
    local pulls = requests(server, "/api/pull")
    assert.equals(1, #pulls)
    assert.equals("tiny:1b", pulls[1].json.model)
    -- pulled just now: its modified time changes
    wait_row("tiny:1b", "just now")
    assert.are_not.equal(before, row("tiny:1b"))

    server:clear_log()
    child:lua("vim.api.nvim_set_current_win(vim.fn.win_findbuf(vim.fn.bufnr(...))[1])", BUF)
    child:feed("U")
    user:wait(function(c) return c:lua("return _G.__done") == 2 end, "the update of every model")
    local names = {}
    for _, e in ipairs(requests(server, "/api/pull")) do names[#names + 1] = e.json.model end
    table.sort(names)
    assert.same({ "gemma3:4b", "llama3.2:3b", "nomic-embed-text:latest", "qwen3:8b", "tiny:1b" }, names)

    -- p asks a name, as :Ollama pull does: a cancelled prompt says so and pulls nothing
    server:clear_log()
    child:lua("vim.api.nvim_set_current_win(vim.fn.win_findbuf(vim.fn.bufnr(...))[1])", BUF)
    child:feed("p")
    user:answer("<Esc>")
    user:wait_message("pull cancelled: no model name given")
    assert.same({}, requests(server, "/api/pull"))
    child:feed("p")
    user:answer("../x<CR>")
    user:wait(function(c) return c:messages():find("cannot pull:", 1, true) ~= nil end, "a bad name refused")
    assert.same({}, requests(server, "/api/pull"))
  end)

  it("stays true while open: other clients' loads, copies and deletes show up; the cursor stays on its model", function()
    start()
    open_view()
    go_to("tiny:1b")
    -- another client loads a model
    curl(server, "POST", "/api/chat", { model = "llama3.2:3b", messages = {}, keep_alive = -1 })
    wait_row("llama3.2:3b", "● loaded 2%.5 GB, 100%% GPU, ctx 4K, kept loaded$", "the load by another client", 8000)
    -- another client copies a model to a name sorted before the cursor's
    curl(server, "POST", "/api/copy", { source = "llama3.2:3b", destination = "aaa:latest" })
    wait_row("aaa:latest", "completion", "the copy by another client", 8000)
    assert.equals("tiny:1b", cursor_model())
    -- and deletes one
    curl(server, "DELETE", "/api/delete", { model = "aaa:latest" })
    wait_row("aaa:latest", false, "the delete by another client", 8000)
    assert.equals("tiny:1b", cursor_model())
  end)

  it("polls only while visible: hidden in another tab it stops, and it refreshes when shown again", function()
    start()
    open_view()
    user:wait(function(c) return c:lua("return require('ollama-chat.models.manager').isPolling()") end, "polling")
    child:cmd("tabprevious")
    user:wait(function(c) return not c:lua("return require('ollama-chat.models.manager').isPolling()") end, "polling stopped", 6000)
    server:clear_log()
    vim.wait(4500)
    assert.equals(0, #requests(server, "/api/ps"))
    child:cmd("tabnext")
    user:wait(function() return #requests(server, "/api/ps") > 0 end, "a refresh when shown")
    assert.is_true(child:lua("return require('ollama-chat.models.manager').isPolling()"))
  end)

  it("says when Ollama is down while open, and recovers when it is back", function()
    local other = Server.start({ models = MODELS })
    local port = other.port
    user = User.start(other)
    child = user.child
    open_view()
    other:stop()
    user:wait(function() return (lines()[2] or ""):find("Ollama is not running at http://127.0.0.1:" .. port, 1, true) ~= nil end, "the down notice", 8000)
    assert.matches("start it with `ollama serve` %(retrying%)$", lines()[2])
    assert.is_not_nil(row("llama3.2:3b"), "the last listing stays")
    -- Ollama is back on the same port
    local main = vim.env.OC_ROOT .. "/.build/server/main.js"
    local file = vim.fn.tempname() .. ".json"
    vim.fn.writefile({ vim.json.encode({ models = { MODELS[1] } }) }, file)
    local job = vim.fn.jobstart({ "node", main, "--exit-on-stdin-close", "--port", tostring(port), "--scenario", file })
    local ok, err = pcall(function()
      user:wait(function() return (lines()[2] or ""):find("not running", 1, true) == nil end, "recovery", 10000)
      -- the listing is the new server's: one model
      wait_row("qwen3:8b", false, "the listing after recovery")
      assert.matches(": 1 model, 0 loaded", lines()[1])
    end)
    vim.fn.jobstop(job)
    assert(ok, err)
  end)

  it("K shows the details in a split; <CR> chats with the model; g? lists the keys; q closes", function()
    start()
    child:cmd("Ollama model llama3.2:3b")
    open_view()
    go_to("qwen3:8b")
    child:feed("K")
    user:wait(function() return user:win_named("ollama-chat://model/qwen3:8b") ~= nil end, "the details split")
    local text = table.concat(child:lines(), "\n")
    assert.matches("^# qwen3:8b\n", text)
    assert.matches("%- Capabilities: completion, thinking", text)
    assert.matches("%- Context length: 131072 tokens %(128K%)", text)
    for _, section in ipairs({ "## Parameters", "## Template", "## License", "## Modelfile" }) do
      assert.matches(section, text, 1, true)
    end
    assert.matches("FROM /root/.ollama/models/blobs/sha256-", text, 1, true)
    child:feed("q")
    user:wait(function() return user:win_named("ollama-chat://model/qwen3:8b") == nil end, "details closed")

    child:feed("g?")
    user:wait(function(c) return c:lua("return vim.api.nvim_win_get_config(0).relative") ~= "" end, "the help float")
    local help = table.concat(child:lines(), "\n")
    for _, k in ipairs({ "<CR>", "d", "u", "U", "c", "l", "x", "K", "p", "R", "q" }) do
      assert.matches("\n  " .. vim.pesc(k) .. " +%a", help)
    end
    child:feed("q")

    go_to("qwen3:8b")
    child:feed("<CR>")
    user:wait(function() return user:win_named() ~= nil end, "the chat")
    user:wait_message("the chat now uses qwen3:8b")
    assert.equals(1, child:lua("return #vim.api.nvim_list_tabpages()"))
    assert.equals("qwen3:8b", child:lua("return require('ollama-chat').status().model"))
  end)

  it("p pulls a model by name with the update's progress view", function()
    start({ models = MODELS, pull = { ["mistral:7b"] = { behavior = "new", duration_ms = 200 } } })
    open_view()
    server:clear_log()
    child:feed("p")
    user:answer("mistral:7b<CR>")
    wait_row("mistral:7b", "completion", "the pulled model listed", 8000)
    assert.equals("mistral:7b", requests(server, "/api/pull")[1].json.model)
  end)

  it("lists 200 models", function()
    local many = {}
    for i = 1, 200 do many[i] = { name = ("model%03d:7b"):format(i), size = i * 1000000000 } end
    start({ models = many })
    user:command("Ollama models")
    wait_row("model200:7b", "completion", "the last of 200 rows with its capabilities", 30000)
    local n = 0
    for _, l in ipairs(lines()) do if l:find("^  model%d%d%d:7b ") then n = n + 1 end end
    assert.equals(200, n)
    assert.equals(200, #requests(server, "/api/show"))
  end)
  it(":Ollama delete, copy, preload and unload, completing model names, send the same requests", function()
    start()
    child:cmd("Ollama model llama3.2:3b")
    -- the list is cached once its answer is read (the server's log has the request before that)
    user:wait(function(c) return #c:lua("return vim.fn.getcompletion('Ollama delete ', 'cmdline')") > 0 end, "the model list cached")
    assert.same({ "qwen3:8b" }, child:lua("return vim.fn.getcompletion('Ollama delete q', 'cmdline')"))
    assert.same({ "tiny:1b" }, child:lua("return vim.fn.getcompletion('Ollama copy t', 'cmdline')"))
    assert.same({}, child:lua("return vim.fn.getcompletion('Ollama copy tiny:1b t', 'cmdline')"), "the new name is not completed")
    server:clear_log()

    user:command("Ollama preload tiny:1b")
    user:wait_message("tiny:1b is loaded")
    assert.same({ model = "tiny:1b", messages = {} }, requests(server, "/api/chat")[1].json)
    user:command("Ollama preload qwen3:8b")
    user:wait_message("qwen3:8b is loaded")
    -- the statusline hears whether the chat's model is in memory
    child:lua("require('ollama-chat').open()")
    user:wait(function(c) return c:lua("return require('ollama-chat').status().loaded") == false end, "status().loaded false for llama3.2:3b", 15000)

    server:clear_log()
    user:command("Ollama unload")
    -- one message names them all, once all have answered
    user:wait_message("unloaded from memory: ")
    local said = child:messages():match("unloaded from memory: ([^\n]*)")
    local names = vim.split(said, ", ", { plain = true })
    table.sort(names)
    assert.is_true(vim.deep_equal({ "qwen3:8b", "tiny:1b" }, names) or vim.deep_equal({ "llama3.2:3b", "qwen3:8b", "tiny:1b" }, names), said)
    local unloads = {}
    -- (opening the chat may have warmed its own model up meanwhile: only the unloads count)
    for _, e in ipairs(requests(server, "/api/chat")) do
      if e.json.keep_alive == 0 then unloads[#unloads + 1] = e.json.model end
    end
    table.sort(unloads)
    -- Every loaded model is unloaded: the two preloaded here, and the chat's model when its
    -- warm-up (opening the chat preloads it) had loaded it by then.
    if #unloads == 3 then
      assert.same({ "llama3.2:3b", "qwen3:8b", "tiny:1b" }, unloads)
    else
      assert.same({ "qwen3:8b", "tiny:1b" }, unloads)
    end

    server:clear_log()
    user:command("Ollama copy tiny:1b backup:1b")
    user:wait_message("copied tiny:1b to backup:1b")
    assert.same({ source = "tiny:1b", destination = "backup:1b" }, requests(server, "/api/copy")[1].json)
    user:command("Ollama copy tiny:1b")
    user:wait_message(":Ollama copy takes two model names, {from} and {to}, got 1: tiny:1b")

    user:command("Ollama delete backup:1b")
    user:answer("1<CR>")
    user:wait_message("deleted backup:1b (700 MB)")
    assert.same({ model = "backup:1b" }, requests(server, "/api/delete")[1].json)
    user:command("Ollama delete nothere:1b")
    user:wait_message("cannot delete nothere:1b: it is not installed")
    user:command("Ollama delete $(touch pwned)")
    user:wait_message(":Ollama delete takes one model name, got 2 arguments: $(touch pwned)")
    user:command("Ollama delete $(touch)")
    user:wait_message('cannot delete: "$(touch)" is not a valid model name')
    assert.equals(1, #requests(server, "/api/delete"))
    assert.equals(0, vim.fn.filereadable(child.xdg .. "/pwned"))
  end)

  it("the API: delete_model with force, copy_model, preload_model, unload_model, running(cb)", function()
    start()
    server:clear_log()
    child:lua("require('ollama-chat').preload_model('tiny:1b')")
    user:wait_message("tiny:1b is loaded")
    child:lua("_G.ran = nil; require('ollama-chat').running(function(models, err) _G.ran = { models = models, err = err } end)")
    user:wait(function(c) return c:lua("return _G.ran ~= nil") end, "running(cb)")
    local ran = child:lua("return _G.ran")
    assert.equals(1, #ran.models)
    assert.equals("tiny:1b", ran.models[1].name)
    assert.equals("100% GPU", child:lua("return require('ollama-chat.models.rows').gpuShare(...)", ran.models[1].size, ran.models[1].size_vram))
    child:lua("require('ollama-chat').unload_model('tiny:1b')")
    user:wait_message("tiny:1b is unloaded from memory")
    child:lua("require('ollama-chat').copy_model('tiny:1b', 'spare:1b')")
    user:wait_message("copied tiny:1b to spare:1b")
    child:lua("require('ollama-chat').delete_model('spare:1b', { force = true })")
    user:wait_message("deleted spare:1b (700 MB)")
    assert.equals(0, #user:prompts(), "force asks nothing")
    local paths = {}
    for _, e in ipairs(server:log()) do if e.method ~= "GET" then paths[#paths + 1] = e.method .. " " .. e.path end end
    assert.same({ "POST /api/chat", "POST /api/chat", "POST /api/copy", "DELETE /api/delete" }, paths)
  end)

  it("marks the models the last :Ollama outdated found, with its time, even when checked before the view first opened", function()
    start({ models = MODELS, pull = { ["tiny:1b"] = { behavior = "update" } } }, { update = { registry = server.url } })
    child:lua([[_G.__done = 0; vim.api.nvim_create_autocmd("User", { pattern = "OllamaUpdateDone", callback = function() _G.__done = _G.__done + 1 end })]])
    user:command("Ollama outdated")
    user:wait(function(c) return c:lua("return _G.__done") == 1 end, "the check")
    assert.is_false(child:lua("return package.loaded['ollama-chat.models.manager'] ~= nil"))
    open_view()
    wait_row("tiny:1b", "↑ outdated %(checked just now%)$")
    assert.matches("^ Last outdated check just now: 1 outdated %(U updates all%)$", lines()[2])
    assert.is_nil(row("qwen3:8b"):find("outdated", 1, true))
  end)
end)
