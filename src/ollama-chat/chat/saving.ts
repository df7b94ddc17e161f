// Saving a conversation under a name, as `:w` in its buffer and `:Ollama save` do: asked the
// first time (a name suggested), then under that name, appending what is new (store/chats.ts).
// 'modified' is cleared once the buffer's text is saved.
import * as transcript from "../format/transcript";
import * as chats from "../store/chats";
import { notify } from "../ui/notify";
import * as autosave from "./autosave";
import { isAuto } from "./autosave";
import { markSaved } from "./buffer";
import type { Conversation } from "./conversation";

/** Saves `c` under `name`; 'modified' is cleared when the buffer did not change meanwhile. */
function saveAs(c: Conversation, name: string): void {
  const check = chats.sanitize_name(name);
  if (!check.ok) {
    notify(check.reason, vim.log.levels.ERROR);
    return;
  }
  // Read in slices: a chat of any size is saved without holding the editor.
  c.readLater((messages, tick) => {
    const why = unsaveable(c, messages);
    if (why !== undefined) return notify(why, vim.log.levels.WARN);
    const buf = c.validBuffer();
    chats.save(check.name, transcript.lastModel(messages) ?? c.model ?? "unknown", messages, (err, result) => {
      if (err !== undefined || result === undefined) {
        notify(err ?? "the chat was not saved", vim.log.levels.ERROR);
        return;
      }
      const named = c.savedName === undefined || isAuto(c.savedName);
      c.savedName = result.name;
      if (buf !== undefined && vim.api.nvim_buf_is_valid(buf) && vim.api.nvim_buf_get_changedtick(buf) === tick) markSaved(buf);
      if (named) autosave.renamed(c, () => notify(result.message));
      else notify(result.message);
    });
  });
}

const STREAMING = "a reply is still streaming: save when it is done, or stop it first with <C-c> or :Ollama stop";

/** Why `c`, whose buffer reads as `messages`, cannot be saved now, if it cannot. */
function unsaveable(c: Conversation, messages: transcript.Message[]): string | undefined {
  // Half a reply saved now would stop the finished one from being appended to it later.
  if (c.isStreaming()) return STREAMING;
  if (messages.length === 0) return "nothing to save: the chat is empty";
  return undefined;
}

/** Asks the name to save `c` under, `suggested` typed in already; an empty answer cancels. */
function askName(c: Conversation, suggested: string): void {
  // <Tab> completes the saved names (vim.ui.input hands `completion` to input()).
  vim.ui.input({ prompt: "Save chat as: ", default: suggested, completion: "customlist,v:lua.require'ollama-chat.completion'.savedNames" }, (input) => {
    if (input === undefined || vim.trim(input) === "") {
      notify("not saved: no name given");
      return;
    }
    saveAs(c, input);
  });
}

/** The name `c` was saved under by the user (an automatic one is not its own). */
function ownName(c: Conversation): string | undefined {
  return c.savedName !== undefined && !isAuto(c.savedName) ? c.savedName : undefined;
}

/** A name for a chat never saved: the first words of its first message, else the date. */
function suggestName(messages: transcript.Message[]): string {
  for (const m of messages) {
    if (m.role === "user" && type(m.content) === "string") {
      // Letters, digits, spaces and dashes only: whatever the message holds, the name is accepted.
      const words = vim.split(string.gsub(m.content, "[^%w%s%-]", "")[0], "%s+", { trimempty: true });
      let name = "";
      for (const w of words) {
        const next = name === "" ? w : `${name} ${w}`;
        if (next.length > 40) break;
        name = next;
      }
      if (name !== "") return name;
      break;
    }
  }
  return `chat ${os.date("%Y-%m-%d %H-%M")}`;
}

/**
 * Saves `c` under `name`; without one, asks for it: the first time (no name of its own yet) with
 * `suggestion` typed in, later with its name.
 */
export function save(c: Conversation, name: string | undefined, suggestion: string): void {
  ask(c, name, () => suggestion);
}

function ask(c: Conversation, name: string | undefined, suggest: (this: void, messages: transcript.Message[]) => string): void {
  if (c.isStreaming()) return notify(STREAMING, vim.log.levels.WARN);
  if (name !== undefined && vim.trim(name) !== "") return saveAs(c, name);
  c.readLater((messages) => {
    const why = unsaveable(c, messages);
    if (why !== undefined) return notify(why, vim.log.levels.WARN);
    askName(c, ownName(c) ?? suggest(messages));
  });
}

/** `:w` in a conversation's buffer: saved under its name (appending what is new), else asked. */
export function write(c: Conversation): void {
  ask(c, ownName(c), suggestName);
}
