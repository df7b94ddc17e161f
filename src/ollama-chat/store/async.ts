// The store's one asynchronous style: Node-style callbacks, `(err, value)`, always called on the
// main loop. libuv calls back in a fast context where most of the Neovim API is off limits, so
// every libuv completion reaches its callback through vim.schedule. No promises, no coroutines.
import { SLICE_NS } from "../format/sliced";

export { SLICE_NS };

/** How the store's functions answer: a message for the user, or the result. */
export type Callback<T> = (this: void, err: string | undefined, result?: T) => void;

/** A completion with no value. */
export type Done = (this: void, err?: string) => void;

/** A libuv-style completion: (err, value). */
export type UvDone<T> = (this: void, err: string | undefined, value: T | undefined) => void;

/** Starts a libuv request; `cb` gets its outcome on the main loop. */
export function uv<T>(start: (this: void, done: UvDone<T>) => void, cb: Callback<T>): void {
  start((err, value) => vim.schedule(() => cb(err, value)));
}

/** A callback that hands an error straight on to `cb`, and a value to `next`. */
export function then<T, U>(cb: Callback<U>, next: (this: void, value: T) => void): Callback<T> {
  return (err, value) => {
    if (err !== undefined) cb(err);
    else next(value as T);
  };
}

/** `cb` given `fallback` instead of a "no such file or directory" error. */
export function unlessMissing<T, F>(fallback: F, cb: Callback<T | F>): Callback<T> {
  return (err, value) => {
    if (err !== undefined && isMissing(err)) cb(undefined, fallback);
    else cb(err, value);
  };
}

/**
 * Runs `each` on the items one after another; `cb` once all are done, or at the first error.
 * An `each` that finishes at once does not grow the stack (a loop, not recursion).
 */
export function eachSeries<T>(items: readonly T[], each: (this: void, item: T, done: Done) => void, cb: Done): void {
  let i = 0;
  let looping = false;
  let again = false;
  const next: Done = (err) => {
    if (err !== undefined) return cb(err);
    again = true;
    if (looping) return;
    looping = true;
    while (again) {
      again = false;
      if (i >= items.length) {
        looping = false;
        return cb();
      }
      each(items[i++], next);
    }
    looping = false;
  };
  next();
}


/**
 * Calls `work(i)` for i = 0 .. n-1 in slices of at most SLICE_NS, letting the event loop run
 * between slices; then `cb`. `work` returning false stops early.
 */
export function sliced(n: number, work: (this: void, i: number) => boolean | void, cb: (this: void) => void): void {
  let i = 0;
  const run = () => {
    const started = vim.uv.hrtime();
    while (i < n) {
      if (work(i++) === false) {
        i = n;
        break;
      }
      if (i % 16 === 0 && vim.uv.hrtime() - started > SLICE_NS) {
        vim.schedule(run);
        return;
      }
    }
    cb();
  };
  run();
}

/** Strings sorted in C per chunk; the chunks are then merged in Lua, a slice at a time. */
const SORT_CHUNK = 512;

/**
 * `items` sorted ascending (Lua's string order), in slices of at most SLICE_NS: a table.sort of
 * 20,000 strings holds the loop for about 30 ms.
 */
export function sortSliced(items: string[], cb: (this: void, sorted: string[]) => void): void {
  let runs: string[][] = [];
  let i = 0;
  const sortChunks = () => {
    const started = vim.uv.hrtime();
    while (i < items.length) {
      const run: string[] = [];
      const stop = math.min(items.length, i + SORT_CHUNK);
      for (let j = i; j < stop; j++) run.push(items[j]);
      table.sort(run);
      runs.push(run);
      i = stop;
      if (vim.uv.hrtime() - started > SLICE_NS) return vim.schedule(sortChunks);
    }
    vim.schedule(merge);
  };
  // Bottom-up: each pass merges runs two by two into `merged`, until one run is left.
  let merged: string[][] = [];
  let p = 0;
  let out: string[] | undefined;
  let ia = 0;
  let ib = 0;
  const merge = () => {
    const started = vim.uv.hrtime();
    for (;;) {
      if (out === undefined) {
        if (p >= runs.length) {
          if (merged.length <= 1) return cb(merged[0] ?? runs[0] ?? []);
          runs = merged;
          merged = [];
          p = 0;
        } else if (p + 1 >= runs.length) {
          merged.push(runs[p]);
          p++;
        } else {
          out = [];
          ia = 0;
          ib = 0;
        }
      } else {
        const a = runs[p];
        const b = runs[p + 1];
        let steps = 0;
        while (steps < 256 && (ia < a.length || ib < b.length)) {
          if (ib >= b.length || (ia < a.length && a[ia] <= b[ib])) out.push(a[ia++]);
          else out.push(b[ib++]);
          steps++;
        }
        if (ia >= a.length && ib >= b.length) {
          merged.push(out);
          out = undefined;
          p += 2;
        }
        if (vim.uv.hrtime() - started > SLICE_NS) return vim.schedule(merge);
      }
    }
  };
  sortChunks();
}

/** Resumes after `ms` milliseconds, on the main loop. */
export function sleep(ms: number, fn: (this: void) => void): void {
  vim.defer_fn(fn, ms);
}

/** The text of anything thrown: libuv errors and our own reasons are strings already. */
export function errorText(e: unknown): string {
  if (type(e) === "string") return e as string;
  if (type(e) === "table" && type((e as { message?: unknown }).message) === "string") return (e as { message: string }).message;
  return tostring(e);
}

/** Whether a libuv error says the file or directory does not exist. */
export function isMissing(e: unknown): boolean {
  return string.find(errorText(e), "^ENOENT")[0] !== undefined;
}

/** Whether a libuv error says the file already exists. */
export function isExisting(e: unknown): boolean {
  return string.find(errorText(e), "^EEXIST")[0] !== undefined;
}

/** "permission denied" for "EACCES: permission denied: /x/y": the reason, without code or path. */
export function reason(e: unknown): string {
  const text = errorText(e);
  const [why] = string.match(text, "^E%u+: ([^:]+)");
  return why ?? text;
}
