// <Plug>(ollama-chat-<action>) mappings for every key of the action table, and the default keymaps
// (prefix .. suffix) that point at them. They come from keys.lua, generated from actions.ts, so
// plugin/ loads neither the actions nor the runtime helpers (keep this file free of them: a spec
// checks). A <Plug> mapping runs its action as a Lua callback; a key the user mapped is never taken
// over.
import type * as ActionsModule from "./actions";
import type { KeymapConfig } from "./config";
import { keys, prefix } from "ollama-chat.keys";
import type { Key } from "ollama-chat.keys";

// Not through lazy.ts: one module fewer to find at startup. A variable keeps tstl from resolving it.
const ACTIONS_MODULE = "ollama-chat.actions";
const actions = () => require(ACTIONS_MODULE) as typeof ActionsModule;

/** A mapping this module made: removed again when the configuration drops or moves it. */
interface Made {
  mode: string;
  lhs: string;
  rhs: string;
}

let made: Made[] = [];
/** What setup() asked for last; until then plugin/ applies the defaults. */
let configured: KeymapConfig | false | undefined;

export function plug(this: void, name: string): string {
  return "<Plug>(ollama-chat-" + name + ")";
}

function definePlug(key: Key, lhs: string): void {
  for (const mode of key.modes) {
    const callback = () => actions().press(key.plug, mode);
    vim.api.nvim_set_keymap(mode, lhs, "", { desc: key.desc, silent: true, noremap: true, callback });
  }
}

/** Defines <Plug>(ollama-chat-<name>) for every key (also spelled with "-" for "_"). */
function definePlugs(): void {
  for (const key of keys) {
    definePlug(key, plug(key.plug));
    const dashed = string.gsub(key.plug, "_", "-")[0];
    if (dashed !== key.plug) definePlug(key, plug(dashed));
  }
}

// Startup pays for every call here: maparg() without its dict (a Lua callback reads "<Lua 12>",
// nothing reads ""), and no second lookup to learn how Neovim spells what was mapped.

/** The rhs of the global mapping at `lhs` ("" when there is none). */
function rhsAt(mode: string, lhs: string): string {
  return vim.api.nvim_call_function("maparg", [lhs, mode]) as string;
}

interface Leaders {
  leader: string;
  local: string;
}

function currentLeaders(): Leaders {
  const [leader, local] = vim.api.nvim_eval(`[get(g:, "mapleader", "\\\\"), get(g:, "maplocalleader", "\\\\")]`) as string[];
  return { leader, local };
}

/** `lhs` with <Leader> and <LocalLeader> as they are now, so a later change of mapleader still finds it. */
function withLeaders(lhs: string, leaders: Leaders): string {
  const [once] = string.gsub(lhs, "<[Ll][Ee][Aa][Dd][Ee][Rr]>", () => leaders.leader);
  return string.gsub(once, "<[Ll][Oo][Cc][Aa][Ll][Ll][Ee][Aa][Dd][Ee][Rr]>", () => leaders.local)[0];
}

function removeMade(): void {
  for (const m of made) {
    if (rhsAt(m.mode, m.lhs) === m.rhs) vim.api.nvim_del_keymap(m.mode, m.lhs);
  }
  made = [];
}

/** Maps `at` (leaders spelled out) to the key's <Plug> unless it is taken (this module's own were removed first). */
function mapUnlessTaken(mode: string, at: string, key: Key): void {
  if (rhsAt(mode, at) !== "") return;
  const rhs = plug(key.plug);
  vim.api.nvim_set_keymap(mode, at, rhs, { desc: key.desc, silent: true, noremap: false });
  made[made.length] = { mode, lhs: at, rhs };
}

function lhsOf(config: KeymapConfig, key: Key): string | false {
  const override = config[key.plug];
  if (override !== undefined) return override;
  return config.prefix + key.suffix;
}

/** Sets the <Plug> mappings and the default keymaps `config` asks for, replacing earlier ones. */
export function apply(this: void, config: KeymapConfig | false): void {
  configured = config;
  definePlugs();
  removeMade();
  if (config === false) return;
  const leaders = currentLeaders();
  for (const key of keys) {
    const lhs = lhsOf(config, key);
    if (lhs !== false) {
      const at = withLeaders(lhs, leaders);
      for (const mode of key.modes) mapUnlessTaken(mode, at, key);
    }
  }
}

/** plugin/: the defaults, or what setup() asked for when it ran first (from init.lua). */
export function startup(this: void): void {
  apply(configured ?? { prefix });
}
