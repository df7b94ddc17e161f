// Startup cleanup: saved chats last saved more than `retention_days` ago are deleted (0 keeps all),
// each deletion logged to `<data_dir>/cleanup.log`. Only saved chat files in the chats folder are
// ever considered. Asynchronous throughout; `schedule()` runs it shortly after startup.
import * as config from "../config";
import { notify } from "../ui/notify";
import { Callback, deliver, errorText } from "./async";
import { chatsDir, dataDir, scan, withChatsLock } from "./chatdir";
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

async function cleanup(): Promise<CleanupResult> {
  const result: CleanupResult = { deleted: [], failed: [], disabled: false };
  const days = config.get().retention_days;
  if (days <= 0) {
    result.disabled = true;
    return result;
  }
  const dir = chatsDir();
  const cutoff = () => os.time() - days * DAY;
  if ((await scan(dir)).every((chat) => chat.mtime >= cutoff())) return result;
  return withChatsLock(dir, async () => {
    // Listed again under the lock: a chat saved meanwhile is young again.
    const lines: string[] = [];
    for (const chat of (await scan(dir)).filter((c) => c.mtime < cutoff())) {
      try {
        await unlink(chat.path);
        result.deleted.push(chat.file);
        lines.push(logLine(os.time(), chat.file, chat.mtime, days));
      } catch (e) {
        result.failed.push(`${chat.file} (${errorText(e)})`);
      }
    }
    if (lines.length > 0) await appendFile(`${dataDir()}/cleanup.log`, lines.join(""));
    return result;
  });
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
  deliver(cleanup(), cb ?? report);
}

/** Runs the cleanup `delay_ms` after now (default 1 s), off the startup path. */
export function schedule(delay_ms = 1000): void {
  vim.defer_fn(() => run(), delay_ms);
}
