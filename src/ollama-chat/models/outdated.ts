// The result of the last `:Ollama outdated`, for the model manager. The update feature announces
// each run's end with the OllamaUpdateDone event (its payload has `available` after a check);
// this keeps what the last check found, and forgets models an update has since brought up to date.
// The result is kept in stdpath("state")/ollama-chat/outdated.lua (each model with the digest it
// had, and the check's time), read back asynchronously, so a new Neovim shows the marks at once; a
// mark whose model has another digest now (updated since, by anyone) is not shown.
import { sameModel } from "../ollama/names";
import type { ModelInfo } from "../ollama/types";
import * as fs from "../store/fs";
import { isMissing } from "../store/async";
import { parse } from "../store/luadata";
import { notify } from "../ui/notify";
import { changes } from "./changes";
import * as listing from "./listing";
import type { OutdatedCheck } from "./rows";

/** @noSelf */
interface DonePayload {
  updated?: string[];
  available?: string[];
  error?: string;
}

/** A model found outdated, with the digest it had then ("" when the listing was not known). */
interface Entry {
  name: string;
  digest: string;
}

interface Check {
  entries: Entry[];
  /** Epoch seconds. */
  time: number;
}

const FORMAT = 1;
/** A saved check older than this is not shown (the registry has moved on since). */
const MAX_AGE_DAYS = 30;

let last: Check | undefined;
let read = false;
/** The filtered result for the listing it was made from (redraws ask often). */
let shown: { check: Check; tags: ModelInfo[] | undefined; result: OutdatedCheck } | undefined;

/** Where the last check is kept. */
export function file(): string {
  return `${vim.fn.stdpath("state") as string}/ollama-chat/outdated.lua`;
}

function digestOf(tags: ModelInfo[] | undefined, name: string): string | undefined {
  if (tags === undefined) return undefined;
  for (const m of tags) if (sameModel(m.name, name)) return m.digest ?? "";
  return undefined;
}

/**
 * The last check's outdated models and its time (epoch seconds), or undefined when none ran; a
 * model whose digest changed since the check is left out.
 */
export function lastCheck(): OutdatedCheck | undefined {
  readSaved();
  if (last === undefined) return undefined;
  const tags = listing.tags();
  if (shown !== undefined && shown.check === last && shown.tags === tags) return shown.result;
  const names: string[] = [];
  for (const e of last.entries) {
    const now = digestOf(tags, e.name);
    if (e.digest === "" || now === undefined || now === e.digest) names.push(e.name);
  }
  shown = { check: last, tags, result: { names, time: last.time } };
  return shown.result;
}

function encode(check: Check): string {
  const lines = [
    "-- ollama-chat: the last :Ollama outdated (written by the plugin; deleting it is harmless)",
    "return {",
    `  format = ${FORMAT},`,
    `  time = ${string.format("%d", check.time)},`,
    "  models = {",
  ];
  for (const e of check.entries) lines.push(`    { name = ${string.format("%q", e.name)}, digest = ${string.format("%q", e.digest)} },`);
  lines.push("  },", "}", "");
  return lines.join("\n");
}

function save(check: Check): void {
  const path = file();
  fs.mkdirp(vim.fs.dirname(path), (err) => {
    if (err !== undefined) return notify(`could not keep the outdated check: ${err}`, vim.log.levels.WARN);
    fs.writeFileAtomic(path, encode(check), (werr) => {
      if (werr !== undefined) notify(`could not keep the outdated check: ${werr}`, vim.log.levels.WARN);
    });
  });
}

/** The check a saved file holds, or why it holds none. */
function decode(text: string): Check | string {
  const parsed = parse(text);
  if (!parsed.ok) return parsed.error;
  const t = parsed.value as { format?: unknown; time?: unknown; models?: unknown };
  if (type(t) !== "table" || t.format !== FORMAT) return "not a saved check of this version";
  if (type(t.time) !== "number") return "no time";
  if (type(t.models) !== "table") return "no models";
  const entries: Entry[] = [];
  for (const m of t.models as { name?: unknown; digest?: unknown }[]) {
    if (type(m) !== "table" || type(m.name) !== "string" || type(m.digest) !== "string") return "a model without a name or digest";
    entries.push({ name: m.name as string, digest: m.digest as string });
  }
  return { entries, time: t.time as number };
}

/** Reads the saved check once, in the background; a newer check made meanwhile wins. */
function readSaved(): void {
  if (read) return;
  read = true;
  const path = file();
  fs.readFile(path, (err, text) => {
    if (err !== undefined) {
      if (!isMissing(err)) notify(`could not read the last outdated check (${err}); run :Ollama outdated again`, vim.log.levels.WARN);
      return;
    }
    const check = decode(text!);
    if (type(check) === "string") {
      notify(`${path}: ignored (${check as string}); the next :Ollama outdated writes it again`, vim.log.levels.WARN);
      return;
    }
    const c = check as Check;
    const days = math.floor((os.time() - c.time) / 86400);
    if (days > MAX_AGE_DAYS || c.time > os.time() + 86400) {
      notify(`the last outdated check is from ${days} days ago: not shown; run :Ollama outdated`, vim.log.levels.INFO);
      return;
    }
    if (last !== undefined && last.time >= c.time) return;
    last = c;
    changes.publish({ what: "outdated" });
  });
}

/** Reads one OllamaUpdateDone payload. */
export function record(data: unknown): void {
  if (type(data) !== "table") return;
  const p = data as DonePayload;
  if (p.error !== undefined) return;
  if (type(p.available) === "table") {
    const tags = listing.tags();
    const entries: Entry[] = [];
    for (const n of p.available!) if (type(n) === "string") entries.push({ name: n, digest: digestOf(tags, n) ?? "" });
    last = { entries, time: os.time() };
  } else if (last !== undefined && type(p.updated) === "table" && p.updated!.length > 0) {
    const still: Entry[] = [];
    for (const e of last.entries) if (p.updated!.find((u) => sameModel(u, e.name)) === undefined) still.push(e);
    last = { entries: still, time: last.time };
  } else return;
  // What is read back later must not replace what was just found.
  read = true;
  changes.publish({ what: "outdated" });
  const check = last;
  if (!unknownDigests(check)) return save(check);
  // Checked before the listing was known here (the view never opened): the digests it has now.
  listing.refreshTags(() => {
    const tags = listing.tags();
    for (const e of check.entries) if (e.digest === "") e.digest = digestOf(tags, e.name) ?? "";
    shown = undefined;
    if (last === check) save(check);
  });
}

function unknownDigests(check: Check): boolean {
  for (const e of check.entries) if (e.digest === "") return true;
  return false;
}

vim.api.nvim_create_autocmd("User", {
  group: vim.api.nvim_create_augroup("ollama-chat-models-outdated", { clear: true }),
  pattern: "OllamaUpdateDone",
  callback: (args) => record(args.data),
});
