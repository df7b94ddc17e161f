// Throttled redraws: many changes announced together (200 /api/show answers, a burst of progress)
// are drawn once, at most every `ms`, on the main loop.

/** Stops and closes a libuv timer (safe on one already closing). */
export function stopTimer(timer: UvTimer | undefined): void {
  if (timer === undefined) return;
  timer.stop();
  if (!timer.is_closing()) timer.close();
}

export class Throttle {
  private timer: UvTimer | undefined;

  /** `run` runs on the main loop, `ms` after the first request that found none pending. */
  constructor(private readonly ms: number, private readonly run: (this: void) => void) {}

  /** Asks for a run within `ms`: what is asked meanwhile is run once. */
  request(): void {
    if (this.timer !== undefined) return;
    const timer = vim.uv.new_timer();
    this.timer = timer;
    timer.start(this.ms, 0, () => {
      vim.schedule(() => {
        stopTimer(timer);
        if (this.timer !== timer) return;
        this.timer = undefined;
        this.run();
      });
    });
  }

  /** Forgets a pending run. */
  cancel(): void {
    stopTimer(this.timer);
    this.timer = undefined;
  }
}
