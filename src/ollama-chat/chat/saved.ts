// Saved chats as the user meets them: save the active chat under a name, load one into a new
// read-only buffer, resume one as the active conversation, delete them all after a confirmation.
// Storage (file names, atomic writes, locking) is store/chats.ts.
import type { SavedChat } from "../store/chats";
import * as chats from "../store/chats";
import { notify } from "../ui/notify";
import { pick } from "../ui/picker";
import * as autosave from "./autosave";
import { isAuto } from "./autosave";
import { isChatBuffer } from "./buffer";
import * as session from "./session";
import * as transcript from "../format/transcript";
import * as window from "./window";

const LOADED_PREFIX = "ollama-chat://saved/";

function saveAs(name: string): void {
  const check = chats.sanitize_name(name);
  if (!check.ok) {
    notify(check.reason, vim.log.levels.ERROR);
    return;
  }
  const messages = session.conversation();
  const model = session.conversationModel() ?? "unknown";
  chats.save(check.name, model, messages, (err, result) => {
    if (err !== undefined || result === undefined) {
      notify(err ?? "the chat was not saved", vim.log.levels.ERROR);
      return;
    }
    const c = session.current();
    const named = c.savedName === undefined || isAuto(c.savedName);
    session.setSavedName(result.name);
    if (named) autosave.renamed(c, () => notify(result.message));
    else notify(result.message);
  });
}

/** Saves the active chat under `name` (asked for when absent; an empty answer cancels). */
export function save(name?: string): void {
  // Half a reply saved now would stop the finished one from being appended to it later.
  if (session.isStreaming()) {
    notify("a reply is still streaming: save when it is done, or stop it first with <C-c> or :Ollama stop", vim.log.levels.WARN);
    return;
  }
  if (session.conversation().length === 0) {
    notify("nothing to save: the chat is empty", vim.log.levels.WARN);
    return;
  }
  if (name !== undefined && vim.trim(name) !== "") {
    saveAs(name);
    return;
  }
  vim.ui.input({ prompt: "Save chat as: ", default: session.savedName() ?? "" }, (input) => {
    if (input === undefined || vim.trim(input) === "") {
      notify("not saved: no name given");
      return;
    }
    saveAs(input);
  });
}

/** Lets the user pick a saved chat (newest first), or uses `name`. */
function choose(name: string | undefined, prompt: string, cb: (this: void, target: string) => void): void {
  if (name !== undefined && vim.trim(name) !== "") {
    cb(vim.trim(name));
    return;
  }
  chats.list((err, list) => {
    if (err !== undefined || list === undefined) {
      notify(err ?? "could not list the saved chats", vim.log.levels.ERROR);
      return;
    }
    if (list.length === 0) {
      notify("no saved chats yet: save one with <leader>os or :Ollama save");
      return;
    }
    let width = 0;
    for (const c of list) width = math.max(width, vim.fn.strdisplaywidth(c.name));
    pick({
      prompt,
      items: list,
      // Automatic chats are marked apart from the ones the user named.
      format: (c) => `${isAuto(c.name) ? "·" : "★"} ${c.name}${string.rep(" ", width - vim.fn.strdisplaywidth(c.name))}  ${c.exact_model ?? c.model}  ${c.saved}`,
      on_choice: (c) => {
        if (c !== undefined) cb(c.path);
      },
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
  const name = LOADED_PREFIX + chat.file;
  const existing = bufferNamed(name);
  const buf = existing ?? vim.api.nvim_create_buf(true, true);
  if (existing === undefined) vim.api.nvim_buf_set_name(buf, name);
  vim.api.nvim_set_option_value("modifiable", true, { buf });
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, transcript.render(messages));
  vim.api.nvim_set_option_value("buftype", "nofile", { buf });
  vim.api.nvim_set_option_value("swapfile", false, { buf });
  window.setMarkdown(buf);
  vim.api.nvim_set_option_value("modifiable", false, { buf });
  vim.api.nvim_set_option_value("readonly", true, { buf });
  vim.keymap.set("n", "r", () => resume(chat.path), { buffer: buf, desc: "Ollama: resume this chat", nowait: true });
  // The chat pane is the active conversation: a saved chat opens beside it, never in it.
  const current = vim.api.nvim_get_current_win();
  if (isChatBuffer(vim.api.nvim_win_get_buf(current))) vim.cmd("aboveleft split");
  vim.api.nvim_win_set_buf(vim.api.nvim_get_current_win(), buf);
  notify(`loaded "${chat.name}" (read-only): press r or run :Ollama resume to continue it`);
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

function resumeFrom(name: string): void {
  choose(name, "Resume chat", (target) => {
    chats.read(target, (err, messages, chat) => {
      if (err !== undefined || messages === undefined || chat === undefined) {
        notify(err ?? `could not read ${target}`, vim.log.levels.ERROR);
        return;
      }
      const replace = () => {
        session.replaceConversation(messages, transcript.lastModel(messages), chat.name);
        notify(`resumed "${chat.name}": saving it again appends to it`);
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
