// Editing the message being typed (the last user turn of the chat buffer) and turning the
// conversation into the request's messages.
import * as config from "../config";
import * as transcript from "../format/transcript";
import type { Message } from "../format/transcript";
import type { ChatMessage } from "../ollama/types";

/** The buffer text for `messages` followed by an empty user turn to type in. */
export function linesWithInput(messages: Message[]): string[] {
  return transcript.render(messages.concat([{ role: "user", content: "" }]));
}

/** A new chat: the system prompt (when configured) and an empty user turn. */
export function initialLines(): string[] {
  const messages: Message[] = [];
  const system = config.get().chat.system;
  if (system !== undefined) messages.push({ role: "system", content: system });
  return linesWithInput(messages);
}

/** Replaces the text of the last user turn (the one being typed) with `text`. */
export function setPending(buf: number, text: string): void {
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  let heading = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (transcript.isHeading(lines[i])) {
      heading = lines[i] === transcript.USER_HEADING ? i : -1;
      break;
    }
  }
  // Built with a loop: spread compiles to unpack(), which fails past ~8000 lines.
  const lines2: string[] = heading < 0 ? ["", transcript.USER_HEADING, ""] : [""];
  for (const l of transcript.contentLines(text)) lines2.push(l);
  vim.api.nvim_buf_set_lines(buf, heading < 0 ? -1 : heading + 1, -1, false, lines2);
}

/** Drops blank lines at the end of the buffer (after the user's message). */
export function trimEnd(buf: number): void {
  const n = vim.api.nvim_buf_line_count(buf);
  let last = n;
  while (last > 1 && vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[0] === "") last--;
  if (last < n) vim.api.nvim_buf_set_lines(buf, last, n, false, []);
}

/** The conversation as the buffer says it, without the empty turn being typed. */
export function withoutEmptyInput(messages: Message[]): Message[] {
  const last = messages[messages.length - 1];
  if (last !== undefined && last.role === "user" && vim.trim(last.content) === "") messages.pop();
  return messages;
}

/** The request's messages: the configured system prompt first unless the chat has its own. */
export function toRequest(messages: Message[], system: string | undefined): ChatMessage[] {
  const out: ChatMessage[] = [];
  if (system !== undefined && (messages.length === 0 || messages[0].role !== "system")) out.push({ role: "system", content: system });
  // A reply that brought nothing (a bare heading typed or left by hand) is never sent.
  for (const m of messages) if (m.role !== "assistant" || vim.trim(m.content) !== "") out.push({ role: m.role, content: m.content });
  return out;
}
