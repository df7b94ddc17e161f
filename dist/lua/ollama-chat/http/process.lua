-- generated from src/ollama-chat/http/process.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local function withSystem(cmd, opts)
    local sysOpts = {
        stdin = opts.stdin or false,
        stdout = function(_err, data)
            if data ~= nil then
                opts.stdout(data)
            end
        end,
        stderr = function(_err, data)
            if data ~= nil then
                opts.stderr(data)
            end
        end
    }
    local proc = vim.system(
        cmd,
        sysOpts,
        function(result) return opts.on_exit(result.code, result.signal) end
    )
    return {
        pid = proc.pid,
        kill = function(____, signal) return proc:kill(signal) end
    }
end
local function closePipe(pipe)
    if pipe ~= nil and not pipe:is_closing() then
        pipe:close()
    end
end
local function withUv(cmd, opts)
    local stdin = opts.stdin ~= nil and vim.uv.new_pipe(false) or nil
    local stdout = vim.uv.new_pipe(false)
    local stderr = vim.uv.new_pipe(false)
    local openStreams = 2
    local exit
    local function finish()
        if exit ~= nil and openStreams == 0 then
            opts.on_exit(exit[1], exit[2])
        end
    end
    local proc, pidOrErr
    proc, pidOrErr = vim.uv.spawn(
        cmd[1],
        {
            args = __TS__ArraySlice(cmd, 1),
            stdio = {stdin, stdout, stderr}
        },
        function(code, signal)
            if proc ~= nil then
                proc:close()
            end
            exit = {code, signal}
            finish()
        end
    )
    if proc == nil then
        closePipe(stdin)
        closePipe(stdout)
        closePipe(stderr)
        -- Reported like a process that failed: on the next turn of the loop, never synchronously.
        vim.schedule(function()
            opts.stderr((cmd[1] .. ": ") .. tostring(pidOrErr))
            opts.on_exit(127, 0)
        end)
        return {
            pid = -1,
            kill = function()
            end
        }
    end
    local function readToEnd(pipe, deliver)
        pipe:read_start(function(_err, data)
            if data ~= nil then
                deliver(data)
                return
            end
            closePipe(pipe)
            openStreams = openStreams - 1
            finish()
        end)
    end
    readToEnd(stdout, opts.stdout)
    readToEnd(stderr, opts.stderr)
    if stdin ~= nil then
        stdin:write(opts.stdin)
        stdin:shutdown(function() return closePipe(stdin) end)
    end
    return {
        pid = pidOrErr,
        kill = function(____, signal)
            if not proc:is_closing() then
                proc:kill(signal)
            end
        end
    }
end
local fixedSystem = vim.fn.has("nvim-0.11") == 1
--- Starts `cmd` (argv, no shell); returns at once.
function ____exports.run(cmd, opts)
    return fixedSystem and withSystem(cmd, opts) or withUv(cmd, opts)
end
return ____exports
