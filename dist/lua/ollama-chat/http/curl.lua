-- generated from src/ollama-chat/http/curl.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local ____lines = require("ollama-chat.http.lines")
local LineSplitter = ____lines.LineSplitter
local ____process = require("ollama-chat.http.process")
local run = ____process.run
-- HTTP through curl, run by process.ts (vim.system). The request body goes over stdin (never argv: large
-- buffers exceed argv limits and no shell ever sees user text); headers, which can hold secrets
-- (a proxy's Authorization), go through a private file, since argv is readable by every local
-- user in /proc/<pid>/cmdline; `-i` puts the status line and
-- headers in front of the body so errors can be told apart; streamed bodies are split into lines
-- as they arrive. Everything the caller sees is delivered in order on the main loop, in time
-- slices, so a flood of lines never freezes the editor.
--- Main-loop work per slice before yielding to input and redraw.
local SLICE_NS = 4000000
local curlPath
--- curl by its full path, looked up once: starting a process blocks the editor until it runs,
-- and given a bare name libuv searches $PATH in that window (measured: about 30 ms against
-- under 1 ms on Neovim 0.12 with a long $PATH).
local function curl()
    if curlPath == nil or curlPath == "" then
        curlPath = vim.fn.exepath("curl")
    end
    return curlPath ~= "" and curlPath or "curl"
end
--- Header lines for `-H
-- 
-- @file `: one per line, so a CR or LF in a name or value is dropped.
local function headerLines(headers)
    local lines = {}
    for name, value in pairs(headers) do
        local line = string.gsub(
            (tostring(name) .. ": ") .. value,
            "[\r\n]",
            ""
        )
        lines[#lines + 1] = line
    end
    return #lines > 0 and table.concat(lines, "\n") .. "\n" or nil
end
--- Writes `text` to a new file only this user can read (in Neovim's own 0700 temp dir); undefined on failure.
local function privateFile(text)
    local path = vim.fn.tempname()
    local fd = vim.uv.fs_open(path, "wx", 384)
    if fd == nil then
        return nil
    end
    local written = vim.uv.fs_write(fd, text, 0)
    vim.uv.fs_close(fd)
    if written ~= #text then
        vim.uv.fs_unlink(path)
        return nil
    end
    return path
end
local function curlArgs(req, headerFile)
    -- -q first: ignore the user's ~/.curlrc, which could change the output format.
    local args = {
        curl(),
        "-q",
        "--silent",
        "--show-error",
        "--no-buffer",
        "-i",
        "--proto",
        "=http,https"
    }
    __TS__ArrayPush(
        args,
        "--connect-timeout",
        tostring(req.connect_timeout or 5)
    )
    if req.method == "HEAD" then
        args[#args + 1] = "--head"
    else
        __TS__ArrayPush(args, "-X", req.method)
    end
    if headerFile ~= nil then
        __TS__ArrayPush(args, "-H", "@" .. headerFile)
    end
    if req.body ~= nil then
        __TS__ArrayPush(
            args,
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            "@-"
        )
    end
    __TS__ArrayPush(args, "--", req.url)
    return args
end
--- Parses one header block; returns the status, or undefined if the block is malformed.
local function parseHead(head, headers)
    local code = string.match(head, "^HTTP/[%d.]+ (%d%d%d)")
    if code == nil then
        return nil
    end
    for name, value in string.gmatch(head, "\n([^:\r\n]+):[ \t]*([^\r\n]*)") do
        headers[string.lower(name)] = value
    end
    return tonumber(code)
end
local Exchange = __TS__Class()
Exchange.name = "Exchange"
function Exchange.prototype.____constructor(self, req)
    self.req = req
    self.status = 0
    self.headers = {}
    self.head = {}
    self.inBody = false
    self.bodyPieces = {}
    self.streaming = false
    self.stderr = {}
    self.queue = {}
    self.queueHead = 0
    self.flushScheduled = false
    self.delivered = false
    self.cancelled = false
    self.idleFired = false
    self.lastData = vim.uv.hrtime()
    self.waitingSeconds = 0
    self.splitter = __TS__New(
        LineSplitter,
        function(line)
            local ____self_queue_0 = self.queue
            local ____temp_1 = #____self_queue_0 + 1
            ____self_queue_0[____temp_1] = line
            return ____temp_1
        end
    )
    local ____temp_2
    if req.headers ~= nil then
        ____temp_2 = headerLines(req.headers)
    else
        ____temp_2 = nil
    end
    local lines = ____temp_2
    if lines ~= nil then
        self.headerFile = privateFile(lines)
        if self.headerFile == nil then
            -- Never fall back to argv: report it like a request that failed.
            self.pid = -1
            self.proc = {
                pid = -1,
                kill = function()
                end
            }
            local ____self_stderr_3 = self.stderr
            ____self_stderr_3[#____self_stderr_3 + 1] = "could not write the request headers to a private file in " .. vim.fn.fnamemodify(
                vim.fn.tempname(),
                ":h"
            )
            vim.schedule(function() return self:onExit(26) end)
            return
        end
    end
    self.proc = run(
        curlArgs(req, self.headerFile),
        {
            stdin = req.body,
            stdout = function(data) return self:onStdout(data) end,
            stderr = function(data)
                local ____self_stderr_4 = self.stderr
                local ____temp_5 = #____self_stderr_4 + 1
                ____self_stderr_4[____temp_5] = data
                return ____temp_5
            end,
            on_exit = function(code) return self:onExit(code) end
        }
    )
    self.pid = self.proc.pid
    local idle = req.idle_timeout_ms or 0
    if idle > 0 then
        local timer = vim.uv.new_timer()
        self.timer = timer
        timer:start(
            idle,
            idle,
            function()
                self.idleFired = true
                self:stopTimers()
                self.proc:kill(15)
            end
        )
    end
    if req.on_waiting ~= nil then
        local after = req.waiting_after_ms or 10000
        local timer = vim.uv.new_timer()
        self.waitTimer = timer
        timer:start(
            after,
            1000,
            function() return self:checkSilence(after) end
        )
    end
end
function Exchange.prototype.cancel(self)
    if self.delivered or self.cancelled then
        return
    end
    self.cancelled = true
    self:stopTimers()
    self.proc:kill(15)
end
function Exchange.prototype.waiting(self)
    return self.waitingSeconds
end
function Exchange.prototype.stopTimers(self)
    for ____, timer in ipairs({self.timer, self.waitTimer}) do
        if timer ~= nil and not timer:is_closing() then
            timer:stop()
            timer:close()
        end
    end
    self.timer = nil
    self.waitTimer = nil
end
function Exchange.prototype.checkSilence(self, after)
    -- The timer may fire a little early by the clock: a tick's worth of slack.
    local silentMs = (vim.uv.hrtime() - self.lastData) / 1000000 + 100
    if silentMs < after then
        return
    end
    self.waitingSeconds = math.floor(silentMs / 1000)
    local seconds = self.waitingSeconds
    vim.schedule(function()
        if not self.delivered and not self.cancelled and self.waitingSeconds > 0 then
            self.req.on_waiting(seconds)
        end
    end)
end
function Exchange.prototype.noteData(self, data)
    local nonBlank = string.find(data, "%S")
    if nonBlank == nil then
        return
    end
    self.lastData = vim.uv.hrtime()
    local ____opt_6 = self.timer
    if ____opt_6 ~= nil then
        ____opt_6:again()
    end
    if self.waitingSeconds > 0 then
        self.waitingSeconds = 0
        vim.schedule(function()
            if not self.delivered and not self.cancelled then
                self.req.on_waiting(0)
            end
        end)
    end
end
function Exchange.prototype.onStdout(self, data)
    if self.cancelled or self.lineError ~= nil then
        return
    end
    self:noteData(data)
    if self.inBody then
        self:onBody(data)
        return
    end
    local ____self_head_8 = self.head
    ____self_head_8[#____self_head_8 + 1] = data
    local text = table.concat(self.head)
    do
        while true do
            local stop = string.find(text, "\r\n\r\n", 1, true)
            if stop == nil then
                self.head = {text}
                return
            end
            self.headers = {}
            self.status = parseHead(
                string.sub(text, 1, stop + 1),
                self.headers
            ) or 0
            text = string.sub(text, stop + 4)
            -- "100 Continue" and other interim answers precede the real one.
            if self.status < 100 or self.status >= 200 then
                break
            end
        end
    end
    self.head = {}
    self.inBody = true
    self.streaming = self.req.on_line ~= nil and self.status >= 200 and self.status < 300
    if text ~= "" then
        self:onBody(text)
    end
end
function Exchange.prototype.onBody(self, data)
    if self.streaming then
        self.splitter:push(data)
        self:scheduleFlush()
    else
        local ____self_bodyPieces_9 = self.bodyPieces
        ____self_bodyPieces_9[#____self_bodyPieces_9 + 1] = data
    end
end
function Exchange.prototype.onExit(self, code)
    self:stopTimers()
    self.waitingSeconds = 0
    if self.headerFile ~= nil then
        vim.uv.fs_unlink(self.headerFile)
    end
    if self.streaming then
        self.splitter:finish()
    end
    self.final = {
        status = self.status,
        headers = self.headers,
        body = table.concat(self.bodyPieces),
        curl_code = code,
        curl_error = vim.trim(table.concat(self.stderr)),
        cancelled = self.cancelled,
        idle_timeout = self.idleFired
    }
    self:scheduleFlush()
end
function Exchange.prototype.scheduleFlush(self)
    if self.flushScheduled then
        return
    end
    self.flushScheduled = true
    vim.schedule(function() return self:flush() end)
end
function Exchange.prototype.flush(self)
    self.flushScheduled = false
    if self.delivered then
        return
    end
    local onLine = self.req.on_line
    local started = vim.uv.hrtime()
    while self.queueHead < #self.queue do
        if self.cancelled then
            self.queue = {}
            self.queueHead = 0
            break
        end
        local line = self.queue[self.queueHead + 1]
        self.queueHead = self.queueHead + 1
        if onLine ~= nil and self.lineError == nil then
            -- A handler's error must not leave the request without its on_done: stop it and report.
            local ok, err = pcall(onLine, line)
            if not ok then
                self.lineError = tostring(err)
                self:stopTimers()
                self.proc:kill(15)
            end
        end
        if vim.uv.hrtime() - started > SLICE_NS and self.queueHead < #self.queue then
            self:scheduleFlush()
            return
        end
    end
    -- Delivered lines are dropped in one go, not shifted one by one.
    self.queue = {}
    self.queueHead = 0
    if self.final ~= nil then
        self.delivered = true
        if self.lineError ~= nil then
            self.final.line_error = self.lineError
        end
        self.req.on_done(self.final)
    end
end
--- Starts a request; returns at once.
function ____exports.request(req)
    local exchange = __TS__New(Exchange, req)
    return {
        pid = exchange.pid,
        cancel = function() return exchange:cancel() end,
        waiting = function() return exchange:waiting() end
    }
end
return ____exports
