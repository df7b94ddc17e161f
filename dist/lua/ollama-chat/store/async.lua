-- generated from src/ollama-chat/store/async.ts by TypeScriptToLua; do not edit
local ____exports = {}
local ____sliced = require("ollama-chat.format.sliced")
local SLICE_NS = ____sliced.SLICE_NS
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
-- The store's one asynchronous style: Node-style callbacks, `(err, value)`, always called on the
-- main loop. libuv calls back in a fast context where most of the Neovim API is off limits, so
-- every libuv completion reaches its callback through vim.schedule. No promises, no coroutines.
____exports.SLICE_NS = SLICE_NS
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
            if i % 16 == 0 and vim.uv.hrtime() - started > SLICE_NS then
                vim.schedule(run)
                return
            end
        end
        cb()
    end
    run()
end
--- Strings sorted in C per chunk; the chunks are then merged in Lua, a slice at a time.
local SORT_CHUNK = 512
--- `items` sorted ascending (Lua's string order), in slices of at most SLICE_NS: a table.sort of
-- 20,000 strings holds the loop for about 30 ms.
function ____exports.sortSliced(items, cb)
    local merge
    local runs = {}
    local i = 0
    local sortChunks
    sortChunks = function()
        local started = vim.uv.hrtime()
        while i < #items do
            local run = {}
            local stop = math.min(#items, i + SORT_CHUNK)
            do
                local j = i
                while j < stop do
                    run[#run + 1] = items[j + 1]
                    j = j + 1
                end
            end
            table.sort(run)
            runs[#runs + 1] = run
            i = stop
            if vim.uv.hrtime() - started > SLICE_NS then
                return vim.schedule(sortChunks)
            end
        end
        vim.schedule(merge)
    end
    -- Bottom-up: each pass merges runs two by two into `merged`, until one run is left.
    local merged = {}
    local p = 0
    local out
    local ia = 0
    local ib = 0
    merge = function()
        local started = vim.uv.hrtime()
        do
            while true do
                if out == nil then
                    if p >= #runs then
                        if #merged <= 1 then
                            return cb(merged[1] or runs[1] or ({}))
                        end
                        runs = merged
                        merged = {}
                        p = 0
                    elseif p + 1 >= #runs then
                        merged[#merged + 1] = runs[p + 1]
                        p = p + 1
                    else
                        out = {}
                        ia = 0
                        ib = 0
                    end
                else
                    local a = runs[p + 1]
                    local b = runs[p + 1 + 1]
                    local steps = 0
                    while steps < 256 and (ia < #a or ib < #b) do
                        if ib >= #b or ia < #a and a[ia + 1] <= b[ib + 1] then
                            local ____out_6 = out
                            local ____ia_5 = ia
                            ia = ____ia_5 + 1
                            ____out_6[#____out_6 + 1] = a[____ia_5 + 1]
                        else
                            local ____out_8 = out
                            local ____ib_7 = ib
                            ib = ____ib_7 + 1
                            ____out_8[#____out_8 + 1] = b[____ib_7 + 1]
                        end
                        steps = steps + 1
                    end
                    if ia >= #a and ib >= #b then
                        merged[#merged + 1] = out
                        out = nil
                        p = p + 2
                    end
                    if vim.uv.hrtime() - started > SLICE_NS then
                        return vim.schedule(merge)
                    end
                end
            end
        end
    end
    sortChunks()
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
