// The model manager's text: one row per local model, from what Ollama said (/api/tags, /api/ps,
// /api/show), the default model and the last outdated check. Pure: facts in, lines and highlight
// ranges out; `now` is given, so the same facts always give the same text.
import type { RunningModel } from "../ollama/client";
import { fullName } from "../ollama/names";
import type { ModelInfo } from "../ollama/types";

import { bytes } from "../format/bytes";
import { parseTime } from "./time";
import type { Line, Span } from "../ui/lines";

export type { Line };

/** What /api/show added about a model (cached by name and digest). */
export interface ShowFacts {
  capabilities: string[];
  context_length?: number;
  /** The capabilities as shown, made once. */
  badges?: string;
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

function loadedOf(running: LuaMap<string, RunningModel>, name: string): Loaded | undefined {
  const r = running.get(name);
  if (r === undefined) return undefined;
  return { size: r.size, size_vram: r.size_vram, context_length: r.context_length, expires: parseTime(r.expires_at) };
}

/** One row per local model, sorted by name (stable while models come and go). */
export function buildRows(facts: Facts): ModelRow[] {
  const outdated = new LuaSet<string>();
  if (facts.outdated !== undefined) for (const n of facts.outdated.names) outdated.add(fullName(n));
  // /api/tags and /api/ps name models the same way (full names with their tag): compared as such.
  const running = new LuaMap<string, RunningModel>();
  for (const r of facts.running) running.set(fullName(r.name), r);
  const def = facts.defaultModel !== undefined ? fullName(facts.defaultModel) : undefined;
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
      isDefault: m.name === def,
      loaded: loadedOf(running, m.name),
      outdated: outdated.has(m.name),
    });
  }
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows;
}

const CAPABILITY_ORDER = ["completion", "vision", "tools", "thinking", "insert", "embedding"];

function capsText(show: ShowFacts | undefined): string {
  if (show === undefined) return "…";
  if (show.badges !== undefined) return show.badges;
  const known: string[] = [];
  for (const c of CAPABILITY_ORDER) if (show.capabilities.includes(c)) known.push(c);
  for (const c of show.capabilities) if (!CAPABILITY_ORDER.includes(c)) known.push(c);
  show.badges = known.join(" ");
  return show.badges;
}

/** A name as one line of text: a hostile server's control characters shown as "?". */
function shownName(name: string): string {
  return string.gsub(name, "%c", "?")[0];
}

const NON_ASCII = `[${string.char(128)}-${string.char(255)}]`;

/** Display width; plain ASCII (nearly every cell) without asking Vim. */
function width(text: string): number {
  return string.find(text, NON_ASCII)[0] === undefined ? text.length : vim.fn.strdisplaywidth(text);
}

function loadedText(l: Loaded, now: number): string {
  const parts = [`● loaded ${bytes(l.size)}`, gpuShare(l.size, l.size_vram)];
  if (l.context_length !== undefined && l.context_length > 0) parts.push(`ctx ${contextText(l.context_length)}`);
  const until = unloadText(l.expires, now);
  if (until !== "") parts.push(until);
  return parts.join(", ");
}

/** The columns, in order: header, highlight, and whether the column is padded to line up. */
const COLUMNS: [string, string | undefined][] = [
  ["", "OllamaModelsDefault"],
  ["NAME", "OllamaModelsName"],
  ["SIZE", undefined],
  ["PARAMS", undefined],
  ["QUANT", "OllamaModelsMuted"],
  ["FAMILY", "OllamaModelsMuted"],
  ["MODIFIED", "OllamaModelsMuted"],
  ["CONTEXT", undefined],
  ["CAPABILITIES", "OllamaModelsBadge"],
  ["STATE", "OllamaModelsLoaded"],
  ["", "OllamaModelsOutdated"],
];
const MARK = 0;
const NAME = 1;
/** The last columns are not padded: nothing follows them but what they say. */
const PADDED = 9;

/** A row's text, cell by cell (COLUMNS). */
export function cells(r: ModelRow, now: number, outdatedAt?: number): string[] {
  let outdated = "";
  if (r.outdated) outdated = `↑ outdated${outdatedAt !== undefined ? ` (checked ${ago(math.max(0, now - outdatedAt))})` : ""}`;
  const context = r.show !== undefined ? contextText(r.show.context_length) : "";
  const modified = r.modified === undefined ? "" : ago(math.max(0, now - r.modified));
  const loaded = r.loaded !== undefined ? loadedText(r.loaded, now) : "";
  const mark = r.isDefault ? "★" : "";
  return [mark, shownName(r.name), bytes(r.size), r.parameter_size, r.quantization, r.family, modified, context, capsText(r.show), loaded, outdated];
}

/** Column widths, so that rows line up. */
export function widths(table: string[][]): number[] {
  const w: number[] = [];
  for (let c = 0; c < PADDED; c++) w.push(width(COLUMNS[c][0]));
  w[MARK] = 1;
  for (const row of table) for (let c = 0; c < PADDED; c++) w[c] = math.max(w[c], width(row[c]));
  return w;
}

const GAP = "  ";

/** Lays cells out in columns; runs of one colour with only spaces between share one highlight. */
function layout(cellTexts: string[], w: number[], groups: (string | undefined)[]): Line {
  const parts: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  let lastSpanColumn = -1;
  const put = (text: string): void => {
    parts.push(text);
    length += text.length;
  };
  for (let c = 0; c < cellTexts.length; c++) {
    const text = cellTexts[c];
    const padded = c < PADDED;
    // An empty unpadded (last) column adds nothing, not even its gap.
    const skip = text === "" && !padded;
    if (!skip && c > 0) put(c === NAME ? " " : GAP);
    const group = groups[c];
    if (!skip && text !== "" && group !== undefined) {
      const last = spans[spans.length - 1];
      if (last !== undefined && last[2] === group && lastSpanColumn === c - 1) last[1] = length + text.length;
      else spans.push([length, length + text.length, group]);
      lastSpanColumn = c;
    }
    if (!skip) put(text);
    const fill = padded ? w[c] - width(text) : 0;
    if (fill > 0) put(string.rep(" ", fill));
  }
  const [text] = string.gsub(table.concat(parts), "%s+$", "");
  return { text, spans };
}

const ROW_GROUPS: (string | undefined)[] = [];
for (const [, group] of COLUMNS) ROW_GROUPS.push(group);
const DEFAULT_GROUPS = ROW_GROUPS.slice();
DEFAULT_GROUPS[NAME] = "OllamaModelsDefault";

/** Lines made before, by their cells and the widths: most rows do not change between redraws. */
let lineCache = new LuaMap<string, Line>();
let cacheSize = 0;

export function rowLine(cellTexts: string[], w: number[], isDefault: boolean): Line {
  const key = `${table.concat(w, ",")}\0${isDefault ? "*" : ""}${table.concat(cellTexts, "\0")}`;
  const cached = lineCache.get(key);
  if (cached !== undefined) return cached;
  const line = layout(cellTexts, w, isDefault ? DEFAULT_GROUPS : ROW_GROUPS);
  if (cacheSize > 2000) {
    lineCache = new LuaMap();
    cacheSize = 0;
  }
  lineCache.set(key, line);
  cacheSize++;
  return line;
}

export function columnsLine(w: number[]): Line {
  const heads: string[] = [];
  for (const [head] of COLUMNS) heads.push(head);
  const line = layout(heads, w, []);
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
  const at = s.outdated?.time;
  const table: string[][] = [];
  for (const r of rows) table.push(cells(r, now, at));
  const w = widths(table);
  lines.push(columnsLine(w));
  const rowStart = lines.length;
  for (let i = 0; i < rows.length; i++) lines.push(rowLine(table[i], w, rows[i].isDefault));
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
