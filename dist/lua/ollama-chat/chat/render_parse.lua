-- generated from src/ollama-chat/chat/render_parse.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
--- Neovim 0.10: no asynchronous parse.
local SYNC_PARSE = vim.fn.has("nvim-0.11") == 0
--- One slice of the end-of-reply parse works at most about this long (µs), then the editor runs.
local SLICE_US = 4000
local SLICE_GAP_MS = 2
--- The injection scan's row ranges (see InjectionScan).
local SCAN_ROWS = 200
--- An inline region longer than this (rows) is parsed in pieces of this many rows.
____exports.INLINE_ROWS = 100
--- An inline region of more bytes than this is parsed in pieces of at most this many: a line of
-- megabytes (a saved chat with an 8 MB line) is otherwise one inline parse of 100 ms, which
-- tree-sitter's timeout does not interrupt (one token).
____exports.INLINE_BYTES = 64 * 1024
--- The tree-sitter error a parse stopped by its timeout raises (Neovim 0.10).
local TIMED_OUT = "An error occurred when parsing"
local function classMethod(tree, name)
    return getmetatable(tree).__index[name]
end
--- The highlighter's tree of `buf`, if any (its module not loaded: no highlighter anywhere).
function ____exports.highlighterTree(buf)
    local highlighter = _G.package.loaded["vim.treesitter.highlighter"]
    local ____opt_0 = highlighter and highlighter.active[buf]
    return ____opt_0 and ____opt_0.tree
end
--- How many holds each tree has: a reply that starts while the last one's parse settles shares it.
local holds = {}
local function heldParse(self)
    return self:trees()
end
--- Holds the parse of `tree` (returns its current trees) until every hold is released.
function ____exports.hold(tree)
    holds[tree] = (holds[tree] or 0) + 1
    tree.parse = heldParse
    local released = false
    return function()
        if released then
            return
        end
        released = true
        local n = (holds[tree] or 1) - 1
        if n > 0 then
            holds[tree] = n
            return nil
        end
        holds[tree] = nil
        tree.parse = nil
    end
end
local function eachTree(tree, fn)
    fn(tree)
    for ____, child in pairs(tree:children()) do
        eachTree(child, fn)
    end
end
local function setTimeouts(tree, us)
    eachTree(
        tree,
        function(t) return t._parser:set_timeout(us) end
    )
end
--- `region` in pieces of at most INLINE_ROWS rows, cut at row starts.
local function splitRegion(buf, region)
    local out = {}
    local piece = {}
    local pieceStart = region[1][1]
    for ____, range in ipairs(region) do
        local sr, sc, sb = range[1], range[2], range[3]
        while range[4] > pieceStart + ____exports.INLINE_ROWS do
            local cut = pieceStart + ____exports.INLINE_ROWS
            if cut > sr then
                local cb = vim.api.nvim_buf_get_offset(buf, cut)
                piece[#piece + 1] = {
                    sr,
                    sc,
                    sb,
                    cut,
                    0,
                    cb
                }
                sr, sc, sb = cut, 0, cb
            end
            if #piece > 0 then
                out[#out + 1] = piece
            end
            piece = {}
            pieceStart = math.max(cut, sr)
        end
        piece[#piece + 1] = {
            sr,
            sc,
            sb,
            range[4],
            range[5],
            range[6]
        }
    end
    if #piece > 0 then
        out[#out + 1] = piece
    end
    return out
end
local function byteLength(region)
    local n = 0
    for ____, r in ipairs(region) do
        n = n + (r[6] - r[3])
    end
    return n
end
--- Where a cut at byte column `col` of `row` may go: not inside a UTF-8 character.
local function charStart(buf, row, col, ____end)
    local text = unpack(
        vim.api.nvim_buf_get_text(
            buf,
            row,
            col,
            row,
            math.min(col + 4, ____end),
            {}
        ),
        1,
        1
    )
    local i = 1
    while i <= #text and string.byte(text, i) >= 128 and string.byte(text, i) < 192 do
        i = i + 1
    end
    return col + i - 1
end
--- `region` in pieces of at most about INLINE_BYTES bytes: its rows apart, a longer row cut within.
local function splitBytes(buf, region)
    local out = {}
    local piece = {}
    local size = 0
    local function add(r)
        if size + r[6] - r[3] > ____exports.INLINE_BYTES and #piece > 0 then
            out[#out + 1] = piece
            piece, size = {}, 0
        end
        piece[#piece + 1] = r
        size = size + (r[6] - r[3])
    end
    for ____, range in ipairs(region) do
        local row, col, byte = range[1], range[2], range[3]
        while row <= range[4] do
            local last = row == range[4]
            -- this row's part of the range: to the range's end, or to the next row's start
            local endRow, endCol, endByte = unpack(
                last and ({row, range[5], range[6]}) or ({
                    row + 1,
                    0,
                    vim.api.nvim_buf_get_offset(buf, row + 1)
                }),
                1,
                3
            )
            local rowEnd = last and range[5] or col + endByte - byte - 1
            while endByte - byte > ____exports.INLINE_BYTES do
                local cut = charStart(buf, row, col + ____exports.INLINE_BYTES, rowEnd)
                if cut >= rowEnd then
                    break
                end
                add({
                    row,
                    col,
                    byte,
                    row,
                    cut,
                    byte + cut - col
                })
                byte, col = byte + cut - col, cut
            end
            if endByte > byte then
                add({
                    row,
                    col,
                    byte,
                    endRow,
                    endCol,
                    endByte
                })
            end
            row, col, byte = row + 1, 0, endByte
        end
    end
    if #piece > 0 then
        out[#out + 1] = piece
    end
    return out
end
--- The inline regions longer than INLINE_ROWS rows or INLINE_BYTES bytes split (each region is one
-- inline tree, parsed and scanned whole).
local function splitLong(buf, injections)
    local inline = injections.markdown_inline
    if inline == nil then
        return injections
    end
    local out = {}
    for ____, region in ipairs(inline) do
        local pieces = (#region == 0 or region[#region][4] - region[1][1] <= ____exports.INLINE_ROWS) and ({region}) or splitRegion(buf, region)
        for ____, piece in ipairs(pieces) do
            if byteLength(piece) <= ____exports.INLINE_BYTES then
                out[#out + 1] = piece
            else
                for ____, small in ipairs(splitBytes(buf, piece)) do
                    out[#out + 1] = small
                end
            end
        end
    end
    injections.markdown_inline = out
    return injections
end
--- Makes the chat's parser split long inline regions. A reply of thousands of lines in one
-- paragraph is one inline region: on 0.10 one uninterruptible parse of 100 ms or more; on 0.11+
-- one inline tree whose injection scan does not yield (and, split, only the pieces drawn are parsed).
function ____exports.splitInlineRegions(buf, tree)
    local scan = classMethod(tree, "_get_injections")
    if scan == nil then
        return
    end
    -- 0.11+ passes (range, thread state); 0.10 nothing.
    tree._get_injections = function(self, ...)
        return splitLong(
            buf,
            scan(self, ...)
        )
    end
end
--- The injection scan of `tree`'s trees, done a slice at a time; the same regions _get_injections
-- finds. It goes SCAN_ROWS rows at a time: walking one long paragraph (a reply of thousands of
-- lines) to its end is one call of the match iterator, 35 ms for 4,000 lines; a node in several
-- row ranges matches in each and is counted once.
local InjectionScan = __TS__Class()
InjectionScan.name = "InjectionScan"
function InjectionScan.prototype.____constructor(self, buf, tree)
    self.buf = buf
    self.tree = tree
    self.indexes = {}
    self.at = 0
    self.row = 0
    self.seen = {}
    self.found = {}
    for i in pairs(tree:trees()) do
        local ____self_indexes_4 = self.indexes
        ____self_indexes_4[#____self_indexes_4 + 1] = i
    end
end
function InjectionScan.prototype.run(self, deadline)
    local query = self.tree._injection_query
    if query == nil then
        return {}
    end
    local n = 0
    while self.at < #self.indexes do
        local index = self.indexes[self.at + 1]
        local root = self.tree:trees()[index]:root()
        local sr, ____, er = root:range()
        if self.iter == nil then
            self.row = math.max(self.row, sr)
            self.iter = query:iter_matches(
                root,
                self.buf,
                self.row,
                math.min(self.row + SCAN_ROWS, er + 1),
                {all = true}
            )
        end
        do
            while true do
                local pattern, match, metadata = self.iter()
                if pattern == nil then
                    break
                end
                if self:firstTime(pattern, match) then
                    local lang, combined, ranges = self.tree:_get_injection(match, metadata)
                    if lang ~= nil and #ranges > 0 then
                        self:add(
                            index,
                            lang,
                            pattern,
                            combined,
                            ranges
                        )
                    end
                end
                n = n + 1
                if n % 16 == 0 and vim.uv.hrtime() > deadline then
                    return nil
                end
            end
        end
        self.iter = nil
        self.row = self.row + SCAN_ROWS
        if self.row > er then
            self.at = self.at + 1
            self.row = 0
        end
        if vim.uv.hrtime() > deadline then
            return nil
        end
    end
    return self:result()
end
function InjectionScan.prototype.firstTime(self, pattern, match)
    local ids = {tostring(pattern)}
    for ____, nodes in pairs(match) do
        for ____, node in ipairs(nodes) do
            ids[#ids + 1] = node:id()
        end
    end
    local key = table.concat(ids, " ")
    if self.seen[key] ~= nil then
        return false
    end
    self.seen[key] = true
    return true
end
function InjectionScan.prototype.add(self, index, lang, pattern, combined, ranges)
    local byLang = self.found[index]
    if byLang == nil then
        local ____self_found_5 = self.found
        local ____index_6 = index
        byLang = {}
        ____self_found_5[____index_6] = byLang
    end
    local byPattern = byLang[lang]
    if byPattern == nil then
        local ____byLang_7 = byLang
        local ____lang_8 = lang
        byPattern = {}
        ____byLang_7[____lang_8] = byPattern
    end
    local entry = byPattern[pattern]
    if entry == nil then
        local ____byPattern_9 = byPattern
        local ____pattern_10 = pattern
        entry = {combined = combined, regions = {}}
        ____byPattern_9[____pattern_10] = entry
    end
    local ____entry_regions_11 = entry.regions
    ____entry_regions_11[#____entry_regions_11 + 1] = ranges
end
function InjectionScan.prototype.result(self)
    local out = {}
    for ____, byLang in pairs(self.found) do
        for lang, byPattern in pairs(byLang) do
            local regions = out[lang]
            if regions == nil then
                local ____lang_12 = lang
                regions = {}
                out[____lang_12] = regions
            end
            for ____, entry in pairs(byPattern) do
                if entry.combined then
                    local all = {}
                    for ____, r in ipairs(entry.regions) do
                        for ____, range in ipairs(r) do
                            all[#all + 1] = range
                        end
                    end
                    regions[#regions + 1] = all
                else
                    for ____, r in ipairs(entry.regions) do
                        regions[#regions + 1] = r
                    end
                end
            end
        end
    end
    return out
end
--- The rows the windows showing `buf` draw, as the highlighter asks for them; undefined when none does.
local function shownRange(buf)
    local top = math.huge
    local bottom = -1
    for ____, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_buf(win) == buf then
            local fn = vim.fn
            top = math.min(
                top,
                fn.line("w0", win) - 1
            )
            bottom = math.max(
                bottom,
                fn.line("w$", win)
            )
        end
    end
    local ____temp_13
    if bottom < 0 then
        ____temp_13 = nil
    else
        ____temp_13 = {top, bottom}
    end
    return ____temp_13
end
--- Ends a hold taken for a reply: on 0.11+ at once (the highlighter parses asynchronously); on
-- 0.10 once the chat is parsed for its windows, a slice at a time, the hold kept meanwhile.
function ____exports.settle(buf, tree, release)
    local guarded
    if not SYNC_PARSE then
        return release()
    end
    local parse = classMethod(tree, "parse")
    local phase = "root"
    local scan
    local found
    local tick = vim.api.nvim_buf_get_changedtick(buf)
    --- One parse call within the slice's timeout: true when it finished, false when it timed out.
    local function attempt(range)
        setTimeouts(tree, SLICE_US)
        local ok, err = pcall(parse, tree, range)
        setTimeouts(tree, 0)
        if ok then
            return true
        end
        local ____temp_14
        if (string.find(
            tostring(err),
            TIMED_OUT,
            1,
            true
        )) ~= nil then
            ____temp_14 = false
        else
            ____temp_14 = nil
        end
        return ____temp_14
    end
    local function step()
        -- Another reply holds the parse now (it settles when it ends), or the chat is gone.
        if not vim.api.nvim_buf_is_valid(buf) or (holds[tree] or 0) > 1 or ____exports.highlighterTree(buf) ~= tree then
            return release()
        end
        local now = vim.api.nvim_buf_get_changedtick(buf)
        if now ~= tick then
            -- Edited meanwhile: a parse stopped halfway would resume on other text.
            eachTree(
                tree,
                function(t) return t._parser:reset() end
            )
            tick, phase, scan, found = now, "root", nil, nil
        end
        local deadline = vim.uv.hrtime() + SLICE_US * 1000
        local done = false
        if phase == "root" then
            done = attempt()
            if done == true then
                phase, done = "injections", false
            end
        elseif phase == "injections" then
            scan = scan or __TS__New(InjectionScan, buf, tree)
            found = scan:run(deadline)
            if found ~= nil then
                phase = "install"
            end
        elseif phase == "install" and found ~= nil then
            local range = shownRange(buf)
            if range == nil then
                return release()
            end
            -- The scan's result stands in for the first scan of the next parse, which parses the shown rows.
            local own = rawget(tree, "_get_injections")
            local regions = found
            tree._get_injections = function() return splitLong(buf, regions) end
            done = attempt(range)
            tree._get_injections = own
            phase = "children"
        else
            local range = shownRange(buf)
            local ____temp_15
            if range == nil then
                ____temp_15 = true
            else
                ____temp_15 = attempt(range)
            end
            done = ____temp_15
        end
        -- undefined: a parse failed for another reason; the highlighter's own parse will report it.
        if done ~= false then
            return release()
        end
        vim.defer_fn(guarded, SLICE_GAP_MS)
    end
    guarded = function()
        local ok = pcall(step)
        if not ok then
            release()
        end
    end
    vim.defer_fn(guarded, SLICE_GAP_MS)
end
return ____exports
