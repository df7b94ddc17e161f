// Apply: a reply's code block goes back into the code, through the diff view. The block under
// the cursor in the chat, else the last reply's last block; onto the lines the chat was asked
// about (code/target.ts), else the whole buffer the chat came from.
import * as codeKeys from "../chat/codekeys";
import type { Conversation } from "../chat/conversation";
import * as origin from "../chat/origin";
import * as registry from "../chat/registry";
import * as events from "../events";
import * as transcript from "../format/transcript";
import { notify } from "../ui/notify";
import * as blocks from "./blocks";
import type { Block } from "./blocks";
import { DiffView, unwritable } from "./diffview";
import { keepLayout } from "./indent";
import * as target from "./target";

/** Language names a fence may use for a filetype. */
const ALIASES: { [lang: string]: string | undefined } = {
  js: "javascript", ts: "typescript", py: "python", sh: "sh", bash: "sh", zsh: "sh", shell: "sh",
  rb: "ruby", rs: "rust", yml: "yaml", md: "markdown", vimscript: "vim", viml: "vim", "c++": "cpp",
  jsx: "javascriptreact", tsx: "typescriptreact", golang: "go", kt: "kotlin", cs: "cs", csharp: "cs",
};

/** Whether a block in `lang` may be meant for a buffer of filetype `ft`. */
export function sameLanguage(lang: string, ft: string): boolean {
  if (lang === "" || ft === "") return true;
  const l = string.lower(lang);
  return l === ft || ALIASES[l] === ft || (ft === "bash" && ALIASES[l] === "sh");
}

const HASH = 35;

/** A turn heading of the chat buffer (every heading starts with "#": most lines are not one). */
function isHeading(this: void, line: string): boolean {
  return string.byte(line, 1) === HASH && transcript.isHeading(line);
}

/** The last code block (not the thinking block) of the last reply in the chat buffer's lines. */
function lastBlockOfLines(lines: string[]): Block | string {
  let reply = -1;
  for (let i = lines.length - 1; i >= 0 && reply < 0; i--) {
    if (string.byte(lines[i], 1) === HASH && transcript.parseAssistantHeading(lines[i]) !== undefined) reply = i;
  }
  if (reply < 0) return "nothing to apply: the chat has no reply yet";
  const found = blocks.find(lines, isHeading, reply + 1);
  for (let k = found.length - 1; k >= 0; k--) {
    const code = blocks.chatCode(lines, found[k]);
    if (code !== undefined) return code;
  }
  return "nothing to apply: the reply has no code block";
}

/** The last code block of the last reply, or why there is none. */
function lastBlock(c: Conversation): Block | string {
  // The chat buffer is the conversation (the user may have edited it): read from it directly,
  // parsing only the last reply (a 20,000-line reply is parsed once, not as the whole transcript).
  const buf = c.validBuffer();
  if (buf !== undefined) return lastBlockOfLines(vim.api.nvim_buf_get_lines(buf, 0, -1, false));
  const messages = c.read();
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === "assistant") {
      const found = blocks.find(vim.split(messages[i].content, "\n", { plain: true }));
      const block = found[found.length - 1];
      return block ?? "nothing to apply: the reply has no code block";
    }
  }
  return "nothing to apply: the chat has no reply yet";
}

/** The block to apply: under the cursor in the chat, else the last reply's last. */
function chosenBlock(c: Conversation): Block | string {
  const buf = c.validBuffer();
  if (buf !== undefined && vim.api.nvim_get_current_buf() === buf) {
    const under = codeKeys.blockAt(buf, vim.api.nvim_win_get_cursor(0)[0] - 1);
    if (under !== undefined) return under;
  }
  return lastBlock(c);
}

/** Shows `buf` in a window of this tab (not the chat's) and makes it current. */
export function focus(buf: number): void {
  let win = vim.fn.bufwinid(buf);
  if (win < 0) {
    const previous = vim.fn.win_getid(vim.fn.winnr("#"));
    const cur = vim.api.nvim_get_current_win();
    const chatShown = (w: number): boolean => vim.startswith(vim.api.nvim_buf_get_name(vim.api.nvim_win_get_buf(w)), "ollama-chat://");
    if (previous > 0 && !chatShown(previous)) win = previous;
    else if (!chatShown(cur)) win = cur;
    else {
      vim.cmd("aboveleft split");
      win = vim.api.nvim_get_current_win();
    }
    vim.api.nvim_win_set_buf(win, buf);
  }
  vim.api.nvim_set_current_win(win);
}

/** Where the code goes: the tracked range, else the whole buffer the chat came from. */
function destination(c: Conversation): target.Range | string {
  const tracked = target.resolve(c.id);
  if (tracked !== undefined) return tracked;
  const buf = origin.get();
  if (buf === undefined) return "nothing to apply to: ask about code first (<leader>oa), or open the chat from a code buffer";
  return { buf, first: 1, last: vim.api.nvim_buf_line_count(buf) };
}

/** Fires OllamaApplied for a diff that was accepted or rejected. */
export function announce(buf: number, first: number, last: number, accepted: boolean): void {
  events.emit("OllamaApplied", { buf, first, last, accepted });
}

/** Applies the chosen code block of the current chat through the diff view. */
export function apply(): void {
  const c = registry.peek();
  if (c === undefined) {
    notify("nothing to apply: there is no chat yet", vim.log.levels.WARN);
    return;
  }
  const block = chosenBlock(c);
  if (type(block) === "string") {
    notify(block as string, vim.log.levels.WARN);
    return;
  }
  const b = block as Block;
  const dest = destination(c);
  if (type(dest) === "string") {
    notify(dest as string, vim.log.levels.WARN);
    return;
  }
  const { buf, first, last } = dest as target.Range;
  const refusal = unwritable(buf);
  if (refusal !== undefined) {
    notify(`cannot apply: ${refusal}`, vim.log.levels.ERROR);
    return;
  }
  const notes: string[] = [];
  if (!b.closed) notes.push("the reply was cut off inside this block: it may be incomplete");
  const ft = vim.api.nvim_get_option_value("filetype", { buf }) as string;
  if (!sameLanguage(b.lang, ft)) notes.push(`the block is ${b.lang}, the buffer is ${ft}`);
  for (const n of notes) notify(`${n}; check the diff (gr rejects)`, vim.log.levels.WARN);
  const old = vim.api.nvim_buf_get_lines(buf, first - 1, last, false);
  focus(buf);
  const view = new DiffView(buf, first, last, old, keepLayout(old, b.lines), false, {
    done: (accepted, f, l) => announce(buf, f, l, accepted),
  }, notes.length > 0 ? notes.join("; ") : undefined);
  view.jump(0);
}
