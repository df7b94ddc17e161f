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
-- buffers exceed argv limits and no shell ever sees user text); `-i` puts the status line and
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
local function curlArgs(req)
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
    if req.headers ~= nil then
        for name, value in pairs(req.headers) do
            __TS__ArrayPush(
                args,
                "-H",
                (tostring(name) .. ": ") .. value
            )
        end
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
    self.splitter = __TS__New(
        LineSplitter,
        function(line)
            local ____self_queue_0 = self.queue
            local ____temp_1 = #____self_queue_0 + 1
            ____self_queue_0[____temp_1] = line
            return ____temp_1
        end
    )
    self.proc = run(
        curlArgs(req),
        {
            stdin = req.body,
            stdout = function(data) return self:onStdout(data) end,
            stderr = function(data)
                local ____self_stderr_2 = self.stderr
                local ____temp_3 = #____self_stderr_2 + 1
                ____self_stderr_2[____temp_3] = data
                return ____temp_3
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
                self:stopTimer()
                self.proc:kill(15)
            end
        )
    end
end
function Exchange.prototype.cancel(self)
    if self.delivered or self.cancelled then
        return
    end
    self.cancelled = true
    self:stopTimer()
    self.proc:kill(15)
end
function Exchange.prototype.stopTimer(self)
    local timer = self.timer
    if timer ~= nil and not timer:is_closing() then
        timer:stop()
        timer:close()
    end
    self.timer = nil
end
function Exchange.prototype.onStdout(self, data)
    if self.cancelled then
        return
    end
    local ____opt_4 = self.timer
    if ____opt_4 ~= nil then
        ____opt_4:again()
    end
    if self.inBody then
        self:onBody(data)
        return
    end
    local ____self_head_6 = self.head
    ____self_head_6[#____self_head_6 + 1] = data
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
        local ____self_bodyPieces_7 = self.bodyPieces
        ____self_bodyPieces_7[#____self_bodyPieces_7 + 1] = data
    end
end
function Exchange.prototype.onExit(self, code)
    self:stopTimer()
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
        if onLine ~= nil then
            onLine(line)
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
        self.req.on_done(self.final)
    end
end
--- Starts a request; returns at once.
function ____exports.request(req)
    local exchange = __TS__New(Exchange, req)
    return {
        pid = exchange.pid,
        cancel = function() return exchange:cancel() end
    }
end
return ____exports
