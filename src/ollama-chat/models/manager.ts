// :Ollama models (require("ollama-chat.models.manager")): the model manager. Opens the view,
// keeps it true while it is visible (a refresh after every action, /api/ps polled, the listing
// now and then), and gives the actions on models to the API and the :Ollama subcommands.
import type * as ChatSession from "../chat/session";
import { lazy } from "../lazy";
import * as prefs from "../store/prefs";
import * as client from "../ollama/client";
import type * as Lifecycle from "./lifecycle";
import { changes } from "./changes";
import type * as Details from "./details";
import * as listing from "./listing";
import * as outdated from "./outdated";
import { buildRows, viewLines } from "./rows";
import type * as Updater from "../update/updater";
import * as view from "./view";
import { epochNow } from "./time";
import { Throttle, stopTimer } from "../ui/throttle";

/** /api/ps while the view is visible, this often (ms). */
export const POLL_MS = 2000;
/** The listing (/api/tags: other clients pull, copy, delete) every this many polls. */
const TAGS_EVERY = 2;
/** Redraws are gathered: many answers arrive together (200 /api/show replies). */
const REDRAW_MS = 100;

// Chatting and updating belong to other features, loaded when a key needs them.
const chat = lazy<typeof ChatSession>("ollama-chat.chat.session");
const updater = lazy<typeof Updater>("ollama-chat.update.updater");
// Loaded when a key or the API asks for them: opening the view needs neither.
const lifecycle = lazy<typeof Lifecycle>("ollama-chat.models.lifecycle");
const details = lazy<typeof Details>("ollama-chat.models.details");

export const deleteModel: typeof Lifecycle.deleteModel = (name, opts) => lifecycle().deleteModel(name, opts);
export const copyModel: typeof Lifecycle.copyModel = (from, to, done) => lifecycle().copyModel(from, to, done);
export const preloadModel: typeof Lifecycle.preloadModel = (name) => lifecycle().preloadModel(name);
export const unloadModel: typeof Lifecycle.unloadModel = (name) => lifecycle().unloadModel(name);
export const running: typeof Lifecycle.running = (cb) => lifecycle().running(cb);

const state = {
  pollTimer: undefined as UvTimer | undefined,
  ticks: 0,
  /** Redraws and the editor time they took (ns), for the benchmark. */
  redraws: 0,
  redrawNs: 0,
  redrawMaxNs: 0,
};

function defaultModel(): string | undefined {
  const m = prefs.get("default_model");
  return type(m) === "string" ? (m as string) : undefined;
}

/** Draws the view from what is known now (only the lines that changed are written). */
export function redraw(): void {
  if (view.buffer() === undefined) return;
  const t0 = vim.uv.hrtime();
  const tags = listing.tags();
  const rows = buildRows({ tags: tags ?? [], running: listing.running(), show: listing.showFacts, defaultModel: defaultModel(), outdated: outdated.lastCheck() });
  const { lines, rowStart } = viewLines(rows, { host: client.host(), error: listing.error(), loading: tags === undefined, outdated: outdated.lastCheck() }, epochNow());
  const names: string[] = [];
  for (const r of rows) names.push(r.name);
  view.render(lines, names, rowStart);
  const took = vim.uv.hrtime() - t0;
  state.redraws++;
  state.redrawNs += took;
  state.redrawMaxNs = math.max(state.redrawMaxNs, took);
}

const redrawSoon = new Throttle(REDRAW_MS, () => {
  if (view.isVisible()) redraw();
});

/** Asks for a redraw within REDRAW_MS; what changed meanwhile is drawn once. */
export function scheduleRedraw(): void {
  redrawSoon.request();
}

changes.subscribe(() => scheduleRedraw());

/** Lists the models and what is loaded again. */
export function refresh(): void {
  listing.refreshTags();
  listing.refreshRunning();
}

function stopPolling(): void {
  stopTimer(state.pollTimer);
  state.pollTimer = undefined;
}

function tick(): void {
  if (!view.isVisible()) return stopPolling();
  state.ticks++;
  // While Ollama is down, both: the listing comes back with it.
  if (listing.error() !== undefined || state.ticks % TAGS_EVERY === 0) listing.refreshTags();
  listing.refreshRunning();
  // Times move on ("unloads in 3 min") even when Ollama said nothing new.
  scheduleRedraw();
}

function startPolling(): void {
  if (state.pollTimer !== undefined) return;
  const timer = vim.uv.new_timer();
  state.pollTimer = timer;
  state.ticks = 0;
  timer.start(POLL_MS, POLL_MS, () => vim.schedule(() => tick()));
}

/** Whether the view polls now (for specs: it stops when the view is hidden). */
export function isPolling(): boolean {
  return state.pollTimer !== undefined;
}

/** How many redraws there were, their editor time, and whether a request is in flight. */
export function stats(): { redraws: number; redraw_ms: number; redraw_max_ms: number; busy: boolean } {
  return { redraws: state.redraws, redraw_ms: state.redrawNs / 1e6, redraw_max_ms: state.redrawMaxNs / 1e6, busy: listing.busy() };
}

/** Starts counting redraws afresh (benchmark rounds). */
export function resetStats(): void {
  state.redraws = 0;
  state.redrawNs = 0;
  state.redrawMaxNs = 0;
}

/** Opening the view fires BufEnter as well: one refresh for both. */
const SHOWN_REFRESH_MS = 500;
let shownAt = -1;
let shownCount = 0;

/**
 * The view became visible: drawn now from what is known; the requests start on the next turn of
 * the main loop (after the view is on screen) and each answer is drawn when it comes.
 */
function shown(): void {
  shownCount++;
  listing.setDetailed(true);
  redraw();
  if (shownAt < 0 || vim.uv.now() - shownAt > SHOWN_REFRESH_MS) vim.schedule(() => refresh());
  shownAt = vim.uv.now();
  startPolling();
}

function chatWith(name: string): void {
  view.close();
  chat().switchModel(name);
  chat().open();
}

function copyPrompt(name: string): void {
  vim.ui.input({ prompt: `Copy ${name} to (name:tag): `, default: name }, (input) => {
    if (input === undefined || vim.trim(input) === "") return;
    lifecycle().copyModel(name, input, (dest) => {
      redraw();
      view.focusModel(dest);
    });
  });
}

function pullPrompt(): void {
  updater().askToPull();
}

const KEYS: view.ViewKeys = {
  chat: (name) => chatWith(name),
  delete: (name) => lifecycle().deleteModel(name),
  update: (name) => updater().update({ models: [name] }),
  update_all: () => updater().update({}),
  copy: (name) => copyPrompt(name),
  load: (name) => lifecycle().preloadModel(name),
  unload: (name) => lifecycle().unloadModel(name),
  details: (name) => details().show(name),
  pull: () => pullPrompt(),
  refresh: () => refresh(),
};

/** Opens the model manager (or goes to it). */
export function open(): void {
  // Entering the view's buffer fires on_shown (BufEnter): once is enough; a view already current
  // fires nothing.
  const before = shownCount;
  view.open(KEYS, { on_shown: () => shown() });
  if (shownCount === before) shown();
}

// A pull or an update changes the listing: shown when it ends.
vim.api.nvim_create_autocmd("User", {
  group: vim.api.nvim_create_augroup("ollama-chat-models", { clear: true }),
  pattern: "OllamaUpdateDone",
  callback: () => {
    if (view.isVisible()) refresh();
  },
});
