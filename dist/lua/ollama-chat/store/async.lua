local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Promise = ____lualib.__TS__Promise
local __TS__New = ____lualib.__TS__New
local __TS__AsyncAwaiter = ____lualib.__TS__AsyncAwaiter
local __TS__Await = ____lualib.__TS__Await
local ____exports = {}
--- Starts a libuv request and settles with its result. libuv calls back in a fast context where most
-- of the Neovim API is off limits, so the promise settles through vim.schedule.
function ____exports.uv(start)
    return __TS__New(
        __TS__Promise,
        function(____, resolve, reject)
            start(function(err, value)
                vim.schedule(function()
                    if err ~= nil then
                        reject(nil, err)
                    else
                        resolve(nil, value)
                    end
                end)
            end)
        end
    )
end
--- Resolves after `ms` milliseconds, on the main loop.
function ____exports.sleep(ms)
    return __TS__New(
        __TS__Promise,
        function(____, resolve)
            vim.defer_fn(
                function() return resolve(nil) end,
                ms
            )
        end
    )
end
--- The text of anything thrown or rejected: libuv errors and our own reasons are strings already.
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
--- Whether a libuv error says the file already exists.
function ____exports.isExisting(e)
    return (string.find(
        ____exports.errorText(e),
        "^EEXIST"
    )) ~= nil
end
--- The value of `work`, or `fallback` when it failed because the file does not exist.
function ____exports.unlessMissing(work, fallback)
    return __TS__AsyncAwaiter(function(____awaiter_resolve)
        local ____hasReturned, ____returnValue
        local ____try = __TS__AsyncAwaiter(function()
            ____hasReturned = true
            ____returnValue = __TS__Await(work)
            return
        end)
        ____try = ____try.catch(
            ____try,
            function(____, e)
                return __TS__AsyncAwaiter(function()
                    if ____exports.isMissing(e) then
                        ____hasReturned = true
                        ____returnValue = fallback
                        return
                    end
                    error(e, 0)
                end)
            end
        )
        __TS__Await(____try)
        if ____hasReturned then
            return ____awaiter_resolve(nil, ____returnValue)
        end
    end)
end
--- Hands the outcome of `work` to `cb` on the main loop, outside the promise chain (so an error
-- raised by `cb` is reported by Neovim, not swallowed by the promise).
function ____exports.deliver(work, cb)
    work["then"](
        work,
        function(____, value) return vim.schedule(function() return cb(nil, value) end) end,
        function(____, e) return vim.schedule(function() return cb(
            ____exports.errorText(e),
            nil
        ) end) end
    )
end
return ____exports
