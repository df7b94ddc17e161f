// Which model the chat uses: the persisted default (prefs), chosen in the picker from the local
// models (/api/tags, fetched asynchronously), checked in the background when it is used. Every
// answer feeds the one list of local model names that completion reads (ollama/localmodels.ts).
import { inline } from "../ui/text";
import { lazy } from "../lazy";
import * as capabilities from "../ollama/capabilities";
import * as client from "../ollama/client";
import * as localModels from "../ollama/localmodels";
import { fullName, sameModel } from "../ollama/names";
import type { ModelInfo } from "../ollama/types";
import * as prefs from "../store/prefs";
import { notify } from "../ui/notify";
import { pick } from "../ui/picker";
import { modelFormatter } from "../ui/picker/models";
import type * as Updater from "../update/updater";

// Pulling a missing model is the updater's job (its progress view): loaded only when asked for.
const updater = lazy<typeof Updater>("ollama-chat.update.updater");

/** Local models, fetched now; errors and "none installed" are told to the user. */
export function fetch(cb: (this: void, models: ModelInfo[] | undefined) => void): void {
  client.tags((err, models) => {
    if (err !== undefined || models === undefined) {
      notify(err?.message ?? "could not list the local models", vim.log.levels.ERROR);
      return cb(undefined);
    }
    localModels.remember(models);
    if (models.length === 0) {
      notify("no models are installed: pull one with `:Ollama pull llama3.2` (or `ollama pull llama3.2`)", vim.log.levels.WARN);
      return cb(undefined);
    }
    cb(models);
  });
}

/** Names for completion: what is known now; a stale list is refreshed in the background. */
export function completionNames(): string[] {
  return localModels.cached();
}

/** What a model picker shows beyond the list. */
export interface PickExtras {
  /** The model marked in the list (the chat's current one, or the default). */
  marked?: string;
  /** What the mark means, shown after it ("current", "default"). */
  markLabel?: string;
  /** Called instead of `cb(undefined)` when the user closed the picker without choosing. */
  onCancel?: (this: void) => void;
}

/** The mark in front of the marked model's row; the other rows get as many spaces, so columns align. */
const MARK = "● ";
const NO_MARK = "  ";

/**
 * Lets the user pick one of the local models that can chat, each with its capabilities as badges
 * (and `extras.marked` marked); calls back with its full name (or undefined).
 */
export function pickModel(prompt: string, cb: (this: void, name: string | undefined) => void, extras: PickExtras = {}): void {
  fetch((models) => {
    if (models === undefined) return cb(undefined);
    capabilities.ofAll(models, (caps) => {
      const chatModels: ModelInfo[] = [];
      for (let i = 0; i < models.length; i++) {
        const c = caps[i];
        if (c === undefined || capabilities.canChat(c)) chatModels.push(models[i]);
      }
      if (chatModels.length === 0) {
        notify("none of the installed models can chat (embedding models only): pull one with `:Ollama pull llama3.2`", vim.log.levels.WARN);
        return cb(undefined);
      }
      const base = modelFormatter(chatModels);
      const marked = extras.marked;
      const hasMark = marked !== undefined && chatModels.find((m) => sameModel(m.name, marked)) !== undefined;
      const format = (m: ModelInfo): string => {
        const badges = capabilities.badges(capabilities.cached(m));
        const row = badges === "" ? base(m) : `${base(m)}  [${badges}]`;
        if (!hasMark) return row;
        if (!sameModel(m.name, marked!)) return NO_MARK + row;
        return extras.markLabel !== undefined ? `${MARK}${row}  (${extras.markLabel})` : MARK + row;
      };
      pick({
        prompt,
        items: chatModels,
        format,
        on_choice: (m) => {
          if (m === undefined && extras.onCancel !== undefined) return extras.onCancel();
          cb(m?.name);
        },
      });
    });
  });
}

export function defaultModel(): string | undefined {
  const m = prefs.get("default_model");
  return type(m) === "string" ? (m as string) : undefined;
}

/** Persists the default; it is announced once written, or the one-line write error is shown instead. */
function persistDefault(name: string): void {
  const err = prefs.set({ default_model: name }, (werr) => {
    if (werr !== undefined) notify(werr, vim.log.levels.ERROR);
    else notify(`default model: ${inline(name)}`);
  });
  if (err !== undefined) notify(err, vim.log.levels.ERROR);
}

/**
 * Sets the default model: `name` when given (set at once, with its tag, then checked against the
 * local models in the background), else the one picked. Calls back with the model set.
 */
export function selectDefault(name: string | undefined, cb?: (this: void, name: string | undefined) => void, onCancel?: (this: void) => void): void {
  if (name === undefined) {
    const done = (picked: string | undefined): void => {
      if (picked !== undefined) persistDefault(picked);
      cb?.(picked);
    };
    const cancelled = onCancel === undefined ? undefined : (): void => {
      onCancel();
      cb?.(undefined);
    };
    pickModel("Default model", done, { marked: defaultModel(), markLabel: "default", onCancel: cancelled });
    return;
  }
  const model = fullName(name);
  persistDefault(model);
  cb?.(model);
  whenMissing(model, () => offerMissing(model, (picked) => persistDefault(picked)));
}

/**
 * Checks in the background that `model` is installed and calls `missing` when it is not. When
 * Ollama cannot be asked, nothing is said here: the chat reports Ollama being down itself.
 */
function whenMissing(model: string, missing: (this: void) => void): void {
  client.tags((err, models) => {
    if (err !== undefined || models === undefined) return;
    localModels.remember(models);
    if (models.find((m) => sameModel(m.name, model)) === undefined) missing();
  });
}

/**
 * The model for a new chat: the default when there is one (checked in the background: a default
 * that is no longer installed is reported and the picker offered), else the one the user picks.
 */
export function resolve(cb: (this: void, name: string | undefined) => void, onReplaced: (this: void, name: string) => void): void {
  const current = defaultModel();
  if (current === undefined) {
    // The very first pick: closing it leaves the chat without a model, which the user is told.
    selectDefault(undefined, cb, () =>
      notify("no model chosen: the chat needs one; pick it with `:Ollama model` (<leader>od) or open the chat again", vim.log.levels.WARN),
    );
    return;
  }
  cb(current);
  whenMissing(current, () => {
    notify(`the default model ${inline(current)} is no longer installed: pick another`, vim.log.levels.WARN);
    selectDefault(undefined, (picked) => {
      if (picked !== undefined) onReplaced(picked);
    });
  });
}

/** After a 404: offers to pull the model (with progress) or to pick another. */
export function offerMissing(model: string, onPicked: (this: void, name: string) => void): void {
  const pullIt = `Pull ${inline(model)} now`;
  const other = "Choose another model";
  vim.ui.select([pullIt, other], { prompt: `${inline(model)} is not installed` }, (choice) => {
    if (choice === pullIt) {
      updater().pull(model);
    } else if (choice === other) {
      pickModel("Chat model", (name) => {
        if (name !== undefined) onPicked(name);
      });
    }
  });
}

/** The installed model `name` denotes, from a fresh /api/tags answer: found, missing, or why Ollama could not say. */
function lookUp(name: string, cb: (this: void, installed: string | undefined, err: string | undefined) => void): void {
  client.tags((err, models) => {
    if (err !== undefined || models === undefined) return cb(undefined, err?.message ?? "could not list the local models");
    localModels.remember(models);
    cb(models.find((m) => sameModel(m.name, name))?.name, undefined);
  });
}

/**
 * Checks `name` against the local models before the chat switches to it: one in the last listing
 * is switched to at once (`use`), else Ollama is asked in the background: an installed model is
 * switched to; a missing one is offered to pull (the switch happens once
 * the pull brings it) or to keep `current`. Nothing switches on a name Ollama does not have.
 * `settled` is called once the check is over (the user answered; a pull may still be running).
 */
export function checkSwitch(name: string, current: string | undefined, use: (this: void, model: string) => void, settled: (this: void) => void): void {
  // A model the last listing had switches at once (a later 404 still offers the pull); others wait for Ollama's answer.
  const known = localModels.cached().find((n) => sameModel(n, name));
  if (known !== undefined) {
    use(known);
    return settled();
  }
  const keeps = current !== undefined ? `the chat keeps ${inline(current)}` : "the chat has no model yet";
  lookUp(name, (installed, err) => {
    if (err !== undefined) {
      notify(`could not check ${inline(name)} (${err}); ${keeps}`, vim.log.levels.ERROR);
      return settled();
    }
    if (installed !== undefined) {
      use(installed);
      return settled();
    }
    notify(`${inline(name)} is not installed: pull it now, or keep the current model`, vim.log.levels.WARN);
    const pullIt = `Pull ${inline(name)} now, then switch to it`;
    const keep = current !== undefined ? `Keep ${inline(current)}` : "Keep no model";
    vim.ui.select([pullIt, keep], { prompt: `${inline(name)} is not installed` }, (choice) => {
      if (choice !== pullIt) notify(`no switch: ${keeps}`);
      else {
        switchAfterPull(name, keeps, use);
        updater().pull(name);
      }
      settled();
    });
  });
}

/** Once the pull of `name` is over: switches when the model is now installed, else says the chat did not switch. */
function switchAfterPull(name: string, keeps: string, use: (this: void, model: string) => void): void {
  vim.api.nvim_create_autocmd("User", {
    pattern: "OllamaUpdateDone",
    once: true,
    callback: () => {
      lookUp(name, (installed) => {
        if (installed !== undefined) use(installed);
        else notify(`${inline(name)} was not pulled: ${keeps}`, vim.log.levels.WARN);
      });
    },
  });
}
