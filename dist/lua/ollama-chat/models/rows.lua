-- generated from src/ollama-chat/models/rows.ts by TypeScriptToLua; do not edit
local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local ____names = require("ollama-chat.ollama.names")
local fullName = ____names.fullName
local ____bytes = require("ollama-chat.format.bytes")
local bytes = ____bytes.bytes
local ____time = require("ollama-chat.models.time")
local parseTime = ____time.parseTime
-- The model manager's text: one row per local model, from what Ollama said (/api/tags, /api/ps,
-- /api/show), the default model and the last outdated check. Pure: facts in, lines and highlight
-- ranges out; `now` is given, so the same facts always give the same text.
--- A model kept loaded (keep_alive < 0) expires hundreds of years from now.
local KEPT_LOADED_S = 100 * 365 * 86400
local function plural(n, unit)
    return ((tostring(n) .. " ") .. unit) .. (n == 1 and "" or "s")
end
--- "just now", "5 minutes ago", "3 days ago", "2 months ago", "1 year ago".
function ____exports.ago(seconds)
    if seconds < 60 then
        return "just now"
    end
    local minutes = math.floor(seconds / 60)
    if minutes < 60 then
        return plural(minutes, "minute") .. " ago"
    end
    local hours = math.floor(minutes / 60)
    if hours < 24 then
        return plural(hours, "hour") .. " ago"
    end
    local days = math.floor(hours / 24)
    if days < 30 then
        return plural(days, "day") .. " ago"
    end
    local months = math.floor(days / 30)
    if months < 12 then
        return plural(months, "month") .. " ago"
    end
    return plural(
        math.floor(days / 365),
        "year"
    ) .. " ago"
end
--- "unloads in 4 min", "unloads in 30 s", "unloads in 2 h", "kept loaded".
function ____exports.unloadText(expires, now)
    if expires == nil then
        return ""
    end
    local left = expires - now
    if left >= KEPT_LOADED_S then
        return "kept loaded"
    end
    if left <= 0 then
        return "unloading"
    end
    if left < 60 then
        return ("unloads in " .. tostring(math.ceil(left))) .. " s"
    end
    if left < 3600 then
        return ("unloads in " .. tostring(math.ceil(left / 60))) .. " min"
    end
    return ((("unloads in " .. tostring(math.floor(left / 3600))) .. " h ") .. tostring(math.floor(left % 3600 / 60))) .. " min"
end
--- "100% GPU", "48% GPU", "CPU" (size_vram / size).
function ____exports.gpuShare(size, vram)
    if size <= 0 or vram <= 0 then
        return "CPU"
    end
    return tostring(math.floor(math.min(vram, size) / size * 100 + 0.5)) .. "% GPU"
end
--- Context lengths in tokens: 131072 → "128K", 4096 → "4K", 1000 → "1000".
function ____exports.contextText(n)
    if n == nil or n <= 0 then
        return ""
    end
    if n >= 1024 and n % 1024 == 0 then
        return tostring(math.floor(n / 1024)) .. "K"
    end
    return tostring(math.floor(n))
end
local function loadedOf(running, name)
    local r = running[name]
    if r == nil then
        return nil
    end
    return {
        size = r.size,
        size_vram = r.size_vram,
        context_length = r.context_length,
        expires = parseTime(r.expires_at)
    }
end
--- One row per local model, sorted by name (stable while models come and go).
function ____exports.buildRows(facts)
    local outdated = {}
    if facts.outdated ~= nil then
        for ____, n in ipairs(facts.outdated.names) do
            outdated[fullName(n)] = true
        end
    end
    -- /api/tags and /api/ps name models the same way (full names with their tag): compared as such.
    local running = {}
    for ____, r in ipairs(facts.running) do
        running[fullName(r.name)] = r
    end
    local def = facts.defaultModel ~= nil and fullName(facts.defaultModel) or nil
    local rows = {}
    for ____, m in ipairs(facts.tags) do
        local d = m.details or ({})
        local ____m_name_1 = m.name
        local ____temp_2 = type(m.size) == "number" and m.size or 0
        local ____temp_3 = type(d.parameter_size) == "string" and d.parameter_size or ""
        local ____temp_4 = type(d.quantization_level) == "string" and d.quantization_level or ""
        local ____temp_5 = type(d.family) == "string" and d.family or ""
        local ____temp_0
        if type(m.modified_at) == "string" then
            ____temp_0 = parseTime(m.modified_at)
        else
            ____temp_0 = nil
        end
        rows[#rows + 1] = {
            name = ____m_name_1,
            size = ____temp_2,
            parameter_size = ____temp_3,
            quantization = ____temp_4,
            family = ____temp_5,
            modified = ____temp_0,
            digest = type(m.digest) == "string" and m.digest or "",
            show = facts.show(m),
            isDefault = m.name == def,
            loaded = loadedOf(running, m.name),
            outdated = outdated[m.name] ~= nil
        }
    end
    __TS__ArraySort(
        rows,
        function(____, a, b) return a.name < b.name and -1 or (a.name > b.name and 1 or 0) end
    )
    return rows
end
local CAPABILITY_ORDER = {
    "completion",
    "vision",
    "tools",
    "thinking",
    "insert",
    "embedding"
}
local function capsText(show)
    if show == nil then
        return "…"
    end
    if show.badges ~= nil then
        return show.badges
    end
    local known = {}
    for ____, c in ipairs(CAPABILITY_ORDER) do
        if __TS__ArrayIncludes(show.capabilities, c) then
            known[#known + 1] = c
        end
    end
    for ____, c in ipairs(show.capabilities) do
        if not __TS__ArrayIncludes(CAPABILITY_ORDER, c) then
            known[#known + 1] = c
        end
    end
    show.badges = table.concat(known, " ")
    return show.badges
end
--- A name as one line of text: a hostile server's control characters shown as "?".
local function shownName(name)
    return (string.gsub(name, "%c", "?"))
end
local NON_ASCII = ((("[" .. string.char(128)) .. "-") .. string.char(255)) .. "]"
--- Display width; plain ASCII (nearly every cell) without asking Vim.
local function width(text)
    return (string.find(text, NON_ASCII)) == nil and #text or vim.fn.strdisplaywidth(text)
end
local function loadedText(l, now)
    local parts = {
        "● loaded " .. bytes(l.size),
        ____exports.gpuShare(l.size, l.size_vram)
    }
    if l.context_length ~= nil and l.context_length > 0 then
        parts[#parts + 1] = "ctx " .. ____exports.contextText(l.context_length)
    end
    local ____until = ____exports.unloadText(l.expires, now)
    if ____until ~= "" then
        parts[#parts + 1] = ____until
    end
    return table.concat(parts, ", ")
end
--- The columns, in order: header, highlight, and whether the column is padded to line up.
local COLUMNS = {
    {"", "OllamaModelsDefault"},
    {"NAME", "OllamaModelsName"},
    {"SIZE", nil},
    {"PARAMS", nil},
    {"QUANT", "OllamaModelsMuted"},
    {"FAMILY", "OllamaModelsMuted"},
    {"MODIFIED", "OllamaModelsMuted"},
    {"CONTEXT", nil},
    {"CAPABILITIES", "OllamaModelsBadge"},
    {"STATE", "OllamaModelsLoaded"},
    {"", "OllamaModelsOutdated"}
}
local MARK = 0
local NAME = 1
--- The last columns are not padded: nothing follows them but what they say.
local PADDED = 9
--- A row's text, cell by cell (COLUMNS).
function ____exports.cells(r, now, outdatedAt)
    local outdated = ""
    if r.outdated then
        outdated = "↑ outdated" .. (outdatedAt ~= nil and (" (checked " .. ____exports.ago(math.max(0, now - outdatedAt))) .. ")" or "")
    end
    local context = r.show ~= nil and ____exports.contextText(r.show.context_length) or ""
    local modified = r.modified == nil and "" or ____exports.ago(math.max(0, now - r.modified))
    local loaded = r.loaded ~= nil and loadedText(r.loaded, now) or ""
    local mark = r.isDefault and "★" or ""
    return {
        mark,
        shownName(r.name),
        bytes(r.size),
        r.parameter_size,
        r.quantization,
        r.family,
        modified,
        context,
        capsText(r.show),
        loaded,
        outdated
    }
end
--- Column widths, so that rows line up.
function ____exports.widths(____table)
    local w = {}
    do
        local c = 0
        while c < PADDED do
            w[#w + 1] = width(COLUMNS[c + 1][1])
            c = c + 1
        end
    end
    w[MARK + 1] = 1
    for ____, row in ipairs(____table) do
        do
            local c = 0
            while c < PADDED do
                w[c + 1] = math.max(
                    w[c + 1],
                    width(row[c + 1])
                )
                c = c + 1
            end
        end
    end
    return w
end
local GAP = "  "
--- Lays cells out in columns; runs of one colour with only spaces between share one highlight.
local function layout(cellTexts, w, groups)
    local parts = {}
    local spans = {}
    local length = 0
    local lastSpanColumn = -1
    local function put(text)
        parts[#parts + 1] = text
        length = length + #text
    end
    do
        local c = 0
        while c < #cellTexts do
            local text = cellTexts[c + 1]
            local padded = c < PADDED
            -- An empty unpadded (last) column adds nothing, not even its gap.
            local skip = text == "" and not padded
            if not skip and c > 0 then
                put(c == NAME and " " or GAP)
            end
            local group = groups[c + 1]
            if not skip and text ~= "" and group ~= nil then
                local last = spans[#spans]
                if last ~= nil and last[3] == group and lastSpanColumn == c - 1 then
                    last[2] = length + #text
                else
                    spans[#spans + 1] = {length, length + #text, group}
                end
                lastSpanColumn = c
            end
            if not skip then
                put(text)
            end
            local fill = padded and w[c + 1] - width(text) or 0
            if fill > 0 then
                put(string.rep(" ", fill))
            end
            c = c + 1
        end
    end
    local text = string.gsub(
        table.concat(parts),
        "%s+$",
        ""
    )
    return {text = text, spans = spans}
end
local ROW_GROUPS = {}
for ____, ____value in ipairs(COLUMNS) do
    local group = ____value[2]
    ROW_GROUPS[#ROW_GROUPS + 1] = group
end
local DEFAULT_GROUPS = __TS__ArraySlice(ROW_GROUPS)
DEFAULT_GROUPS[NAME + 1] = "OllamaModelsDefault"
--- Lines made before, by their cells and the widths: most rows do not change between redraws.
local lineCache = {}
local cacheSize = 0
function ____exports.rowLine(cellTexts, w, isDefault)
    local key = ((table.concat(w, ",") .. "\0") .. (isDefault and "*" or "")) .. table.concat(cellTexts, "\0")
    local cached = lineCache[key]
    if cached ~= nil then
        return cached
    end
    local line = layout(cellTexts, w, isDefault and DEFAULT_GROUPS or ROW_GROUPS)
    if cacheSize > 2000 then
        lineCache = {}
        cacheSize = 0
    end
    lineCache[key] = line
    cacheSize = cacheSize + 1
    return line
end
function ____exports.columnsLine(w)
    local heads = {}
    for ____, ____value in ipairs(COLUMNS) do
        local head = ____value[1]
        heads[#heads + 1] = head
    end
    local line = layout(heads, w, {})
    line.spans = {{0, #line.text, "OllamaModelsColumns"}}
    return line
end
local function plain(text, group)
    return {text = text, spans = group ~= nil and text ~= "" and ({{0, #text, group}}) or ({})}
end
--- The header: what is listed, and whether Ollama answers.
function ____exports.headerLines(rows, s, now)
    local loaded = 0
    local def
    for ____, r in ipairs(rows) do
        if r.loaded ~= nil then
            loaded = loaded + 1
        end
        if r.isDefault then
            def = r.name
        end
    end
    local title = s.loading and (" Ollama models at " .. s.host) .. ": listing…" or ((((((" Ollama models at " .. s.host) .. ": ") .. plural(#rows, "model")) .. ", ") .. tostring(loaded)) .. " loaded") .. (def ~= nil and ", default ★ " .. def or ", no default model")
    local out = {plain(title, "OllamaModelsHeader")}
    if s.error ~= nil then
        out[#out + 1] = plain((" ⚠ " .. s.error) .. " (retrying)", "OllamaModelsError")
    elseif s.outdated ~= nil then
        local n = #s.outdated.names
        out[#out + 1] = plain(
            ((" Last outdated check " .. ____exports.ago(math.max(0, now - s.outdated.time))) .. ": ") .. (n == 0 and "all up to date" or tostring(n) .. " outdated (U updates all)"),
            "OllamaModelsMuted"
        )
    else
        out[#out + 1] = plain(" Not checked for updates yet: :Ollama outdated", "OllamaModelsMuted")
    end
    return out
end
--- Every line of the view; `rowStart` is the index of the first model row.
function ____exports.viewLines(rows, s, now)
    local lines = ____exports.headerLines(rows, s, now)
    lines[#lines + 1] = plain("")
    if #rows == 0 and not s.loading then
        lines[#lines + 1] = plain(s.error ~= nil and " (no listing)" or " No local models: p pulls one by name (llama3.2:3b)", "OllamaModelsMuted")
        return {lines = lines, rowStart = #lines}
    end
    local ____opt_6 = s.outdated
    local at = ____opt_6 and ____opt_6.time
    local ____table = {}
    for ____, r in ipairs(rows) do
        ____table[#____table + 1] = ____exports.cells(r, now, at)
    end
    local w = ____exports.widths(____table)
    lines[#lines + 1] = ____exports.columnsLine(w)
    local rowStart = #lines
    do
        local i = 0
        while i < #rows do
            lines[#lines + 1] = ____exports.rowLine(____table[i + 1], w, rows[i + 1].isDefault)
            i = i + 1
        end
    end
    return {lines = lines, rowStart = rowStart}
end
--- The keys of the view, in the order the footer and g? show them.
____exports.KEYS = {
    {"<CR>", "chat with the model"},
    {"d", "delete the model"},
    {"u", "update the model"},
    {"U", "update all models"},
    {"c", "copy the model under a new name"},
    {"l", "load the model into memory (preload)"},
    {"x", "unload the model from memory"},
    {"K", "details: modelfile, parameters, template, license"},
    {"p", "pull a model by name"},
    {"R", "refresh"},
    {"g?", "these keys"},
    {"q", "close"}
}
--- The key hints: "<CR> chat · d delete · …".
function ____exports.footer()
    local short = {
        ["<CR>"] = "chat",
        d = "delete",
        u = "update",
        U = "update all",
        c = "copy",
        l = "load",
        x = "unload",
        K = "details",
        p = "pull",
        R = "refresh",
        ["g?"] = "help",
        q = "close"
    }
    local parts = {}
    for ____, ____value in ipairs(____exports.KEYS) do
        local key = ____value[1]
        parts[#parts + 1] = (key .. " ") .. short[key]
    end
    return (" " .. table.concat(parts, " · ")) .. " "
end
return ____exports
