// Startup cleanup: saved chats last saved more than `retention_days` ago are deleted (0 keeps all),
// each deletion logged to `<data_dir>/cleanup.log`. Only saved chat files in the chats folder are
// ever considered. Asynchronous throughout; plugin/ runs it shortly after startup, and its listing
// of the folder also fills the cache of chat names that completion answers from.
import * as config from "../config";
import { notify } from "../ui/notify";
import { Callback, eachSeries, errorText, then } from "./async";
import { ChatFile, chatsDir, dataDir, scan, withChatsLock } from "./chatdir";
import { refresh_names } from "./chats";
import { appendFile, unlink } from "./fs";

const DAY = 24 * 60 * 60;

export interface CleanupResult {
  /** File names deleted. */
  deleted: string[];
  /** Files that could not be deleted, with the reason. */
  failed: string[];
  /** retention_days is 0: nothing was looked at. */
  disabled: boolean;
}

function logLine(now: number, file: string, mtime: number, days: number): string {
  const stamp = os.date("%Y-%m-%d %H:%M:%S", now);
  return `${stamp} deleted ${file} (last saved ${os.date("%Y-%m-%d", mtime)}, older than retention_days = ${days})\n`;
}

function olderThan(files: ChatFile[], cutoff: number): ChatFile[] {
  const old: ChatFile[] = [];
  for (const chat of files) if (chat.mtime < cutoff) old.push(chat);
  return old;
}

function cleanup(cb: Callback<CleanupResult>): void {
  const result: CleanupResult = { deleted: [], failed: [], disabled: false };
  const days = config.get().retention_days;
  if (days <= 0) {
    result.disabled = true;
    return vim.schedule(() => cb(undefined, result));
  }
  const dir = chatsDir();
  const cutoff = () => os.time() - days * DAY;
  scan(dir, then(cb, (files) => {
    if (olderThan(files, cutoff()).length === 0) return cb(undefined, result);
    withChatsLock<CleanupResult>(dir, (done) => {
      // Listed again under the lock: a chat saved meanwhile is young again.
      scan(dir, then(done, (again) => {
        const lines: string[] = [];
        eachSeries(olderThan(again, cutoff()), (chat, next) => unlink(chat.path, (err) => {
          if (err !== undefined) result.failed.push(`${chat.file} (${errorText(err)})`);
          else {
            result.deleted.push(chat.file);
            lines.push(logLine(os.time(), chat.file, chat.mtime, days));
          }
          next();
        }), () => {
          if (lines.length === 0) return done(undefined, result);
          appendFile(`${dataDir()}/cleanup.log`, lines.join(""), then(done, () => done(undefined, result)));
        });
      }));
    }, cb);
  }));
}

function report(err: string | undefined, result: CleanupResult | undefined): void {
  if (err !== undefined) {
    notify(`cleanup of old saved chats failed: ${err}`, vim.log.levels.WARN);
    return;
  }
  if (result === undefined) return;
  if (result.deleted.length > 0) {
    const n = result.deleted.length;
    notify(`deleted ${n} saved chat${n === 1 ? "" : "s"} older than ${config.get().retention_days} days (listed in ${vim.fn.fnamemodify(`${dataDir()}/cleanup.log`, ":~")}).`);
  }
  if (result.failed.length > 0) notify(`could not delete old saved chats: ${result.failed.join(", ")}.`, vim.log.levels.WARN);
}

/** Deletes the saved chats older than retention_days. Without `cb`, the outcome is notified. */
export function run(cb?: Callback<CleanupResult>): void {
  cleanup((err, result) => {
    refresh_names();
    (cb ?? report)(err, result);
  });
}
