// Asking about code: the current buffer or a range of it goes into the chat as the user's
// message (file, filetype, lines, the code in a fenced block, then the question) and is sent
// through the API like any message: over stdin, never on a command line.
import { notify } from "../ui/notify";
import { isChatBuffer } from "./buffer";
import * as session from "./session";
import * as window from "./window";

export interface AskOpts {
  prompt?: string;
  /** 1-based inclusive line range; the whole buffer when absent. */
  range?: [number, number];
  /** The buffer asked about (default: the current one). */
  buf?: number;
}

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
export function fenceFor(lines: string[]): string {
  let longest = 0;
  for (const line of lines) {
    for (const [run] of string.gmatch(line, "(`+)")) longest = math.max(longest, run.length);
  }
  return string.rep("`", math.max(3, longest + 1));
}

function describe(buf: number, first: number, last: number, total: number): string {
  const name = vim.api.nvim_buf_get_name(buf);
  const file = name === "" ? "[No Name]" : vim.fn.fnamemodify(name, ":~:.");
  const ft = vim.api.nvim_get_option_value("filetype", { buf }) as string;
  const where = first === 1 && last === total ? `all ${total} lines` : `lines ${first}-${last} of ${total}`;
  return `File: ${file}${ft !== "" ? ` (${ft})` : ""}, ${where}`;
}

/** The message sent for `question` about lines first..last of `buf`. */
export function buildMessage(buf: number, first: number, last: number, question: string): string {
  const total = vim.api.nvim_buf_line_count(buf);
  const code = vim.api.nvim_buf_get_lines(buf, first - 1, last, false);
  const ft = vim.api.nvim_get_option_value("filetype", { buf }) as string;
  const fence = fenceFor(code);
  const parts = [describe(buf, first, last, total), "", fence + ft];
  for (const line of code) parts.push(line);
  parts.push(fence, "", question);
  return parts.join("\n");
}

/** The chat window follows the reply the ask started: its cursor goes to the end (the reply's). */
function followReply(): void {
  const buf = session.current().validBuffer();
  const win = buf === undefined ? undefined : window.findWindow(buf);
  if (win !== undefined) vim.api.nvim_win_set_cursor(win, [vim.api.nvim_buf_line_count(buf!), 0]);
}

function sendQuestion(buf: number, first: number, last: number, question: string): void {
  // The question goes into the current conversation; code larger than the model's context is
  // stopped before sending there, like any message (chat/fit.ts).
  session.sendIn(session.current(), buildMessage(buf, first, last, question), () => followReply());
}

/** Whether lines first..last of `buf` hold only white space. */
function isBlank(buf: number, first: number, last: number): boolean {
  for (const line of vim.api.nvim_buf_get_lines(buf, first - 1, last, false)) {
    if (string.find(line, "%S")[0] !== undefined) return false;
  }
  return true;
}

/** Asks about the buffer (or `range` of it); asks for the question when `prompt` is absent. */
export function ask(opts: AskOpts): void {
  const buf = opts.buf ?? vim.api.nvim_get_current_buf();
  if (isChatBuffer(buf)) {
    notify("ask about a code buffer, not the chat itself", vim.log.levels.WARN);
    return;
  }
  const total = vim.api.nvim_buf_line_count(buf);
  const first = math.max(1, math.min(opts.range?.[0] ?? 1, total));
  const last = math.max(first, math.min(opts.range?.[1] ?? total, total));
  if (isBlank(buf, first, last)) {
    const what = opts.range === undefined ? "the buffer is empty" : `lines ${first}-${last} are empty`;
    notify(`nothing to ask about: ${what}`, vim.log.levels.WARN);
    return;
  }
  if (opts.prompt !== undefined && vim.trim(opts.prompt) !== "") {
    sendQuestion(buf, first, last, vim.trim(opts.prompt));
    return;
  }
  vim.ui.input({ prompt: `Ask about ${first === 1 && last === total ? "the buffer" : `lines ${first}-${last}`}: ` }, (input) => {
    if (input === undefined || vim.trim(input) === "") return;
    sendQuestion(buf, first, last, vim.trim(input));
  });
}
