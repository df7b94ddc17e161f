// A conversation's buffer: an ordinary editable markdown buffer with its keys (send, stop) and
// its `:w` (save the chat) bound to whichever conversation owns it. It is never a file: `acwrite`
// makes `:w`, `:write` and `:update` run BufWriteCmd (a "nofile" buffer refuses them, E382), and
// 'modified' says whether the chat has changes not yet in the chats folder. The chat pane's is named BUF_NAME; a conversation
// beside it (its buffer not shown) gets BUF_NAME/<n>.
import * as fs from "../store/fs";
import { notify } from "../ui/notify";
import { inline, oneLine } from "../ui/text";
import * as window from "./window";

export const BUF_NAME = "ollama-chat://chat";

/** Whether `buf` is a conversation's buffer (not a code buffer one can ask about). */
export function isChatBuffer(buf: number): boolean {
  const name = vim.api.nvim_buf_get_name(buf);
  return name === BUF_NAME || vim.startswith(name, `${BUF_NAME}/`);
}

/** BUF_NAME when no buffer has it, else the first free BUF_NAME/<n>. */
function freeName(): string {
  const taken = new LuaSet<string>();
  for (const b of vim.api.nvim_list_bufs()) taken.add(vim.api.nvim_buf_get_name(b));
  let name = BUF_NAME;
  for (let n = 2; taken.has(name); n++) name = `${BUF_NAME}/${n}`;
  return name;
}

/** What the buffer's keys and its wipeout do, for the conversation that owns it. */
/** @noSelf */
export interface Owner {
  send: () => void;
  stop: () => void;
  /** The buffer was wiped: the conversation keeps its messages and rebuilds it when shown. */
  wiped: (buf: number) => void;
  /** `:w` in the buffer: save the conversation (asking a name the first time). */
  write: () => void;
}

/** Creates a conversation's buffer holding `lines` (not an undoable edit). */
export function create(lines: string[]): number {
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_set_name(buf, freeName());
  vim.api.nvim_set_option_value("buftype", "acwrite", { buf });
  vim.api.nvim_set_option_value("bufhidden", "hide", { buf });
  vim.api.nvim_set_option_value("swapfile", false, { buf });
  window.setMarkdown(buf);
  // The initial text is not an edit the user can undo.
  const undolevels = vim.api.nvim_get_option_value("undolevels", { buf });
  vim.api.nvim_set_option_value("undolevels", -1, { buf });
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines);
  vim.api.nvim_set_option_value("undolevels", undolevels, { buf });
  window.highlightUnlessLong(buf, lines);
  return buf;
}

/** Binds the buffer's keys and wipeout to `owner`, replacing a previous owner's. */
export function attach(buf: number, owner: Owner): void {
  const opts = (desc: string): KeymapSetOpts => ({ buffer: buf, desc, nowait: true, silent: true });
  vim.keymap.set("n", "<CR>", () => owner.send(), opts("Ollama: send the message"));
  vim.keymap.set(["n", "i"], "<C-s>", () => {
    vim.cmd("stopinsert");
    owner.send();
  }, opts("Ollama: send the message"));
  vim.keymap.set(["n", "i"], "<C-c>", () => owner.stop(), opts("Ollama: stop the reply"));
  const group = vim.api.nvim_create_augroup(`ollama-chat-buffer-${buf}`, { clear: true });
  vim.api.nvim_create_autocmd("BufWipeout", { group, buffer: buf, once: true, callback: () => owner.wiped(buf) });
  vim.api.nvim_create_autocmd("BufWriteCmd", {
    group,
    buffer: buf,
    callback: (args: { file: string }) => {
      // `:w notes.md` writes the chat's text to that file, as Vim would; `:w` saves the chat.
      // Scheduled: the prompt and messages come after the autocommand, not as its "Error in
      // BufWriteCmd" output.
      const file = args.file;
      vim.schedule(() => {
        if (!vim.api.nvim_buf_is_valid(buf)) return;
        if (file !== "" && file !== vim.api.nvim_buf_get_name(buf)) writeCopy(buf, file);
        else owner.write();
      });
    },
  });
  // What the new owner was given is its conversation as it stands: nothing unsaved yet.
  markSaved(buf);
}

/** The chat's text written to `file` (`:w {file}`); the chat itself stays unsaved if it was. */
function writeCopy(buf: number, file: string): void {
  const path = vim.fn.fnamemodify(file, ":p");
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  // Written in the background (temp file, then rename), as the chats folder is.
  fs.writeFileAtomic(path, table.concat(lines, "\n") + "\n", (err) => {
    if (err !== undefined) return notify(`could not write ${inline(file)}: ${oneLine(err)}`, vim.log.levels.ERROR);
    notify(`the chat's text is written to ${inline(vim.fn.fnamemodify(path, ":~:."))} (${lines.length} lines); :w alone saves the chat`);
  });
}

/** Clears 'modified' (the chat is in the chats folder); edits set it again. */
export function markSaved(buf: number): void {
  if (vim.api.nvim_buf_is_valid(buf)) vim.api.nvim_set_option_value("modified", false, { buf });
}

/** Deletes the buffer; a window left alone with it shows an empty buffer instead. */
export function destroy(buf: number): void {
  if (!vim.api.nvim_buf_is_valid(buf)) return;
  const win = window.findWindow(buf);
  if (win !== undefined && vim.api.nvim_list_wins().length === 1) vim.api.nvim_win_call(win, () => vim.cmd("enew"));
  vim.api.nvim_buf_delete(buf, { force: true });
}
