// Regenerate: the last reply is taken out of the buffer and asked for again, from the same
// history; a failed or stopped turn (the user's message left as the last one) is retried the same way.
import * as transcript from "../format/transcript";
import type { Message } from "../format/transcript";
import { notify } from "../ui/notify";
import type { Conversation } from "./conversation";
import { NS } from "./render";

/** The row the last reply begins at (its heading, with the blank lines before it). */
function lastReplyRow(lines: string[]): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (transcript.parseAssistantHeading(lines[i]) !== undefined) {
      let row = i;
      while (row > 0 && lines[row - 1] === "") row--;
      return row;
    }
    if (lines[i] === transcript.USER_HEADING && i < lines.length - 1) {
      // A user turn with text after the last reply: not ours to drop.
      for (let j = i + 1; j < lines.length; j++) if (vim.trim(lines[j]) !== "") return undefined;
    }
  }
  return undefined;
}

/**
 * Prepares `c` for the new reply: drops its last reply from the buffer and returns the messages
 * to send (ending with the user's message), or undefined after telling the user why not.
 */
export function prepare(c: Conversation): Message[] | undefined {
  if (c.isStreaming()) {
    notify("a reply is still streaming: stop it first with <C-c> or :Ollama stop, then regenerate", vim.log.levels.WARN);
    return undefined;
  }
  const messages = c.read();
  const last = messages[messages.length - 1];
  if (last === undefined) {
    notify("nothing to regenerate: the chat has no message yet", vim.log.levels.WARN);
    return undefined;
  }
  const buf = c.buffer();
  if (last.role === "assistant") {
    const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
    const row = lastReplyRow(lines);
    if (row === undefined) {
      notify("nothing to regenerate: send or clear the message you are typing first", vim.log.levels.WARN);
      return undefined;
    }
    while (messages.length > 0 && messages[messages.length - 1].role === "assistant") messages.pop();
    vim.api.nvim_buf_clear_namespace(buf, NS, row, -1);
    vim.api.nvim_buf_set_lines(buf, row, -1, false, []);
  } else if (messages.length > c.messages.length && messages.length >= 2 && messages[messages.length - 2].role === "assistant") {
    // A message typed after the last reply, never sent: regenerating would drop or send it.
    notify("nothing to regenerate: send (<CR>) or clear the message you are typing first", vim.log.levels.WARN);
    return undefined;
  }
  const user = messages[messages.length - 1];
  if (user === undefined || user.role !== "user" || vim.trim(user.content) === "") {
    notify("nothing to regenerate: no message of yours precedes the last reply", vim.log.levels.WARN);
    return undefined;
  }
  return messages;
}
