// The chat pane: a split along the whole editor taking `chat.size` of it, below or to the right.
import type { Layout } from "../config";
import { prepareParser } from "./render";

function setWinOptions(win: number): void {
  const opts: [string, unknown][] = [
    ["wrap", true],
    ["linebreak", true],
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
