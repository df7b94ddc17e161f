// The plugin's events. Outside: the `User` autocommands integrations listen to (contract.md),
// fired on the main loop after the work that caused them, a failing handler reported and never
// raised into that work. Inside: a publish/subscribe seam between a feature's state and its views
// (lazy.nvim's `User LazyRender` is the model): a task only announces that it changed; each view
// decides when to redraw.

/** The `User` patterns the plugin fires (contract.md). */
export type UserEvent = "OllamaChatDone" | "OllamaUpdateDone";

/** Fires `User {pattern}` with `data` in `args.data`, scheduled, each handler failure reported. */
export function emit(this: void, pattern: UserEvent, data: unknown): void {
  vim.schedule(() => {
    const [ok, err] = pcall(() => vim.api.nvim_exec_autocmds("User", { pattern, modeline: false, data }));
    if (!ok) vim.notify(`ollama-chat: an ${pattern} handler failed: ${tostring(err)}`, vim.log.levels.ERROR);
  });
}

/** Internal topics and what their subscribers receive. */
export interface Topics {
  /** A conversation changed state (loading, generating, idle, error) or content. */
  chat: { conversation: number; state: string };
  /** An update run started, changed or ended. */
  update: { phase: "started" | "changed" | "ended" };
  /** What is known about the local models changed: a listing, /api/ps, /api/show, the last check. */
  models: { what: "listing" | "outdated" };
}

type Listener<T> = (this: void, payload: T) => void;

const listeners = new LuaMap<keyof Topics, Listener<any>[]>();

/** Calls `fn` on every publish to `topic` until the returned function is called. */
export function subscribe<K extends keyof Topics>(this: void, topic: K, fn: Listener<Topics[K]>): (this: void) => void {
  let list = listeners.get(topic);
  if (list === undefined) {
    list = [];
    listeners.set(topic, list);
  }
  list.push(fn);
  return () => {
    const current = listeners.get(topic) ?? [];
    const kept: Listener<any>[] = [];
    for (const l of current) if (l !== fn) kept.push(l);
    listeners.set(topic, kept);
  };
}

/**
 * Tells the subscribers of `topic`, synchronously (they only take note, and redraw on their own
 * schedule). A failing subscriber is reported and does not stop the others or the publisher.
 */
export function publish<K extends keyof Topics>(this: void, topic: K, payload: Topics[K]): void {
  const list = listeners.get(topic);
  if (list === undefined) return;
  for (const fn of list) {
    const [ok, err] = pcall(fn, payload);
    if (!ok) vim.notify(`ollama-chat: a ${topic} view failed: ${tostring(err)}`, vim.log.levels.ERROR);
  }
}
