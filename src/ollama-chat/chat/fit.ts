// Fitting a conversation to its model before it is sent, and learning from the reply after:
// capabilities (a model that cannot chat is refused, `think` only reaches thinking models, images
// only vision models), the context asked for (num_ctx "auto"), the guard offering to drop the
// oldest turns, raise the context or send anyway, and the calibration of the token estimate.
import * as config from "../config";
import type { Message } from "../format/transcript";
import * as capabilities from "../ollama/capabilities";
import type { ModelCaps } from "../ollama/capabilities";
import type { ChatMessage, ChatResult } from "../ollama/types";
import { notify } from "../ui/notify";
import { pick } from "../ui/picker";
import * as context from "./context";
import type { Costed, Plan } from "./context";
import * as images from "./images";

/** What the conversation would send, before fitting. */
export interface Outgoing {
  model: string;
  /** The transcript messages (what the buffer says), the typed message last. */
  messages: Message[];
  /** Indices into `messages` the user chose to leave out earlier (marked in the buffer). */
  excluded: LuaSet<number>;
  /** The request's messages for the kept transcript messages (the configured system prompt first). */
  toRequest: (this: void, kept: Message[]) => ChatMessage[];
  options: { [name: string]: unknown };
  think: boolean | string | undefined;
}

/** What to send, and what the reply will be checked against. */
export interface Fitted {
  messages: ChatMessage[];
  options: { [name: string]: unknown };
  think: boolean | string | undefined;
  sent: Sent;
}

export interface Sent {
  model: string;
  /** The byte-based estimate of the prompt (uncalibrated) and the calibrated one. */
  raw: number;
  estimate: number;
  num_ctx: number;
}

/** @noSelf */
export interface FitHooks {
  /** The user chose to leave these transcript messages out: mark them in the buffer. */
  exclude: (indices: number[]) => void;
  /** The user raised the context for this conversation. */
  setNumCtx: (numCtx: number) => void;
  /** Called once with what to send, or undefined when nothing is to be sent (the user was told). */
  done: (fitted: Fitted | undefined) => void;
}

/** The measured tokens-per-estimate ratio of each model (by name), from its last replies. */
const factors = new LuaMap<string, number>();

export function factorOf(model: string): number {
  return factors.get(model) ?? 1;
}

function costs(messages: ChatMessage[], vision: boolean): Costed[] {
  const out: Costed[] = [];
  for (const m of messages) out.push({ role: m.role, content: m.content, images: vision && m.role === "user" ? images.countIn(m.content) : 0 });
  return out;
}

function replyRoom(options: { [name: string]: unknown }): number {
  const predict = options.num_predict;
  return type(predict) === "number" && (predict as number) > 0 ? math.min(predict as number, 8192) : context.REPLY_ROOM;
}

/** The user's num_ctx when it is a number; "auto" (or nothing) leaves the sizing to us. */
function fixedNumCtx(options: { [name: string]: unknown }): number | undefined {
  const n = options.num_ctx;
  return type(n) === "number" && (n as number) > 0 ? (n as number) : undefined;
}

function planFor(model: string, req: ChatMessage[], caps: ModelCaps | undefined, options: { [name: string]: unknown }): Plan {
  return context.plan({
    messages: costs(req, caps !== undefined && capabilities.has(caps, "vision")),
    factor: factorOf(model),
    fixed: fixedNumCtx(options),
    context_length: caps?.context_length,
    max_ctx: config.get().chat.max_ctx,
    reply_room: replyRoom(options),
  });
}

/** The context a conversation would ask for now (for the warm-up, so the first reply reuses the load). */
export function numCtxFor(model: string, req: ChatMessage[], caps: ModelCaps | undefined, options: { [name: string]: unknown }): number {
  return planFor(model, req, caps, options).num_ctx;
}

function kept(out: Outgoing, extra: LuaSet<number> | undefined): Message[] {
  const list: Message[] = [];
  for (let i = 0; i < out.messages.length; i++) {
    if (!out.excluded.has(i) && (extra === undefined || !extra.has(i))) list.push(out.messages[i]);
  }
  return list;
}

/** The transcript indices behind request indices (the request may start with a configured system prompt). */
function transcriptIndices(out: Outgoing, keptMessages: Message[], req: ChatMessage[], dropped: number[]): number[] {
  const offset = req.length - keptMessages.length;
  const byKept: number[] = [];
  for (let i = 0; i < out.messages.length; i++) if (!out.excluded.has(i)) byKept.push(i);
  const result: number[] = [];
  for (const r of dropped) if (r >= offset) result.push(byKept[r - offset]);
  return result;
}

function describe(model: string, p: Plan): string {
  const size = context.figure(p.num_ctx);
  const holds = p.model_limit !== undefined && p.num_ctx >= p.model_limit
    ? `${model} holds ${size}`
    : `the context asked for is ${size}${p.model_limit !== undefined ? ` (${model} holds ${context.figure(p.model_limit)})` : ""}`;
  return `this chat is about ${context.figure(p.estimate)} tokens; ${holds}`;
}

interface Choice {
  label: string;
  run: (this: void) => void;
}

function finish(out: Outgoing, caps: ModelCaps | undefined, req: ChatMessage[], p: Plan, numCtx: number, hooks: FitHooks): void {
  const vision = caps !== undefined && capabilities.has(caps, "vision");
  images.attach(out.model, vision, req, (err, withImages) => {
    if (err !== undefined || withImages === undefined) {
      notify(err ?? "the images could not be attached", vim.log.levels.ERROR);
      return hooks.done(undefined);
    }
    const options: { [name: string]: unknown } = {};
    for (const [k, v] of pairs(out.options)) options[k as string] = v;
    options.num_ctx = numCtx;
    const think = caps !== undefined && !capabilities.has(caps, "thinking") ? undefined : out.think;
    const raw = context.rawTotal(costs(req, vision));
    hooks.done({ messages: withImages, options, think, sent: { model: out.model, raw, estimate: p.estimate, num_ctx: numCtx } });
  });
}

/** Offers what can be done about a conversation that does not fit. */
function guard(out: Outgoing, caps: ModelCaps | undefined, req: ChatMessage[], p: Plan, hooks: FitHooks): void {
  const keptMessages = kept(out, undefined);
  const choices: Choice[] = [];
  const budget = p.num_ctx - math.min(replyRoom(out.options), math.floor(p.num_ctx / 4));
  const dropped = context.oldestToDrop(costs(req, caps !== undefined && capabilities.has(caps, "vision")), factorOf(out.model), budget);
  if (dropped !== undefined && dropped.length > 0) {
    const indices = transcriptIndices(out, keptMessages, req, dropped);
    choices.push({
      label: `Leave out the ${indices.length} oldest messages (they stay in the chat, marked as not sent)`,
      run: () => {
        hooks.exclude(indices);
        const gone = new LuaSet<number>();
        for (const i of indices) gone.add(i);
        const smaller = out.toRequest(kept(out, gone));
        finish(out, caps, smaller, planFor(out.model, smaller, caps, out.options), p.num_ctx, hooks);
      },
    });
  }
  if (p.raise !== undefined) {
    const raise = p.raise;
    choices.push({
      label: `Raise the context to ${context.figure(raise)} tokens for this chat (more memory, slower to load)`,
      run: () => {
        hooks.setNumCtx(raise);
        finish(out, caps, req, p, raise, hooks);
      },
    });
  }
  choices.push({
    label: "Send anyway (Ollama silently drops what does not fit)",
    run: () => finish(out, caps, req, p, p.num_ctx, hooks),
  });
  pick<Choice>({
    prompt: `${describe(out.model, p)}: what should be sent?`,
    items: choices,
    format: (c) => c.label,
    kind: "ollama-chat.context",
    on_choice: (c) => {
      if (c === undefined) {
        notify("nothing sent: your message is still in the chat", vim.log.levels.INFO);
        return hooks.done(undefined);
      }
      c.run();
    },
  });
}

function withCaps(out: Outgoing, caps: ModelCaps | undefined, hooks: FitHooks): void {
  if (caps !== undefined && !capabilities.canChat(caps)) {
    notify(`${out.model} cannot chat (its capabilities: ${caps.capabilities.join(", ")}): switch to a chat model with :Ollama switch`, vim.log.levels.ERROR);
    return hooks.done(undefined);
  }
  const req = out.toRequest(kept(out, undefined));
  const p = planFor(out.model, req, caps, out.options);
  if (p.fits) return finish(out, caps, req, p, p.num_ctx, hooks);
  guard(out, caps, req, p, hooks);
}

/**
 * Fits `out` to its model and calls `hooks.done` with what to send. When the model's
 * capabilities cannot be read (Ollama down, model missing), the request goes as it is and the
 * chat reports what Ollama says.
 */
export function prepare(out: Outgoing, hooks: FitHooks): void {
  capabilities.of(out.model, (_err, caps) => withCaps(out, caps, hooks));
}

/**
 * Learns from a finished reply: calibrates the model's estimate and returns a warning when Ollama
 * truncated the prompt anyway.
 */
export function afterReply(sent: Sent, result: ChatResult): string | undefined {
  const measured = result.prompt_eval_count;
  const truncated = context.wasTruncated(sent.estimate, measured, sent.num_ctx);
  const factor = context.calibrate(sent.raw, measured, truncated);
  if (factor !== undefined) factors.set(sent.model, factor);
  if (!truncated) return undefined;
  return `⚠ Ollama cut this chat to fit its context: it read ${context.figure(measured!)} of about ${context.figure(sent.estimate)} tokens (num_ctx ${context.figure(sent.num_ctx)}); the oldest part was not seen`;
}

/** The context meter after a reply: tokens in use (prompt and reply) of the size asked for. */
export function meter(sent: Sent, result: ChatResult): { used: number; size: number } {
  const used = (result.prompt_eval_count ?? sent.estimate) + (result.eval_count ?? 0);
  return { used, size: sent.num_ctx };
}
