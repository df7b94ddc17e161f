// The plugin's events. Outside: the `User` autocommands integrations listen to (contract.md),
// fired on the main loop after the work that caused them, a failing handler reported and never
// raised into that work. Inside: channels between a feature's state and its views (lazy.nvim's
// `User LazyRender` is the model): a task only announces that it changed; each view decides when
// to redraw. A channel is declared next to what publishes on it, so the import graph shows who
// listens to whom.

/** The `User` patterns the plugin fires (contract.md). */
export type UserEvent = "OllamaChatDone" | "OllamaUpdateDone";

/** Fires `User {pattern}` with `data` in `args.data`, scheduled, a failing handler reported. */
export function emit(this: void, pattern: UserEvent, data: unknown): void {
  vim.schedule(() => {
    const [ok, err] = pcall(() => vim.api.nvim_exec_autocmds("User", { pattern, modeline: false, data }));
    if (!ok) vim.notify(`ollama-chat: an ${pattern} handler failed: ${tostring(err)}`, vim.log.levels.ERROR);
  });
}

export type Listener<T> = (this: void, payload: T) => void;

/** A publish/subscribe channel for one kind of state change. */
export class Channel<T> {
  private listeners: Listener<T>[] = [];

  /** `name` says whose listener failed, in the message. */
  constructor(private readonly name: string) {}

  /** Calls `fn` on every publish until the returned function is called. */
  subscribe(fn: Listener<T>): (this: void) => void {
    this.listeners.push(fn);
    return () => {
      const kept: Listener<T>[] = [];
      for (const l of this.listeners) if (l !== fn) kept.push(l);
      this.listeners = kept;
    };
  }

  /**
   * Tells the listeners, synchronously: they only take note and redraw on their own schedule.
   * A failing listener is reported and stops neither the others nor the publisher.
   */
  publish(payload: T): void {
    for (const fn of this.listeners) {
      const [ok, err] = pcall(fn, payload);
      if (!ok) vim.notify(`ollama-chat: a ${this.name} listener failed: ${tostring(err)}`, vim.log.levels.ERROR);
    }
  }
}
