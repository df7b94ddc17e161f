// What Ollama last said about the local models: /api/tags, /api/ps and, per model, /api/show
// (capabilities and context length, asked once per model version, a few at a time). Every answer
// calls `changed`; nothing here draws.
import * as client from "../ollama/client";
import { sameModel } from "../ollama/names";
import type { RunningModel } from "../ollama/client";
import type { Handle, ModelInfo, OllamaError } from "../ollama/types";
import { changes } from "./changes";
import type { ShowFacts } from "./rows";
import { epochNow, parseTime } from "./time";

/** /api/show requests at once: each is a process to start, and there may be 200 models. */
const SHOW_CONCURRENCY = 3;

const state = {
  tags: undefined as ModelInfo[] | undefined,
  running: [] as RunningModel[],
  /** When /api/ps last answered (vim.uv.now()), -1 never. */
  runningAt: -1,
  /** When the first model of that answer unloads (epoch s), per its expires_at. */
  nextExpiry: undefined as number | undefined,
  /** client.memoryChanges() when that /api/ps was asked. */
  runningAskedAt: -1,
  error: undefined as string | undefined,
  /** By `name\ndigest`: a new version of a model is asked again. */
  shows: new LuaMap<string, ShowFacts>(),
  showQueue: [] as ModelInfo[],
  queued: new LuaSet<string>(),
  showsInFlight: 0,
};

/** Every answer (and every failure) is announced: the view redraws on its own schedule. */
function changed(): void {
  changes.publish({ what: "listing" });
}

function showKey(m: ModelInfo): string {
  return `${m.name}\n${m.digest}`;
}

/** A failure that says Ollama cannot be reached (or is not Ollama): shown until an answer comes. */
function noteError(err: OllamaError | undefined): void {
  if (err === undefined) state.error = undefined;
  else if (err.kind !== "cancelled") state.error = err.message;
}

export function tags(): ModelInfo[] | undefined {
  return state.tags;
}

export function running(): RunningModel[] {
  return state.running;
}

/** Whether `name` was in memory at the last /api/ps answer. */
export function isLoaded(name: string): boolean {
  for (const r of state.running) if (r.name === name) return true;
  return false;
}

/** How old the /api/ps answer a statusline is told from may be (ms). */
const LOADED_TTL_MS = 10000;
/** A statusline asks on every redraw: /api/ps at most this often for it (ms). */
const LOADED_MIN_AGE_MS = 1000;

/**
 * Whether the last /api/ps answer is too old to tell a statusline from: older than
 * LOADED_TTL_MS, asked before a chat request ended (which may have loaded or unloaded a model),
 * or a model it listed has reached the time Ollama said it unloads at.
 */
function runningStale(): boolean {
  if (state.runningAt < 0) return true;
  const age = vim.uv.now() - state.runningAt;
  if (age > LOADED_TTL_MS) return true;
  if (age < LOADED_MIN_AGE_MS) return false;
  // A reply, a preload or an unload ended since it was asked, or a listed model's time is up.
  if (client.memoryChanges() !== state.runningAskedAt) return true;
  return state.nextExpiry !== undefined && epochNow() >= state.nextExpiry;
}

/** The earliest time (epoch s) a listed model unloads at, if any. */
function earliestExpiry(list: RunningModel[]): number | undefined {
  let first: number | undefined;
  for (const r of list) {
    const t = parseTime(r.expires_at);
    if (t !== undefined && (first === undefined || t < first)) first = t;
  }
  return first;
}

/**
 * For statuslines: whether `name` is in memory, as of the last /api/ps (asked again in the
 * background once stale, see runningStale); undefined before the first answer.
 */
export function loadedState(name: string): boolean | undefined {
  if (!psRequest.busy() && runningStale()) refreshRunning();
  if (state.runningAt < 0) return undefined;
  for (const r of state.running) if (sameModel(r.name, name)) return true;
  return false;
}

/** When /api/ps last answered (vim.uv.now() ms), -1 when it never did. */
export function runningAt(): number {
  return state.runningAt;
}

export function error(): string | undefined {
  return state.error;
}

/** What /api/show said about this version of the model (or the listing itself, when it says it). */
export function showFacts(m: ModelInfo): ShowFacts | undefined {
  const cached = state.shows.get(showKey(m));
  if (cached !== undefined) return cached;
  const listed = (m as unknown as { capabilities?: unknown }).capabilities;
  const ctx = m.details?.context_length;
  if (type(listed) === "table" && type(ctx) === "number") return { capabilities: listed as string[], context_length: ctx };
  return undefined;
}

function pumpShows(): void {
  while (state.showsInFlight < SHOW_CONCURRENCY && state.showQueue.length > 0) {
    const m = state.showQueue.shift()!;
    const key = showKey(m);
    state.showsInFlight++;
    client.showModel(m.name, (err, facts) => {
      state.showsInFlight--;
      state.queued.delete(key);
      if (facts !== undefined) state.shows.set(key, { capabilities: facts.capabilities, context_length: facts.context_length });
      // A model deleted meanwhile (404) shows no capabilities; its row goes at the next listing.
      if (err !== undefined && err.kind !== "not_found") noteError(err);
      changed();
      pumpShows();
    });
  }
}

/** Capabilities are asked only while someone shows them (the view is open). */
let detailed = false;

/** Whether /api/show is asked about each listed model (only while the view shows them). */
export function setDetailed(on: boolean): void {
  detailed = on;
  if (on && state.tags !== undefined) askShows(state.tags);
}

/** Asks /api/show about every listed model not known yet. */
function askShows(models: ModelInfo[]): void {
  if (!detailed) return;
  for (const m of models) {
    const key = showKey(m);
    if (showFacts(m) === undefined && !state.queued.has(key)) {
      state.queued.add(key);
      state.showQueue.push(m);
    }
  }
  pumpShows();
}

type Done = (this: void, err: OllamaError | undefined) => void;

/**
 * One request of a kind at a time. Asked again while one runs (after an action, say), it runs
 * once more when that one ends, so every caller hears an answer given after it asked.
 */
class Single {
  private handle: Handle | undefined;
  private again = false;
  private waiting: Done[] = [];
  private next: Done[] = [];

  constructor(private readonly start: (this: void, done: Done) => Handle) {}

  busy(): boolean {
    return this.handle !== undefined;
  }

  run(done?: Done): void {
    if (this.handle !== undefined) {
      this.again = true;
      if (done !== undefined) this.next.push(done);
      return;
    }
    if (done !== undefined) this.waiting.push(done);
    this.handle = this.start((err) => {
      this.handle = undefined;
      const waiting = this.waiting;
      this.waiting = [];
      for (const cb of waiting) cb(err);
      if (this.again) {
        this.again = false;
        this.waiting = this.next;
        this.next = [];
        this.run();
      }
    });
  }
}

const tagsRequest = new Single((done) =>
  client.tags((err, models) => {
    noteError(err);
    if (models !== undefined) {
      state.tags = models;
      askShows(models);
    }
    changed();
    done(err);
  }),
);

const psRequest = new Single((done) => {
  const askedAt = client.memoryChanges();
  return client.running((err, list) => {
    noteError(err);
    if (list !== undefined) {
      state.running = list;
      state.runningAt = vim.uv.now();
      state.nextExpiry = earliestExpiry(list);
      state.runningAskedAt = askedAt;
    }
    changed();
    done(err);
  });
});

/** Whether a request is in flight (for the benchmark: a refresh is over when nothing is). */
export function busy(): boolean {
  return tagsRequest.busy() || psRequest.busy() || state.showsInFlight > 0;
}

/** Lists the local models again; `done` once an answer given after this call arrived. */
export function refreshTags(done?: Done): void {
  tagsRequest.run(done);
}

/** Asks which models are loaded; `done` once an answer given after this call arrived. */
export function refreshRunning(done?: Done): void {
  psRequest.run(done);
}

/** Forgets a model at once (deleted here, or found deleted by another client). */
export function forget(name: string): void {
  if (state.tags === undefined) return;
  const kept: ModelInfo[] = [];
  for (const m of state.tags) if (m.name !== name) kept.push(m);
  state.tags = kept;
  changed();
}
