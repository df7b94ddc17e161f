// The typed Ollama client. Every call returns a Handle at once and reports through callbacks on
// the main loop; nothing here blocks the editor.
import * as config from "../config";
import { request, type HttpResponse, type Method } from "../http/curl";
import * as errors from "./errors";
import { parseHost } from "./host";
import { manifestUrl } from "./names";
import type {
  Callback,
  ChatHandlers,
  ChatRequest,
  ChatResult,
  GenerateRequest,
  Handle,
  ModelInfo,
  OllamaError,
  PullHandlers,
  PullProgress,
  RegistryManifest,
} from "./types";

const JSON_OPTS = { luanil: { object: true, array: true } };

export interface Contact {
  host: string;
  ok: boolean;
  message: string;
  /** os.time() of the answer. */
  time: number;
}

/** The base URL in effect: setup({ host }) or else OLLAMA_HOST. */
export function host(): string {
  return parseHost(config.get().host ?? vim.env.OLLAMA_HOST);
}

function headers(): { [name: string]: string } {
  return config.get().headers;
}

function decode(text: string): [true, unknown] | [false, string] {
  const [ok, value] = pcall(vim.json.decode, text, JSON_OPTS);
  return ok ? [true, value] : [false, tostring(value)];
}

interface CallSpec {
  method: Method;
  path: string;
  body?: unknown;
  /** The model the request is about, for "not installed" errors. */
  model?: string;
}

/** A request answered by one JSON body (or none). */
function call(spec: CallSpec, done: (this: void, err: OllamaError | undefined, res: HttpResponse) => void): Handle {
  const base = host();
  const { connect, request_idle } = config.get().timeouts;
  return request({
    method: spec.method,
    url: base + spec.path,
    headers: headers(),
    body: spec.body === undefined ? undefined : vim.json.encode(spec.body),
    connect_timeout: connect,
    idle_timeout_ms: request_idle * 1000,
    on_done: (res) => {
      const err = errors.transport(res, base, request_idle);
      if (err !== undefined) return done(err, res);
      if (res.status < 200 || res.status >= 300) return done(errors.fromStatus(res, base, spec.model, spec.model !== undefined), res);
      done(undefined, res);
    },
  });
}

/** A request answered by one JSON object, handed to `pick`. */
function callJson<T>(spec: CallSpec, pick: (this: void, value: LuaTable) => T | undefined, what: string, cb: Callback<T>): Handle {
  const base = host();
  return call(spec, (err, res) => {
    if (err !== undefined) return cb(err, undefined);
    const [ok, value] = decode(res.body);
    const picked = ok && type(value) === "table" ? pick(value as LuaTable) : undefined;
    if (picked === undefined) return cb(errors.invalid(base, `${what} was not the JSON expected`), undefined);
    cb(undefined, picked);
  });
}

/** @noSelf */
interface StreamSpec extends CallSpec {
  /** Each decoded line; return true when it was the final line. */
  on_object: (obj: LuaTable) => boolean;
  /** Once: undefined error when the final line arrived. */
  on_end: (err: OllamaError | undefined) => void;
  /** The server has sent no data for this many seconds (0: it sends again). */
  on_waiting?: (seconds: number) => void;
}

/** @noSelf */
export interface StreamDecoder {
  on_line: (line: string) => void;
  on_done: (res: HttpResponse) => void;
}

/**
 * What a stream does with its lines and its end: all of a stream request but curl, so the
 * fuzzing spec can drive it with every cut of a recorded stream.
 */
function streamDecoder(spec: StreamSpec, base: string, idleSeconds: number, cancel: (this: void) => void): StreamDecoder {
  let finished = false;
  let failure: OllamaError | undefined;
  return {
    on_line: (line) => {
      if (finished || failure !== undefined) return;
      const [ok, value] = decode(line);
      // A JSON array decodes to a table too: an object has no element 1.
      if (!ok || type(value) !== "table" || (value as LuaTable).get(1) !== undefined) {
        failure = errors.invalid(base, `a streamed line is not a JSON object: ${string.sub(line, 1, 80)}`);
        cancel();
        return;
      }
      const obj = value as LuaTable;
      const message = obj.get("error");
      if (message !== undefined) {
        // Status stays 200 for errors mid-stream; nothing follows the error line.
        failure = errors.serverSaid(type(message) === "string" ? (message as string) : vim.json.encode(message), undefined, spec.model);
        return;
      }
      finished = spec.on_object(obj);
    },
    on_done: (res) => {
      const err = errors.transport(res, base, idleSeconds);
      if (failure !== undefined) return spec.on_end(failure);
      if (err !== undefined) return spec.on_end(err);
      if (res.status < 200 || res.status >= 300) return spec.on_end(errors.fromStatus(res, base, spec.model, spec.model !== undefined));
      if (!finished) return spec.on_end(errors.incomplete(base, res.curl_code !== 0 ? res.curl_error : undefined));
      spec.on_end(undefined);
    },
  };
}

/** A request answered by an NDJSON stream. */
function stream(spec: StreamSpec): Handle {
  const base = host();
  let handle: Handle | undefined = undefined;
  const { connect, stream_idle } = config.get().timeouts;
  const decoder = streamDecoder(spec, base, stream_idle, () => handle?.cancel());
  const h = request({
    method: spec.method,
    url: base + spec.path,
    headers: headers(),
    body: vim.json.encode(spec.body),
    connect_timeout: connect,
    idle_timeout_ms: stream_idle * 1000,
    on_waiting: spec.on_waiting,
    on_line: decoder.on_line,
    on_done: decoder.on_done,
  });
  handle = h;
  return h;
}

function num(v: unknown): number | undefined {
  return type(v) === "number" ? (v as number) : undefined;
}

function str(v: unknown): string {
  return type(v) === "string" ? (v as string) : "";
}

export function version(cb: Callback<string>): Handle {
  return callJson({ method: "GET", path: "/api/version" }, (v) => {
    const s = v.get("version");
    return type(s) === "string" ? (s as string) : undefined;
  }, "/api/version", cb);
}

export function tags(cb: Callback<ModelInfo[]>): Handle {
  return callJson({ method: "GET", path: "/api/tags" }, (v) => {
    const models = v.get("models");
    if (models === undefined) return [];
    if (type(models) !== "table") return undefined;
    const out: ModelInfo[] = [];
    for (const m of models as ModelInfo[]) {
      if (type(m) === "table" && type(m.name) === "string") out.push(m);
    }
    return out;
  }, "/api/tags", cb);
}

export function show(model: string, cb: Callback<LuaTable>): Handle {
  return callJson({ method: "POST", path: "/api/show", body: { model }, model }, (v) => v, "/api/show", cb);
}

export function ps(cb: Callback<LuaTable[]>): Handle {
  return callJson({ method: "GET", path: "/api/ps" }, (v) => {
    const models = v.get("models");
    return type(models) === "table" ? (models as LuaTable[]) : models === undefined ? [] : undefined;
  }, "/api/ps", cb);
}

/** Deletes a model (200 with an empty body). */
export function remove(model: string, cb: (this: void, err: OllamaError | undefined) => void): Handle {
  return call({ method: "DELETE", path: "/api/delete", body: { model }, model }, (err) => cb(err));
}

/** A model loaded in memory (/api/ps). */
export interface RunningModel {
  name: string;
  /** Bytes in memory, and how many of them on the GPU. */
  size: number;
  size_vram: number;
  /** RFC 3339; far in the future when the model is kept loaded. */
  expires_at: string;
  /** The context it was loaded with (absent from servers before 0.6). */
  context_length?: number;
}

/** The models loaded in memory, typed (/api/ps). */
export function running(cb: Callback<RunningModel[]>): Handle {
  return ps((err, list) => {
    if (err !== undefined || list === undefined) return cb(err, undefined);
    const out: RunningModel[] = [];
    for (const m of list) {
      const name = type(m) === "table" ? m.get("name") ?? m.get("model") : undefined;
      if (type(name) === "string") out.push({
        name: name as string,
        size: num(m.get("size")) ?? 0,
        size_vram: num(m.get("size_vram")) ?? 0,
        expires_at: str(m.get("expires_at")),
        context_length: num(m.get("context_length")),
      });
    }
    cb(undefined, out);
  });
}

/** Copies a model under another name (200 with an empty body); an existing destination is replaced. */
export function copy(source: string, destination: string, cb: (this: void, err: OllamaError | undefined) => void): Handle {
  return call({ method: "POST", path: "/api/copy", body: { source, destination }, model: source }, (err) => cb(err));
}

/** Chat requests ended (replies, loads, unloads) (each may have loaded, kept or unloaded a model): /api/ps answers before are stale. */
let repliesEnded = 0;

/** How many chat/generate requests ended so far (a preload and an unload are such requests). */
export function memoryChanges(): number {
  return repliesEnded;
}

/**
 * Loads a model into memory for `keep_alive` (Ollama's default when undefined): a chat request with
 * no messages; `options` (num_ctx) as the next chat will ask, so it does not load it again.
 */
export function load(model: string, keep_alive: string | number | undefined, cb: (this: void, err: OllamaError | undefined) => void, options?: { [name: string]: unknown }): Handle {
  const body = new LuaTable();
  body.set("model", model);
  body.set("messages", []);
  if (keep_alive !== undefined) body.set("keep_alive", keep_alive);
  if (options !== undefined) body.set("options", options);
  return call({ method: "POST", path: "/api/chat", body, model }, (err) => {
    repliesEnded++;
    cb(err);
  });
}

/** Unloads a model from memory: a chat request with no messages and keep_alive 0. */
export function unload(model: string, cb: (this: void, err: OllamaError | undefined) => void): Handle {
  return load(model, 0, cb);
}

/** What /api/show says about a model, typed. */
export interface ModelShow {
  capabilities: string[];
  /** From model_info's `<architecture>.context_length`. */
  context_length?: number;
  modelfile: string;
  parameters: string;
  template: string;
  license: string;
  details?: LuaTable;
}

function contextLength(info: unknown): number | undefined {
  if (type(info) !== "table") return undefined;
  for (const [key, value] of pairs(info as LuaTable)) {
    if (type(key) === "string" && vim.endswith(key as string, ".context_length") && type(value) === "number") return value as number;
  }
  return undefined;
}

/** A model's capabilities, context length and texts (/api/show). */
export function showModel(model: string, cb: Callback<ModelShow>): Handle {
  return show(model, (err, v) => {
    if (err !== undefined || v === undefined) return cb(err, undefined);
    const caps: string[] = [];
    const listed = v.get("capabilities");
    if (type(listed) === "table") for (const c of listed as unknown[]) if (type(c) === "string") caps.push(c as string);
    const details = v.get("details");
    cb(undefined, {
      capabilities: caps,
      context_length: contextLength(v.get("model_info")),
      modelfile: str(v.get("modelfile")),
      parameters: str(v.get("parameters")),
      template: str(v.get("template")),
      license: str(v.get("license")),
      details: type(details) === "table" ? (details as LuaTable) : undefined,
    });
  });
}

function chatResult(model: string): ChatResult {
  return { model, content: "", thinking: "", done: false };
}

function applyFinal(result: ChatResult, obj: LuaTable): void {
  result.done = true;
  const reason = obj.get("done_reason");
  if (type(reason) === "string") result.done_reason = reason as string;
  result.total_duration = num(obj.get("total_duration"));
  result.load_duration = num(obj.get("load_duration"));
  result.prompt_eval_count = num(obj.get("prompt_eval_count"));
  result.prompt_eval_duration = num(obj.get("prompt_eval_duration"));
  result.eval_count = num(obj.get("eval_count"));
  result.eval_duration = num(obj.get("eval_duration"));
}

// Text arrives in many small pieces: kept in a list and joined once at the end.
function collect(result: ChatResult, content: string[], thinking: string[]): ChatResult {
  result.content = table.concat(content);
  result.thinking = table.concat(thinking);
  return result;
}

/** The options as Ollama takes them: num_ctx "auto" is the plugin's (chat/fit.ts sizes it), never sent. */
function ollamaOptions(options: { [name: string]: unknown } | undefined): { [name: string]: unknown } | undefined {
  if (options === undefined) return undefined;
  const out: { [name: string]: unknown } = {};
  let any = false;
  for (const [k, v] of pairs(options)) {
    if (k !== "num_ctx" || type(v) === "number") {
      out[k as string] = v;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** Model options and loading hints shared by chat and generate requests. */
function setCommon(body: LuaTable, req: { options?: { [name: string]: unknown }; keep_alive?: string | number; think?: boolean | string }): void {
  const options = ollamaOptions(req.options);
  if (options !== undefined) body.set("options", options);
  if (req.keep_alive !== undefined) body.set("keep_alive", req.keep_alive);
  if (req.think !== undefined) body.set("think", req.think);
}

/** Reads the text of one streamed line: [content, thinking]. */
type TextOf = (this: void, obj: LuaTable) => LuaMultiReturn<[string, string]>;

/** A streamed reply: deltas as they come, then the whole text and the final line's metrics. */
function replySpec(path: string, body: LuaTable, model: string, textOf: TextOf, handlers: ChatHandlers): StreamSpec {
  const result = chatResult(model);
  const content: string[] = [];
  const thinking: string[] = [];
  const onDelta = handlers.on_delta;
  return {
    method: "POST",
    path,
    body,
    model,
    on_waiting: handlers.on_waiting,
    on_object: (obj) => {
      const [c, t] = textOf(obj);
      if (c !== "") content.push(c);
      if (t !== "") thinking.push(t);
      if ((c !== "" || t !== "") && onDelta !== undefined) onDelta({ content: c, thinking: t });
      if (obj.get("done") === true) {
        applyFinal(result, obj);
        return true;
      }
      return false;
    },
    on_end: (err) => {
      repliesEnded++;
      handlers.on_done(err, collect(result, content, thinking));
    },
  };
}

const chatText: TextOf = (obj) => {
  const message = obj.get("message");
  if (type(message) !== "table") return $multi("", "");
  const m = message as { content?: unknown; thinking?: unknown };
  return $multi(str(m.content), str(m.thinking));
};

const generateText: TextOf = (obj) => $multi(str(obj.get("response")), str(obj.get("thinking")));

/** Streams a chat reply. The final chunk may carry text too; metrics may be absent. */
export function chat(req: ChatRequest, handlers: ChatHandlers): Handle {
  const body = new LuaTable();
  body.set("model", req.model);
  body.set("messages", req.messages);
  body.set("stream", true);
  setCommon(body, req);
  if (req.format !== undefined) body.set("format", req.format);
  return stream(replySpec("/api/chat", body, req.model, chatText, handlers));
}

/** Streams a completion; `response` is the content, `thinking` at top level. */
export function generate(req: GenerateRequest, handlers: ChatHandlers): Handle {
  const body = new LuaTable();
  body.set("model", req.model);
  body.set("prompt", req.prompt);
  body.set("stream", true);
  if (req.system !== undefined) body.set("system", req.system);
  setCommon(body, req);
  return stream(replySpec("/api/generate", body, req.model, generateText, handlers));
}

function pullSpec(model: string, handlers: PullHandlers): StreamSpec {
  const onProgress = handlers.on_progress;
  return {
    method: "POST",
    path: "/api/pull",
    body: { model, stream: true },
    on_waiting: handlers.on_waiting,
    on_object: (obj) => {
      const status = str(obj.get("status"));
      if (onProgress !== undefined) {
        const p: PullProgress = { status };
        const digest = obj.get("digest");
        if (type(digest) === "string") p.digest = digest as string;
        p.total = num(obj.get("total"));
        p.completed = num(obj.get("completed"));
        onProgress(p);
      }
      return status === "success";
    },
    on_end: (err) => handlers.on_done(err),
  };
}

/** Pulls a model (full name with tag), streaming progress; any status string may appear. */
export function pull(model: string, handlers: PullHandlers): Handle {
  return stream(pullSpec(model, handlers));
}

/**
 * The decoder a chat, generate or pull stream runs, without the request: on_line for each line
 * as curl's output is split, on_done with the response. For specs (stream fuzzing).
 */
export function decoder(kind: "chat" | "generate" | "pull", model: string, handlers: ChatHandlers & PullHandlers, base = DECODER_BASE): StreamDecoder {
  const body = new LuaTable();
  const spec =
    kind === "pull" ? pullSpec(model, handlers) : replySpec(`/api/${kind}`, body, model, kind === "chat" ? chatText : generateText, handlers);
  return streamDecoder(spec, base, config.get().timeouts.stream_idle, () => {});
}

const DECODER_BASE = "http://127.0.0.1:11434";

// Go's encoding of a JSON string (what Ollama hashed): <, > and & escaped, other text raw.
function goString(s: string): string {
  const [escaped] = string.gsub(s, '[%c"\\<>&]', (c: string) => {
    if (c === '"') return '\\"';
    if (c === "\\") return "\\\\";
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return string.format("\\u%04x", string.byte(c));
  });
  return `"${escaped}"`;
}

function goLayer(layer: LuaTable): string {
  const parts = [`"mediaType":${goString(str(layer.get("mediaType")))}`, `"digest":${goString(str(layer.get("digest")))}`, `"size":${string.format("%d", num(layer.get("size")) ?? 0)}`];
  const from = str(layer.get("from"));
  if (from !== "") parts.push(`"from":${goString(from)}`);
  return `{${parts.join(",")}}`;
}

/** The compact form servers before 0.19 wrote (and hashed) for a pulled manifest. */
export function reserializeManifest(body: string): string | undefined {
  const [ok, value] = decode(body);
  if (!ok || type(value) !== "table") return undefined;
  const m = value as LuaTable;
  const config = m.get("config");
  const layers = m.get("layers");
  if (type(config) !== "table" || type(layers) !== "table") return undefined;
  const encodedLayers: string[] = [];
  for (const layer of layers as LuaTable[]) encodedLayers.push(goLayer(layer));
  return `{"schemaVersion":${string.format("%d", num(m.get("schemaVersion")) ?? 0)},"mediaType":${goString(str(m.get("mediaType")))},"config":${goLayer(config as LuaTable)},"layers":[${encodedLayers.join(",")}]}`;
}

const MANIFEST_ACCEPT = "application/vnd.docker.distribution.manifest.v2+json";

function registryError(registry: string, res: HttpResponse): OllamaError {
  if (res.status === 0) {
    return { kind: "unreachable", message: `registry ${registry} is unreachable: ${res.curl_error !== "" ? res.curl_error : `curl exit code ${res.curl_code}`}` };
  }
  return { kind: "http", message: `registry ${registry} answered HTTP ${res.status}`, status: res.status };
}

/**
 * Asks the registry for a model's manifest digest without downloading the model: HEAD gives
 * ollama-content-digest; without it, GET the manifest (about 1 KiB) and hash it. `opts.get`
 * always GETs and adds the body's hashes to the header's digest: a model stored by a server
 * before 0.19 only matches the re-serialised body.
 */
export function registryManifest(model: string, registry: string, cb: Callback<RegistryManifest>, opts?: { get?: boolean }): Handle {
  const url = manifestUrl(model, registry);
  const accept = { Accept: MANIFEST_ACCEPT };
  let current: Handle;
  const finish = (res: HttpResponse, get: boolean): void => {
    if (res.cancelled) return cb(errors.cancelled(), undefined);
    if (res.status === 404) return cb(undefined, { found: false, digests: [] });
    if (res.status < 200 || res.status >= 300) return cb(registryError(registry, res), undefined);
    const digests: string[] = [];
    const header = res.headers["ollama-content-digest"];
    if (header !== undefined && header !== "") {
      const [hex] = string.gsub(header, "^sha256:", "");
      digests.push(string.lower(hex));
    }
    if (!get) {
      if (digests.length > 0) return cb(undefined, { found: true, digests });
      current = request({ method: "GET", url, headers: accept, connect_timeout: 10, idle_timeout_ms: 15000, on_done: (r) => finish(r, true) });
      return;
    }
    digests.push(vim.fn.sha256(res.body));
    const legacy = reserializeManifest(res.body);
    if (legacy !== undefined) digests.push(vim.fn.sha256(legacy));
    cb(undefined, { found: true, digests });
  };
  const get = opts !== undefined && opts.get === true;
  current = request({ method: get ? "GET" : "HEAD", url, headers: accept, connect_timeout: 10, idle_timeout_ms: 15000, on_done: (r) => finish(r, get) });
  return { cancel: () => current.cancel() };
}
