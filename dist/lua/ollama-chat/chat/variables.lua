-- generated from src/ollama-chat/chat/variables.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local ____exports = {}
local ____fence = require("ollama-chat.format.fence")
local fenced = ____fence.fenced
local process = require("ollama-chat.http.process")
local source = require("ollama-chat.code.source")
-- Chat variables: `#name` or `#name:arg` in a message, replaced in the request (never in the
-- buffer or the saved chat) by content in a fenced block that names it. A small registry: each
-- variable expands itself, asynchronously when it must (`#gitdiff` runs git), and may complete its
-- argument. Other features add theirs with register() (`#image:{path}`).
local registry = {}
local order = {}
--- Adds (or replaces) a variable.
function ____exports.register(v)
    if not (registry[v.name] ~= nil) then
        order[#order + 1] = v.name
    end
    registry[v.name] = v
end
function ____exports.get(name)
    return registry[name]
end
--- The registered variables used in `text`, in order (`#include` and `#1` are left alone).
function ____exports.tokens(text)
    local out = {}
    local init = 1
    do
        while true do
            local from, to, name, colonArg = string.find(text, "#(%a+)(:?%S*)", init)
            if from == nil then
                break
            end
            init = to + 1
            local prev = from > 1 and string.sub(text, from - 1, from - 1) or ""
            local v = registry[name]
            if v ~= nil and (prev == "" or (string.find(prev, "^[%s(]")) ~= nil) then
                local arg = string.sub(colonArg, 1, 1) == ":" and string.sub(colonArg, 2) or nil
                local ____end = to
                -- Punctuation after `#buffer` ends a sentence, it is not an argument.
                if string.sub(colonArg, 1, 1) ~= ":" then
                    ____end = from + #name
                end
                if arg ~= nil then
                    local trimmed = string.match(arg, "^(.-)[.,;:!?)]*$")
                    ____end = ____end - (#arg - #trimmed)
                    arg = trimmed
                    if arg == "" then
                        arg = nil
                    end
                end
                out[#out + 1] = {from = from, to = ____end, name = name, arg = arg}
            end
        end
    end
    return out
end
local function usage(v)
    return v.arg == "required" and ("#" .. v.name) .. ":{...}" or "#" .. v.name
end
--- `text` with each variable replaced by its content; `done(err)` (nothing sent) when one of them
-- cannot be expanded. Calls back on the main loop, in order, once.
function ____exports.expand(text, ctx, done)
    local found = ____exports.tokens(text)
    local images = {}
    if #found == 0 then
        done(nil, text, images)
        return
    end
    local parts = {}
    local i = 0
    local pos = 1
    local step
    step = function()
        if i >= #found then
            parts[#parts + 1] = string.sub(text, pos)
            done(
                nil,
                table.concat(parts, ""),
                images
            )
            return
        end
        local t = found[i + 1]
        local v = registry[t.name]
        if v.arg == "required" and t.arg == nil then
            done(
                (("#" .. t.name) .. " needs an argument: ") .. usage(v),
                nil,
                images
            )
            return
        end
        if v.arg == "none" and t.arg ~= nil then
            done(((((("#" .. t.name) .. " takes no argument (got #") .. t.name) .. ":") .. t.arg) .. ")", nil, images)
            return
        end
        local called = false
        local ok, err = pcall(function() return v.expand(
            t.arg,
            ctx,
            function(e, content, attached)
                if called then
                    return
                end
                called = true
                vim.schedule(function()
                    if e ~= nil or content == nil then
                        done(((("#" .. t.name) .. (t.arg ~= nil and ":" .. t.arg or "")) .. ": ") .. (e or "nothing to put there"), nil, images)
                        return
                    end
                    for ____, image in ipairs(attached or ({})) do
                        images[#images + 1] = image
                    end
                    __TS__ArrayPush(
                        parts,
                        string.sub(text, pos, t.from - 1),
                        "\n\n",
                        content,
                        "\n\n"
                    )
                    pos = t.to + 1
                    i = i + 1
                    step()
                end)
            end
        ) end)
        if not ok and not called then
            called = true
            done(
                (("#" .. t.name) .. " failed: ") .. tostring(err),
                nil,
                images
            )
        end
    end
    step()
end
--- Completion items for the word being typed (`#`, `#buf`, `#file:sr`): full tokens.
function ____exports.complete(word)
    local out = {}
    local name, arg = string.match(word, "^#(%a*):(.*)$")
    if name ~= nil then
        local v = registry[name]
        if (v and v.complete) == nil or v.arg == "none" then
            return out
        end
        for ____, c in ipairs(v.complete(arg)) do
            out[#out + 1] = {word = (("#" .. name) .. ":") .. c, menu = v.desc}
        end
        return out
    end
    local lead = string.sub(word, 2)
    for ____, n in ipairs(order) do
        local v = registry[n]
        if vim.startswith(n, lead) then
            if v.arg ~= "required" then
                out[#out + 1] = {word = "#" .. n, menu = v.desc}
            end
            if v.arg ~= "none" then
                out[#out + 1] = {word = ("#" .. n) .. ":", menu = v.desc}
            end
        end
    end
    return out
end
--- Every form completion offers with no word typed (for completions("variables")).
function ____exports.names()
    local out = {}
    for ____, item in ipairs(____exports.complete("#")) do
        out[#out + 1] = item.word
    end
    for ____, n in ipairs(order) do
        local v = registry[n]
        if v.arg ~= "none" and v.complete ~= nil then
            for ____, c in ipairs(v.complete("")) do
                out[#out + 1] = (("#" .. n) .. ":") .. c
            end
        end
    end
    return out
end
-- ---------------------------------------------------------------------------------------------
-- The built-in variables.
local MAX_FILE_BYTES = 1024 * 1024
local function usableOrigin(ctx)
    return ctx.origin ~= nil and vim.api.nvim_buf_is_valid(ctx.origin) and ctx.origin or nil
end
local NO_ORIGIN = "there is no buffer the chat came from"
local function wholeBuffer(buf)
    return source.block(
        buf,
        1,
        vim.api.nvim_buf_line_count(buf)
    )
end
--- Loaded buffers one could mean by name (not the chat's own).
local function namedBuffers()
    local out = {}
    for ____, b in ipairs(vim.api.nvim_list_bufs()) do
        local name = vim.api.nvim_buf_get_name(b)
        if vim.api.nvim_buf_is_loaded(b) and name ~= "" and not vim.startswith(name, "ollama-chat://") then
            out[#out + 1] = b
        end
    end
    return out
end
--- The buffer `name` means: its full name, its name as shown, else the only one with that tail.
local function bufferNamed(name)
    local tails = {}
    for ____, b in ipairs(namedBuffers()) do
        local full = vim.api.nvim_buf_get_name(b)
        if full == name or source.displayName(b) == name or full == vim.fn.fnamemodify(name, ":p") then
            return b
        end
        if vim.fn.fnamemodify(full, ":t") == name then
            tails[#tails + 1] = b
        end
    end
    if #tails == 1 then
        return tails[1]
    end
    if #tails > 1 then
        return ((tostring(#tails) .. " buffers are named ") .. name) .. ": give more of the path"
    end
    return ("no buffer named " .. name) .. " is loaded"
end
____exports.register({
    name = "buffer",
    desc = "a buffer (default: the one the chat came from)",
    arg = "optional",
    complete = function(lead)
        local out = {}
        for ____, b in ipairs(namedBuffers()) do
            local shown = source.displayName(b)
            if vim.startswith(shown, lead) then
                out[#out + 1] = shown
            end
        end
        return out
    end,
    expand = function(arg, ctx, done)
        if arg == nil then
            local buf = usableOrigin(ctx)
            if buf == nil then
                return done("there is no buffer the chat came from: name one, #buffer:{name}", nil)
            end
            return done(
                nil,
                wholeBuffer(buf)
            )
        end
        local found = bufferNamed(arg)
        if type(found) == "string" then
            return done(found, nil)
        end
        done(
            nil,
            wholeBuffer(found)
        )
    end
})
____exports.register({
    name = "selection",
    desc = "the last visual selection",
    arg = "none",
    expand = function(_arg, ctx, done)
        local buf = usableOrigin(ctx)
        if buf == nil then
            return done(NO_ORIGIN, nil)
        end
        local first = unpack(
            vim.api.nvim_buf_get_mark(buf, "<"),
            1,
            1
        )
        local last = unpack(
            vim.api.nvim_buf_get_mark(buf, ">"),
            1,
            1
        )
        if first == 0 or last == 0 then
            return done(
                ("nothing was selected in " .. source.displayName(buf)) .. " yet: select lines with V first",
                nil
            )
        end
        local total = vim.api.nvim_buf_line_count(buf)
        done(
            nil,
            source.block(
                buf,
                math.min(first, last, total),
                math.min(
                    math.max(first, last),
                    total
                )
            )
        )
    end
})
--- The file's text, or why it is refused (missing, a directory, over 1 MB, binary).
local function readFile(path, done)
    vim.uv.fs_stat(
        path,
        function(statErr, stat)
            if statErr ~= nil or stat == nil then
                return done("no such file: " .. path, nil)
            end
            if stat.type == "directory" then
                return done(path .. " is a directory, not a file", nil)
            end
            if stat.size > MAX_FILE_BYTES then
                return done(
                    ((path .. " is ") .. string.format("%.1f", stat.size / 1048576)) .. " MB, over the 1 MB limit: ask about part of it with #selection",
                    nil
                )
            end
            vim.uv.fs_open(
                path,
                "r",
                0,
                function(openErr, fd)
                    if openErr ~= nil or fd == nil then
                        return done((("cannot read " .. path) .. ": ") .. (openErr or "open failed"), nil)
                    end
                    vim.uv.fs_read(
                        fd,
                        stat.size,
                        0,
                        function(readErr, data)
                            vim.uv.fs_close(
                                fd,
                                function()
                                end
                            )
                            if readErr ~= nil or data == nil then
                                return done((("cannot read " .. path) .. ": ") .. (readErr or "read failed"), nil)
                            end
                            if (string.find(data, "\0", 1, true)) ~= nil then
                                return done(path .. " is a binary file", nil)
                            end
                            done(nil, data)
                        end
                    )
                end
            )
        end
    )
end
____exports.register({
    name = "file",
    desc = "a file's content",
    arg = "required",
    complete = function(lead)
        local out = {}
        for ____, f in ipairs(vim.fn.getcompletion(lead, "file")) do
            out[#out + 1] = f
        end
        return out
    end,
    expand = function(arg, _ctx, done)
        local path = vim.fn.fnamemodify(
            vim.fn.expand(arg),
            ":p"
        )
        readFile(
            path,
            function(err, data)
                if err ~= nil or data == nil then
                    return done(err, nil)
                end
                vim.schedule(function()
                    local text = data
                    if vim.endswith(text, "\n") then
                        text = string.sub(text, 1, -2)
                    end
                    local lines = vim.split(text, "\n", {plain = true})
                    local ft = vim.filetype.match({filename = path}) or ""
                    done(
                        nil,
                        fenced(
                            (((("File: " .. vim.fn.fnamemodify(path, ":~:.")) .. (ft ~= "" and (" (" .. ft) .. ")" or "")) .. ", all ") .. tostring(#lines)) .. " lines",
                            ft,
                            lines
                        )
                    )
                end)
            end
        )
    end
})
local SEVERITY = {[1] = "error", [2] = "warning", [3] = "info", [4] = "hint"}
____exports.register({
    name = "diagnostics",
    desc = "the diagnostics of the buffer the chat came from",
    arg = "none",
    expand = function(_arg, ctx, done)
        local buf = usableOrigin(ctx)
        if buf == nil then
            return done(NO_ORIGIN, nil)
        end
        local lines = {}
        local list = vim.diagnostic.get(buf)
        table.sort(
            list,
            function(a, b) return a.lnum < b.lnum or a.lnum == b.lnum and a.col < b.col end
        )
        for ____, d in ipairs(list) do
            local code = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ""
            local from = d.source ~= nil and (" [" .. d.source) .. "]" or ""
            lines[#lines + 1] = ((((((((source.displayName(buf) .. ":") .. tostring(d.lnum + 1)) .. ":") .. tostring(d.col + 1)) .. ": ") .. (SEVERITY[d.severity or 1] or "error")) .. ": ") .. d.message) .. from
            lines[#lines + 1] = "    " .. vim.trim(code)
        end
        if #lines == 0 then
            lines[#lines + 1] = "(no diagnostics)"
        end
        done(
            nil,
            fenced(
                ((("Diagnostics of " .. source.displayName(buf)) .. " (") .. tostring(#list)) .. ")",
                "",
                lines
            )
        )
    end
})
local git
____exports.register({
    name = "gitdiff",
    desc = "git diff of the repository of the buffer the chat came from",
    arg = "none",
    expand = function(_arg, ctx, done)
        git = git ~= nil and git ~= "" and git or vim.fn.exepath("git")
        if git == "" then
            return done("git is not installed (not found on $PATH)", nil)
        end
        local buf = usableOrigin(ctx)
        local name = buf ~= nil and vim.api.nvim_buf_get_name(buf) or ""
        local dir = name ~= "" and not vim.startswith(name, "ollama-chat://") and vim.fn.fnamemodify(name, ":p:h") or vim.uv.cwd()
        local out = {}
        local err = {}
        process.run(
            {
                git,
                "-C",
                dir,
                "--no-pager",
                "diff",
                "--no-color",
                "--no-ext-diff"
            },
            {
                stdout = function(data)
                    local ____temp_2 = #out + 1
                    out[____temp_2] = data
                    return ____temp_2
                end,
                stderr = function(data)
                    local ____temp_3 = #err + 1
                    err[____temp_3] = data
                    return ____temp_3
                end,
                on_exit = function(code)
                    if code ~= 0 then
                        local first = vim.split(
                            vim.trim(table.concat(err, "")),
                            "\n",
                            {plain = true}
                        )[1] or ""
                        local reason = (string.find(
                            string.lower(first),
                            "not a git repository",
                            1,
                            true
                        )) ~= nil and vim.fn.fnamemodify(dir, ":~") .. " is not in a git repository" or "git diff failed: " .. first
                        return done(reason, nil)
                    end
                    local text = table.concat(out, "")
                    if vim.endswith(text, "\n") then
                        text = string.sub(text, 1, -2)
                    end
                    local lines = text == "" and ({"(no changes)"}) or vim.split(text, "\n", {plain = true})
                    done(
                        nil,
                        fenced(
                            "git diff of " .. vim.fn.fnamemodify(dir, ":~"),
                            "diff",
                            lines
                        )
                    )
                end
            }
        )
    end
})
return ____exports
