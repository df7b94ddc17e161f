// Folds each reply's thinking block once the reply has ended (`chat.fold_thinking`); `za` opens it.
//
// Why a 'foldexpr' and not manual folds: the folds come from the chat's own text (the thinking
// fence opens a fold, its closing fence ends it), set local to each window showing a chat buffer.
// So they are per window, are there again when the pane is reopened or toggled, and a resumed or
// loaded chat is folded with no extra step; undoing a reply takes its fold with it. 'foldlevel' 0
// closes every new fold. The reply still streaming is kept out of the folds (its block would close
// while the thinking arrives) until it ends; then the folds are recomputed, which keeps the state
// of the folds the user opened and closes only the new one.
import * as config from "../config";
import { THINKING_CLOSE, THINKING_OPEN } from "../format/transcript";

const NS = vim.api.nvim_create_namespace("ollama-chat-fold");

/** Per buffer with a reply streaming: an extmark where that reply begins (no fold from there on). */
const streamingFrom = new LuaMap<number, number>();

const FOLDEXPR = "v:lua.require'ollama-chat.chat.fold'.level(v:lnum)";
const FOLDTEXT = "v:lua.require'ollama-chat.chat.fold'.text()";

/** The fold level of line `lnum` of the current buffer ('foldexpr'): cheap, it runs for every changed line. */
export function level(this: void, lnum: number): string {
  const line = vim.api.nvim_buf_get_lines(0, lnum - 1, lnum, false)[0];
  if (line !== THINKING_OPEN && line !== THINKING_CLOSE) return "=";
  const mark = streamingFrom.get(vim.api.nvim_get_current_buf());
  if (mark !== undefined) {
    const pos = vim.api.nvim_buf_get_extmark_by_id(0, NS, mark, {});
    if (pos.length === 2 && lnum - 1 >= pos[0]) return "=";
  }
  return line === THINKING_OPEN ? ">1" : "<1";
}

/** What a closed thinking fold shows ('foldtext'): dimmed, with its size and the key that opens it. */
export function text(this: void): [string, string][] {
  const lines = (vim.v as any).foldend - (vim.v as any).foldstart - 1;
  return [[`▸ thinking · ${lines} line${lines === 1 ? "" : "s"} · za opens`, "OllamaChatThinking"]];
}

function windowsOf(buf: number): number[] {
  const wins: number[] = [];
  for (const win of vim.api.nvim_list_wins()) if (vim.api.nvim_win_get_buf(win) === buf) wins.push(win);
  return wins;
}

/** Makes `win` (showing a chat buffer) fold thinking blocks; local to that window and buffer. */
function setUp(win: number): void {
  if (!config.get().chat.fold_thinking) return;
  const opts = { win, scope: "local" } as const;
  if (vim.api.nvim_get_option_value("foldexpr", opts) === FOLDEXPR) return;
  vim.api.nvim_set_option_value("foldexpr", FOLDEXPR, opts);
  vim.api.nvim_set_option_value("foldtext", FOLDTEXT, opts);
  vim.api.nvim_set_option_value("foldlevel", 0, opts);
  vim.api.nvim_set_option_value("foldenable", true, opts);
  vim.api.nvim_set_option_value("foldmethod", "expr", opts);
}

/** A reply begins streaming into `buf` at its end: its thinking is not folded until it ends. */
export function replyStarted(this: void, buf: number): void {
  const row = vim.api.nvim_buf_line_count(buf) - 1;
  const col = (vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[0] ?? "").length;
  streamingFrom.set(buf, vim.api.nvim_buf_set_extmark(buf, NS, row, col, { right_gravity: false }));
}

/** The reply in `buf` has ended: its thinking block folds in every window showing the chat. */
export function replyEnded(this: void, buf: number | undefined): void {
  if (buf === undefined) return;
  const mark = streamingFrom.get(buf);
  streamingFrom.delete(buf);
  if (mark === undefined || !vim.api.nvim_buf_is_valid(buf)) return;
  const start = vim.api.nvim_buf_get_extmark_by_id(buf, NS, mark, {})[0] ?? 0;
  vim.api.nvim_buf_del_extmark(buf, NS, mark);
  const lines = vim.api.nvim_buf_get_lines(buf, start, -1, false);
  let fence = -1;
  for (let i = 0; i < lines.length && fence < 0; i++) if (lines[i] === THINKING_OPEN) fence = start + i;
  for (const win of windowsOf(buf)) {
    const opts = { win, scope: "local" } as const;
    // Setting 'foldexpr' again recomputes the folds, keeping the state of those the user opened;
    // a new fold would open like them once the user opened one (Neovim), so the reply's is closed.
    if (vim.api.nvim_get_option_value("foldexpr", opts) === FOLDEXPR) {
      vim.api.nvim_set_option_value("foldexpr", FOLDEXPR, opts);
      if (fence >= 0) vim.api.nvim_win_call(win, () => vim.cmd(`silent! ${fence + 1}foldclose`));
    }
  }
}

let installed = false;

/** Every window that shows a chat buffer (the pane, a loaded chat, a split of either) folds its thinking. */
export function setup(this: void): void {
  if (installed) return;
  installed = true;
  vim.api.nvim_create_autocmd("BufWinEnter", {
    group: vim.api.nvim_create_augroup("ollama-chat-fold", { clear: true }),
    pattern: "ollama-chat://*",
    callback: (args: { buf: number }) => {
      for (const win of windowsOf(args.buf)) setUp(win);
    },
  });
}
