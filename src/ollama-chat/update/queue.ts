// A queue that runs at most `limit` jobs at once, in the order they were added.
import type { Handle } from "../ollama/types";

/** @noSelf */
export interface QueueJobs<T> {
  /** Starts the job for `item`; it calls `done` exactly once (even when cancelled). */
  start: (item: T, done: () => void) => Handle;
  /** Once nothing is queued or running any more. */
  on_idle: () => void;
}

export class Queue<T extends object> {
  private waiting: T[] = [];
  private waitingHead = 0;
  private active = new LuaMap<T, Handle | false>();
  private activeCount = 0;
  private pumping = false;
  private idle = true;

  constructor(
    private readonly limit: number,
    private readonly jobs: QueueJobs<T>,
  ) {}

  push(item: T): void {
    this.waiting.push(item);
    this.idle = false;
    this.pump();
  }

  /** Jobs running now. */
  running(): number {
    return this.activeCount;
  }

  /** Drops what waits (returned, in order) and cancels what runs: those still call `done`. */
  cancel(): T[] {
    const dropped = this.waiting.slice(this.waitingHead);
    this.waiting = [];
    this.waitingHead = 0;
    for (const [, handle] of this.active) if (handle !== false) handle.cancel();
    this.checkIdle();
    return dropped;
  }

  // A job may finish inside `start`; the loop (not recursion) then starts the next one.
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    while (this.activeCount < this.limit && this.waitingHead < this.waiting.length) {
      const item = this.waiting[this.waitingHead];
      this.waitingHead++;
      this.activeCount++;
      this.active.set(item, false);
      let finished = false;
      const handle = this.jobs.start(item, () => {
        if (finished) return;
        finished = true;
        this.active.delete(item);
        this.activeCount--;
        this.pump();
      });
      if (!finished) this.active.set(item, handle);
    }
    if (this.waitingHead >= this.waiting.length) {
      this.waiting = [];
      this.waitingHead = 0;
    }
    this.pumping = false;
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.idle || this.pumping || this.activeCount > 0 || this.waitingHead < this.waiting.length) return;
    this.idle = true;
    this.jobs.on_idle();
  }
}
