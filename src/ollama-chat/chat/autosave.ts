// Conversations are never lost: after each reply, a conversation with a reply is kept in the
// chats folder (atomically, as a saved chat) under its saved name, else an automatic one
// (`auto-<when it began>`). Saving it under a name makes that its name from then on.
import * as transcript from "../format/transcript";
import type { Message } from "../format/transcript";
import * as chats from "../store/chats";
import { notify } from "../ui/notify";
import { markSaved } from "./buffer";
import * as registry from "./registry";
import { changes, type Conversation } from "./conversation";

/** Automatic chats are named with this prefix (the picker shows them apart). */
export const AUTO_PREFIX = "auto-";

const autoNames = new LuaMap<number, string>();
/** The automatic file each conversation was last kept in. */
const autoPaths = new LuaMap<number, string>();

/** Whether a saved chat's name is an automatic one. */
export function isAuto(name: string): boolean {
  return vim.startswith(name, AUTO_PREFIX);
}

/** The name the conversation is kept under. */
export function nameOf(c: Conversation): string {
  if (c.savedName !== undefined) return c.savedName;
  let name = autoNames.get(c.id);
  if (name === undefined) {
    name = `${AUTO_PREFIX}${os.date("%Y%m%d-%H%M%S")}`;
    autoNames.set(c.id, name);
  }
  return name;
}

function hasReply(messages: { role: string; content: string }[]): boolean {
  for (const m of messages) if (m.role === "assistant" && vim.trim(m.content) !== "") return true;
  return false;
}

/** Keeps `c` in the chats folder now (a failure is told once, in one line). */
export function keep(c: Conversation): void {
  c.readLater((messages, tick) => {
    // A reply began while the chat was read: it is kept when it ends.
    if (c.isStreaming() || !hasReply(messages)) return;
    store(c, messages, tick);
  });
}

function store(c: Conversation, messages: Message[], tick: number | undefined): void {
  const name = nameOf(c);
  const buf = c.validBuffer();
  chats.save(name, transcript.lastModel(messages) ?? c.model ?? "unknown", messages, (err, result) => {
    // Kept on disk as the buffer still says: nothing to lose by closing or quitting it.
    if (err === undefined && buf !== undefined && vim.api.nvim_buf_is_valid(buf) && vim.api.nvim_buf_get_changedtick(buf) === tick) markSaved(buf);
    if (err !== undefined) notify(`the conversation was not kept: ${err}`, vim.log.levels.WARN);
    // The store may fork a new file (another conversation had the name): keep using what it wrote.
    else if (result !== undefined && c.savedName === undefined) {
      autoNames.set(c.id, result.name);
      const previous = autoPaths.get(c.id);
      autoPaths.set(c.id, result.path);
      // A history rewritten (regenerate, undo, a retried turn) is kept in a new file: the one
      // this conversation was kept in before is an older state of it, not another conversation.
      if (previous !== undefined && previous !== result.path) vim.uv.fs_unlink(previous, () => undefined);
    } else if (result !== undefined && isAuto(name) && c.savedName !== undefined && !isAuto(c.savedName)) {
      // Saved under a name while this was being written: the named file holds it all.
      vim.uv.fs_unlink(result.path, () => undefined);
    }
  });
}

/** The conversation was saved under a name: its automatic file goes (the named one holds it all). */
export function renamed(c: Conversation, done: (this: void) => void): void {
  const path = autoPaths.get(c.id);
  autoPaths.delete(c.id);
  autoNames.delete(c.id);
  if (path === undefined) return done();
  vim.uv.fs_unlink(path, () => vim.schedule(done));
}

let done = false;

/** Subscribes once: each reply that ends (well, stopped or failed after some text) is kept. */
export function setup(): void {
  if (done) return;
  done = true;
  changes.subscribe((p) => {
    if (p.state !== "idle" && p.state !== "error") return;
    const c = registry.get(p.conversation);
    if (c !== undefined) vim.schedule(() => keep(c));
  });
}
