-- generated from src/ollama-chat/store/async.ts by TypeScriptToLua; do not edit
local ____exports = {}
--- The text of anything thrown: libuv errors and our own reasons are strings already.
function ____exports.errorText(e)
    if type(e) == "string" then
        return e
    end
    if type(e) == "table" and type(e.message) == "string" then
        return e.message
    end
    return tostring(e)
end
--- Whether a libuv error says the file or directory does not exist.
function ____exports.isMissing(e)
    return (string.find(
        ____exports.errorText(e),
        "^ENOENT"
    )) ~= nil
end
--- Starts a libuv request; `cb` gets its outcome on the main loop.
function ____exports.uv(start, cb)
    start(function(err, value) return vim.schedule(function() return cb(err, value) end) end)
end
--- A callback that hands an error straight on to `cb`, and a value to `next`.
____exports["then"] = function(cb, next)
    return function(err, value)
        if err ~= nil then
            cb(err)
        else
            next(value)
        end
    end
end
--- `cb` given `fallback` instead of a "no such file or directory" error.
function ____exports.unlessMissing(fallback, cb)
    return function(err, value)
        if err ~= nil and ____exports.isMissing(err) then
            cb(nil, fallback)
        else
            cb(err, value)
        end
    end
end
--- Runs `each` on the items one after another; `cb` once all are done, or at the first error.
-- An `each` that finishes at once does not grow the stack (a loop, not recursion).
function ____exports.eachSeries(items, each, cb)
    local i = 0
    local looping = false
    local again = false
    local next
    next = function(err)
        if err ~= nil then
            return cb(err)
        end
        again = true
        if looping then
            return
        end
        looping = true
        while again do
            again = false
            if i >= #items then
                looping = false
                return cb()
            end
            local ____each_2 = each
            local ____items_1 = items
            local ____i_0 = i
            i = ____i_0 + 1
            ____each_2(____items_1[____i_0 + 1], next)
        end
        looping = false
    end
    next()
end
--- Longest stretch of work between two event-loop turns (the editor answers keys meanwhile).
____exports.SLICE_NS = 4000000
--- Calls `work(i)` for i = 0 .. n-1 in slices of at most SLICE_NS, letting the event loop run
-- between slices; then `cb`. `work` returning false stops early.
function ____exports.sliced(n, work, cb)
    local i = 0
    local run
    run = function()
        local started = vim.uv.hrtime()
        while i < n do
            local ____work_4 = work
            local ____i_3 = i
            i = ____i_3 + 1
            if ____work_4(____i_3) == false then
                i = n
                break
            end
            if i % 16 == 0 and vim.uv.hrtime() - started > ____exports.SLICE_NS then
                vim.schedule(run)
                return
            end
        end
        cb()
    end
    run()
end
--- Resumes after `ms` milliseconds, on the main loop.
function ____exports.sleep(ms, fn)
    vim.defer_fn(fn, ms)
end
--- Whether a libuv error says the file already exists.
function ____exports.isExisting(e)
    return (string.find(
        ____exports.errorText(e),
        "^EEXIST"
    )) ~= nil
end
--- "permission denied" for "EACCES: permission denied: /x/y": the reason, without code or path.
function ____exports.reason(e)
    local text = ____exports.errorText(e)
    local why = string.match(text, "^E%u+: ([^:]+)")
    return why or text
end
return ____exports
