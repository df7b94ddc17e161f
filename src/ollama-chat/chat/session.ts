// The chat as the API sees it (require("ollama-chat.chat.session")): thin functions over the
// current conversation of the registry, and the pane that shows it. What a conversation is and
// does lives in conversation.ts; which one is current, in registry.ts.
import { inline } from "../ui/text";
import type { Layout } from "../config";
import type { Message } from "../format/transcript";
import { notify } from "../ui/notify";
import * as chatBuffer from "./buffer";
import { Conversation, type ConversationInit, type Host, type Status } from "./conversation";
import * as frontmatter from "./frontmatter";
import * as prepare from "./prepare";
import * as models from "./models";
import * as pane from "./pane";
import * as registry from "./registry";
import * as regen from "./regenerate";
import * as saving from "./saving";
import * as autosave from "./autosave";
import * as winbar from "./winbar";

export type { State, Status } from "./conversation";

autosave.setup();
winbar.setup();

const host: Host = {
  send: (c) => sendIn(c, undefined, undefined),
  missingModel: (c, model) => models.offerMissing(model, (picked) => switchModelOf(c, picked)),
  write: (c) => saving.write(c),
};

/** A new conversation (not yet current). */
export function create(init: ConversationInit): Conversation {
  const c = new Conversation(init, host);
  prepare.adopt(c, frontmatter.ofMessages(init.messages ?? []));
  registry.add(c);
  return c;
}

/** The current conversation, created empty when there is none. */
export function current(): Conversation {
  const existing = registry.peek();
  if (existing !== undefined) return existing;
  const c = create({});
  registry.setCurrent(c);
  return c;
}

/**
 * Makes `next` the current conversation. The one it replaces is closed (its reply stopped and
 * kept out of `next`); its buffer is handed to `next` when `keepBuffer`, else deleted.
 */
function replaceCurrent(next: Conversation, keepBuffer: boolean): void {
  const old = registry.peek();
  registry.setCurrent(next);
  if (old === undefined) return;
  registry.remove(old);
  const buf = old.close();
  if (buf === undefined) return;
  if (keepBuffer) next.adopt(buf);
  else chatBuffer.destroy(buf);
}

/** What waits for a switch being checked (`:Ollama switch` then at once `:Ollama open`): its model comes first. */
let afterSwitch: (() => void)[] | undefined;

/** The model for the conversation (asking the first time); a default found uninstalled is replaced. */
function resolveModel(c: Conversation, cb: (this: void, model: string) => void): void {
  if (afterSwitch !== undefined) {
    afterSwitch.push(() => (c.model !== undefined ? cb(c.model) : resolveModel(c, cb)));
    return;
  }
  models.resolve(
    (model) => {
      if (model === undefined) return;
      c.model = model;
      cb(model);
    },
    (picked) => {
      if (!c.isStreaming()) c.model = picked;
    },
  );
}

/** Shows the conversation with a model (asking for one the first time), then calls `cb`. */
export function withModel(c: Conversation, cb: (this: void, c: Conversation) => void): void {
  if (c.model !== undefined && c.validBuffer() !== undefined) {
    cb(c);
    return;
  }
  resolveModel(c, () => {
    showWarm(c);
    cb(c);
  });
}

export function isOpen(): boolean {
  const c = registry.peek();
  return c !== undefined && pane.windowOf(c) !== undefined;
}

/** Shows the conversation and warms its model up in the background. */
function showWarm(c: Conversation): void {
  pane.show(c, true);
  c.warm();
}

/** Opens the chat with the default model (asking for one the first time). */
export function open(): void {
  const c = current();
  if (c.model !== undefined) {
    showWarm(c);
    return;
  }
  resolveModel(c, () => showWarm(c));
}

export function toggle(): void {
  const c = registry.peek();
  if (c !== undefined && isOpen()) {
    pane.hide(c);
    return;
  }
  open();
}

/** Ends the session: stops any reply, closes the pane, forgets the conversation (not its model). */
export function close(): void {
  const old = registry.peek();
  if (old === undefined) return;
  replaceCurrent(create({ model: old.model }), false);
}

/** Re-splits the open pane and remembers the layout for this and future instances. */
export function setLayout(l: Layout): void {
  pane.setLayout(l, registry.peek());
}

function switchModelOf(c: Conversation, model: string): void {
  c.stop();
  c.model = model;
  frontmatter.switchModel(c.validBuffer(), model);
  winbar.refresh();
  notify(`the chat now uses ${inline(model)}`);
  c.warm();
}

/**
 * Uses `model` for the rest of this chat once it is known to be installed (checked in the
 * background; a missing one is offered to pull); a reply in progress is stopped first. A switch
 * before the chat was ever opened is the model it opens with.
 */
export function switchModel(model: string): void {
  const c = current();
  const waiting = afterSwitch ?? [];
  afterSwitch = waiting;
  models.checkSwitch(
    model,
    c.model,
    // The conversation may have been closed or replaced meanwhile: the chat the user sees switches.
    (installed) => switchModelOf(current(), installed),
    () => {
      if (afterSwitch === waiting) afterSwitch = undefined;
      for (const f of waiting) f();
    },
  );
}

export function status(): Status {
  const c = registry.peek();
  return c !== undefined ? c.status() : { model: undefined, state: "idle", tokens_per_second: undefined };
}

/** Stops the reply in progress; false when none was streaming. */
export function stop(): boolean {
  const c = registry.peek();
  if (c === undefined || !c.isStreaming()) return false;
  c.stop();
  return true;
}

/**
 * Sends the conversation's typed message (or `text`) with the whole conversation, opening the
 * pane first when needed. `onSent` is told the model once the request is on its way (the model
 * may first have to be picked); never when nothing was sent.
 */
export function sendIn(c: Conversation, text: string | undefined, onSent: ((this: void, model: string) => void) | undefined): void {
  if (c.isStreaming()) {
    notify("a reply is still streaming: wait for it, or stop it with <C-c> or :Ollama stop", vim.log.levels.WARN);
    return;
  }
  withModel(c, () => {
    const taken = c.takeMessage(text);
    if (taken === undefined) return;
    prepare.request(c, taken, (messages, rewrite) => {
      if (c.isStreaming()) return;
      // The pane shows the current conversation; one beside it streams into its hidden buffer.
      if (c === registry.peek() && pane.windowOf(c) === undefined) pane.show(c, false);
      c.send(messages, rewrite);
      onSent?.(c.model!);
    });
  });
}

/** Sends in the current conversation (see sendIn). */
export function send(text?: string, onSent?: (this: void, model: string) => void): void {
  sendIn(current(), text, onSent);
}

/** The current conversation as its buffer says it, without the empty turn being typed. */
export function conversation(): Message[] {
  return registry.peek()?.read() ?? [];
}

/** The model that wrote the last reply, else the chat's model. */
export function conversationModel(): string | undefined {
  return registry.peek()?.lastModel();
}

/** Whether a reply is being received. */
export function isStreaming(): boolean {
  return registry.peek()?.isStreaming() ?? false;
}

export function savedName(): string | undefined {
  return registry.peek()?.savedName;
}

export function setSavedName(name: string | undefined): void {
  current().savedName = name;
}

/** Makes `messages` the active conversation (a reply in progress is stopped) and shows the pane. */
export function replaceConversation(messages: Message[], model: string | undefined, name: string | undefined): void {
  const next = create({ messages, model: model ?? registry.peek()?.model, savedName: name });
  replaceCurrent(next, true);
  if (next.model === undefined) {
    resolveModel(next, () => pane.show(next, true));
    return;
  }
  pane.show(next, true);
}

/** Replaces the last reply of the current conversation with a new one from the same history. */
export function regenerate(): void {
  const c = current();
  withModel(c, () => {
    const messages = regen.prepare(c);
    if (messages === undefined) return;
    if (pane.windowOf(c) === undefined) pane.show(c, false);
    c.send(messages);
  });
}
