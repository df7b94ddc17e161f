// :OllamaUpdate, :Ollama outdated, :Ollama pull: the entry points (require("ollama-chat.update.updater")).
// One run at a time per Neovim: asking again while one runs shows its progress instead.
import { inline } from "../ui/text";
import * as localModelNames from "../ollama/localmodels";
import { invalidName } from "../ollama/names";
import { notify } from "../ui/notify";
import { outdated } from "./report";
import { Run, type Request } from "./run";
import * as view from "./view";

export interface UpdateOptions {
  /** Only these models (full names with tags, or short names); default: every local model. */
  models?: string[];
  /** Only ask the registry which models have a newer version; download nothing. */
  check_only?: boolean;
}

const state = {
  active: undefined as Run | undefined,
  /** The last run, over or not: what the view shows, and what `u` updates after a check. */
  last: undefined as Run | undefined,
};

function start(request: Request): void {
  const run = new Run(request, {
    on_end: () => {
      if (state.active === run) state.active = undefined;
    },
    update_outdated: () => updateOutdated(),
  });
  state.active = run;
  state.last = run;
  run.start();
}

interface ModelList {
  names?: string[];
  /** What is wrong with the list, for the user. */
  error?: string;
}

/** The model names of `opts.models` (a list, or one name). */
function readModels(value: unknown): ModelList {
  if (value === undefined) return {};
  const list = type(value) === "string" ? [value as string] : value;
  if (type(list) !== "table") return { error: `update(): \`models\` expects a list of model names, got ${vim.inspect(value)}` };
  const names: string[] = [];
  for (const name of list as unknown[]) {
    if (type(name) !== "string" || vim.trim(name as string) === "") {
      return { error: `update(): \`models\` expects model names such as "llama3.2:3b", got ${vim.inspect(name)}` };
    }
    names.push(vim.trim(name as string));
  }
  return names.length > 0 ? { names } : {};
}

/**
 * Updates the local models (all, or `opts.models`) a few at a time, or with `check_only` asks the
 * registry which ones are outdated. While a run is going, shows its progress instead.
 */
export function update(opts?: UpdateOptions): void {
  if (opts !== undefined && type(opts) !== "table") {
    notify(`update() expects a table such as { models = { "llama3.2:3b" }, check_only = true }, got ${vim.inspect(opts)}`, vim.log.levels.ERROR);
    return;
  }
  if (state.active !== undefined) {
    notify(`${state.active.noun() === "pull" ? "a pull" : state.active.noun() === "check" ? "a check" : "an update"} is already running: showing its progress`);
    reopen();
    return;
  }
  const models = readModels(opts?.models);
  if (models.error !== undefined) {
    notify(models.error, vim.log.levels.ERROR);
    return;
  }
  start({ mode: opts?.check_only === true ? "check" : "update", names: models.names, install: false });
}

/**
 * Asks the name of a model to pull, then pulls it (with `pullWith` when given: the public API's
 * pull); an empty or cancelled answer pulls nothing, and says so.
 */
export function askToPull(pullWith: (this: void, name: string) => void = pull): void {
  vim.ui.input({ prompt: "Model to pull (name:tag): " }, (input) => {
    const name = vim.trim(input ?? "");
    if (name === "") return notify("pull cancelled: no model name given");
    const bad = invalidName(name);
    if (bad !== undefined) return notify(`cannot pull: ${bad}`, vim.log.levels.ERROR);
    pullWith(name);
  });
}

/** Downloads a model (new or installed) with the same progress view; joins a running update. */
export function pull(model: string): void {
  if (type(model) !== "string" || vim.trim(model) === "") {
    notify("pull needs a model name, such as `:Ollama pull llama3.2:3b`", vim.log.levels.ERROR);
    return;
  }
  const name = vim.trim(model);
  const active = state.active;
  if (active !== undefined) {
    if (active.add(name)) {
      view.show(true);
      return;
    }
    notify(`a check for outdated models is running: pull ${inline(name)} when it ends (x in its view stops it)`, vim.log.levels.WARN);
    return;
  }
  start({ mode: "update", names: [name], install: true });
}

/** Cancels the running and queued pulls (or checks); true when something was cancelled. */
export function stop(): boolean {
  return state.active !== undefined && state.active.stop();
}

/** True while a pull, update or check runs (the API's stop() says when nothing does). */

export function isRunning(): boolean {
  return state.active !== undefined;
}

/** Shows the progress view of the running (or last) run and moves into it; false when there is none. */
export function reopen(): boolean {
  if (state.last === undefined) {
    notify("no update to show: run `:OllamaUpdate` or `:Ollama outdated` first");
    return false;
  }
  view.show(true);
  return true;
}

/** After `:Ollama outdated`: updates just the models it found outdated. */
export function updateOutdated(): void {
  const last = state.last;
  if (state.active !== undefined) {
    notify("wait for the running check or update to end, or stop it with x");
    return;
  }
  const names = last !== undefined && last.request.mode === "check" ? outdated(last.rows) : [];
  if (names.length === 0) {
    notify("no outdated models to update: `:Ollama outdated` checks which have a newer version");
    return;
  }
  start({ mode: "update", names, install: false });
}

/** The local model names from the last /api/tags answer (for completion, which cannot wait). */
export function localModels(): string[] {
  return localModelNames.cached();
}
