// <Plug>(ollama-chat-<action>) mappings for every action, and the default keymaps (prefix ..
// suffix) that point at them. Each action runs an :Ollama subcommand, so keymaps, commands and
// the API share one path. A key the user mapped is never taken over.
import * as config from "./config";

interface Action {
  desc: string;
  /** The :Ollama subcommand (with its arguments) the action runs. */
  command: string;
  /** Also mapped in visual mode, where it runs on the selected lines. */
  visual?: boolean;
}

const ACTIONS: { [action: string]: Action } = {
  default_model: { desc: "Set the default model", command: "model" },
  open: { desc: "Open the chat with the default model", command: "open" },
  switch_model: { desc: "Switch the model of the open chat", command: "switch" },
  toggle: { desc: "Toggle the chat pane", command: "toggle" },
  close: { desc: "Close the chat session", command: "close" },
  horizontal: { desc: "Chat in a horizontal split", command: "layout horizontal" },
  vertical: { desc: "Chat in a vertical split", command: "layout vertical" },
  save: { desc: "Save the chat under a name", command: "save" },
  load: { desc: "Load a saved chat", command: "load" },
  clear: { desc: "Delete all saved chats", command: "clear" },
  ask: { desc: "Ask about the buffer or the selection", command: "ask", visual: true },
  update: { desc: "Update all models", command: "update" },
};

/** A mapping this module made: removed again when the configuration drops or moves it. */
interface Made {
  mode: string;
  lhs: string;
  rhs: string;
}

let made: Made[] = [];

export function plug(this: void, action: string): string {
  return `<Plug>(ollama-chat-${action})`;
}

function describe(action: string): string {
  return `Ollama: ${ACTIONS[action].desc}`;
}

function actionNames(): string[] {
  const names: string[] = [];
  for (const [name] of pairs(config.KEYMAP_ACTIONS)) names.push(name as string);
  return names;
}

function modesOf(action: string): string[] {
  return ACTIONS[action].visual === true ? ["n", "x"] : ["n"];
}

function definePlug(action: string, lhs: string): void {
  const spec = ACTIONS[action];
  const opts: KeymapSetOpts = { desc: describe(action), silent: true };
  vim.keymap.set("n", lhs, `<Cmd>Ollama ${spec.command}<CR>`, opts);
  // ":" in visual mode leaves it and sets the '< and '> marks the range names.
  if (spec.visual === true) vim.keymap.set("x", lhs, `:<C-U>'<,'>Ollama ${spec.command}<CR>`, opts);
}

/** Defines <Plug>(ollama-chat-<action>) for every action (also spelled with "-" for "_"). */
function definePlugs(): void {
  for (const action of actionNames()) {
    if (ACTIONS[action] !== undefined) {
      definePlug(action, plug(action));
      const dashed = string.gsub(action, "_", "-")[0];
      if (dashed !== action) definePlug(action, plug(dashed));
    }
  }
}

/** The global mapping at `lhs`, if any. */
function mappingAt(mode: string, lhs: string): MapInfo | undefined {
  const info = vim.fn.maparg(lhs, mode, false, true);
  return info.lhs === undefined ? undefined : info;
}

function removeMade(): void {
  for (const m of made) {
    if (mappingAt(m.mode, m.lhs)?.rhs === m.rhs) vim.keymap.del(m.mode, m.lhs);
  }
  made = [];
}

/** Maps `lhs` to the action's <Plug> unless it is taken (this module's own were removed first). */
function mapUnlessTaken(mode: string, lhs: string, action: string): void {
  if (mappingAt(mode, lhs) !== undefined) return;
  const rhs = plug(action);
  vim.keymap.set(mode, lhs, rhs, { desc: describe(action), silent: true, remap: true });
  // Remembered as Neovim spelled it, so a later change of mapleader still finds it.
  made.push({ mode, lhs: mappingAt(mode, lhs)?.lhs ?? lhs, rhs });
}

function lhsOf(keymaps: config.KeymapConfig, action: string): string | false {
  const override = keymaps[action];
  if (override !== undefined) return override;
  return keymaps.prefix + config.KEYMAP_ACTIONS[action];
}

/** Sets the default keymaps the configuration asks for, replacing the ones set before. */
export function apply(this: void): void {
  definePlugs();
  removeMade();
  const keymaps = config.get().keymaps;
  if (keymaps === false) return;
  for (const action of actionNames()) {
    const lhs = lhsOf(keymaps, action);
    if (lhs !== false && ACTIONS[action] !== undefined) {
      for (const mode of modesOf(action)) mapUnlessTaken(mode, lhs, action);
    }
  }
}
