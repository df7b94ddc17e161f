// The store's asynchronous plumbing: libuv callbacks turned into promises that settle on the main
// loop, and promises handed back to callers as Node-style callbacks.

/** How the store's public functions answer: a message for the user, or the result. */
export type Callback<T> = (this: void, err: string | undefined, result: T | undefined) => void;

/** A libuv-style completion: (err, value). */
export type UvDone<T> = (this: void, err: string | undefined, value: T | undefined) => void;

/**
 * Starts a libuv request and settles with its result. libuv calls back in a fast context where most
 * of the Neovim API is off limits, so the promise settles through vim.schedule.
 */
export function uv<T>(start: (this: void, done: UvDone<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((err, value) => {
      vim.schedule(() => {
        if (err !== undefined) reject(err);
        else resolve(value as T);
      });
    });
  });
}

/** Resolves after `ms` milliseconds, on the main loop. */
export function sleep(ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    vim.defer_fn(() => resolve(), ms);
  });
}

/** The text of anything thrown or rejected: libuv errors and our own reasons are strings already. */
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

/** The value of `work`, or `fallback` when it failed because the file does not exist. */
export async function unlessMissing<T, F>(work: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await work;
  } catch (e) {
    if (isMissing(e)) return fallback;
    throw e;
  }
}

/**
 * Hands the outcome of `work` to `cb` on the main loop, outside the promise chain (so an error
 * raised by `cb` is reported by Neovim, not swallowed by the promise).
 */
export function deliver<T>(work: Promise<T>, cb: Callback<T>): void {
  work.then(
    (value) => vim.schedule(() => cb(undefined, value)),
    (e) => vim.schedule(() => cb(errorText(e), undefined)),
  );
}
