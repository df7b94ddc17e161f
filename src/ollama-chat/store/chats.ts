// Saved chats: `<data_dir>/chats/<name>_<model>_<YYYYmmdd-HHMMSS>.txt`, each holding the chat as
// the chat buffer shows it (format/transcript.ts). Every change happens under the folder's lock and
// is written atomically, so two Neovims saving at once neither leave a half file nor lose a turn.
//
// Saving under a name that exists appends: the file whose messages begin the conversation gets the
// messages it lacks; its last message, a user message the conversation's has grown from, is a
// draft saved as it was then, replaced by what it became. A file with a different history is
// never rewritten: the chat is saved to a new file under the same name (a later timestamp) and the
// message says so.
//
// Nothing here holds the event loop for more than a few milliseconds: big chat texts are split,
// parsed and built in slices across event-loop turns, the folder is listed in slices, and the
// names that completion needs come from a cache kept fresh in the background.
import type { Message } from "../format/transcript";
import { isHeading, lastModel, parse, renderMessage } from "../format/transcript";
import { parseLines, renderInto } from "../format/sliced";
import { notify } from "../ui/notify";
import { Callback, SLICE_NS, eachSeries, errorText, isMissing, sliced, sortSliced, then } from "./async";
import { ChatFile, chatsDir, scan, scanNames, withChatsLock } from "./chatdir";
import { NameCheck, fileName, parseFileName, sanitize_name as checkName, timestampDate } from "./chatfile";
import { exists, mkdirp, readFile, stat, unlink, writeFileAtomic } from "./fs";

export type { Message };

/** A saved chat, as `list` and `read` describe it. */
export interface SavedChat {
  name: string;
  /** The model as written in the file name (`llama3.2-3b`). */
  model: string;
  /**
   * The exact model of the last assistant reply (`llama3.2:3b`), when there is one. `list` reads
   * it for the LIST_DETAILED newest chats (and any read before); `read` always.
   */
  exact_model: string | undefined;
  /** YYYYmmdd-HHMMSS from the file name: when the chat was first saved. */
  timestamp: string;
  /** "2025-01-23 14:30:22": when the chat was first saved. */
  created: string;
  /** "2025-01-23 15:02:10": when the chat was last saved. */
  saved: string;
  /** Last save, seconds since the epoch. */
  mtime: number;
  file: string;
  path: string;
}

/**
 * created: a new file; appended: messages added to the file of that name; unchanged: the file has
 * them all already; forked: the files of that name hold another conversation, so a new file.
 */
export type SaveAction = "created" | "appended" | "unchanged" | "forked";

export interface SaveResult {
  action: SaveAction;
  name: string;
  path: string;
  /** Messages written. */
  added: number;
  /** What happened, in a sentence for the user. */
  message: string;
}

export type ReadCallback = (this: void, err: string | undefined, messages: Message[] | undefined, chat: SavedChat | undefined) => void;

/** `list_slices` hands the chats over in slices, newest first; `done` on the last one. */
export type SliceCallback = (this: void, err: string | undefined, chats: SavedChat[] | undefined, done: boolean) => void;

/** How many of the newest chats `list` reads the exact model of. */
export const LIST_DETAILED = 100;
/** Chats per slice after the first, in `list_slices`. */
const LIST_SLICE = 500;
/** Bytes of a file's end searched for its last assistant heading, before reading it whole. */
const TAIL_BYTES = 64 * 1024;

/** Checks a chat name typed by the user; see chatfile.sanitize_name. */
export function sanitize_name(input: string | undefined): NameCheck {
  return checkName(input);
}

/**
 * File text → lines, in slices: one line per "\n"-terminated line (a last line without "\n"
 * counts too). CRLF (a file edited on Windows) reads as LF, or no heading would be found in it.
 */
function textLines(text: string, cb: (this: void, lines: string[]) => void): void {
  const lines: string[] = [];
  let pos = 1;
  const slice = () => {
    const started = vim.uv.hrtime();
    while (pos <= text.length) {
      const [nl] = string.find(text, "\n", pos, true);
      const stop = nl ?? text.length + 1;
      let line = string.sub(text, pos, stop - 1);
      if (nl !== undefined && string.sub(line, -1) === "\r") line = string.sub(line, 1, -2);
      lines.push(line);
      pos = stop + 1;
      if (lines.length % 256 === 0 && vim.uv.hrtime() - started > SLICE_NS) return vim.schedule(slice);
    }
    cb(lines);
  };
  slice();
}

function linesText(lines: string[]): string {
  return lines.length === 0 ? "" : table.concat(lines, "\n") + "\n";
}

function sameMessage(a: Message, b: Message): boolean {
  // Equal fields render equally (and Lua compares strings at once); otherwise compared as they
  // are written, since what the file can hold is what counts.
  if (a.role === b.role && a.content === b.content && a.model === b.model && (a.thinking ?? "") === (b.thinking ?? "")) return true;
  return table.concat(renderMessage(a), "\n") === table.concat(renderMessage(b), "\n");
}

/** How many messages `a` and `b` share from the start. */
function commonPrefix(a: Message[], b: Message[]): number {
  let n = 0;
  while (n < a.length && n < b.length && sameMessage(a[n], b[n])) n++;
  return n;
}

function describe(chat: ChatFile, exactModel: string | undefined): SavedChat {
  return {
    name: chat.name,
    model: chat.model,
    exact_model: exactModel,
    timestamp: chat.timestamp,
    created: timestampDate(chat.timestamp),
    saved: os.date("%Y-%m-%d %H:%M:%S", chat.mtime),
    mtime: chat.mtime,
    file: chat.file,
    path: chat.path,
  };
}

function display(path: string): string {
  return vim.fn.fnamemodify(path, ":~");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ---- the names cache (completion) -------------------------------------------------------------

/** Saved chat names newest first, as last listed; refreshed in the background. */
let nameCache: { dir: string; names: string[]; at: number } | undefined;
let refreshing: string | undefined;
let refreshWaiters: (() => void)[] = [];
/** A cached list older than this is refreshed when asked for (and still answered from). */
const NAMES_FRESH_MS = 2000;

/** Digits complemented: ascending order of the keys is descending order of the timestamps. */
const COMPLEMENT: { [digit: string]: string } = { "0": "9", "1": "8", "2": "7", "3": "6", "4": "5", "5": "4", "6": "3", "7": "2", "8": "1", "9": "0" };

/** A file's sort key for the names: newest first, then by name ("\0" cannot be in a name). */
function nameKey(e: { name: string; timestamp: string }): string {
  return `${string.gsub(e.timestamp, "%d", COMPLEMENT)[0]}\0${e.name}`;
}

/** The names of sorted keys, each once. */
function uniqueNames(keys: string[]): string[] {
  const seen = new LuaSet<string>();
  const out: string[] = [];
  for (const key of keys) {
    const [name] = string.match(key, "%z(.*)$");
    if (name !== undefined && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

function namesOf(entries: { name: string; timestamp: string }[]): string[] {
  const keys: string[] = [];
  for (const e of entries) keys.push(nameKey(e));
  table.sort(keys);
  return uniqueNames(keys);
}

/** namesOf in slices (a table.sort of 20,000 entries holds the loop for about 40 ms). */
function namesInSlices(entries: { name: string; timestamp: string }[], cb: (this: void, names: string[]) => void): void {
  const keys: string[] = [];
  sliced(entries.length, (i) => void keys.push(nameKey(entries[i])), () => sortSliced(keys, (sorted) => cb(uniqueNames(sorted))));
}

/** Lists the names again in the background (one listing at a time); `cb` when the cache is new. */
export function refresh_names(cb?: (this: void) => void): void {
  const dir = chatsDir();
  // One listing at a time: a call meanwhile is answered when it ends (another folder: after it).
  if (refreshing !== undefined) {
    if (cb !== undefined) refreshWaiters.push(refreshing === dir ? cb : () => refresh_names(cb));
    return;
  }
  refreshing = dir;
  scanNames(dir, (err, named) => {
    const done = (names?: string[]) => {
      if (names !== undefined) nameCache = { dir, names, at: vim.uv.now() };
      refreshing = undefined;
      const waiting = refreshWaiters;
      refreshWaiters = [];
      cb?.();
      for (const w of waiting) w();
    };
    if (err !== undefined || named === undefined) return done();
    const entries: { name: string; timestamp: string }[] = [];
    for (const n of named) entries.push(n.parsed);
    namesInSlices(entries, done);
  });
}

/** Whether names() answers from a listing of the chats folder (else it has none yet). */
export function names_known(): boolean {
  return nameCache !== undefined && nameCache.dir === chatsDir();
}

/** The first listing, when no cache exists yet, may take this long synchronously. */
const FIRST_LISTING_NS = 10e6;

/**
 * The names listed synchronously, unless that takes longer than FIRST_LISTING_NS (a folder of
 * thousands): undefined then, and the background listing answers the next call.
 */
function quickNames(dir: string): string[] | undefined {
  const started = vim.uv.hrtime();
  const [handle] = vim.uv.fs_scandir(dir);
  if (handle === undefined) return [];
  const entries: { name: string; timestamp: string }[] = [];
  for (;;) {
    const [name] = vim.uv.fs_scandir_next(handle);
    if (name === undefined) break;
    const parsed = parseFileName(name);
    if (parsed !== undefined) entries.push(parsed);
    if (vim.uv.hrtime() - started > FIRST_LISTING_NS) return undefined;
  }
  return namesOf(entries);
}

/**
 * The names of the saved chats, newest first, each once, for command-line completion, which must
 * answer at once: from a cache, refreshed in the background when older than 2 s (so the next call
 * sees chats saved meanwhile, by any Neovim). Without a cache yet, a folder listed within 10 ms
 * answers at once; a bigger one has no names until the background listing (the startup cleanup
 * does one) ends.
 */
export function names(): string[] {
  const dir = chatsDir();
  if (nameCache === undefined || nameCache.dir !== dir) {
    const quick = quickNames(dir);
    if (quick !== undefined) nameCache = { dir, names: quick, at: vim.uv.now() };
    else refresh_names();
  } else if (vim.uv.now() - nameCache.at > NAMES_FRESH_MS) {
    refresh_names();
  }
  return nameCache !== undefined && nameCache.dir === dir ? nameCache.names.slice() : [];
}

// ---- save ---------------------------------------------------------------------------------------

/** A path for a new file of `name` that no file uses yet (a later second when taken). */
function freePath(dir: string, name: string, model: string, cb: Callback<string>): void {
  const tryTime = (t: number) => {
    const path = `${dir}/${fileName(name, model, t)}`;
    exists(path, then(cb, (taken) => (taken ? tryTime(t + 1) : cb(undefined, path))));
  };
  tryTime(os.time());
}

interface Candidate {
  chat: ChatFile;
  lines: string[];
  /** Messages of the file, all of them the start of the conversation being saved. */
  count: number;
  /** The settings section changed (`/think`, `/option`): the file is written anew, not appended to. */
  rewrite?: boolean;
}

/** The file of `name` to append to, an unchanged one, and another conversation of that name. */
interface Survey {
  best?: Candidate;
  unchanged?: ChatFile;
  other?: ChatFile;
}

/**
 * Whether `now` is the user message `before` with text added: a draft saved as it was then, which
 * saving again replaces (anything else in its place is another conversation, saved apart).
 */
function grewFrom(now: Message, before: Message): boolean {
  return before.role === "user" && now.role === "user" && type(now.content) === "string" && type(before.content) === "string" &&
    vim.startswith(now.content, before.content);
}

/** The lines of a transcript without its last message (and the blank line before it). */
function withoutLastMessage(lines: string[]): string[] {
  let last = lines.length - 1;
  while (last >= 0 && !isHeading(lines[last])) last--;
  const kept = lines.slice(0, math.max(last, 0));
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return kept;
}

/** The settings section a conversation starts with, if any, and its history after it. */
function splitSettings(messages: Message[]): { settings?: Message; history: Message[] } {
  return messages.length > 0 && messages[0].role === "settings" ? { settings: messages[0], history: messages.slice(1) } : { history: messages };
}

function sameSettings(a: Message | undefined, b: Message | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameMessage(a, b);
}

function survey(dir: string, name: string, messages: Message[], cb: Callback<Survey>): void {
  const found: Survey = {};
  // The settings section is not history: a chat whose settings changed is the same conversation.
  const { settings: nowSettings, history } = splitSettings(messages);
  scan(dir, then(cb, (files) => {
    eachSeries(files, (chat, done) => {
      if (found.unchanged !== undefined) return done();
      readFile(chat.path, then(done, (text) => textLines(text, (lines) => parseLines(lines, (all) => {
        const { settings: savedSettings, history: saved } = splitSettings(all);
        const settled = sameSettings(savedSettings, nowSettings);
        const common = commonPrefix(saved, history);
        const draft = common === saved.length - 1 && common < history.length && grewFrom(history[common], saved[common]);
        if (settled && common === history.length) found.unchanged = chat;
        else if (common === saved.length || draft) {
          const count = common + (settled && savedSettings !== undefined ? 1 : 0);
          if (found.best === undefined || count > found.best.count) {
            found.best = { chat, lines: draft ? withoutLastMessage(lines) : lines, count, rewrite: !settled };
          }
        } else if (found.other === undefined) found.other = chat;
        done();
      }))));
    }, then(cb, () => cb(undefined, found)));
  }), name);
}

function saveUnlocked(dir: string, name: string, model: string, messages: Message[], cb: Callback<SaveResult>): void {
  survey(dir, name, messages, then(cb, ({ best, unchanged, other }) => {
    if (unchanged !== undefined) {
      return cb(undefined, { action: "unchanged", name, path: unchanged.path, added: 0, message: `Chat "${name}" is already saved in ${display(unchanged.path)}: nothing new to add.` });
    }
    if (best !== undefined && best.rewrite === true) {
      const lines: string[] = [];
      return renderInto(lines, messages, () => writeFileAtomic(best.chat.path, linesText(lines), then(cb, () => {
        const added = splitSettings(messages).history.length - best.count;
        cb(undefined, { action: "appended", name, path: best.chat.path, added, message: `Saved chat "${name}": its settings updated${added > 0 ? `, ${plural(added, "message")} added` : ""}, in ${display(best.chat.path)}.` });
      })));
    }
    if (best !== undefined) {
      const lines = best.lines;
      const tail: string[] = [];
      return renderInto(tail, messages.slice(best.count), () => {
        if (lines.length > 0) lines.push("");
        const text = linesText(lines) + linesText(tail);
        writeFileAtomic(best.chat.path, text, then(cb, () => {
          const added = messages.length - best.count;
          cb(undefined, { action: "appended", name, path: best.chat.path, added, message: `Saved chat "${name}": added ${plural(added, "message")} to ${display(best.chat.path)}.` });
        }));
      });
    }
    freePath(dir, name, model, then(cb, (path) => {
      const lines: string[] = [];
      renderInto(lines, messages, () => writeFileAtomic(path, linesText(lines), then(cb, () => {
        if (other !== undefined) {
          return cb(undefined, {
            action: "forked", name, path, added: messages.length,
            message: `Saved chat "${name}" to a new file, ${display(path)}: ${other.file} holds a different conversation under that name and was left as it is.`,
          });
        }
        cb(undefined, { action: "created", name, path, added: messages.length, message: `Saved chat "${name}" (${plural(messages.length, "message")}) to ${display(path)}.` });
      })));
    }));
  }));
}

function reportTo<T>(cb: Callback<T> | undefined, message: (this: void, result: T) => string): Callback<T> {
  if (cb !== undefined) return cb;
  return (err, result) => {
    if (err !== undefined) notify(err, vim.log.levels.ERROR);
    else notify(message(result as T));
  };
}

/**
 * Saves `messages` under `name` (checked with sanitize_name): a new file, or appended to the file
 * of that name. `model` names the file. Without `cb`, the outcome is notified.
 */
export function save(rawName: string, model: string, messages: Message[], cb?: Callback<SaveResult>): void {
  const report = reportTo(cb, (r) => r.message);
  const check = checkName(rawName);
  if (!check.ok) return vim.schedule(() => report(check.reason));
  if (type(messages) !== "table" || messages.length === 0) return vim.schedule(() => report("Nothing to save: the chat has no messages yet."));
  const dir = chatsDir();
  const failed = (err: string) => report(`Could not save chat "${check.name}": ${errorText(err)}`);
  mkdirp(dir, (merr) => {
    if (merr !== undefined) return failed(merr);
    withChatsLock<SaveResult>(dir, (done) => saveUnlocked(dir, check.name, model, messages, done), (err, result) => {
      if (err !== undefined) return failed(err);
      refresh_names();
      report(undefined, result);
    });
  });
}

// ---- list ---------------------------------------------------------------------------------------

/** Exact models read from files, by path, valid while the file's mtime and size are the same. */
const modelCache: { [path: string]: { mtime: number; size: number; model: string | undefined } } = {};

function cachedModel(chat: ChatFile): { model: string | undefined } | undefined {
  const c = modelCache[chat.path];
  return c !== undefined && c.mtime === chat.mtime && c.size === chat.size ? c : undefined;
}

/** The exact model of a chat file: its last assistant heading, searched in its end first. */
function exactModel(chat: ChatFile, cb: (this: void, model: string | undefined) => void): void {
  const cached = cachedModel(chat);
  if (cached !== undefined) return cb(cached.model);
  const remember = (model: string | undefined) => {
    modelCache[chat.path] = { mtime: chat.mtime, size: chat.size, model };
    cb(model);
  };
  readTail(chat.path, chat.size, (tail) => {
    // The tail's first line may be cut: it is not trusted unless the tail is the whole file.
    const model = tail === undefined ? undefined : lastModel(parse(vim.split(tail, "\n", { plain: true }).slice(chat.size > TAIL_BYTES ? 1 : 0)));
    if (model !== undefined || chat.size <= TAIL_BYTES) return remember(model);
    readFile(chat.path, (err, text) => (err !== undefined || text === undefined ? cb(undefined) : textLines(text, (lines) => parseLines(lines, (messages) => remember(lastModel(messages))))));
  });
}

function readTail(path: string, size: number, cb: (this: void, text: string | undefined) => void): void {
  vim.uv.fs_open(path, "r", 0, (oerr, fd) => {
    if (oerr !== undefined || fd === undefined) return vim.schedule(() => cb(undefined));
    vim.uv.fs_read(fd, TAIL_BYTES, math.max(0, size - TAIL_BYTES), (_rerr, data) => {
      vim.uv.fs_close(fd, () => vim.schedule(() => cb(data)));
    });
  });
}

/**
 * The saved chats, newest (last saved) first, in slices: the first holds the `first` newest
 * (default LIST_DETAILED) with their exact models, as soon as the folder is listed; the others
 * follow in slices of 500 (exact models only when known from an earlier read).
 */
export function list_slices(cb: SliceCallback, opts?: { first?: number }): void {
  const first = opts?.first ?? LIST_DETAILED;
  scan(chatsDir(), (err, files) => {
    if (err !== undefined || files === undefined) return cb(err ?? "could not list the saved chats", undefined, true);
    const head = files.slice(0, first);
    const out: SavedChat[] = [];
    eachSeries(head, (chat, done) => exactModel(chat, (model) => {
      out.push(describe(chat, model));
      done();
    }), () => {
      cb(undefined, out, files.length <= first);
      let i = first;
      const slice = () => {
        if (i >= files.length) return;
        const part: SavedChat[] = [];
        const started = vim.uv.hrtime();
        while (i < files.length && part.length < LIST_SLICE && vim.uv.hrtime() - started < SLICE_NS) {
          const chat = files[i++];
          part.push(describe(chat, cachedModel(chat)?.model));
        }
        cb(undefined, part, i >= files.length);
        if (i < files.length) vim.schedule(slice);
      };
      if (i < files.length) vim.schedule(slice);
    });
  });
}

/** The saved chats, newest (last saved) first; see `list_slices` for `exact_model`. */
export function list(cb: Callback<SavedChat[]>): void {
  const all: SavedChat[] = [];
  list_slices((err, part, done) => {
    if (err !== undefined) return cb(err);
    for (const c of part!) all.push(c);
    if (done) cb(undefined, all);
  });
}

// ---- read ---------------------------------------------------------------------------------------

function findChat(target: string, cb: Callback<ChatFile>): void {
  if (string.find(target, "[/\\]")[0] !== undefined) {
    return stat(target, then(cb, (info) => {
      const file = vim.fs.basename(target);
      const parsed = parseFileName(file) ?? { name: file, model: "unknown", timestamp: "" };
      cb(undefined, { ...parsed, file, path: target, mtime: info.mtime.sec, size: info.size });
    }));
  }
  const check = checkName(target);
  if (!check.ok) return vim.schedule(() => cb(check.cancelled ? "No chat name given: nothing to load." : check.reason));
  scan(chatsDir(), then(cb, (files) => {
    if (files.length > 0) return cb(undefined, files[0]);
    cb(`No saved chat named "${check.name}" in ${display(chatsDir())}; the saved chats are listed by :Ollama load.`);
  }), check.name);
}

/**
 * Reads a saved chat: `target` is a name (its newest file) or a path. Calls back with the messages
 * and the chat's description.
 */
export function read(target: string, cb: ReadCallback): void {
  findChat(target, (ferr, chat) => {
    const failed = (err: string) => cb(isMissing(err) ? `No saved chat at ${target}.` : errorText(err), undefined, undefined);
    if (ferr !== undefined) return failed(ferr);
    readFile(chat!.path, (rerr, text) => {
      if (rerr !== undefined) return failed(rerr);
      textLines(text!, (lines) => parseLines(lines, (messages) => {
        if (messages.length === 0) return cb(`${display(chat!.path)} holds no chat: it has no "## User" or "## Assistant" heading.`, undefined, undefined);
        cb(undefined, messages, describe(chat!, lastModel(messages)));
      }));
    });
  });
}

// ---- delete_all, count --------------------------------------------------------------------------

/**
 * Deletes every saved chat (only files named like one, in the chats folder); calls back with how
 * many. Without `cb`, the outcome is notified.
 */
export function delete_all(cb?: Callback<number>): void {
  const report = reportTo(cb, (n) => `Deleted ${plural(n, "saved chat")} from ${display(chatsDir())}.`);
  const dir = chatsDir();
  scan(dir, then(report, (before) => {
    if (before.length === 0) return report(undefined, 0);
    withChatsLock<number>(dir, (done) => {
      let deleted = 0;
      const failed: string[] = [];
      scan(dir, then(done, (files) => eachSeries(files, (chat, next) => unlink(chat.path, (err) => {
        if (err === undefined) deleted++;
        else if (!isMissing(err)) failed.push(`${chat.file} (${errorText(err)})`);
        next();
      }), () => {
        if (failed.length > 0) return done(`Deleted ${plural(deleted, "saved chat")}, but could not delete ${failed.join(", ")}.`);
        done(undefined, deleted);
      })));
    }, (err, n) => {
      refresh_names();
      report(err, n);
    });
  }));
}

/** How many saved chats there are. */
export function count(cb: Callback<number>): void {
  scan(chatsDir(), then(cb, (found) => cb(undefined, found.length)));
}
