-- generated from src/ollama-chat/ui/notify.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____text = require("ollama-chat.ui.text")
local fit = ____text.fit
local oneLine = ____text.oneLine
-- Notifications always go through vim.schedule: they can be raised from libuv callbacks.
-- Each is one line that fits the screen: a message of several lines, or wider than the screen,
-- makes Neovim stop for "Press ENTER" or pause. When the line had to be shortened, the full text
-- goes to a log file the line names, so nothing is lost.
local TITLE = "ollama-chat"
--- The log is started afresh (the old one kept as .1) past this size.
local LOG_LIMIT = 1024 * 1024
--- Where notifications too long for one line are kept in full.
function ____exports.logPath()
    return vim.fn.stdpath("log") .. "/ollama-chat.log"
end
--- Appends `text` to the log; false when it cannot be written (the notification still shows).
local function writeLog(text, level)
    local path = ____exports.logPath()
    vim.fn.mkdir(
        vim.fn.fnamemodify(path, ":h"),
        "p"
    )
    local stat = vim.uv.fs_stat(path)
    if stat ~= nil and stat.size > LOG_LIMIT then
        vim.uv.fs_rename(path, path .. ".1")
    end
    local fd = vim.uv.fs_open(path, "a", 384)
    if fd == nil then
        return false
    end
    local names = {
        "TRACE",
        "DEBUG",
        "INFO",
        "WARN",
        "ERROR"
    }
    local entry = ((((os.date("%Y-%m-%d %H:%M:%S") .. " ") .. (names[level + 1] or "INFO")) .. " ") .. text) .. "\n"
    local written = vim.uv.fs_write(fd, entry, -1)
    vim.uv.fs_close(fd)
    return written == #entry
end
--- `msg` as one line of at most `width` cells; when it had to be cut, the full text is logged.
function ____exports.shorten(msg, level, width)
    local line = oneLine(msg)
    if vim.fn.strdisplaywidth(line) <= width then
        return line
    end
    -- A log that cannot be written (read-only state dir) must not turn a notice into a Lua error.
    local ok, written = pcall(writeLog, msg, level)
    local logged = ok and written == true
    if not logged then
        return fit(line, width)
    end
    -- The log's path when enough of the message still shows beside it, else its name.
    for ____, where in ipairs({
        (" (full text: " .. vim.fn.fnamemodify(
            ____exports.logPath(),
            ":~"
        )) .. ")",
        " (full text: ollama-chat.log)"
    }) do
        local room = width - vim.fn.strdisplaywidth(where)
        if room >= 30 then
            return fit(line, room) .. where
        end
    end
    return fit(line, width)
end
--- Cells a message may take without scrolling the message area (the last one left free).
function ____exports.screenWidth()
    return math.max(
        vim.o.columns * math.max(vim.o.cmdheight, 1) - 1,
        1
    )
end
--- With no screen attached (headless, tests over RPC) nothing scrolls: only lines are joined.
local function messageWidth()
    return #vim.api.nvim_list_uis() > 0 and ____exports.screenWidth() or math.huge
end
function ____exports.notify(msg, level)
    if level == nil then
        level = vim.log.levels.INFO
    end
    local function send()
        return vim.notify(
            ____exports.shorten(
                (TITLE .. ": ") .. msg,
                level,
                messageWidth()
            ),
            level,
            {title = TITLE}
        )
    end
    if vim.in_fast_event() then
        vim.schedule(send)
    else
        send()
    end
end
return ____exports
