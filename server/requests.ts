// The request bodies of the Ollama endpoints, read as Ollama's Go structs read them.

import type { Exchange } from "./exchange.js";
import { bindStruct, DecodeError, decodeBody, type FieldKind, type FieldSchema } from "./godecode.js";
import { DurationError, parseGoDuration } from "./gotime.js";
import { sendError } from "./respond.js";
import { DEFAULT_KEEP_ALIVE_MS } from "./scenario.js";

const STRING: FieldKind = { type: "string" };
const BOOL: FieldKind = { type: "bool" };
const KEEP_ALIVE: FieldKind = { type: "number_or_string" };
const THINK: FieldKind = { type: "bool_or_string" };
const OPTIONS: FieldKind = { type: "object" };
const IMAGES: FieldKind = { type: "array", goType: "[]api.ImageData", item: { type: "base64" } };
const TOOLS: FieldKind = { type: "array", goType: "api.Tools", item: { type: "struct", goType: "api.Tool", fields: {} } };

const MESSAGE: FieldKind = {
  type: "struct",
  goType: "api.Message",
  fields: { role: STRING, content: STRING, thinking: STRING, images: IMAGES },
};

export const CHAT_REQUEST: FieldSchema = {
  model: STRING,
  messages: { type: "array", goType: "[]api.Message", item: MESSAGE },
  tools: TOOLS,
  stream: BOOL,
  think: THINK,
  keep_alive: KEEP_ALIVE,
  options: OPTIONS,
};

export const GENERATE_REQUEST: FieldSchema = {
  model: STRING,
  prompt: STRING,
  suffix: STRING,
  system: STRING,
  images: IMAGES,
  stream: BOOL,
  think: THINK,
  keep_alive: KEEP_ALIVE,
  options: OPTIONS,
};

export const COPY_REQUEST: FieldSchema = { source: STRING, destination: STRING };

/** Pull, show and delete: `model`, or `name` from older clients. */
export const NAMED_REQUEST: FieldSchema = { model: STRING, name: STRING, stream: BOOL };

export type Fields = { [field: string]: unknown };

/**
 * The body of `ex` bound to `schema`, or undefined after answering 400 with Go's message
 * (missing request body, invalid character ..., cannot unmarshal ...).
 */
export function readRequest(ex: Exchange, structName: string, schema: FieldSchema): Fields | undefined {
  const decoded = decodeBody(ex.body);
  if (decoded.kind === "empty") {
    sendError(ex.res, 400, "missing request body");
    return undefined;
  }
  if (decoded.kind === "error") {
    sendError(ex.res, 400, decoded.message);
    return undefined;
  }
  try {
    return bindStruct(decoded.value, structName, schema);
  } catch (err) {
    if (err instanceof DecodeError) {
      sendError(ex.res, 400, err.message);
      return undefined;
    }
    throw err;
  }
}


/**
 * keep_alive in milliseconds (Infinity when negative: forever), or undefined after answering
 * 400: numbers are seconds, strings Go durations ("5m", "1h30m").
 */
export function readKeepAlive(ex: Exchange, value: unknown): number | undefined {
  if (typeof value === "number") {
    return value < 0 ? Infinity : value * 1000; // seconds, fractions kept (Go: t * time.Second)
  }
  if (typeof value !== "string") {
    return DEFAULT_KEEP_ALIVE_MS;
  }
  try {
    const ms = parseGoDuration(value);
    return ms < 0 ? Infinity : ms;
  } catch (err) {
    if (err instanceof DurationError) {
      sendError(ex.res, 400, err.message);
      return undefined;
    }
    throw err;
  }
}

/** The `think` value as a switch: true, or a level ("high"), asks for thinking. */
export function wantsThinking(think: unknown): boolean {
  return think === true || (typeof think === "string" && think !== "");
}

export function text(fields: Fields, key: string): string {
  const value = fields[key];
  return typeof value === "string" ? value : "";
}

/** The model a pull, show or delete is about: `model`, else `name` (older clients). */
export function requestedName(fields: Fields): string {
  return text(fields, "model") || text(fields, "name");
}
