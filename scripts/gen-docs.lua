-- What is generated from the action table (src/ollama-chat/actions.ts) and the option schema
-- (src/ollama-chat/schema.ts), read from the compiled Lua, and the API's types (src/ollama-chat/init.ts,
-- read by scripts/gen-meta-api.mjs with the TypeScript checker):
--   nvim -l scripts/gen-docs.lua dist <luadir> [<out>]  keys.lua and _meta.lua into <out>/ollama-chat/
--                                                       (<out> defaults to <luadir>)
--   nvim -l scripts/gen-docs.lua doc <luadir> <in> <out> the help <in> with its generated sections
--                                                       renewed, written to <out>
-- scripts/build.sh runs the first on every build, `make doc` the second; spec/generated_spec.lua
-- fails when the committed files differ from what this writes.
local mode, luadir = arg[1], arg[2]
assert(mode == "dist" or mode == "doc", "usage: gen-docs.lua dist|doc <luadir> ...")
package.path = luadir .. "/?.lua;" .. luadir .. "/?/init.lua;" .. package.path
-- keys.lua is what this script writes; the modules it loads (config.ts) read it: give them a stand-in.
package.preload["ollama-chat.keys"] = function()
  return { prefix = "", keys = {} }
end
local WIDTH = 78

local actions = require("ollama-chat.actions")
local schema = require("ollama-chat.schema")
local PREFIX = require("ollama-chat.config").defaults().keymaps.prefix

local function capitalize(text)
  return (text:gsub("^%l", string.upper))
end

local function sentence(text)
  text = capitalize(text)
  return text:find("[.!?]$") and text or text .. "."
end

--- The keys of the actions, flattened: { plug, suffix, modes, desc, action }.
local function all_keys()
  local out = {}
  for _, action in ipairs(actions.ACTIONS) do
    for _, key in ipairs(action.keys or {}) do
      out[#out + 1] = {
        plug = actions.plugOf(action, key),
        suffix = key.suffix,
        modes = key.modes or { "n" },
        desc = key.desc or action.desc,
        action = action,
      }
    end
  end
  return out
end

local function header(source)
  return ("-- generated from %s by scripts/gen-docs.lua; do not edit"):format(source)
end

local function write(path, lines)
  local f = assert(io.open(path, "w"))
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
end

local function keys_lua(prefix)
  local lines = {
    header("src/ollama-chat/actions.ts"),
    "-- The keys of the actions, for plugin/ at startup: loading the action table would cost more.",
    "return {",
    ("  prefix = %q,"):format(prefix),
    "  keys = {",
  }
  for _, key in ipairs(all_keys()) do
    lines[#lines + 1] = ("    { plug = %q, suffix = %q, modes = { %s }, desc = %q },"):format(key.plug, key.suffix,
      table.concat(vim.tbl_map(function(m) return ("%q"):format(m) end, key.modes), ", "), "Ollama: " .. capitalize(key.desc))
  end
  lines[#lines + 1] = "  },"
  lines[#lines + 1] = "}"
  return lines
end

--- `text` wrapped to WIDTH, the first line after `first` (padded to `indent`), the others indented.
local function wrap(first, text, indent)
  local pad = string.rep(" ", indent)
  local lines = {}
  local line
  if first ~= "" and #first >= indent - 1 then
    lines[1] = first
    line = pad
  else
    line = first .. string.rep(" ", indent - #first)
  end
  local empty = true
  for word in text:gmatch("%S+") do
    if not empty and #line + 1 + #word > WIDTH then
      lines[#lines + 1] = line
      line, empty = pad, true
    end
    line = line .. (empty and "" or " ") .. word
    empty = false
  end
  lines[#lines + 1] = line
  return lines
end

local function append(into, lines)
  for _, l in ipairs(lines) do into[#into + 1] = l end
end

local function tagged(left, tag)
  local t = "*" .. tag .. "*"
  return left .. string.rep(" ", math.max(1, WIDTH + 1 - #left - #t)) .. t
end

local function commands_section()
  local out = { "" }
  append(out, {
    tagged(":OllamaUpdate [model ...]", ":OllamaUpdate"),
    "    Updates every local model, or the ones named, to the newest version:",
    "    asynchronously, `update.concurrency` at a time, with a live view and a",
    "    summary. See |ollama-chat-update|.",
    "",
    tagged(":Ollama", ":Ollama"),
    "    Without a subcommand: offers the subcommands in the picker.",
    "",
  })
  for _, action in ipairs(actions.ACTIONS) do
    local left = (action.range and ":[range]Ollama " or ":Ollama ") .. action.name
    if action.synopsis then left = left .. " " .. action.synopsis end
    append(out, wrap(left, action.help or sentence(action.desc), 32))
  end
  append(out, {
    "",
    "Subcommands and their arguments complete with <Tab> (model names and saved",
    "chat names come from caches: completion never waits for Ollama).",
    "",
  })
  return out
end

local function keymaps_section(prefix)
  local out = { "" }
  append(out, wrap("", "Normal mode, with `" .. prefix .. "` as the prefix (see |ollama-chat-keymaps| to change or "
    .. "remove them). Each is also a `<Plug>(ollama-chat-<action>)` mapping, which runs the action as a Lua function "
    .. "(in visual mode, on the selected lines). A mapping you made yourself is never replaced.", 0))
  out[#out + 1] = ""
  local keys = all_keys()
  local lhs_w, plug_w = 0, 0
  for _, key in ipairs(keys) do
    lhs_w = math.max(lhs_w, #(prefix .. key.suffix))
    plug_w = math.max(plug_w, #key.plug)
  end
  for _, key in ipairs(keys) do
    local left = "  " .. prefix .. key.suffix .. string.rep(" ", lhs_w - #(prefix .. key.suffix)) .. "  " .. key.plug
    local text = sentence(key.desc)
    if not vim.tbl_contains(key.modes, "n") then text = text .. " Visual mode only."
    elseif vim.tbl_contains(key.modes, "x") then text = text .. " Also in visual mode." end
    append(out, wrap(left, text, 2 + lhs_w + 2 + plug_w + 2))
  end
  out[#out + 1] = ""
  return out
end

--- Replaces the lines after the heading that holds `*tag*` up to the line matching `stop`.
local function replace_section(lines, tag, stop, body)
  local start
  for i, l in ipairs(lines) do
    if l:find("*" .. tag .. "*", 1, true) and l:find("^%d+%. ") then start = i break end
  end
  assert(start, "no heading with *" .. tag .. "*")
  local finish
  for i = start + 1, #lines do
    if lines[i]:find(stop) then finish = i break end
  end
  assert(finish, "no end of the section *" .. tag .. "*")
  local out = {}
  for i = 1, start do out[#out + 1] = lines[i] end
  append(out, body)
  for i = finish, #lines do out[#out + 1] = lines[i] end
  return out
end

--- The names of the `keymaps` option (the keys' <Plug> names), as the help lists them.
local function keymap_names()
  return table.concat(vim.tbl_map(function(k) return "`" .. k.plug .. "`" end, all_keys()), ", ")
end

local function shown_default(option)
  if option.shown then return option.shown end
  if option.computed then return option.computed.shown end
  if option.default == nil then return "unset" end
  return "`" .. vim.inspect(option.default) .. "`"
end

local function desc_of(option)
  return (option.desc:gsub("{keymap_actions}", function() return keymap_names() end))
end

local function options_section()
  local out = { "" }
  append(out, wrap("", "Pass options to `require(\"ollama-chat\").setup({ ... })`. A wrong option is reported once, "
    .. "naming it and what it expects; its default is used instead. lua-language-server completes and checks them "
    .. "from `dist/lua/ollama-chat/_meta.lua` (on the runtimepath): annotate a table with `---@type ollama-chat.Opts`, "
    .. "and the API with `local oc = require(\"ollama-chat\") ---@type ollama-chat.API`.", 0))
  for _, option in ipairs(schema.OPTIONS) do
    if not option.group or option.desc ~= "" then
      out[#out + 1] = ""
      out[#out + 1] = tagged("`" .. option.path .. "`", "ollama-chat-" .. option.path)
      local text = desc_of(option)
      if not option.group then text = text .. " Default: " .. shown_default(option) .. "." end
      local lines = wrap("", text, 4)
      if option.example then
        lines[#lines] = lines[#lines] .. " >lua"
        for _, l in ipairs(option.example) do lines[#lines + 1] = "        " .. l end
        lines[#lines + 1] = "<"
      end
      append(out, lines)
    end
  end
  out[#out + 1] = ""
  return out
end

--- LuaCATS: the class of a group of options (`chat`), or of the top level ("").
local function option_class(name, group)
  local lines = { "", "---@class " .. name }
  for _, option in ipairs(schema.OPTIONS) do
    local parent, field = option.path:match("^(.-)%.?([^.]+)$")
    if parent == group then
      local text = desc_of(option):gsub("|", ""):gsub("%s+", " ")
      if not option.group then text = text .. " Default: " .. shown_default(option):gsub("`", "") .. "." end
      lines[#lines + 1] = vim.trim(("---@field %s? %s %s"):format(field, option.type, text))
    end
  end
  return lines
end

--- LuaCATS of the API (require("ollama-chat")), from the TypeScript of src/ollama-chat/init.ts.
local function api_lua()
  local root = vim.fn.fnamemodify(arg[0], ":p:h:h")
  local out = vim.fn.system({ "node", root .. "/scripts/gen-meta-api.mjs", root })
  assert(vim.v.shell_error == 0, "scripts/gen-meta-api.mjs failed: " .. out)
  return vim.split(vim.trim(out), "\n", { plain = true })
end

local function meta_lua()
  local lines = {
    "---@meta",
    header("src/ollama-chat/schema.ts (options), actions.ts (keymaps) and init.ts (the API)"),
    "-- Types for lua-language-server, which finds this file on the runtimepath; nothing requires it.",
    "-- local opts = {} ---@type ollama-chat.Opts",
    "-- local oc = require(\"ollama-chat\") ---@type ollama-chat.API",
  }
  append(lines, option_class("ollama-chat.Opts", ""))
  for _, option in ipairs(schema.OPTIONS) do
    if option.group then append(lines, option_class(option.type, option.path)) end
  end
  append(lines, { "", "---@class ollama-chat.KeymapOpts", ("---@field prefix? string Typed before each key's suffix. Default: %q."):format(PREFIX) })
  for _, key in ipairs(all_keys()) do
    lines[#lines + 1] = ("---@field %s? string|false %s (default: prefix .. %q)."):format(key.plug, capitalize(key.desc), key.suffix)
  end
  lines[#lines + 1] = ""
  append(lines, api_lua())
  return lines
end


if mode == "dist" then
  local out = arg[3] or luadir
  write(out .. "/ollama-chat/keys.lua", keys_lua(PREFIX))
  write(out .. "/ollama-chat/_meta.lua", meta_lua())
else
  local lines = vim.fn.readfile(arg[3])
  lines = replace_section(lines, "ollama-chat-options", "^====", options_section())
  lines = replace_section(lines, "ollama-chat-commands", "^====", commands_section())
  lines = replace_section(lines, "ollama-chat-default-keymaps", "^In the chat buffer:", keymaps_section(PREFIX))
  write(arg[4], lines)
end
