// The folder of saved chats, `<data_dir>/chats/`: where it is, its lock, and the saved chat files
// in it. Only files whose names this plugin writes are ever listed (and so ever changed or deleted).
import * as config from "../config";
import { ChatFileName, parseFileName } from "./chatfile";
import { listDir, stat } from "./fs";
import { withLock } from "./lock";

/** A saved chat file found on disk. */
export interface ChatFile extends ChatFileName {
  file: string;
  path: string;
  /** Last modification (the last save), seconds since the epoch. */
  mtime: number;
}

export function dataDir(): string {
  return config.get().data_dir;
}

export function chatsDir(): string {
  return `${dataDir()}/chats`;
}

/** Runs `work` holding the lock of the chats folder, which must exist. */
export function withChatsLock<T>(dir: string, work: (this: void) => Promise<T>): Promise<T> {
  return withLock(`${dir}/.ollama-chat.lock`, work);
}

function newestFirst(a: ChatFile, b: ChatFile): number {
  if (a.mtime !== b.mtime) return b.mtime - a.mtime;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? 1 : -1;
  return a.file < b.file ? 1 : a.file > b.file ? -1 : 0;
}

/** The saved chat files in `dir` (regular files only), newest first; none when `dir` is missing. */
export async function scan(dir: string): Promise<ChatFile[]> {
  const found: ChatFile[] = [];
  for (const entry of await listDir(dir)) {
    const parsed = parseFileName(entry.name);
    // Links and folders are left alone; "unknown" (file systems without d_type) is settled by stat.
    if (parsed !== undefined && (entry.type === "file" || entry.type === "unknown")) {
      const path = `${dir}/${entry.name}`;
      const info = await stat(path).catch(() => undefined);
      if (info !== undefined && info.type === "file") found.push({ ...parsed, file: entry.name, path, mtime: info.mtime.sec });
    }
  }
  // An arrow, not `newestFirst` itself: Array.sort calls its comparator with a `self` first.
  found.sort((a, b) => newestFirst(a, b));
  return found;
}
