// Options: the defaults and validation come from the schema (schema.ts: one entry per option); a
// wrong option gets one clear message and falls back to its default. Every module reads the merged
// configuration through `get()`.
import { keys } from "ollama-chat.keys";
import { OPTIONS, defaultOf, find } from "./schema";
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
    /** The largest context window `num_ctx = "auto"` asks for. */
    max_ctx: number;
    /** Fold a reply's thinking block once the reply ends. */
    fold_thinking: boolean;
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

/** The defaults, from the schema: a fresh table each call. */
export function defaults(): Config {
  const result = new LuaTable();
  for (const option of OPTIONS) {
    const [group, name] = string.match(option.path, "^([^.]+)%.(.+)$");
    if (group === undefined) result.set(option.path, option.group === true ? {} : defaultOf(option));
    else (result.get(group) as LuaTable).set(name, defaultOf(option));
  }
  return result as unknown as Config;
}

let current: Config = defaults();

export function get(): Config {
  return current;
}

/** What an option check needs: the schema's entries and the keymaps' own rules alike. */
interface Expectation {
  expects: string;
}

function warnOption(path: string, field: Expectation | undefined, value: unknown): void {
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
      if (type(v) === "string") keymaps.prefix = v as string;
      else warnOption("keymaps.prefix", { expects: "a string" }, v);
    } else if (KEYMAP_ACTIONS[key] === undefined) {
      warnOption(`keymaps.${key}`, undefined, v);
    } else if (v === false || (type(v) === "string" && (v as string) !== "")) {
      keymaps[key] = v as string | false;
    } else {
      warnOption(`keymaps.${key}`, { expects: "a key sequence or false" }, v);
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
    const option = find(key);
    if (option === undefined || !option.check(v)) {
      warnOption(key, option, v);
    } else if (key === "keymaps") {
      applyKeymaps(result, v);
    } else if (option.group === true) {
      const section = target.get(key) as LuaTable;
      for (const [sk, sv] of pairs(v as LuaTable)) {
        const path = `${key}.${sk as string}`;
        const sub = find(path);
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
