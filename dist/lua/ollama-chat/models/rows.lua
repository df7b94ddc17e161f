local ____lualib = require("ollama-chat.lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local ____names = require("ollama-chat.ollama.names")
local sameModel = ____names.sameModel
local ____lines = require("ollama-chat.ui.lines")
local bytes = ____lines.bytes
____exports.bytes = bytes
--- A model kept loaded (keep_alive < 0) expires hundreds of years from now.
local KEPT_LOADED_S = 100 * 365 * 86400
local function daysFromCivil(y, m, d)
    local yy = m <= 2 and y - 1 or y
    local era = math.floor(yy / 400)
    local yoe = yy - era * 400
    local mp = m > 2 and m - 3 or m + 9
    local doy = math.floor((153 * mp + 2) / 5) + d - 1
    local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
    return era * 146097 + doe - 719468
end
--- Epoch seconds of an RFC 3339 time ("2025-05-04T17:37:44.706015396-07:00"), or undefined.
function ____exports.parseTime(text)
    local y, mo, d, h, mi, s, rest = string.match(text, "^(%d%d%d%d)%-(%d%d)%-(%d%d)[Tt ](%d%d):(%d%d):(%d%d)(.*)$")
    if y == nil then
        return nil
    end
    local days = daysFromCivil(
        tonumber(y),
        tonumber(mo),
        tonumber(d)
    )
    local t = days * 86400 + tonumber(h) * 3600 + tonumber(mi) * 60 + tonumber(s)
    local sign, oh, om = string.match(rest or "", "([+-])(%d%d):?(%d%d)$")
    if sign ~= nil then
        local offset = tonumber(oh) * 3600 + tonumber(om) * 60
        t = sign == "+" and t - offset or t + offset
    end
    return t
end
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
    for ____, r in ipairs(running) do
        if r.name == name or sameModel(r.name, name) then
            return {
                size = r.size,
                size_vram = r.size_vram,
                context_length = r.context_length,
                expires = ____exports.parseTime(r.expires_at)
            }
        end
    end
    return nil
end
--- One row per local model, sorted by name (stable while models come and go).
function ____exports.buildRows(facts)
    local outdated = {}
    if facts.outdated ~= nil then
        for ____, n in ipairs(facts.outdated.names) do
            outdated[n] = true
        end
    end
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
            ____temp_0 = ____exports.parseTime(m.modified_at)
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
            isDefault = facts.defaultModel ~= nil and sameModel(facts.defaultModel, m.name),
            loaded = loadedOf(facts.running, m.name),
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
    return table.concat(known, " ")
end
local function modifiedText(row, now)
    return row.modified == nil and "" or ____exports.ago(math.max(0, now - row.modified))
end
local function width(text)
    return vim.fn.strdisplaywidth(text)
end
function ____exports.widths(rows, now)
    local w = {
        name = 4,
        size = 4,
        params = 6,
        quant = 5,
        family = 6,
        modified = 8,
        context = 7,
        caps = 12
    }
    for ____, r in ipairs(rows) do
        w.name = math.max(
            w.name,
            width(r.name)
        )
        w.size = math.max(
            w.size,
            #bytes(r.size)
        )
        w.params = math.max(w.params, #r.parameter_size)
        w.quant = math.max(w.quant, #r.quantization)
        w.family = math.max(w.family, #r.family)
        w.modified = math.max(
            w.modified,
            #modifiedText(r, now)
        )
        local ____math_max_10 = math.max
        local ____w_context_9 = w.context
        local ____exports_contextText_8 = ____exports.contextText
        local ____opt_6 = r.show
        w.context = ____math_max_10(
            ____w_context_9,
            #____exports_contextText_8(____opt_6 and ____opt_6.context_length)
        )
        w.caps = math.max(
            w.caps,
            width(capsText(r.show))
        )
    end
    return w
end
--- Builds a line cell by cell, recording the highlight of each.
local LineBuilder = __TS__Class()
LineBuilder.name = "LineBuilder"
function LineBuilder.prototype.____constructor(self)
    self.parts = {}
    self.length = 0
    self.spans = {}
end
function LineBuilder.prototype.add(self, text, group, pad)
    if pad == nil then
        pad = 0
    end
    if text ~= "" and group ~= nil then
        local ____self_spans_11 = self.spans
        ____self_spans_11[#____self_spans_11 + 1] = {self.length, self.length + #text, group}
    end
    local ____self_parts_12 = self.parts
    ____self_parts_12[#____self_parts_12 + 1] = text
    self.length = self.length + #text
    local fill = pad - width(text)
    if fill > 0 then
        local ____self_parts_13 = self.parts
        ____self_parts_13[#____self_parts_13 + 1] = string.rep(" ", fill)
        self.length = self.length + fill
    end
    return self
end
function LineBuilder.prototype.line(self)
    local text = string.gsub(
        table.concat(self.parts),
        "%s+$",
        ""
    )
    return {text = text, spans = self.spans}
end
local GAP = "  "
local function loadedText(l, now)
    local parts = {
        "loaded " .. bytes(l.size),
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
--- A model's row: mark, name, size, parameters, quantization, family, modified, context, capabilities, state.
function ____exports.rowLine(r, w, now, outdatedAt)
    local b = __TS__New(LineBuilder)
    b:add(r.isDefault and "★" or " ", "OllamaModelsDefault"):add(" ")
    b:add(r.name, r.isDefault and "OllamaModelsDefault" or "OllamaModelsName", w.name):add(GAP)
    b:add(
        bytes(r.size),
        nil,
        w.size
    ):add(GAP)
    b:add(r.parameter_size, nil, w.params):add(GAP)
    b:add(r.quantization, "OllamaModelsMuted", w.quant):add(GAP)
    b:add(r.family, "OllamaModelsMuted", w.family):add(GAP)
    b:add(
        modifiedText(r, now),
        "OllamaModelsMuted",
        w.modified
    ):add(GAP)
    local ____b_add_17 = b.add
    local ____exports_contextText_16 = ____exports.contextText
    local ____opt_14 = r.show
    ____b_add_17(
        b,
        ____exports_contextText_16(____opt_14 and ____opt_14.context_length),
        nil,
        w.context
    ):add(GAP)
    b:add(
        capsText(r.show),
        "OllamaModelsBadge",
        w.caps
    )
    if r.loaded ~= nil then
        b:add(GAP):add(
            "● " .. loadedText(r.loaded, now),
            "OllamaModelsLoaded"
        )
    end
    if r.outdated then
        local when = outdatedAt ~= nil and (" (checked " .. ____exports.ago(math.max(0, now - outdatedAt))) .. ")" or ""
        b:add(GAP):add("↑ outdated" .. when, "OllamaModelsOutdated")
    end
    return b:line()
end
function ____exports.columnsLine(w)
    local b = __TS__New(LineBuilder)
    b:add("  "):add("NAME", nil, w.name):add(GAP):add("SIZE", nil, w.size):add(GAP)
    b:add("PARAMS", nil, w.params):add(GAP):add("QUANT", nil, w.quant):add(GAP)
    b:add("FAMILY", nil, w.family):add(GAP):add("MODIFIED", nil, w.modified):add(GAP)
    b:add("CONTEXT", nil, w.context):add(GAP):add("CAPABILITIES", nil, w.caps):add(GAP):add("STATE")
    local line = b:line()
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
    local w = ____exports.widths(rows, now)
    lines[#lines + 1] = ____exports.columnsLine(w)
    local rowStart = #lines
    local ____opt_18 = s.outdated
    local at = ____opt_18 and ____opt_18.time
    for ____, r in ipairs(rows) do
        lines[#lines + 1] = ____exports.rowLine(r, w, now, at)
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
