// A lock file shared by every Neovim on the machine: whoever creates it (O_EXCL) may read, merge
// and rewrite the files it guards; the others retry on a timer, never blocking the editor.
//
// A lock left by a Neovim that crashed is stale: its process is gone (same host), or it is older
// than `settings.stale_s` (another host sharing the directory). Only the holder of a second lock
// file (`<lock>.break`) may remove a stale lock, and only after reading it again under that second
// lock, so two waiters cannot both remove it and then both take it.
import { sleep, unlessMissing } from "./async";
import { createNew, readFile, stat, unlink } from "./fs";

export const settings = {
  /** Give up waiting after this long. */
  timeout_ms: 10000,
  /** Wait this long (plus up to as much again, at random) between attempts. */
  retry_ms: 20,
  /** A lock this old is stale even when its process cannot be checked. */
  stale_s: 120,
  /** A `.break` lock this old was left by a crash between two file operations. */
  break_stale_s: 10,
};

interface Holder {
  pid: number;
  host: string;
  time: number;
  token: string;
}

let tokenCounter = 0;

function newHolder(): Holder {
  tokenCounter += 1;
  const pid = vim.uv.os_getpid();
  return { pid, host: vim.uv.os_gethostname(), time: os.time(), token: `${pid}-${vim.uv.hrtime()}-${tokenCounter}` };
}

function formatHolder(h: Holder): string {
  return `pid=${h.pid}\nhost=${h.host}\ntime=${h.time}\ntoken=${h.token}\n`;
}

function parseHolder(text: string): Holder | undefined {
  const [pid] = string.match(text, "pid=(%d+)");
  const [host] = string.match(text, "host=([^\n]*)");
  const [time] = string.match(text, "time=(%d+)");
  const [token] = string.match(text, "token=([^\n]*)");
  if (pid === undefined || host === undefined || time === undefined || token === undefined) return undefined;
  return { pid: tonumber(pid)!, host, time: tonumber(time)!, token };
}

/** The lock's holder as last written, or undefined when the lock is gone. */
async function readLock(path: string): Promise<{ holder: Holder | undefined; text: string } | undefined> {
  const text = await unlessMissing(readFile(path), undefined);
  return text === undefined ? undefined : { holder: parseHolder(text), text };
}

function processExists(pid: number): boolean {
  return type(vim.api.nvim_get_proc(pid)) === "table";
}

async function isStale(path: string, holder: Holder | undefined): Promise<boolean> {
  if (holder !== undefined && holder.host === vim.uv.os_gethostname() && !processExists(holder.pid)) return true;
  const since = holder !== undefined ? holder.time : (await stat(path)).mtime.sec;
  return os.time() - since > settings.stale_s;
}

/** Removes the lock at `path` when it still holds `seen` and is stale; under the `.break` lock. */
async function breakStale(path: string, seen: string): Promise<void> {
  const breakPath = `${path}.break`;
  if (!(await createNew(breakPath, formatHolder(newHolder())))) {
    const age = os.time() - (await stat(breakPath).then((s) => s.mtime.sec, () => os.time()));
    if (age > settings.break_stale_s) await unlink(breakPath).catch(() => undefined);
    else await sleep(settings.retry_ms);
    return;
  }
  try {
    const again = await readLock(path);
    if (again !== undefined && again.text === seen && (await isStale(path, again.holder))) await unlink(path);
  } finally {
    await unlink(breakPath).catch(() => undefined);
  }
}

function busyMessage(path: string, holder: Holder | undefined): string {
  const who = holder === undefined ? "another Neovim" : `another Neovim (pid ${holder.pid} on ${holder.host}, since ${os.date("%H:%M:%S", holder.time)})`;
  return `${vim.fs.dirname(path)} is locked by ${who}. Try again in a moment; if no other Neovim is running, delete ${path}.`;
}

/** Takes the lock at `path`, retrying until `settings.timeout_ms`; resolves to its holder record. */
async function acquire(path: string): Promise<string> {
  const mine = formatHolder(newHolder());
  const started = vim.uv.now();
  for (;;) {
    if (await createNew(path, mine)) return mine;
    // A lock gone meanwhile is simply tried again.
    const current = await readLock(path);
    if (current !== undefined) {
      if (await isStale(path, current.holder)) await breakStale(path, current.text);
      else if (vim.uv.now() - started > settings.timeout_ms) throw busyMessage(path, current.holder);
      else await sleep(settings.retry_ms + math.random(0, settings.retry_ms));
    }
  }
}

/** Removes our lock, unless it is no longer ours (broken as stale while we held it far too long). */
async function release(path: string, mine: string): Promise<void> {
  const current = await readLock(path).catch(() => undefined);
  if (current !== undefined && current.text === mine) await unlink(path).catch(() => undefined);
}

/** Runs `work` while holding the lock file `path`; the lock is released however `work` ends. */
export async function withLock<T>(path: string, work: (this: void) => Promise<T>): Promise<T> {
  const mine = await acquire(path);
  try {
    return await work();
  } finally {
    await release(path, mine);
  }
}
