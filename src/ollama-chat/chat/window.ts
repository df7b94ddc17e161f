// The chat pane: a split along the whole editor taking `chat.size` of it, below or to the right.
import type { Layout } from "../config";
import { notify } from "../ui/notify";
import { prepareParser } from "./render";

function setWinOptions(win: number): void {
  const opts: [string, unknown][] = [
    ["wrap", true],
    // Breaking a line of megabytes at word ends costs 85-170 ms a redraw (docs/benchmarks.md).
    ["linebreak", !longLines.has(vim.api.nvim_win_get_buf(win))],
    ["number", false],
    ["relativenumber", false],
    ["signcolumn", "no"],
    ["foldcolumn", "0"],
    ["spell", false],
    ["winfixheight", true],
    ["winfixwidth", true],
  ];
  for (const [name, value] of opts) vim.api.nvim_set_option_value(name, value, { win });
}

/** Opens `buf` in a new split of the whole editor; returns the window. */
export function openSplit(buf: number, layout: Layout, size: number, enter: boolean): number {
  const vertical = layout === "vertical";
  const total = vertical ? vim.o.columns : vim.o.lines - vim.o.cmdheight;
  const extent = math.max(1, math.floor(total * size));
  // win = -1: a split of the whole editor (like :botright), not of the current window.
  const config: KeysetWinConfig = vertical ? { split: "right", win: -1, width: extent } : { split: "below", win: -1, height: extent };
  const win = vim.api.nvim_open_win(buf, enter, config);
  setWinOptions(win);
  return win;
}

/** A window of the current tab showing `buf`, if any. */
export function findWindow(buf: number): number | undefined {
  for (const win of vim.api.nvim_tabpage_list_wins(0)) {
    if (vim.api.nvim_win_get_buf(win) === buf) return win;
  }
  return undefined;
}

/** Hides the window; its buffer (bufhidden=hide) and everything in it stay. */
export function hide(win: number): void {
  if (!vim.api.nvim_win_is_valid(win)) return;
  if (vim.api.nvim_list_wins().length === 1) {
    // The last window cannot close: show another buffer in it instead.
    vim.api.nvim_win_call(win, () => vim.cmd("enew"));
    return;
  }
  vim.api.nvim_win_hide(win);
}

/**
 * Marks `buf` as markdown. A broken markdown ftplugin or parser in the user's setup must not
 * break the chat: the error is reported and the buffer stays plain text.
 */
export function setMarkdown(buf: number): void {
  prepareParser(buf);
  const [ok, err] = pcall(vim.api.nvim_set_option_value, "filetype", "markdown", { buf });
  if (!ok) {
    vim.notify(`ollama-chat: markdown support failed for the chat, shown as plain text: ${tostring(err)}`, vim.log.levels.WARN);
  }
}

/**
 * A line longer than this (bytes) turns a chat's highlighting off. Tree-sitter parses such a line
 * in steps its timeout cannot cut (an 8 MB line: the markdown parse 180 ms, the inline one 100 ms,
 * docs/benchmarks.md), and Vim's markdown syntax, its fallback, is slower still (600 ms a redraw).
 */
export const LONG_LINE = 256 * 1024;

/**
 * Neovim 0.10 parses a chat's whole document (every injection) synchronously: on a change, and
 * once a reply's parse is released. A chat larger than this (bytes) is shown plain there: a 10 MB
 * chat blocked 440 ms after its reply and 6 s when loaded (docs/benchmarks.md). 0.11+ parses
 * what is shown, asynchronously.
 */
export const LARGE_ON_010 = 1024 * 1024;
const SYNC_PARSE = vim.fn.has("nvim-0.11") === 0;

/** The chat buffers shown plain, and those of them with a line over LONG_LINE. */
const plain = new LuaSet<number>();
const longLines = new LuaSet<number>();

/** Why `lines` are shown plain, if they are, and whether one is longer than LONG_LINE. */
function tooBig(lines: string[]): { why: string | undefined; longLine: boolean } {
  let longest = 0;
  let total = 0;
  for (const l of lines) {
    if (l.length > longest) longest = l.length;
    total += l.length + 1;
  }
  if (longest > LONG_LINE) return { why: `it holds a line of ${mb(longest)}, too long to highlight without freezing the editor`, longLine: true };
  return { why: SYNC_PARSE && total > LARGE_ON_010 ? largeOn010(total) : undefined, longLine: false };
}

function mb(bytes: number): string {
  return `${string.format("%.1f", bytes / 1048576)} MB`;
}

function largeOn010(bytes: number): string {
  return `at ${mb(bytes)} it is too large for Neovim 0.10 to highlight without freezing the editor (0.11 and later can)`;
}

/** Records whether `buf` has a line over LONG_LINE; the windows showing it break lines or not. */
function setLongLines(buf: number, long: boolean): void {
  if (long === longLines.has(buf)) return;
  if (long) {
    forgetOnWipe(buf);
    longLines.add(buf);
  } else longLines.delete(buf);
  for (const win of vim.fn.win_findbuf(buf)) {
    if (vim.api.nvim_get_option_value("linebreak", { win }) === long) vim.api.nvim_set_option_value("linebreak", !long, { win });
  }
}

function showPlain(buf: number, why: string): void {
  if (plain.has(buf)) return;
  forgetOnWipe(buf);
  plain.add(buf);
  if (vim.api.nvim_get_option_value("filetype", { buf }) === "markdown") {
    pcall((vim as any).treesitter.stop, buf);
    vim.api.nvim_set_option_value("syntax", "OFF", { buf });
  }
  notify(`this chat is shown without highlighting: ${why}`);
}

/** The buffers wiped are forgotten (one autocmd per buffer, made when it is first marked). */
const watched = new LuaSet<number>();
function forgetOnWipe(buf: number): void {
  if (watched.has(buf)) return;
  watched.add(buf);
  vim.api.nvim_create_autocmd("BufWipeout", { buffer: buf, once: true, callback: () => {
    watched.delete(buf);
    plain.delete(buf);
    longLines.delete(buf);
  } });
}

/**
 * `buf` now holds `lines`: markdown (highlighted), or plain text (told once) when a line is longer
 * than LONG_LINE (or, on Neovim 0.10, the chat is larger than LARGE_ON_010); highlighted again
 * once it no longer is.
 */
export function highlightUnlessLong(buf: number, lines: string[]): void {
  const { why, longLine } = tooBig(lines);
  setLongLines(buf, longLine);
  if (why !== undefined) return showPlain(buf, why);
  const markdown = vim.api.nvim_get_option_value("filetype", { buf }) === "markdown";
  if (!markdown || plain.has(buf)) setMarkdown(buf);
  plain.delete(buf);
}

/** A reply grew the chat in `buf`: on Neovim 0.10, past LARGE_ON_010 it is shown plain from now on. */
export function plainIfLarge(buf: number | undefined): void {
  if (!SYNC_PARSE || buf === undefined || !vim.api.nvim_buf_is_valid(buf) || plain.has(buf)) return;
  const bytes = vim.api.nvim_buf_get_offset(buf, vim.api.nvim_buf_line_count(buf));
  if (bytes > LARGE_ON_010) showPlain(buf, largeOn010(bytes));
}
