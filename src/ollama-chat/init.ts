// Public Lua API: require("ollama-chat"). Thin: each function loads its feature module on first
// use, so requiring this module (as a user's config does at startup) costs next to nothing.
import type * as AskModule from "./chat/ask";
import type * as ApplyModule from "./code/apply";
import type * as EditModule from "./code/edit";
import type * as VariablesModule from "./chat/variables";
import type * as ModelsModule from "./chat/models";
import type * as SavedModule from "./chat/saved";
import type * as ChatsModule from "./store/chats";
import type * as UpdaterModule from "./update/updater";
import type * as ManagerModule from "./models/manager";
import type * as ListingModule from "./models/listing";
import type { RunningModel } from "./ollama/client";
import type { UpdateOptions } from "./update/updater";
import type * as ChatModule from "./chat/session";
import type { Status } from "./chat/session";
import * as config from "./config";
import type { Layout } from "./config";
import * as keymaps from "./keymaps";
import { lazy } from "./lazy";
import { notify } from "./ui/notify";

export const version = "0.1.0";

const chat = lazy<typeof ChatModule>("ollama-chat.chat.session");
const askModule = lazy<typeof AskModule>("ollama-chat.chat.ask");
const applyModule = lazy<typeof ApplyModule>("ollama-chat.code.apply");
const editModule = lazy<typeof EditModule>("ollama-chat.code.edit");
const variables = lazy<typeof VariablesModule>("ollama-chat.chat.variables");
const chatModels = lazy<typeof ModelsModule>("ollama-chat.chat.models");
const saved = lazy<typeof SavedModule>("ollama-chat.chat.saved");
const chatFiles = lazy<typeof ChatsModule>("ollama-chat.store.chats");
const updater = lazy<typeof UpdaterModule>("ollama-chat.update.updater");
const manager = lazy<typeof ManagerModule>("ollama-chat.models.manager");
const listing = lazy<typeof ListingModule>("ollama-chat.models.listing");

function loaded(module: string): boolean {
  return (globalThis as any).package.loaded[module] !== undefined;
}

/** Configures the plugin; may be called any number of times, each call reconfiguring. */
export function setup(opts?: unknown): void {
  keymaps.apply(config.set(opts).keymaps);
}

/** Opens the chat with the default model (asking for one the first time). */
export function open(): void {
  chat().open();
}

/** Hides or shows the chat pane, keeping the conversation and any reply still streaming. */
export function toggle(): void {
  chat().toggle();
}

/** Ends the chat session, stopping any reply. */
export function close(): void {
  chat().close();
}

/** Sends `text` (or the message being typed) with the whole conversation; opens the chat first. */
export function send(text?: string): void {
  chat().send(text);
}

/** Stops the reply in progress and a running update or check (without loading either). */
export function stop(): void {
  const reply = loaded("ollama-chat.chat.session") && chat().stop();
  const run = loaded("ollama-chat.update.updater") && updater().stop();
  if (!reply && !run) notify("nothing to stop: no reply is streaming and no pull or update is running");
}

/** Replaces the last reply with a new one from the same history (a failed or stopped turn is retried). */
export function regenerate(): void {
  chat().regenerate();
}

/** Re-splits the chat pane and remembers the layout. */
export function set_layout(layout: Layout): void {
  if (layout !== "horizontal" && layout !== "vertical") {
    error(`ollama-chat: set_layout() expects "horizontal" or "vertical", got ${vim.inspect(layout)}`, 0);
  }
  chat().setLayout(layout);
}

/**
 * For statuslines: { model, state = "idle"|"loading"|"generating"|"error", tokens_per_second,
 * context = { used, size }, loaded } (`context`: tokens of the conversation and the context asked
 * for, once a reply was sent; `loaded`: the model is in memory, as of an /api/ps at most a few
 * seconds old; nil while unknown).
 */
export function status(): Status & { loaded: boolean | undefined } {
  // A statusline calls this all the time: before the chat was ever used, do not load it.
  if (!loaded("ollama-chat.chat.session")) {
    return { model: undefined, state: "idle", tokens_per_second: undefined, loaded: undefined };
  }
  const s = chat().status();
  const inMemory = s.model === undefined ? undefined : s.state === "generating" ? true : listing().loadedState(s.model);
  return { model: s.model, state: s.state, tokens_per_second: s.tokens_per_second, context: s.context, loaded: inMemory };
}

/** Asks about the current buffer, or `range` ({first, last}) of it, in the chat. */
export function ask(opts?: { prompt?: string; range?: [number, number] }): void {
  askModule().ask({ prompt: opts?.prompt, range: opts?.range });
}

/**
 * Applies the chat's code block under the cursor (else the last reply's last block) to the lines
 * it was asked about (else the buffer the chat came from), through a diff to accept or reject.
 */
export function apply(): void {
  applyModule().apply();
}

/** Rewrites the current buffer, or `range` of it, as `prompt` says, through the same diff. */
export function edit(opts?: { prompt?: string; range?: [number, number] }): void {
  editModule().edit({ prompt: opts?.prompt, range: opts?.range });
}

/** Sets the default model (persistent): `name`, or the one picked from the local models. */
export function select_model(name?: string): void {
  chatModels().selectDefault(name);
}

/** Switches the model of the open chat: `name`, or the one picked. A reply in progress stops. */
export function switch_model(name?: string): void {
  if (name !== undefined && vim.trim(name) !== "") {
    chat().switchModel(vim.trim(name));
    return;
  }
  chatModels().pickModel(
    "Switch the chat to",
    (picked) => {
      if (picked !== undefined) chat().switchModel(picked);
    },
    { marked: chat().status().model, markLabel: "current" },
  );
}

/** Saves the chat under `name` (asked for when absent); saving again under a name appends. */
export function save(name?: string): void {
  saved().save(name);
}

/** Opens a saved chat (`name`, or picked) in a new read-only buffer. */
export function load(name?: string): void {
  saved().load(name);
}

/** Continues a saved chat (`name`, or picked) as the active conversation. */
export function resume(name?: string): void {
  saved().resume(name);
}

/** Deletes all saved chats after a confirmation; `{ force = true }` skips it. */
export function clear_saved(opts?: { force?: boolean }): void {
  saved().clear(opts);
}

/**
 * Names for completion, from caches (never waits): "models", "chats", or "variables" (the chat
 * variables with the buffer names and files they take).
 */
export function completions(kind: "models" | "chats" | "variables"): string[] {
  if (kind === "models") return chatModels().completionNames();
  if (kind === "variables") return variables().names();
  return chatFiles().names();
}

/**
 * Updates every local model (or `models`), a few at a time, with a live view and a summary;
 * `check_only` asks the registry which have a newer version and downloads nothing.
 */
export function update(opts?: UpdateOptions): void {
  updater().update(opts);
}

/** Downloads a model, with the same progress view. */
export function pull(name: string): void {
  updater().pull(name);
}

/** Opens the model manager: every local model, loaded or not, with keys to manage them. */
export function models(): void {
  manager().open();
}

/** Deletes a local model after a confirmation naming it and its size; `{ force = true }` skips it. */
export function delete_model(name: string, opts?: { force?: boolean }): void {
  manager().deleteModel(name, opts);
}

/** Copies a local model under a new name; an existing `to` is asked about before it is replaced. */
export function copy_model(from: string, to: string): void {
  manager().copyModel(from, to);
}

/** Loads a model into memory for the chat's keep_alive. */
export function preload_model(name: string): void {
  manager().preloadModel(name);
}

/** Unloads a model from memory; without a name, every loaded model. */
export function unload_model(name?: string): void {
  manager().unloadModel(name);
}

/** Calls `cb(models)` with the models loaded in memory (/api/ps), or `cb(nil, message)`. */
export function running(cb: (this: void, models: RunningModel[] | undefined, err?: string) => void): void {
  manager().running(cb);
}
