// What can be done to a local model: delete, copy, load into memory, unload. Shared by the
// model manager's keys, the :Ollama subcommands and the API. Each asks before it destroys
// anything, says what happened in one line, and then refreshes the listing.
import type * as ChatModels from "../chat/models";
import * as config from "../config";
import { lazy } from "../lazy";
import * as client from "../ollama/client";
import type { RunningModel } from "../ollama/client";
import { fullName, invalidName, sameModel } from "../ollama/names";
import type { ModelInfo, OllamaError } from "../ollama/types";
import * as prefs from "../store/prefs";
import { notify } from "../ui/notify";
import * as listing from "./listing";
import { bytes } from "../format/bytes";

// Choosing a new default belongs to the chat feature, loaded when a default model is deleted.
const chatModels = lazy<typeof ChatModels>("ollama-chat.chat.models");

const ERROR = vim.log.levels.ERROR;

function defaultModel(): string | undefined {
  const m = prefs.get("default_model");
  return type(m) === "string" ? (m as string) : undefined;
}

/** The name as typed, trimmed, or undefined (and told) when there is none. */
function named(name: unknown, what: string): string | undefined {
  if (type(name) !== "string" || vim.trim(name as string) === "") {
    notify(`${what} needs a model name, such as llama3.2:3b`, ERROR);
    return undefined;
  }
  const trimmed = vim.trim(name as string);
  const bad = invalidName(trimmed);
  if (bad !== undefined) {
    notify(`cannot ${what}: ${bad}`, ERROR);
    return undefined;
  }
  return trimmed;
}

/** The local model `name` denotes, from a fresh listing; told when it is not installed. */
function findLocal(name: string, what: string, cb: (this: void, model: ModelInfo) => void): void {
  listing.refreshTags((err) => {
    if (err !== undefined) return notify(err.message, ERROR);
    const models = listing.tags() ?? [];
    let found = models.find((m) => m.name === name);
    if (found === undefined) found = models.find((m) => sameModel(m.name, name));
    if (found === undefined) return notify(`cannot ${what} ${name}: it is not installed (\`:Ollama models\` lists the local models)`, ERROR);
    cb(found);
  });
}

/** Asks yes or no with vim.ui.select; `yes` only on the first choice. */
function confirm(prompt: string, yes: string, onYes: (this: void) => void): void {
  vim.ui.select([yes, "Cancel"], { prompt }, (choice) => {
    if (choice === yes) onYes();
  });
}

function refreshAll(): void {
  listing.refreshTags();
  listing.refreshRunning();
}

function afterDelete(model: ModelInfo, err: OllamaError | undefined): void {
  if (err !== undefined && err.kind === "not_found") {
    notify(`${model.name} was already deleted (by another client?): removed from the list`, vim.log.levels.WARN);
    listing.forget(model.name);
    return refreshAll();
  }
  if (err !== undefined) return notify(`could not delete ${model.name}: ${err.message}`, ERROR);
  listing.forget(model.name);
  refreshAll();
  const def = defaultModel();
  if (def !== undefined && sameModel(def, model.name)) {
    notify(`deleted ${model.name} (${bytes(model.size)}), the default model: pick a new default`, vim.log.levels.WARN);
    chatModels().selectDefault(undefined);
  } else notify(`deleted ${model.name} (${bytes(model.size)})`);
}

/** Deletes a model after a confirmation naming it and its size; `force` skips the question. */
export function deleteModel(name: unknown, opts?: { force?: boolean }): void {
  const wanted = named(name, "delete");
  if (wanted === undefined) return;
  findLocal(wanted, "delete", (model) => {
    const remove = () => client.remove(model.name, (err) => afterDelete(model, err));
    if (opts !== undefined && type(opts) === "table" && opts.force === true) return void remove();
    const def = defaultModel();
    const isDefault = def !== undefined && sameModel(def, model.name);
    const prompt = `Delete ${model.name} (${bytes(model.size)})?${isDefault ? " It is the default model: you will pick a new one." : ""}`;
    confirm(prompt, `Delete ${model.name}`, () => void remove());
  });
}

/** Copies `from` to `to` (checked against Ollama's name rules); an existing `to` is asked about. */
export function copyModel(from: unknown, to: unknown, done?: (this: void, name: string) => void): void {
  const source = named(from, "copy");
  if (source === undefined) return;
  if (type(to) !== "string" || vim.trim(to as string) === "") return notify("copy needs the new name, such as `:Ollama copy llama3.2:3b mine:latest`", ERROR);
  const target = vim.trim(to as string);
  const bad = invalidName(target);
  if (bad !== undefined) return notify(`cannot copy: ${bad}`, ERROR);
  findLocal(source, "copy", (model) => {
    const dest = fullName(target);
    if (sameModel(model.name, dest)) return notify(`${model.name} and ${target} are the same model: give another name`, ERROR);
    const run = () =>
      client.copy(model.name, dest, (err) => {
        if (err !== undefined) return notify(`could not copy ${model.name} to ${dest}: ${err.message}`, ERROR);
        notify(`copied ${model.name} to ${dest}`);
        listing.refreshTags(() => done?.(dest));
      });
    const existing = (listing.tags() ?? []).find((m) => sameModel(m.name, dest));
    if (existing === undefined) return void run();
    confirm(`${existing.name} exists (${bytes(existing.size)}). Overwrite it with a copy of ${model.name}?`, `Overwrite ${existing.name}`, () => void run());
  });
}

/** Loads a model into memory for the chat's keep_alive (an empty chat request, as Ollama documents). */
export function preloadModel(name: unknown): void {
  const wanted = named(name, "preload");
  if (wanted === undefined) return;
  const keepAlive = config.get().chat.keep_alive;
  notify(`loading ${wanted} into memory…`);
  client.load(wanted, keepAlive, (err) => {
    if (err !== undefined) return notify(`could not load ${wanted}: ${err.message}`, ERROR);
    notify(`${wanted} is loaded${keepAlive !== undefined ? ` (keep_alive ${tostring(keepAlive)})` : ""}`);
    listing.refreshRunning();
  });
}

function unloadOne(name: string): void {
  client.unload(name, (err) => {
    if (err !== undefined) return notify(`could not unload ${name}: ${err.message}`, ERROR);
    notify(`${name} is unloaded from memory`);
    listing.refreshRunning();
  });
}

/** Unloads a model from memory (keep_alive 0); without a name, every loaded model. */
export function unloadModel(name?: unknown): void {
  if (name !== undefined && name !== null && (type(name) !== "string" || vim.trim(name as string) !== "")) {
    const wanted = named(name, "unload");
    if (wanted !== undefined) unloadOne(wanted);
    return;
  }
  listing.refreshRunning((err) => {
    if (err !== undefined) return notify(err.message, ERROR);
    const loaded = listing.running();
    if (loaded.length === 0) return notify("no model is loaded in memory");
    if (loaded.length === 1) return unloadOne(loaded[0].name);
    // Several: one message once all have answered (one each would hide all but the last).
    const unloaded: string[] = [];
    const failed: string[] = [];
    let pending = loaded.length;
    for (const m of loaded) {
      client.unload(m.name, (uerr) => {
        if (uerr !== undefined) failed.push(`${m.name} (${uerr.message})`);
        else unloaded.push(m.name);
        pending--;
        if (pending > 0) return;
        listing.refreshRunning();
        if (unloaded.length > 0) notify(`unloaded from memory: ${unloaded.join(", ")}`);
        if (failed.length > 0) notify(`could not unload ${failed.join("; ")}`, ERROR);
      });
    }
  });
}

/** Calls `cb` with the models loaded in memory (/api/ps), or undefined and the error message. */
export function running(cb: unknown): void {
  if (type(cb) !== "function") return notify("running() expects a function, such as running(function(models) print(#models) end)", ERROR);
  listing.refreshRunning((err) => {
    const fn = cb as (this: void, models: RunningModel[] | undefined, err?: string) => void;
    if (err !== undefined) fn(undefined, err.message);
    else fn(listing.running());
  });
}
