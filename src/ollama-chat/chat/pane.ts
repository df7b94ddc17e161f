// The chat pane: the one split that shows the current conversation, in the layout this instance
// chose, else the persisted preference, else the configured first-run split.
import * as config from "../config";
import type { Layout } from "../config";
import * as prefs from "../store/prefs";
import { notify } from "../ui/notify";
import type { Conversation } from "./conversation";
import * as window from "./window";

/** This instance's choice (set by setLayout). */
let chosen: Layout | undefined;

function layout(): Layout {
  const saved = prefs.get("split_preference");
  return chosen ?? (saved === "horizontal" || saved === "vertical" ? saved : config.get().chat.split);
}

/** The window showing the conversation in the current tab. */
export function windowOf(conversation: Conversation): number | undefined {
  const buf = conversation.validBuffer();
  return buf === undefined ? undefined : window.findWindow(buf);
}

function focusInput(win: number): void {
  const buf = vim.api.nvim_win_get_buf(win);
  vim.api.nvim_win_set_cursor(win, [vim.api.nvim_buf_line_count(buf), 0]);
}

/** Shows the conversation (creating or rebuilding its buffer); `enter` puts the cursor where the user types. */
export function show(conversation: Conversation, enter: boolean): number {
  const buf = conversation.buffer();
  let win = window.findWindow(buf);
  if (win === undefined) win = window.openSplit(buf, layout(), config.get().chat.size, enter);
  else if (enter) vim.api.nvim_set_current_win(win);
  if (enter) focusInput(win);
  return win;
}

/** Hides the conversation's window; its buffer and any reply streaming into it stay. */
export function hide(conversation: Conversation): void {
  const win = windowOf(conversation);
  if (win !== undefined) window.hide(win);
}

/** Remembers the layout for this and future instances and re-splits the pane showing `shown`. */
export function setLayout(l: Layout, shown: Conversation | undefined): void {
  chosen = l;
  const err = prefs.set({ split_preference: l });
  if (err !== undefined) notify(err, vim.log.levels.ERROR);
  if (shown === undefined) return;
  const win = windowOf(shown);
  if (win === undefined) return;
  const cursor = vim.api.nvim_win_get_cursor(win);
  const wasCurrent = vim.api.nvim_get_current_win() === win;
  window.hide(win);
  const newWin = show(shown, wasCurrent);
  vim.api.nvim_win_set_cursor(newWin, cursor);
}
