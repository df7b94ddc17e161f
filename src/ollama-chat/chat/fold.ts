// Folds each reply's thinking block once the reply has ended (`chat.fold_thinking`); `za` opens it.
//
// Why manual folds and not a 'foldexpr': an expression is evaluated again for every line around
// each change, and one that depends on the lines before it (a thinking block has no marker on its
// inner lines) is evaluated back over the whole chat: 43-63 ms per streamed write in a
// 13,000-line chat (docs/benchmarks.md). Manual folds cost nothing while a reply streams. They are
// made in each window showing a chat buffer: for every finished block when the window shows it
// (so a toggled pane and a resumed or loaded chat are folded again), and for the new block when a
// reply ends (the folds the user opened stay open). Undoing a reply deletes its lines and its fold.
import * as config from "../config";
import { THINKING_CLOSE, THINKING_OPEN, thinkingBlocks } from "../format/transcript";

const NS = vim.api.nvim_create_namespace("ollama-chat-fold");

/** Per buffer with a reply streaming: an extmark where that reply begins (no fold from there on). */
const streamingFrom = new LuaMap<number, number>();

const FOLDTEXT = "v:lua.require'ollama-chat.chat.fold'.text()";

/** The buffer each window was last given folds for. */
const folded = new LuaMap<number, number>();

/** Closed folds over `found` in `win` (rows 0-based). */
function foldIn(win: number, found: [number, number][]): void {
  if (found.length === 0) return;
  folded.set(win, vim.api.nvim_win_get_buf(win));
  vim.api.nvim_win_call(win, () => {
    for (const [a, b] of found) vim.cmd(`silent! ${a + 1},${b + 1}fold`);
  });
}

/** What a closed thinking fold shows ('foldtext'): dimmed, with its size and the key that opens it. */
export function text(this: void): [string, string][] {
  const lines = (vim.v as any).foldend - (vim.v as any).foldstart - 1;
  return [[`▸ thinking · ${lines} line${lines === 1 ? "" : "s"} · za opens`, "OllamaChatThinking"]];
}

/** Makes `win` (showing a chat buffer) fold its finished thinking blocks; local to that window. */
function setUp(win: number, buf: number): void {
  if (!config.get().chat.fold_thinking) return;
  const opts = { win, scope: "local" } as const;
  vim.api.nvim_set_option_value("foldmethod", "manual", opts);
  vim.api.nvim_set_option_value("foldtext", FOLDTEXT, opts);
  vim.api.nvim_set_option_value("foldenable", true, opts);
  // The window may have shown the chat before: its folds are made again from the text. (Only
  // then: zE in a window showing a line of megabytes costs 30 ms.)
  if (folded.get(win) === buf) vim.api.nvim_win_call(win, () => vim.cmd("silent! normal! zE"));
  folded.delete(win);
  let lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  const mark = streamingFrom.get(buf);
  if (mark !== undefined) {
    const pos = vim.api.nvim_buf_get_extmark_by_id(buf, NS, mark, {});
    if (pos.length === 2) lines = lines.slice(0, pos[0]);
  }
  foldIn(win, thinkingBlocks(lines));
}

/** Rows read at a time while looking for the end of a reply's thinking block. */
const CHUNK = 2000;

/**
 * The thinking block of the reply that begins at row `start`: it can only come right after the
 * reply's heading, so a few rows are read, then the block's own (not the whole reply: 10 MB).
 */
function replyThinking(buf: number, start: number): [number, number][] {
  const head = vim.api.nvim_buf_get_lines(buf, start, start + 6, false);
  let open = -1;
  for (let i = 0; i < head.length && open < 0; i++) if (head[i] === THINKING_OPEN) open = start + i;
  if (open < 0) return [];
  const n = vim.api.nvim_buf_line_count(buf);
  for (let from = open + 1; from < n; from += CHUNK) {
    const chunk = vim.api.nvim_buf_get_lines(buf, from, math.min(n, from + CHUNK), false);
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === THINKING_CLOSE) return [[open, from + i]];
  }
  return [];
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
  if (!config.get().chat.fold_thinking) return;
  const found = replyThinking(buf, start);
  for (const win of vim.fn.win_findbuf(buf)) {
    if (vim.api.nvim_get_option_value("foldtext", { win, scope: "local" }) === FOLDTEXT) foldIn(win, found);
  }
}

/** The chat's text was replaced (a resumed chat taking over the pane): its folds are made again. */
export function refold(this: void, buf: number): void {
  for (const win of vim.fn.win_findbuf(buf)) setUp(win, buf);
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
      // The window the buffer enters (the others showing it keep the folds their user opened).
      const win = vim.api.nvim_get_current_win();
      if (vim.api.nvim_win_get_buf(win) === args.buf) setUp(win, args.buf);
    },
  });
}
