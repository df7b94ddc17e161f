// Saved chats as the user meets them: save the active chat under a name, load one into a new
// read-only buffer, resume one as the active conversation, delete them all after a confirmation.
// Storage (file names, atomic writes, locking) is store/chats.ts.
import type { SavedChat } from "../store/chats";
import * as chats from "../store/chats";
import { notify } from "../ui/notify";
import { pick } from "../ui/picker";
import { isAuto } from "./autosave";
import { isChatBuffer } from "./buffer";
import { NS, dimThinkingBlocks, setLinesInSlices } from "./render";
import * as saving from "./saving";
import * as session from "./session";
import * as sliced from "../format/sliced";
import * as transcript from "../format/transcript";
import * as window from "./window";

const LOADED_PREFIX = "ollama-chat://saved/";

/** Saves the active chat under `name` (asked for when absent, its own name suggested). */
export function save(name?: string): void {
  saving.save(session.current(), name, "");
}

/** The picker's last item while older chats remain: choosing it shows them all. */
const OLDER = "older";

function pickChat(prompt: string, list: (SavedChat | typeof OLDER)[], chosen: (this: void, c: SavedChat | typeof OLDER) => void): void {
  let width = 0;
  for (const c of list) if (c !== OLDER) width = math.max(width, vim.fn.strdisplaywidth(c.name));
  pick({
    prompt,
    items: list,
    // Automatic chats are marked apart from the ones the user named.
    format: (c) => c === OLDER ? "… older saved chats" :
      `${isAuto(c.name) ? "·" : "★"} ${c.name}${string.rep(" ", width - vim.fn.strdisplaywidth(c.name))}  ${c.exact_model ?? c.model}  ${c.saved}`,
    on_choice: (c) => {
      if (c !== undefined) chosen(c);
    },
  });
}

/**
 * Lets the user pick a saved chat (newest first), or uses `name`. The picker shows as soon as the
 * newest are listed; the rest are listed meanwhile (slice by slice) and shown by its last item.
 */
function choose(name: string | undefined, prompt: string, cb: (this: void, target: string) => void): void {
  if (name !== undefined && vim.trim(name) !== "") {
    cb(vim.trim(name));
    return;
  }
  const all: SavedChat[] = [];
  let complete = false;
  let failed: string | undefined;
  let shown = false;
  /** Waiting for the whole list, to show it. */
  let wanted = false;
  const showAll = () => pickChat(prompt, all, (c) => c !== OLDER && cb(c.path));
  chats.list_slices((err, part, done) => {
    if (err !== undefined || part === undefined) {
      failed = err ?? "could not list the saved chats";
      if (!shown || wanted) notify(failed, vim.log.levels.ERROR);
      shown = true;
      return;
    }
    for (const c of part) all.push(c);
    complete = done;
    if (wanted && done) return showAll();
    if (shown) return;
    shown = true;
    if (all.length === 0) {
      notify("no saved chats yet: save one with <leader>os or :Ollama save");
      return;
    }
    if (done) return showAll();
    const items: (SavedChat | typeof OLDER)[] = (all as (SavedChat | typeof OLDER)[]).concat([OLDER]);
    pickChat(prompt, items, (c) => {
      if (c !== OLDER) return cb(c.path);
      if (failed !== undefined) return notify(failed, vim.log.levels.ERROR);
      if (complete) return showAll();
      wanted = true;
      notify("listing the older saved chats…");
    });
  });
}

/** The buffer named exactly `name` (bufnr() would read it as a pattern: `[ab]` matches `a`). */
function bufferNamed(name: string): number | undefined {
  for (const buf of vim.api.nvim_list_bufs()) {
    if (vim.api.nvim_buf_get_name(buf) === name) return buf;
  }
  return undefined;
}

function showReadOnly(chat: SavedChat, messages: transcript.Message[]): void {
  // Rendered and set in slices: a chat of 10 MB never holds the editor.
  const lines: string[] = [];
  sliced.renderInto(lines, messages, () => {
    const name = LOADED_PREFIX + chat.file;
    const existing = bufferNamed(name);
    const buf = existing ?? vim.api.nvim_create_buf(true, true);
    if (existing === undefined) vim.api.nvim_buf_set_name(buf, name);
    vim.api.nvim_set_option_value("modifiable", true, { buf });
    vim.api.nvim_set_option_value("readonly", false, { buf });
    vim.api.nvim_buf_clear_namespace(buf, NS, 0, -1);
    vim.api.nvim_set_option_value("buftype", "nofile", { buf });
    vim.api.nvim_set_option_value("swapfile", false, { buf });
    // Highlighted (or not) before the text comes: the parser starts on an empty buffer.
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, []);
    window.highlightUnlessLong(buf, lines);
    setLinesInSlices(buf, lines, () => {
      if (!vim.api.nvim_buf_is_valid(buf)) return;
      dimThinkingBlocks(buf);
      vim.api.nvim_set_option_value("modifiable", false, { buf });
      vim.api.nvim_set_option_value("readonly", true, { buf });
      vim.keymap.set("n", "r", () => {
        const win = vim.api.nvim_get_current_win();
        resumeFrom(chat.path, () => closeReadOnly(win, buf));
      }, { buffer: buf, desc: "Ollama: resume this chat", nowait: true });
      // The chat pane is the active conversation: a saved chat opens beside it, never in it.
      const current = vim.api.nvim_get_current_win();
      if (isChatBuffer(vim.api.nvim_win_get_buf(current))) vim.cmd("aboveleft split");
      vim.api.nvim_win_set_buf(vim.api.nvim_get_current_win(), buf);
      notify(`loaded "${chat.name}" (read-only): press r or run :Ollama resume to continue it`);
    });
  });
}

/** Once resumed, the read-only copy goes: its split closed, the buffer deleted if shown nowhere else. */
function closeReadOnly(win: number, buf: number): void {
  if (vim.api.nvim_win_is_valid(win) && vim.api.nvim_win_get_buf(win) === buf && vim.api.nvim_list_wins().length > 1) {
    vim.api.nvim_win_close(win, true);
  }
  if (vim.api.nvim_buf_is_valid(buf) && vim.fn.bufwinid(buf) === -1) vim.api.nvim_buf_delete(buf, { force: true });
}

/** Opens a saved chat in a new read-only buffer; the active chat is untouched. */
export function load(name?: string): void {
  choose(name, "Load chat", (target) => {
    chats.read(target, (err, messages, chat) => {
      if (err !== undefined || messages === undefined || chat === undefined) {
        notify(err ?? `could not read ${target}`, vim.log.levels.ERROR);
        return;
      }
      showReadOnly(chat, messages);
    });
  });
}

/** Whether every message of `current` begins `saved`: replacing it with `saved` loses nothing. */
function isPrefix(current: transcript.Message[], saved: transcript.Message[]): boolean {
  if (current.length > saved.length) return false;
  for (let i = 0; i < current.length; i++) {
    if (transcript.renderMessage(current[i]).join("\n") !== transcript.renderMessage(saved[i]).join("\n")) return false;
  }
  return true;
}

/**
 * Makes a saved chat the active conversation, to continue it. The current one is replaced, after
 * a confirmation unless the saved chat holds all of it.
 */
export function resume(name?: string): void {
  if (name === undefined || vim.trim(name) === "") {
    mostRecent((target) => resumeFrom(target));
    return;
  }
  resumeFrom(vim.trim(name));
}

/** The most recently kept chat (saved or automatic), for `:Ollama resume` with no name. */
function mostRecent(cb: (this: void, target: string) => void): void {
  let answered = false;
  chats.list_slices((err, part) => {
    // The first slice holds the newest; the others follow.
    if (answered) return;
    answered = true;
    if (err !== undefined || part === undefined) {
      notify(err ?? "could not list the saved chats", vim.log.levels.ERROR);
      return;
    }
    if (part.length === 0) {
      notify("no conversation to resume yet: chats are kept after each reply");
      return;
    }
    cb(part[0].path);
  }, { first: 1 });
}

/** Resumes the chat `name` names (a path or a name); `resumed` once it is the active one. */
function resumeFrom(name: string, resumed?: (this: void) => void): void {
  choose(name, "Resume chat", (target) => {
    chats.read(target, (err, messages, chat) => {
      if (err !== undefined || messages === undefined || chat === undefined) {
        notify(err ?? `could not read ${target}`, vim.log.levels.ERROR);
        return;
      }
      const replace = () => {
        session.replaceConversation(messages, transcript.lastModel(messages), chat.name);
        notify(`resumed "${chat.name}": saving it again appends to it`);
        resumed?.();
      };
      const current = session.conversation();
      if (isPrefix(current, messages)) {
        replace();
        return;
      }
      const yes = `Replace the current chat (${current.length} messages)`;
      vim.ui.select([yes, "Keep the current chat"], { prompt: `Resume "${chat.name}"?` }, (choice) => {
        if (choice === yes) replace();
      });
    });
  });
}

/** Deletes every saved chat after a confirmation that says how many (`force` skips it). */
export function clear(opts?: { force?: boolean }): void {
  chats.count((err, n) => {
    if (err !== undefined || n === undefined) {
      notify(err ?? "could not count the saved chats", vim.log.levels.ERROR);
      return;
    }
    if (n === 0) {
      notify("there are no saved chats to delete");
      return;
    }
    if (opts?.force === true) {
      chats.delete_all();
      return;
    }
    const yes = `Delete all ${n} saved chat${n === 1 ? "" : "s"}`;
    vim.ui.select([yes, "Keep them"], { prompt: `Delete ${n} saved chat${n === 1 ? "" : "s"}? This cannot be undone.` }, (choice) => {
      if (choice === yes) chats.delete_all();
      else notify("nothing deleted");
    });
  });
}
