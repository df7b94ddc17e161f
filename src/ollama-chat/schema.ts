// The options of setup(), one entry each (gitsigns style): type, default, check and description.
// From this table come the defaults and the validation (config.ts), the options section of
// doc/ollama-chat.txt and the LuaCATS classes in dist/lua/ollama-chat/_meta.lua (both written by
// scripts/gen-docs.lua). Adding an option is adding an entry here.

/** @noSelf */
export interface Option {
  /** The option's path: `host`, `chat.split`. An entry with `group` holds the ones under it. */
  path: string;
  /** The LuaCATS type, as Lua users see it ("string", '"horizontal"|"vertical"'). */
  type: string;
  /** The default; absent for an option that is unset by default. */
  default?: unknown;
  /** The default computed when setup() runs (it depends on stdpath()), as the help shows it. */
  computed?: { value: (this: void) => unknown; shown: string };
  /** How the help shows the default, when inspecting it would not say it well. */
  shown?: string;
  /** What a wrong value is told it should be: "expects <expects>, got ...". */
  expects: string;
  check: (value: unknown) => boolean;
  /** The help text (backticks for code); `{keymap_actions}` lists the actions with a key. */
  desc: string;
  /** Lines shown in the help after the text, as a Lua example. */
  example?: string[];
  /** A table of options (`chat`): its entries are the ones whose path starts with it. */
  group?: boolean;
}

type Check = (this: void, value: unknown) => boolean;

const isString: Check = (v) => type(v) === "string";
const isNonEmptyString: Check = (v) => type(v) === "string" && (v as string).length > 0;
const isTable: Check = (v) => type(v) === "table";
const isBoolean: Check = (v) => type(v) === "boolean";
const isStringMap: Check = (v) => {
  if (type(v) !== "table") return false;
  for (const [k, val] of pairs(v as LuaTable)) {
    if (type(k) !== "string" || type(val) !== "string") return false;
  }
  return true;
};
const oneOf = (...values: string[]): Check => (v) => {
  for (const value of values) if (v === value) return true;
  return false;
};
const isInteger = (min: number, max = math.huge): Check => (v) =>
  type(v) === "number" && (v as number) >= min && (v as number) <= max && math.floor(v as number) === v;
const isNumCtx: Check = (v) => v === undefined || v === "auto" || isInteger(1)(v);
const isPositive: Check = (v) => type(v) === "number" && (v as number) > 0;
const isUrl: Check = (v) => isNonEmptyString(v) && (vim.startswith(v as string, "http://") || vim.startswith(v as string, "https://"));

export const OPTIONS: Option[] = [
  {
    path: "host",
    type: "string",
    shown: "`$OLLAMA_HOST`, else `http://127.0.0.1:11434`",
    expects: "a URL such as http://127.0.0.1:11434",
    check: isNonEmptyString,
    desc: "Ollama's address. When unset, `$OLLAMA_HOST` is read as the ollama CLI reads it (scheme `http`, port 11434, `0.0.0.0` means this machine, a path is a proxy prefix).",
  },
  {
    path: "headers",
    type: "table<string, string>",
    default: {},
    expects: "a table of header names to string values",
    check: isStringMap,
    desc: "Extra HTTP headers on every request, e.g. a proxy's `Authorization`.",
  },
  {
    path: "config_file",
    type: "string",
    computed: { value: () => vim.fn.stdpath("config") + "/ollama_config.lua", shown: '`stdpath("config") .. "/ollama_config.lua"`' },
    expects: "a file path",
    check: isNonEmptyString,
    desc: "Preferences kept across sessions (default model, split). See |ollama-chat-files|.",
  },
  {
    path: "data_dir",
    type: "string",
    computed: { value: () => vim.fn.stdpath("data") + "/ollama", shown: '`stdpath("data") .. "/ollama"`' },
    expects: "a directory path",
    check: isNonEmptyString,
    desc: "Saved chats live in `<data_dir>/chats/`.",
  },
  {
    path: "retention_days",
    type: "integer",
    default: 30,
    expects: "a whole number of days, 0 to keep all",
    check: isInteger(0),
    desc: "Saved chats older than this many days are deleted after startup (each deletion logged in `<data_dir>/cleanup.log`). `0` keeps all.",
  },
  {
    path: "keymaps",
    type: "boolean|ollama-chat.KeymapOpts",
    default: { prefix: "<leader>o" },
    shown: "`true`",
    expects: "true, false or a table",
    check: (v) => type(v) === "boolean" || isTable(v),
    desc: "`true` for the default keymaps, `false` for none, or a table: `prefix` (default `\"<leader>o\"`) and, per action, a key sequence or `false`. Actions: {keymap_actions}.",
    example: ['keymaps = { prefix = "<leader>a", clear = false, open = "<leader>c" }'],
  },
  {
    path: "picker",
    type: '"auto"|"tmux"|"fzf"|"select"',
    default: "auto",
    expects: '"auto", "tmux", "fzf" or "select"',
    check: oneOf("auto", "tmux", "fzf", "select"),
    desc: '`"auto"`: fzf in a tmux popup inside tmux, else fzf in a floating terminal when fzf is installed, else |vim.ui.select()|. `"tmux"`, `"fzf"` or `"select"` force one (`"select"` lets telescope, fzf-lua or snacks users get their own UI).',
  },
  { path: "chat", type: "ollama-chat.ChatOpts", group: true, expects: "a table", check: isTable, desc: "" },
  {
    path: "chat.split",
    type: '"horizontal"|"vertical"',
    default: "horizontal",
    expects: '"horizontal" or "vertical"',
    check: oneOf("horizontal", "vertical"),
    desc: "The first split; once you change it (|ollama-chat-keymaps| `h`/`v`), your choice is remembered.",
  },
  {
    path: "chat.size",
    type: "number",
    default: 0.5,
    expects: "a number between 0.1 and 0.9",
    check: (v) => type(v) === "number" && (v as number) >= 0.1 && (v as number) <= 0.9,
    desc: "Share of the editor the chat split takes.",
  },
  {
    path: "chat.system",
    type: "string",
    expects: "a string",
    check: isString,
    desc: "A system prompt for new chats.",
  },
  {
    path: "chat.options",
    type: "table<string, any>",
    default: { num_ctx: "auto" },
    expects: 'a table of Ollama model options (num_ctx a number or "auto")',
    check: (v) => isTable(v) && isNumCtx((v as LuaTable).get("num_ctx")),
    shown: '`{ num_ctx = "auto" }`',
    desc: 'Ollama model options (`temperature`, `num_ctx`, ...). `num_ctx` is a number of tokens, or `"auto"`: each request asks for a context sized for the conversation (a power of two, at least 4096, at most the model\'s `context_length` and `chat.max_ctx`). A conversation that will not fit is not sent before you choose: leave out its oldest turns (they stay in the chat, marked "not sent"), raise the context for this chat, or send it anyway.',
  },
  {
    path: "chat.max_ctx",
    type: "integer",
    default: 32768,
    expects: "a whole number of tokens, at least 4096",
    check: isInteger(4096),
    desc: 'The largest context `num_ctx = "auto"` asks for.',
  },
  {
    path: "chat.keep_alive",
    type: "string|number",
    expects: 'a duration string ("5m") or a number of seconds',
    check: (v) => type(v) === "string" || type(v) === "number",
    desc: 'How long Ollama keeps the model loaded (`"5m"`, seconds).',
  },
  {
    path: "chat.think",
    type: 'boolean|"low"|"medium"|"high"',
    shown: "unset (the model's default)",
    expects: 'true, false, "low", "medium" or "high"',
    check: (v) => isBoolean(v) || oneOf("low", "medium", "high")(v),
    desc: '`true`/`false` (or `"low"`, `"medium"`, `"high"`) for reasoning models. Sent only to models with the `thinking` capability.',
  },
  {
    path: "chat.fold_thinking",
    type: "boolean",
    default: true,
    expects: "true or false",
    check: isBoolean,
    desc: "Fold a reply's thinking block once the reply ends.",
  },
  { path: "update", type: "ollama-chat.UpdateOpts", group: true, expects: "a table", check: isTable, desc: "" },
  {
    path: "update.concurrency",
    type: "integer",
    default: 2,
    expects: "a whole number from 1 to 16",
    check: isInteger(1, 16),
    desc: "Models pulled at once by |:OllamaUpdate|.",
  },
  {
    path: "update.registry",
    type: "string",
    default: "https://registry.ollama.ai",
    expects: "a URL such as https://registry.ollama.ai",
    check: isUrl,
    desc: "Where |:Ollama| `outdated` asks for manifests.",
  },
  {
    path: "timeouts",
    type: "ollama-chat.TimeoutOpts",
    group: true,
    expects: "a table",
    check: isTable,
    desc: "How long to wait, in seconds, for:",
  },
  {
    path: "timeouts.connect",
    type: "number",
    default: 5,
    expects: "a number of seconds above 0",
    check: isPositive,
    desc: "To establish the connection.",
  },
  {
    path: "timeouts.stream_idle",
    type: "number",
    default: 300,
    expects: "a number of seconds above 0",
    check: isPositive,
    desc: "How long a stream (chat, pull) may stay silent: a large model can take minutes to load before its first token.",
  },
  {
    path: "timeouts.request_idle",
    type: "number",
    default: 30,
    expects: "a number of seconds above 0",
    check: isPositive,
    desc: "How long a plain request (tags, show, ...) may stay silent.",
  },
];

const byPath: { [path: string]: Option | undefined } = {};
for (const option of OPTIONS) byPath[option.path] = option;

/** The entry of option `path` (`chat.split`), if there is one. */
export function find(this: void, path: string): Option | undefined {
  return byPath[path];
}

/** A fresh copy of option's default (tables are never shared between configurations). */
export function defaultOf(this: void, option: Option): unknown {
  if (option.computed !== undefined) return option.computed.value();
  return type(option.default) === "table" ? vim.deepcopy(option.default) : option.default;
}
