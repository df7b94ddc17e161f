// The model manager's buffer, in its own tab: the lines rows.ts makes, written in place (only the
// lines that changed), the cursor kept on the same model when rows come and go, key hints in the
// window bar and all keys on g?. It knows nothing of Ollama: the manager gives it lines and keys.
import * as highlights from "../highlights";
import { notify } from "../ui/notify";
import { sameTexts, viewBuffer, writeLines } from "../ui/lines";
import { KEYS, footer, type Line } from "./rows";

const BUF_NAME = "ollama-chat://models";
const NS = vim.api.nvim_create_namespace("ollama-chat-models");

highlights.setup();

/** What the view's keys do (the model under the cursor is passed where there is one). */
/** @noSelf */
export interface ViewKeys {
  chat: (name: string) => void;
  delete: (name: string) => void;
  update: (name: string) => void;
  update_all: () => void;
  copy: (name: string) => void;
  load: (name: string) => void;
  unload: (name: string) => void;
  details: (name: string) => void;
  pull: () => void;
  refresh: () => void;
}

/** @noSelf */
export interface ViewHooks {
  /** The view became visible (opened, or its tab entered again). */
  on_shown: () => void;
}

const state = {
  buf: undefined as number | undefined,
  shown: [] as string[],
  /** Model names in row order, and the line index of the first row. */
  names: [] as string[],
  rowStart: 0,
  hooks: undefined as ViewHooks | undefined,
};

function bufValid(): boolean {
  return state.buf !== undefined && vim.api.nvim_buf_is_valid(state.buf);
}

/** The view's buffer, if it exists. */
export function buffer(): number | undefined {
  return bufValid() ? state.buf : undefined;
}

/** A window showing the view, preferring the current tab's. */
function window(): number | undefined {
  if (!bufValid()) return undefined;
  const wins = vim.fn.win_findbuf(state.buf!);
  const tab = vim.api.nvim_get_current_tabpage();
  for (const w of wins) if (vim.api.nvim_win_get_tabpage(w) === tab) return w;
  return wins[0];
}

/** Shown in a window of the current tab (a view in another tab is hidden). */
export function isVisible(): boolean {
  const w = window();
  return w !== undefined && vim.api.nvim_win_get_tabpage(w) === vim.api.nvim_get_current_tabpage();
}

/** The model on the cursor's line, if it is on a row. */
export function modelAtCursor(): string | undefined {
  const w = window();
  if (w === undefined) return undefined;
  const [row] = vim.api.nvim_win_get_cursor(w);
  return state.names[row - 1 - state.rowStart];
}

function withModel(key: (this: void, name: string) => void): () => void {
  return () => {
    const name = modelAtCursor();
    if (name === undefined) notify("put the cursor on a model's line first", vim.log.levels.WARN);
    else key(name);
  };
}

function setKeymaps(buf: number, keys: ViewKeys): void {
  const map = (lhs: string, fn: (this: void) => void, desc: string) =>
    vim.keymap.set("n", lhs, fn, { buffer: buf, desc: `Ollama models: ${desc}`, nowait: true, silent: true });
  const actions: { [key: string]: (this: void) => void } = {
    "<CR>": withModel(keys.chat),
    d: withModel(keys.delete),
    u: withModel(keys.update),
    U: () => keys.update_all(),
    c: withModel(keys.copy),
    l: withModel(keys.load),
    x: withModel(keys.unload),
    K: withModel(keys.details),
    p: () => keys.pull(),
    R: () => keys.refresh(),
    "g?": () => showHelp(),
    q: () => close(),
  };
  for (const [key, desc] of KEYS) map(key, actions[key], desc);
}

function createBuffer(keys: ViewKeys): number {
  const buf = viewBuffer(BUF_NAME, "ollama-models");
  setKeymaps(buf, keys);
  const group = vim.api.nvim_create_augroup("ollama-chat-models-view", { clear: true });
  // Entering the view again (its tab, or its buffer in a window) refreshes it and resumes polling.
  vim.api.nvim_create_autocmd(["BufWinEnter", "BufEnter"], { group, buffer: buf, callback: () => state.hooks?.on_shown() });
  vim.api.nvim_create_autocmd("TabEnter", {
    group,
    callback: () => {
      if (isVisible()) state.hooks?.on_shown();
    },
  });
  vim.api.nvim_create_autocmd("BufWipeout", {
    group,
    buffer: buf,
    callback: () => {
      state.buf = undefined;
      state.shown = [];
      state.names = [];
    },
  });
  return buf;
}

function setWinOptions(win: number): void {
  const opts: [string, unknown][] = [
    ["wrap", false],
    ["number", false],
    ["relativenumber", false],
    ["signcolumn", "no"],
    ["foldcolumn", "0"],
    ["spell", false],
    ["list", false],
    ["cursorline", true],
    ["winbar", footer()],
  ];
  for (const [name, value] of opts) vim.api.nvim_set_option_value(name, value, { win });
}

/** Opens the view in its own tab (or goes to the tab showing it); `keys` are bound once. */
export function open(keys: ViewKeys, hooks: ViewHooks): void {
  state.hooks = hooks;
  if (!bufValid()) {
    state.buf = createBuffer(keys);
    state.shown = [];
  }
  const existing = window();
  if (existing !== undefined) {
    vim.api.nvim_set_current_win(existing);
    return;
  }
  vim.cmd(`tab sbuffer ${state.buf!}`);
  setWinOptions(vim.api.nvim_get_current_win());
}

/** Closes the view's windows (its tab when it has it alone); the buffer stays for next time. */
export function close(): void {
  if (!bufValid()) return;
  for (const w of vim.fn.win_findbuf(state.buf!)) {
    if (!vim.api.nvim_win_is_valid(w)) {
      // already closed
    } else if (vim.api.nvim_list_wins().length === 1) vim.api.nvim_win_call(w, () => vim.cmd("enew"));
    else vim.api.nvim_win_close(w, true);
  }
}

/** Where each window's cursor is, as the model it is on (or the line, above the rows). */
interface CursorMark {
  win: number;
  line: number;
  model?: string;
  index: number;
}

function cursorMarks(buf: number): CursorMark[] {
  const marks: CursorMark[] = [];
  for (const win of vim.fn.win_findbuf(buf)) {
    const [line] = vim.api.nvim_win_get_cursor(win);
    const index = line - 1 - state.rowStart;
    marks.push({ win, line, model: state.names[index], index });
  }
  return marks;
}

function cursorLine(m: CursorMark, names: string[], rowStart: number): number {
  if (m.model === undefined) return m.line;
  const at = names.indexOf(m.model);
  // A model that went away: the row that took its place, or the last one.
  const index = at >= 0 ? at : math.min(m.index, names.length - 1);
  return index >= 0 ? rowStart + index + 1 : rowStart;
}

function restoreCursors(marks: CursorMark[], names: string[], rowStart: number, lineCount: number): void {
  for (const m of marks) {
    if (vim.api.nvim_win_is_valid(m.win)) {
      const line = cursorLine(m, names, rowStart);
      vim.api.nvim_win_set_cursor(m.win, [math.max(1, math.min(line, lineCount)), 0]);
    }
  }
}

/**
 * Shows `lines` (rows of `names` from `rowStart` on). When the same models are listed in the same
 * order only the lines that changed are written; otherwise the whole text, and each cursor goes
 * back to the model it was on.
 */
export function render(lines: Line[], names: string[], rowStart: number): void {
  if (!bufValid()) return;
  const buf = state.buf!;
  const whole = state.shown.length !== lines.length || state.rowStart !== rowStart || !sameTexts(state.names, names);
  const marks = whole ? cursorMarks(buf) : [];
  state.shown = writeLines(buf, NS, whole ? [] : state.shown, lines);
  if (whole) {
    restoreCursors(marks, names, rowStart, lines.length);
    state.names = names;
    state.rowStart = rowStart;
  }
}

/** Moves the cursor to `name`'s row (after a copy, say). */
export function focusModel(name: string): void {
  const w = window();
  const at = state.names.indexOf(name);
  if (w !== undefined && at >= 0) vim.api.nvim_win_set_cursor(w, [state.rowStart + at + 1, 0]);
}

/** g?: every key and what it does, in a float closed by any key. */
function showHelp(): void {
  const lines: string[] = [" Keys in the model list", ""];
  for (const [key, desc] of KEYS) lines.push(`  ${key}${string.rep(" ", 6 - key.length)}${desc}`);
  let width = 0;
  for (const l of lines) width = math.max(width, vim.fn.strdisplaywidth(l) + 2);
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines);
  vim.api.nvim_set_option_value("modifiable", false, { buf });
  vim.api.nvim_set_option_value("bufhidden", "wipe", { buf });
  const win = vim.api.nvim_open_win(buf, true, {
    relative: "editor",
    row: math.max(0, math.floor((vim.o.lines - lines.length) / 2) - 1),
    col: math.max(0, math.floor((vim.o.columns - width) / 2)),
    width: math.min(width, vim.o.columns),
    height: lines.length,
    border: "rounded",
    style: "minimal",
    title: " Ollama models ",
  });
  for (const key of ["q", "<Esc>", "g?", "<CR>"]) {
    vim.keymap.set("n", key, () => {
      if (vim.api.nvim_win_is_valid(win)) vim.api.nvim_win_close(win, true);
    }, { buffer: buf, nowait: true, silent: true });
  }
}
