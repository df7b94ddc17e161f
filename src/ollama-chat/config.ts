// Options: defaults, validation (one clear message per wrong option, falling back to its default)
// and the merged configuration every module reads through `get()`.
import { keys } from "ollama-chat.keys";
import { notify } from "./ui/notify";

export type Layout = "horizontal" | "vertical";
export type PickerKind = "auto" | "tmux" | "fzf" | "select";

export interface KeymapConfig {
  prefix: string;
  [action: string]: string | false;
}

export interface Config {
  host: string | undefined;
  headers: { [name: string]: string };
  config_file: string;
  data_dir: string;
  retention_days: number;
  keymaps: KeymapConfig | false;
  picker: PickerKind;
  chat: {
    split: Layout;
    size: number;
    system: string | undefined;
    options: { [name: string]: unknown };
    keep_alive: string | number | undefined;
    think: boolean | string | undefined;
    /** The largest context num_ctx "auto" asks for. */
    max_ctx: number;
  };
  update: {
    concurrency: number;
    registry: string;
  };
  timeouts: {
    /** Seconds to establish the connection. */
    connect: number;
    /** Seconds a stream (chat, pull) may stay silent: a large model can take minutes to load. */
    stream_idle: number;
    /** Seconds a plain request (tags, show, ...) may stay silent. */
    request_idle: number;
  };
}

/** The actions with a default keymap (the `keymaps` option's names): suffix after the prefix. */
export const KEYMAP_ACTIONS: { [action: string]: string } = {};
for (const key of keys) KEYMAP_ACTIONS[key.plug] = key.suffix;

export function defaults(): Config {
  return {
    host: undefined,
    headers: {},
    config_file: vim.fn.stdpath("config") + "/ollama_config.lua",
    data_dir: vim.fn.stdpath("data") + "/ollama",
    retention_days: 30,
    keymaps: { prefix: "<leader>o" },
    picker: "auto",
    chat: { split: "horizontal", size: 0.5, system: undefined, options: { num_ctx: "auto" }, keep_alive: undefined, think: undefined, max_ctx: 32768 },
    update: { concurrency: 2, registry: "https://registry.ollama.ai" },
    timeouts: { connect: 5, stream_idle: 300, request_idle: 30 },
  };
}

type Check = (value: unknown) => boolean;

interface Field {
  expects: string;
  check: Check;
}

const isString: Check = (v) => type(v) === "string";
const isNonEmptyString: Check = (v) => type(v) === "string" && (v as string).length > 0;
const isTable: Check = (v) => type(v) === "table";
const isStringMap: Check = (v) => {
  if (type(v) !== "table") return false;
  for (const [k, val] of pairs(v as LuaTable)) {
    if (type(k) !== "string" || type(val) !== "string") return false;
  }
  return true;
};
const oneOf = (...values: string[]): Check => (v) => values.includes(v as string);
const isInteger = (min: number): Check => (v) => type(v) === "number" && (v as number) >= min && math.floor(v as number) === v;

const isNumCtx: Check = (v) => v === undefined || v === "auto" || isInteger(1)(v);

const FIELDS: { [path: string]: Field } = {
  host: { expects: "a URL such as http://127.0.0.1:11434", check: isNonEmptyString },
  headers: { expects: "a table of header names to string values", check: isStringMap },
  config_file: { expects: "a file path", check: isNonEmptyString },
  data_dir: { expects: "a directory path", check: isNonEmptyString },
  retention_days: { expects: "a whole number of days, 0 to keep all", check: isInteger(0) },
  keymaps: { expects: "true, false or a table", check: (v) => type(v) === "boolean" || isTable(v) },
  picker: { expects: '"auto", "tmux", "fzf" or "select"', check: oneOf("auto", "tmux", "fzf", "select") },
  chat: { expects: "a table", check: isTable },
  "chat.split": { expects: '"horizontal" or "vertical"', check: oneOf("horizontal", "vertical") },
  "chat.size": { expects: "a number between 0.1 and 0.9", check: (v) => type(v) === "number" && (v as number) >= 0.1 && (v as number) <= 0.9 },
  "chat.system": { expects: "a string", check: isString },
  "chat.options": { expects: 'a table of Ollama model options (num_ctx a number or "auto")', check: (v) => isTable(v) && isNumCtx((v as LuaTable).get("num_ctx")) },
  "chat.max_ctx": { expects: "a whole number of tokens, at least 4096", check: isInteger(4096) },
  "chat.keep_alive": { expects: 'a duration string ("5m") or a number of seconds', check: (v) => type(v) === "string" || type(v) === "number" },
  "chat.think": { expects: 'true, false, "low", "medium" or "high"', check: (v) => type(v) === "boolean" || oneOf("low", "medium", "high")(v) },
  update: { expects: "a table", check: isTable },
  "update.concurrency": { expects: "a whole number from 1 to 16", check: (v) => isInteger(1)(v) && (v as number) <= 16 },
  timeouts: { expects: "a table", check: isTable },
  "timeouts.connect": { expects: "a number of seconds above 0", check: (v) => type(v) === "number" && (v as number) > 0 },
  "timeouts.stream_idle": { expects: "a number of seconds above 0", check: (v) => type(v) === "number" && (v as number) > 0 },
  "timeouts.request_idle": { expects: "a number of seconds above 0", check: (v) => type(v) === "number" && (v as number) > 0 },
  "update.registry": { expects: "a URL such as https://registry.ollama.ai", check: (v) => isNonEmptyString(v) && ((v as string).startsWith("http://") || (v as string).startsWith("https://")) },
};

let current: Config = defaults();

export function get(): Config {
  return current;
}

function warnOption(path: string, field: Field | undefined, value: unknown): void {
  const what = field === undefined ? "is not an option of ollama-chat" : `expects ${field.expects}, got ${vim.inspect(value)}`;
  notify(`setup(): option \`${path}\` ${what}; using the default.`, vim.log.levels.WARN);
}

function applyKeymaps(target: Config, value: unknown): void {
  if (value === true) {
    target.keymaps = { prefix: "<leader>o" };
    return;
  }
  if (value === false) {
    target.keymaps = false;
    return;
  }
  const keymaps: KeymapConfig = { prefix: "<leader>o" };
  for (const [k, v] of pairs(value as LuaTable)) {
    const key = k as string;
    if (key === "prefix") {
      if (isString(v)) keymaps.prefix = v as string;
      else warnOption("keymaps.prefix", { expects: "a string", check: isString }, v);
    } else if (KEYMAP_ACTIONS[key] === undefined) {
      warnOption(`keymaps.${key}`, undefined, v);
    } else if (v === false || isNonEmptyString(v)) {
      keymaps[key] = v as string | false;
    } else {
      warnOption(`keymaps.${key}`, { expects: "a key sequence or false", check: isString }, v);
    }
  }
  target.keymaps = keymaps;
}

/** Merges user options over the defaults; a wrong option is reported and left at its default. */
export function resolve(opts: unknown): Config {
  const result = defaults();
  if (opts === undefined) return result;
  if (type(opts) !== "table") {
    notify(`setup() expects a table of options, got ${vim.inspect(opts)}; using the defaults.`, vim.log.levels.WARN);
    return result;
  }
  const target = result as unknown as LuaTable;
  for (const [k, v] of pairs(opts as LuaTable)) {
    const key = k as string;
    const field = FIELDS[key];
    if (field === undefined || !field.check(v)) {
      warnOption(key, field, v);
    } else if (key === "keymaps") {
      applyKeymaps(result, v);
    } else if (key === "chat" || key === "update" || key === "timeouts") {
      const section = target.get(key) as LuaTable;
      for (const [sk, sv] of pairs(v as LuaTable)) {
        const path = `${key}.${sk as string}`;
        const sub = FIELDS[path];
        if (sub === undefined || !sub.check(sv)) warnOption(path, sub, sv);
        else section.set(sk, sv);
      }
    } else {
      target.set(key, v);
    }
  }
  return result;
}

export function set(opts: unknown): Config {
  current = resolve(opts);
  return current;
}
