// The folder of saved chats, `<data_dir>/chats/`: where it is, its lock, and the saved chat files
// in it. Only files whose names this plugin writes are ever listed (and so ever changed or deleted).
// A folder may hold tens of thousands: it is listed and stat'ed in slices across event-loop turns.
import * as config from "../config";
import { Callback, sliced, sortSliced, then } from "./async";
import { ChatFileName, parseFileName } from "./chatfile";
import { listDir, statSync } from "./fs";
import { withLock } from "./lock";

/** A saved chat file found on disk. */
export interface ChatFile extends ChatFileName {
  file: string;
  path: string;
  /** Last modification (the last save), seconds since the epoch. */
  mtime: number;
  size: number;
}

export function dataDir(): string {
  return config.get().data_dir;
}

export function chatsDir(): string {
  return `${dataDir()}/chats`;
}

/** Runs `work` holding the lock of the chats folder, which must exist. */
export function withChatsLock<T>(dir: string, work: (this: void, done: Callback<T>) => void, cb: Callback<T>): void {
  withLock(`${dir}/.ollama-chat.lock`, work, cb);
}

/** Sorts newest first (last save, then first save, then name): keys in Lua's string order. */
function sortKey(f: ChatFile): string {
  return `${string.format("%012d", f.mtime)}${f.timestamp}${f.file}`;
}

/**
 * `files` newest first, in slices: sorted by their string keys (sortSliced), so that 20,000 files
 * never hold the loop for long.
 */
function sortNewestFirst(files: ChatFile[], cb: (this: void, sorted: ChatFile[]) => void): void {
  const keys: string[] = [];
  const byKey: { [key: string]: ChatFile } = {};
  sliced(files.length, (i) => {
    const key = sortKey(files[i]);
    keys.push(key);
    byKey[key] = files[i];
  }, () => sortSliced(keys, (sorted) => {
    const out: ChatFile[] = [];
    for (let i = sorted.length - 1; i >= 0; i--) out.push(byKey[sorted[i]]);
    cb(out);
  }));
}

/** The names in `dir` that are saved chat files (by name alone, no stat), in slices. */
export function scanNames(dir: string, cb: Callback<{ entry: string; type: string; parsed: ChatFileName }[]>): void {
  listDir(dir, then(cb, (entries) => {
    const out: { entry: string; type: string; parsed: ChatFileName }[] = [];
    sliced(entries.length, (i) => {
      const parsed = parseFileName(entries[i].name);
      if (parsed !== undefined) out.push({ entry: entries[i].name, type: entries[i].type, parsed });
    }, () => cb(undefined, out));
  }));
}

/**
 * The saved chat files in `dir` (regular files only), newest first; none when `dir` is missing.
 * `only` keeps the chats of one name (the others are not even stat'ed).
 */
export function scan(dir: string, cb: Callback<ChatFile[]>, only?: string): void {
  scanNames(dir, then(cb, (named) => {
    const found: ChatFile[] = [];
    // A stat of a local file takes microseconds: done synchronously, a slice at a time, it is far
    // quicker than 20,000 asynchronous round trips and still never holds the loop for long.
    sliced(named.length, (i) => {
      const n = named[i];
      // Links and folders are left alone; "unknown" (file systems without d_type) is settled by stat.
      if ((only === undefined || n.parsed.name === only) && (n.type === "file" || n.type === "unknown")) {
        const path = `${dir}/${n.entry}`;
        const info = statSync(path);
        if (info !== undefined && info.type === "file") found.push({ ...n.parsed, file: n.entry, path, mtime: info.mtime.sec, size: info.size });
      }
    }, () => sortNewestFirst(found, (sorted) => vim.schedule(() => cb(undefined, sorted))));
  }));
}
