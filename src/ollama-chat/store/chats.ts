// Saved chats: `<data_dir>/chats/<name>_<model>_<YYYYmmdd-HHMMSS>.txt`, each holding the chat as
// the chat buffer shows it (chat/transcript.ts). Every change happens under the folder's lock and
// is written atomically, so two Neovims saving at once neither leave a half file nor lose a turn.
//
// Saving under a name that exists appends: the file whose messages begin the conversation gets the
// messages it lacks. A file with a different history is never rewritten: the chat is saved to a
// new file under the same name (a later timestamp) and the message says so.
import type { Message } from "../format/transcript";
import { parse, parseAssistantHeading, render, renderMessage } from "../format/transcript";
import { notify } from "../ui/notify";
import { Callback, deliver, errorText, isMissing } from "./async";
import { ChatFile, chatsDir, scan, withChatsLock } from "./chatdir";
import { NameCheck, fileName, parseFileName, sanitize_name as checkName, timestampDate } from "./chatfile";
import { exists, listDirSync, mkdirp, readFile, stat, unlink, writeFileAtomic } from "./fs";

export type { Message };

/** A saved chat, as `list` and `read` describe it. */
export interface SavedChat {
  name: string;
  /** The model as written in the file name (`llama3.2-3b`). */
  model: string;
  /** The exact model of the last assistant reply (`llama3.2:3b`), when there is one. */
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

/** Checks a chat name typed by the user; see chatfile.sanitize_name. */
export function sanitize_name(input: string | undefined): NameCheck {
  return checkName(input);
}

/**
 * File text → lines: one line per "\n"-terminated line (a last line without "\n" counts too).
 * CRLF (a file edited on Windows) reads as LF, or no heading would be found in it.
 */
function textLines(text: string): string[] {
  if (text === "") return [];
  const lines = vim.split(string.gsub(text, "\r\n", "\n")[0], "\n", { plain: true });
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function linesText(lines: string[]): string {
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

function sameMessage(a: Message, b: Message): boolean {
  // Compared as they are written: what the file can hold is what counts.
  return renderMessage(a).join("\n") === renderMessage(b).join("\n");
}

/** How many messages `a` and `b` share from the start. */
function commonPrefix(a: Message[], b: Message[]): number {
  let n = 0;
  while (n < a.length && n < b.length && sameMessage(a[n], b[n])) n++;
  return n;
}

/** The exact model of the last assistant heading, read from the end. */
function lastModel(lines: string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const model = parseAssistantHeading(lines[i]);
    if (model !== undefined) return model;
  }
  return undefined;
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

/** A path for a new file of `name` that no file uses yet (a later second when taken). */
async function freePath(dir: string, name: string, model: string): Promise<string> {
  for (let t = os.time(); ; t++) {
    const path = `${dir}/${fileName(name, model, t)}`;
    if (!(await exists(path))) return path;
  }
}

interface Candidate {
  chat: ChatFile;
  lines: string[];
  /** Messages of the file, all of them the start of the conversation being saved. */
  count: number;
}

async function saveUnlocked(dir: string, name: string, model: string, messages: Message[]): Promise<SaveResult> {
  let best: Candidate | undefined;
  let other: ChatFile | undefined;
  for (const chat of (await scan(dir)).filter((c) => c.name === name)) {
    const lines = textLines(await readFile(chat.path));
    const saved = parse(lines);
    const common = commonPrefix(saved, messages);
    if (common === messages.length) {
      return { action: "unchanged", name, path: chat.path, added: 0, message: `Chat "${name}" is already saved in ${display(chat.path)}: nothing new to add.` };
    }
    if (common === saved.length) {
      if (best === undefined || common > best.count) best = { chat, lines, count: common };
    } else if (other === undefined) {
      other = chat;
    }
  }
  if (best !== undefined) {
    const lines = best.lines;
    const tail = render(messages.slice(best.count));
    if (lines.length > 0) lines.push("");
    for (const l of tail) lines.push(l);
    await writeFileAtomic(best.chat.path, linesText(lines));
    const added = messages.length - best.count;
    return { action: "appended", name, path: best.chat.path, added, message: `Saved chat "${name}": added ${plural(added, "message")} to ${display(best.chat.path)}.` };
  }
  const path = await freePath(dir, name, model);
  await writeFileAtomic(path, linesText(render(messages)));
  if (other !== undefined) {
    return {
      action: "forked", name, path, added: messages.length,
      message: `Saved chat "${name}" to a new file, ${display(path)}: ${other.file} holds a different conversation under that name and was left as it is.`,
    };
  }
  return { action: "created", name, path, added: messages.length, message: `Saved chat "${name}" (${plural(messages.length, "message")}) to ${display(path)}.` };
}

async function saveChat(rawName: string, model: string, messages: Message[]): Promise<SaveResult> {
  const check = checkName(rawName);
  if (!check.ok) throw check.reason;
  if (type(messages) !== "table" || messages.length === 0) throw "Nothing to save: the chat has no messages yet.";
  const dir = chatsDir();
  try {
    await mkdirp(dir);
    return await withChatsLock(dir, () => saveUnlocked(dir, check.name, model, messages));
  } catch (e) {
    throw `Could not save chat "${check.name}": ${errorText(e)}`;
  }
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
export function save(name: string, model: string, messages: Message[], cb?: Callback<SaveResult>): void {
  deliver(saveChat(name, model, messages), reportTo(cb, (r) => r.message));
}

async function listChats(): Promise<SavedChat[]> {
  const out: SavedChat[] = [];
  for (const chat of await scan(chatsDir())) {
    const text = await readFile(chat.path).catch(() => undefined);
    out.push(describe(chat, text === undefined ? undefined : lastModel(textLines(text))));
  }
  return out;
}

/** The saved chats, newest (last saved) first. */
export function list(cb: Callback<SavedChat[]>): void {
  deliver(listChats(), cb);
}

/**
 * The names of the saved chats, newest first, each once. Synchronous (one directory listing, no
 * file read) because command-line completion must answer at once.
 */
export function names(): string[] {
  const seen: { [name: string]: boolean } = {};
  const entries: { name: string; timestamp: string }[] = [];
  for (const entry of listDirSync(chatsDir())) {
    const parsed = parseFileName(entry.name);
    if (parsed !== undefined) entries.push(parsed);
  }
  entries.sort((a, b) => (a.timestamp !== b.timestamp ? (a.timestamp > b.timestamp ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (seen[e.name] === undefined) out.push(e.name);
    seen[e.name] = true;
  }
  return out;
}

async function findChat(target: string): Promise<ChatFile> {
  if (string.find(target, "[/\\]")[0] !== undefined) {
    const parsed = parseFileName(vim.fs.basename(target));
    const info = await stat(target);
    const fallback = { name: vim.fs.basename(target), model: "unknown", timestamp: "" };
    return { ...(parsed ?? fallback), file: vim.fs.basename(target), path: target, mtime: info.mtime.sec };
  }
  const check = checkName(target);
  if (!check.ok) throw check.cancelled ? "No chat name given: nothing to load." : check.reason;
  for (const chat of await scan(chatsDir())) {
    if (chat.name === check.name) return chat;
  }
  throw `No saved chat named "${check.name}" in ${display(chatsDir())}; the saved chats are listed by :Ollama load.`;
}

async function readChat(target: string): Promise<{ messages: Message[]; chat: SavedChat }> {
  let chat: ChatFile;
  let text: string;
  try {
    chat = await findChat(target);
    text = await readFile(chat.path);
  } catch (e) {
    if (isMissing(e)) throw `No saved chat at ${target}.`;
    throw errorText(e);
  }
  const lines = textLines(text);
  const messages = parse(lines);
  if (messages.length === 0) throw `${display(chat.path)} holds no chat: it has no "## User" or "## Assistant" heading.`;
  return { messages, chat: describe(chat, lastModel(lines)) };
}

/**
 * Reads a saved chat: `target` is a name (its newest file) or a path. Calls back with the messages
 * and the chat's description.
 */
export function read(target: string, cb: ReadCallback): void {
  deliver(readChat(target), (err, found) => cb(err, found?.messages, found?.chat));
}

async function deleteAll(): Promise<number> {
  const dir = chatsDir();
  if ((await scan(dir)).length === 0) return 0;
  return withChatsLock(dir, async () => {
    let deleted = 0;
    const failed: string[] = [];
    for (const chat of await scan(dir)) {
      try {
        await unlink(chat.path);
        deleted++;
      } catch (e) {
        if (!isMissing(e)) failed.push(`${chat.file} (${errorText(e)})`);
      }
    }
    if (failed.length > 0) throw `Deleted ${plural(deleted, "saved chat")}, but could not delete ${failed.join(", ")}.`;
    return deleted;
  });
}

/**
 * Deletes every saved chat (only files named like one, in the chats folder); calls back with how
 * many. Without `cb`, the outcome is notified.
 */
export function delete_all(cb?: Callback<number>): void {
  deliver(deleteAll(), reportTo(cb, (n) => `Deleted ${plural(n, "saved chat")} from ${display(chatsDir())}.`));
}

/** How many saved chats there are. */
export function count(cb: Callback<number>): void {
  deliver(scan(chatsDir()).then((found) => found.length), cb);
}
