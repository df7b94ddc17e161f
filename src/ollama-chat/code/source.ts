// Code taken from a buffer to show a model: its lines in a fence, under a line naming the file,
// its filetype and the lines (what `ask` sends and what `#buffer`/`#selection` expand to).
import { fenced } from "../format/fence";

/** The file name as the user sees it ("[No Name]" for none). */
export function displayName(buf: number): string {
  const name = vim.api.nvim_buf_get_name(buf);
  return name === "" ? "[No Name]" : vim.fn.fnamemodify(name, ":~:.");
}

/** "File: src/x.lua (lua), lines 2-3 of 10" (or "all 10 lines"). */
export function describe(buf: number, first: number, last: number): string {
  const total = vim.api.nvim_buf_line_count(buf);
  const ft = vim.api.nvim_get_option_value("filetype", { buf }) as string;
  const where = first === 1 && last === total ? `all ${total} lines` : `lines ${first}-${last} of ${total}`;
  return `File: ${displayName(buf)}${ft !== "" ? ` (${ft})` : ""}, ${where}`;
}

/** Lines first..last (1-based, inclusive) of `buf`, fenced under their description. */
export function block(buf: number, first: number, last: number): string {
  const ft = vim.api.nvim_get_option_value("filetype", { buf }) as string;
  return fenced(describe(buf, first, last), ft, vim.api.nvim_buf_get_lines(buf, first - 1, last, false));
}

/** The lines a command works on: `range` clamped to the buffer, else all of it (1-based, inclusive). */
export function lineRange(buf: number, range: [number, number] | undefined): { first: number; last: number; label: string } {
  const total = vim.api.nvim_buf_line_count(buf);
  const first = math.max(1, math.min(range?.[0] ?? 1, total));
  const last = math.max(first, math.min(range?.[1] ?? total, total));
  return { first, last, label: first === 1 && last === total ? "the buffer" : `lines ${first}-${last}` };
}

/** `go` with the text given (trimmed), else with what the user types at `prompt` (nothing: nothing). */
export function withText(text: string | undefined, prompt: string, go: (this: void, text: string) => void): void {
  if (text !== undefined && vim.trim(text) !== "") return go(vim.trim(text));
  vim.ui.input({ prompt }, (input) => {
    if (input === undefined || vim.trim(input) === "") return;
    go(vim.trim(input));
  });
}
