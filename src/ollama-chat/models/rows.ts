// The model manager's text: one row per local model, from what Ollama said (/api/tags, /api/ps,
// /api/show), the default model and the last outdated check. Pure: facts in, lines and highlight
// ranges out; `now` is given, so the same facts always give the same text.
import type { RunningModel } from "../ollama/client";
import { sameModel } from "../ollama/names";
import type { ModelInfo } from "../ollama/types";

import { bytes, type Line, type Span } from "../ui/lines";

export { bytes, type Line };

/** What /api/show added about a model (cached by name and digest). */
export interface ShowFacts {
  capabilities: string[];
  context_length?: number;
}

export interface Loaded {
  size: number;
  size_vram: number;
  context_length?: number;
  /** Epoch seconds it unloads at; undefined when Ollama did not say. */
  expires?: number;
}

export interface ModelRow {
  name: string;
  size: number;
  parameter_size: string;
  quantization: string;
  family: string;
  /** Epoch seconds; undefined when the time could not be read. */
  modified?: number;
  digest: string;
  /** Undefined while /api/show has not answered. */
  show?: ShowFacts;
  isDefault: boolean;
  loaded?: Loaded;
  /** The model was outdated at the last check. */
  outdated: boolean;
}

/** The last `:Ollama outdated`: which models had a newer version, and when (epoch seconds). */
export interface OutdatedCheck {
  names: string[];
  time: number;
}

/** Facts the rows are built from. */
export interface Facts {
  tags: ModelInfo[];
  running: RunningModel[];
  show: (this: void, model: ModelInfo) => ShowFacts | undefined;
  defaultModel?: string;
  outdated?: OutdatedCheck;
}

/** A model kept loaded (keep_alive < 0) expires hundreds of years from now. */
const KEPT_LOADED_S = 100 * 365 * 86400;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch seconds of an RFC 3339 time ("2025-05-04T17:37:44.706015396-07:00"), or undefined. */
export function parseTime(text: string): number | undefined {
  const [y, mo, d, h, mi, s, rest] = string.match(text, "^(%d%d%d%d)%-(%d%d)%-(%d%d)[Tt ](%d%d):(%d%d):(%d%d)(.*)$");
  if (y === undefined) return undefined;
  const days = daysFromCivil(tonumber(y)!, tonumber(mo)!, tonumber(d)!);
  let t = days * 86400 + tonumber(h)! * 3600 + tonumber(mi)! * 60 + tonumber(s)!;
  const [sign, oh, om] = string.match(rest ?? "", "([+-])(%d%d):?(%d%d)$");
  if (sign !== undefined) {
    const offset = tonumber(oh)! * 3600 + tonumber(om)! * 60;
    t = sign === "+" ? t - offset : t + offset;
  }
  return t;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** "just now", "5 minutes ago", "3 days ago", "2 months ago", "1 year ago". */
export function ago(seconds: number): string {
  if (seconds < 60) return "just now";
  const minutes = math.floor(seconds / 60);
  if (minutes < 60) return `${plural(minutes, "minute")} ago`;
  const hours = math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, "hour")} ago`;
  const days = math.floor(hours / 24);
  if (days < 30) return `${plural(days, "day")} ago`;
  const months = math.floor(days / 30);
  if (months < 12) return `${plural(months, "month")} ago`;
  return `${plural(math.floor(days / 365), "year")} ago`;
}

/** "unloads in 4 min", "unloads in 30 s", "unloads in 2 h", "kept loaded". */
export function unloadText(expires: number | undefined, now: number): string {
  if (expires === undefined) return "";
  const left = expires - now;
  if (left >= KEPT_LOADED_S) return "kept loaded";
  if (left <= 0) return "unloading";
  if (left < 60) return `unloads in ${math.ceil(left)} s`;
  if (left < 3600) return `unloads in ${math.ceil(left / 60)} min`;
  return `unloads in ${math.floor(left / 3600)} h ${math.floor((left % 3600) / 60)} min`;
}

/** "100% GPU", "48% GPU", "CPU" (size_vram / size). */
export function gpuShare(size: number, vram: number): string {
  if (size <= 0 || vram <= 0) return "CPU";
  return `${math.floor((math.min(vram, size) / size) * 100 + 0.5)}% GPU`;
}

/** Context lengths in tokens: 131072 → "128K", 4096 → "4K", 1000 → "1000". */
export function contextText(n: number | undefined): string {
  if (n === undefined || n <= 0) return "";
  if (n >= 1024 && n % 1024 === 0) return `${math.floor(n / 1024)}K`;
  return `${math.floor(n)}`;
}

function loadedOf(running: RunningModel[], name: string): Loaded | undefined {
  for (const r of running) {
    if (r.name === name || sameModel(r.name, name)) {
      return { size: r.size, size_vram: r.size_vram, context_length: r.context_length, expires: parseTime(r.expires_at) };
    }
  }
  return undefined;
}

/** One row per local model, sorted by name (stable while models come and go). */
export function buildRows(facts: Facts): ModelRow[] {
  const outdated = new LuaSet<string>();
  if (facts.outdated !== undefined) for (const n of facts.outdated.names) outdated.add(n);
  const rows: ModelRow[] = [];
  for (const m of facts.tags) {
    const d = m.details ?? {};
    rows.push({
      name: m.name,
      size: type(m.size) === "number" ? m.size : 0,
      parameter_size: type(d.parameter_size) === "string" ? d.parameter_size! : "",
      quantization: type(d.quantization_level) === "string" ? d.quantization_level! : "",
      family: type(d.family) === "string" ? d.family! : "",
      modified: type(m.modified_at) === "string" ? parseTime(m.modified_at) : undefined,
      digest: type(m.digest) === "string" ? m.digest : "",
      show: facts.show(m),
      isDefault: facts.defaultModel !== undefined && sameModel(facts.defaultModel, m.name),
      loaded: loadedOf(facts.running, m.name),
      outdated: outdated.has(m.name),
    });
  }
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows;
}

/** Column widths, so that rows line up; computed once per listing. */
export interface Widths {
  name: number;
  size: number;
  params: number;
  quant: number;
  family: number;
  modified: number;
  context: number;
  caps: number;
}

const CAPABILITY_ORDER = ["completion", "vision", "tools", "thinking", "insert", "embedding"];

function capsText(show: ShowFacts | undefined): string {
  if (show === undefined) return "…";
  const known: string[] = [];
  for (const c of CAPABILITY_ORDER) if (show.capabilities.includes(c)) known.push(c);
  for (const c of show.capabilities) if (!CAPABILITY_ORDER.includes(c)) known.push(c);
  return known.join(" ");
}

function modifiedText(row: ModelRow, now: number): string {
  return row.modified === undefined ? "" : ago(math.max(0, now - row.modified));
}

function width(text: string): number {
  return vim.fn.strdisplaywidth(text);
}

export function widths(rows: ModelRow[], now: number): Widths {
  const w: Widths = { name: 4, size: 4, params: 6, quant: 5, family: 6, modified: 8, context: 7, caps: 12 };
  for (const r of rows) {
    w.name = math.max(w.name, width(r.name));
    w.size = math.max(w.size, bytes(r.size).length);
    w.params = math.max(w.params, r.parameter_size.length);
    w.quant = math.max(w.quant, r.quantization.length);
    w.family = math.max(w.family, r.family.length);
    w.modified = math.max(w.modified, modifiedText(r, now).length);
    w.context = math.max(w.context, contextText(r.show?.context_length).length);
    w.caps = math.max(w.caps, width(capsText(r.show)));
  }
  return w;
}

/** Builds a line cell by cell, recording the highlight of each. */
class LineBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly spans: Span[] = [];

  add(text: string, group?: string, pad = 0): this {
    if (text !== "" && group !== undefined) this.spans.push([this.length, this.length + text.length, group]);
    this.parts.push(text);
    this.length += text.length;
    const fill = pad - width(text);
    if (fill > 0) {
      this.parts.push(string.rep(" ", fill));
      this.length += fill;
    }
    return this;
  }

  line(): Line {
    const [text] = string.gsub(table.concat(this.parts), "%s+$", "");
    return { text, spans: this.spans };
  }
}

const GAP = "  ";

function loadedText(l: Loaded, now: number): string {
  const parts = [`loaded ${bytes(l.size)}`, gpuShare(l.size, l.size_vram)];
  if (l.context_length !== undefined && l.context_length > 0) parts.push(`ctx ${contextText(l.context_length)}`);
  const until = unloadText(l.expires, now);
  if (until !== "") parts.push(until);
  return parts.join(", ");
}

/** A model's row: mark, name, size, parameters, quantization, family, modified, context, capabilities, state. */
export function rowLine(r: ModelRow, w: Widths, now: number, outdatedAt?: number): Line {
  const b = new LineBuilder();
  b.add(r.isDefault ? "★" : " ", "OllamaModelsDefault").add(" ");
  b.add(r.name, r.isDefault ? "OllamaModelsDefault" : "OllamaModelsName", w.name).add(GAP);
  b.add(bytes(r.size), undefined, w.size).add(GAP);
  b.add(r.parameter_size, undefined, w.params).add(GAP);
  b.add(r.quantization, "OllamaModelsMuted", w.quant).add(GAP);
  b.add(r.family, "OllamaModelsMuted", w.family).add(GAP);
  b.add(modifiedText(r, now), "OllamaModelsMuted", w.modified).add(GAP);
  b.add(contextText(r.show?.context_length), undefined, w.context).add(GAP);
  b.add(capsText(r.show), "OllamaModelsBadge", w.caps);
  if (r.loaded !== undefined) b.add(GAP).add(`● ${loadedText(r.loaded, now)}`, "OllamaModelsLoaded");
  if (r.outdated) {
    const when = outdatedAt !== undefined ? ` (checked ${ago(math.max(0, now - outdatedAt))})` : "";
    b.add(GAP).add(`↑ outdated${when}`, "OllamaModelsOutdated");
  }
  return b.line();
}

export function columnsLine(w: Widths): Line {
  const b = new LineBuilder();
  b.add("  ").add("NAME", undefined, w.name).add(GAP).add("SIZE", undefined, w.size).add(GAP);
  b.add("PARAMS", undefined, w.params).add(GAP).add("QUANT", undefined, w.quant).add(GAP);
  b.add("FAMILY", undefined, w.family).add(GAP).add("MODIFIED", undefined, w.modified).add(GAP);
  b.add("CONTEXT", undefined, w.context).add(GAP).add("CAPABILITIES", undefined, w.caps).add(GAP).add("STATE");
  const line = b.line();
  line.spans = [[0, line.text.length, "OllamaModelsColumns"]];
  return line;
}

/** What the view shows besides the rows. */
export interface Situation {
  host: string;
  /** Why the last request failed (Ollama down), shown until one succeeds. */
  error?: string;
  /** True before the first listing arrived. */
  loading: boolean;
  outdated?: OutdatedCheck;
}

function plain(text: string, group?: string): Line {
  return { text, spans: group !== undefined && text !== "" ? [[0, text.length, group]] : [] };
}

/** The header: what is listed, and whether Ollama answers. */
export function headerLines(rows: ModelRow[], s: Situation, now: number): Line[] {
  let loaded = 0;
  let def: string | undefined;
  for (const r of rows) {
    if (r.loaded !== undefined) loaded++;
    if (r.isDefault) def = r.name;
  }
  const title = s.loading
    ? ` Ollama models at ${s.host}: listing…`
    : ` Ollama models at ${s.host}: ${plural(rows.length, "model")}, ${loaded} loaded${def !== undefined ? `, default ★ ${def}` : ", no default model"}`;
  const out = [plain(title, "OllamaModelsHeader")];
  if (s.error !== undefined) out.push(plain(` ⚠ ${s.error} (retrying)`, "OllamaModelsError"));
  else if (s.outdated !== undefined) {
    const n = s.outdated.names.length;
    out.push(plain(` Last outdated check ${ago(math.max(0, now - s.outdated.time))}: ${n === 0 ? "all up to date" : `${n} outdated (U updates all)`}`, "OllamaModelsMuted"));
  } else out.push(plain(" Not checked for updates yet: :Ollama outdated", "OllamaModelsMuted"));
  return out;
}

/** Every line of the view; `rowStart` is the index of the first model row. */
export function viewLines(rows: ModelRow[], s: Situation, now: number): { lines: Line[]; rowStart: number } {
  const lines = headerLines(rows, s, now);
  lines.push(plain(""));
  if (rows.length === 0 && !s.loading) {
    lines.push(plain(s.error !== undefined ? " (no listing)" : " No local models: p pulls one by name (llama3.2:3b)", "OllamaModelsMuted"));
    return { lines, rowStart: lines.length };
  }
  const w = widths(rows, now);
  lines.push(columnsLine(w));
  const rowStart = lines.length;
  const at = s.outdated?.time;
  for (const r of rows) lines.push(rowLine(r, w, now, at));
  return { lines, rowStart };
}

/** The keys of the view, in the order the footer and g? show them. */
export const KEYS: [string, string][] = [
  ["<CR>", "chat with the model"],
  ["d", "delete the model"],
  ["u", "update the model"],
  ["U", "update all models"],
  ["c", "copy the model under a new name"],
  ["l", "load the model into memory (preload)"],
  ["x", "unload the model from memory"],
  ["K", "details: modelfile, parameters, template, license"],
  ["p", "pull a model by name"],
  ["R", "refresh"],
  ["g?", "these keys"],
  ["q", "close"],
];

/** The key hints: "<CR> chat · d delete · …". */
export function footer(): string {
  const short: { [key: string]: string } = { "<CR>": "chat", d: "delete", u: "update", U: "update all", c: "copy", l: "load", x: "unload", K: "details", p: "pull", R: "refresh", "g?": "help", q: "close" };
  const parts: string[] = [];
  for (const [key] of KEYS) parts.push(`${key} ${short[key]}`);
  return ` ${parts.join(" · ")} `;
}
