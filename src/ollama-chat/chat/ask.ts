// Asking about code: the current buffer or a range of it goes into the chat as the user's
// message (file, filetype, lines, the code in a fenced block, then the question) and is sent
// through the API like any message: over stdin, never on a command line.
import * as source from "../code/source";
import * as target from "../code/target";
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

/** The message sent for `question` about lines first..last of `buf`. */
export function buildMessage(buf: number, first: number, last: number, question: string): string {
  return `${source.block(buf, first, last)}\n\n${question}`;
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
  const c = session.current();
  session.sendIn(c, buildMessage(buf, first, last, question), () => {
    // What the reply's code is applied to (code/apply.ts), tracked while the user edits.
    target.remember(c.id, buf, first, last);
    followReply();
  });
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
  const { first, last, label } = source.lineRange(buf, opts.range);
  if (isBlank(buf, first, last)) {
    const what = opts.range === undefined ? "the buffer is empty" : `lines ${first}-${last} are empty`;
    notify(`nothing to ask about: ${what}`, vim.log.levels.WARN);
    return;
  }
  source.withText(opts.prompt, `Ask about ${label}: `, (question) => sendQuestion(buf, first, last, question));
}
