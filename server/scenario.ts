// The scenario: which models exist, how pulls and the registry behave, how chats reply.
// Read from JSON (a file or PUT /__scenario), checked field by field, completed with defaults.
// Maps keyed by model name accept `[]` for empty, since Lua's JSON encoders write {} as [].

import { formatTime, parseTimeSeconds } from "./gotime.js";
import { displayName, nameKey, parseName } from "./names.js";

export interface ModelSpec {
  /** Display name with its tag: "llama3.2:3b", "jmorganca/foo:latest", "hf.co/u/r:Q4_K_M". */
  name: string;
  size: number;
  family: string;
  families: string[] | null;
  parameter_size: string;
  quantization_level: string;
  format: string;
  modified_at: string;
  /** Capability: accepts `think`, streams `thinking` (the same as "thinking" in capabilities). */
  thinking: boolean;
  /** What /api/show reports, in Ollama's order; chat and generate check them. */
  capabilities: Capability[];
  context_length: number;
  /** Share of the loaded model in GPU memory, in percent: /api/ps size_vram = size * gpu_percent / 100. */
  gpu_percent: number;
  /** How long loading the model takes (a cold start before the first chunk), in ms. */
  load_ms: number;
  /** The name is listed as given, unchecked (a hostile server: real Ollama skips invalid names). */
  unchecked_name: boolean;
  /** The local digest is that of the compact re-serialised manifest (servers before 0.19). */
  legacy_digest: boolean;
}

/** Ollama's capabilities, in the order it derives them (model file, projector, then template). */
export const CAPABILITIES = ["completion", "embedding", "vision", "audio", "tools", "insert", "thinking", "image"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type PullBehavior = "up_to_date" | "update" | "unknown" | "fail_midway" | "invalid" | "new";
const PULL_BEHAVIORS: readonly PullBehavior[] = ["up_to_date", "update", "unknown", "fail_midway", "invalid", "new"];

export interface PullSpec {
  behavior: PullBehavior;
  /** How long downloading the new layers takes. */
  duration_ms: number;
  /** Bytes of the new model layer (default: the model's size). */
  total: number | undefined;
  error: string | undefined;
  /** Wait before the first byte of the answer. */
  delay_ms: number;
  /** Details of a model that `new` adds (name excluded). */
  model: Partial<Omit<ModelSpec, "name">>;
}

export interface RegistrySpec {
  status: number;
  /** Send `ollama-content-digest` on HEAD and GET. */
  header: boolean;
  /** The registry's manifest differs from the local one. */
  newer: boolean;
}

export interface ReplySpec {
  reply?: string;
  tokens?: string[];
  token?: string;
  repeat?: number;
  line_bytes?: number;
  echo?: boolean;
  thinking?: string;
  token_ms?: number;
  final_content?: string;
  /** null: the final chunk has no done_reason. */
  done_reason?: string | null;
  omit_metrics?: boolean;
  eval_count?: number;
  eval_duration?: number;
  error_after?: number;
  truncate_after?: number;
  reset_after?: number;
  error?: string;
  split_at?: number[];
  status?: number;
  hang?: boolean;
  /** Keep-alive only: a "\n" every trickle_ms, never a JSON line. */
  trickle_ms?: number;
  /** How long a trickle lasts before the response ends (still without a JSON line). */
  trickle_for_ms?: number;
}

export interface ChatScenario {
  default: ReplySpec;
  /** Keyed by nameKey. */
  models: Map<string, ReplySpec>;
  queue: ReplySpec[];
}

export interface Scenario {
  version: string;
  /** The num_ctx a request gets when it sets none (OLLAMA_CONTEXT_LENGTH; 4096 in Ollama 0.6 to 0.12). */
  default_num_ctx: number;
  models: ModelSpec[];
  /** Keyed by lookupKey. */
  pull: Map<string, Partial<PullSpec>>;
  registry: Map<string, Partial<RegistrySpec>>;
  chat: ChatScenario;
}

export class ScenarioError extends Error {}

/** The key of a model name in scenario maps; names Ollama rejects keep their own (for `invalid`). */
export function lookupKey(text: string): string {
  return nameKey(text) ?? text.toLowerCase();
}

export const DEFAULT_MODEL_SIZE = 2019393189;
const DEFAULT_MODEL: Omit<ModelSpec, "name" | "families" | "modified_at" | "capabilities"> = {
  size: DEFAULT_MODEL_SIZE,
  family: "llama",
  parameter_size: "3.2B",
  quantization_level: "Q4_K_M",
  format: "gguf",
  thinking: false,
  context_length: 131072,
  gpu_percent: 100,
  load_ms: 0,
  unchecked_name: false,
  legacy_digest: false,
};
export const DEFAULT_NUM_CTX = 4096;
/** Ollama's default keep_alive (OLLAMA_KEEP_ALIVE unset). */
export const DEFAULT_KEEP_ALIVE_MS = 5 * 60_000;
/** Default modified_at of the first model; each next one is an hour older, so /api/tags keeps list order. */
const DEFAULT_MODIFIED_MS = Date.UTC(2025, 4, 5, 0, 37, 44, 706);
export const DEFAULT_PULL_MS = 300;

type Json = { [key: string]: unknown };

function fail(path: string, message: string): never {
  throw new ScenarioError(`scenario: ${path} ${message}`);
}

function at(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function asObject(value: unknown, path: string): Json {
  if (Array.isArray(value) && value.length === 0) {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path || "the scenario", "must be an object");
  }
  return value as Json;
}

function fields(value: unknown, path: string, allowed: readonly string[]): Json {
  const obj = asObject(value, path);
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(at(path, key), `is not a known field (known: ${allowed.join(", ")})`);
    }
  }
  return obj;
}

function optString(obj: Json, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v !== undefined && typeof v !== "string") {
    fail(at(path, key), "must be a string");
  }
  return v;
}

function optBool(obj: Json, key: string, path: string): boolean | undefined {
  const v = obj[key];
  if (v !== undefined && typeof v !== "boolean") {
    fail(at(path, key), "must be true or false");
  }
  return v;
}

function optInt(obj: Json, key: string, path: string, min = 0): number | undefined {
  const v = obj[key];
  if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < min)) {
    fail(at(path, key), `must be an integer >= ${min}`);
  }
  return v;
}

function optPercent(obj: Json, key: string, path: string): number | undefined {
  const v = obj[key];
  if (v !== undefined && (typeof v !== "number" || !(v >= 0 && v <= 100))) {
    fail(at(path, key), "must be a number from 0 to 100");
  }
  return v;
}

function optStringList(obj: Json, key: string, path: string): string[] | undefined {
  const v = obj[key];
  if (v !== undefined && (!Array.isArray(v) || !v.every((s) => typeof s === "string"))) {
    fail(at(path, key), "must be a list of strings");
  }
  return v;
}

/** `obj` without its undefined fields, so that spreading it over defaults keeps the defaults. */
function defined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) {
    if (obj[key] === undefined) {
      delete obj[key];
    }
  }
  return obj;
}

function modelName(text: unknown, path: string): string {
  const name = typeof text === "string" ? parseName(text) : undefined;
  if (!name) {
    fail(path, `is not a valid model name: ${JSON.stringify(text)}`);
  }
  return displayName(name);
}

const MODEL_FIELDS = [
  "name", "size", "family", "families", "parameter_size", "quantization_level", "format", "modified_at", "thinking", "capabilities",
  "context_length", "gpu_percent", "load_ms", "unchecked_name", "legacy_digest",
] as const;

function optCapabilities(obj: Json, path: string): Capability[] | undefined {
  const list = optStringList(obj, "capabilities", path);
  for (const c of list ?? []) {
    if (!CAPABILITIES.includes(c as Capability)) {
      fail(`${path}.capabilities`, `has ${JSON.stringify(c)}: known capabilities are ${CAPABILITIES.join(", ")}`);
    }
  }
  return list as Capability[] | undefined;
}

function readModelDetails(obj: Json, path: string): Partial<Omit<ModelSpec, "name">> {
  const families = obj["families"] === null ? null : optStringList(obj, "families", path);
  const modified = optString(obj, "modified_at", path);
  if (modified !== undefined && parseTimeSeconds(modified) === undefined) {
    fail(`${path}.modified_at`, "must be an RFC 3339 time like 2025-05-04T17:37:44.706015396-07:00");
  }
  return defined({
    size: optInt(obj, "size", path, 1),
    family: optString(obj, "family", path),
    families,
    parameter_size: optString(obj, "parameter_size", path),
    quantization_level: optString(obj, "quantization_level", path),
    format: optString(obj, "format", path),
    modified_at: modified,
    thinking: optBool(obj, "thinking", path),
    capabilities: optCapabilities(obj, path),
    context_length: optInt(obj, "context_length", path, 1),
    gpu_percent: optPercent(obj, "gpu_percent", path),
    load_ms: optInt(obj, "load_ms", path),
    unchecked_name: optBool(obj, "unchecked_name", path),
    legacy_digest: optBool(obj, "legacy_digest", path),
  });
}

/** A model with every field set: what the scenario gave, else the defaults. */
export function completeModel(name: string, details: Partial<Omit<ModelSpec, "name">>, index: number): ModelSpec {
  const family = details.family ?? DEFAULT_MODEL.family;
  const given = new Set<Capability>(details.capabilities ?? ["completion"]);
  if (details.thinking) {
    given.add("thinking");
  }
  const capabilities = CAPABILITIES.filter((c) => given.has(c));
  return {
    ...DEFAULT_MODEL,
    families: [family],
    modified_at: formatTime(DEFAULT_MODIFIED_MS - index * 3_600_000, 15396),
    ...details,
    capabilities,
    thinking: capabilities.includes("thinking"),
    name,
  };
}

function readModels(value: unknown): ModelSpec[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    fail("models", "must be a list");
  }
  const seen = new Set<string>();
  return value.map((entry, i) => {
    const path = `models[${i}]`;
    const obj = fields(entry, path, MODEL_FIELDS);
    const unchecked = optBool(obj, "unchecked_name", path) ?? false;
    if (unchecked && (typeof obj["name"] !== "string" || obj["name"] === "")) {
      fail(`${path}.name`, "must be a non-empty string");
    }
    const name = unchecked ? (obj["name"] as string) : modelName(obj["name"], `${path}.name`);
    if (seen.has(name.toLowerCase())) {
      fail(`${path}.name`, `repeats ${name}`);
    }
    seen.add(name.toLowerCase());
    return completeModel(name, readModelDetails(obj, path), i);
  });
}

function readPull(value: unknown, local: Set<string>): Map<string, Partial<PullSpec>> {
  const out = new Map<string, Partial<PullSpec>>();
  for (const [name, entry] of Object.entries(asObject(value ?? {}, "pull"))) {
    const path = `pull[${JSON.stringify(name)}]`;
    const obj = fields(entry, path, ["behavior", "duration_ms", "total", "error", "delay_ms", "model"]);
    const behavior = obj["behavior"];
    if (behavior !== undefined && !PULL_BEHAVIORS.includes(behavior as PullBehavior)) {
      fail(`${path}.behavior`, `must be one of ${PULL_BEHAVIORS.join(", ")}`);
    }
    if (behavior !== "invalid") {
      modelName(name, path);
    }
    if (behavior === "new" && local.has(lookupKey(name))) {
      fail(`${path}.behavior`, "is new, but the model is already in models");
    }
    const modelPath = `${path}.model`;
    const model = obj["model"] === undefined ? undefined : fields(obj["model"], modelPath, MODEL_FIELDS.filter((f) => f !== "name" && f !== "unchecked_name"));
    out.set(
      lookupKey(name),
      defined({
        behavior: behavior as PullBehavior | undefined,
        duration_ms: optInt(obj, "duration_ms", path),
        total: optInt(obj, "total", path, 1),
        error: optString(obj, "error", path),
        delay_ms: optInt(obj, "delay_ms", path),
        model: model && readModelDetails(model, modelPath),
      }),
    );
  }
  return out;
}

function readRegistry(value: unknown): Map<string, Partial<RegistrySpec>> {
  const out = new Map<string, Partial<RegistrySpec>>();
  for (const [name, entry] of Object.entries(asObject(value ?? {}, "registry"))) {
    const path = `registry[${JSON.stringify(name)}]`;
    modelName(name, path);
    const obj = fields(entry, path, ["status", "header", "newer"]);
    out.set(
      lookupKey(name),
      defined({ status: optInt(obj, "status", path, 100), header: optBool(obj, "header", path), newer: optBool(obj, "newer", path) }),
    );
  }
  return out;
}

const REPLY_SOURCES = ["reply", "tokens", "token", "line_bytes", "echo"] as const;
const REPLY_FIELDS = [
  ...REPLY_SOURCES,
  "repeat", "thinking", "token_ms", "final_content", "done_reason", "omit_metrics", "eval_count", "eval_duration",
  "error_after", "truncate_after", "reset_after", "error", "split_at", "status", "hang", "trickle_ms", "trickle_for_ms",
] as const;

function readReply(value: unknown, path: string): ReplySpec {
  const obj = fields(value, path, REPLY_FIELDS);
  const sources = REPLY_SOURCES.filter((key) => obj[key] !== undefined);
  if (sources.length > 1) {
    fail(path, `sets ${sources.join(" and ")}: set only one of ${REPLY_SOURCES.join(", ")}`);
  }
  const doneReason = obj["done_reason"];
  if (doneReason !== undefined && doneReason !== null && typeof doneReason !== "string") {
    fail(`${path}.done_reason`, "must be a string or null");
  }
  const splitAt = obj["split_at"];
  if (splitAt !== undefined && (!Array.isArray(splitAt) || !splitAt.every((n) => Number.isInteger(n) && n > 0))) {
    fail(`${path}.split_at`, "must be a list of byte offsets > 0");
  }
  const status = optInt(obj, "status", path, 400);
  if (status !== undefined && status > 599) {
    fail(`${path}.status`, "must be an HTTP error status (400..599)");
  }
  if (obj["trickle_for_ms"] !== undefined && obj["trickle_ms"] === undefined) {
    fail(`${path}.trickle_for_ms`, "needs trickle_ms");
  }
  if (obj["repeat"] !== undefined && obj["token"] === undefined) {
    fail(`${path}.repeat`, "needs token");
  }
  return defined({
    reply: optString(obj, "reply", path),
    tokens: optStringList(obj, "tokens", path),
    token: optString(obj, "token", path),
    repeat: optInt(obj, "repeat", path),
    line_bytes: optInt(obj, "line_bytes", path, 1),
    echo: optBool(obj, "echo", path),
    thinking: optString(obj, "thinking", path),
    token_ms: optInt(obj, "token_ms", path),
    final_content: optString(obj, "final_content", path),
    done_reason: doneReason as string | null | undefined,
    omit_metrics: optBool(obj, "omit_metrics", path),
    eval_count: optInt(obj, "eval_count", path),
    eval_duration: optInt(obj, "eval_duration", path),
    error_after: optInt(obj, "error_after", path),
    truncate_after: optInt(obj, "truncate_after", path),
    reset_after: optInt(obj, "reset_after", path),
    error: optString(obj, "error", path),
    split_at: (splitAt as number[] | undefined)?.slice().sort((a, b) => a - b),
    status,
    hang: optBool(obj, "hang", path),
    trickle_ms: optInt(obj, "trickle_ms", path, 1),
    trickle_for_ms: optInt(obj, "trickle_for_ms", path),
  });
}

function readChat(value: unknown): ChatScenario {
  const obj = fields(value ?? {}, "chat", ["default", "models", "queue"]);
  const models = new Map<string, ReplySpec>();
  for (const [name, entry] of Object.entries(asObject(obj["models"] ?? {}, "chat.models"))) {
    const path = `chat.models[${JSON.stringify(name)}]`;
    modelName(name, path);
    models.set(lookupKey(name), readReply(entry, path));
  }
  const queue = obj["queue"] ?? [];
  if (!Array.isArray(queue)) {
    fail("chat.queue", "must be a list");
  }
  return {
    default: obj["default"] === undefined ? {} : readReply(obj["default"], "chat.default"),
    models,
    queue: queue.map((entry, i) => readReply(entry, `chat.queue[${i}]`)),
  };
}

/** Checks a scenario as parsed from JSON (undefined: the empty scenario); throws ScenarioError. */
export function readScenario(value: unknown): Scenario {
  const obj = fields(value ?? {}, "", ["version", "default_num_ctx", "models", "pull", "registry", "chat"]);
  const models = readModels(obj["models"]);
  const local = new Set(models.map((m) => m.name.toLowerCase()));
  return {
    version: optString(obj, "version", "") ?? "0.12.6",
    default_num_ctx: optInt(obj, "default_num_ctx", "", 1) ?? DEFAULT_NUM_CTX,
    models,
    pull: readPull(obj["pull"], local),
    registry: readRegistry(obj["registry"]),
    chat: readChat(obj["chat"]),
  };
}
