-- generated from src/ollama-chat/chat/images.ts by TypeScriptToLua; do not edit
local ____exports = {}
local fs = require("ollama-chat.store.fs")
-- `#image:{path}` in a message: the file goes to a vision model as base64 in the message's
-- `images`; the buffer keeps the short form. Refused with a message (and nothing sent) for a
-- model without `vision`, for a file that is not an image, and for one over 20 MB.
--- Larger images are refused: Ollama would take them, but a chat request that big stalls.
____exports.MAX_BYTES = 20 * 1024 * 1024
-- vim.base64 (Neovim 0.10+) is not in the shared declarations.
local base64 = vim.base64
--- The `#image:` references of a message, in order: `#image:path` (to the next space) or `#image:{path}`.
function ____exports.refs(content)
    local out = {}
    local from = 1
    do
        while true do
            local s, e = string.find(content, "#image:", from, true)
            if s == nil then
                break
            end
            local token
            local path
            if string.sub(content, e + 1, e + 1) == "{" then
                local close = string.find(content, "}", e + 2, true)
                local stop = close or #content + 1
                token = string.sub(content, s, close or #content)
                path = string.sub(content, e + 2, stop - 1)
            else
                local word = string.match(content, "^[^%s]*", e + 1)
                token = string.sub(content, s, e + #word)
                path = word
            end
            if path ~= "" then
                out[#out + 1] = {token = token, path = path}
            end
            from = s + #token
        end
    end
    return out
end
--- The image format a file starts with, or undefined when it is not an image Ollama decodes.
function ____exports.format(head)
    -- Bytes above 127 through string.char: a TypeScript "\xff" is a character, not a byte.
    if string.sub(head, 1, 8) == string.char(
        137,
        80,
        78,
        71,
        13,
        10,
        26,
        10
    ) then
        return "PNG"
    end
    if string.sub(head, 1, 3) == string.char(255, 216, 255) then
        return "JPEG"
    end
    local gif = string.sub(head, 1, 6)
    if gif == "GIF87a" or gif == "GIF89a" then
        return "GIF"
    end
    if string.sub(head, 1, 4) == "RIFF" and string.sub(head, 9, 12) == "WEBP" then
        return "WebP"
    end
    if string.sub(head, 1, 2) == "BM" then
        return "BMP"
    end
    return nil
end
--- Whether any message refers to an image.
function ____exports.anyIn(messages)
    for ____, m in ipairs(messages) do
        if m.role == "user" and #____exports.refs(m.content) > 0 then
            return true
        end
    end
    return false
end
--- How many images each message will carry (for the token estimate).
function ____exports.countIn(content)
    return #____exports.refs(content)
end
local function resolvePath(path)
    local expanded = vim.fs.normalize(path)
    return string.sub(expanded, 1, 1) == "/" and expanded or vim.fs.normalize(vim.fn.fnamemodify(expanded, ":p"))
end
--- One image read, checked and encoded; `cb` gets a message for the user or the base64.
local function load(ref, cb)
    local path = resolvePath(ref.path)
    fs.stat(
        path,
        function(serr, info)
            if serr ~= nil or info == nil then
                return cb(((((ref.token .. ": cannot read ") .. path) .. " (") .. (serr or "no such file")) .. ")")
            end
            if info.type ~= "file" then
                return cb(((ref.token .. ": ") .. path) .. " is not a file")
            end
            if info.size > ____exports.MAX_BYTES then
                return cb(((((ref.token .. ": ") .. path) .. " is ") .. string.format("%.1f", info.size / 1048576)) .. " MB; images over 20 MB are not sent")
            end
            fs.readFile(
                path,
                function(rerr, data)
                    if rerr ~= nil or data == nil then
                        return cb(((((ref.token .. ": cannot read ") .. path) .. " (") .. (rerr or "empty")) .. ")")
                    end
                    if ____exports.format(data) == nil then
                        return cb(((ref.token .. ": ") .. path) .. " is not an image (PNG, JPEG, GIF, WebP or BMP)")
                    end
                    cb(
                        nil,
                        base64.encode(data)
                    )
                end
            )
        end
    )
end
--- The request's messages with their images attached (the `#image:` token replaced by
-- `[image: name]`), or a message for the user when an image cannot go: `vision` says whether the
-- model sees images.
function ____exports.attach(model, vision, messages, cb)
    local jobs = {}
    for ____, m in ipairs(messages) do
        if m.role == "user" then
            for ____, ref in ipairs(____exports.refs(m.content)) do
                jobs[#jobs + 1] = {message = m, ref = ref}
            end
        end
    end
    if #jobs == 0 then
        return cb(nil, messages)
    end
    if not vision then
        return cb(((model .. " cannot read images (it has no vision capability): remove ") .. jobs[1].ref.token) .. " or switch to a vision model (:Ollama switch)")
    end
    local i = 0
    local step
    step = function()
        if i >= #jobs then
            return cb(nil, messages)
        end
        local ____i_0 = i
        i = ____i_0 + 1
        local job = jobs[____i_0 + 1]
        load(
            job.ref,
            function(err, base64)
                if err ~= nil then
                    return cb(err)
                end
                local m = job.message
                if m.images == nil then
                    m.images = {}
                end
                local ____m_images_1 = m.images
                ____m_images_1[#____m_images_1 + 1] = base64
                local start = string.find(m.content, job.ref.token, 1, true)
                if start ~= nil then
                    m.content = (string.sub(m.content, 1, start - 1) .. ("[image: " .. vim.fs.basename(job.ref.path)) .. "]") .. string.sub(m.content, start + #job.ref.token)
                end
                step()
            end
        )
    end
    step()
end
return ____exports
