// One request being answered, and the counters tests read from GET /__stats.

import { setImmediate as nextTurn } from "node:timers/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { World } from "./world.js";

export class Stats {
  activeRequests = 0;
  private activePulls = 0;
  private maxConcurrentPulls = 0;
  cancelledStreams = 0;
  private pullsByModel = new Map<string, number>();

  pullStarted(name: string): void {
    this.activePulls++;
    this.maxConcurrentPulls = Math.max(this.maxConcurrentPulls, this.activePulls);
    this.pullsByModel.set(name, (this.pullsByModel.get(name) ?? 0) + 1);
  }

  pullEnded(): void {
    this.activePulls--;
  }

  /** Starts counting afresh; pulls still running count as concurrent. */
  reset(): void {
    this.maxConcurrentPulls = this.activePulls;
    this.cancelledStreams = 0;
    this.pullsByModel.clear();
  }

  toJSON(): object {
    return {
      active_requests: this.activeRequests,
      max_concurrent_pulls: this.maxConcurrentPulls,
      cancelled_streams: this.cancelledStreams,
      pulls_by_model: Object.fromEntries(this.pullsByModel),
    };
  }
}

export interface LogEntry {
  method: string;
  path: string;
  /** The query string without "?", "" when there is none. */
  query: string;
  headers: IncomingMessage["headers"];
  /** The raw body as text. */
  body: string;
  /** The body parsed as JSON, null when it is not JSON. */
  json: unknown;
  /** Arrival, in milliseconds since the epoch. */
  time: number;
  /** What chat and generate made of the request: num_ctx, load, prompt tokens, truncation. */
  served?: { [key: string]: unknown };
}

export class Exchange {
  private clientGone = false;
  private resetByServer = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly body: Buffer,
    readonly world: World,
    readonly stats: Stats,
    /** This request's entry in the request log (handlers add what they made of it). */
    readonly log: LogEntry,
  ) {
    res.once("close", () => {
      this.clientGone = !res.writableFinished && !this.resetByServer;
    });
  }

  /** The client closed the connection before the answer ended (the server's own resets excluded). */
  get gone(): boolean {
    return this.clientGone;
  }

  /**
   * Drops the connection without ending the answer, as a crashing server would, once what was
   * written so far has left (the client reads it, then the connection closes mid-body).
   */
  async reset(): Promise<void> {
    this.resetByServer = true;
    const socket = this.res.socket;
    if (!socket) {
      return;
    }
    await nextTurn();
    await new Promise<void>((resolve) => socket.write(Buffer.alloc(0), () => resolve()));
    socket.destroy();
  }
}
