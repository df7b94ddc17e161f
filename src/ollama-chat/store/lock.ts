// A lock file shared by every Neovim on the machine: whoever creates it (O_EXCL) may read, merge
// and rewrite the files it guards; the others retry on a timer, never blocking the editor.
//
// A lock left by a Neovim that crashed is stale: its process is gone (same host), or it is older
// than `settings.stale_s` (another host sharing the directory). Only the holder of a second lock
// file (`<lock>.break`) may remove a stale lock, and only after reading it again under that second
// lock, so two waiters cannot both remove it and then both take it.
import { Callback, Done, sleep, then, unlessMissing } from "./async";
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

interface Seen {
  holder: Holder | undefined;
  text: string;
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
function readLock(path: string, cb: Callback<Seen | undefined>): void {
  readFile(path, unlessMissing(undefined, then(cb, (text) => cb(undefined, text === undefined ? undefined : { holder: parseHolder(text), text }))));
}

function processExists(pid: number): boolean {
  return type(vim.api.nvim_get_proc(pid)) === "table";
}

function isStale(path: string, holder: Holder | undefined, cb: Callback<boolean>): void {
  if (holder !== undefined && holder.host === vim.uv.os_gethostname() && !processExists(holder.pid)) return cb(undefined, true);
  if (holder !== undefined) return cb(undefined, os.time() - holder.time > settings.stale_s);
  stat(path, then(cb, (info) => cb(undefined, os.time() - info.mtime.sec > settings.stale_s)));
}

/** Removes the lock at `path` when it still holds `seen` and is stale; under the `.break` lock. */
function breakStale(path: string, seen: string, cb: Done): void {
  const breakPath = `${path}.break`;
  createNew(breakPath, formatHolder(newHolder()), then(cb, (mine) => {
    if (!mine) {
      return stat(breakPath, (_err, info) => {
        const age = os.time() - (info !== undefined ? info.mtime.sec : os.time());
        if (age > settings.break_stale_s) unlink(breakPath, () => cb());
        else sleep(settings.retry_ms, () => cb());
      });
    }
    const done = (err?: string) => unlink(breakPath, () => cb(err));
    readLock(path, then(done, (again) => {
      if (again === undefined || again.text !== seen) return done();
      isStale(path, again.holder, then(done, (stale) => (stale ? unlink(path, done) : done())));
    }));
  }));
}

function busyMessage(path: string, holder: Holder | undefined): string {
  const who = holder === undefined ? "another Neovim" : `another Neovim (pid ${holder.pid} on ${holder.host}, since ${os.date("%H:%M:%S", holder.time)})`;
  return `${vim.fs.dirname(path)} is locked by ${who}. Try again in a moment; if no other Neovim is running, delete ${path}.`;
}

/** Takes the lock at `path`, retrying until `settings.timeout_ms`; `cb` gets its holder record. */
function acquire(path: string, cb: Callback<string>): void {
  const mine = formatHolder(newHolder());
  const started = vim.uv.now();
  const attempt = () => {
    createNew(path, mine, then(cb, (created) => {
      if (created) return cb(undefined, mine);
      readLock(path, then(cb, (current) => {
        // A lock gone meanwhile is simply tried again.
        if (current === undefined) return attempt();
        isStale(path, current.holder, then(cb, (stale) => {
          if (stale) breakStale(path, current.text, then(cb, attempt));
          else if (vim.uv.now() - started > settings.timeout_ms) cb(busyMessage(path, current.holder));
          else sleep(settings.retry_ms + math.random(0, settings.retry_ms), attempt);
        }));
      }));
    }));
  };
  attempt();
}

/** Removes our lock, unless it is no longer ours (broken as stale while we held it far too long). */
function release(path: string, mine: string, cb: Done): void {
  readLock(path, (_err, current) => {
    if (current !== undefined && current.text === mine) unlink(path, () => cb());
    else cb();
  });
}

/** Runs `work` while holding the lock file `path`; the lock is released however `work` ends. */
export function withLock<T>(path: string, work: (this: void, done: Callback<T>) => void, cb: Callback<T>): void {
  acquire(path, then(cb, (mine) => {
    work((err, result) => release(path, mine, () => cb(err, result)));
  }));
}
