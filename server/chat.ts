// POST /api/chat and POST /api/generate: the same flow (validate, load, reply as the scenario
// says), with chunks shaped per endpoint.

import { setTimeout as sleep } from "node:timers/promises";
import { STATUS_CODES } from "node:http";
import type { Exchange } from "./exchange.js";
import { goJson, goQuote, omitEmpty } from "./gojson.js";
import { parseName } from "./names.js";
import { fitPrompt, promptMessage, type PromptMessage } from "./prompt.js";
import { nowTime } from "./gotime.js";
import { CHAT_REQUEST, GENERATE_REQUEST, readKeepAlive, readRequest, text, wantsThinking, type Fields } from "./requests.js";
import { sendError, sendJson } from "./respond.js";
import type { Capability, ModelSpec, ReplySpec } from "./scenario.js";
import { BodyWriter, NdjsonStream } from "./stream.js";
import type { FieldSchema } from "./godecode.js";

const DEFAULT_REPLY = "Hello! How can I help you today?";
const DEFAULT_STREAM_ERROR = "an error was encountered while running the model: unexpected EOF";
const DEFAULT_STATUS_ERRORS: { [status: number]: string } = {
  500: "llama runner process has terminated: exit status 2",
  503: "server busy, please try again.  maximum pending requests exceeded",
};
/** A trickle ends after two minutes unless the spec says otherwise. */
const DEFAULT_TRICKLE_FOR_MS = 120_000;
const FILLER = "All work and no play makes a long line. ";
/** Default pace the metrics report: 50 tokens per second. */
const EVAL_NS_PER_TOKEN = 20_000_000;
const PROMPT_NS_PER_TOKEN = 2_000_000;
/** load_duration of a model already loaded (a cold one adds the time it waited for the load). */
const WARM_LOAD_NS = 1_334_875;
/** What total_duration counts besides loading and evaluating (templating, sampling). */
const OTHER_NS = 1_234_567;

/** A streamed piece of the reply: reasoning or answer. */
interface Piece {
  thinking?: string;
  content?: string;
}

/** How chunks look on one endpoint. */
interface Shape {
  structName: string;
  schema: FieldSchema;
  /** The request only loads the model (no messages, empty prompt). */
  loadsOnly(req: Fields): boolean;
  echo(req: Fields): string;
  /** The prompt as messages (generate: the system prompt, then the prompt with its images). */
  promptMessages(req: Fields): PromptMessage[];
  /** Ollama drops the oldest messages to fit num_ctx (chat), or only the runner cuts (generate). */
  dropsMessages: boolean;
  /** What a model without the completion capability is told: "x" does not support chat. */
  verb: string;
  /** The object up to and including the text fields; `done` and metrics follow. */
  head(model: string, piece: Piece): { [key: string]: unknown };
}

function messagesOf(req: Fields): Fields[] {
  return Array.isArray(req["messages"]) ? (req["messages"] as Fields[]) : [];
}

const CHAT: Shape = {
  structName: "ChatRequest",
  schema: CHAT_REQUEST,
  loadsOnly: (req) => messagesOf(req).length === 0,
  echo(req) {
    const messages = messagesOf(req);
    const lastUser = messages.filter((m) => m["role"] === "user").pop();
    const plural = messages.length === 1 ? "" : "s";
    return `${messages.length} message${plural}; last user message: ${lastUser ? text(lastUser, "content") : ""}`;
  },
  promptMessages: (req) => messagesOf(req).map(promptMessage),
  dropsMessages: true,
  verb: "chat",
  head: (model, piece) => ({
    model,
    created_at: nowTime(),
    message: omitEmpty({ role: "assistant", content: piece.content ?? "", thinking: piece.thinking }, ["thinking"]),
  }),
};

const GENERATE: Shape = {
  structName: "GenerateRequest",
  schema: GENERATE_REQUEST,
  loadsOnly: (req) => text(req, "prompt") === "",
  echo: (req) => `prompt: ${text(req, "prompt")}`,
  promptMessages: (req) => [
    ...(text(req, "system") === "" ? [] : [promptMessage({ role: "system", content: req["system"] })]),
    promptMessage({ role: "user", content: req["prompt"], images: req["images"] }),
  ],
  dropsMessages: false,
  verb: "generate",
  head: (model, piece) => omitEmpty({ model, created_at: nowTime(), response: piece.content ?? "", thinking: piece.thinking }, ["thinking"]),
};

/** Splits text at word boundaries, each token carrying the spaces before its word. */
function splitTokens(s: string): string[] {
  const tokens = s.match(/\s*\S+/g) ?? [];
  const rest = s.slice(tokens.join("").length);
  if (rest !== "") {
    if (tokens.length === 0) {
      return [rest];
    }
    tokens[tokens.length - 1] += rest;
  }
  return tokens;
}

function contentTokens(spec: ReplySpec, echo: string): string[] {
  if (spec.tokens) return spec.tokens;
  if (spec.token !== undefined) return new Array<string>(spec.repeat ?? 1).fill(spec.token);
  if (spec.line_bytes !== undefined) return [FILLER.repeat(Math.ceil(spec.line_bytes / FILLER.length)).slice(0, spec.line_bytes)];
  if (spec.echo) return splitTokens(echo);
  return splitTokens(spec.reply ?? DEFAULT_REPLY);
}

type Ending = "done" | "error" | "truncate" | "reset";

/** After how many chunks the reply ends, and how. */
function endingOf(spec: ReplySpec, total: number): { at: number; kind: Ending } {
  let best: { at: number; kind: Ending } = { at: total, kind: "done" };
  const cuts: [Ending, number | undefined][] = [["error", spec.error_after], ["truncate", spec.truncate_after], ["reset", spec.reset_after]];
  for (const [kind, after] of cuts) {
    if (after !== undefined) {
      const at = Math.min(after, total);
      if (at < best.at || (best.kind === "done" && at === best.at)) {
        best = { at, kind };
      }
    }
  }
  return best;
}

interface Reply {
  model: string;
  spec: ReplySpec;
  thinking: string[];
  content: string[];
  ending: { at: number; kind: Ending };
  metrics: { [key: string]: number };
}

function pieceAt(reply: Reply, i: number): Piece {
  return i < reply.thinking.length ? { thinking: reply.thinking[i]! } : { content: reply.content[i - reply.thinking.length]! };
}

function metricsOf(spec: ReplySpec, tokens: number, promptCount: number, loadNs: number): { [key: string]: number } {
  if (spec.omit_metrics) {
    return {};
  }
  const evalCount = spec.eval_count ?? tokens;
  const evalDuration = spec.eval_duration ?? evalCount * EVAL_NS_PER_TOKEN;
  const metrics = {
    total_duration: loadNs + promptCount * PROMPT_NS_PER_TOKEN + evalDuration + OTHER_NS,
    load_duration: loadNs,
    prompt_eval_count: promptCount,
    prompt_eval_duration: promptCount * PROMPT_NS_PER_TOKEN,
    eval_count: evalCount,
    eval_duration: evalDuration,
  };
  return omitEmpty(metrics, ["eval_count", "eval_duration"]);
}

/** The done:true object: the head, then done, done_reason and the metrics, in Go's order. */
function finalObject(shape: Shape, reply: Reply, piece: Piece): object {
  const doneReason = reply.spec.done_reason === undefined ? "stop" : reply.spec.done_reason;
  return { ...shape.head(reply.model, piece), done: true, ...(doneReason === null ? {} : { done_reason: doneReason }), ...reply.metrics };
}

async function streamReply(ex: Exchange, shape: Shape, reply: Reply): Promise<void> {
  const out = new NdjsonStream(ex, reply.spec.split_at);
  for (let i = 0; i < reply.ending.at; i++) {
    if (reply.spec.token_ms) {
      await sleep(reply.spec.token_ms);
    }
    if (ex.gone) {
      return;
    }
    await out.line({ ...shape.head(reply.model, pieceAt(reply, i)), done: false });
  }
  switch (reply.ending.kind) {
    case "done":
      await out.line(finalObject(shape, reply, { content: reply.spec.final_content ?? "" }));
      return out.end();
    case "error":
      await out.line({ error: reply.spec.error ?? DEFAULT_STREAM_ERROR });
      return out.end();
    case "truncate":
      return out.end();
    case "reset":
      return ex.reset();
  }
}

/** stream:false: one JSON object once the reply is complete (errors as a 500). */
async function wholeReply(ex: Exchange, shape: Shape, reply: Reply): Promise<void> {
  for (let i = 0; i < reply.ending.at && reply.spec.token_ms; i++) {
    await sleep(reply.spec.token_ms);
    if (ex.gone) {
      return;
    }
  }
  const thinking = reply.thinking.join("");
  const body = goJson(finalObject(shape, reply, { content: reply.content.join("") + (reply.spec.final_content ?? ""), ...(thinking ? { thinking } : {}) }));
  switch (reply.ending.kind) {
    case "error":
      return sendError(ex.res, 500, reply.spec.error ?? DEFAULT_STREAM_ERROR);
    case "reset":
      return ex.reset();
    case "truncate":
    case "done": {
      const bytes = Buffer.from(body);
      const cut = reply.ending.kind === "truncate" ? bytes.subarray(0, bytes.length >> 1) : bytes;
      ex.res.statusCode = 200;
      ex.res.setHeader("Content-Type", "application/json; charset=utf-8");
      const writer = new BodyWriter(ex, reply.spec.split_at);
      await writer.send(cut);
      return writer.end();
    }
  }
}

/**
 * A server that only keeps the connection alive: 200, then a lone "\n" every `everyMs`, never a
 * JSON line, until the client leaves or `forMs` has passed (then the response ends, incomplete).
 */
async function trickle(ex: Exchange, everyMs: number, forMs: number, streamed: boolean): Promise<void> {
  ex.res.statusCode = 200;
  ex.res.setHeader("Content-Type", streamed ? "application/x-ndjson" : "application/json; charset=utf-8");
  ex.res.flushHeaders();
  const writer = new BodyWriter(ex);
  const endAt = Date.now() + forMs;
  while (!ex.gone && Date.now() + everyMs <= endAt) {
    await sleep(everyMs);
    await writer.send(Buffer.from("\n"));
  }
  writer.end();
}

/** The name Ollama's capability errors use: the full name, host and namespace included. */
function fullName(name: string): string {
  const parsed = parseName(name);
  return parsed ? `${parsed.host}/${parsed.namespace}/${parsed.model}:${parsed.tag}` : name;
}

/** The num_ctx the model loads with: asked (or the server's default), at least 4 (2048 for vision), at most the model's context_length. */
function effectiveNumCtx(req: Fields, spec: ModelSpec, defaultNumCtx: number): number {
  const options = (req["options"] ?? {}) as Fields;
  const asked = typeof options["num_ctx"] === "number" ? Math.trunc(options["num_ctx"]) : defaultNumCtx;
  const floor = spec.capabilities.includes("vision") ? 2048 : 4;
  return Math.min(Math.max(asked, floor), spec.context_length);
}

async function generateReply(ex: Exchange, shape: Shape): Promise<void> {
  const req = readRequest(ex, shape.structName, shape.schema);
  if (!req) {
    return;
  }
  const name = text(req, "model");
  if (name === "") {
    return sendError(ex.res, 400, "model is required");
  }
  const keepAlive = readKeepAlive(ex, req["keep_alive"]);
  if (keepAlive === undefined) {
    return;
  }
  const model = ex.world.findLocal(name);
  if (!model) {
    return sendError(ex.res, 404, `model '${name}' not found`);
  }
  const caps = model.spec.capabilities;
  if (shape.loadsOnly(req) && keepAlive === 0) {
    ex.world.unload(model);
    return sendJson(ex.res, 200, { ...shape.head(name, {}), done: true, done_reason: "unload" });
  }
  if (wantsThinking(req["think"]) && !caps.includes("thinking")) {
    return sendError(ex.res, 400, `${goQuote(name)} does not support thinking`);
  }
  if (!caps.includes("completion")) {
    return sendError(ex.res, 400, `${goQuote(name)} does not support ${shape.verb}`);
  }
  const needs: Capability[] = [];
  if (Array.isArray(req["tools"]) && req["tools"].length > 0) needs.push("tools");
  if (text(req, "suffix") !== "") needs.push("insert");
  const missing = needs.filter((c) => !caps.includes(c));
  if (missing.length > 0) {
    return sendError(ex.res, 400, `${fullName(model.spec.name)} does not support ${missing.join("\n")}`);
  }
  const thinkingOn = caps.includes("thinking") && req["think"] !== false;
  const numCtx = effectiveNumCtx(req, model.spec, ex.world.defaultNumCtx);
  const sessionMs = req["keep_alive"] === undefined ? undefined : keepAlive;
  if (shape.loadsOnly(req)) {
    const use = await ex.world.use(model, sessionMs, numCtx);
    use.release();
    ex.log.served = { num_ctx: numCtx, cold: use.cold, load_ms: use.waitedMs };
    return sendJson(ex.res, 200, { ...shape.head(name, {}), done: true, done_reason: "load" });
  }
  const spec = ex.world.takeReply(model);
  if (spec.hang) {
    return; // accepted, never answered: the connection stays open until the client leaves
  }
  if (spec.trickle_ms !== undefined) {
    return trickle(ex, spec.trickle_ms, spec.trickle_for_ms ?? DEFAULT_TRICKLE_FOR_MS, req["stream"] !== false);
  }
  if (spec.status !== undefined) {
    return sendError(ex.res, spec.status, spec.error ?? DEFAULT_STATUS_ERRORS[spec.status] ?? STATUS_CODES[spec.status] ?? "error");
  }
  const use = await ex.world.use(model, sessionMs, numCtx);
  ex.res.once("close", use.release);
  if (ex.gone) {
    return;
  }
  const fitted = fitPrompt(shape.promptMessages(req), numCtx, caps.includes("vision"), shape.dropsMessages);
  ex.log.served = {
    num_ctx: numCtx,
    cold: use.cold,
    load_ms: use.waitedMs,
    prompt_tokens: fitted.promptTokens,
    prompt_eval_count: fitted.evaluated,
    dropped_messages: fitted.droppedMessages,
    truncated: fitted.evaluated < fitted.promptTokens,
  };
  const thinking = thinkingOn && spec.thinking !== undefined ? splitTokens(spec.thinking) : [];
  const content = contentTokens(spec, shape.echo(req));
  const total = thinking.length + content.length;
  const reply: Reply = {
    model: name,
    spec,
    thinking,
    content,
    ending: endingOf(spec, total),
    metrics: metricsOf(spec, total, fitted.evaluated, use.waitedMs * 1_000_000 + WARM_LOAD_NS),
  };
  if (req["stream"] === false) {
    return wholeReply(ex, shape, reply);
  }
  return streamReply(ex, shape, reply);
}

export function handleChat(ex: Exchange): Promise<void> {
  return generateReply(ex, CHAT);
}

export function handleGenerate(ex: Exchange): Promise<void> {
  return generateReply(ex, GENERATE);
}
