// The chat buffer's code helpers: `yc` yanks the code block under the cursor (without its
// fences), and the buffer's omnifunc completes chat variables (`#buf<C-x><C-o>`).
import * as blocks from "../code/blocks";
import type { Block } from "../code/blocks";
import * as transcript from "../format/transcript";
import { notify } from "../ui/notify";
import * as variables from "./variables";

/** The code block of the chat buffer at 0-based line `row` (the thinking block is not code). */
export function blockAt(buf: number, row: number): Block | undefined {
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  const block = blocks.at(blocks.find(lines, transcript.isHeading), row);
  return block === undefined ? undefined : blocks.chatCode(lines, block);
}

/** `yc`: the block under the cursor into the register named before it (default: unnamed). */
function yank(buf: number): void {
  const block = blockAt(buf, vim.api.nvim_win_get_cursor(0)[0] - 1);
  if (block === undefined) {
    notify("no code block under the cursor", vim.log.levels.WARN);
    return;
  }
  const reg = vim.api.nvim_get_vvar("register") as string;
  vim.fn.setreg(reg, block.lines, "l");
  notify(`yanked the ${block.lang !== "" ? block.lang + " " : ""}code block (${block.lines.length} line${block.lines.length === 1 ? "" : "s"})${reg !== '"' ? ` into register ${reg}` : ""}`);
}

/**
 * The chat buffer's 'omnifunc': the start of the `#word` before the cursor, then the variables
 * (and their arguments: buffer names, file paths) that complete it.
 */
export function omnifunc(this: void, findstart: number, base: string): number | { word: string; menu: string }[] {
  if (findstart === 1) {
    const line = vim.api.nvim_get_current_line();
    const col = vim.api.nvim_win_get_cursor(0)[1];
    const before = string.sub(line, 1, col);
    const [start] = string.find(before, "#[%a]*:?%S*$");
    // -3: nothing to complete here, leave completion mode quietly.
    return start === undefined ? -3 : start - 1;
  }
  return variables.complete(base);
}

/** Binds `yc` and the omnifunc in a conversation's buffer. */
export function attach(buf: number): void {
  vim.keymap.set("n", "yc", () => yank(buf), { buffer: buf, desc: "Ollama: yank the code block under the cursor", nowait: true, silent: true });
  vim.api.nvim_set_option_value("omnifunc", "v:lua.require'ollama-chat.chat.codekeys'.omnifunc", { buf });
}
