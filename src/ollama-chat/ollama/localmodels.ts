// The names of the local models as of the last /api/tags answer. Command-line completion must
// answer at once, so it reads this list; every part of the plugin that lists the models (the
// chat's picker and checks, an update run) feeds it, so there is one list with one lifetime.
import * as client from "./client";
import type { ModelInfo } from "./types";

/** A list older than this (ms) is refreshed in the background when read. */
export const TTL_MS = 5000;

let names: string[] = [];
let updatedAt = -1;
let refreshing = false;
/** Called once the refresh under way has answered (completion waiting for its first names). */
let waiters: Array<(this: void) => void> = [];

/** Records an /api/tags answer. */
export function remember(this: void, models: ModelInfo[]): void {
  const list: string[] = [];
  for (const m of models) list.push(m.name);
  names = list;
  updatedAt = vim.uv.now();
}

/** The names known now (a copy); a stale list is refreshed in the background for the next call. */
export function cached(this: void): string[] {
  if (!refreshing && (updatedAt < 0 || vim.uv.now() - updatedAt > TTL_MS)) {
    refreshing = true;
    client.tags((err, models) => {
      refreshing = false;
      if (err === undefined && models !== undefined) remember(models);
      else updatedAt = vim.uv.now();
      const called = waiters;
      waiters = [];
      for (const cb of called) cb();
    });
  }
  const copy: string[] = [];
  for (const name of names) copy.push(name);
  return copy;
}

/** Calls `cb` when the refresh under way has answered; false (and no call) when none is under way. */
export function afterRefresh(this: void, cb: (this: void) => void): boolean {
  if (!refreshing) return false;
  waiters.push(cb);
  return true;
}
